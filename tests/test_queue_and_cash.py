"""A queue protects cash while each order makes money (growth questionnaire 2.4.2, docs/scoring.md §3).

Twelve honest queues on tight cash (a stone conservator's 22 weeks, a hut maker's, a pressing plant's, an
ecology consultancy's), read as "demand ahead, under control" by their experts, were read as the danger zone:
a queue was said to protect the capacity to deliver, never cash, and a failing runway vetoed control. The rule
that replaced it was declared before a blind round was written and adopted on it: an area's `controllable`
may be a condition over answers, and the shipped cash area is trusted to the queue while `gross_margin > 0`.
"""

from __future__ import annotations

import pytest

from readiness import score
from readiness.answers import Answer
from readiness.loader import load_questionnaire
from readiness.model import Questionnaire
from readiness.scoring import SEVERITY

from .casework import broken_growth, case_answers, with_values
from .conftest import ROOT

GROWTH_FILE = ROOT / "questionnaires" / "growth-readiness.yaml"
QUEUE = "lychgate-stone-conservation-honest-list-five-weeks-cash"


@pytest.fixture(scope="module")
def growth() -> Questionnaire:
    return load_questionnaire(GROWTH_FILE)


def test_an_honest_queue_on_a_short_runway_and_a_fair_margin_is_under_control(growth: Questionnaire) -> None:
    result = score(growth, case_answers(growth, QUEUE))
    balance = result.balance
    assert balance.quadrant == "demand_ahead_controlled"
    # the runway still fails, still caps the score and still leads what to fix
    assert any(f.question_id == "cash_runway" for f in balance.critical_failures)
    assert balance.guarded_title == "cash and working capital, in Capacity"
    assert "does not make a thin reserve last longer" in (balance.meaning or "")
    assert result.findings[0].question_id == "cash_runway"


def test_the_workings_say_why_a_failing_critical_answer_leaves_the_queue_under_control(growth: Questionnaire) -> None:
    """The nineteenth blind review read "under control only while … no critical answer fails: …, and a critical
    answer fails" above "Demand ahead, under control" as the tool breaking its own rule: the exception (a part
    the queue protects) is said where the rule is."""
    from readiness.summary import workings

    result = score(growth, case_answers(growth, QUEUE))
    [rule] = [line for line in workings(result, growth.balance) if line.startswith("From a balance index")]
    assert "and a critical answer fails, but in a part an honest queue protects (cash and working capital, in " in rule
    assert "so the verdict stays under control" in rule
    # a queue of loss-making orders: the plain rule, and the danger zone it leads to
    lossy = score(growth, with_values(case_answers(growth, QUEUE), gross_margin=0))
    [plain] = [line for line in workings(lossy, growth.balance) if line.startswith("From a balance index")]
    assert plain.endswith("and a critical answer fails.") and "protects" not in plain


def test_a_queue_of_orders_that_lose_money_is_still_the_danger_zone(growth: Questionnaire) -> None:
    result = score(growth, with_values(case_answers(growth, QUEUE), gross_margin=0))
    assert result.balance.quadrant == "danger_zone"
    assert result.balance.guarded_title is None


@pytest.mark.parametrize("kind", ["unanswered", "dont_know"])
def test_not_saying_whether_orders_make_money_never_helps(growth: Questionnaire, kind: str) -> None:
    """An unread condition does not hold: skipping the margin cannot buy the kinder verdict."""
    answers = dict(case_answers(growth, QUEUE))
    if kind == "unanswered":
        del answers["gross_margin"]
    else:
        answers["gross_margin"] = Answer("gross_margin", "dont_know")
    result = score(growth, answers)
    answered = score(growth, case_answers(growth, QUEUE))
    assert SEVERITY.index(result.balance.quadrant) <= SEVERITY.index(answered.balance.quadrant)
    assert result.balance.quadrant == "danger_zone"


def test_a_step_that_spends_money_is_read_as_in_the_danger_zone_while_the_queue_guards_the_cash(
    growth: Questionnaire,
) -> None:
    """The queue protects the money already owed, not money a loan or a machine would spend: the stone
    conservator's expert would borrow for a third gang only after terms, prices and a cash forecast."""
    result = score(growth, case_answers(growth, QUEUE))
    assert result.decision is not None and result.decision.option == "funding"
    assert result.decision.text.startswith("Not before price and payment terms")
    funded = score(growth, with_values(case_answers(growth, QUEUE), cash_runway=26, payment_days=14))
    assert funded.balance.quadrant == "demand_ahead_controlled" and funded.balance.guarded_title is None
    assert funded.decision is not None and funded.decision.text.startswith("It can pay")


def test_a_queue_is_trusted_with_cash_where_orders_make_money_or_the_quick_checks_runway_is_known(
    growth: Questionnaire,
) -> None:
    """The full assessment trusts a queue with cash where each order makes money; the quick check, which does not
    ask the margin, wherever the runway is known (2.3; docs/scoring.md sections 3 and 7), an unanswered runway
    included in neither."""
    from readiness.balance import queue_protects

    quick = load_questionnaire(ROOT / "questionnaires" / "quick-check.yaml")
    assert next(a for a in growth.dimension("capacity").areas if a.id == "cash").controllable == "gross_margin > 0"
    assert next(a for a in quick.dimension("capacity").areas if a.id == "cash").controllable == "cash_runway >= 0"
    for weeks in (0, 3, 30):
        _, trusted = queue_protects(quick, {"cash_runway": weeks})
        assert ("capacity", "cash") in trusted, weeks
    shut, trusted = queue_protects(quick, {})
    assert ("capacity", "cash") in shut and ("capacity", "cash") not in trusted


@pytest.mark.parametrize(
    ("written", "code", "said"),
    [
        ('"gross_margin_pct > 0"', "RQ205", "reads unknown question `gross_margin_pct`; did you mean `gross_margin`?"),
        ('"gross_margin >> 0"', "RQ204", "area `cash` of dimension `capacity` controllable"),
    ],
)
def test_a_broken_controllable_condition_is_named_with_its_file_and_line(written: str, code: str, said: str) -> None:
    problem, line = broken_growth("controllable", '"gross_margin > 0"', written, code)
    assert said in problem.message
    assert problem.file == "growth.yaml" and problem.line == line
    assert problem.path == "dimensions[3].areas[2].controllable"
