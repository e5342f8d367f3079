"""Orders falling while a queue taken earlier is worked off: the busy step is past orders, not demand (growth
questionnaire 2.4.20, ``balance.falling_backlog``, docs/scoring.md §3 and §7, round 39).

A pizza-oven maker whose kiln is 80% busy on three weeks of spring orders, its orders down 27%, was read as a
foundation; a chutney kitchen 90% busy on five weeks of hamper orders, its orders down 24% and a fifth of its
promises late, as the danger zone. Their experts read idle capacity: the queue is the past, nothing replaces it,
and what ends the quiet is selling. Declared before round 39 and adopted on it: while orders fall by a tenth or
more and two weeks or more of orders wait, a busy step and broken promises raise no pressure and do not stand
against idle capacity. An event bigger than the reachable day still raises it.
"""

from __future__ import annotations

import pytest

from readiness import score
from readiness.answers import Answer, AnswerSet
from readiness.loader import load_questionnaire
from readiness.model import Questionnaire
from readiness.report_markdown import render_markdown
from readiness.report_model import build_report
from readiness.results import Balance

from .casework import broken_growth, case_answers, with_values
from .conftest import ROOT

OVENS = "emberstone-pizza-ovens-backlog-hides-falling-orders"  # kiln 80% busy, orders -27%, 3 weeks waiting
KITCHEN = "wensum-valley-preserves-busy-kitchen-falling-orders"  # kitchen 90%, orders -24%, 5 weeks, 78% kept
SHIPPED = '"order_growth <= -10 and backlog_weeks >= 2"'


@pytest.fixture(scope="module")
def growth() -> Questionnaire:
    return load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")


def balance(growth: Questionnaire, case: str, **values: object) -> Balance:
    return score(growth, with_values(case_answers(growth, case), **values)).balance


@pytest.mark.parametrize("case", [OVENS, KITCHEN])
def test_a_busy_step_working_off_old_orders_is_idle_capacity(growth: Questionnaire, case: str) -> None:
    b = balance(growth, case)
    assert b.past_orders
    assert b.full == 0 and b.overrun == 0 and b.full_at is None  # neither the step nor late promises weigh up
    assert b.quadrant == "idle_capacity"  # both experts' verdict
    assert not b.busy_not_idle


def test_the_report_says_why_a_busy_step_is_idle(growth: Questionnaire) -> None:
    answers = case_answers(growth, OVENS)
    result = score(growth, answers)
    text = " ".join(render_markdown(build_report(growth, result, AnswerSet(answers=answers))).split())
    assert "busy only with orders taken earlier, which new orders are not replacing" in text
    assert "far from full" not in text  # the owner answered 80%: the report must not contradict them


@pytest.mark.parametrize(
    ("changed", "why"),
    [
        ({"order_growth": -5}, "orders dipping, not falling: the step is busy with today's demand"),
        ({"backlog_weeks": 1}, "no queue left to work off: a busy step is busy with new orders"),
    ],
)
def test_outside_the_rule_a_busy_step_still_stands_against_idle(growth: Questionnaire, changed: dict, why: str) -> None:
    b = balance(growth, OVENS, **changed)
    assert not b.past_orders, why
    assert b.quadrant != "idle_capacity", why


def test_an_event_bigger_than_the_reachable_day_still_raises_the_pressure(growth: Questionnaire) -> None:
    b = balance(growth, OVENS, event_ahead="contract", event_multiple=6, event_weeks=4)
    assert b.past_orders and b.event is not None
    assert b.quadrant in ("danger_zone", "demand_ahead_controlled")


@pytest.mark.parametrize("question", ["order_growth", "backlog_weeks"])
@pytest.mark.parametrize("how", ["unanswered", "dont_know"])
def test_not_saying_never_buys_the_idle_reading(growth: Questionnaire, question: str, how: str) -> None:
    """Skipping never improves a verdict: an unread condition does not hold, so the busy step still counts."""
    answers = dict(case_answers(growth, KITCHEN))
    if how == "unanswered":
        del answers[question]
    else:
        answers[question] = Answer(question, "dont_know")
    b = score(growth, answers).balance
    assert not b.past_orders
    assert b.quadrant != "idle_capacity"


@pytest.mark.parametrize(
    ("written", "code", "said"),
    [
        (SHIPPED.replace("backlog_weeks", "backlog_week"), "RQ205", "reads unknown question `backlog_week`"),
        (SHIPPED.replace(">= 2", ">=> 2"), "RQ204", "balance.falling_backlog"),
    ],
)
def test_a_broken_falling_backlog_condition_is_named_with_its_file_and_line(written: str, code: str, said: str) -> None:
    problem, line = broken_growth("falling_backlog", SHIPPED, written, code)
    assert said in problem.message
    assert problem.file == "growth.yaml" and problem.line == line and problem.path == "balance.falling_backlog"


def test_no_brake_is_advised_while_the_verdict_is_idle(growth: Questionnaire) -> None:
    """The kitchen's five weeks of hamper orders weigh as growth, which alone used to be enough to advise brakes:
    holding demand back contradicts a verdict that says demand is short."""
    result = score(growth, case_answers(growth, KITCHEN))
    assert result.balance.quadrant == "idle_capacity"
    brakes = {q.id for q in growth.questions if q.brake}
    advised = {f.question_id for f in result.findings} | {a.question_id for a in result.plan.actions}
    assert brakes and not brakes & advised
    # the same kitchen with orders growing, its queue new demand, is told to brake
    ahead = score(growth, with_values(case_answers(growth, KITCHEN), order_growth=30))
    assert ahead.balance.quadrant != "idle_capacity"
    assert brakes & {f.question_id for f in ahead.findings}


@pytest.mark.parametrize(
    "case",
    [
        "calstock-clayworks-half-idle-kilns-january-seconds-sale",
        "castell-trading-caerphilly-dead-stock-weighing-trade-showroom",
    ],
)
def test_a_business_idle_by_falling_orders_is_told_the_rule_that_placed_it(growth: Questionnaire, case: str) -> None:
    """A browser pass read the kitchen's verdict box: the quiet-demand rule (an index of -20 or lower, pressure
    below 25), which it fails, then "That puts the business in the zone “Idle capacity”"; and "far more than the
    demand coming in" above a weakest link of 42 and a demand of 45. The falling-orders rule is said, and the
    meaning does not claim what the cards deny. (Since round 43 the kitchen's five weeks of orders taken earlier
    leave the pressure it is weighed on, so it is quiet by the figures: a clay works and a wholesaler are idle by
    falling orders alone.)"""
    answers = case_answers(growth, case)
    result = score(growth, answers)
    assert result.balance.quadrant == "idle_capacity" and result.balance.line == "falling demand"
    text = " ".join(render_markdown(build_report(growth, result, AnswerSet(answers=answers))).split())
    assert "or, at any index, when orders are falling, the busiest step is at most 65% used" in text
    assert "far more than the demand coming in" not in text
    assert (result.balance.meaning or "").startswith("Orders are falling and operations have room")
    # idle by the figures alone keeps the quiet-demand rule and its meaning
    quiet = score(growth, case_answers(growth, "car-valeting-chain-after-losing-dealer-contract"))
    assert quiet.balance.quadrant == "idle_capacity" and quiet.balance.line != "falling demand"
    assert (quiet.balance.meaning or "").startswith("Operations could deliver far more than the demand coming in")


HUTS = "corvedale-huts-busy-on-spring-queue-orders-down-a-third"  # flat out on eleven weeks, orders -30%
HEATING = "skerne-valley-heating-housing-association-gone-crews-full-until-january"  # crews full to January, -30%


@pytest.mark.parametrize("case", [HUTS, HEATING])
def test_a_queue_taken_earlier_leaves_the_peak_the_verdict_weighs(growth: Questionnaire, case: str) -> None:
    """Round 43: the busy step raised nothing under the rule, but the queue itself still weighed as demand
    pressure (52 against a link of 37 for the huts): both experts read idle capacity."""
    b = balance(growth, case)
    assert b.queue_left_out and b.pressure is not None and b.demand is not None
    assert b.pressure < b.demand - 10  # the measured figure is shown as measured; the verdict weighs less
    assert b.quadrant == "idle_capacity"  # both experts' verdict


def test_outside_the_rule_the_queue_weighs_as_measured(growth: Questionnaire) -> None:
    dipping = balance(growth, HUTS, order_growth=-5)  # a dip: the queue is today's demand, and the full step says so
    assert not dipping.queue_left_out and dipping.pressure is not None and dipping.demand is not None
    assert dipping.pressure >= dipping.demand and dipping.quadrant == "danger_zone"
    short = balance(growth, HUTS, backlog_weeks=1)
    assert not short.queue_left_out


def test_the_report_says_the_queue_is_weighed_lower_and_why(growth: Questionnaire) -> None:
    answers = case_answers(growth, HUTS)
    result = score(growth, answers)
    text = " ".join(render_markdown(build_report(growth, result, AnswerSet(answers=answers))).split())
    b = result.balance
    assert (
        f"Demand pressure:** {b.demand:.0f} / 100 (weighed lower than measured, at {b.pressure:.0f}: the work waiting "
        "was ordered" in text
    )
    assert (
        f"the queue is being worked off, not demand coming, so the verdict weighs demand pressure as {b.pressure:.0f}, "
        f"not the measured {b.demand:.0f}" in text
    )


def test_an_event_that_raises_the_pressure_again_is_said_as_raising_it(growth: Questionnaire) -> None:
    """A review: a language school working off its bookings with a contract twice a normal day two weeks away was
    told "weighed lower than measured, at 81" beside a measured 55. The event raises the pressure above what was
    measured, so the event is the reason said, not the queue."""
    from readiness.summary import pressure_note

    case = "chine-house-english-bournemouth-empty-winter-classrooms"
    answers = with_values(
        case_answers(growth, case),
        event_ahead="contract",
        event_multiple=2,
        event_weeks=2,
        peak_multiple=1.2,
        weeks_to_double=26,
    )
    result = score(growth, answers)
    b = result.balance
    assert b.pressure is not None and b.demand is not None and b.pressure > b.demand
    assert not b.queue_left_out
    note = pressure_note(result) or ""
    assert note.startswith("weighed higher than measured: the event ahead")
