"""The demo assessment: a sample business facing a viral moment.

A newcomer should see real results at once, so the app loads a filled-in
assessment from an answers file. Each visitor gets their own copy, so one
person's edits never change what the next one sees.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from readiness.answers import load_answers
from readiness.loader import load_questionnaire
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
    assessment = store.create_assessment(
        questionnaire,
        business_name=answers.business or "Demo business",
        profile=answers.profile,
        business_kind=_kind(answers.answers.get("business_type")),
        is_demo=True,
    )
    store.save_answers(assessment.id, answers.answers.values())
    finished = store.update_assessment(assessment.id, status="complete")
    return replace(finished, resume_key=assessment.resume_key)  # the link's secret: known only now


def _kind(answer: object) -> str | None:
    value = getattr(answer, "value", None)
    return value if isinstance(value, str) else None
