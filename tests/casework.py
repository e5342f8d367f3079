"""Answers of a written calibration case, and the same answers with a few changed: what the scoring
tests vary to show one rule at work on a business an expert described."""

from __future__ import annotations

import yaml

from readiness.answers import Answer, parse_answers
from readiness.errors import Problem
from readiness.model import Questionnaire

from .conftest import ROOT

CASES = ROOT / "tests" / "cases"


def case_answers(q: Questionnaire, name: str) -> dict[str, Answer]:
    """The case's answers, which must load cleanly."""
    case = yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))
    answers, problems = parse_answers(q, {"answers": case["answers"]}, name)
    assert not problems, [str(p) for p in problems]
    return dict(answers.answers)


def with_values(answers: dict[str, Answer], **values: object) -> dict[str, Answer]:
    """The same answers with ``values`` given instead (real answers, not "don't know")."""
    out = dict(answers)
    for qid, value in values.items():
        out[qid] = Answer(qid, "value", value)
    return out


def broken_growth(key: str, shipped: str, written: str, code: str) -> tuple[Problem, int]:
    """The shipped growth questionnaire with ``key: shipped`` rewritten as ``key: written``: the one problem of
    ``code`` it raises, and the line the key is on (what an author is pointed to)."""
    from readiness.errors import QuestionnaireError
    from readiness.loader import parse_questionnaire

    original = (ROOT / "questionnaires" / "growth-readiness.yaml").read_text(encoding="utf-8")
    text = original.replace(f"{key}: {shipped}", f"{key}: {written}")
    assert text != original
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip().startswith(f"{key}:"))
    try:
        parse_questionnaire(text, "growth.yaml")
    except QuestionnaireError as caught:
        (problem,) = [p for p in caught.problems if p.code == code]
        return problem, line
    raise AssertionError(f"{key}: {written} loaded without {code}")
