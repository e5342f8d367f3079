"""Levers that only work under load (docs/scoring.md §3 and §4), each pinned on the shipped questionnaire.

* A brake (holding demand back) is advised only while demand can outrun operations.
* A busiest step standing partly idle has room, as much as one in its healthy band: capacity is then
  advised only where the weakest link binds.
* Demand ahead while a critical question is failing is never "under control": a brake slows demand,
  it does not stand in for a part that has failed.
"""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness import balance as balance_module
from readiness import score
from readiness.answers import Answer
from readiness.errors import QuestionnaireError
from readiness.link_text import weakest_text
from readiness.loader import check_text, load_questionnaire, parse_questionnaire
from readiness.model import Questionnaire

from .casework import case_answers, with_values
from .conftest import HEADER, ROOT


@pytest.fixture(scope="module")
def growth() -> Questionnaire:
    return load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")


def brakes(q: Questionnaire) -> set[str]:
    return {x.id for x in q.questions if getattr(x, "brake", False)}


def worst_brakes(q: Questionnaire, answers: dict[str, Answer]) -> dict[str, Answer]:
    """Every brake answered at its worst: no way to slow demand."""
    out = dict(answers)
    for qid in brakes(q):
        question = q.question(qid)
        if question.type == "yes_no":
            out[qid] = Answer(qid, "value", False)
        else:
            worst = min(question.options, key=lambda o: o.value)
            out[qid] = Answer(qid, "value", worst.id)
    return out


def advised(result) -> set[str]:
    return {f.question_id for f in result.findings} | {
        a.question_id for a in (*result.plan.actions, *result.plan.backlog)
    }


def test_the_shipped_questionnaire_marks_its_brakes(growth: Questionnaire) -> None:
    marked = brakes(growth)
    assert marked, "no question is marked brake: true"
    assert all(growth.question(qid).dimension == "demand_management" for qid in marked)


def test_a_brake_is_not_advised_while_demand_is_quiet(growth: Questionnaire) -> None:
    # A steady dental lab growing about 10% a year, no backlog, no event: no brake is a fix today.
    quiet = score(growth, worst_brakes(growth, case_answers(growth, "dental-lab-growing-in-step")))
    assert not brakes(growth) & advised(quiet)


def test_a_brake_is_advised_once_demand_can_outrun_operations(growth: Questionnaire) -> None:
    answers = worst_brakes(growth, case_answers(growth, "dental-lab-growing-in-step"))
    # The same lab with a big contract starting in four weeks, doubling its volume.
    busy = score(growth, with_values(answers, event_ahead="contract", event_multiple=3, event_weeks=4))
    assert brakes(growth) & advised(busy)


def test_brake_floor_zero_always_advises_brakes(growth: Questionnaire) -> None:
    tuned = growth.model_copy(update={"balance": growth.balance.model_copy(update={"brake_floor": 0.0})})
    result = score(tuned, worst_brakes(tuned, case_answers(tuned, "dental-lab-growing-in-step")))
    assert brakes(tuned) & advised(result)


def test_a_partly_idle_busiest_step_has_room_like_a_healthy_one(growth: Questionnaire) -> None:
    answers = case_answers(growth, "dental-lab-growing-in-step")
    healthy = score(growth, with_values(answers, utilization=60))
    idle = score(growth, with_values(answers, utilization=40))
    grows = {x.id for x in growth.questions if x.grows == "capacity"}
    binding = {x.id for x in growth.questions if x.dimension == healthy.balance.weakest}
    # outside the binding dimension, no more capacity is advised at 60% ...
    assert not (grows - binding) & advised(healthy)
    # ... nor at 40%, which has even more room
    assert not (grows - binding) & advised(idle)


def test_demand_ahead_with_a_failing_critical_is_never_under_control(growth: Questionnaire) -> None:
    answers = case_answers(growth, "consultancy-waiting-list")
    held = score(growth, answers)
    assert held.balance.quadrant == "demand_ahead_controlled"
    # the same waiting list, but with nobody able to cover the one person who delivers
    broken = score(growth, with_values(answers, key_person_cover=0))
    assert broken.balance.critical_failures
    assert broken.balance.quadrant == "danger_zone"


SEVERITY = ("danger_zone", "demand_ahead_controlled", "foundation", "idle_capacity", "scale_ready")


def test_an_event_bigger_than_the_reachable_busiest_day_puts_demand_ahead(growth: Questionnaire) -> None:
    from readiness.summary import overrun_text

    answers = case_answers(growth, "hvac-steady-grower")
    assert score(growth, answers).balance.quadrant == "scale_ready"
    # A TV feature in four weeks bringing ten times a normal day, against a best clean day of 2x and
    # sixteen weeks to double: the averages still look strong, the event will not fit.
    spot = with_values(answers, event_ahead="new_event", event_multiple=10, event_weeks=4)
    result = score(growth, spot)
    assert result.balance.quadrant in ("danger_zone", "demand_ahead_controlled")
    assert result.balance.event == (10, 2.5)
    text = overrun_text(result)
    assert text is not None and "10× a normal day" in text and "2.5×" in text


def test_an_event_operations_can_reach_in_time_changes_nothing(growth: Questionnaire) -> None:
    answers = case_answers(growth, "hvac-steady-grower")
    # twice a normal day in sixteen weeks: the best day of 2x can double by then
    result = score(growth, with_values(answers, event_ahead="new_event", event_multiple=2, event_weeks=16))
    assert result.balance.quadrant == "scale_ready"
    assert result.balance.event is None


def test_an_unknown_doubling_time_is_no_time_to_grow(growth: Questionnaire) -> None:
    answers = case_answers(growth, "hvac-steady-grower")
    event = with_values(answers, event_ahead="new_event", event_multiple=3, event_weeks=16)
    assert score(growth, event).balance.event is None  # 3x against 2x doubled in time: 4x
    unknown = dict(event)
    unknown["weeks_to_double"] = Answer("weeks_to_double", "dont_know", None)
    assert score(growth, unknown).balance.event == (3, 2)


@pytest.mark.parametrize("best_day", [1.0, 1.5, 2.0, 3.0, 5.0, 10.0])
def test_a_bigger_best_day_never_raises_the_danger_of_an_event(growth: Questionnaire, best_day: float) -> None:
    answers = with_values(
        case_answers(growth, "dental-lab-growing-in-step"), event_ahead="new_event", event_multiple=4, event_weeks=6
    )
    lower = score(growth, with_values(answers, peak_multiple=best_day))
    higher = score(growth, with_values(answers, peak_multiple=best_day * 1.5))
    assert SEVERITY.index(higher.balance.quadrant) >= SEVERITY.index(lower.balance.quadrant)
    assert higher.balance.pressure <= lower.balance.pressure + 1e-9


STOCK = """
- id: lead_days
  dimension: ops
  type: number
  text: Days for the supplier to deliver
  unit: days
  bands: [{up_to: 14, score: 1, label: Short}, {score: 0.5, label: Long}]
- id: cover
  dimension: ops
  type: number
  text: Days of stock
  unit: days
  slack_allowance: {question: lead_days, label: beyond the lead time}
  bands:
    - {up_to: 7, score: 0, label: Short}
    - {up_to: 45, score: 1, label: Two to six weeks}
    - {up_to: 90, score: 0.6, label: Up to three months, pressure: slack}
    - {score: 0.2, label: Dead stock, pressure: slack}
- {id: d, dimension: demand, type: number, text: Growth, bands: [{score: 1, label: Any}]}
"""


@pytest.mark.parametrize(
    ("cover", "lead", "label"),
    [
        (49, None, "Up to three months"),  # no lead time known: judged as it stands
        (49, 112, "Two to six weeks beyond the lead time"),  # seven weeks of beans, sixteen to get more
        (200, 112, "Up to three months beyond the lead time"),  # 88 days beyond the wait: still cash locked
        (400, 30, "Dead stock"),  # 370 beyond: the allowance moves nothing
        (5, 112, "Short"),  # too little stays too little: the allowance never makes stock short
    ],
)
def test_stock_that_covers_the_wait_for_more_is_not_excess(inline, cover: int, lead: int | None, label: str) -> None:
    q = inline(STOCK)
    answers = {"cover": Answer("cover", "value", cover), "d": Answer("d", "value", 1)}
    if lead is not None:
        answers["lead_days"] = Answer("lead_days", "value", lead)
    result = score(q, answers)
    assert next(s for s in result.questions if s.id == "cover").label == label


def test_an_unknown_lead_time_gives_no_allowance(inline) -> None:
    q = inline(STOCK)
    answers = {
        "cover": Answer("cover", "value", 49),
        "lead_days": Answer("lead_days", "dont_know", None),
        "d": Answer("d", "value", 1),
    }
    assert next(s for s in score(q, answers).questions if s.id == "cover").label == "Up to three months"


def test_the_chocolate_maker_is_not_told_to_stop_buying_beans_ahead(growth: Questionnaire) -> None:
    answers = case_answers(growth, "chocolate-maker-one-cocoa-cooperative")
    result = score(growth, answers)
    assert "stock_cover" not in advised(result)
    # three months of beans: still within the sixteen weeks it takes to get more ...
    assert "stock_cover" not in advised(score(growth, with_values(answers, stock_cover=90)))
    # ... but with a one-week lead time, three months is cash locked in stock
    quick = score(growth, with_values(answers, stock_cover=90, supplier_lead_time=7))
    assert "stock_cover" in {f.question_id for f in quick.findings}


@settings(max_examples=200, deadline=None)
@given(
    excess=st.integers(8, 300),
    lead=st.integers(0, 200),
    shorter=st.integers(0, 200),
    lead_weight=st.floats(0.1, 5),
)
def test_with_the_same_stock_beyond_the_lead_time_a_shorter_lead_time_never_scores_lower(
    excess: int, lead: int, shorter: int, lead_weight: float
) -> None:
    """The allowance gives back at most what the long lead time costs in its own question, so holding
    stock for a long wait never pays better than the same excess with a quick supplier.

    (A shorter lead time with the *same* days of stock can score lower: the same stock becomes excess when
    more can be had sooner, which is a real change, not a quirk. docs/scoring.md §2 says so.)"""
    q = parse_questionnaire(
        textwrap.dedent(HEADER) + "questions:\n" + textwrap.indent(textwrap.dedent(STOCK), "  "), "inline.yaml"
    ).questionnaire
    weighted = q.model_copy(
        update={
            "questions": [
                x.model_copy(update={"weight": lead_weight}) if x.id == "lead_days" else x for x in q.questions
            ]
        }
    )

    def ops(lead_days: int) -> float:
        answers = {
            "cover": Answer("cover", "value", excess + lead_days),
            "lead_days": Answer("lead_days", "value", lead_days),
            "d": Answer("d", "value", 1),
        }
        return score(weighted, answers).dimension("ops").score

    quick, slow = sorted((lead, shorter))
    assert ops(quick) >= ops(slow) - 1e-6


def test_growth_ties_up_cash_in_unpaid_invoices(growth: Questionnaire) -> None:
    answers = case_answers(growth, "fabricator-paid-in-90-days")
    result = score(growth, answers)
    runway = next(q for q in result.questions if q.id == "cash_runway")
    # five weeks of cash, 45% growth, customers paying in 100 days: about six weeks of sales go into invoices
    assert runway.value == 5
    assert runway.label == "Four weeks or less (danger) once a year's growth is paid for"
    assert "cash_runway" in {f.question_id for f in result.balance.critical_failures}
    # paid in ten days, the same growth ties up under a week: the runway reads as it stands
    quick = score(growth, with_values(answers, payment_days=10))
    assert next(q for q in quick.questions if q.id == "cash_runway").label == "One to two months"
    # no growth, no drag
    flat = score(growth, with_values(answers, order_growth=0))
    assert next(q for q in flat.questions if q.id == "cash_runway").label == "One to two months"


def test_an_unknown_growth_rate_adds_no_drag(growth: Questionnaire) -> None:
    answers = case_answers(growth, "fabricator-paid-in-90-days")
    answers["order_growth"] = Answer("order_growth", "dont_know", None)
    result = score(growth, answers)
    assert next(q for q in result.questions if q.id == "cash_runway").label == "One to two months"


@settings(max_examples=150, deadline=None)
@given(
    runway=st.integers(0, 60),
    growth_pct=st.integers(-50, 400),
    days=st.integers(0, 180),
    faster=st.integers(0, 180),
)
def test_being_paid_sooner_never_lowers_the_cash_score(runway: int, growth_pct: int, days: int, faster: int) -> None:
    q = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    base = case_answers(q, "fabricator-paid-in-90-days")

    def capacity(payment_days: int) -> float:
        answers = with_values(base, cash_runway=runway, order_growth=growth_pct, payment_days=payment_days)
        return score(q, answers).dimension("capacity").score

    soon, late = sorted((days, faster))
    assert capacity(soon) >= capacity(late) - 1e-6


def test_promises_mostly_kept_do_not_lift_a_quiet_demand(growth: Questionnaire) -> None:
    # 98.5% on time with orders falling: the overrun evidence is small, so the balance weighs the
    # measured demand pressure, and a strong, quiet shop reads as idle capacity.
    result = score(growth, case_answers(growth, "engraved-gifts-shop-quiet-demand"))
    assert result.balance.pressure == result.balance.demand
    assert result.balance.quadrant == "idle_capacity"
    # with most promises broken while orders grow, the same evidence reads as demand ahead
    broken = score(
        growth,
        with_values(case_answers(growth, "engraved-gifts-shop-quiet-demand"), promise_kept_rate=60, order_growth=40),
    )
    assert broken.balance.pressure > broken.balance.demand


def test_where_capacity_stands_idle_the_demand_levers_are_advised(growth: Questionnaire) -> None:
    result = score(growth, case_answers(growth, "engraved-gifts-shop-quiet-demand"))
    assert result.balance.quadrant == "idle_capacity"
    levers = {f.question_id: f for f in result.findings if f.dimension == "demand"}
    assert "campaigns_planned" in levers
    # one step up (a first campaign), never "our biggest push yet"; named as that first campaign, not as "the same
    # promotions as every year" to an owner who has run none (the twenty-ninth review)
    first = "One campaign planned for the next three months, sized to the room you have"
    assert levers["campaigns_planned"].next == first
    assert all(growth.question(qid).grows == "demand" for qid in levers)


@pytest.mark.parametrize(
    "case", ["creamery-before-tv-spot", "aquarium-plant-shop-finding-its-feet", "hvac-steady-grower"]
)
def test_demand_is_not_advised_unless_capacity_stands_idle(growth: Questionnaire, case: str) -> None:
    result = score(growth, case_answers(growth, case))
    assert result.balance.quadrant != "idle_capacity"
    assert not [f.question_id for f in result.findings if f.dimension == "demand"]


def test_idle_capacity_is_judged_on_the_weakest_link() -> None:
    from readiness.balance import classify_balance

    # quiet demand (14), a fair average (49), a weak part (33): more demand would land on the weak part
    assert classify_balance(14, 49, link=33) == "foundation"
    # the same average with every part well above demand: capacity stands idle
    assert classify_balance(14, 49, link=45) == "idle_capacity"


def test_no_capacity_advice_while_capacity_stands_idle_and_a_busy_step_is_not_idle(growth: Questionnaire) -> None:
    # An idle business is short of demand, not of capacity: "add an extra shift" would contradict its verdict.
    answers = case_answers(growth, "engraved-gifts-shop-quiet-demand")
    idle = score(growth, with_values(answers, utilization=60))
    assert idle.balance.quadrant == "idle_capacity"
    assert "utilization" not in {f.question_id for f in idle.findings}
    # Since 2.4.3 a busiest step more than 65% used is evidence the business is not standing idle (before, a
    # shop whose busiest step was 85% used on quiet demand still read as idle): the step is advised
    busy = score(growth, with_values(answers, utilization=85))
    assert busy.balance.quadrant != "idle_capacity"
    # the same busy step where demand is not short is the measured constraint, and is advised
    steady = case_answers(growth, "bike-shop-owner-does-everything")
    assert score(growth, steady).balance.quadrant != "idle_capacity"
    assert "utilization" in {f.question_id for f in score(growth, with_values(steady, utilization=85)).findings}
    # an idle step is not a capacity fix: it is still advised in the idle verdict (find out why it stands idle)
    assert "utilization" in {f.question_id for f in score(growth, with_values(answers, utilization=20)).findings}


def test_a_busiest_step_full_while_orders_keep_growing_is_demand_ahead_today(growth: Questionnaire) -> None:
    # A steady installer (scale-ready, engineers 78% busy, orders up 18% a year): demand and operations in step.
    from readiness.summary import overrun_text

    answers = case_answers(growth, "hvac-steady-grower")
    steady = score(growth, answers)
    assert steady.balance.quadrant == "scale_ready" and steady.balance.pressure == steady.balance.demand
    # The same firm with its engineers fully booked while orders grow fast: utilization is today's demand over
    # the capacity of the step that limits, so demand is ahead today, whatever the other growth figures say.
    full = score(growth, with_values(answers, utilization=100, order_growth=35))
    b = full.balance
    assert b.full == pytest.approx(1.0) and b.pressure is not None and b.demand is not None and b.pressure > b.demand
    assert b.pressure - b.link >= growth.balance.gap
    assert b.quadrant in ("danger_zone", "demand_ahead_controlled")
    assert "busiest step is already full" in (overrun_text(full) or "")
    # At its own steady 18% with only its season ahead, the same full step is a season at capacity (2.4.8).
    season = score(growth, with_values(answers, utilization=100)).balance
    assert season.steady_full and season.pressure == season.demand and season.quadrant == "scale_ready"
    # Filling up (85%) is a step to watch, not yet evidence: half the evidence never lifts the pressure.
    filling = score(growth, with_values(answers, utilization=85)).balance
    assert filling.pressure == filling.demand
    # With no orders coming in, a full step is working down a backlog, not falling behind.
    flat = score(growth, with_values(answers, utilization=100, order_growth=0, pipeline_multiple=0.8, backlog_weeks=0))
    assert flat.balance.full == 0 and flat.balance.pressure == flat.balance.demand
    # A step standing idle has room, however low its band scores.
    idle = score(growth, with_values(answers, utilization=20)).balance
    assert idle.full == 0


def test_a_better_scored_busiest_step_never_reads_as_more_demand_ahead(growth: Questionnaire) -> None:
    """Every band of utilization against every other: the better-scored answer never has the higher index
    (a step standing idle scores below a healthy one, yet it is never the fuller)."""
    answers = case_answers(growth, "hvac-steady-grower")
    results = []
    for u in (10, 30, 40, 60, 75, 80, 85, 90, 95, 100, 120):
        r = score(growth, with_values(answers, utilization=u))
        share = next(q.score for q in r.questions if q.id == "utilization")
        results.append((share, r.balance.index, u))
    for share_a, index_a, a in results:
        for share_b, index_b, b in results:
            if share_b > share_a:
                assert index_b <= index_a + 1e-9, (a, b)


# --- Levers before the figure (docs/scoring.md §4) ---------------------------------------------------

LEVERED = """
- id: hands
  dimension: ops
  type: scale
  scale: four
  text: Can you find extra hands?
- id: partner
  dimension: ops
  type: scale
  scale: four
  text: Is there a partner who could take overflow?
- id: double
  dimension: ops
  type: scale
  scale: four
  weight: 3
  text: How fast could you double?
  {levers}
- id: pull
  dimension: demand
  type: scale
  scale: four
  text: Demand?
"""


def _ranked(inline, levers: str, **values: int) -> list:
    q = inline(LEVERED.format(levers=levers))
    answers = {qid: Answer(qid, "value", v) for qid, v in values.items()}
    return score(q, answers).findings


def test_a_weak_lever_ranks_just_ahead_of_the_figure_it_fixes(inline) -> None:
    plain = [f.question_id for f in _ranked(inline, "", hands=0, partner=2, double=0, pull=3)]
    assert plain.index("double") < plain.index("hands")  # the figure weighs three times as much
    ranked = _ranked(inline, "levers: [hands, partner]", hands=0, partner=2, double=0, pull=3)
    ids = [f.question_id for f in ranked]
    assert ids.index("hands") == ids.index("double") - 1
    moved = ranked[ids.index("hands")]
    assert moved.lever_of == ranked[ids.index("double")].title
    # partner is answered above the middle of its ladder: it stays where its own impact puts it
    assert ids.index("partner") > ids.index("double")
    assert ranked[ids.index("partner")].lever_of is None


def test_levers_change_the_order_never_a_score(inline) -> None:
    q_plain = inline(LEVERED.format(levers=""))
    q_levers = inline(LEVERED.format(levers="levers: [hands, partner]"))
    values = {"hands": 0, "partner": 1, "double": 0, "pull": 3}
    a = score(q_plain, {k: Answer(k, "value", v) for k, v in values.items()})
    b = score(q_levers, {k: Answer(k, "value", v) for k, v in values.items()})
    assert [(d.id, d.score) for d in a.dimensions] == [(d.id, d.score) for d in b.dimensions]
    assert a.balance.quadrant == b.balance.quadrant
    assert {f.question_id for f in a.findings} == {f.question_id for f in b.findings}


@pytest.mark.parametrize(
    ("levers", "words"),
    [
        ("levers: [hnads]", "names unknown question `hnads` as a lever; did you mean `hands`?"),
        ("levers: [double]", "itself"),
    ],
)
def test_an_unknown_or_self_lever_is_an_error_naming_line_and_key(levers: str, words: str) -> None:
    questions = textwrap.indent(textwrap.dedent(LEVERED.format(levers=levers)), "  ")
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(textwrap.dedent(HEADER) + "questions:\n" + questions, "inline.yaml")
    (problem,) = [p for p in caught.value.problems if p.code == "RQ205"]
    assert words in problem.message
    assert problem.file == "inline.yaml" and problem.line is not None and problem.path == "questions[2].levers[0]"


def test_a_care_agency_losing_its_carers_is_told_to_keep_them_before_a_doubling_plan(growth: Questionnaire) -> None:
    answers = case_answers(growth, "home-care-agency-turning-away-referrals")
    ids = [f.question_id for f in score(growth, answers).findings]
    assert ids.index("staff_turnover") < ids.index("weeks_to_double")
    assert ids.index("weeks_to_productive") < ids.index("weeks_to_double")
    # the same agency keeping its carers (turnover 8%) and training them in a fortnight: the figure leads
    steady = with_values(answers, staff_turnover=8, weeks_to_productive=2, extra_hands="known_pool")
    ids = [f.question_id for f in score(growth, steady).findings]
    assert "staff_turnover" not in ids[: ids.index("weeks_to_double")]


# --- Load tests need a load (docs/scoring.md §4) ----------------------------------------------------------


def _rush_findings(q: Questionnaire, answers: dict[str, Answer]) -> set[str]:
    result = score(q, answers)
    return advised(result) & {x.id for x in q.questions if x.needs_load}


def test_the_shipped_questionnaires_mark_the_precautions_against_a_rush() -> None:
    growth_q = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    quick = load_questionnaire(ROOT / "questionnaires" / "quick-check.yaml")
    assert {x.id for x in growth_q.questions if x.needs_load} == {
        "website_spike",
        "website_peak",
        "pressure_resilience",
    }
    assert {x.id for x in quick.questions if x.needs_load} == {"website_spike"}


def test_a_quiet_shop_is_not_told_to_load_test_its_website_until_a_rush_is_coming(growth: Questionnaire) -> None:
    """The village butcher: Christmas orders at the counter, an untested website nobody orders through much."""
    answers = case_answers(growth, "village-butcher-christmas-on-paper-slips")
    assert score(growth, answers).balance.quadrant == "foundation"
    assert _rush_findings(growth, answers) == set()
    # the same shop a month before a TV feature that brings ten times a normal day
    feature = with_values(answers, event_ahead="new_event", event_multiple=10, event_weeks=4)
    assert _rush_findings(growth, feature) >= {"website_spike"}


def test_an_idle_maker_is_not_told_to_drill_for_a_rush_until_one_is_coming(growth: Questionnaire) -> None:
    """Round 44: an oak-furniture maker that lost its biggest customer, idle on eight months of stock, was told to
    run a drill "pretend orders are three times normal", which its consultant ruled out. The same maker a month
    before a TV feature that brings five times a normal day is told."""
    answers = case_answers(
        growth, "coquet-valley-oak-lost-department-store-eight-months-stock-three-weeks-cash-weighing-showroom"
    )
    assert score(growth, answers).balance.quadrant == "idle_capacity"
    assert "pressure_resilience" not in _rush_findings(growth, answers)
    feature = with_values(answers, event_ahead="new_event", event_multiple=5, event_weeks=4)
    assert "pressure_resilience" in _rush_findings(growth, feature)


def test_a_waiting_list_is_not_a_rush_at_the_website(growth: Questionnaire) -> None:
    """The dog daycare: full, with a waiting list, so demand is ahead of operations; but its bookings do not
    arrive as a rush at the website, and its expert ruled the load test out. The same daycare before a TV
    feature that brings five times a normal day is told to test it."""
    answers = case_answers(growth, "dog-daycare-full-with-waiting-list")
    assert score(growth, answers).balance.quadrant == "demand_ahead_controlled"
    assert _rush_findings(growth, answers) == set()
    feature = with_values(answers, event_ahead="new_event", event_multiple=5, event_weeks=4)
    assert _rush_findings(growth, feature) == {"website_peak"}  # its booking app is already proven


def _plan_b(q: Questionnaire, answers: dict[str, Answer]) -> tuple[str | None, list[str]]:
    finding = next(f for f in score(q, answers).findings if f.question_id == "contingency_plans")
    return finding.next, [a.text for a in finding.recommendations]


def test_the_plan_b_heading_names_the_plan_its_advice_writes(growth: Questionnaire) -> None:
    """A coffee roaster with no rush coming was told "Next: add “Orders suddenly jump far above normal”" above
    advice to write a plan B for a cash shortfall (a consultant's review). The heading names the option the
    first advice given adds; with a rush coming, that is the demand spike's plan B again."""
    # the roaster with a plan B for a key person only
    answers = with_values(case_answers(growth, "coffee-roaster-aiming-to-double"), contingency_plans=("key_person",))
    heading, advice = _plan_b(growth, answers)
    assert heading == "also “A cash shortfall (a customer paying late, a big bill falling due)”"
    assert any(a.startswith("Write a plan B for a cash shortfall") for a in advice)
    assert not any("demand spike" in a for a in advice)
    rush = with_values(answers, event_ahead="new_event", event_multiple=10, event_weeks=4)
    heading, advice = _plan_b(growth, rush)
    assert heading == "also “Orders suddenly jump far above normal”"
    # with no plan B yet the option is simply next (a blind review read "None of these yet … add “…”")
    heading, _ = _plan_b(growth, with_values(answers, contingency_plans=("none_yet",)))
    assert heading == "“A cash shortfall (a customer paying late, a big bill falling due)”"
    assert any(a.startswith("Write a plan B for a demand spike") for a in advice)


def test_advice_that_adds_an_unknown_option_is_located() -> None:
    """Misspelt, it would fall back to the first option left silently: a warning names the file, line and key."""
    problems = check_text(
        textwrap.dedent(HEADER)
        + "questions:\n"
        + textwrap.indent(
            textwrap.dedent(
                """
            - id: plans
              dimension: ops
              type: multiple_choice
              text: Which plans?
              options:
                - {id: spike, label: Spike, value: 1}
                - {id: cash, label: Cash, value: 1}
              recommendations:
                - {when: "'cash' not in value", text: Write one., adds: cahs}
            - {id: d, dimension: demand, type: scale, scale: four, text: D?}
            """
            ),
            "  ",
        ),
        "plans.yaml",
    )
    (problem,) = [p for p in problems if p.code == "RQ216"]
    text = str(problem)
    assert "adds unknown option `cahs`" in text and "cash" in text and "recommendations[0].adds" in text
    assert text.startswith("plans.yaml:") and not problem.is_error


def test_a_failing_critical_precaution_is_said_whatever_the_load(growth: Questionnaire) -> None:
    answers = with_values(case_answers(growth, "village-butcher-christmas-on-paper-slips"), website_spike=0)
    result = score(growth, answers)
    assert any(f.question_id == "website_spike" and f.failing for f in result.findings)


# --- Routines carry no load; idle is judged on the whole (docs/scoring.md §3) ---------------------------


def _loadless(questionnaire: Questionnaire) -> set[str]:
    return {a.id for d in questionnaire.dimensions for a in d.areas if not a.carries_load}


@pytest.mark.parametrize("name", ["growth-readiness", "quick-check"])
def test_the_shipped_questionnaires_say_their_routines_carry_no_load(name: str) -> None:
    assert _loadless(load_questionnaire(ROOT / "questionnaires" / f"{name}.yaml")) == {"improvement"}


def test_a_routine_is_never_where_a_business_breaks_first(growth: Questionnaire) -> None:
    """The funeral director: weekly numbers and plan B are thin, but the owner is the only embalmer."""
    answers = case_answers(growth, "family-funeral-director-owner-on-call")
    b = score(growth, answers).balance
    assert (b.weakest, b.weakest_area) == ("team", "roles_and_cover")
    # the same routines answered even worse still never bind, and they are still findings
    worse = with_values(answers, kpi_review=0, improve_loop=0, quarterly_priorities=0, contingency_plans=[])
    result = score(growth, worse)
    assert result.balance.weakest_area not in _loadless(growth)
    assert {f.question_id for f in result.findings} >= {"kpi_review", "improve_loop"}


def test_carries_load_changes_the_link_never_a_score(inline) -> None:
    body = """
    - {{id: a, dimension: ops, area: {area}, type: scale, scale: four, text: A?}}
    - {{id: b, dimension: ops, area: work, type: scale, scale: four, text: B?}}
    - {{id: d, dimension: demand, type: scale, scale: four, text: D?}}
    """
    header = HEADER.replace(
        "  - {id: ops, title: Operations, side: operations}",
        "  - id: ops\n    title: Operations\n    side: operations\n    areas:\n"
        "      - {id: routines, title: Routines, carries_load: CARRY}\n      - {id: work, title: Work}",
    )
    values = {"a": 0, "b": 3, "d": 1}
    results = {}
    for carry in ("true", "false"):
        q = inline(body.format(area="routines"), header=header.replace("CARRY", carry))
        results[carry] = score(q, {k: Answer(k, "value", v) for k, v in values.items()})
    loaded, unloaded = results["true"], results["false"]
    assert [d.score for d in loaded.dimensions] == [d.score for d in unloaded.dimensions]
    assert loaded.balance.weakest_area == "routines" and unloaded.balance.weakest_area == "work"
    assert unloaded.balance.link > loaded.balance.link
    assert unloaded.balance.whole_link == loaded.balance.link  # the whole, routines and all


def test_a_quiet_practice_with_thin_routines_is_a_foundation_not_idle(growth: Questionnaire) -> None:
    """The vet: where the load falls (the founder's team) it is far ahead of quiet demand, but its numbers,
    priorities and plan B are thin: two consultants called it a foundation."""
    from readiness.summary import placement_text

    answers = case_answers(growth, "vet-practice-eyeing-second-site")
    result = score(growth, answers)
    b = result.balance
    assert (b.quadrant, b.weakest) == ("foundation", "team") and b.routines_not_idle
    assert "routines" in (placement_text(result) or "")
    assert b.link - b.demand >= growth.balance.gap > b.whole_link - b.demand  # idle where it loads, not whole
    # the same practice with its routines in place and its vets half used is idle capacity: demand is what is
    # short (since 2.4.3 the vets' 80% of the case's own answers is evidence the practice is not idle)
    built = with_values(
        answers,
        kpi_review=3,
        improve_loop=3,
        quarterly_priorities=3,
        contingency_plans=[o.id for o in growth.question("contingency_plans").options],
        utilization=55,
    )
    assert score(growth, built).balance.quadrant == "idle_capacity"


def test_idle_needs_the_whole_link_a_gap_above_quiet_demand_too() -> None:
    from readiness.balance import classify_balance

    assert classify_balance(14, 49, link=45) == "idle_capacity"
    assert classify_balance(14, 49, link=45, whole_link=30) == "foundation"
    assert classify_balance(14, 49, link=45, whole_link=40) == "idle_capacity"


def test_a_plan_b_for_a_demand_spike_is_advised_only_while_a_rush_can_come(growth: Questionnaire) -> None:
    """A consultant's review: "a plan for orders suddenly jumping" in nearly every idle or flat business. The
    advice is a precaution against a rush (`needs_load` on the recommendation); the finding and its other
    advice stay."""
    answers = with_values(case_answers(growth, "dental-lab-growing-in-step"), contingency_plans=())
    spike = "Write a plan B for a demand spike"

    def said(result) -> list[str]:
        return [a.text for f in result.findings for a in f.recommendations if f.question_id == "contingency_plans"]

    quiet = score(growth, answers)
    assert said(quiet) and not any(t.startswith(spike) for t in said(quiet))
    busy = score(growth, with_values(answers, event_ahead="contract", event_multiple=3, event_weeks=4))
    assert any(t.startswith(spike) for t in said(busy))


# --- Quiet demand names the part in the worst state (docs/scoring.md §3) ------------------------------------


def test_quiet_demand_names_the_part_in_the_worst_state(growth: Questionnaire, monkeypatch: pytest.MonkeyPatch) -> None:
    """The locksmith: quiet demand, its job records on one old PC (Technology 5). With no rush to find it, the
    part in the worst state is named, as the consultant named it; the figure and the verdict stay those of
    the link a load would find first, and the words say both."""
    answers = case_answers(growth, "family-locksmith-records-on-one-old-pc")
    result = score(growth, answers)
    b = result.balance
    dims = {d.id: d.score for d in result.dimensions}
    assert (b.weakest, b.held_in, b.worst_named) == ("technology", "process", True)
    assert dims["technology"] == min(v for k, v in dims.items() if k not in ("demand", "demand_management"))
    said = weakest_text(result)
    assert said and said.startswith("Weakest link: Technology, the part in the worst state (5)")
    assert f"Under load, planning and forecasting, in Process, would give first: it holds {b.link:.0f}" in said

    margin = dims["process"] - dims["technology"]
    monkeypatch.setattr(balance_module, "WORST_MARGIN", margin + 1)  # not far enough below: the link is named
    plain = score(growth, answers).balance
    assert (plain.weakest, plain.worst_named) == ("process", False)
    assert (plain.link, plain.quadrant, plain.index) == (b.link, b.quadrant, b.index)
    monkeypatch.setattr(balance_module, "WORST_MARGIN", margin - 1)
    assert score(growth, answers).balance.weakest == "technology"


def test_with_a_rush_coming_the_link_a_load_finds_is_named(growth: Questionnaire) -> None:
    """The same locksmith before a TV feature: demand is no longer quiet, so the part the rush finds first is
    named, whatever scores lowest."""
    answers = case_answers(growth, "family-locksmith-records-on-one-old-pc")
    feature = with_values(answers, event_ahead="new_event", event_multiple=10, event_weeks=4)
    b = score(growth, feature).balance
    assert not b.worst_named
    assert b.demand is not None and b.demand >= growth.balance.quiet


@pytest.mark.parametrize(
    "case", ["mobile-tyre-fitter-fleet-contract-overload", "houndstooth-kitchen-dog-biscuits-owner-runs-the-bake-plan"]
)
def test_a_routine_no_rush_loads_does_not_lead_the_fixes_under_fast_growth(case: str) -> None:
    """Round 33 (docs/scoring.md §4, "Routines weigh as unloaded"): "a short list of what must get done this
    quarter", worth +3 points, was the third first fix of a danger-zone tyre fitter and dog-biscuit bakery,
    above their team's fixes and their brake (two blind reviews: wrong). A question in an area that carries no
    load ranks as an area no pressure loads, whatever kind of pressure its answer names."""
    from .casework import case_answers
    from .conftest import ROOT

    growth = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    assert growth.question("quarterly_priorities").pressure == "growth"  # the kind that used to lift it
    result = score(growth, case_answers(growth, case))
    assert result.balance.quadrant == "danger_zone"
    found = [f.question_id for f in result.findings]
    assert "quarterly_priorities" in found and "quarterly_priorities" not in found[:3]
    routines = {q.id for q in growth.questions if q.area == "improvement"}
    assert not routines & set(found[:3])


def test_fixing_the_rework_never_raises_the_danger_of_a_business_whose_step_is_full() -> None:
    """Round 34's candidate (docs/scoring.md §7) counted a full busiest step as demand ahead only for the work
    not redone; it met its round's terms but was withdrawn: an IT-support firm answering 1% repeat tickets
    instead of 27%, with the same busy desk, moved from a foundation to the danger zone. Improving one answer
    never raises the danger (issue 11), on the shipped questionnaire as on generated ones."""
    from .casework import case_answers, with_values
    from .conftest import ROOT

    growth = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    answers = case_answers(growth, "kelham-it-services")
    assert answers["return_rate"].value == 27 and answers["utilization"].value >= 90
    order = ("danger_zone", "demand_ahead_controlled", "foundation", "idle_capacity", "scale_ready")
    before = score(growth, answers).balance
    for redone in (15, 7, 3, 1, 0):
        after = score(growth, with_values(answers, return_rate=redone)).balance
        assert after.index is not None and before.index is not None and after.index <= before.index + 1e-6
        assert order.index(after.quadrant) >= order.index(before.quadrant), (redone, after.quadrant)


def test_a_failing_critical_answer_is_said_even_where_the_figures_say_it_does_not_matter(
    growth: Questionnaire,
) -> None:
    """The butcher's site took three times a normal day, more than Christmas brings, so the website questions'
    matters_if rules the precaution out; an owner who says the site has already gone down under a rush still
    hears it, and one whose untested site merely exists does not."""
    base = case_answers(growth, "village-butcher-christmas-on-paper-slips")
    assert "website_spike" not in {f.question_id for f in score(growth, base).findings}
    fallen = score(growth, with_values(base, website_spike=0))
    (finding,) = [f for f in fallen.findings if f.question_id == "website_spike"]
    assert finding.failing and finding.recommendations
