"""Would weights fitted to the calibration cases rank unseen businesses' first fixes better?

Run from the repository root: ``.venv/bin/python tests/cases/cross_validation.py [question|area|dimension]``.

The ranking's rules were each written from a consultant's reasoning and tested on a round of cases they had
not seen (docs/scoring.md, section 7). A different way to close the gap to the experts would be to fit a
factor per question (or per area, or per dimension) to the cases themselves. This script measures whether
that would generalise: five-fold cross-validation, twice with different folds. On four fifths of the cases a
factor from ``VALUES`` is fitted per group by coordinate ascent (a change kept only when it gains at least
``MARGIN`` on the training cases); the fitted factors then rank the fifth the fit never saw, and the counts
there are added up against the shipped ranking's on the same cases. It prints counts, not a pass or fail.

The engine runs once per case; the factors re-rank its findings with the ranking's own keys (failing
critical first, the impact, levers just ahead of the figure they fix, one finding per topic among the first
three), so with no factor the order is the engine's own (the script checks that before fitting).
"""

from __future__ import annotations

import itertools
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from readiness import findings as ranking  # noqa: E402
from tests.test_calibration import CASES, _options, run_case  # noqa: E402

#: The factors a group may take (1 is the shipped ranking).
VALUES = (0.7, 1.4)
#: The least gain on the training cases (fixes in three + 2 × sets + half the fixes in five) a change must bring.
MARGIN = 3
FOLDS = 5
SEEDS = (1, 2)

Row = dict[str, Any]


def collect() -> list[Row]:
    """Each case's findings with the keys the ranking sorts them by, and the expert's first fixes."""
    seen: dict[str, Any] = {}
    levers_ahead = ranking._levers_ahead

    def spy(questionnaire: Any, scores: Any, findings: Any, rank: Callable[[Any], float]) -> Any:
        ahead = levers_ahead(questionnaire, scores, findings, rank)
        seen.update(
            ahead=ahead,
            rank={f.question_id: rank(f) for f in findings},
            order={q.id: i for i, q in enumerate(questionnaire.questions)},
            topics={q.id: q.topic for q in questionnaire.questions if q.topic},
            groups={
                q.id: {"question": q.id, "area": f"{q.dimension}.{q.area}", "dimension": q.dimension}
                for q in questionnaire.questions
            },
        )
        return ahead

    ranking._levers_ahead = spy  # type: ignore[assignment]
    rows = []
    try:
        for path in CASES:
            seen.clear()
            expect, result = run_case(path)
            findings = []
            for f in result.findings:
                ahead = seen["ahead"].get(f.question_id)
                findings.append(
                    {
                        "id": f.question_id,
                        "failing": ahead[0] if ahead else f.failing,
                        "rank": ahead[1] if ahead else seen["rank"][f.question_id],
                        "by": ahead[2] if ahead else f.question_id,  # a lever moves with the figure it fixes
                        "critical": f.critical,
                        "order": seen["order"][f.question_id],
                    }
                )
            rows.append(
                {
                    "expected": [_options(e) for e in expect["first_fixes"]],
                    "findings": findings,
                    "engine": [f.question_id for f in result.findings],
                    "topics": seen["topics"],
                    "groups": seen["groups"],
                }
            )
    finally:
        ranking._levers_ahead = levers_ahead  # type: ignore[assignment]
    return rows


def ranked(row: Row, factors: dict[str, float], group: str) -> list[str]:
    """The findings' order with each group's factor on its impact (docs/scoring.md section 4's keys)."""

    def key(f: dict[str, Any]) -> tuple[bool, float, bool, int]:
        factor = factors.get(row["groups"][f["by"]][group], 1.0)
        return (not f["failing"], -f["rank"] * factor, not f["critical"], f["order"])

    lead: list[str] = []
    held: list[str] = []
    first: dict[str, str] = {}
    for f in sorted(row["findings"], key=key):  # one fix, one place: as readiness.findings.one_fix_one_place
        topic = row["topics"].get(f["id"])
        if len(lead) < ranking.FIRST_FIXES and topic in first and not f["failing"]:
            held.append(f["id"])
            continue
        if topic is not None:
            first.setdefault(topic, f["id"])
        lead.append(f["id"])
        if len(lead) == ranking.FIRST_FIXES:
            lead.extend(held)
            held = []
    return lead + held


def counts(rows: Sequence[Row], factors: dict[str, float], group: str) -> tuple[int, int, int]:
    """First-fix sets matched one to one, expert fixes among the first three, and among the first five."""
    sets = in3 = in5 = 0
    for row in rows:
        ids = ranked(row, factors, group)
        expected = row["expected"]
        sets += any(
            all(q in e for q, e in zip(p, expected, strict=True))
            for p in itertools.permutations(ids[:3], len(expected))
        )
        in3 += sum(any(q in e for q in ids[:3]) for e in expected)
        in5 += sum(any(q in e for q in ids[:5]) for e in expected)
    return sets, in3, in5


def fit(rows: Sequence[Row], group: str) -> dict[str, float]:
    """Coordinate ascent over the groups' factors on the training cases."""

    def gain(c: tuple[int, int, int]) -> float:
        return c[1] + 2 * c[0] + 0.5 * c[2]

    names = sorted({row["groups"][f["by"]][group] for row in rows for f in row["findings"]})
    factors: dict[str, float] = {}
    best = gain(counts(rows, factors, group))
    for _ in range(2):
        changed = False
        for name in names:
            for value in VALUES:
                trial = {**factors, name: value}
                g = gain(counts(rows, trial, group))
                if g >= best + MARGIN:
                    best, factors, changed = g, trial, True
        if not changed:
            break
    return factors


def main() -> None:
    group = sys.argv[1] if len(sys.argv) > 1 else "question"
    rows = collect()
    drift = sum(ranked(r, {}, group)[:5] != r["engine"][:5] for r in rows)
    if drift:
        raise SystemExit(f"The re-ranking differs from the engine's first five findings in {drift} cases")
    shipped = [0, 0, 0]
    fitted = [0, 0, 0]
    trained: list[int] = []  # what the fit gained in first-three fixes on the cases it was fitted to, per fold
    for seed in SEEDS:
        order = list(range(len(rows)))
        random.Random(seed).shuffle(order)
        for k in range(FOLDS):
            held_out = set(order[k::FOLDS])
            test = [rows[i] for i in sorted(held_out)]
            train = [rows[i] for i in order if i not in held_out]
            factors = fit(train, group)
            trained.append(counts(train, factors, group)[1] - counts(train, {}, group)[1])
            shipped = [a + b for a, b in zip(shipped, counts(test, {}, group), strict=True)]
            fitted = [a + b for a, b in zip(fitted, counts(test, factors, group), strict=True)]
    named = sum(len(r["expected"]) for r in rows) * len(SEEDS)
    print(f"{len(rows)} cases, factors per {group}, {FOLDS}-fold cross-validation with {len(SEEDS)} seeds")
    print(f"on the cases it was fitted to, each fold: {min(trained):+d} to {max(trained):+d} fixes in first three")
    print(f"on cases the fit never saw (each case counted {len(SEEDS)} times, {named} expert fixes):")
    for label, a, b in zip(
        ("first-fix sets", "fixes in first three", "fixes in first five"), shipped, fitted, strict=True
    ):
        print(f"  {label:<22} shipped {a:>5}   fitted {b:>5}   ({b - a:+d})")


if __name__ == "__main__":
    main()
