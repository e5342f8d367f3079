"""A long waiting list is a queue capacity works down, not a wall: second QA pass on the surge page.

The tester's "Harbour Joinery" (tests/data/surge/harbour-30-week-queue.yaml): 30 weeks of waiting
list (4,200 orders at 20 a day), a contract ahead at double a normal day, 8 weeks away. "Retail chain
contract" lost 5,390 of 10,800 orders while "First to run short" said "Nothing" and the box said
"cash holds"; deliveries stayed flat at 20 a day, stock piled up on the shelf, and no what-if (not
even production × 2) or policy saved one order. The model delivered an order only once it had waited
the usual 210 days, and every order above the usual queue counted as one that "would wait longer than
usual": so for 210 days no capacity could serve the extra orders, and customers walked away.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness import load_answers, load_questionnaire
from readiness.demo import DEMO_QUESTIONNAIRE
from readiness.surge import Analysis, Setup, analyse, known_event, setup_from_answers, setup_from_values
from readiness.surge.words import sensitivity_table

HARBOUR = Path(__file__).parent / "data" / "surge" / "harbour-30-week-queue.yaml"


@pytest.fixture(scope="module")
def questionnaire():  # type: ignore[no-untyped-def]
    return load_questionnaire(DEMO_QUESTIONNAIRE)


@pytest.fixture(scope="module")
def harbour(questionnaire) -> Setup:  # type: ignore[no-untyped-def]
    answers, _ = load_answers(questionnaire, HARBOUR)
    return setup_from_answers(questionnaire, answers)


@pytest.fixture(scope="module")
def contract(harbour: Setup) -> Analysis:
    return analyse(harbour, "retail_contract")


def test_the_testers_answers_are_a_30_week_queue_and_a_contract_ahead(harbour: Setup) -> None:
    values = harbour.values()
    assert (values["orders_per_day"], values["waiting_list_weeks"]) == (20, 30)
    assert (values["event_multiple"], values["event_weeks"]) == (2, 8)
    assert harbour.inputs().waiting_list_days == 210
    assert values["patience_days"] == 210  # assumed from the waiting list


def test_losing_orders_to_a_contract_always_names_what_runs_short(contract: Analysis) -> None:
    s = contract.result.summary
    assert s.lost > 0.5
    steps = [b for b in s.breaks if b.step != "cash"]
    assert steps, "orders are lost, so something runs short"
    assert "runs short" in " ".join(contract.verdict()) or "run short" in " ".join(contract.verdict())


def test_capacity_works_a_long_queue_down(contract: Analysis) -> None:
    # The extra orders are served as fast as capacity allows: deliveries rise above a normal day long
    # before the contract's first orders have waited the usual 210 days.
    result = contract.result
    n = result.inputs.orders_per_day
    assert result.delivered[:60].max() > 1.2 * n
    # stock is not left on the shelf while customers walk away
    assert result.summary.lost_share < 0.5


def test_doubling_production_saves_orders_under_a_long_queue(contract: Analysis) -> None:
    fixes = {f.key: f for f in contract.fixes}
    assert fixes["making"].saved > 0.5 * contract.result.summary.lost
    assert contract.fix_first is not None


def test_adding_capacity_as_it_runs_short_saves_orders_under_a_long_queue(contract: Analysis) -> None:
    lost = {k: v.summary.lost for k, v in contract.policies.items()}
    assert lost["aggressive"] < lost["never"] - 0.5


def test_a_queue_of_the_usual_length_still_waits_the_usual_time() -> None:
    # Nothing changes on a normal day: 20 a day in, 20 a day out, 4,200 always waiting.
    setup = setup_from_values({"orders_per_day": 20, "waiting_list_weeks": 30, "utilization": 80})
    result = analyse(setup, "padded_forecast").result
    assert result.delivered.max() == pytest.approx(20)
    assert result.backlog.min() == pytest.approx(20 * 210)
    assert result.summary.lost == pytest.approx(0)
