"""A full step under steady growth, with no contract or launch ahead, is a season at capacity, not a queue
(growth questionnaire 2.4.8, docs/scoring.md §3).

Four strong businesses whose busiest step is full while orders grow 12 to 19% a year (a firewood merchant, a
van hire, a gritting contractor, a sock mill) were read as demand ahead under control because the full step
raised the pressure the verdict weighs; their experts read scale-ready, while the two strong businesses their
experts read as demand ahead (a brewery, a children's shoe shop) grow 30 to 35%. Declared before round 29
without the event, it lost an occupational-health firm whose full nurses face a council contract (danger
zone) and was rejected; declared again with the event read (round 30): while the weakest link is at least
``high`` with no critical question failing, orders grow less than 25% a year and nothing but the usual
season is ahead, a full busiest step does not raise the pressure; broken promises and an event bigger than
the reachable day still do.
"""

from __future__ import annotations

import pytest

from readiness import score
from readiness.answers import Answer
from readiness.loader import load_questionnaire
from readiness.model import Questionnaire
from readiness.summary import placement_text

from .casework import broken_growth, case_answers, with_values
from .conftest import ROOT

VANS = "ribble-van-hire-sold-out-peak-days"  # 19% growth, vans 88% used, peak day 1.2x: a strong link
BREWERY = "brewery-tank-allocation"  # 35% growth, every tank full in summer
SHIPPED = "\"order_growth < 25 and event_ahead in ['none', 'season']\""
NURSES = "calder-occupational-health-council-contract-nurses-full"  # 92% booked, a council contract in 17 weeks


@pytest.fixture(scope="module")
def growth() -> Questionnaire:
    return load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")


def test_a_strong_business_full_at_a_steady_pace_is_growing_at_capacity_not_in_a_queue(growth: Questionnaire) -> None:
    result = score(growth, case_answers(growth, VANS))
    b = result.balance
    assert (b.quadrant, b.steady_full) == ("scale_ready", True)
    assert b.pressure == b.demand  # the full step raised nothing
    said = placement_text(result) or ""
    assert said.startswith("The busiest step is full, but orders grow at a steady pace")  # the reader hears why


def test_the_steady_reading_says_the_step_being_weighed_is_in_no_figure(growth: Questionnaire) -> None:
    """The twenty-fourth review read "nothing already booked (a contract starting, a launch)" beside the
    food-hall listing a smokehouse is weighing as the report ignoring it: the step changes no figure, and the
    sentence now says so, only when there is a step."""
    answers = case_answers(growth, "coquet-smokehouse-salmon-kiln-full-food-hall-listing")
    weighing = score(growth, answers)
    assert weighing.balance.steady_full and weighing.decision is not None
    assert "The step you are weighing is not in these figures" in (placement_text(weighing) or "")
    none = score(growth, with_values(answers, decision_ahead="nothing_big"))
    assert none.balance.steady_full and none.decision is None
    assert "step you are weighing" not in (placement_text(none) or "")


def test_the_same_full_step_growing_fast_is_demand_ahead(growth: Questionnaire) -> None:
    fast = score(growth, with_values(case_answers(growth, VANS), order_growth=35)).balance
    assert (fast.quadrant, fast.steady_full) == ("demand_ahead_controlled", False)
    assert fast.pressure is not None and fast.demand is not None and fast.pressure > fast.demand
    brewery = score(growth, case_answers(growth, BREWERY)).balance
    assert brewery.quadrant == "demand_ahead_controlled"  # its expert's verdict, kept


def test_a_full_step_facing_a_contract_is_not_a_season(growth: Questionnaire) -> None:
    nurses = score(growth, case_answers(growth, NURSES)).balance
    assert (nurses.quadrant, nurses.steady_full) == ("danger_zone", False)  # its expert's verdict
    contract = score(growth, with_values(case_answers(growth, VANS), event_ahead="contract")).balance
    assert not contract.steady_full and contract.quadrant != "scale_ready"


@pytest.mark.parametrize("how", ["unanswered", "dont_know"])
def test_not_saying_how_fast_orders_grow_never_buys_the_steady_reading(growth: Questionnaire, how: str) -> None:
    answers = dict(case_answers(growth, VANS))
    if how == "unanswered":
        del answers["order_growth"]
    else:
        answers["order_growth"] = Answer("order_growth", "dont_know")
    b = score(growth, answers).balance
    assert not b.steady_full and b.quadrant != "scale_ready"


def test_a_failing_critical_question_or_a_weak_link_keeps_the_full_step_as_demand_ahead(growth: Questionnaire) -> None:
    no_cover = score(growth, with_values(case_answers(growth, VANS), key_person_cover=0)).balance
    assert not no_cover.steady_full and no_cover.quadrant != "scale_ready"


@pytest.mark.parametrize(
    ("written", "code", "said"),
    [
        (SHIPPED.replace("order_growth", "order_grwth"), "RQ205", "reads unknown question `order_grwth`"),
        (SHIPPED.replace("< 25", "<<< 25"), "RQ204", "balance.full_steady"),
    ],
)
def test_a_broken_steady_condition_is_named_with_its_file_and_line(written: str, code: str, said: str) -> None:
    problem, line = broken_growth("full_steady", SHIPPED, written, code)
    assert said in problem.message
    assert problem.file == "growth.yaml" and problem.line == line and problem.path == "balance.full_steady"
