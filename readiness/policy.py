"""Per-questionnaire scoring policies: how blanks count and how dimensions make the headline.

Kept out of :mod:`readiness.scoring` on purpose: scoring computes questions and
dimensions, and calls in here at two points only (an unanswered question, and
the headline), so the policies a framework brings along stay in one small place.
The rules are written out in docs/scoring.md ("Scoring policies").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from readiness.model import Questionnaire, ScoringPolicy


def counts_unanswered(policy: ScoringPolicy) -> bool:
    """Whether a shown question nobody answered counts (as its worst answer) rather than being left out."""
    return policy.unanswered == "lowest"


def headline_dimensions(questionnaire: Questionnaire) -> set[str]:
    """The dimensions the headline is made of: the operations side, or every dimension when the
    questionnaire has no operations side (a demand-only check still gets a headline)."""
    operations = {d.id for d in questionnaire.dimensions if d.side == "operations"}
    return operations or {d.id for d in questionnaire.dimensions}


def headline(
    questionnaire: Questionnaire,
    policy: ScoringPolicy,
    dimensions: Iterable[Any],
    operations: float | None,
    questions: Iterable[Any],
) -> float | None:
    """The headline score (0..100, rounded to 2 decimals) under the questionnaire's roll-up.

    ``dimensions`` are the scored dimensions (``id``, ``weight``, ``score``), ``operations`` the
    engine's own operations score (the weighted mean, which ``mean`` keeps as it is), ``questions``
    the question scores (``dimension``, ``weight``, ``counted``, ``score``).
    """
    scope = headline_dimensions(questionnaire)
    dims = [d for d in dimensions if d.id in scope]
    sides = {d.side for d in questionnaire.dimensions}

    def counted(d: Any) -> float | None:
        # A dimension nobody has answered yet has no score of its own, only its range; when blanks count as
        # the worst answer (SAMM's toolbox: a blank is 0) it still counts, at the low end of that range.
        if d.score is not None:
            return float(d.score)
        low = getattr(d, "low", None)
        return float(low) if low is not None and counts_unanswered(policy) else None

    if policy.rollup == "min":
        scored = [v for d in dims if (v := counted(d)) is not None and d.weight > 0]
        value = min(scored) if scored else None
    elif policy.rollup == "sum":
        weights = {d.id: d.weight for d in dims}
        pairs = [
            (q.weight * weights[q.dimension], q.score or 0.0) for q in questions if q.counted and q.dimension in weights
        ]
        total = sum(w for w, _ in pairs)
        value = None if total <= 0 else 100 * sum(w * s for w, s in pairs) / total
    elif {"operations", "demand"} <= sides:
        value = operations  # the engine's own operations score, which the balance is weighed with
    else:  # a framework of its own: the weighted mean of its dimensions
        pairs = [(d.weight, v) for d in dims if (v := counted(d)) is not None]
        total = sum(w for w, _ in pairs)
        value = None if total <= 0 else sum(w * s for w, s in pairs) / total
    return None if value is None else round(value, 2)


def describe(policy: ScoringPolicy, label: str) -> str:
    """How the headline is made, in a sentence for a report's method section."""
    how = {
        "mean": "is the weighted mean of the dimensions",
        "sum": "adds up every counted question's points into one total",
        "min": "is the weakest dimension's score",
    }[policy.rollup]
    return f"The headline, {label}, {how}."
