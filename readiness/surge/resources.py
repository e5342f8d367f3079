"""The steps an order passes that can break, in plain words, and where the questionnaire looks at them."""

from __future__ import annotations

from dataclasses import dataclass

#: The steps an order passes, in the order the arrays of the engine use.
RESOURCE_KEYS: tuple[str, ...] = ("technology", "people", "production", "materials", "service")
TECH, PEOPLE, PRODUCTION, MATERIALS, SERVICE = range(5)


@dataclass(frozen=True)
class Resource:
    """A step that can break, in plain words, and where the questionnaire looks at it.

    ``dimensions`` are questionnaire dimension ids, most relevant first, so a
    page can show the findings of that part of the assessment next to the
    bottleneck (a technology bottleneck points to the technology findings).
    """

    key: str
    label: str
    name: str
    phrase: str
    what: str
    dimensions: tuple[str, ...]


RESOURCES: dict[str, Resource] = {
    "technology": Resource(
        "technology",
        "Website and order system",
        "your website",
        "your website",
        "the most orders a day your website, shop or booking system takes before it fails or slows down",
        ("technology",),
    ),
    "people": Resource(
        "people",
        "Team",
        "your team",
        "your team",
        "the orders a day your people can make, pack and deliver",
        ("team",),
    ),
    "production": Resource(
        "production",
        "Production and equipment",
        "production",
        "production (equipment and space)",
        "the orders a day your machines, kitchen, rooms or vans can handle",
        ("capacity",),
    ),
    "materials": Resource(
        "materials",
        "Materials and stock",
        "materials",
        "your materials and stock",
        "stock on hand plus what suppliers deliver each day",
        ("capacity", "process"),
    ),
    "service": Resource(
        "service",
        "Customer service",
        "customer service",
        "customer service",
        "the orders a day your team can confirm, answer questions about and sort out",
        ("team", "process"),
    ),
    "cash": Resource(
        "cash",
        "Cash",
        "cash",
        "your cash",
        "money in the bank: costs go out before customers pay",
        ("capacity",),
    ),
}
