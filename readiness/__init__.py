"""Readiness: score how ready a business is to grow fast, and show where it will break.

The engine is a library first: load a questionnaire, check answers, score them.
It never imports Streamlit, so the CLI, reports and tests use it directly.
"""

from readiness.answers import Answer, AnswerSet, load_answers, parse_answers, validate_answer, visible_questions
from readiness.errors import (
    AnswerError,
    AnswersError,
    Problem,
    QuestionnaireError,
    ReadinessError,
    UnknownProfileError,
)
from readiness.loader import load_questionnaire, load_questionnaire_with_warnings, parse_questionnaire
from readiness.model import Questionnaire
from readiness.scoring import ScoreResult, score

__version__ = "0.1.0"

__all__ = [
    "Answer",
    "AnswerError",
    "AnswerSet",
    "AnswersError",
    "Problem",
    "Questionnaire",
    "QuestionnaireError",
    "ReadinessError",
    "ScoreResult",
    "UnknownProfileError",
    "load_answers",
    "load_questionnaire",
    "load_questionnaire_with_warnings",
    "parse_answers",
    "parse_questionnaire",
    "score",
    "validate_answer",
    "visible_questions",
]
