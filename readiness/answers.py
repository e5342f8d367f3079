"""Answers: checking them against their questionnaire, and which questions are shown.

One function, :func:`validate_answer`, decides whether a single answer is
acceptable; the app calls it as a person types, the answers-file reader calls
it for every line, so both give the same message naming the question.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from readiness import expr
from readiness.errors import AnswerError, AnswersError, Problem, with_excerpts
from readiness.markup import plain_number
from readiness.model import (
    DONT_KNOW,
    NOT_APPLICABLE,
    MultipleChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    ScaleQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    YesNoQuestion,
    tr,
)
from readiness.store.text import NOTE_LIMIT
from readiness.yamlsource import Source, parse_json, parse_yaml, read_text

Kind = Literal["value", "na", "dont_know"]

_NA_WORDS = {NOT_APPLICABLE, "n/a", "not_applicable", "not applicable"}
_DONT_KNOW_WORDS = {DONT_KNOW, "don't know", "dont know", "unknown", "?"}
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}
#: Keys an answers file may have besides `answers`; `help` is written by
#: `readiness template --format json` and ignored.
_META_KEYS = ("questionnaire", "questionnaire_version", "business", "profile", "date", "language", "answers", "help")
#: Longest note, and longest free-text answer, an answer keeps: what the database stores. A longer one is
#: refused with a message, never cut: cutting a pasted note would lose its end without anyone knowing.
MAX_NOTE = NOTE_LIMIT


@dataclass(frozen=True)
class Answer:
    """One stored answer. ``value`` is normalised by question type:

    scale → float, yes_no → bool, single_choice → option id, multiple_choice →
    tuple of option ids, number → float, text → str. Special answers have
    ``kind`` ``na`` or ``dont_know`` and ``value`` None.
    """

    question_id: str
    kind: Kind = "value"
    value: Any = None
    note: str | None = None

    def to_plain(self) -> Any:
        """The value as written in an answers file."""
        if self.kind == "na":
            plain: Any = NOT_APPLICABLE
        elif self.kind == "dont_know":
            plain = DONT_KNOW
        elif isinstance(self.value, tuple):
            plain = list(self.value)
        elif isinstance(self.value, float) and self.value.is_integer():
            plain = int(self.value)
        else:
            plain = self.value
        return {"value": plain, "note": self.note} if self.note else plain


@dataclass(frozen=True)
class AnswerSet:
    """A business's answers to one questionnaire, with what the file said about them."""

    answers: Mapping[str, Answer] = field(default_factory=dict)
    questionnaire_id: str | None = None
    questionnaire_version: str | None = None
    business: str | None = None
    profile: str | None = None
    date: str | None = None
    language: str | None = None

    def get(self, question_id: str) -> Answer | None:
        return self.answers.get(question_id)

    def with_answer(self, answer: Answer) -> AnswerSet:
        return replace(self, answers={**self.answers, answer.question_id: answer})

    def to_plain(self) -> dict[str, Any]:
        """The answers-file form (YAML/JSON), round-trippable through :func:`parse_answers`."""
        meta = {
            "questionnaire": self.questionnaire_id,
            "questionnaire_version": self.questionnaire_version,
            "business": self.business,
            "profile": self.profile,
            "date": self.date,
            "language": self.language,
        }
        plain: dict[str, Any] = {k: v for k, v in meta.items() if v is not None}
        plain["answers"] = {qid: a.to_plain() for qid, a in self.answers.items()}
        return plain


def allowed_values(questionnaire: Questionnaire, question: Any, lang: str = "en") -> str:
    """Human-readable list of what a question accepts (used in errors and templates)."""
    if isinstance(question, ScaleQuestion):
        options = questionnaire.scale(question.scale).options
        text = ", ".join(f"{_num(o.value)} ({tr(question.label_for(o), lang)})" for o in options)
    elif isinstance(question, YesNoQuestion):
        text = "yes, no"
    elif isinstance(question, SingleChoiceQuestion):
        text = ", ".join(o.id for o in question.options)
    elif isinstance(question, MultipleChoiceQuestion):
        text = "a list of: " + ", ".join(o.id for o in question.options)
    elif isinstance(question, NumberQuestion):
        low = "" if question.min is None else f"from {_num(question.min)} "
        high = "" if question.max is None else f"up to {_num(question.max)}"
        kind = "a whole number" if question.integer else "a number"
        text = f"{kind} {low}{high}".strip()
    else:
        text = "any text"
    extras = [w for w, ok in ((NOT_APPLICABLE, question.allow_na), (DONT_KNOW, question.allow_dont_know)) if ok]
    return text + (f" (or {', '.join(extras)})" if extras else "")


def _num(value: float) -> str:
    return plain_number(value, typographic=False)


def validate_answer(
    questionnaire: Questionnaire, question_id: str, raw: Any, note: Any = None, file: str | None = None
) -> Answer:
    """Normalise one raw answer or raise :class:`AnswerError` naming the question."""
    if not questionnaire.has_question(question_id):
        ids = [q.id for q in questionnaire.questions]
        raise AnswerError(
            Problem(
                "RA100",
                f"`{_short(question_id, 40)}` is not a question of {questionnaire.id}{_did_you_mean(question_id, ids)}",
                file,
                path=f"answers.{question_id}",
            )
        )
    question = questionnaire.question(question_id)

    def fail(code: str, message: str) -> AnswerError:
        text = tr(question.text)
        return AnswerError(
            Problem(code, f"question `{question_id}` ({_short(text)}): {message}", file, path=f"answers.{question_id}")
        )

    if note is not None and not isinstance(note, str):
        raise fail("RA108", "the note must be text")
    if isinstance(note, str):
        note = note.strip()
        if len(note) > MAX_NOTE:
            raise fail(
                "RA112",
                f"the note is {len(note):,} characters long; at most {MAX_NOTE:,} can be kept",
            )
        note = note or None
    if isinstance(raw, str) and not isinstance(question, TextQuestion | SingleChoiceQuestion):
        word = raw.strip().lower()
    elif isinstance(raw, str):
        word = raw.strip()
    else:
        word = None
    if word is not None and word.lower() in _NA_WORDS:
        if not question.allow_na:
            raise fail("RA103", "'not applicable' is not allowed here")
        return Answer(question_id, "na", None, note)
    if word is not None and word.lower() in _DONT_KNOW_WORDS:
        if not question.allow_dont_know:
            raise fail("RA104", "'don't know' is not allowed here")
        return Answer(question_id, "dont_know", None, note)

    allowed = allowed_values(questionnaire, question)

    def bad() -> AnswerError:
        close = _close_value(questionnaire, question, raw)
        return fail("RA101", f"{raw!r} is not an allowed answer{close}; allowed: {allowed}")

    value: Any
    if isinstance(question, ScaleQuestion):
        value = _scale_value(questionnaire, question, raw)
        if value is None:
            raise bad()
    elif isinstance(question, YesNoQuestion):
        if isinstance(raw, bool):
            value = raw
        elif isinstance(raw, int) and raw in (0, 1):
            value = bool(raw)
        elif word in _YES:
            value = True
        elif word in _NO:
            value = False
        else:
            raise bad()
    elif isinstance(question, SingleChoiceQuestion):
        value = _option_id(question, raw)
        if value is None:
            raise bad()
    elif isinstance(question, MultipleChoiceQuestion):
        items = raw
        if isinstance(raw, str):
            items = [part for part in (p.strip() for p in raw.split(",")) if part]
        if not isinstance(items, list | tuple):
            raise bad()
        ids = []
        for item in items:
            option = _option_id(question, item)
            if option is None:
                close = _close_value(questionnaire, question, item)
                raise fail("RA101", f"{item!r} is not an option{close}; allowed: {allowed}")
            if option not in ids:
                ids.append(option)
        order = [o.id for o in question.options]
        value = tuple(sorted(ids, key=order.index))
    elif isinstance(question, NumberQuestion):
        number = _number(raw)
        if number is None:
            raise fail("RA101", f"{raw!r} is not a number")
        if question.integer and not float(number).is_integer():
            raise fail("RA101", f"{_num(number)} is not a whole number")
        if (question.min is not None and number < question.min) or (question.max is not None and number > question.max):
            raise fail("RA102", f"{_num(number)} is outside the allowed range: {allowed}")
        value = float(number)
    else:
        if isinstance(raw, dict | list):
            raise fail("RA101", "the answer must be text")
        value = "" if raw is None else str(raw).strip()
        if len(value) > MAX_NOTE:
            raise fail("RA101", f"the answer is {len(value):,} characters long; at most {MAX_NOTE:,} are kept")
    return Answer(question_id, "value", value, note)


def _close_value(questionnaire: Questionnaire, question: Any, raw: Any) -> str:
    """ "; did you mean `spreadsheet`?" for a misspelt option id or label (nothing for other questions)."""
    if not isinstance(raw, str) or not raw.strip():
        return ""
    if isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion):
        words = [tr(o.label) for o in question.options] + [o.id for o in question.options]  # ids win a tie
    elif isinstance(question, ScaleQuestion):
        options = questionnaire.scale(question.scale).options
        words = [tr(question.label_for(o)) for o in options] + [tr(o.label) for o in options]
    elif isinstance(question, YesNoQuestion):
        words = ["yes", "no"]
    else:
        return ""
    lowered = {w.lower(): w for w in words}
    close = difflib.get_close_matches(raw.strip().lower(), list(lowered), n=1, cutoff=0.6)
    return f"; did you mean `{lowered[close[0]]}`?" if close else ""


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    try:  # an integer too large for a float is not a number anyone typed on purpose
        if isinstance(raw, int | float):
            number = float(raw)
        elif isinstance(raw, str):
            number = float(raw.strip().replace(",", ""))
        else:
            return None
    except (ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _scale_value(questionnaire: Questionnaire, question: ScaleQuestion, raw: Any) -> float | None:
    options = questionnaire.scale(question.scale).options
    number = _number(raw)
    if number is not None:
        for option in options:
            if abs(option.value - number) < 1e-9:
                return option.value
        return None
    if isinstance(raw, str):
        for own in (True, False):  # the question's own level names first, then the shared scale's
            for option in options:
                label = question.label_for(option) if own else option.label
                labels = [label] if isinstance(label, str) else list(label.values())
                if raw.strip().lower() in (text.lower() for text in labels):
                    return option.value
    return None


def _option_id(question: SingleChoiceQuestion | MultipleChoiceQuestion, raw: Any) -> str | None:
    if not isinstance(raw, str):
        return None
    key = raw.strip()
    for option in question.options:
        if option.id == key:
            return option.id
    for option in question.options:
        labels = [option.label] if isinstance(option.label, str) else list(option.label.values())
        if key.lower() in (label.lower() for label in labels):
            return option.id
    return None


# --- visibility ---------------------------------------------------------------


def condition_value(answer: Answer | None) -> Any:
    """What a condition sees for an answer: the value, or None when there is none."""
    if answer is None or answer.kind != "value":
        return None
    if isinstance(answer.value, tuple):
        return list(answer.value)
    return answer.value


def visible_questions(questionnaire: Questionnaire, answers: Mapping[str, Answer]) -> set[str]:
    """Ids of the questions shown for these answers.

    A question hidden by its ``show_if`` hides its answer from later
    conditions too, so a chain of follow-up questions collapses together.
    """
    shown: set[str] = set()
    values: dict[str, Any] = {}
    for question in questionnaire.questions:
        if question.show_if is None or expr.parse(question.show_if).evaluate(values):
            shown.add(question.id)
            values[question.id] = condition_value(answers.get(question.id))
    return shown


@dataclass(frozen=True)
class Count:
    """How many questions a person is shown and how many of them they have answered.

    The one count every screen and report uses (home, sidebar, steps,
    results, reports, workshops), so the numbers agree for every business
    type. "Answered" means any answer: a value, "not applicable" or
    "don't know". Questions hidden by a condition are not counted; text
    questions are (they are asked like any other), except a note that only
    names another answer in the owner's words (``describes``): it is
    optional, and leaving it empty must not keep an assessment from being
    complete.
    """

    answered: int
    shown: int
    by_dimension: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def fraction(self) -> float:
        return self.answered / self.shown if self.shown else 1.0

    def of(self, dimension_id: str) -> tuple[int, int]:
        """(answered, shown) in one dimension."""
        return self.by_dimension.get(dimension_id, (0, 0))


def count_answers(questionnaire: Questionnaire, answers: Mapping[str, Answer]) -> Count:
    shown = visible_questions(questionnaire, answers)
    per: dict[str, list[int]] = {d.id: [0, 0] for d in questionnaire.dimensions}
    for question in questionnaire.questions:
        if question.id in shown and not question.optional:
            cell = per[question.dimension]
            cell[1] += 1
            cell[0] += question.id in answers
    answered = sum(a for a, _ in per.values())
    return Count(answered, sum(n for _, n in per.values()), {k: (a, n) for k, (a, n) in per.items()})


# --- answers files ------------------------------------------------------------


def load_answers(questionnaire: Questionnaire, path: str | Path) -> tuple[AnswerSet, list[Problem]]:
    """Read a YAML or JSON answers file; raise :class:`AnswersError` with every problem."""
    text, problems = read_text(str(path), code="RA001")
    if text is None:
        raise AnswersError(problems, f"cannot read answers {path}")
    return parse_answers(questionnaire, text, str(path))


def parse_answers(
    questionnaire: Questionnaire, text_or_data: str | Mapping[str, Any], file: str = "<answers>"
) -> tuple[AnswerSet, list[Problem]]:
    """Check answers against the questionnaire; return them with warnings, or raise with all errors.

    A file is read with the same guarantees as a questionnaire (bounded depth and
    numbers, duplicate keys refused, every key located); a syntax error in one
    answer does not hide problems in the others.
    """
    text = text_or_data if isinstance(text_or_data, str) else None
    if text is not None:
        if text.lstrip().startswith("{"):
            source, problems = parse_json(text, file, syntax_code="RA002")
        else:
            source, problems = parse_yaml(text, file)
        if source.data is None:
            if not problems:
                problems = [Problem("RA002", "the file holds no answers", file)]
            raise AnswersError(with_excerpts(problems, text, file), f"cannot read answers {file}")
        data: Any = source.data
    else:
        source, problems, data = Source(data=None, file=file), [], dict(text_or_data)

    def at(code: str, message: str, *path: Any, value: bool = False, fix: str | None = None) -> Problem:
        line, column = source.locate(path, value)
        return Problem(code, message, file, line, column, ".".join(str(p) for p in path), fix=fix)

    def done(problems: list[Problem]) -> list[Problem]:
        return with_excerpts(problems, text, file) if text is not None else problems

    if not isinstance(data, dict) or not isinstance(data.get("answers", {}), dict | None):
        where = ("answers",) if isinstance(data, dict) else ()
        problems.append(
            at("RA002", "expected a mapping with an `answers:` mapping of question id to value", *where, value=True)
        )
        raise AnswersError(done(problems), f"cannot read answers {file}")
    for key in data:
        if key not in _META_KEYS:
            suggestion = _did_you_mean(str(key), list(_META_KEYS))
            problems.append(at("RA002", f"unknown key `{key}`{suggestion or '; answers go under `answers:`'}", key))
    qid = data.get("questionnaire")
    if qid is not None and qid != questionnaire.id:
        problems.append(at("RA106", f"answers are for `{qid}`, not `{questionnaire.id}`", "questionnaire", value=True))
    version = data.get("questionnaire_version")
    if version is not None and str(version) != questionnaire.version:
        problems.append(
            at(
                "RA110",
                f"answers were written for version {version}; the questionnaire is version {questionnaire.version}",
                "questionnaire_version",
                value=True,
            )
        )
    profile = data.get("profile")
    if profile is not None and (not isinstance(profile, str) or profile not in {p.id for p in questionnaire.profiles}):
        known = [p.id for p in questionnaire.profiles]
        problems.append(
            at(
                "RA107",
                f"unknown profile `{profile}`{_did_you_mean(str(profile), known)}",
                "profile",
                value=True,
                fix=f"Choose one of: {', '.join(known)}.",
            )
        )

    answers: dict[str, Answer] = {}
    failed: set[str] = set()
    for question_id, entry in (data.get("answers") or {}).items():
        raw, note = entry, None
        if source.is_broken(("answers", question_id)):
            failed.add(str(question_id))  # its line has a syntax error, reported already
            continue
        if isinstance(entry, dict):
            if "value" not in entry:
                problems.append(
                    at("RA002", f"`{question_id}`: a mapping answer needs a `value`", "answers", question_id)
                )
                failed.add(str(question_id))
                continue
            raw, note = entry.get("value"), entry.get("note")
            extra = [k for k in entry if k not in ("value", "note")]
            if extra:
                problems.append(
                    at(
                        "RA002",
                        f"`{question_id}`: unknown key `{extra[0]}` (use `value` and `note`)",
                        "answers",
                        question_id,
                        extra[0],
                    )
                )
        if raw is None:  # left blank in a template (or unreadable, reported above): unanswered
            continue
        if str(question_id) in questionnaire.retired and not questionnaire.has_question(str(question_id)):
            # an answers file from an earlier version: say where the topic went, score the rest
            where = tr(questionnaire.retired[str(question_id)])
            problems.append(
                at(
                    "RA111",
                    f"`{question_id}` is no longer asked in version {questionnaire.version} "
                    f"({where.rstrip('.')}); its answer is ignored",
                    "answers",
                    question_id,
                )
            )
            continue
        try:
            answers[str(question_id)] = validate_answer(questionnaire, str(question_id), raw, note, file)
        except AnswerError as exc:
            failed.add(str(question_id))
            on_value = exc.problem.code != "RA100"
            part = "note" if exc.problem.code in ("RA108", "RA112") else "value"
            where = ("answers", question_id, part) if isinstance(entry, dict) else ("answers", question_id)
            line, column = source.locate(where, on_value)
            problems.append(replace(exc.problem, line=line, column=column))

    shown = visible_questions(questionnaire, answers)
    for question_id in answers:
        if question_id not in shown and not _depends_on(questionnaire, question_id, failed):
            problems.append(
                at(
                    "RA105",
                    f"`{question_id}` is hidden by its condition "
                    f"({questionnaire.question(question_id).show_if}); its answer is not scored",
                    "answers",
                    question_id,
                )
            )
    errors = [p for p in problems if p.is_error]
    if errors:
        raise AnswersError(done(problems), f"{file}: {len(errors)} problem(s) in answers")
    when = data.get("date")
    answer_set = AnswerSet(
        answers=answers,
        questionnaire_id=qid if isinstance(qid, str) else questionnaire.id,
        questionnaire_version=str(version) if version is not None else questionnaire.version,
        business=str(data["business"]) if data.get("business") is not None else None,
        profile=profile if isinstance(profile, str) else None,
        date=when.isoformat() if isinstance(when, date | datetime) else (str(when) if when else None),
        language=str(data["language"]) if data.get("language") else None,
    )
    return answer_set, done(problems)


def _depends_on(questionnaire: Questionnaire, question_id: str, failed: set[str]) -> bool:
    """Whether the question's visibility hangs, directly or through a chain, on a failed answer.

    A wrong answer to a gate question is not seen by conditions, so its
    follow-ups look hidden; saying so would only echo the first error.
    """
    if not failed:
        return False
    seen: set[str] = set()
    todo = [question_id]
    while todo:
        current = todo.pop()
        condition = questionnaire.question(current).show_if if questionnaire.has_question(current) else None
        if condition is None:
            continue
        for name in expr.parse(condition).names:
            if name in failed:
                return True
            if name not in seen:
                seen.add(name)
                todo.append(name)
    return False


def _did_you_mean(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


def answers_from_pairs(questionnaire: Questionnaire, pairs: Iterable[tuple[str, Any]]) -> AnswerSet:
    """Build an answer set from (question id, raw value) pairs; raise on the first bad one."""
    answers = {qid: validate_answer(questionnaire, qid, raw) for qid, raw in pairs}
    return AnswerSet(answers=answers, questionnaire_id=questionnaire.id, questionnaire_version=questionnaire.version)
