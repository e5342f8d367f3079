"""The steps an order passes that can break, by kind of business, and where the questionnaire looks at them.

A bakery and a consultancy do not break in the same place. Goods need
production, finished stock and materials; services and software need their
people's hours and customer service; a website only matters where orders come
in online. Each business is modelled with its own steps only, so a walk-in
shop is never told its website fails first, and a consultancy is never told
its "production" does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["goods", "services", "software", "both"]
KINDS: tuple[Kind, ...] = ("goods", "services", "software", "both")

#: Engine slots, in the order its arrays use. The making slot is production for
#: goods and people's hours for services and software (see :func:`step_key`).
WEB, MAKE, STOCK, MATERIALS, SERVICE, CASH = range(6)
SLOTS = 6


@dataclass(frozen=True)
class Resource:
    """A step that can break, in plain words.

    ``dimensions`` are questionnaire dimension ids, most relevant first, so a
    page can show the findings of that part of the assessment next to the
    bottleneck (a website bottleneck points to the technology findings).
    """

    key: str
    label: str
    name: str
    what: str
    dimensions: tuple[str, ...]
    #: fits a metric on a phone, and in a quarter of a laptop's page ("People's ho…" was cut, a browser pass)
    short: str = ""
    #: ``dimension.area`` ids, most relevant first: where a questionnaire has areas, the findings beside a
    #: bottleneck come from these (stock points to supply, not to cash), else from ``dimensions``.
    areas: tuple[str, ...] = ()


RESOURCES: dict[str, Resource] = {
    r.key: r
    for r in (
        Resource(
            "website",
            "Website and order system",
            "the website",
            "the online orders a day your website, shop, app or booking system takes before it fails or slows",
            ("technology",),
            "Website",
            ("technology.online_front",),
        ),
        Resource(
            "production",
            "Production",
            "production",
            "the orders a day your equipment, space and crew can make",
            ("capacity", "team"),
            "Production",
            ("capacity.throughput", "team.surge", "team.hiring"),
        ),
        Resource(
            "people",
            "People's hours",
            "your people's hours",
            "the orders, jobs or bookings a day your people can deliver",
            ("team", "capacity"),
            "People",
            ("team.hiring", "team.surge", "capacity.throughput"),
        ),
        Resource(
            "stock",
            "Finished stock",
            "finished stock",
            "goods made and ready to sell, which serve orders before production has to",
            ("capacity", "process"),
            "Stock",
            ("capacity.supply", "process.stock_and_suppliers", "process.planning"),
        ),
        Resource(
            "materials",
            "Materials and suppliers",
            "materials",
            "materials on hand plus what suppliers deliver, after their lead time",
            ("capacity", "process"),
            "Materials",
            ("capacity.supply", "process.stock_and_suppliers"),
        ),
        Resource(
            "service",
            "Customer service",
            "customer service",
            "the orders a day your team can confirm, answer questions about and sort out",
            ("team", "process"),
            "Service",
            ("process.order_to_delivery", "team.hiring", "team.surge"),
        ),
        Resource(
            "cash",
            "Cash",
            "cash",
            "money in the bank plus credit you can draw: costs go out before customers pay",
            ("capacity",),
            "Cash",
            ("capacity.cash",),
        ),
    )
}


def step_key(slot: int, kind: Kind) -> str:
    """The resource an engine slot stands for in this kind of business."""
    if slot == MAKE:
        return "production" if kind in ("goods", "both") else "people"
    return ("website", "", "stock", "materials", "service", "cash")[slot]


def has_goods(kind: Kind) -> bool:
    """Production, finished stock and materials are modelled."""
    return kind in ("goods", "both")


def has_service(kind: Kind) -> bool:
    """Customer service caps deliveries (services and software; both)."""
    return kind != "goods"


def slots_of(kind: Kind, online: bool) -> tuple[int, ...]:
    """The engine slots this business has; the website only where orders come online."""
    out = [MAKE]
    if online:
        out.insert(0, WEB)
    if has_goods(kind):
        out += [STOCK, MATERIALS]
    if has_service(kind):
        out.append(SERVICE)
    return (*out, CASH)
