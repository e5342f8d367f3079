"""How far two consultants agree with each other, and how far the tool agrees with the first of them.

Run from the repository root: ``.venv/bin/python tests/cases/second-opinion/agreement.py``. Each file
here is a second consultant's verdict on the case of the same name in tests/cases/ (written without
seeing the first verdict or the tool's output). The checks are the calibration's own (docs/scoring.md,
section 7), with the second consultant's three fixes standing where the tool's first three findings
stand. It prints counts, not a pass or fail: it says what level of agreement is humanly reachable.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from tests.test_calibration import first_fixes_match, run_case  # noqa: E402


def _options(entry: str | list[str]) -> set[str]:
    return {entry} if isinstance(entry, str) else set(entry)


def _as_list(value: str | list[str]) -> set[str]:
    return {value} if isinstance(value, str) else set(value)


def main() -> None:
    here = Path(__file__).parent
    rows = []
    for path in sorted(here.glob("*.yaml")):
        second = yaml.safe_load(path.read_text(encoding="utf-8"))["expect"]
        first, result = run_case(ROOT / "tests" / "cases" / path.name)
        found = [f.question_id for f in result.findings]
        # Each of the second consultant's fixes by its first question alone: one question per fix, as the
        # tool's findings are (a list of acceptable questions would give it several tries where the tool has one).
        theirs = [{e if isinstance(e, str) else e[0]} for e in second["first_fixes"]]
        rows.append(
            (
                second["quadrant"] == first["quadrant"],
                bool(_as_list(second["weakest"]) & _as_list(first["weakest"])),
                first_fixes_match(first["first_fixes"], [next(iter(o)) for o in theirs]),
                sum(1 for e in first["first_fixes"] if any(_options(e) & o for o in theirs)),
                result.balance.quadrant == first["quadrant"],
                result.balance.weakest in _as_list(first["weakest"]),
                first_fixes_match(first["first_fixes"], found),
                sum(1 for e in first["first_fixes"] if _options(e) & set(found[:3])),
            )
        )
    n = len(rows)
    names = ("quadrant", "weakest link", "first three fixes, one to one", "expected fixes among the first three")
    print(f"{n} cases: the first consultant's verdict against the second consultant's, and against the tool's")
    for i, name in enumerate(names):
        total = 3 * n if i == 3 else n
        second, tool = sum(r[i] for r in rows), sum(r[i + 4] for r in rows)
        print(f"  {name:40} second consultant {second:3} of {total}   tool {tool:3}")


if __name__ == "__main__":
    main()
