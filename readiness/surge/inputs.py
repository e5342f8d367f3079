"""The model's inputs: what the engine runs on, where each value came from, and how the first follow from the second.

A person gives named values (:mod:`~readiness.surge.knobs`): answers to the
assessment, or edits on the page. :class:`SurgeInputs` is what the engine
needs, in orders a day and money, with every way of adding capacity as a
:class:`Lever` that has a lead time, a cost and a commitment. Every rule that
turns the first into the second is in :func:`inputs_from_assumptions` and
docs/surge.md; every value that stands in for an unanswered question is an
:class:`Assumption` the page and the report flag.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from readiness.answers import Answer, AnswerSet, parse_answers, visible_questions
from readiness.errors import SurgeInputError
from readiness.figures import plain_number
from readiness.model import NumberQuestion, Questionnaire, SingleChoiceQuestion
from readiness.surge.formatting import suggest
from readiness.surge.knobs import KNOBS, Knob
from readiness.surge.resources import KINDS, Kind, has_goods, has_service

Policy = Literal["never", "cautious", "aggressive"]
POLICIES: tuple[Policy, ...] = ("never", "cautious", "aggressive")
Source = Literal["answer", "assumption", "edited"]

DEFAULT_HORIZON = 180
MAX_HORIZON = 3650
DEFAULT_KIND: Kind = "goods"

#: Share of today's fixed costs that pays for each step's capacity (crew, equipment,
#: space; people; customer service; hosting). Adding capacity to a step adds the
#: same share again per unit: doubling production adds its share once more.
MAKE_SHARE: dict[Kind, float] = {"goods": 0.6, "both": 0.5, "services": 0.7, "software": 0.5}
SERVICE_SHARE = 0.1
WEBSITE_SHARE = 0.02
WEBSITE_COMMIT_DAYS = 30


class _Model(BaseModel):
    # Frozen and strict like the questionnaire model: a typo in an inputs file
    # is an error, and infinity is spelled `null` ("no limit") so it survives JSON.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Lever(_Model):
    """One way to add capacity to a step, and what it costs.

    Flexible levers (overtime, a partner, extra supplier deliveries) cost per
    order made with them and stop costing when idle. Fixed levers (equipment
    and space, hires, a website upgrade) cost every day once they work, for at
    least ``commit_days``, busy or not: that is what over-expansion burns.
    """

    capacity: float = Field(default=0, ge=0, description="Orders a day it adds; 0: not available.")
    lead_days: int = Field(default=7, ge=1, le=MAX_HORIZON, description="Days from deciding until it works.")
    cost_per_order: float = Field(default=0, ge=0, description="Paid for each order made with it.")
    cost_per_day: float = Field(default=0, ge=0, description="Paid every day it is kept.")
    upfront: float = Field(default=0, ge=0, description="Paid once, the day it starts working.")
    commit_days: int = Field(default=0, ge=0, le=MAX_HORIZON, description="Kept and paid at least this long.")


class Levers(_Model):
    """The levers the model knows, one per slot (a missing one has no capacity)."""

    overtime: Lever = Lever(lead_days=1)
    partner: Lever = Lever()
    expand: Lever = Lever()
    service_help: Lever = Lever()
    website_upgrade: Lever = Lever()
    extra_supply: Lever = Lever(lead_days=1)


class SurgeInputs(_Model):
    """Everything the engine needs, in orders a day, days and money."""

    kind: Kind = Field(default=DEFAULT_KIND, description="goods, services, software or both.")
    orders_per_day: float = Field(gt=0, description="Orders (bookings, jobs) delivered on a normal day.")
    price: float = Field(ge=0, description="Money received per order.")
    unit_cost: float = Field(ge=0, description="Money paid per order (materials for goods), after supplier terms.")
    fixed_cost_per_day: float = Field(ge=0, description="Wages, rent and other costs paid whatever the orders.")
    cash: float = Field(description="Cash on hand plus credit you can draw, on day 1.")
    payment_days: int = Field(ge=0, le=MAX_HORIZON, description="Days from delivery until the customer pays.")
    supplier_payment_days: int = Field(default=30, ge=0, le=MAX_HORIZON, description="Days until you pay suppliers.")
    online_share: float = Field(default=0, ge=0, le=1, description="Share of orders placed online.")
    website: float | None = Field(
        default=None, ge=0, description="Online orders a day the website takes; null: no limit."
    )
    making: float = Field(gt=0, description="Orders a day production (goods) or people's hours (services) handle.")
    service: float | None = Field(
        default=None, ge=0, description="Orders a day customer service handles; null: no limit."
    )
    make_to_stock: bool = Field(default=False, description="Goods are made ahead into finished stock.")
    stock: float = Field(default=0, ge=0, description="Normal finished stock, in orders' worth.")
    batch_days: int = Field(default=1, ge=1, le=365, description="Days of forecast sales planned in one batch.")
    shelf_days: int | None = Field(default=None, ge=1, le=MAX_HORIZON, description="Days stock stays sellable.")
    materials: float | None = Field(default=None, ge=0, description="Materials on hand in orders' worth; null: none.")
    supplier_lead_days: int = Field(default=7, ge=1, le=365, description="Days from ordering materials to arrival.")
    supplier_per_day: float = Field(default=0, ge=0, description="Most suppliers deliver a day, before expanding.")
    patience_days: int = Field(
        default=7, ge=0, le=MAX_HORIZON, description="Days beyond the usual wait a customer waits."
    )
    wait_share: float = Field(default=1, ge=0, le=1, description="Share of customers who wait longer than usual.")
    waiting_list_days: int = Field(default=0, ge=0, le=365, description="Normal wait for a slot (waiting list).")
    levers: Levers = Levers()
    expansion: Policy = Field(
        default="cautious",
        description="`cautious`: flexible levers when a step falls short, fixed ones only once demand has "
        "stayed above capacity for two weeks; `aggressive`: every lever the day a step falls short; "
        "`never`: nothing is added.",
    )

    @property
    def goods(self) -> bool:
        return has_goods(self.kind)

    @property
    def online(self) -> bool:
        return self.online_share > 0 and self.website is not None


@dataclass(frozen=True)
class Assumption:
    """One named input with where it came from, so a page can show, flag and edit it.

    ``source``: ``answer`` (from the assessment), ``assumption`` (a documented
    default standing in for an unanswered question) or ``edited`` (changed by
    the user). ``value`` None means "not applicable" where the knob allows it.
    ``applies`` is False for a knob this business does not use (stock for a
    consultancy): it is neither flagged nor varied.
    """

    name: str
    value: float | None
    label: str
    unit: str
    source: Source
    question_id: str | None = None
    note: str = ""
    applies: bool = True

    @property
    def flagged(self) -> bool:
        """A default standing in for an answer: listed and checked for sensitivity."""
        return self.source == "assumption" and self.applies and not KNOBS[self.name].scenario

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "label": self.label,
            "unit": self.unit,
            "source": self.source,
            "question_id": self.question_id,
            "note": self.note,
            "applies": self.applies,
            "flagged": self.flagged,
        }


@dataclass(frozen=True)
class Setup:
    """What a person told the model: the kind of business, every named value and its source."""

    kind: Kind
    assumptions: tuple[Assumption, ...]
    kind_note: str = ""
    #: What the owner said the known event ahead is (the ``event_ahead`` answer: ``contract``,
    #: ``season``, ``new_event``), so the event's scenario takes its shape; None: not answered.
    event_kind: str | None = None

    def values(self) -> dict[str, float | None]:
        return {a.name: a.value for a in self.assumptions}

    @property
    def flagged(self) -> tuple[Assumption, ...]:
        return tuple(a for a in self.assumptions if a.flagged)

    def inputs(self, expansion: Policy = "cautious") -> SurgeInputs:
        return inputs_from_assumptions(self.assumptions, self.kind, expansion)

    def edit(self, changes: Mapping[str, float | None], kind: Kind | None = None) -> Setup:
        """The same setup with some values (or the kind) changed by the user, marked ``edited``."""
        edited = edit_assumptions(self.assumptions, changes)
        new_kind = check_kind(kind) if kind is not None else self.kind
        note = "edited" if new_kind != self.kind else self.kind_note
        return _contextual(Setup(new_kind, tuple(edited), note, self.event_kind))


def check_kind(kind: str | None) -> Kind:
    if kind is None:
        return DEFAULT_KIND
    if kind not in KINDS:
        raise SurgeInputError(f"unknown kind of business {kind!r}; one of: {', '.join(KINDS)}")
    return kind  # type: ignore[return-value]


def _assumption(knob: Knob, value: float | None, source: Source, qid: str | None = None, note: str = "") -> Assumption:
    return Assumption(knob.name, value, knob.label, knob.unit, source, qid, note)


#: The largest value of an input the model uses: beyond it a value was cut to fit without a word (an exploratory
#: browser pass typed a waiting list of 1e12 weeks and read "wait no longer than the usual 365 days"), so it is
#: refused instead, saying the limit. A busiest step may run past 100% on overtime, up to 200% as the growth
#: questionnaire asks it; days and weeks reach at most the longest run (MAX_HORIZON days).
MOST: dict[str, float] = {
    "utilization": 200.0,
    "waiting_list_weeks": 52.0,
    "batch_days": 365.0,
    "supplier_lead_days": 365.0,
    **dict.fromkeys(("weeks_to_double", "weeks_to_productive"), float(MAX_HORIZON // 7)),
    **dict.fromkeys(
        (
            "payment_days",
            "supplier_payment_days",
            "partner_lead_days",
            "lease_commit_days",
            "hire_commit_days",
            "shelf_days",
            "website_upgrade_days",
            "service_lead_days",
            "patience_days",
        ),
        float(MAX_HORIZON),
    ),
}


def _amount(value: float, knob: Knob) -> str:
    """A value in its knob's unit, as the form labels it: "200%", "52 weeks"."""
    return f"{plain_number(value)}%" if knob.unit == "%" else f"{plain_number(value)} {knob.unit}"


def _knob_error(knob: Knob, problem: str) -> SurgeInputError:
    """An input refused, said with its id for files and the CLI and with its label alone for the form."""
    joint = "" if problem.startswith(":") else " "
    return SurgeInputError(f"`{knob.name}` ({knob.label}){joint}{problem}", f"{knob.label}{joint}{problem}")


def _knob_value(knob: Knob, value: Any) -> float | None:
    if value is None:
        if not knob.allows_none:
            raise _knob_error(knob, "needs a number")
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _knob_error(knob, f"must be a number, not {value!r}")
    if value < 0:
        raise _knob_error(knob, f"cannot be negative ({plain_number(value, typographic=False)})")
    if knob.percent and value > 100:
        raise _knob_error(knob, f"is a percentage: at most 100, not {plain_number(value, typographic=False)}")
    most = MOST.get(knob.name)
    if most is not None and value > most:
        raise _knob_error(knob, f": at most {_amount(most, knob)}, not {plain_number(value, typographic=False)}")
    return float(value)


def _check_names(values: Mapping[str, Any]) -> None:
    for name in values:
        if name not in KNOBS:
            raise SurgeInputError(f"unknown surge input `{name}`{suggest(str(name), KNOBS)}")


def _contextual(setup: Setup) -> Setup:
    """Which knobs apply to this business, and the defaults that follow from other answers.

    A waiting list means patient customers: unless answered, patience is the
    waiting list's length again and 90% wait. Software is sold online: unless
    answered, all of its orders come online. Website knobs apply only where
    orders come online; batches and shelf life only where stock is made ahead.
    """
    by_name = {a.name: a for a in setup.assumptions}
    kind = setup.kind

    def value(name: str) -> float | None:
        return by_name[name].value

    out = []
    waiting = 7 * (value("waiting_list_weeks") or 0.0)
    online = value("online_share")
    no_web = online == 0 or value("website_multiple") is None
    made_to_order = value("stock_days") is None
    for a in setup.assumptions:
        knob = KNOBS[a.name]
        applies = knob.applies(kind)
        if a.name.startswith("website_") and a.name != "website_multiple" and no_web:
            applies = False
        if a.name == "website_multiple" and online == 0:
            applies = False
        if a.name in ("batch_days", "shelf_days") and made_to_order:
            applies = False
        if knob.scenario:
            applies = value("event_multiple") is not None
        if a.source == "assumption" and not a.note.startswith("assumed from"):
            if a.name == "patience_days" and waiting > 0:
                a = replace(a, value=waiting, note="assumed from your waiting list: customers who join one are patient")
            elif a.name == "wait_share" and waiting > 0:
                a = replace(a, value=90.0, note="assumed from your waiting list: customers who join one are patient")
            elif a.name == "online_share" and kind == "software":
                a = replace(a, value=100.0, note="assumed from the kind of business: software is sold online")
        out.append(replace(a, applies=applies))
    return replace(setup, assumptions=tuple(out))


def setup_from_values(values: Mapping[str, float | None], kind: str | None = None, source: Source = "answer") -> Setup:
    """Knobs given by name (``source``), the rest at their defaults. Unknown names are errors."""
    _check_names(values)
    out = []
    for knob in KNOBS.values():
        if knob.name in values:
            out.append(_assumption(knob, _knob_value(knob, values[knob.name]), source, note="given"))
        else:
            out.append(_assumption(knob, knob.default, "assumption", note="assumed: not given"))
    note = "given" if kind is not None else "assumed: not given"
    return _contextual(Setup(check_kind(kind), tuple(out), note))


def assumptions_from_values(values: Mapping[str, float | None], source: Source = "answer") -> list[Assumption]:
    """The named values as assumptions, for a business of the default kind."""
    return list(setup_from_values(values, None, source).assumptions)


def default_assumptions() -> list[Assumption]:
    """Every knob at its documented default."""
    return list(setup_from_values({}).assumptions)


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


def inputs_from_values(
    values: Mapping[str, float | None], kind: str | None = None
) -> tuple[SurgeInputs, list[Assumption]]:
    """Inputs from named values (an inputs file, or edits on a page); the rest are assumptions."""
    setup = setup_from_values(values, kind)
    return setup.inputs(), list(setup.assumptions)


def kind_from_answers(
    questionnaire: Questionnaire, answers: Mapping[str, Answer], fallback: str | None = None
) -> tuple[Kind, str]:
    """The kind of business: the questionnaire's ``business_type`` answer, else ``fallback``, else goods."""
    question = questionnaire.question("business_type") if questionnaire.has_question("business_type") else None
    answer = answers.get("business_type")
    answered = isinstance(question, SingleChoiceQuestion) and answer is not None and answer.kind == "value"
    if answered and answer is not None and answer.value in KINDS:
        return answer.value, "your answer to `business_type`"
    if fallback in KINDS:
        return fallback, "the kind chosen when the assessment started"  # type: ignore[return-value]
    return DEFAULT_KIND, "assumed: the kind of business is not answered"


def setup_from_answers(
    questionnaire: Questionnaire, answers: AnswerSet | Mapping[str, Answer], kind: str | None = None
) -> Setup:
    """Prefill the model from a completed assessment.

    Reads every visible number question marked ``surge_input: <name>`` (the
    first answered one wins when several carry a name). "Not applicable", or a
    question hidden by its condition, means "not applicable" where the knob
    allows it (no stock kept, no online orders). Everything else not answered
    falls back to the knob's documented default and is labelled an assumption.
    """
    given = answers.answers if isinstance(answers, AnswerSet) else dict(answers)
    shown = visible_questions(questionnaire, given)
    marked: dict[str, list[NumberQuestion]] = {}
    for q in questionnaire.questions:
        if isinstance(q, NumberQuestion) and q.surge_input in KNOBS:
            marked.setdefault(q.surge_input, []).append(q)
    the_kind, kind_note = kind_from_answers(questionnaire, given, kind)
    out = [_from_questions(knob, marked.get(knob.name, []), given, shown) for knob in KNOBS.values()]
    return _contextual(Setup(the_kind, tuple(out), kind_note, event_kind_from_answers(given, shown)))


def event_kind_from_answers(answers: Mapping[str, Answer], shown: set[str] | None = None) -> str | None:
    """What the owner said the known event ahead is: the ``event_ahead`` answer, if it names one."""
    answer = answers.get("event_ahead")
    if answer is None or answer.kind != "value" or (shown is not None and "event_ahead" not in shown):
        return None
    return answer.value if answer.value in ("contract", "season", "new_event") else None


def inputs_from_answers(
    questionnaire: Questionnaire, answers: AnswerSet | Mapping[str, Answer], kind: str | None = None
) -> tuple[SurgeInputs, list[Assumption]]:
    """:func:`setup_from_answers`, as the inputs and the assumptions behind them."""
    setup = setup_from_answers(questionnaire, answers, kind)
    return setup.inputs(), list(setup.assumptions)


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
                unusable = f"assumed: your answer of {plain_number(answer.value)} to `{q.id}` cannot size the test"
                continue
            most = MOST.get(knob.name)
            if most is not None and isinstance(answer.value, int | float) and answer.value > most:
                # an answer the questionnaire allows (a 60-week backlog) runs at the model's longest, said
                note = (
                    f"your answer to `{q.id}` ({plain_number(answer.value)}), run as {_amount(most, knob)}, "
                    "the most the model runs"
                )
                return _assumption(knob, most, "answer", q.id, note)
            try:
                value = _knob_value(knob, answer.value)
            except SurgeInputError as exc:
                unusable = f"assumed: your answer to `{q.id}` cannot be used ({exc})"
                continue
            return _assumption(knob, value, "answer", q.id, f"your answer to `{q.id}`")
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


def inputs_from_assumptions(
    assumptions: Sequence[Assumption] | Mapping[str, float | None],
    kind: str | None = None,
    expansion: Policy = "cautious",
) -> SurgeInputs:
    """Derive the model's inputs from the named values. Every rule is in docs/surge.md.

    N is normal orders a day, the price the order value:

    * money: cost per order = price × (1 − gross margin); fixed costs are what
      leaves the net margin as profit on a normal day; cash is the runway's
      weeks of normal outgoings;
    * making (production for goods, people's hours for services) handles
      N ÷ utilization; overtime stretches it to N × the best clean day; a
      partner adds N × ``partner_multiple`` after its lead time; expanding
      (equipment and space for goods, hires for services) adds
      ``expansion_multiple`` − 1 times it after weeks, costs its share of
      fixed costs every day for at least the commitment, plus, for goods, a
      set-up cost;
    * customer service (not for goods) handles N × ``service_multiple``;
      help adds ``expansion_multiple`` − 1 times it after its lead time;
    * the website takes ``online_share`` of orders, up to N × online share ×
      ``website_multiple``; an upgrade raises it to ``website_upgrade_multiple``;
    * goods: ``stock_days`` × N of finished stock, made in batches of
      ``batch_days``, sellable for ``shelf_days``; ``materials_days`` × N of
      materials, ordered from suppliers who deliver up to N a day after
      ``supplier_lead_days`` (up to ``expansion_multiple`` × N when asked).
    """
    if isinstance(assumptions, Mapping):
        _check_names(assumptions)
        v = {k.name: assumptions.get(k.name, k.default) for k in KNOBS.values()}
    else:
        given = {a.name: a.value for a in assumptions}
        v = {k.name: given.get(k.name, k.default) for k in KNOBS.values()}
    for name, value in v.items():
        v[name] = _knob_value(KNOBS[name], value)
    the_kind = check_kind(kind)

    def num(name: str) -> float:
        value = v[name]
        default = KNOBS[name].default
        return (default or 0.0) if value is None else value

    def days(value: float, least: int = 1) -> int:
        return max(least, min(MAX_HORIZON, round(value)))

    base = num("orders_per_day")
    if base <= 0:
        raise _knob_error(KNOBS["orders_per_day"], "must be above 0")
    price = num("order_value")
    unit_cost = price * (1 - num("gross_margin") / 100)
    fixed = max(0.0, base * (price - unit_cost) - base * price * num("net_margin") / 100)
    grow = max(1.0, num("expansion_multiple"))
    goods = has_goods(the_kind)

    making = base / (max(num("utilization"), 1.0) / 100)
    added = (grow - 1) * making
    make_share = MAKE_SHARE[the_kind] * fixed / making if making > 0 else 0.0
    expand = Lever(
        capacity=added,
        lead_days=days(7 * num("weeks_to_double" if goods else "weeks_to_productive")),
        cost_per_day=make_share * added,
        upfront=num("setup_weeks") * 7 * make_share * added if goods else 0.0,
        commit_days=days(num("lease_commit_days" if goods else "hire_commit_days"), 0),
    )
    levers: dict[str, Lever] = {
        "overtime": Lever(
            capacity=max(0.0, base * num("peak_multiple") - making),
            lead_days=1,
            cost_per_order=price * num("overtime_premium") / 100,
        ),
        "partner": Lever(
            capacity=base * num("partner_multiple"),
            lead_days=days(num("partner_lead_days")),
            cost_per_order=price * num("partner_premium") / 100,
        ),
        "expand": expand,
    }
    data: dict[str, Any] = {
        "kind": the_kind,
        "orders_per_day": base,
        "price": price,
        "unit_cost": unit_cost,
        "fixed_cost_per_day": fixed,
        "cash": num("cash_weeks") * 7 * (fixed + unit_cost * base),
        "payment_days": days(num("payment_days"), 0),
        "supplier_payment_days": days(num("supplier_payment_days"), 0),
        "making": making,
        "patience_days": days(num("patience_days"), 0),
        "wait_share": num("wait_share") / 100,
        "waiting_list_days": min(365, days(7 * num("waiting_list_weeks"), 0)),
        "expansion": expansion,
    }
    online = num("online_share") / 100
    website = v["website_multiple"]
    if online > 0 and website is not None:
        upgrade = max(website, num("website_upgrade_multiple"))
        data["online_share"] = online
        data["website"] = base * online * website
        levers["website_upgrade"] = Lever(
            capacity=base * online * (upgrade - website),
            lead_days=days(num("website_upgrade_days")),
            cost_per_day=WEBSITE_SHARE * fixed,
            commit_days=WEBSITE_COMMIT_DAYS,
        )
    if has_service(the_kind):
        service = base * num("service_multiple")
        data["service"] = service
        levers["service_help"] = Lever(
            capacity=(grow - 1) * service,
            lead_days=days(num("service_lead_days")),
            cost_per_day=SERVICE_SHARE * fixed * (grow - 1),
            commit_days=days(num("hire_commit_days"), 0),
        )
    if goods:
        stock = v["stock_days"]
        shelf = v["shelf_days"]
        data.update(
            make_to_stock=stock is not None,
            stock=0.0 if stock is None else base * stock,
            batch_days=max(1, min(365, round(num("batch_days")))),
            shelf_days=None if shelf is None else days(shelf),
            materials=base * num("materials_days"),
            supplier_lead_days=max(1, min(365, round(num("supplier_lead_days")))),
            supplier_per_day=base * max(1.0, num("peak_multiple")),
        )
        levers["extra_supply"] = Lever(capacity=(grow - 1) * base * max(1.0, num("peak_multiple")), lead_days=1)
    data["levers"] = levers
    return validated(SurgeInputs, data, "surge inputs")


def parse_inputs(data: Mapping[str, Any]) -> SurgeInputs:
    """A full :class:`SurgeInputs` document (e.g. from ``to_dict()["inputs"]``), checked."""
    return validated(SurgeInputs, dict(data), "surge inputs")


def setup_from_document(
    data: Mapping[str, Any], questionnaire: Questionnaire | None = None
) -> tuple[SurgeInputs, Setup | None]:
    """Whatever a user hands the CLI: an answers file, a full inputs document, or named values.

    * a mapping with ``answers:`` is an answers file for ``questionnaire``
      (checked with :func:`readiness.answers.parse_answers`);
    * a mapping with the :class:`SurgeInputs` keys (``making``, ``levers`` ...)
      is used as is, with no assumptions;
    * otherwise it maps knob names to values (``orders_per_day: 120``), with
      an optional ``kind:`` (goods, services, software, both).
    """
    if "answers" in data:
        if questionnaire is None:
            raise SurgeInputError("an answers file needs its questionnaire to be read as surge inputs")
        answer_set, _ = parse_answers(questionnaire, data)
        setup = setup_from_answers(questionnaire, answer_set)
        return setup.inputs(), setup
    if "making" in data or "levers" in data:
        return parse_inputs(data), None
    values = dict(data)
    kind = values.pop("kind", None)
    setup = setup_from_values(values, kind)
    return setup.inputs(), setup


def inputs_from_document(
    data: Mapping[str, Any], questionnaire: Questionnaire | None = None
) -> tuple[SurgeInputs, list[Assumption]]:
    """:func:`setup_from_document`, as the inputs and the assumptions behind them (none for a full document)."""
    inputs, setup = setup_from_document(data, questionnaire)
    return inputs, [] if setup is None else list(setup.assumptions)


def validated(model: type[Any], data: dict[str, Any], what: str) -> Any:
    """Build a model, turning pydantic's errors into one plain message per field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        lines = []
        for err in exc.errors(include_url=False):
            where = ".".join(str(p) for p in err["loc"]) or what
            lines.append(f"{where}: {err['msg']}")
        raise SurgeInputError(f"invalid {what}: " + "; ".join(lines)) from None
