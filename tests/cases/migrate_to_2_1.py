"""Carry the calibration cases' answers from growth-readiness 2.0.0 to 2.1.0, mechanically.

Version 2.1 merged five questions into others (the questionnaire's ``retired``
and ``successors``). This script moves each case's answers with the product's
own code (:func:`readiness.migrate.migrate_answers`) and edits only those lines
of the case file, so comments and notes stay as the expert wrote them:

* the answer to a retired question is removed;
* its successor's answer is set to what ``migrate-answers`` carries (the lower
  of the two when both were answered), with a comment saying why, when it changed.

``expect:`` blocks are not touched here (a retired id named there is replaced by
its successor by hand, nothing else). Run once, from the repository root:

    .venv/bin/python tests/cases/migrate_to_2_1.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from readiness.answers import parse_answers
from readiness.loader import load_questionnaire
from readiness.migrate import migrate_answers
from readiness.model import Questionnaire

ROOT = Path(__file__).resolve().parents[2]
#: Version 2.0.0, kept as it shipped.
OLD = ROOT / "questionnaires" / "previous" / "growth-readiness-2.0.0.yaml"


def _old_questionnaire() -> Questionnaire:
    return load_questionnaire(OLD)


def _plain(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def migrate_case(path: Path, old: Questionnaire, new: Questionnaire) -> list[str]:
    """Carry one case file's answers (and rename retired ids in its ``expect:``); say what changed."""
    text = path.read_text(encoding="utf-8")
    case = yaml.safe_load(text)
    if case["questionnaire"] != "growth-readiness":  # the quick check retired nothing in 2.1
        return []
    payload = {k: case[k] for k in ("questionnaire", "profile", "answers") if k in case}
    answers, _ = parse_answers(old, payload, str(path))
    migration = migrate_answers(old, new, answers)
    carried = migration.carried
    lines = text.split("\n")
    changes: list[str] = []
    for item in migration.of("dropped"):  # now behind the surge_detail gate this case answered "no"
        if new.has_question(item.question_id) and item.reason == "not asked of this business in the new version":
            lines = [line for line in lines if not re.match(rf"^  {item.question_id}:", line)]
            changes.append(f"removed {item.question_id} ({item.reason})")
    for old_id, rule in new.successors.items():
        if old_id not in answers.answers:
            continue
        pattern = re.compile(rf"^  {old_id}:")
        lines = [line for line in lines if not pattern.match(line)]
        changes.append(f"removed {old_id}")
        target = rule.to
        after = carried.get(target)
        before = answers.answers.get(target)
        if after is None or (before is not None and after == before):
            continue
        reason = next(i.reason for i in migration.items if i.question_id == target)
        value = _plain(after.value) if after.kind == "value" else after.to_plain()
        if after.note:
            note = yaml.safe_dump(after.note, default_style='"', width=10**6).strip()
            new_line = f"  {target}: {{value: {value}, note: {note}}}"
        else:
            new_line = f"  {target}: {value}"
        at = next((n for n, line in enumerate(lines) if re.match(rf"^  {target}:", line)), None)
        comment = re.search(r"  # (.*)$", lines[at]) if at is not None else None
        if comment and '"' not in comment.group(1):
            new_line += f"  # {comment.group(1)}; v2.1 migration: {reason}"
        else:
            new_line += f"  # v2.1 migration: {reason}"
        if at is None:
            end = next(n for n, line in enumerate(lines) if line.startswith("expect:"))
            lines.insert(end, new_line)
        else:
            lines[at] = new_line
        changes.append(f"{target}: {_plain(before.value) if before else 'unanswered'} -> {value} ({reason})")
    text = "\n".join(lines)
    head, sep, expect = text.partition("\nexpect:")
    renamed = _rename_in_expect(expect, {old_id: rule.to for old_id, rule in new.successors.items()})
    if renamed != expect:
        changes.append("expect: retired ids replaced by their successors")
    path.write_text(head + sep + renamed, encoding="utf-8")
    return changes


def _rename_in_expect(expect: str, successors: dict[str, str]) -> str:
    """Replace each retired id named in ``expect:`` by its successor, once per list; nothing else."""
    lines = expect.split("\n")
    for n, line in enumerate(lines):
        if line.lstrip().startswith("#") or not any(re.search(rf"\b{old}\b", line) for old in successors):
            continue
        listed = re.match(r"^(\s*(?:- |[a-z_]+: )?)\[([^\]]*)\](.*)$", line)
        if listed:
            ids: list[str] = []
            for item in (x.strip() for x in listed.group(2).split(",")):
                if successors.get(item, item) not in ids:
                    ids.append(successors.get(item, item))
            lines[n] = f"{listed.group(1)}[{', '.join(ids)}]{listed.group(3)}"
        else:
            single = re.match(r"^(\s*- )([a-z_]+)\s*$", line)
            if single:
                lines[n] = single.group(1) + successors.get(single.group(2), single.group(2))
    return "\n".join(lines)


def main() -> int:
    old = _old_questionnaire()
    new = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    for path in sorted((ROOT / "tests" / "cases").glob("*.yaml")):
        print(f"{path.stem}: {'; '.join(migrate_case(path, old, new)) or 'nothing to carry'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
