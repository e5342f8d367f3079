"""What a form needs to ask a questionnaire, independent of any UI toolkit.

A page renders :class:`Field` objects and hands widget values back to
:func:`to_answer`; everything that decides what a widget value *means* lives
here, where it is tested without a browser. The steps of an assessment, its
progress and what is still missing are computed here too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from readiness import expr
from readiness.answers import Answer, Count, count_answers, validate_answer, visible_questions
from readiness.model import (
    DONT_KNOW,
    NOT_APPLICABLE,
    MultipleChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    SingleChoiceQuestion,
    TextQuestion,
    YesNoQuestion,
    tr,
)

#: Keys of the special answers in choice widgets.
NA_KEY = "__na__"
DK_KEY = "__dont_know__"
#: "None of these" for a multiple choice: an explicit empty answer, so that
#: ticking nothing is never mistaken for having answered.
NONE_KEY = "__none__"
SPECIAL_LABELS = {NONE_KEY: "None of these", NA_KEY: "Not applicable", DK_KEY: "Don't know"}

Widget = Literal["choice", "multi", "number", "text"]


@dataclass(frozen=True)
class Choice:
    key: str
    label: str
    caption: str = ""


@dataclass(frozen=True)
class Field:
    """One question, ready to render."""

    question_id: str
    widget: Widget
    label: str
    help: str
    choices: tuple[Choice, ...] = ()
    #: the special answers offered (``NA_KEY``, ``DK_KEY``); in choice widgets
    #: they are the last choices, elsewhere a separate control.
    special: tuple[Choice, ...] = ()
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    critical: bool = False
    #: An evidence note is offered under the answer, except on a question an optional note already names in
    #: the owner's words (the step weighed): no second box for the same words.
    notes: bool = True


def field_for(questionnaire: Questionnaire, question: Any, lang: str = "en") -> Field:
    special = tuple(
        Choice(key, SPECIAL_LABELS[key])
        for key, allowed in ((NA_KEY, question.allow_na), (DK_KEY, question.allow_dont_know))
        if allowed
    )
    common = {
        "question_id": question.id,
        "label": tr(question.text, lang),
        "help": tr(question.help, lang),
        "special": special,
        "critical": question.critical,
        "notes": not questionnaire.described(question.id),
    }
    if isinstance(question, MultipleChoiceQuestion):
        choices = tuple(Choice(o.id, tr(o.label, lang), tr(o.description, lang)) for o in question.options)
        common["special"] = (Choice(NONE_KEY, SPECIAL_LABELS[NONE_KEY]), *special)
        return Field(widget="multi", choices=choices, **common)
    if isinstance(question, NumberQuestion):
        return Field(
            widget="number",
            unit=tr(question.unit, lang),
            minimum=question.min,
            maximum=question.max,
            integer=question.integer,
            **common,
        )
    if isinstance(question, TextQuestion):
        return Field(widget="text", **common)
    if isinstance(question, SingleChoiceQuestion):
        choices = tuple(Choice(o.id, tr(o.label, lang), tr(o.description, lang)) for o in question.options)
    elif isinstance(question, YesNoQuestion):
        choices = (
            Choice("yes", "Yes", tr(question.anchors.get("yes"), lang)),
            Choice("no", "No", tr(question.anchors.get("no"), lang)),
        )
    else:  # scale: the options in scale order, each with this question's anchor
        choices = tuple(
            Choice(_key(o.value), tr(question.label_for(o), lang), tr(question.anchors.get(o.value), lang))
            for o in questionnaire.scale(question.scale).options
        )
    return Field(widget="choice", choices=choices, **common)


def _key(value: float) -> str:
    return f"{value:g}"


def widget_value(field: Field, answer: Answer | None) -> tuple[Any, str | None]:
    """(value for the main widget, special key or None) that shows ``answer``."""
    special = None
    if answer is not None and answer.kind == "na":
        special = NA_KEY
    elif answer is not None and answer.kind == "dont_know":
        special = DK_KEY
    value = answer.value if answer is not None and answer.kind == "value" else None
    if field.widget == "choice":
        if special:
            return special, None
        if value is None:
            return None, None
        if isinstance(value, bool):
            return ("yes" if value else "no"), None
        return (_key(value) if isinstance(value, float | int) else str(value)), None
    if field.widget == "multi":
        if answer is not None and answer.kind == "value" and not value:
            return [], NONE_KEY
        return (list(value) if value else []), special
    if field.widget == "number":
        return value, special
    return (value or ""), special


def to_answer(
    questionnaire: Questionnaire,
    field: Field,
    value: Any,
    special: str | None = None,
    note: str | None = None,
) -> Answer | None:
    """The answer a widget value means; None when it means "unanswered".

    Raises :class:`~readiness.errors.AnswerError` (naming the question) when
    the value is not acceptable, e.g. a number out of range.
    """
    if field.widget == "choice" and value in (NA_KEY, DK_KEY):
        special, value = value, None
    if special == NA_KEY:
        return validate_answer(questionnaire, field.question_id, NOT_APPLICABLE, note)
    if special == DK_KEY:
        return validate_answer(questionnaire, field.question_id, DONT_KNOW, note)
    if field.widget == "multi":
        if special == NONE_KEY:
            return validate_answer(questionnaire, field.question_id, [], note)
        if not value:
            return None
        return validate_answer(questionnaire, field.question_id, list(value), note)
    if value is None or (field.widget == "text" and not str(value).strip()):
        return None
    return validate_answer(questionnaire, field.question_id, value, note)


# --- steps and progress ---------------------------------------------------------


@dataclass(frozen=True)
class StepInfo:
    """One page of the assessment: a dimension, with its visible questions."""

    index: int
    id: str
    title: str
    description: str
    questions: tuple[str, ...]
    answered: int
    #: Shown questions an answer is asked for: ``questions`` less an optional note naming another answer in the
    #: owner's words (``describes``), which is drawn but never "left" to answer.
    asked: int | None = None

    @property
    def total(self) -> int:
        return len(self.questions) if self.asked is None else self.asked

    @property
    def left(self) -> int:
        return self.total - self.answered

    @property
    def done(self) -> bool:
        return self.answered >= self.total


def steps(questionnaire: Questionnaire, answers: Mapping[str, Answer], lang: str = "en") -> list[StepInfo]:
    """The steps (one per dimension) with the questions currently shown in each.

    Counts come from :func:`~readiness.answers.count_answers`, the one count
    every screen uses.
    """
    shown = visible_questions(questionnaire, answers)
    counts = count_answers(questionnaire, answers)
    return [
        StepInfo(
            index=index,
            id=dim.id,
            title=tr(dim.title, lang),
            description=tr(dim.description, lang),
            questions=tuple(q.id for q in questionnaire.questions_in(dim.id) if q.id in shown),
            answered=counts.of(dim.id)[0],
            asked=counts.of(dim.id)[1],
        )
        for index, dim in enumerate(questionnaire.dimensions)
    ]


def progress(questionnaire: Questionnaire, answers: Mapping[str, Answer]) -> Count:
    """Answered out of shown questions: :func:`~readiness.answers.count_answers`, under the form's name."""
    return count_answers(questionnaire, answers)


@dataclass(frozen=True)
class Review:
    """What is left to do before finishing, per step: the "Review and finish" screen's content."""

    unanswered: list[tuple[StepInfo, list[tuple[str, str]]]]
    dont_know: list[tuple[StepInfo, list[tuple[str, str]]]]
    not_applicable: list[tuple[StepInfo, list[tuple[str, str]]]]

    @property
    def complete(self) -> bool:
        return not self.unanswered


def dont_know_words(questionnaire: Questionnaire, to_do: Review) -> str:
    """What a "don't know" does, said under the review's list of them. "Each counts as the lowest answer and is
    listed as a finding" read wrong for a demand question (a browser pass: a bakery's unknown order growth was
    listed nowhere, and counted as the most growth): demand is the weather, never a finding, and an unknown
    figure there counts as the most demand, the cautious reading (docs/scoring.md section 1)."""
    sides = {
        questionnaire.dimension(questionnaire.question(qid).dimension).side
        for _, items in to_do.dont_know
        for qid, _ in items
    }
    said = []
    if sides - {"demand"}:
        said.append(
            ("On your operations, each" if "demand" in sides else "Each")
            + " counts as the lowest answer and is listed as a finding: finding out is often the cheapest fix."
        )
    if "demand" in sides:
        said.append(
            ("On the demand side, each" if len(sides) > 1 else "Each")
            + " counts as the most demand, the cautious reading, so the verdict does not lean on a guess."
        )
    return " ".join([*said, "Change it here if you can find out now."])


def review(questionnaire: Questionnaire, answers: Mapping[str, Answer], lang: str = "en") -> Review:
    """Per step, the (id, text) of shown questions unanswered, answered "don't know" and "not applicable"."""

    def pick(step: StepInfo, test: Any) -> list[tuple[str, str]]:
        return [
            (qid, tr(questionnaire.question(qid).text, lang)) for qid in step.questions if test(answers.get(qid), qid)
        ]

    groups: dict[str, list[tuple[StepInfo, list[tuple[str, str]]]]] = {"none": [], "dk": [], "na": []}
    optional = {q.id for q in questionnaire.questions if q.optional}
    tests = {
        "none": lambda a, qid: a is None and qid not in optional,  # an empty optional note is not left to do
        "dk": lambda a, _: a is not None and a.kind == "dont_know",
        "na": lambda a, _: a is not None and a.kind == "na",
    }
    for step in steps(questionnaire, answers, lang):
        for name, test in tests.items():
            items = pick(step, test)
            if items:
                groups[name].append((step, items))
    return Review(groups["none"], groups["dk"], groups["na"])


def missing(
    questionnaire: Questionnaire, answers: Mapping[str, Answer], lang: str = "en"
) -> list[tuple[StepInfo, list[tuple[str, str]]]]:
    """Per step, the (id, text) of shown questions still unanswered."""
    return review(questionnaire, answers, lang).unanswered


def business_kind_question(questionnaire: Questionnaire) -> SingleChoiceQuestion | None:
    """The question that a "kind of business" chosen at the start answers, if any.

    By convention a single-choice question with id ``business_type`` whose
    options include ``goods`` and ``services``.
    """
    if not questionnaire.has_question("business_type"):
        return None
    question = questionnaire.question("business_type")
    if isinstance(question, SingleChoiceQuestion) and {"goods", "services"} <= {o.id for o in question.options}:
        return question
    return None


@dataclass(frozen=True)
class StartAnswer:
    """The kind of business chosen on the start page, as the answer to the gate question it is.

    It counts as answered like any answer (one count everywhere), so a fresh assessment reads
    "1 of N answered" before a question of the form is touched; the form names this answer, so
    the person can see which one it is and where to change it.
    """

    question: str
    answer: str
    step: int  # index of the step (dimension) that asks it
    step_title: str


def answered_at_start(
    questionnaire: Questionnaire, answers: Mapping[str, Answer], kind: str | None, lang: str = "en"
) -> StartAnswer | None:
    """The gate question's answer when it is still the kind chosen on the start page (None otherwise:
    no gate, no kind chosen, or the answer has been changed in the form since)."""
    gate = business_kind_question(questionnaire)
    given = answers.get("business_type")
    if gate is None or kind is None or given is None or given.kind != "value" or given.value != kind:
        return None
    option = next((o for o in gate.options if o.id == kind), None)
    if option is None:
        return None
    step = [d.id for d in questionnaire.dimensions].index(gate.dimension)
    title = tr(questionnaire.dimensions[step].title, lang)
    return StartAnswer(tr(gate.text, lang), tr(option.label, lang), step, title)


def questions_asked(questionnaire: Questionnaire, kind: str | None = None) -> int:
    """How many questions a business of this kind is shown before answering anything else.

    The same count as the sidebar's (:func:`~readiness.answers.count_answers`),
    so the number promised on the start page is the number then asked.
    """
    answers: dict[str, Answer] = {}
    if kind is not None and business_kind_question(questionnaire) is not None:
        answers["business_type"] = Answer("business_type", "value", kind)
    return count_answers(questionnaire, answers).shown


#: Seconds a person takes to answer one question, by kind: reading a choice and
#: picking one, or finding or estimating a number. Rough estimates (not timed with
#: real users yet), used to say on the start page how long it takes.
SECONDS_PER_CHOICE = 20
SECONDS_PER_NUMBER = 30


def minutes_asked(questionnaire: Questionnaire, kind: str | None = None) -> int:
    """About how many minutes the questions a business of this kind is shown take to answer.

    Counted over the same questions as :func:`questions_asked`: a number takes
    longer than a choice because people look it up or work it out.
    """
    answers: dict[str, Answer] = {}
    if kind is not None and business_kind_question(questionnaire) is not None:
        answers["business_type"] = Answer("business_type", "value", kind)
    shown = visible_questions(questionnaire, answers)
    seconds = sum(
        SECONDS_PER_NUMBER if isinstance(q, NumberQuestion | TextQuestion) else SECONDS_PER_CHOICE
        for q in questionnaire.questions
        if q.id in shown
    )
    return max(1, round(seconds / 60))


def minutes_range(questionnaire: Questionnaire) -> tuple[int, int]:
    """(shortest, longest) time in minutes, over the kinds of business the questionnaire tells apart."""
    gate = business_kind_question(questionnaire)
    kinds = [o.id for o in gate.options] if gate is not None else [None]
    minutes = [minutes_asked(questionnaire, kind) for kind in kinds]
    return min(minutes), max(minutes)


def questions_range(questionnaire: Questionnaire) -> tuple[int, int]:
    """(fewest, most) questions asked, over the kinds of business the questionnaire tells apart."""
    gate = business_kind_question(questionnaire)
    kinds = [o.id for o in gate.options] if gate is not None else [None]
    counts = [questions_asked(questionnaire, kind) for kind in kinds]
    return min(counts), max(counts)


def questions_at_most(questionnaire: Questionnaire, kind: str | None = None) -> int:
    """The most questions a business of this kind can be shown once its answers open every follow-up.

    The start page promises a count; follow-ups (the optional stress-test figures, questions about a
    known event) then add to it, and a person who sees "64" grow to "75" mid-way feels misled. Found by
    trying, for each question a ``show_if`` reads, the values its conditions compare against (and one
    beside each number, for ``!= 0``), keeping whichever shows the most: a few dozen counts, no search.
    """
    base: dict[str, Answer] = {}
    if kind is not None and business_kind_question(questionnaire) is not None:
        base["business_type"] = Answer("business_type", "value", kind)
    tried: dict[str, list[Any]] = {}
    for question in questionnaire.questions:
        if question.show_if is None:
            continue
        condition = expr.parse(question.show_if)
        for name in condition.names:  # a yes/no gate is compared with the word true, not a literal
            gate = questionnaire.question(name) if questionnaire.has_question(name) else None
            if name not in base and isinstance(gate, YesNoQuestion):
                tried.setdefault(name, [True, False])
        for name, literal in condition.literal_comparisons():
            if name in base or not questionnaire.has_question(name):
                continue
            values = tried.setdefault(name, [])
            extra = [literal + 1] if isinstance(literal, int | float) and not isinstance(literal, bool) else []
            values += [v for v in (literal, *extra) if v not in values]
    chosen = dict(base)
    most = count_answers(questionnaire, chosen).shown
    for _ in range(2):  # a second pass catches a follow-up gated by another follow-up
        for name, values in tried.items():
            for value in values:
                trial = {**chosen, name: Answer(name, "value", value)}
                shown = count_answers(questionnaire, trial).shown
                if shown > most:
                    chosen, most = trial, shown
    return most
