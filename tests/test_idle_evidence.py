"""Idle capacity needs idle evidence from the busiest step (growth questionnaire 2.4.3, docs/scoring.md §3).

Twelve quiet businesses sat on the wrong side of the idle/foundation border, both ways: a family haulier, a
locksmith and a timber merchant whose people are 70-85% busy on flat demand were read as idle capacity
(their experts: a foundation to build), and a machine shop, a conveyancer and plasterers whose orders fell
by a fifth to a third with the busiest step half used were read as a foundation (their experts: idle). The
rule, declared before a blind round was written and judged on it: a busiest step answered more than 65%
used is never idle; falling orders with it at most that used are idle capacity when operations are not
behind the pressure.
"""

from __future__ import annotations

import pytest

from readiness import score
from readiness.answers import Answer
from readiness.loader import load_questionnaire
from readiness.model import Questionnaire

from .casework import broken_growth, case_answers, with_values
from .conftest import ROOT

GROWTH_FILE = ROOT / "questionnaires" / "growth-readiness.yaml"
BUSY = "family-haulage-firm-planning-in-founders-head"  # 85% of its lorries' hours used, demand flat
FALLING = "calstock-clayworks-half-idle-kilns-january-seconds-sale"  # orders down 9%, the kilns 55% used
# (Until round 43 a machine shop, orders down 22% on three weeks of work: its queue now leaves the pressure weighed,
# so it is quiet by the figures as well.)


@pytest.fixture(scope="module")
def growth() -> Questionnaire:
    return load_questionnaire(GROWTH_FILE)


def test_a_business_whose_busiest_step_is_mostly_full_is_not_idle(growth: Questionnaire) -> None:
    busy = score(growth, case_answers(growth, BUSY)).balance
    assert busy.quadrant == "foundation"
    # the same answers with the busiest step half used: quiet demand far below the link is idle capacity
    half = score(growth, with_values(case_answers(growth, BUSY), utilization=40)).balance
    assert half.quadrant == "idle_capacity"


def test_busy_and_strong_with_no_critical_question_failing_is_scale_ready(growth: Questionnaire) -> None:
    strong = score(growth, case_answers(growth, "meadowrest-pet-cremation-weighing-third-cremator")).balance
    assert strong.quadrant == "scale_ready" and not strong.critical_failures


def test_falling_orders_with_the_busiest_step_half_used_are_idle_capacity(growth: Questionnaire) -> None:
    falling = score(growth, case_answers(growth, FALLING)).balance
    assert falling.quadrant == "idle_capacity"
    assert falling.index is not None and falling.index > -growth.balance.gap  # the figures alone are not idle
    steady = score(growth, with_values(case_answers(growth, FALLING), order_growth=5)).balance
    assert steady.quadrant == "foundation"


@pytest.mark.parametrize("how", ["unanswered", "dont_know"])
def test_not_saying_how_busy_the_busiest_step_is_never_buys_idle(growth: Questionnaire, how: str) -> None:
    """Left open, the busiest step may be full: the verdict (the range's more alarming end) is not idle."""
    answers = dict(case_answers(growth, BUSY))
    half = with_values(answers, utilization=40)
    if how == "unanswered":
        del half["utilization"]
    else:
        half["utilization"] = Answer("utilization", "dont_know")
    balance = score(growth, half).balance
    assert balance.quadrant == "foundation"
    assert balance.could_be == "idle_capacity"  # what answering it could show


def test_an_unread_falling_condition_does_not_hold(growth: Questionnaire) -> None:
    answers = dict(case_answers(growth, FALLING))
    del answers["order_growth"]
    assert score(growth, answers).balance.quadrant != "idle_capacity"


@pytest.mark.parametrize(
    ("written", "code", "said"),
    [
        ('"order_grwth < 0"', "RQ205", "reads unknown question `order_grwth`; did you mean `order_growth`?"),
        ('"order_growth << 0"', "RQ204", "balance.idle_falling"),
    ],
)
def test_a_broken_falling_condition_is_named_with_its_file_and_line(written: str, code: str, said: str) -> None:
    problem, line = broken_growth("idle_falling", '"order_growth < 0"', written, code)
    assert said in problem.message
    assert problem.file == "growth.yaml" and problem.line == line and problem.path == "balance.idle_falling"


def test_the_page_says_why_a_business_is_idle_when_the_figures_alone_would_not(growth: Questionnaire) -> None:
    """Seen in Chromium: the machine shop read "0 points below the point where demand would no longer count as
    quiet" (its pressure, 26, is above the quiet line): the evidence that places it is said instead."""
    from readiness.summary import placement_text

    falling = score(growth, case_answers(growth, FALLING))
    said = placement_text(falling) or ""
    assert said.startswith("Idle because orders are falling while the busiest step is far from full")
    assert "quiet" not in said


def test_the_page_says_a_busy_business_on_quiet_demand_is_not_idle_because_its_busiest_step_is_full(
    growth: Questionnaire,
) -> None:
    from readiness.summary import placement_text

    busy = score(growth, case_answers(growth, BUSY))
    assert busy.balance.busy_not_idle
    said = placement_text(busy) or ""
    assert said.startswith("Demand is quiet, but the busiest step is mostly full: the business is not standing idle")


def test_a_bigger_campaign_aims_at_the_idle_room_not_at_the_biggest_push(growth: Questionnaire) -> None:
    """Review 25: a pottery with half-idle kilns and a bigger seconds sale planned was told to "aim for “A major
    launch, national campaign or influencer push, far beyond anything before.”" (the next option's description).
    The option names its own next step (`next_step`), and its own advice sizes the campaign on the room there is."""
    result = score(growth, case_answers(growth, "calstock-clayworks-half-idle-kilns-january-seconds-sale"))
    assert result.balance.quadrant == "idle_capacity"
    campaign = next(f for f in result.findings if f.question_id == "campaigns_planned")
    assert campaign.next == "A campaign sized to fill the capacity that stands idle"
    said = [campaign.next or "", *(a.text for a in campaign.recommendations)]
    said += [a.text for a in (*result.plan.actions, *result.plan.backlog) if a.question_id == "campaigns_planned"]
    assert not any("far beyond anything before" in text for text in said), said
    assert any("spare capacity can take" in text for text in said)
