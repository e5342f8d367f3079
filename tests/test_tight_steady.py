"""A tight step without a queue is working near its limit, not behind its demand (growth questionnaire 2.4.18,
``balance.tight_steady``, docs/scoring.md §3 and §7, round 37).

A sign maker whose two fitters are 90% booked, growing 6% with two to three weeks of fitting waiting, was read as
the danger zone: a step answered tight weighed the pressure up as a full one does, so a measured demand of 29
counted as 66. Its expert, and two blind reviews, read a foundation. Declared before round 37 and adopted on it:
while orders grow at a steady pace, nothing but the season is ahead and less than a month of confirmed work
waits, a step answered tight raises nothing, at any strength of the weakest link. Demand outrunning the step (a
queue of a month or more, fast growth, a contract ahead) or a step answered full still raises it.
"""

from __future__ import annotations

import pytest

from readiness import score
from readiness.answers import Answer
from readiness.loader import load_questionnaire
from readiness.model import Questionnaire
from readiness.results import Balance

from .casework import broken_growth, case_answers, with_values
from .conftest import ROOT

SIGNS = "longton-signs-stoke-paper-job-bags-lost-artwork-coordinator"  # fitters 90% booked, 6% growth, 3 weeks
SHIPPED = "\"order_growth < 25 and event_ahead in ['none', 'season'] and backlog_weeks < 4\""


@pytest.fixture(scope="module")
def growth() -> Questionnaire:
    return load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")


def balance(growth: Questionnaire, **values: object) -> Balance:
    return score(growth, with_values(case_answers(growth, SIGNS), **values)).balance


def test_a_tight_step_at_a_steady_pace_with_little_waiting_raises_nothing(growth: Questionnaire) -> None:
    b = balance(growth)
    assert b.full == 0  # the tight step is no evidence that demand is ahead
    assert b.pressure == b.demand  # the measured demand is the demand weighed: one figure
    assert b.quadrant == "foundation"  # its expert's verdict
    assert b.full_at is None  # and no report says its busiest step is "already full"


@pytest.mark.parametrize(
    ("changed", "why"),
    [
        ({"backlog_weeks": 8}, "two months of confirmed work waiting: demand outruns the step"),
        ({"order_growth": 35}, "growing faster than the steady pace"),
        ({"event_ahead": "contract"}, "a contract ahead"),
        ({"utilization": 100}, "the step answered full, not tight"),
    ],
)
def test_demand_outrunning_the_step_still_weighs_it_up(growth: Questionnaire, changed: dict, why: str) -> None:
    b = balance(growth, **changed)
    assert b.full is not None and b.full > 0.5, why  # the step counts as demand meeting its limit
    assert b.quadrant in ("danger_zone", "demand_ahead_controlled"), why


@pytest.mark.parametrize("question", ["order_growth", "backlog_weeks", "event_ahead"])
@pytest.mark.parametrize("how", ["unanswered", "dont_know"])
def test_not_saying_never_buys_the_steady_reading(growth: Questionnaire, question: str, how: str) -> None:
    """Skipping never improves a verdict: an unanswered backlog is not a short one (the rule was declared as
    ``not backlog_weeks >= 4``, which an unanswered backlog would have met, and adopted as ``backlog_weeks < 4``)."""
    answers = dict(case_answers(growth, SIGNS))
    if how == "unanswered":
        del answers[question]
    else:
        answers[question] = Answer(question, "dont_know")
    b = score(growth, answers).balance
    assert b.full is not None and b.full > 0.5  # the tight step still counts
    assert b.quadrant != "foundation"


def test_a_strong_link_reads_the_same_rule(growth: Questionnaire) -> None:
    """At any strength: the full-step rule for steady growth (``full_steady``) asks for a strong link because a
    full step is demand meeting the limit; a tight step under steady growth, with little waiting, is not yet."""
    strong = score(growth, case_answers(growth, "dinedor-oak-garden-furniture-second-router")).balance
    assert strong.full == 0 and strong.quadrant == "scale_ready"  # its router 90% busy, 15% growth, three weeks


@pytest.mark.parametrize(
    ("written", "code", "said"),
    [
        (SHIPPED.replace("backlog_weeks", "backlog_week"), "RQ205", "reads unknown question `backlog_week`"),
        (SHIPPED.replace("< 4", "<<< 4"), "RQ204", "balance.tight_steady"),
    ],
)
def test_a_broken_tight_condition_is_named_with_its_file_and_line(written: str, code: str, said: str) -> None:
    problem, line = broken_growth("tight_steady", SHIPPED, written, code)
    assert said in problem.message
    assert problem.file == "growth.yaml" and problem.line == line and problem.path == "balance.tight_steady"
