"""A known event ahead (a TV spot, a contract, a season), read from the questions that carry its surge-test figures
(docs/scoring.md §3, "An event bigger than the busiest day"): how big it is against what operations can reach by
then, when it is, what it is called and what must be ready before it. The balance weighs it, the plan dates its
preparations by it; apart from the balance, so each reads it the same way without reading the other.
"""

from __future__ import annotations

import re

from readiness.model import Questionnaire
from readiness.results import QuestionScore

#: The surge-test figures an event ahead is weighed with (docs/scoring.md §3, "An event bigger than the
#: busiest day"); found by the ``surge_input`` a number question carries, so any questionnaire can use it.
EVENT_FIGURES = ("event_multiple", "event_weeks", "peak_multiple", "weeks_to_double")


def event_reach(questionnaire: Questionnaire, scores: list[QuestionScore]) -> tuple[float, float] | None:
    """(the known event's busiest day, the busiest day operations can reach by then), both as multiples of
    a normal day, or None without an answered event size and best clean day.

    By the event, capacity can grow towards double at the pace ``weeks_to_double`` gives; an unknown or
    unanswered lead time or doubling time counts as no time to grow (an unknown never helps).
    """
    figures: dict[str, float] = {}
    for q in scores:
        role = getattr(questionnaire.question(q.id), "surge_input", None)
        if role in EVENT_FIGURES and q.status == "answered" and isinstance(q.value, int | float):
            figures[role] = float(q.value)
    event, peak = figures.get("event_multiple"), figures.get("peak_multiple")
    if event is None or peak is None or peak <= 0:
        return None
    weeks, double = figures.get("event_weeks"), figures.get("weeks_to_double")
    grown = min(weeks / double, 1.0) if weeks is not None and double else 0.0
    return event, peak * (1 + grown)


def event_lead(questionnaire: Questionnaire, scores: list[QuestionScore]) -> float | None:
    """Weeks until the known event ahead (the number question whose ``surge_input`` is ``event_weeks``), when
    answered: what the plan's periods are weighed against (docs/scoring.md §5)."""
    for q in scores:
        role = getattr(questionnaire.question(q.id), "surge_input", None)
        if role == "event_weeks" and q.status == "answered" and isinstance(q.value, int | float) and q.value >= 0:
            return float(q.value)
    return None


def _event_kinds(questionnaire: Questionnaire, scores: list[QuestionScore]) -> list[QuestionScore]:
    """The answered choices that name the kind of a dated event ahead: the questions the dated one's
    ``show_if`` reads. Empty when the event is not dated or its kind is not asked."""
    # Several questions may date an event, each shown for its own kind (a contract's start, a season's): the
    # one answered is the one that dates it.
    roles = [q for q in scores if getattr(questionnaire.question(q.id), "surge_input", None) == "event_weeks"]
    dated = next((q for q in roles if q.status == "answered"), roles[0] if roles else None)
    condition = getattr(questionnaire.question(dated.id), "show_if", None) if dated is not None else None
    if dated is None or dated.status != "answered" or not condition:
        return []
    named = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", condition))
    return [q for q in scores if q.id in named and q.status == "answered" and isinstance(q.value, str)]


def event_prepares(questionnaire: Questionnaire, scores: list[QuestionScore]) -> tuple[str, ...]:
    """The kinds of pressure a dated event ahead needs ready before it: its chosen kind's ``prepares``, else
    a rush (``spike``). A contract starting is a rush and lasting volume: the seventeenth blind review found a
    bodyshop's and a plant-care firm's cash, funding and hiring planned after the contract they were for."""
    for q in _event_kinds(questionnaire, scores):
        option = next((o for o in getattr(questionnaire.question(q.id), "options", []) if o.id == q.value), None)
        if option is not None and option.prepares:
            return tuple(option.prepares)
    return ("spike",)


def event_name(questionnaire: Questionnaire, scores: list[QuestionScore]) -> str | None:
    """The known event ahead in the owner's words, for the plan's deadline: the note they wrote on the choice
    that names its kind (a question the dated one's ``show_if`` reads), else that choice's label ("a big
    contract or listing starting"). The fourteenth blind review read "The event ahead (the contract, launch
    or feature you named)" as a form letter that never named it. None when the event is not dated or its
    kind is not asked."""
    kinds = _event_kinds(questionnaire, scores)
    for q in kinds:
        if q.note and q.note.strip():
            return f"“{q.note.strip().rstrip('.')}”"
    for q in kinds:
        if q.label:
            return q.label[:1].lower() + q.label[1:]
    return None
