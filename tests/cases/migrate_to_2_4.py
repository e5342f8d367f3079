"""Carry the calibration cases from growth-readiness 2.3 to 2.4, mechanically.

Version 2.4 asks which big step the owner is weighing (``decision_ahead``, not
scored) and, to stay within 25 minutes, no longer asks ``published_lead_time``,
merged into ``order_process`` and ``promises_match``. This script removes only
the answer lines to the retired question and adds the new one, so the experts'
comments and notes stay as written:

* the answer to ``published_lead_time`` becomes a comment in place (retired; as an answer it would be
  ignored), so the expert's answer and note stay in the file;
* ``decision_ahead`` is added after ``owner_in_sales``, as a helper who saw only
  each description answered it (``decision-ahead/``: the brief, and the answers
  with the words of the description behind each), with that justification as
  its comment. It changes no score, finding or verdict.

``expect:`` blocks are not touched: an expected fix that names
``published_lead_time`` among its acceptable questions keeps it (it can no
longer be matched; the other questions of the entry still can). Run once, from
the repository root (running it again changes nothing):

    .venv/bin/python tests/cases/migrate_to_2_4.py
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
#: Answers files outside the cases that were written for 2.3 too: the demo and the surge tests' businesses.
OTHERS = [
    ROOT / "questionnaires" / "demo" / "frost-and-co.yaml",
    *sorted((ROOT / "tests" / "data" / "surge").glob("*.yaml")),
]


ANSWERED = HERE / "decision-ahead" / "answers.yaml"


def _answered() -> dict[str, tuple[str, str]]:
    """Each case's step and the helper's justification, as the helper wrote them."""
    out = {}
    for line in ANSWERED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            stem, _, rest = line.partition(":")
            value, _, comment = rest.partition("#")
            out[stem.strip()] = (value.strip(), comment.strip())
    return out


def migrate(path: Path, answered: dict[str, tuple[str, str]]) -> bool:
    """Drop the answer to the retired question and add the step weighed; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    kept = re.sub(
        r"(?m)^  (published_lead_time:.*)\n",
        r"  # retired in 2.4 (merged into order_process and promises_match); answered as: \1\n",
        text,
    )
    if path.stem in answered and not re.search(r"(?m)^  decision_ahead:", kept):
        value, comment = answered[path.stem]
        said = f"  # answered blind from the description: {comment}" if comment else ""
        kept = re.sub(r"(?m)^(  owner_in_sales:.*\n)", lambda m: f"{m.group(1)}  decision_ahead: {value}{said}\n", kept)
    if kept != text:
        path.write_text(kept, encoding="utf-8")
    return kept != text


if __name__ == "__main__":
    answered = _answered()
    changed = [p.name for p in [*sorted(HERE.glob("*.yaml")), *OTHERS] if migrate(p, answered)]
    print(f"{len(changed)} files migrated")
