"""The model's inputs: named knobs a person can give, where each value came from, and the
derived capacities, costs and cash the engine runs on (every rule in docs/surge.md)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from readiness.answers import Answer, AnswerSet, parse_answers, visible_questions
from readiness.errors import SurgeInputError
from readiness.model import NumberQuestion, Questionnaire
from readiness.surge.formatting import _suggest
from readiness.surge.resources import RESOURCE_KEYS

Policy = Literal["react", "ahead", "never"]
Source = Literal["answer", "assumption", "edited"]

DEFAULT_HORIZON = 180
MAX_HORIZON = 3650


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
