"""The model's named inputs ("knobs"), as a person would give them: weeks, %, × a normal day.

Questions carry these names in ``surge_input``; the unit of each knob is the
unit of the answer. Every knob has a documented default that stands in when
nothing answers it, and a low and high value that the sensitivity check tries,
so the verdict can say how much an assumption matters. The list is mirrored,
free of numpy, in :data:`readiness.model.SURGE_INPUT_NAMES` for the loader.
"""

from __future__ import annotations

from dataclasses import dataclass

from readiness.surge.resources import Kind

GOODS: tuple[Kind, ...] = ("goods", "both")
SERVICE: tuple[Kind, ...] = ("services", "software", "both")
ALL: tuple[Kind, ...] = ("goods", "services", "software", "both")


@dataclass(frozen=True)
class Knob:
    """One named input. ``{money}`` in ``unit`` stands for the assessment's currency.

    ``kinds`` are the kinds of business it applies to (a knob that does not
    apply is neither used nor listed as an assumption). ``low`` and ``high``
    are what the sensitivity check tries instead of an assumed value.
    ``allows_none``: "not applicable" is a meaningful answer (``none_means``).
    """

    name: str
    label: str
    unit: str
    default: float | None
    help: str
    low: float
    high: float
    kinds: tuple[Kind, ...] = ALL
    allows_none: bool = False
    none_means: str = ""
    positive: bool = False
    percent: bool = False
    scenario: bool = False  # describes a scenario (a known event), not the business: never flagged or varied

    def applies(self, kind: Kind) -> bool:
        return kind in self.kinds


_KNOBS = (
    # --- the business on a normal day
    Knob(
        "orders_per_day",
        "Normal orders per day",
        "orders a day",
        50,
        "Orders, bookings, jobs or new customers on a normal day.",
        25,
        100,
        positive=True,
    ),
    Knob("order_value", "Average order value", "{money} per order", 40, "What one order brings in.", 20, 80),
    Knob(
        "gross_margin",
        "Gross margin",
        "% of the price",
        50,
        "What is left of an order's price after materials, packaging, delivery and other costs paid per order.",
        30,
        70,
        percent=True,
    ),
    Knob(
        "net_margin",
        "Normal profit",
        "% of sales",
        5,
        "Profit on a normal day after all costs; it sets the fixed costs (wages, rent) the model pays every day.",
        0,
        15,
        percent=True,
    ),
    Knob("payment_days", "Days until customers pay", "days", 7, "From delivery until the money is in the bank.", 0, 45),
    Knob(
        "supplier_payment_days",
        "Days until you pay suppliers",
        "days",
        30,
        "From a supplier's delivery (or a subcontractor's work) until you pay for it.",
        7,
        60,
    ),
    Knob(
        "cash_weeks",
        "Cash runway",
        "weeks",
        8,
        "Weeks of normal outgoings you could pay from cash in the bank plus credit you can draw.",
        4,
        16,
    ),
    # --- making: production for goods, people's hours for services
    Knob(
        "utilization",
        "How busy the busiest step is",
        "%",
        80,
        "Share of its capacity your busiest step (machine, kitchen, person, room) uses in a normal week: "
        "it makes normal orders ÷ this share a day.",
        65,
        95,
    ),
    Knob(
        "peak_multiple",
        "Best clean day",
        "× a normal day",
        1.5,
        "The most you could deliver in one day with overtime, without mistakes or all-nighters.",
        1.2,
        2,
    ),
    Knob(
        "weeks_to_double",
        "Weeks to double production",
        "weeks",
        8,
        "Until extra equipment, space or a shift is working.",
        4,
        16,
        kinds=GOODS,
    ),
    Knob(
        "weeks_to_productive",
        "Weeks until new people work alone",
        "weeks",
        4,
        "From deciding to hire until new people work without help.",
        2,
        8,
        kinds=("services", "software"),
    ),
    Knob(
        "expansion_multiple",
        "How far a step can grow",
        "× today's capacity",
        2,
        "The most production, people, customer service or suppliers can be expanded to.",
        1.5,
        3,
    ),
    Knob(
        "overtime_premium",
        "Extra cost of overtime",
        "% of the price",
        10,
        "Paid on top for each order made on overtime, up to the best clean day.",
        5,
        20,
        percent=True,
    ),
    Knob(
        "partner_multiple",
        "What a partner could add",
        "× a normal day",
        0.5,
        "Orders a day a co-packer, subcontractor or freelancers could take on.",
        0.25,
        1,
    ),
    Knob(
        "partner_lead_days",
        "Days to bring in a partner",
        "days",
        21,
        "From asking until a co-packer, subcontractor or freelancer delivers.",
        7,
        42,
    ),
    Knob(
        "partner_premium",
        "Extra cost of a partner",
        "% of the price",
        25,
        "Paid on top for each order a partner makes instead of you.",
        10,
        40,
        percent=True,
    ),
    Knob(
        "setup_weeks",
        "Set-up cost of more production",
        "weeks of fixed costs",
        8,
        "What buying equipment or fitting out space to double production costs, paid when it arrives.",
        4,
        16,
        kinds=GOODS,
    ),
    Knob(
        "lease_commit_days",
        "Commitment of added equipment or space",
        "days",
        365,
        "How long you pay for added equipment, space or a shift once it starts, however busy you are.",
        180,
        730,
        kinds=GOODS,
    ),
    Knob(
        "hire_commit_days",
        "Commitment of new hires",
        "days",
        90,
        "How long you keep paying people you hire, once they start (contract, notice, probation).",
        30,
        180,
    ),
    # --- stock and materials (goods)
    Knob(
        "stock_days",
        "Finished stock",
        "days of normal sales",
        7,
        "Goods made and ready to sell. They serve orders before production has to, and are rebuilt.",
        3,
        14,
        kinds=GOODS,
        allows_none=True,
        none_means="everything is made to order",
    ),
    Knob(
        "materials_days",
        "Materials on hand",
        "days of production",
        7,
        "Materials and packaging in store.",
        3,
        14,
        kinds=GOODS,
    ),
    Knob(
        "supplier_lead_days",
        "Supplier lead time",
        "days",
        7,
        "From ordering materials until they arrive.",
        3,
        21,
        kinds=GOODS,
    ),
    Knob(
        "batch_days",
        "Production batch",
        "days of sales",
        7,
        "How much you make at once: production plans a batch for this many days of forecast sales.",
        3,
        21,
        kinds=GOODS,
    ),
    Knob(
        "shelf_days",
        "Stock stays sellable",
        "days",
        365,
        "Until stock expires or goes out of date (season, fashion, a discontinued line) and is written off.",
        120,
        730,
        kinds=GOODS,
        allows_none=True,
        none_means="stock never goes out of date",
    ),
    # --- website
    Knob(
        "online_share",
        "Orders that come online",
        "% of orders",
        50,
        "Share of orders placed through your website, online shop, app or booking system. 0: nothing online.",
        25,
        100,
        percent=True,
    ),
    Knob(
        "website_multiple",
        "Most orders the website takes",
        "× a normal day's online orders",
        3,
        "The busiest day your website, shop or booking system handles before it fails or slows.",
        2,
        10,
        allows_none=True,
        none_means="no online orders, so no website limit",
    ),
    Knob(
        "website_upgrade_multiple",
        "Website capacity after an upgrade",
        "× a normal day's online orders",
        20,
        "What the site takes once moved to hosting or a platform that scales.",
        10,
        50,
    ),
    Knob("website_upgrade_days", "Days to upgrade the website", "days", 3, "Until the upgraded site is live.", 1, 14),
    # --- customer service (services, software)
    Knob(
        "service_multiple",
        "Customer service capacity",
        "× a normal day",
        2,
        "Orders a day your team can confirm, answer questions about and sort out, as a multiple of a normal day.",
        1.25,
        4,
        kinds=SERVICE,
    ),
    Knob(
        "service_lead_days",
        "Days to add customer service help",
        "days",
        14,
        "Until extra help (a temp, a new hire, an outsourced desk) is answering customers.",
        7,
        42,
        kinds=SERVICE,
    ),
    # --- customers
    Knob(
        "patience_days",
        "Customer patience",
        "days beyond the usual wait",
        7,
        "How much longer than usual a customer who agreed to wait waits before cancelling.",
        3,
        21,
    ),
    Knob(
        "wait_share",
        "Customers who wait",
        "% of customers",
        70,
        "Of the customers who would wait longer than usual, the share who wait instead of going elsewhere.",
        40,
        90,
        percent=True,
    ),
    # --- a known event ahead (the demand side's questions): a scenario of its own
    Knob(
        "event_multiple",
        "Known event ahead: its peak",
        "× a normal day",
        None,
        "At its peak, how many times a normal day's orders a known event (a TV spot, a contract, a season) brings.",
        2,
        10,
        allows_none=True,
        none_means="no known event ahead",
        scenario=True,
    ),
    Knob(
        "event_weeks",
        "Known event ahead: starts in",
        "weeks",
        4,
        "How many weeks from now the known event starts.",
        1,
        12,
        scenario=True,
    ),
    Knob(
        "waiting_list_weeks",
        "Waiting list",
        "weeks",
        0,
        "How long customers normally wait for a start date, an appointment or a delivery slot. 0: no waiting list.",
        0,
        4,
    ),
)

#: Every named input, in the order a page shows them.
KNOBS: dict[str, Knob] = {k.name: k for k in _KNOBS}


def knob_unit(knob: Knob, currency_unit: str) -> str:
    """The knob's unit with the currency filled in."""
    return knob.unit.replace("{money}", currency_unit)
