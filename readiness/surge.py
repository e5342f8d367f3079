"""The surge stress test: what breaks first when demand jumps, and when.

A day-by-day simulation a non-specialist can follow (docs/surge.md tells it in
plain words, with every assumption). Each day:

1. orders arrive: normal orders per day times the scenario's multiplier;
2. the website/order system takes at most its capacity; orders above it are
   **lost**, not queued (a site that falls over turns customers away);
3. accepted orders join the queue; the day's output is the queue, capped by
   the tightest of people, production, materials and customer service;
4. orders still waiting after the customers' patience are cancelled;
5. cash moves: costs of the orders made and fixed costs go out today, the
   price of each order comes in ``payment_days`` after it was delivered;
6. a step that falls short orders extra capacity, which starts working after
   its lead time (the expansion policy decides whether and when).

Two implementations share one set of rules on purpose:

* :func:`simulate` runs one scenario with plain Python floats. It is the
  readable reference, and fast for one run (no array overhead).
* :func:`survival_map` runs a whole grid of surge sizes × durations at once:
  the 180-step day loop stays, but every step works on numpy arrays holding
  every cell, so the cost per cell is a few array elements, not a Python loop.

The two are written line for line alike, with the same float operations in the
same order, and tests assert they agree cell by cell.

Inputs come from a completed assessment (number questions marked with
``surge_input``, see :func:`inputs_from_answers`) or from named values; what is
missing falls back to labelled assumptions the user can edit. Pure functions,
no I/O, no Streamlit.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from readiness.answers import Answer, AnswerSet, parse_answers, visible_questions
from readiness.errors import SurgeInputError
from readiness.model import NumberQuestion, Questionnaire, tr

if TYPE_CHECKING:
    from readiness.scoring import Finding, ScoreResult

Shape = Literal["spike", "step", "ramp", "seasonal"]
Policy = Literal["react", "ahead", "never"]
Outcome = Literal["copes", "strained", "breaks"]
Source = Literal["answer", "assumption", "edited"]

DEFAULT_HORIZON = 180
MAX_HORIZON = 3650

# --- resources ------------------------------------------------------------------

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


# --- inputs ---------------------------------------------------------------------


class _Model(BaseModel):
    # Frozen and strict like the questionnaire model: a typo in an inputs file
    # is an error, and infinity is spelled `null` ("no limit") so it survives JSON.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Constraint(_Model):
    """One step's daily capacity, how far it can grow and how long growing takes."""

    capacity: float | None = Field(ge=0, description="Orders a day it handles today; null: no limit.")
    max_capacity: float | None = Field(
        default=None, ge=0, description="Orders a day once expanded; null: cannot be expanded."
    )
    lead_days: int = Field(default=7, ge=1, le=MAX_HORIZON, description="Days from deciding to expand until it works.")
    extra_cost_per_order: float = Field(
        default=0, ge=0, description="Extra cost of each order made beyond today's capacity (overtime, temps, rental)."
    )

    @model_validator(mode="after")
    def _max_not_below(self) -> Constraint:
        if self.capacity is not None and self.max_capacity is not None and self.max_capacity < self.capacity:
            raise ValueError(f"max_capacity {self.max_capacity:g} is below capacity {self.capacity:g}")
        return self


class Materials(Constraint):
    """Stock on hand plus supplier deliveries; ``capacity`` is the normal delivery per day.

    Stock is counted in orders' worth. Deliveries refill the stock up to its
    starting level and no further: the business orders what it normally keeps.
    ``capacity: null`` leaves materials out of the model (services, make to order).
    """

    stock: float = Field(default=0, ge=0, description="Orders' worth of materials and finished goods on hand.")


class SurgeInputs(_Model):
    """Everything the simulation needs, in orders a day and money."""

    orders_per_day: float = Field(gt=0, description="Orders (bookings, jobs) delivered on a normal day.")
    price: float = Field(ge=0, description="Money received per order.")
    cost_per_order: float = Field(ge=0, description="Money paid out per order when it is made.")
    fixed_cost_per_day: float = Field(ge=0, description="Wages, rent and other costs paid whatever the orders.")
    cash: float = Field(description="Cash on hand plus credit you can draw, on day 1.")
    payment_days: int = Field(
        ge=0, le=MAX_HORIZON, description="Days from delivery until the customer's money arrives."
    )
    patience_days: int = Field(
        ge=0, le=MAX_HORIZON, description="Longest a customer waits for an order before cancelling."
    )
    technology: Constraint
    people: Constraint
    production: Constraint
    materials: Materials
    service: Constraint
    expansion: Policy = Field(
        default="react",
        description="`react`: order extra capacity the day a step falls short; "
        "`ahead`: extra capacity is ready on the surge's first day; `never`: no expansion.",
    )

    def constraint(self, key: str) -> Constraint:
        return getattr(self, key)  # type: ignore[no-any-return]


class Scenario(_Model):
    """How demand moves: normal orders per day times a multiplier that follows a shape.

    * ``spike``: ×multiplier for ``days`` days, then back to normal in a straight
      line over ``decay_days`` days;
    * ``step``: ×multiplier for ``days`` days, then back at once (a contract;
      sustained when ``days`` reaches past the horizon);
    * ``ramp``: climbs in a straight line to ×multiplier over ``days`` days and stays;
    * ``seasonal``: rises and falls in a smooth hump over ``days`` days, peaking
      at ×multiplier in the middle.
    """

    shape: Shape
    multiplier: float = Field(ge=0, le=1000)
    days: int = Field(ge=1, le=100_000)
    decay_days: int = Field(default=0, ge=0, le=MAX_HORIZON)
    start_day: int = Field(default=1, ge=1, le=MAX_HORIZON)
    label: str = ""
    description: str = ""

    def describe(self) -> str:
        """The scenario in one plain sentence fragment, e.g. "10× normal orders for 2 days"."""
        n = _times(self.multiplier)
        if self.shape == "spike":
            tail = (
                f", then back to normal over {_days(self.decay_days)}" if self.decay_days else ", then back to normal"
            )
            what = f"{n} normal orders for {_days(self.days)}{tail}"
        elif self.shape == "step":
            what = f"{n} normal orders for {_days(self.days)}"
        elif self.shape == "ramp":
            what = f"orders climbing to {n} normal over {_days(self.days)}, and staying there"
        else:
            what = f"a season of {_days(self.days)} peaking at {n} normal orders"
        if self.start_day > 1:
            what += f", from day {self.start_day}"
        return what


#: Ready-made scenarios, each with a plain-words label. Keys are stable (the CLI's --scenario).
PRESETS: dict[str, Scenario] = {
    "tv_spot": Scenario(
        shape="spike",
        multiplier=10,
        days=2,
        decay_days=5,
        label="National TV spot",
        description="A few minutes on national TV: orders jump tenfold for two days and fade over a week.",
    ),
    "viral_post": Scenario(
        shape="spike",
        multiplier=5,
        days=3,
        decay_days=7,
        label="A post that takes off",
        description="A social media post goes viral: five times the orders for three days, fading over a week.",
    ),
    "retail_contract": Scenario(
        shape="step",
        multiplier=2,
        days=365,
        label="Retail chain contract",
        description="A big retail contract doubles orders from day 1 and keeps them there.",
    ),
    "holiday_season": Scenario(
        shape="seasonal",
        multiplier=3,
        days=42,
        label="Holiday season",
        description="Six busy weeks that build to three times normal orders and ease off again.",
    ),
    "word_of_mouth": Scenario(
        shape="ramp",
        multiplier=2,
        days=60,
        label="Word of mouth takes off",
        description="Orders climb steadily to double over two months, and stay there.",
    ),
}


def scenario_from_preset(preset: str, multiplier: float | None = None, days: int | None = None) -> Scenario:
    """A preset, optionally with its multiplier or duration changed (the CLI's --multiplier/--days)."""
    if preset not in PRESETS:
        raise SurgeInputError(
            f"unknown scenario {preset!r}{_suggest(preset, PRESETS)}; choose one of: {', '.join(PRESETS)}"
        )
    base = PRESETS[preset]
    update: dict[str, Any] = {}
    if multiplier is not None:
        update["multiplier"] = multiplier
    if days is not None:
        update["days"] = days
    if not update:
        return base
    return _validated(Scenario, {**base.model_dump(), **update}, "scenario")


# --- the knobs: named inputs, answers and assumptions ----------------------------


@dataclass(frozen=True)
class Knob:
    """One named input of the model, as a person would give it (weeks, %, × a normal day)."""

    name: str
    label: str
    unit: str
    default: float
    help: str
    allows_none: bool = False
    none_means: str = ""
    positive: bool = False


#: Every named input, in the order a page shows them. Questions carry these
#: names in ``surge_input``; the units here are the units of the answer.
KNOBS: dict[str, Knob] = {
    k.name: k
    for k in (
        Knob(
            "orders_per_day",
            "Normal orders per day",
            "orders a day",
            50,
            "Orders, bookings or jobs on a normal day.",
            positive=True,
        ),
        Knob("order_value", "Average order value", "money per order", 40, "What one order brings in, on average."),
        Knob(
            "cost_share",
            "Cost paid per order",
            "% of the price",
            40,
            "Materials, packaging and delivery paid for each order when it is made.",
        ),
        Knob(
            "net_margin",
            "Normal profit",
            "% of sales",
            5,
            "Profit on a normal day after all costs; sets the fixed costs (wages, rent) the model uses.",
        ),
        Knob("payment_days", "Days until customers pay", "days", 7, "From delivery until the money is in the bank."),
        Knob(
            "cash_weeks",
            "Cash runway",
            "weeks",
            8,
            "Weeks of normal outgoings you could pay from cash in the bank plus credit you can draw.",
        ),
        Knob(
            "utilization",
            "How busy the busiest step is",
            "%",
            80,
            "Production (equipment and space) handles normal orders ÷ this share a day.",
        ),
        Knob(
            "peak_multiple",
            "Best clean day",
            "× a normal day",
            1.5,
            "The most your team could deliver in one day without mistakes or all-nighters.",
        ),
        Knob(
            "weeks_to_double",
            "Weeks to double production",
            "weeks",
            8,
            "How long until extra equipment, space or shifts are working.",
        ),
        Knob(
            "weeks_to_productive",
            "Weeks until new people work alone",
            "weeks",
            4,
            "From deciding to hire (or call in temps) until they work without help.",
        ),
        Knob(
            "stock_days",
            "Stock cover",
            "days of normal sales",
            7,
            "Finished goods and critical materials on hand.",
            allows_none=True,
            none_means="materials left out (made to order, or a service business)",
        ),
        Knob(
            "supplier_lead_days",
            "Supplier lead time for extra deliveries",
            "days",
            7,
            "Days until suppliers deliver more than usual.",
        ),
        Knob(
            "website_multiple",
            "Most orders the website takes",
            "× a normal day",
            3,
            "The busiest day your website, shop or booking system handles before it fails or slows.",
            allows_none=True,
            none_means="no online orders, so no website limit",
        ),
        Knob(
            "website_upgrade_multiple",
            "Website capacity after an upgrade",
            "× a normal day",
            20,
            "What the site takes once moved to hosting or a platform that scales.",
        ),
        Knob("website_upgrade_days", "Days to upgrade the website", "days", 3, "Until the upgraded site is live."),
        Knob(
            "service_multiple",
            "Customer service capacity",
            "× a normal day",
            2,
            "Orders a day your team can confirm, answer questions about and sort out.",
        ),
        Knob(
            "service_lead_days",
            "Days to add customer service help",
            "days",
            7,
            "Until extra help (a temp, a helpdesk tool) is answering customers.",
        ),
        Knob(
            "expansion_multiple",
            "How far a step can grow",
            "× today's capacity",
            2,
            "The most people, production, suppliers and customer service can be expanded to.",
        ),
        Knob(
            "extra_cost_share",
            "Extra cost of added capacity",
            "% of the price",
            10,
            "Overtime, temps, rented machines or express freight, per order made beyond today's capacity.",
        ),
        Knob(
            "patience_days",
            "Customer patience",
            "days",
            7,
            "The longest a customer waits for a late order before cancelling.",
        ),
    )
}


@dataclass(frozen=True)
class Assumption:
    """One named input with where it came from, so a page can show and edit it.

    ``source`` is ``answer`` (from the assessment), ``assumption`` (the
    documented default) or ``edited`` (changed by the user afterwards).
    ``value`` None means "not applicable" where the knob allows it.
    """

    name: str
    value: float | None
    label: str
    unit: str
    source: Source
    question_id: str | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "label": self.label,
            "unit": self.unit,
            "source": self.source,
            "question_id": self.question_id,
            "note": self.note,
        }


def default_assumptions() -> list[Assumption]:
    """Every knob at its documented default."""
    return [_assumption(k, k.default, "assumption", note="assumed") for k in KNOBS.values()]


def assumptions_from_values(values: Mapping[str, float | None], source: Source = "answer") -> list[Assumption]:
    """Knobs given by name (``source``), the rest at their defaults. Unknown names are errors."""
    _check_names(values)
    out = []
    for knob in KNOBS.values():
        if knob.name in values:
            out.append(_assumption(knob, _knob_value(knob, values[knob.name]), source, note="given"))
        else:
            out.append(_assumption(knob, knob.default, "assumption", note="assumed"))
    return out


def edit_assumptions(assumptions: Sequence[Assumption], changes: Mapping[str, float | None]) -> list[Assumption]:
    """The list with some values changed by the user; changed ones are marked ``edited``."""
    _check_names(changes)
    out = []
    for a in assumptions:
        if a.name in changes:
            value = _knob_value(KNOBS[a.name], changes[a.name])
            if value != a.value:
                a = replace(a, value=value, source="edited", note="edited")
        out.append(a)
    return out


def inputs_from_values(values: Mapping[str, float | None]) -> tuple[SurgeInputs, list[Assumption]]:
    """Inputs from named values (an inputs file, or edits on a page); the rest are assumptions."""
    assumptions = assumptions_from_values(values)
    return inputs_from_assumptions(assumptions), assumptions


def inputs_from_answers(
    questionnaire: Questionnaire, answers: AnswerSet | Mapping[str, Answer]
) -> tuple[SurgeInputs, list[Assumption]]:
    """Prefill the model from a completed assessment.

    Reads every visible number question marked ``surge_input: <name>`` (the
    first answered one wins when several carry a name). "Not applicable", or a
    question hidden by its condition, means "no limit" where the knob allows
    it (no stock kept, no online orders). Everything else not answered falls
    back to the knob's documented default and is labelled an assumption.
    """
    given = answers.answers if isinstance(answers, AnswerSet) else dict(answers)
    shown = visible_questions(questionnaire, given)
    marked: dict[str, list[NumberQuestion]] = {}
    for q in questionnaire.questions:
        if isinstance(q, NumberQuestion) and q.surge_input in KNOBS:
            marked.setdefault(q.surge_input, []).append(q)

    out: list[Assumption] = []
    for knob in KNOBS.values():
        questions = marked.get(knob.name, [])
        chosen = _from_questions(knob, questions, given, shown)
        out.append(chosen)
    return inputs_from_assumptions(out), out


def _from_questions(
    knob: Knob, questions: list[NumberQuestion], given: Mapping[str, Answer], shown: set[str]
) -> Assumption:
    if not questions:
        return _assumption(knob, knob.default, "assumption", note="assumed: no question asks this")
    visible = [q for q in questions if q.id in shown]
    unusable = ""
    for q in visible:
        answer = given.get(q.id)
        if answer is not None and answer.kind == "value":
            if knob.positive and answer.value <= 0:
                unusable = f"assumed: your answer of {answer.value:g} to `{q.id}` cannot size the test"
                continue
            return _assumption(knob, _knob_value(knob, answer.value), "answer", q.id, f"your answer to `{q.id}`")
    first = (visible or questions)[0]
    if unusable:
        return _assumption(knob, knob.default, "assumption", first.id, unusable)
    kinds = {given[q.id].kind for q in visible if q.id in given}
    if knob.allows_none and (not visible or "na" in kinds):
        why = "not asked for this kind of business" if not visible else "you answered not applicable"
        source: Source = "answer" if visible else "assumption"
        return _assumption(knob, None, source, first.id, f"{why}: {knob.none_means}")
    if "dont_know" in kinds:
        note = f"assumed: you answered don't know to `{first.id}`"
    elif not visible:
        note = f"assumed: `{first.id}` was not asked"
    else:
        note = f"assumed: `{first.id}` is unanswered"
    return _assumption(knob, knob.default, "assumption", first.id, note)


def _assumption(knob: Knob, value: float | None, source: Source, qid: str | None = None, note: str = "") -> Assumption:
    return Assumption(knob.name, value, knob.label, knob.unit, source, qid, note)


def _knob_value(knob: Knob, value: Any) -> float | None:
    if value is None:
        if not knob.allows_none:
            raise SurgeInputError(f"`{knob.name}` ({knob.label}) needs a number")
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise SurgeInputError(f"`{knob.name}` ({knob.label}) must be a number, not {value!r}")
    if value < 0:
        raise SurgeInputError(f"`{knob.name}` ({knob.label}) cannot be negative ({value:g})")
    return float(value)


def _check_names(values: Mapping[str, Any]) -> None:
    for name in values:
        if name not in KNOBS:
            raise SurgeInputError(f"unknown surge input `{name}`{_suggest(str(name), KNOBS)}")


def inputs_from_assumptions(assumptions: Sequence[Assumption] | Mapping[str, float | None]) -> SurgeInputs:
    """Derive the model's inputs from the named values. Every rule is in docs/surge.md.

    * production = normal orders ÷ utilization; grows to ``expansion_multiple``
      times that in ``weeks_to_double`` weeks;
    * people = normal orders × the best clean day; grows likewise in
      ``weeks_to_productive`` weeks;
    * website = normal orders × ``website_multiple``; upgraded to
      ``website_upgrade_multiple`` in ``website_upgrade_days`` days;
    * materials: ``stock_days`` of normal orders on hand, suppliers deliver a
      normal day's worth daily and up to ``expansion_multiple`` times that
      after ``supplier_lead_days``;
    * fixed costs are what leaves ``net_margin`` of sales as profit on a normal
      day; cash is ``cash_weeks`` of normal outgoings (fixed costs plus
      the cost of normal orders).
    """
    if isinstance(assumptions, Mapping):
        _check_names(assumptions)
        v = {k.name: assumptions.get(k.name, k.default) for k in KNOBS.values()}
    else:
        v = {a.name: a.value for a in assumptions}
        v = {k.name: v.get(k.name, k.default) for k in KNOBS.values()}
    for name, value in v.items():
        v[name] = _knob_value(KNOBS[name], value)

    def num(name: str) -> float:
        value = v[name]
        return KNOBS[name].default if value is None else value

    base = num("orders_per_day")
    if base <= 0:
        raise SurgeInputError("`orders_per_day` (Normal orders per day) must be above 0")
    price = num("order_value")
    cost = price * num("cost_share") / 100
    fixed = max(0.0, base * (price - cost) - base * price * num("net_margin") / 100)
    grow = max(1.0, num("expansion_multiple"))
    premium = price * num("extra_cost_share") / 100

    def lead(days: float) -> int:
        return max(1, min(MAX_HORIZON, round(days)))

    def step(capacity: float | None, days: float) -> Constraint:
        top = None if capacity is None else capacity * grow
        return Constraint(capacity=capacity, max_capacity=top, lead_days=lead(days), extra_cost_per_order=premium)

    utilization = max(num("utilization"), 1.0) / 100
    website = v["website_multiple"]
    stock = v["stock_days"]
    data = {
        "orders_per_day": base,
        "price": price,
        "cost_per_order": cost,
        "fixed_cost_per_day": fixed,
        "cash": num("cash_weeks") * 7 * (fixed + cost * base),
        "payment_days": min(MAX_HORIZON, round(num("payment_days"))),
        "patience_days": min(MAX_HORIZON, round(num("patience_days"))),
        "technology": Constraint(
            capacity=None if website is None else base * website,
            max_capacity=None if website is None else base * max(website, num("website_upgrade_multiple")),
            lead_days=lead(num("website_upgrade_days")),
        ),
        "people": step(base * max(num("peak_multiple"), 0.0), 7 * num("weeks_to_productive")),
        "production": step(base / utilization, 7 * num("weeks_to_double")),
        "materials": Materials(
            stock=0 if stock is None else base * stock,
            capacity=None if stock is None else base,
            max_capacity=None if stock is None else base * grow,
            lead_days=lead(num("supplier_lead_days")),
            extra_cost_per_order=premium,
        ),
        "service": step(base * num("service_multiple"), num("service_lead_days")),
    }
    return _validated(SurgeInputs, data, "surge inputs")


def parse_inputs(data: Mapping[str, Any]) -> SurgeInputs:
    """A full :class:`SurgeInputs` document (e.g. from ``to_dict()["inputs"]``), checked."""
    return _validated(SurgeInputs, dict(data), "surge inputs")


def inputs_from_document(
    data: Mapping[str, Any], questionnaire: Questionnaire | None = None
) -> tuple[SurgeInputs, list[Assumption]]:
    """Whatever a user hands the CLI: an answers file, a full inputs document, or named values.

    * a mapping with ``answers:`` is an answers file for ``questionnaire``
      (checked with :func:`readiness.answers.parse_answers`);
    * a mapping with the :class:`SurgeInputs` keys (``people``, ``technology`` ...)
      is used as is, with no assumptions;
    * otherwise it maps knob names to values (``orders_per_day: 120``).
    """
    if "answers" in data:
        if questionnaire is None:
            raise SurgeInputError("an answers file needs its questionnaire to be read as surge inputs")
        answer_set, _ = parse_answers(questionnaire, data)
        return inputs_from_answers(questionnaire, answer_set)
    if set(data) & set(RESOURCE_KEYS):
        return parse_inputs(data), []
    return inputs_from_values(dict(data))


def _validated(model: type[Any], data: dict[str, Any], what: str) -> Any:
    """Build a model, turning pydantic's errors into one plain message per field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        lines = []
        for err in exc.errors(include_url=False):
            where = ".".join(str(p) for p in err["loc"]) or what
            lines.append(f"{where}: {err['msg']}")
        raise SurgeInputError(f"invalid {what}: " + "; ".join(lines)) from None


# --- the engine: shared parameters -------------------------------------------------


@dataclass(frozen=True)
class _Params:
    """The inputs as plain floats (``inf`` for "no limit"), shared by both engines."""

    base_orders: float
    tol: float
    price: float
    cost: float
    fixed: float
    cash: float
    pay: int
    patience: int
    base: tuple[float, ...]
    top: tuple[float, ...]
    lead: tuple[int, ...]
    premium: tuple[float, ...]
    stock0: float
    policy: Policy
    start: int

    @property
    def expandable(self) -> tuple[bool, ...]:
        return tuple(t > b for t, b in zip(self.top, self.base, strict=True))


def _params(inputs: SurgeInputs, start_day: int) -> _Params:
    base, top, lead, premium = [], [], [], []
    for key in RESOURCE_KEYS:
        c = inputs.constraint(key)
        cap = math.inf if c.capacity is None else c.capacity
        most = cap if c.max_capacity is None or c.capacity is None else max(c.max_capacity, cap)
        base.append(cap)
        top.append(most)
        lead.append(c.lead_days)
        premium.append(c.extra_cost_per_order)
    stock0 = math.inf if inputs.materials.capacity is None else inputs.materials.stock
    return _Params(
        base_orders=inputs.orders_per_day,
        tol=1e-9 * inputs.orders_per_day,
        price=inputs.price,
        cost=inputs.cost_per_order,
        fixed=inputs.fixed_cost_per_day,
        cash=inputs.cash,
        pay=inputs.payment_days,
        patience=inputs.patience_days,
        base=tuple(base),
        top=tuple(top),
        lead=tuple(lead),
        premium=tuple(premium),
        stock0=stock0,
        policy=inputs.expansion,
        start=start_day - 1,
    )


def demand_multipliers(
    shape: Shape,
    multipliers: Sequence[float] | np.ndarray,
    durations: Sequence[float] | np.ndarray,
    decay_days: int,
    start_day: int,
    horizon: int,
) -> np.ndarray:
    """Demand as multiples of a normal day for every (multiplier, duration) pair.

    Shape ``(horizon, multipliers × durations)``: one row per day, one column
    per cell, multiplier-major, which is the layout the grid's day loop reads.
    Each value is ``1 + (N − 1) × w``, where the weight ``w`` (0 normal, 1 full
    surge) depends only on the shape, the duration and the day; a single run
    calls this with one cell, so both engines see bit-identical demand.
    """
    n = np.asarray(multipliers, dtype=float).reshape(-1)
    d = np.asarray(durations, dtype=float).reshape(-1)[None, :]
    s = np.arange(horizon, dtype=float)[:, None] - (start_day - 1)  # days since the surge began
    during = (s >= 0) & (s < d)
    if shape == "spike":
        k = s - d + 1  # 1 on the first day after the peak
        fading = (k >= 1) & (k <= decay_days)
        weight = np.where(during, 1.0, np.where(fading, 1 - k / (decay_days + 1), 0.0))
    elif shape == "step":
        weight = np.where(during, 1.0, 0.0)
    elif shape == "ramp":
        weight = np.where(during, (s + 1) / d, np.where(s >= d, 1.0, 0.0))
    elif shape == "seasonal":
        weight = np.where(during, np.sin(np.pi * (s + 1) / (d + 1)), 0.0)
    else:  # pragma: no cover - Scenario validates the shape
        raise SurgeInputError(f"unknown shape {shape!r}")
    out = 1 + (n - 1)[None, :, None] * weight[:, None, :]
    return out.reshape(horizon, n.size * d.size)


def _check_horizon(horizon: int) -> int:
    if isinstance(horizon, bool) or not isinstance(horizon, int) or not 1 <= horizon <= MAX_HORIZON:
        raise SurgeInputError(f"the horizon must be a whole number of days from 1 to {MAX_HORIZON}, not {horizon!r}")
    return horizon


# --- one run (plain Python) ---------------------------------------------------------


@dataclass(frozen=True)
class Binding:
    """A step falling short: on which day (1-based) and what it could do then."""

    resource: str
    day: int
    capacity: float
    label: str
    dimension: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "resource": self.resource,
            "day": self.day,
            "capacity": _num(self.capacity),
            "label": self.label,
            "dimension": self.dimension,
        }


@dataclass(frozen=True)
class Expansion:
    """Extra capacity ordered on ``ordered_day`` and working from ``ready_day``."""

    resource: str
    ordered_day: int
    ready_day: int
    capacity_before: float
    capacity_after: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "resource": self.resource,
            "ordered_day": self.ordered_day,
            "ready_day": self.ready_day,
            "capacity_before": _num(self.capacity_before),
            "capacity_after": _num(self.capacity_after),
        }


@dataclass(frozen=True)
class SurgeSummary:
    """What a founder needs to hear. Days are 1-based; ``None`` means "never"."""

    first_bind: Binding | None
    binding_order: tuple[Binding, ...]
    expansions: tuple[Expansion, ...]
    orders_in: float
    delivered: float
    lost_technology: float
    lost_patience: float
    still_waiting: float
    peak_backlog: float
    peak_backlog_day: int | None
    peak_wait: int
    peak_wait_day: int | None
    cash_start: float
    cash_low: float
    cash_low_day: int
    cash_end: float
    crunch_day: int | None
    recovery_day: int | None
    price: float

    @property
    def lost(self) -> float:
        return self.lost_technology + self.lost_patience

    @property
    def lost_share(self) -> float:
        return self.lost / self.orders_in if self.orders_in > 0 else 0.0

    @property
    def revenue_lost(self) -> float:
        return self.lost * self.price

    @property
    def outcome(self) -> Outcome:
        """``breaks``: cash goes below zero; ``strained``: orders lost or not back to normal; else ``copes``."""
        return _outcome(self.crunch_day is not None, self.lost, self.recovery_day is not None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "first_bind": None if self.first_bind is None else self.first_bind.to_dict(),
            "binding_order": [b.to_dict() for b in self.binding_order],
            "expansions": [e.to_dict() for e in self.expansions],
            "orders_in": self.orders_in,
            "delivered": self.delivered,
            "lost": self.lost,
            "lost_technology": self.lost_technology,
            "lost_patience": self.lost_patience,
            "lost_share": self.lost_share,
            "revenue_lost": self.revenue_lost,
            "still_waiting": self.still_waiting,
            "peak_backlog": self.peak_backlog,
            "peak_backlog_day": self.peak_backlog_day,
            "peak_wait": self.peak_wait,
            "peak_wait_day": self.peak_wait_day,
            "cash_start": self.cash_start,
            "cash_low": self.cash_low,
            "cash_low_day": self.cash_low_day,
            "cash_end": self.cash_end,
            "crunch_day": self.crunch_day,
            "recovery_day": self.recovery_day,
        }


def _outcome(crunch: bool, lost: float, recovered: bool) -> Outcome:
    if crunch:
        return "breaks"
    if lost > 0 or not recovered:
        return "strained"
    return "copes"


@dataclass(frozen=True)
class SurgeResult:
    """One run: per-day series (index 0 is day 1) and the summary.

    ``bottleneck`` holds the index into :data:`RESOURCE_KEYS` of the step that
    capped the day's output, or -1 when everything waiting was delivered.
    ``capacity`` has one series per resource: what it could do that day
    (for materials: stock plus that day's deliveries).
    """

    inputs: SurgeInputs
    scenario: Scenario
    horizon: int
    demand: np.ndarray
    accepted: np.ndarray
    delivered: np.ndarray
    backlog: np.ndarray
    wait: np.ndarray
    lost_technology: np.ndarray
    lost_patience: np.ndarray
    cash: np.ndarray
    stock: np.ndarray
    bottleneck: np.ndarray
    capacity: Mapping[str, np.ndarray]
    summary: SurgeSummary

    @property
    def days(self) -> np.ndarray:
        return np.arange(1, self.horizon + 1)

    def verdict(self) -> str:
        return verdict(self)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: inputs, scenario, summary, verdict and every per-day series."""
        series = {
            "day": self.days.tolist(),
            "demand": self.demand.tolist(),
            "accepted": self.accepted.tolist(),
            "delivered": self.delivered.tolist(),
            "backlog": self.backlog.tolist(),
            "wait": self.wait.tolist(),
            "lost_technology": self.lost_technology.tolist(),
            "lost_patience": self.lost_patience.tolist(),
            "cash": self.cash.tolist(),
            "stock": [_num(x) for x in self.stock.tolist()],
            "bottleneck": [None if i < 0 else RESOURCE_KEYS[i] for i in self.bottleneck.tolist()],
        }
        for key, values in self.capacity.items():
            series[f"capacity_{key}"] = [_num(x) for x in values.tolist()]
        return {
            "scenario": self.scenario.model_dump(),
            "horizon": self.horizon,
            "inputs": self.inputs.model_dump(),
            "verdict": self.verdict(),
            "summary": self.summary.to_dict(),
            "series": series,
        }


def simulate(inputs: SurgeInputs, scenario: Scenario | str, horizon: int = DEFAULT_HORIZON) -> SurgeResult:
    """Run one scenario day by day. The reference implementation: plain floats, one step at a time."""
    if isinstance(scenario, str):
        scenario = scenario_from_preset(scenario)
    horizon = _check_horizon(horizon)
    p = _params(inputs, scenario.start_day)
    mult = demand_multipliers(
        scenario.shape, [scenario.multiplier], [scenario.days], scenario.decay_days, scenario.start_day, horizon
    )
    demand = (mult[:, 0] * p.base_orders).tolist()
    return _result(inputs, scenario, horizon, p, _run_one(p, demand))


@dataclass
class _Trace:
    """The raw output of :func:`_run_one` (0-based days, -1 for never)."""

    demand: list[float]
    accepted: list[float] = field(default_factory=list)
    delivered: list[float] = field(default_factory=list)
    backlog: list[float] = field(default_factory=list)
    wait: list[int] = field(default_factory=list)
    lost_technology: list[float] = field(default_factory=list)
    lost_patience: list[float] = field(default_factory=list)
    cash: list[float] = field(default_factory=list)
    stock: list[float] = field(default_factory=list)
    bottleneck: list[int] = field(default_factory=list)
    capacity: list[list[float]] = field(default_factory=lambda: [[] for _ in RESOURCE_KEYS])
    first_day: list[int] = field(default_factory=lambda: [-1] * 5)
    bind_cap: list[float] = field(default_factory=lambda: [math.inf] * 5)
    ordered: list[int] = field(default_factory=lambda: [-1] * 5)
    ready: list[float] = field(default_factory=lambda: [math.inf] * 5)
    totals: dict[str, float] = field(default_factory=dict)


def _run_one(p: _Params, demand: list[float]) -> _Trace:
    """The day loop for one scenario. :func:`_run_grid` mirrors it line for line."""
    trace = _Trace(demand)
    tol, inf = p.tol, math.inf
    base, top, lead, premium = p.base, p.top, p.lead, p.premium
    ready, ordered, first_day, bind_cap = trace.ready, trace.ordered, trace.first_day, trace.bind_cap
    expandable = p.expandable
    if p.policy == "ahead":
        for r in range(5):
            if expandable[r]:
                ready[r] = p.start
                ordered[r] = p.start
    acc_hist: list[float] = []  # cumulative orders accepted, after each day
    out_hist = trace.delivered
    accepted_total = removed = 0.0  # orders accepted so far; orders served or cancelled so far (a FIFO prefix)
    stock, cash, head = p.stock0, p.cash, 0
    tot_in = tot_lost = tot_cancel = tot_out = 0.0
    peak_backlog, peak_backlog_day, peak_wait, peak_wait_day = 0.0, -1, 0, -1
    cash_low, cash_low_day, crunch, last_trouble = inf, -1, -1, -1
    premium_steps = [r for r in range(5) if premium[r] > 0]
    for t, d in enumerate(demand):
        cap = [base[r] if t < ready[r] else top[r] for r in range(5)]
        # 1-2. the website takes what it can; the rest is turned away
        acc = d if d <= cap[TECH] else cap[TECH]
        lost = d - acc
        accepted_total = accepted_total + acc
        acc_hist.append(accepted_total)
        pending = accepted_total - removed
        # the oldest open order arrived on day `head`: how long has it waited?
        while head < t and acc_hist[head] <= removed + tol:
            head += 1
        wait = t - head if pending > tol else 0
        # 3. output: the queue, capped by the tightest step
        stock_before = stock
        avail = stock + cap[MATERIALS]
        limit = min(cap[PEOPLE], cap[PRODUCTION], avail, cap[SERVICE])
        served = pending if pending <= limit else limit
        removed = removed + served
        # 4. orders older than the customers' patience are cancelled
        cancelled = 0.0
        if t >= p.patience:
            deadline = acc_hist[t - p.patience]
            after = removed if removed >= deadline else deadline
            cancelled = after - removed
            removed = after
        backlog = accepted_total - removed
        stock = min(p.stock0, avail - served)
        # 5. cash: costs today, the price of each order `pay` days after delivery
        out_hist.append(served)
        receipts = p.price * (out_hist[t - p.pay] if t >= p.pay else p.base_orders)
        costs = p.cost * served + p.fixed
        for r in premium_steps:
            used = acc if r == TECH else served
            normal = stock_before + base[MATERIALS] if r == MATERIALS else base[r]
            costs += premium[r] * max(0.0, used - normal)
        cash = cash + receipts - costs
        # 6. which steps fell short today; order extra capacity
        have = [cap[TECH], cap[PEOPLE], cap[PRODUCTION], avail, cap[SERVICE]]
        load = [d, pending, pending, pending, pending]
        for r in range(5):
            if have[r] < load[r] - tol:
                if first_day[r] < 0:
                    first_day[r] = t
                    bind_cap[r] = have[r]
                if p.policy == "react" and ready[r] == inf and expandable[r]:
                    ready[r] = t + lead[r]
                    ordered[r] = t
        bottleneck = -1
        if served < pending - tol:
            steps = (PEOPLE, PRODUCTION, MATERIALS, SERVICE)
            bottleneck = min(steps, key=lambda r: have[r])
        # the summary, kept as we go (the grid version does the same)
        if lost > tol or cancelled > tol or backlog > tol:
            last_trouble = t
        if backlog > peak_backlog:
            peak_backlog, peak_backlog_day = backlog, t
        if wait > peak_wait:
            peak_wait, peak_wait_day = wait, t
        if cash < cash_low:
            cash_low, cash_low_day = cash, t
        if crunch < 0 and cash < 0:
            crunch = t
        tot_in = tot_in + d
        tot_lost = tot_lost + lost
        tot_cancel = tot_cancel + cancelled
        tot_out = tot_out + served

        trace.accepted.append(acc)
        trace.backlog.append(backlog)
        trace.wait.append(wait)
        trace.lost_technology.append(lost)
        trace.lost_patience.append(cancelled)
        trace.cash.append(cash)
        trace.stock.append(stock)
        trace.bottleneck.append(bottleneck)
        for r in range(5):
            trace.capacity[r].append(have[r])
    trace.totals = {
        "orders_in": tot_in,
        "lost_technology": tot_lost,
        "lost_patience": tot_cancel,
        "delivered": tot_out,
        "still_waiting": accepted_total - removed,
        "peak_backlog": peak_backlog,
        "peak_backlog_day": peak_backlog_day,
        "peak_wait": peak_wait,
        "peak_wait_day": peak_wait_day,
        "cash_low": cash_low,
        "cash_low_day": cash_low_day,
        "cash_end": cash,
        "crunch_day": crunch,
        "last_trouble": last_trouble,
    }
    return trace


def _binding_key(r: int, day: int, cap: float) -> tuple[int, float, int]:
    """Order of steps falling short: by day; on one day the website first (it turns
    orders away at the door), then the step that could do least."""
    return (day, -math.inf if r == TECH else cap, r)


def _recovery(last_trouble: int, horizon: int) -> int | None:
    """First day (1-based) from which nothing is lost or waiting; None if not within the horizon."""
    if last_trouble < 0:
        return 1
    return last_trouble + 2 if last_trouble < horizon - 1 else None


def _result(inputs: SurgeInputs, scen: Scenario, horizon: int, p: _Params, trace: _Trace) -> SurgeResult:
    t = trace.totals
    bound = sorted(
        (r for r in range(5) if trace.first_day[r] >= 0),
        key=lambda r: _binding_key(r, trace.first_day[r], trace.bind_cap[r]),
    )
    order = tuple(
        Binding(
            RESOURCE_KEYS[r],
            trace.first_day[r] + 1,
            trace.bind_cap[r],
            RESOURCES[RESOURCE_KEYS[r]].label,
            RESOURCES[RESOURCE_KEYS[r]].dimensions[0],
        )
        for r in bound
    )
    expansions = tuple(
        Expansion(RESOURCE_KEYS[r], trace.ordered[r] + 1, int(trace.ready[r]) + 1, p.base[r], p.top[r])
        for r in range(5)
        if trace.ordered[r] >= 0 and trace.ready[r] < horizon
    )
    summary = SurgeSummary(
        first_bind=order[0] if order else None,
        binding_order=order,
        expansions=expansions,
        orders_in=t["orders_in"],
        delivered=t["delivered"],
        lost_technology=t["lost_technology"],
        lost_patience=t["lost_patience"],
        still_waiting=t["still_waiting"],
        peak_backlog=t["peak_backlog"],
        peak_backlog_day=_day(int(t["peak_backlog_day"])),
        peak_wait=int(t["peak_wait"]),
        peak_wait_day=_day(int(t["peak_wait_day"])),
        cash_start=p.cash,
        cash_low=t["cash_low"],
        cash_low_day=int(t["cash_low_day"]) + 1,
        cash_end=t["cash_end"],
        crunch_day=_day(int(t["crunch_day"])),
        recovery_day=_recovery(int(t["last_trouble"]), horizon),
        price=p.price,
    )

    def arr(values: Iterable[float], dtype: Any = float) -> np.ndarray:
        a = np.array(list(values), dtype=dtype)
        a.flags.writeable = False
        return a

    return SurgeResult(
        inputs=inputs,
        scenario=scen,
        horizon=horizon,
        demand=arr(trace.demand),
        accepted=arr(trace.accepted),
        delivered=arr(trace.delivered),
        backlog=arr(trace.backlog),
        wait=arr(trace.wait, int),
        lost_technology=arr(trace.lost_technology),
        lost_patience=arr(trace.lost_patience),
        cash=arr(trace.cash),
        stock=arr(trace.stock),
        bottleneck=arr(trace.bottleneck, int),
        capacity={key: arr(trace.capacity[r]) for r, key in enumerate(RESOURCE_KEYS)},
        summary=summary,
    )


def _day(index: int) -> int | None:
    return None if index < 0 else index + 1


# --- the survival map (numpy over the grid) -----------------------------------------


@dataclass(frozen=True)
class SurvivalMap:
    """Surge size × duration: one summary per cell, arrays of shape (multipliers, durations).

    Day arrays use 0 for "never" (days are 1-based); ``first_bind`` holds an
    index into :data:`RESOURCE_KEYS`, -1 when nothing falls short.
    ``outcome``: 0 copes, 1 strained (orders lost or not back to normal),
    2 breaks (cash goes below zero).
    """

    scenario: Scenario
    horizon: int
    multipliers: np.ndarray
    durations: np.ndarray
    orders_in: np.ndarray
    lost: np.ndarray
    lost_technology: np.ndarray
    lost_patience: np.ndarray
    revenue_lost: np.ndarray
    peak_backlog: np.ndarray
    peak_wait: np.ndarray
    cash_low: np.ndarray
    crunch_day: np.ndarray
    recovery_day: np.ndarray
    first_bind: np.ndarray
    first_bind_day: np.ndarray
    outcome: np.ndarray

    OUTCOMES: ClassVar[tuple[Outcome, ...]] = ("copes", "strained", "breaks")

    @property
    def lost_share(self) -> np.ndarray:
        return np.divide(self.lost, self.orders_in, out=np.zeros_like(self.lost), where=self.orders_in > 0)

    @property
    def survives(self) -> np.ndarray:
        """True where cash never goes below zero."""
        return self.outcome < 2

    def cell(self, i: int, j: int) -> dict[str, Any]:
        """One cell as plain values, named like :class:`SurgeSummary`'s fields."""
        first = int(self.first_bind[i, j])
        return {
            "multiplier": float(self.multipliers[i]),
            "days": int(self.durations[j]),
            "outcome": self.OUTCOMES[int(self.outcome[i, j])],
            "orders_in": float(self.orders_in[i, j]),
            "lost": float(self.lost[i, j]),
            "lost_technology": float(self.lost_technology[i, j]),
            "lost_patience": float(self.lost_patience[i, j]),
            "lost_share": float(self.lost_share[i, j]),
            "revenue_lost": float(self.revenue_lost[i, j]),
            "peak_backlog": float(self.peak_backlog[i, j]),
            "peak_wait": int(self.peak_wait[i, j]),
            "cash_low": float(self.cash_low[i, j]),
            "crunch_day": int(self.crunch_day[i, j]) or None,
            "recovery_day": int(self.recovery_day[i, j]) or None,
            "first_bind": None if first < 0 else RESOURCE_KEYS[first],
            "first_bind_day": int(self.first_bind_day[i, j]) or None,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario.model_dump(),
            "horizon": self.horizon,
            "multipliers": self.multipliers.tolist(),
            "durations": self.durations.tolist(),
            "outcome": [[self.OUTCOMES[k] for k in row] for row in self.outcome.tolist()],
            "lost": self.lost.tolist(),
            "lost_share": self.lost_share.tolist(),
            "revenue_lost": self.revenue_lost.tolist(),
            "peak_backlog": self.peak_backlog.tolist(),
            "peak_wait": self.peak_wait.tolist(),
            "cash_low": self.cash_low.tolist(),
            "crunch_day": self.crunch_day.tolist(),
            "recovery_day": self.recovery_day.tolist(),
            "first_bind": [[None if k < 0 else RESOURCE_KEYS[k] for k in row] for row in self.first_bind.tolist()],
            "first_bind_day": self.first_bind_day.tolist(),
        }


#: The survival map's default shape: a clean block of extra demand, no fade.
MAP_SCENARIO = Scenario(shape="spike", multiplier=1, days=1, label="Surge", description="N× normal orders for D days.")


def survival_map(
    inputs: SurgeInputs,
    multipliers: Sequence[float],
    durations: Sequence[int],
    horizon: int = DEFAULT_HORIZON,
    scenario: Scenario | str | None = None,
) -> SurvivalMap:
    """Which surges do we survive? The model over every (multiplier, duration) pair.

    ``scenario`` gives the shape, fade and start day (default: a clean spike);
    its multiplier and duration are replaced by each cell's. Vectorized: one
    pass of the day loop over arrays holding every cell.
    """
    horizon = _check_horizon(horizon)
    if scenario is None:
        base = MAP_SCENARIO
    else:
        base = scenario_from_preset(scenario) if isinstance(scenario, str) else scenario
    mult = np.asarray(multipliers, dtype=float)
    dur = np.asarray(durations, dtype=float)
    if mult.ndim != 1 or dur.ndim != 1 or not mult.size or not dur.size:
        raise SurgeInputError("multipliers and durations must be non-empty lists of numbers")
    if not np.all(np.isfinite(mult)) or np.any(mult < 0) or np.any(mult > 1000):
        raise SurgeInputError("multipliers must be numbers from 0 to 1000")
    if not np.all(np.isfinite(dur)) or np.any(dur != np.round(dur)) or np.any(dur < 1):
        raise SurgeInputError("durations must be whole numbers of days, at least 1")
    dur = dur.astype(np.int64)
    p = _params(inputs, base.start_day)
    demand = demand_multipliers(base.shape, mult, dur, base.decay_days, base.start_day, horizon)
    demand *= p.base_orders
    out = _run_grid(p, demand)
    shape = (mult.size, dur.size)
    lost_tech, lost_pat = out["lost_technology"], out["lost_patience"]
    lost = lost_tech + lost_pat
    crunch = out["crunch_day"]
    recovery = out["recovery_day"]
    outcome = np.where(crunch > 0, 2, np.where((lost > 0) | (recovery == 0), 1, 0))
    return SurvivalMap(
        scenario=base,
        horizon=horizon,
        multipliers=mult,
        durations=dur.astype(int),
        orders_in=out["orders_in"].reshape(shape),
        lost=lost.reshape(shape),
        lost_technology=lost_tech.reshape(shape),
        lost_patience=lost_pat.reshape(shape),
        revenue_lost=(lost * p.price).reshape(shape),
        peak_backlog=out["peak_backlog"].reshape(shape),
        peak_wait=out["peak_wait"].reshape(shape),
        cash_low=out["cash_low"].reshape(shape),
        crunch_day=crunch.reshape(shape),
        recovery_day=recovery.reshape(shape),
        first_bind=out["first_bind"].reshape(shape),
        first_bind_day=out["first_bind_day"].reshape(shape),
        outcome=outcome.reshape(shape),
    )


def _run_grid(p: _Params, demand: np.ndarray) -> dict[str, np.ndarray]:
    """:func:`_run_one` for many cells at once: each line works on one value per cell.

    ``demand`` is ``(days, cells)``. Same rules, same float operations in the
    same order, so each cell equals its single run (tests check it); only the
    summary is kept, not the series. The speed-ups change no result: capacity
    is recomputed only on days an expansion starts working, and the extra cost
    of expanded capacity only once some cell has expanded.
    """
    horizon, cells = demand.shape
    tol, inf = p.tol, math.inf
    # per-resource state is (resource, cell): each resource's row is contiguous
    base = np.array(p.base)[:, None]
    top = np.array(p.top)[:, None]
    lead = np.array(p.lead, dtype=float)[:, None]
    expandable = np.array(p.expandable)[:, None]
    react = p.policy == "react"
    ready = np.full((5, cells), inf)
    if p.policy == "ahead":
        ready[np.array(p.expandable)] = p.start
    next_switch = float(ready.min())  # the next day some cell's capacity changes
    first_ready = next_switch  # before it, no cell has extra capacity, so no extra cost
    cap = np.empty((5, cells))
    cap[:] = base
    first_day = np.full((5, cells), -1)
    bind_cap = np.full((5, cells), inf)
    acc_hist = np.empty((horizon, cells))
    flat_hist = acc_hist.reshape(-1)
    out_hist = np.empty((horizon, cells))
    accepted_total = np.zeros(cells)
    removed = np.zeros(cells)
    stock = np.full(cells, p.stock0)
    cash = np.full(cells, p.cash)
    head = np.zeros(cells, dtype=np.int64)
    head_at = np.arange(cells)  # flat index of (head, cell) in acc_hist
    tot_in = np.zeros(cells)
    tot_lost = np.zeros(cells)
    tot_cancel = np.zeros(cells)
    tot_out = np.zeros(cells)
    peak_backlog = np.zeros(cells)
    peak_wait = np.zeros(cells, dtype=np.int64)
    cash_low = np.full(cells, inf)
    crunch = np.full(cells, -1)
    last_trouble = np.full(cells, -1)
    no_cancel = np.zeros(cells)
    premium_steps = [r for r in range(5) if p.premium[r] > 0]
    have = np.empty((5, cells))
    short = np.empty((5, cells), dtype=bool)
    for t in range(horizon):
        if t >= next_switch:
            cap = np.where(t < ready, base, top)
            later = ready[ready > t]
            next_switch = float(later.min()) if later.size else inf
        d = demand[t]
        acc = np.minimum(d, cap[TECH])
        lost = d - acc
        accepted_total = accepted_total + acc
        acc_hist[t] = accepted_total
        pending = accepted_total - removed
        while True:
            move = (head < t) & (flat_hist[head_at] <= removed + tol)
            if not move.any():
                break
            head += move
            head_at += move * cells
        wait = np.where(pending > tol, t - head, 0)
        stock_before = stock
        avail = stock + cap[MATERIALS]
        limit = np.minimum(np.minimum(np.minimum(cap[PEOPLE], cap[PRODUCTION]), avail), cap[SERVICE])
        served = np.minimum(pending, limit)
        removed = removed + served
        if t >= p.patience:
            deadline = acc_hist[t - p.patience]
            after = np.maximum(removed, deadline)
            cancelled = after - removed
            removed = after
        else:
            cancelled = no_cancel
        backlog = accepted_total - removed
        stock = np.minimum(p.stock0, avail - served)
        out_hist[t] = served
        receipts = p.price * (out_hist[t - p.pay] if t >= p.pay else p.base_orders)
        costs = p.cost * served + p.fixed
        if t >= first_ready:
            for r in premium_steps:
                used = acc if r == TECH else served
                normal = stock_before + p.base[MATERIALS] if r == MATERIALS else p.base[r]
                costs += p.premium[r] * np.maximum(0.0, used - normal)
        cash = cash + receipts - costs
        have[:] = cap
        have[MATERIALS] = avail
        np.less(have[TECH], d - tol, out=short[TECH])
        np.less(have[PEOPLE:], pending - tol, out=short[PEOPLE:])
        if short.any():
            new = short & (first_day < 0)
            if new.any():
                np.copyto(first_day, t, where=new)
                np.copyto(bind_cap, have, where=new)
            if react:
                order = short & (ready == inf) & expandable
                if order.any():
                    np.copyto(ready, t + lead, where=order)
                    next_switch = min(next_switch, t + float(lead[order.any(axis=1)].min()))
                    first_ready = min(first_ready, next_switch)
        trouble = (lost > tol) | (cancelled > tol) | (backlog > tol)
        np.copyto(last_trouble, t, where=trouble)
        np.maximum(peak_backlog, backlog, out=peak_backlog)
        np.maximum(peak_wait, wait, out=peak_wait)
        np.minimum(cash_low, cash, out=cash_low)
        np.copyto(crunch, t, where=(crunch < 0) & (cash < 0))
        tot_in = tot_in + d
        tot_lost = tot_lost + lost
        tot_cancel = tot_cancel + cancelled
        tot_out = tot_out + served

    # first step to fall short: earliest day; on one day the website, then the least capacity
    never = np.iinfo(np.int64).max
    day_key = np.where(first_day >= 0, first_day, never)
    earliest = day_key.min(axis=0)
    cap_key = np.where(day_key == earliest, bind_cap, inf)
    cap_key[TECH] = np.where(day_key[TECH] == earliest, -inf, inf)
    first = np.where(earliest == never, -1, np.argmin(cap_key, axis=0))
    recovery = np.where(last_trouble < 0, 1, np.where(last_trouble < horizon - 1, last_trouble + 2, 0))
    return {
        "orders_in": tot_in,
        "lost_technology": tot_lost,
        "lost_patience": tot_cancel,
        "delivered": tot_out,
        "peak_backlog": peak_backlog,
        "peak_wait": peak_wait,
        "cash_low": cash_low,
        "crunch_day": np.where(crunch >= 0, crunch + 1, 0),
        "recovery_day": recovery,
        "first_bind": first,
        "first_bind_day": np.where(earliest == never, 0, earliest + 1),
    }


# --- words -------------------------------------------------------------------------------


def verdict(result: SurgeResult) -> str:
    """The run in a few plain sentences: what breaks, in what order, what it costs."""
    s, sc = result.summary, result.scenario
    sentences = [f"{sc.label or 'The surge'}: {sc.describe()}."]
    order = list(s.binding_order)
    if order:
        sentences.append(_first_to_fall_short(order[0], result))
        if len(order) > 1:
            items = [f"{RESOURCES[b.resource].name} (day {b.day})" for b in order[1:]]
            sentences.append("Next to fall short: " + _join(items) + ".")
        days_limited = np.bincount(result.bottleneck[result.bottleneck >= 0], minlength=5)
        if days_limited.any():
            worst = int(days_limited.argmax())
            name = RESOURCES[RESOURCE_KEYS[worst]].name
            sentences.append(
                f"{_capital(name)} is what limits deliveries on {days_limited[worst]} of the {result.horizon} days."
            )
    else:
        sentences.append("Nothing falls short: every order is delivered on time.")
    if s.peak_backlog > 0.5:
        waiting = f"Up to {_count(s.peak_backlog)} orders wait at once (day {s.peak_backlog_day})"
        patience = f"; {_count(s.lost_patience)} give up and cancel" if s.lost_patience > 0.5 else ""
        sentences.append(f"{waiting} and customers wait up to {_days(s.peak_wait)}{patience}.")
    if s.lost > 0.5:
        sentences.append(
            f"In all you lose about {_count(s.lost)} of {_count(s.orders_in)} orders over the "
            f"{result.horizon} days ({_pct(s.lost_share)}), {_money(s.revenue_lost)} of sales."
        )
    elif order:
        sentences.append("No order is lost: customers wait, but not beyond their patience.")
    sentences += _expansion_sentences(s)
    if s.crunch_day is not None:
        sentences.append(
            f"You run out of cash on day {s.crunch_day}, however good the sales: "
            f"the low point is {_money(s.cash_low)} on day {s.cash_low_day}."
        )
    elif s.cash_low >= s.cash_start:
        sentences.append(f"Cash holds: it never drops below where it started ({_money(s.cash_start)}).")
    else:
        sentences.append(f"Cash holds: its lowest point is {_money(s.cash_low)} on day {s.cash_low_day}.")
    if s.recovery_day is None:
        sentences.append(f"Orders are still backing up at the end of the {result.horizon} days.")
    elif s.recovery_day > 1:
        sentences.append(f"Everything is back to normal on day {s.recovery_day}.")
    return " ".join(sentences)


def _first_to_fall_short(b: Binding, result: SurgeResult) -> str:
    s = result.summary
    who = _capital(RESOURCES[b.resource].phrase)
    if b.resource == "technology":
        failing = result.lost_technology > 1e-9 * result.inputs.orders_per_day
        placed = float(result.demand[failing].sum())
        days = np.flatnonzero(failing) + 1
        if days.size == 1:
            span = f"day {days[0]}"
        elif days[-1] - days[0] + 1 == days.size:
            span = f"days {days[0]}–{days[-1]}"
        else:
            span = f"the {days.size} days it fails"
        return (
            f"{who} fails first, on day {b.day}, and turns away {_count(s.lost_technology)} orders: "
            f"{_pct(s.lost_technology / placed)} of those placed on {span}."
        )
    waiting = result.accepted[b.day - 1] + (result.backlog[b.day - 2] if b.day > 1 else 0.0)
    if b.resource == "materials":
        return (
            f"{who} run short first, on day {b.day}: stock and deliveries cover {_count(b.capacity)} orders "
            f"against {_count(waiting)} waiting."
        )
    return (
        f"{who} falls short first, on day {b.day}: it handles {_count(b.capacity)} orders a day "
        f"against {_count(waiting)} waiting."
    )


def _expansion_sentences(s: SurgeSummary) -> list[str]:
    """When the extra capacity ordered in the rush starts working, and what comes too late."""
    if not s.expansions:
        return []
    over = s.recovery_day
    in_time = [e for e in s.expansions if over is None or e.ready_day < over]
    late = [e for e in s.expansions if over is not None and e.ready_day >= over]

    def items(group: list[Expansion]) -> str:
        ordered = sorted(group, key=lambda e: e.ready_day)
        return _join([f"day {e.ready_day} ({RESOURCES[e.resource].name})" for e in ordered])

    out = []
    if in_time:
        out.append(f"Extra capacity starts working on {items(in_time)}.")
    if late:
        when = "also arrives" if in_time else "arrives"
        out.append(f"Extra capacity {when} on {items(late)}, after the rush is over.")
    return out


def markdown(result: SurgeResult, assumptions: Sequence[Assumption] = (), title: str = "") -> str:
    """A readable one-page summary of a run, with the assumptions behind it."""
    s = result.summary
    lines = [f"# {title or 'Surge stress test'}", "", result.verdict(), "", "## In numbers", ""]
    rows = [
        ("Outcome", {"copes": "copes", "strained": "strained", "breaks": "breaks (cash runs out)"}[s.outcome]),
        ("Orders in", _count(s.orders_in)),
        ("Delivered", _count(s.delivered)),
        ("Turned away by the website", _count(s.lost_technology)),
        ("Cancelled after waiting too long", _count(s.lost_patience)),
        ("Revenue lost", _money(s.revenue_lost)),
        ("Peak backlog", f"{_count(s.peak_backlog)}" + (f" (day {s.peak_backlog_day})" if s.peak_backlog_day else "")),
        ("Longest wait", _days(s.peak_wait)),
        ("Cash low point", f"{_money(s.cash_low)} (day {s.cash_low_day})"),
        ("Cash crunch", "none" if s.crunch_day is None else f"day {s.crunch_day}"),
        ("Back to normal", "not within the horizon" if s.recovery_day is None else f"day {s.recovery_day}"),
    ]
    lines += ["| | |", "|---|---:|", *(f"| {k} | {v} |" for k, v in rows)]
    if s.binding_order:
        lines += ["", "## What falls short, in order", "", "| Step | From day | Capacity then | See findings in |"]
        lines.append("|---|---:|---:|---|")
        for b in s.binding_order:
            lines.append(f"| {b.label} | {b.day} | {_count(b.capacity)} a day | {b.dimension} |")
    if s.expansions:
        lines += ["", "## Extra capacity", ""]
        for e in s.expansions:
            lines.append(
                f"- {RESOURCES[e.resource].label}: ordered day {e.ordered_day}, working day {e.ready_day}, "
                f"{_count(e.capacity_before)} → {_count(e.capacity_after)} a day"
            )
    if assumptions:
        lines += ["", "## Inputs", "", "| Input | Value | Source |", "|---|---:|---|"]
        for a in assumptions:
            value = "not applicable" if a.value is None else f"{a.value:g} {a.unit}"
            lines.append(f"| {a.label} | {value} | {a.note or a.source} |")
    return "\n".join(lines) + "\n"


def related_findings(result: ScoreResult, resource: str, limit: int | None = 3) -> list[Finding]:
    """The assessment's findings for the part of the business a bottleneck belongs to."""
    if resource not in RESOURCES:
        raise SurgeInputError(f"unknown resource {resource!r}; one of: {', '.join(RESOURCES)}")
    dims = RESOURCES[resource].dimensions
    found = sorted(
        (f for f in result.findings if f.dimension in dims), key=lambda f: (dims.index(f.dimension), -f.priority)
    )
    return found if limit is None else found[:limit]


def dimension_title(questionnaire: Questionnaire, resource: str, lang: str = "en") -> str:
    """The questionnaire's name for the dimension a resource links to (falls back to its id)."""
    dim = RESOURCES[resource].dimensions[0]
    known = {d.id: d for d in questionnaire.dimensions}
    return tr(known[dim].title, lang) if dim in known else dim


# --- formatting helpers ------------------------------------------------------------------


def _num(value: float) -> float | None:
    """JSON has no infinity: "no limit" is null."""
    return None if math.isinf(value) else value


def _count(value: float) -> str:
    if math.isinf(value):
        return "no limit"
    return f"{value:,.0f}" if abs(value) >= 10 else f"{value:,.1f}".rstrip("0").rstrip(".")


def _money(value: float) -> str:
    return f"-{abs(value):,.0f}" if value < 0 else f"{value:,.0f}"


def _pct(share: float) -> str:
    return f"{100 * share:.0f}%" if share >= 0.01 or share == 0 else "under 1%"


def _times(n: float) -> str:
    return f"{n:g}×"


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _suggest(name: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(options), n=1)
    return f"; did you mean `{close[0]}`?" if close else ""


def raise_capacity(inputs: SurgeInputs, resource: str, factor: float) -> SurgeInputs:
    """What-if: the same business with one step's capacity (and its ceiling) multiplied by ``factor``."""
    if resource not in RESOURCE_KEYS:
        raise SurgeInputError(f"unknown step {resource!r}; choose one of: {', '.join(RESOURCE_KEYS)}")
    if factor <= 0:
        raise SurgeInputError("the factor must be above 0")
    constraint = getattr(inputs, resource)

    def scaled(value: float | None) -> float | None:
        return None if value is None else value * factor

    changed = constraint.model_copy(
        update={"capacity": scaled(constraint.capacity), "max_capacity": scaled(constraint.max_capacity)}
    )
    return inputs.model_copy(update={resource: changed})


def what_if(
    inputs: SurgeInputs, scenario: Scenario | str, factor: float = 2.0, horizon: int = 180
) -> list[tuple[str, SurgeResult]]:
    """Each step raised by ``factor`` in turn, best first (fewest orders lost, then least cash strain).

    Raising the step that breaks first is not always what helps: if the next
    step is nearly as tight, the orders it lets in are lost a little later.
    This answers "which single fix moves the line the most".
    """
    runs = [(key, simulate(raise_capacity(inputs, key, factor), scenario, horizon)) for key in RESOURCE_KEYS]

    def lost(run: SurgeResult) -> float:
        return run.summary.lost_technology + run.summary.lost_patience

    return sorted(runs, key=lambda item: (lost(item[1]), -item[1].summary.cash_low))
