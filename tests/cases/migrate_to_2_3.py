"""Carry the calibration cases from growth-readiness 2.2 to 2.3, mechanically.

Version 2.3 asks what has gone wrong lately (``pains_today``) and, to stay
within 25 minutes, no longer asks ``top_customer_share`` (a demand question,
never advised). No expert wrote that answer: a second consultant
helper answered it for every case from the description alone, before any rule
used it (``pains-today/``: the brief, and the answers with the words of the
description behind each tick). This script edits only the lines concerned, so
the expert's comments and notes stay as written:

* the answer to ``top_customer_share`` is removed (retired; it would be ignored);
* ``pains_today`` is added after the kind-of-business answer, with the helper's
  justification as its comment.

``expect:`` blocks are not touched. The quick check asks neither question. Run
once, from the repository root:

    .venv/bin/python tests/cases/migrate_to_2_3.py
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ANSWERED = sorted((HERE / "pains-today").glob("answers-*.yaml"))


def _answered() -> dict[str, tuple[list[str], str]]:
    """Each case's ticks and the helper's comment, read as the helper wrote them."""
    out: dict[str, tuple[list[str], str]] = {}
    for path in ANSWERED:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            stem, _, rest = line.partition(":")
            value, _, comment = rest.partition("#")
            ticks = [t for t in yaml.safe_load(value) or [] if t != "nothing"]
            out[stem.strip()] = (ticks, comment.strip())
    return out


def migrate_case(path: Path, answered: dict[str, tuple[list[str], str]]) -> list[str]:
    text = path.read_text(encoding="utf-8")
    case = yaml.safe_load(text)
    if case["questionnaire"] != "growth-readiness" or "pains_today" in case["answers"]:
        return []
    ticks, comment = answered[path.stem]
    lines = text.split("\n")
    changes = []
    kept = [line for line in lines if not re.match(r"^  top_customer_share:", line)]
    if len(kept) != len(lines):
        changes.append("top_customer_share removed (retired in 2.3)")
    at = next(i for i, line in enumerate(kept) if re.match(r"^  business_type:", line))
    said = (
        f"  # answered blind from the description: {comment}" if comment else "  # answered blind from the description"
    )
    kept.insert(at + 1, f"  pains_today: [{', '.join(ticks)}]{said}")
    changes.append(f"pains_today: {ticks}")
    path.write_text("\n".join(kept), encoding="utf-8")
    return changes


def main() -> None:
    answered = _answered()
    for path in sorted(HERE.glob("*.yaml")):
        for change in migrate_case(path, answered):
            print(f"{path.stem}: {change}")


if __name__ == "__main__":
    main()
