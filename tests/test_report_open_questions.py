"""What a report says of the questions left open: a question that carries no points (the season's date, weight 0)
is said apart from the scored ones, which count as their worst answer (blind review 27 read "left out of the
score" beside "count as their worst answer" as a contradiction)."""

from __future__ import annotations

from readiness import score
from readiness.answers import AnswerSet
from readiness.loader import load_questionnaire
from readiness.report_markdown import render_markdown
from readiness.report_model import build_report

from .casework import case_answers
from .conftest import ROOT

GROWTH = ROOT / "questionnaires" / "growth-readiness.yaml"


def report_text(drop: tuple[str, ...] = ()) -> str:
    q = load_questionnaire(GROWTH)
    given = case_answers(q, "abbey-steps-toys")  # everything answered but the season's date
    for qid in drop:
        given.pop(qid)
    answers = AnswerSet(given, q.id, q.version, "Abbey Steps Toys", "steady_growth")
    return " ".join(render_markdown(build_report(q, score(q, answers.answers), answers)).split())


def test_a_question_with_no_points_open_is_said_to_change_no_score() -> None:
    text = report_text()
    assert "1 unanswered question carries no points (“How many weeks until your busy season starts?" in text
    assert "it changes no score" in text
    assert "the question left open carries no points, so every score is as answered" in text
    assert "count as their worst answer" not in text and "left out of the score" not in text


def test_scored_questions_open_still_count_as_their_worst_answer_and_are_said_apart() -> None:
    text = report_text(drop=("clear_roles", "staff_turnover"))
    assert "2 questions unanswered count as their worst answer (“" in text
    assert "1 unanswered question carries no points" in text
    assert "unanswered questions count as their worst answer, and each score shows its range" in text
