"""The busy season's date sets the plan's clock and scores nothing (growth questionnaire 2.4.18, `season_weeks`).

The twenty-sixth blind review read a funeral director's report dated 1 December: its winter overflow agreement
was planned at 60 days and its rush plan at 90, in March, after the winter it was for, because no answer said
when winter starts. A contract or a launch had its date (`event_weeks`); a season had none.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from readiness import score, surge
from readiness.answers import visible_questions
from readiness.loader import load_questionnaire
from readiness.model import Questionnaire
from readiness.scoring import ScoreResult
from readiness.summary import deadline_text

from .casework import case_answers, with_values
from .conftest import ROOT

FUNERALS = "family-funeral-director-owner-on-call"  # winter a third busier than summer, no date given


@pytest.fixture(scope="module")
def growth() -> Questionnaire:
    return load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")


def period_of(result: ScoreResult, question_id: str) -> int | None:
    return next((p for p, actions in result.plan.periods for a in actions if a.question_id == question_id), None)


def test_a_dated_season_puts_the_rush_plan_before_it(growth: Questionnaire) -> None:
    answers = case_answers(growth, FUNERALS)
    undated, dated = score(growth, answers), score(growth, with_values(answers, season_weeks=3))
    assert period_of(undated, "surge_plan") == 90  # what the review found: the rush plan after the winter
    assert period_of(dated, "surge_plan") == 30
    said = deadline_text(dated) or ""
    assert said.startswith("The event ahead (“Winter, about a third busier than summer”) is about 3 weeks away")
    assert deadline_text(undated) is None


def test_the_seasons_date_changes_no_score_and_no_verdict(growth: Questionnaire) -> None:
    """A season comes every year: its nearness is no extra demand, so the date moves the plan only."""
    answers = case_answers(growth, FUNERALS)
    undated, dated = score(growth, answers), score(growth, with_values(answers, season_weeks=1))
    assert [(d.id, d.score, d.low, d.high) for d in dated.dimensions] == [
        (d.id, d.score, d.low, d.high) for d in undated.dimensions
    ]
    assert replace(dated.balance, event_weeks=None, event_name=None) == undated.balance
    assert dated.overall == undated.overall


def test_a_season_already_under_way_is_said_to_have_started(growth: Questionnaire) -> None:
    result = score(growth, with_values(case_answers(growth, FUNERALS), season_weeks=0))
    said = deadline_text(result) or ""
    assert "has started: the plan puts what it needs in the first 30 days" in said
    assert "away" not in said  # not "about a week away"
    assert period_of(result, "surge_plan") == 30


def test_only_a_season_is_asked_its_date_and_the_surge_test_reads_it(growth: Questionnaire) -> None:
    answers = with_values(case_answers(growth, FUNERALS), season_weeks=6)
    assert "season_weeks" in visible_questions(growth, answers)
    contract = with_values(answers, event_ahead="contract")
    assert "season_weeks" not in visible_questions(growth, contract)
    assert "event_weeks" in visible_questions(growth, contract)
    setup = surge.setup_from_answers(growth, answers)
    weeks = next(a for a in setup.assumptions if a.name == "event_weeks")
    assert (weeks.value, weeks.source, weeks.question_id) == (6, "answer", "season_weeks")
