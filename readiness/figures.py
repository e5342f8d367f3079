"""The owner's own figures beside their bands, and advice that only repeats the next step.

Shared by the reports and the results page, so a finding reads the same everywhere: "14 (Up to
50)", never the band alone (issue 15), and never "Next step: Yes" under "→ next: Yes".
"""

from __future__ import annotations

from readiness.answers import Answer
from readiness.dimensions import band_of
from readiness.markup import plain_number
from readiness.model import NumberQuestion, Questionnaire, tr


def restates(advice: str, step: str | None) -> bool:
    """Whether a piece of advice only repeats the next level ("Next step: Well spread", "Aim for:
    Well spread"), which the finding already shows as where to go next: said twice, word for word,
    it reads like a glitch."""
    if not step:
        return False
    text = advice.strip()
    label, colon, rest = text.partition(":")
    if colon and len(label.split()) <= 3:  # "Next step: Yes", "Aim for: Plenty of headroom"
        text = rest.strip()
    return text.rstrip(". ") == step.strip().rstrip(". ")


def owner_figure(questionnaire: Questionnaire, answer: Answer | None) -> float | None:
    """The number the owner typed for a number question (None for any other answer)."""
    if answer is None or answer.kind != "value" or isinstance(answer.value, bool):
        return None
    if not isinstance(answer.value, int | float):
        return None
    try:
        question = questionnaire.question(answer.question_id)
    except (KeyError, ValueError):
        return None
    return float(answer.value) if isinstance(question, NumberQuestion) else None


def figure_text(questionnaire: Questionnaire, answer: Answer | None, label: str | None) -> str | None:
    """The owner's own figure first, then the band it falls in: "14 (Up to 50)", never the band alone."""
    value = owner_figure(questionnaire, answer)
    if value is None or answer is None:
        return None
    question = questionnaire.question(answer.question_id)
    unit = tr(question.unit, questionnaire.default_language) if isinstance(question, NumberQuestion) else ""
    # A typographic minus: "−5 (Shrinking)" reads as a figure, and no spreadsheet takes it for a
    # formula (the number itself is in the tables' Figure column).
    figure = plain_number(value) + ("" if not unit else unit if unit == "%" else f" {unit}")
    if not label:
        return figure
    if isinstance(question, NumberQuestion) and label != tr(band_of(question, value).label):
        # Read in another band once other answers are weighed (a year's growth eats the cash): "5 weeks – Four
        # weeks or less (danger) once a year's growth is paid for" read as a contradiction (a blind review), and
        # so did "7 weeks, which is four weeks or less…" (the sixteenth): the figure is today's, the band later's.
        return f"{figure} today; {label[:1].lower()}{label[1:]}"
    # A band that carries its own brackets ("Four weeks or less (danger)") is not put in more of them.
    return f"{figure} – {label}" if "(" in label else f"{figure} ({label})"
