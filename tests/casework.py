"""Answers of a written calibration case, and the same answers with a few changed: what the scoring
tests vary to show one rule at work on a business an expert described."""

from __future__ import annotations

import yaml

from readiness.answers import Answer, parse_answers
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
