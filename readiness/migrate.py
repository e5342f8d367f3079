"""Carrying a returning client's answers from one questionnaire version to the next.

An assessment answered on an old version keeps its snapshot and its scores
(storage keeps the exact questionnaire it was answered on, by content hash).
This module is for the *next* assessment: which old answers still mean the same
thing on the new version, which need a second look because the wording moved,
and which cannot be carried, so a client does not start from zero and nothing
is carried over silently with a new meaning.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

from readiness import expr
from readiness.answers import MAX_NOTE, Answer, AnswerSet, validate_answer, visible_questions
from readiness.errors import AnswerError
from readiness.model import (
    MultipleChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    ScaleQuestion,
    SingleChoiceQuestion,
    YesNoQuestion,
    tr,
)

Status = Literal["kept", "check", "dropped", "new"]


@dataclass(frozen=True)
class Item:
    """What happens to one question's answer."""

    question_id: str
    status: Status
    reason: str = ""
    answer: Answer | None = None


@dataclass(frozen=True)
class Migration:
    old_version: str
    new_version: str
    items: list[Item] = field(default_factory=list)

    def of(self, status: Status) -> list[Item]:
        return [i for i in self.items if i.status == status]

    @property
    def carried(self) -> dict[str, Answer]:
        return {i.question_id: i.answer for i in self.items if i.answer is not None}

    def summary(self) -> str:
        """The report a consultant reads before sending the new answers file to the client."""
        titles = {
            "kept": "carried over unchanged",
            "check": "carried over, but the question or its levels were reworded: check the answer",
            "dropped": "not carried over",
            "new": "new questions to answer",
        }
        lines = [f"Answers from version {self.old_version} to version {self.new_version}:"]
        for status in ("kept", "check", "dropped", "new"):
            items = self.of(status)  # type: ignore[arg-type]
            lines.append(f"  {titles[status]}: {len(items)}")
            if status == "kept":
                continue
            for item in items:
                lines.append(f"    - {item.question_id}" + (f": {item.reason}" if item.reason else ""))
        return "\n".join(lines) + "\n"


def _meaning(questionnaire: Questionnaire, question: Any) -> Any:
    """What an answer to the question means: its words and its answer ladder, not its weight or advice."""
    parts: list[Any] = [type(question).__name__, tr(question.text)]
    if isinstance(question, ScaleQuestion):
        options = questionnaire.scale(question.scale).options
        parts += [(o.value, tr(question.label_for(o)), tr(question.anchors.get(o.value))) for o in options]
    elif isinstance(question, YesNoQuestion):
        parts += [tr(question.anchors.get("yes")), tr(question.anchors.get("no"))]
    elif isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion):
        parts += [(o.id, tr(o.label), tr(o.description)) for o in question.options]
    elif isinstance(question, NumberQuestion):
        parts += [tr(question.unit), question.min, question.max]
    return parts


def _type_name(question: Any) -> str:
    return {
        ScaleQuestion: "a scale",
        YesNoQuestion: "yes/no",
        SingleChoiceQuestion: "a single choice",
        MultipleChoiceQuestion: "a multiple choice",
        NumberQuestion: "a number",
    }.get(type(question), "text")


def migrate_answers(old: Questionnaire, new: Questionnaire, answers: AnswerSet) -> Migration:
    """Which of ``answers`` (to ``old``) carry over to ``new``, and why each that does not.

    An answer is carried when the new version still asks a question with the
    same id and type and the answer is still allowed there; it is marked
    "check" when the question's words or its levels changed (the id staying
    the same says the meaning did, but the client should confirm). A carried
    answer to a question the new version no longer shows this business is not
    carried: it would be kept but never scored.
    """
    items: list[Item] = []
    candidates: dict[str, tuple[Answer, str]] = {}
    for question_id, answer in answers.answers.items():
        if not new.has_question(question_id):
            where = tr(new.retired.get(question_id)) if question_id in new.retired else ""
            reason = f"no longer asked: {where}" if where else "no longer asked"
            items.append(Item(question_id, "dropped", reason))
            continue
        before = old.question(question_id) if old.has_question(question_id) else None
        after = new.question(question_id)
        if before is not None and type(before) is not type(after):
            reason = f"now asked as {_type_name(after)} instead of {_type_name(before)}"
            items.append(Item(question_id, "dropped", reason))
            continue
        try:
            carried = validate_answer(new, question_id, _raw(answer), answer.note)
        except AnswerError as exc:
            items.append(Item(question_id, "dropped", f"the old answer no longer fits: {exc.problem.message}"))
            continue
        changed = before is None or _meaning(old, before) != _meaning(new, after)
        candidates[question_id] = (carried, "the wording changed" if changed else "")
    merged = _carry_retired(old, new, answers, candidates)
    items = [merged.get(i.question_id, i) for i in items]
    shown = visible_questions(new, {qid: a for qid, (a, _) in candidates.items()})
    for question_id, (carried, reason) in candidates.items():
        if question_id in shown:
            items.append(Item(question_id, "check" if reason else "kept", reason, carried))
            continue
        gates = _new_gates(old, new, question_id, candidates)
        if gates:  # hidden only until the client answers a question the old version did not ask
            condition = new.question(question_id).show_if
            why = f"asked only if {condition}: answer {', '.join(gates)} for it to count"
            items.append(Item(question_id, "check", why, carried))
        else:
            items.append(Item(question_id, "dropped", "not asked of this business in the new version"))
    answered = {i.question_id for i in items if i.answer is not None}
    for question in new.questions:
        if question.id in shown and question.id not in answered and question.id not in answers.answers:
            items.append(Item(question.id, "new"))
    order = {q.id: n for n, q in enumerate(new.questions)}
    items.sort(key=lambda i: order.get(i.question_id, -1))
    return Migration(old.version, new.version, items)


def _carry_retired(
    old: Questionnaire, new: Questionnaire, answers: AnswerSet, candidates: dict[str, tuple[Answer, str]]
) -> dict[str, Item]:
    """Carry answers to retired questions into the questions that absorbed them (``successors``).

    Updates ``candidates`` in place and returns the report line of each retired
    question whose answer was carried. When the client answered the successor
    too, the lower-scoring answer wins: a merged question asks for both halves,
    and the weaker half is what the business can rely on.
    """
    report: dict[str, Item] = {}
    for question_id, answer in answers.answers.items():
        if new.has_question(question_id) or question_id not in new.successors:
            continue
        rule = new.successors[question_id]
        if not new.has_question(rule.to) or answer.kind != "value":
            continue
        mapped = _mapped(rule, answer.value)
        if mapped is None:
            continue
        own = candidates.get(rule.to)
        notes = [n for n in ((own[0].note if own else ""), answer.note) if n]
        note = " ".join(dict.fromkeys(notes))
        if len(note) > MAX_NOTE:  # both notes together are too long to keep whole: keep the first whole
            note = notes[0]
        try:
            carried = validate_answer(new, rule.to, mapped, note)
        except AnswerError:
            continue
        what = f"merged with `{question_id}` (answered {_plain(answer.value)})"
        if own is None:
            candidates[rule.to] = (carried, f"carried from `{question_id}` (answered {_plain(answer.value)})")
        elif own[0].kind == "value" and _rank(new, rule.to, carried.value) < _rank(new, rule.to, own[0].value):
            candidates[rule.to] = (carried, "; ".join(filter(None, (own[1], f"{what}, which lowers it"))))
        else:
            kept = replace(own[0], note=carried.note)  # the retired answer's note travels with it
            candidates[rule.to] = (kept, "; ".join(filter(None, (own[1], f"{what}, which keeps it"))))
        report[question_id] = Item(question_id, "dropped", f"merged into {rule.to}: its answer is carried there")
    return report


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _mapped(rule: Any, value: Any) -> Any:
    """The successor's answer for a retired answer, or None when the rule does not carry it."""
    if rule.bands and isinstance(value, int | float) and not isinstance(value, bool):
        for band in rule.bands:
            if band.up_to is None or value <= band.up_to:
                return band.value
        return None
    return rule.values.get(_plain(value))


def _rank(questionnaire: Questionnaire, question_id: str, value: Any) -> float:
    """How good an answer is on its question's own ladder (higher is better), to keep the weaker of two."""
    question = questionnaire.question(question_id)
    if isinstance(question, SingleChoiceQuestion):
        return next((o.value for o in question.options if o.id == value), 0.0)
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    return float(value) if isinstance(value, int | float) else 0.0


def _new_gates(old: Questionnaire, new: Questionnaire, question_id: str, answered: Any) -> list[str]:
    """The questions new in ``new``, not answered yet, that the question's visibility depends on."""
    condition = new.question(question_id).show_if
    if condition is None:
        return []
    names = expr.parse(condition).names
    return [n for n in sorted(names) if not old.has_question(n) and n not in answered]


def _raw(answer: Answer) -> Any:
    plain = answer.to_plain()
    return plain["value"] if isinstance(plain, dict) else plain


def carried_file(new: Questionnaire, migration: Migration, answers: AnswerSet, fmt_name: str = "yaml") -> str:
    """The new version's answers file with the carried answers filled in, and why each stands as it does."""
    from readiness.answers_template import answers_file

    filled = {qid: a.to_plain() for qid, a in migration.carried.items()}
    notes = {}
    for item in migration.items:
        if item.status == "kept":
            notes[item.question_id] = f"Carried over from version {migration.old_version}."
        elif item.status == "check" and item.reason.startswith("asked only if"):
            notes[item.question_id] = f"Carried over from version {migration.old_version}; {item.reason}."
        elif item.status == "check":
            notes[item.question_id] = (
                f"Carried over from version {migration.old_version}, but {item.reason}: check the answer still holds."
            )
        elif item.status == "new":
            notes[item.question_id] = f"New in version {migration.new_version}."
        elif item.status == "dropped" and new.has_question(item.question_id):
            notes[item.question_id] = (
                f"Your version {migration.old_version} answer was not carried over ({item.reason}): answer again."
            )
    profile = answers.profile if answers.profile in {p.id for p in new.profiles} else None
    return answers_file(new, filled, fmt_name, business=answers.business or "", notes=notes, profile=profile)
