"""The demo assessment: a sample business facing a viral moment.

A newcomer should see real results at once, so the app loads a filled-in
assessment from an answers file. Each visitor gets their own copy, so one
person's edits never change what the next one sees.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from readiness.answers import AnswerSet, count_answers, load_answers
from readiness.loader import load_questionnaire
from readiness.model import Questionnaire
from readiness.storage import Assessment, Store

ROOT = Path(__file__).resolve().parent.parent
DEMO_ANSWERS = ROOT / "questionnaires" / "demo" / "frost-and-co.yaml"
DEMO_QUESTIONNAIRE = ROOT / "questionnaires" / "growth-readiness.yaml"


def create_demo(
    store: Store, questionnaire_path: Path = DEMO_QUESTIONNAIRE, answers_path: Path = DEMO_ANSWERS
) -> Assessment:
    """A fresh, complete copy of the demo assessment."""
    questionnaire = load_questionnaire(questionnaire_path)
    answers, _ = load_answers(questionnaire, answers_path)
    return create_from_answers(store, questionnaire, answers, name="Demo business", is_demo=True)


def create_from_answers(
    store: Store,
    questionnaire: Questionnaire,
    answers: AnswerSet,
    *,
    name: str = "Imported answers",
    currency: str | None = None,
    is_demo: bool = False,
) -> Assessment:
    """A new assessment holding an answers file's answers (the demo's, or one a client filled in offline).

    It is marked complete when every question shown is answered, as the form would; the resume link's
    secret is returned with it, known only now.
    """
    assessment = store.create_assessment(
        questionnaire,
        business_name=answers.business or name,
        profile=answers.profile,
        business_kind=_kind(answers.answers.get("business_type")),
        currency=currency,
        is_demo=is_demo,
    )
    store.save_answers(assessment.id, answers.answers.values())
    counted = count_answers(questionnaire, answers.answers)
    if is_demo or counted.answered >= counted.shown:
        assessment = replace(
            store.update_assessment(assessment.id, status="complete"), resume_key=assessment.resume_key
        )
    return assessment


def _kind(answer: object) -> str | None:
    value = getattr(answer, "value", None)
    return value if isinstance(value, str) else None
