"""Workshop aggregation: many people's answers → one picture, and where they disagree.

Pure functions over answer sets, no I/O and no UI, documented for
non-programmers in docs/scoring.md ("Workshops"). Each participant is scored
exactly like a self-assessment; the aggregate is built from those scores, so
a question's level means the same thing for one person and for a room.

Levels are on 0..100 (the answer's share of the question's points × 100).
"Don't know" and "not applicable" are counted but never averaged in: a room
where half the people do not know is shown as such, not as a low score.

The room's figures (its dimensions, headline means and verdict) count a person
only where they have answered enough to be read: their coverage of a dimension
reaches the questionnaire's line (``balance.coverage``), as one business needs
to be placed. A workshop is watched while it fills in, and someone who has
answered only the first step would otherwise count 0 on every part they have
not begun and sink the room on their own (:func:`_reaches`).
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from readiness import expr, scale
from readiness.answers import Answer, AnswerSet, visible_questions
from readiness.balance import classify_position
from readiness.decision import RoomStep, room_step
from readiness.dimensions import answer_score, weighted_mean
from readiness.figures import figure_text
from readiness.markup import and_list, plain_number
from readiness.model import Question, Questionnaire, tr
from readiness.scoring import QUADRANTS, ScoreResult, score


@dataclass(frozen=True)
class Participant:
    """One person's answers. ``name`` is dropped from every output in anonymous mode."""

    id: str
    role: str
    answers: Mapping[str, Answer]
    name: str | None = None


@dataclass(frozen=True)
class Stats:
    """Summary statistics of levels (0..100). ``std`` is the population standard deviation."""

    n: int
    mean: float | None
    median: float | None
    minimum: float | None
    maximum: float | None
    std: float | None

    @property
    def spread(self) -> float | None:
        return None if self.minimum is None or self.maximum is None else self.maximum - self.minimum


def stats(values: Sequence[float]) -> Stats:
    if not values:
        return Stats(0, None, None, None, None, None)
    return Stats(
        n=len(values),
        mean=round(statistics.fmean(values), 2),
        median=round(statistics.median(values), 2),
        minimum=round(min(values), 2),
        maximum=round(max(values), 2),
        std=round(statistics.pstdev(values), 2),
    )


#: Why a role that joined has no level for a question, most telling first (see :func:`_why_blank`).
NOT_ASKED = "Not asked or not applicable"
DONT_KNOW = "Don't know"
LEFT_BLANK = "Left blank"
BLANK_WORDS = {NOT_ASKED: "not asked", DONT_KNOW: "don't know", LEFT_BLANK: "left blank"}


@dataclass(frozen=True)
class QuestionAggregate:
    """One question in the room.

    ``role_means`` has one entry per role someone joined as (never a role nobody chose); a role with no
    level has its reason in ``role_blank``: a role that was not asked, or said "not applicable", is not
    one that skipped the question, and a heatmap or a discussion line must not show the two alike.
    """

    id: str
    dimension: str
    text: str
    stats: Stats
    distribution: Mapping[str, int]
    dont_know: int
    not_applicable: int
    role_means: Mapping[str, float | None]
    role_gap: float | None
    disagreement: float
    role_blank: Mapping[str, str] = field(default_factory=dict)
    #: The question's short name in words for a heatmap row or a list (:func:`question_label`); the whole
    #: question stays in ``text``.
    label: str = ""

    @property
    def discussion_key(self) -> float:
        """How much the room needs to talk about it: the widest spread or the largest role gap."""
        return max(self.stats.spread or 0.0, self.role_gap or 0.0)

    def role_said(self, role: str) -> str:
        """A role's level in words for a discussion line: "75", or why it has none ("left blank")."""
        mean = self.role_means.get(role)
        if mean is not None:
            return f"{mean:.0f}"
        return BLANK_WORDS.get(self.role_blank.get(role, LEFT_BLANK), "left blank")


#: The longest row label, in characters: every authored short clause whole (the longest shipped is 60), and
#: about what the heatmap's widest label column (380 px at 11 px) holds; on a phone the chart cuts a label to
#: its column with "…" and the tooltip carries the whole question.
LABEL_MAX = 64
#: How a ``dont_know_finding`` says "not known": shipped questionnaires as a prefix, the model's example as a suffix.
_NOT_KNOWN_PREFIX = "not known:"
_NOT_KNOWN_SUFFIXES = (" is not known", " are not known")


def question_label(question: Question, lang: str | None = None) -> str:
    """A question's short name in words, for a heatmap row a facilitator recognises.

    The id made into words read "Sop meeting" and "Kpi review" to a browser pass: ids are written for
    authors, and "sop"/"kpi" lose their capitals. The best short form the model holds is the question's
    ``dont_know_finding`` ("Not known: whether sales and operations agree one plan."): an author-written
    clause naming what the question asks, in the room's language, which the findings already show to owners.
    Without its "Not known" it names the row ("Whether sales and operations agree one plan"). ``topic`` is not
    one: it is an id shared by several questions. A question without that clause is named by its text up to
    its first "?", its asides in brackets left out. Either is cut to :data:`LABEL_MAX` characters at a word
    with "…", so a row stays one line; the whole question is in the chart's tooltip.
    """
    clause = tr(question.dont_know_finding, lang).strip() if question.dont_know_finding else ""
    if clause.lower().startswith(_NOT_KNOWN_PREFIX):
        clause = clause[len(_NOT_KNOWN_PREFIX) :].strip()
    clause = clause.rstrip(". ")
    for suffix in _NOT_KNOWN_SUFFIXES:
        if clause.lower().endswith(suffix):
            clause = clause[: -len(suffix)].rstrip()
    if not clause:
        # the question up to its "?", without asides in brackets ("(even if that is two people, …)")
        text = re.sub(r"\s*\([^()]*\)", "", " ".join(tr(question.text, lang).split()))
        clause = text.split("?", 1)[0].rstrip(". ")
    words = clause[:1].upper() + clause[1:]
    if len(words) > LABEL_MAX:
        cut = words[:LABEL_MAX].rsplit(" ", 1)[0] if " " in words[:LABEL_MAX] else words[:LABEL_MAX]
        words = cut.rstrip(" ,;:–-(") + "…"
    return words or question.id


def _why_blank(statuses: Sequence[str]) -> str:
    """Why a role's people gave a question no level, from their answers' statuses.

    Anyone who was shown the question and gave nothing makes it "left blank" (the room should know
    someone skipped it); else a "don't know" says so; else nobody in the role was asked it (a condition
    hid it) or they all said it does not apply to the business.
    """
    if "unanswered" in statuses:
        return LEFT_BLANK
    if "dont_know" in statuses:
        return DONT_KNOW
    return NOT_ASKED


@dataclass(frozen=True)
class DimensionAggregate:
    """One dimension in the room.

    ``stats`` are the people's own scores of the dimension, each scored as a business alone (blanks at their
    worst, as the questionnaire says): the figures the headline means and the verdict are built from, so the
    chart of the room's dimensions and the cards above it agree. ``role_means`` are each role's *views* (only
    the questions they answered), which is what a perception gap compares. ``role_scores`` are each role's
    mean of those same own scores: a table row showing the room's lowest–highest beside per-role figures must
    take both from one set of numbers (a browser pass read "48–52" beside a role's view of 56 as a mistake).

    ``stats``, ``role_scores`` and ``gap`` are over the people who answered enough of the dimension to be read
    (:func:`_reaches`): someone still on the form's first step would count 0 here and drag the room down on a
    part they have not begun. When nobody has, they are over everyone (the room is then not placed).
    """

    id: str
    title: str
    side: str
    stats: Stats
    target: float
    gap: float | None
    role_means: Mapping[str, float | None]
    role_scores: Mapping[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class RoleGap:
    dimension: str
    title: str
    role_a: str
    role_b: str
    mean_a: float
    mean_b: float
    #: The roles (of the two) whose view rests on someone who has not answered enough of the dimension to count
    #: in its room figure: a browser pass read "Leadership vs Finance, 38 vs 90" on Finance's three answers as
    #: the room's largest disagreement. Such gaps are listed after the others and say so.
    thin: tuple[str, ...] = ()

    @property
    def gap(self) -> float:
        """Positive when ``role_a`` sees the dimension as stronger than ``role_b`` does."""
        return round(self.mean_a - self.mean_b, 2)


@dataclass(frozen=True)
class SettleItem:
    """A question that scores nothing, answered differently in the room: its text and how many gave each
    answer, in words ("Services: 2, Both goods and services: 1"), worst-to-best order not applying."""

    id: str
    text: str
    distribution: Mapping[str, int]


def settle_items(questionnaire: Questionnaire, participants: Sequence[Participant], lang: str) -> list[SettleItem]:
    """The unscored questions that decide which others are asked (another question's ``show_if`` reads them, and
    the answers given open different ones) or which fixes come first (options that point to findings), answered
    differently by two people or more, each counting only where that person was asked it.

    A browser pass: a swim school's two people said "Services" and "Both", which the queue never showed (it
    holds scored questions only), while the page counted the question among those "the room answered". An
    answer kept from before a gate closed (an order count typed, then the surge details switched off) is not
    one the person gave, so it is not listed; nor are figures that gate nothing (the surge test's own figures),
    which people nearly always give differently."""
    gates = {name for q in questionnaire.questions if q.show_if for name in expr.parse(q.show_if).names}
    shown = [visible_questions(questionnaire, p.answers) for p in participants]
    items = []
    for question in questionnaire.questions:
        # what has gone wrong lately names no level, but moves the fixes it points to first
        moves_fixes = any(getattr(o, "points_to", None) for o in getattr(question, "options", None) or [])
        if not (question.id in gates or moves_fixes) or (question.scored and question.weight != 0):
            continue
        asked = [
            p for p, seen in zip(participants, shown, strict=True) if question.id in p.answers and question.id in seen
        ]
        said = [p.answers[question.id] for p in asked]
        if len(said) < 2 or len({(a.kind, _hashable(a.value)) for a in said}) < 2:
            continue
        if not moves_fixes:
            # a gate only matters where the answers given open different questions: 5% and 8% of orders online
            # open the same ones (a browser pass found them listed to settle)
            base = dict(asked[0].answers)
            opened = {frozenset(visible_questions(questionnaire, {**base, question.id: a})) for a in said}
            if len(opened) < 2:
                continue
        counts: dict[str, int] = {}
        order: dict[str, tuple[int, float, str]] = {}
        for answer in said:
            words = answer_words(questionnaire, question, answer, lang)
            counts[words] = counts.get(words, 0) + 1
            number = answer.value if isinstance(answer.value, int | float) and not isinstance(answer.value, bool) else 0
            order[words] = (answer.kind != "value", float(number), words)  # figures by value, then the special answers
        items.append(
            SettleItem(question.id, tr(question.text, lang), {w: counts[w] for w in sorted(counts, key=order.get)})
        )
    return items


def _hashable(value: object) -> object:
    return tuple(value) if isinstance(value, list | tuple) else value


def answer_words(questionnaire: Questionnaire, question: Question, answer: Answer, lang: str | None = None) -> str:
    """An answer in the words the form offered it, for a facilitator reading what was settled or agreed and for
    the report's agreed answers: a level's label, an option's, a figure as typed beside its band. Read from the
    questionnaire itself, not from a score, which leaves out answers whose question is not shown just now."""
    if answer.kind == "dont_know":
        return "Don't know"
    if answer.kind == "na":
        return "Not applicable"
    value, lang = answer.value, lang or questionnaire.default_language
    options = {o.id: tr(o.label, lang) for o in getattr(question, "options", None) or []}
    if isinstance(value, list | tuple):  # ticks apart by "; ", so a list of answers and counts reads apart
        return "; ".join(options.get(v, str(v)) for v in value) or "None ticked"
    if question.scored:
        label = answer_score(questionnaire, question, answer)[1]
        return figure_text(questionnaire, answer, label) or label or str(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, str):
        return options.get(value, value)
    if isinstance(value, int | float):
        return figure_text(questionnaire, answer, None) or plain_number(value)
    return str(value)


def agreed_list(
    questionnaire: Questionnaire, agreed: Mapping[str, Answer], lang: str | None = None
) -> list[tuple[str, str]]:
    """Every agreed answer as (question, answer in the form's words), in the questionnaire's order: after "agree
    alike" the count went up and nothing said what had been agreed (a browser pass)."""
    return [
        (tr(q.text, lang), answer_words(questionnaire, q, agreed[q.id], lang))
        for q in questionnaire.questions
        if q.id in agreed
    ]


@dataclass(frozen=True)
class WorkshopResult:
    participants: int
    roles: Mapping[str, int]
    names: tuple[tuple[str, str], ...]
    questions: tuple[QuestionAggregate, ...]
    dimensions: tuple[DimensionAggregate, ...]
    gaps: tuple[RoleGap, ...]
    queue: tuple[str, ...]
    operations: float | None
    demand: float | None
    quadrant: str | None
    quadrant_label: str | None
    profile: str
    individual: tuple[ScoreResult, ...] = field(default=(), repr=False)
    #: Two roles both have a view of some dimension. With no gap listed, the roles then see every dimension
    #: alike (no difference of a shown point); without it no two roles can be compared yet.
    compared: bool = False
    #: Why the room is not placed ("Not enough answers in Process to place the business."), else None.
    message: str | None = None
    #: What the verdict weighs demand against: the mean of each person's weakest link (not ``operations``,
    #: the mean of their operations readiness), and the dimensions that were someone's weakest link,
    #: most often first. Shown beside the verdict, so "demand ahead" is never read against the wrong figure.
    link: float | None = None
    weakest: tuple[str, ...] = ()
    #: Demand ahead is held back under control (the room's mean of the control dimension is strong enough).
    controlled: bool = False
    #: The step most people are weighing, read against the room's verdict (None when nobody named one).
    step: RoomStep | None = None
    #: The mean of each person's demand pressure as the verdict weighs it (their results page's, which can
    #: differ from the measured ``demand``: promises already broken, an event ahead, a queue taken earlier).
    pressure: float | None = None
    #: How many people each headline mean is over ("operations", "link", "demand"): someone who answered
    #: nothing on the demand side has no demand pressure, and a card saying "mean of 3 people" over one
    #: person's figure misleads the room (a browser pass). Someone who has not answered enough of that side
    #: to be read (:func:`_reaches`) is not counted either, unless nobody has.
    counted: Mapping[str, int] = field(default_factory=dict)
    #: For each headline figure of ``counted``, how many people joined but are left out of it as still
    #: answering (``participants`` minus ``counted``): a card says "1 not counted: too few answers yet",
    #: so a mean over fewer people than the room is not read as the whole room.
    waiting: Mapping[str, int] = field(default_factory=dict)
    #: Questions that score nothing but decide what the rest asks (what the business sells, whether the surge test
    #: uses the owner's figures) or which fixes come first (what has gone wrong lately), answered differently by
    #: two people or more: settled before the queue, which holds only scored questions.
    settle: tuple[SettleItem, ...] = ()

    def to_agree(self, alike: Sequence[Answer], agreed: Iterable[str]) -> set[str]:
        """The questions the facilitator can agree: the queue, what to settle first, the answers given alike and
        what is agreed already. Counted against every answer anyone stored, "0 of the 8 questions the room
        answered" stood beside a queue of 7 (a browser pass): a question one person answered, or one hidden for
        them, is not one the room can agree."""
        return {*self.queue, *(item.id for item in self.settle), *(a.question_id for a in alike), *agreed}

    @property
    def ahead(self) -> float | None:
        """Points the demand pressure weighed is ahead of the weakest link (the room's balance index)."""
        weighed = self.weighed
        return None if weighed is None or self.link is None else round(weighed - self.link, 2)

    @property
    def weighed(self) -> float | None:
        """The demand pressure the verdict weighs: ``pressure``, else the measured ``demand``."""
        return self.pressure if self.pressure is not None else self.demand

    @property
    def named_elsewhere(self) -> bool:
        """Someone's results name another part first while demand is quiet (their cash, or the part in the
        worst state), which the room counts where a load would bind: the weakest-link card then says so, or an
        owner's "Capacity 41" beside the room's "32 (Process)" reads as a contradiction (a browser pass)."""
        return any(r.balance.runway_named or r.balance.worst_named for r in self.individual)

    def question(self, question_id: str) -> QuestionAggregate:
        return next(q for q in self.questions if q.id == question_id)

    def dimension(self, dimension_id: str) -> DimensionAggregate:
        return next(d for d in self.dimensions if d.id == dimension_id)


def _level(value: float | None) -> float | None:
    return None if value is None else 100 * value


def _role_means(values: Mapping[str, list[float]], roles: Sequence[str]) -> dict[str, float | None]:
    return {role: (round(statistics.fmean(values[role]), 2) if values.get(role) else None) for role in roles}


def _reaches(questionnaire: Questionnaire, result: ScoreResult, dimension_id: str) -> bool:
    """Whether a person has answered enough of a dimension for the room to count their score of it.

    Each person is scored as a business alone, blanks at their worst: right for one business, which must not
    gain by skipping, but a workshop is watched while people are still answering, and someone on the form's
    first step counts 0 on every part they have not begun. Alone they could drag the room into the danger
    zone and name as its weakest link a part they have not reached. So the room counts a person's score of a
    dimension once their coverage of it (real answers, "don't know" not one) reaches the questionnaire's
    line, the same line below which one business is not placed; the comparison is the one the room's own
    "not enough answers" rule makes, so a dimension nobody reaches is exactly one that leaves it not placed.
    """
    return not result.dimension(dimension_id).coverage < questionnaire.balance.coverage


def _reaches_side(questionnaire: Questionnaire, result: ScoreResult, side: str) -> bool:
    """Whether a person reaches the line (:func:`_reaches`) in every dimension of one side: only then is their
    figure for that side (operations readiness, weakest link, demand pressure) one the room can count."""
    return all(_reaches(questionnaire, result, d.id) for d in questionnaire.dimensions if d.side == side)


def left_out_of(questionnaire: Questionnaire, room: WorkshopResult, person: ScoreResult) -> list[str]:
    """The parts (titles) of one person's answers not in the room's figures: those they have not answered enough
    of while someone else has (a part nobody has reached is over everyone). Their own page says so: a browser
    pass found the person left out seeing the group's results with no word that theirs were not in them."""
    return [
        tr(d.title)
        for d in questionnaire.dimensions
        if not _reaches(questionnaire, person, d.id) and any(_reaches(questionnaire, r, d.id) for r in room.individual)
    ]


def thin_words(gap: RoleGap) -> str:
    """What a gap resting on few answers says beside it ("Finance's view rests on too few answers"), or ""."""
    if not gap.thin:
        return ""
    whose = gap.thin[0] + "'s" if len(gap.thin) == 1 else f"{gap.thin[0]}'s and {gap.thin[1]}'s"
    return f"{whose} view rests on too few answers"


def _counting(results: Sequence[ScoreResult], qualified: Sequence[bool]) -> list[ScoreResult]:
    """The people a room figure is over: those qualified, or everyone when nobody is yet.

    The fallback keeps a room from ever showing less than it did before anyone finished a side (a blank card
    helps nobody). Such a room is mostly not placed too, its message naming the dimensions nobody has answered
    enough of; a side whose every dimension someone has reached, though nobody all of them, is placed on
    everyone's figures, as it was before.
    """
    chosen = [r for r, ok in zip(results, qualified, strict=True) if ok]
    return chosen or list(results)


def reveal_words(joined: int, finished: int, unfinished: Sequence[float] = ()) -> str:
    """Who the reveal would freeze, said before it is confirmed: the same question stood above an empty room and a
    finished one alike, and a tap revealed a workshop nobody had finished (a browser pass).

    ``unfinished``: the share of their questions each person who has not finished has answered. "The others are
    still answering" hid how far they got, and they may have stopped (the next browser pass): the figures say it.
    """
    said = [f"{share:.0%}" for share in sorted(unfinished, reverse=True)]
    # "2%, 2% and 2%" said one figure three times
    each = len(said) > 1 and len(set(said)) == 1
    shares = ("each answered " + said[0]) if each else ("answered " + and_list(said)) if said else ""
    if joined == 0:
        return "Nobody has joined yet, so there will be no answers to discuss."
    if finished == 0:
        if shares:
            who = "the one person who joined has" if joined == 1 else f"the {joined} people who joined have"
            return f"Nobody has finished yet: {who} {shares} of their questions."
        who = "the one person who joined is" if joined == 1 else f"all {joined} people who joined are"
        return f"Nobody has finished yet: {who} still answering."
    if finished < joined:
        have = "has" if finished == 1 else "have"
        if shares:
            left = joined - finished
            other = "the other one has" if left == 1 else f"the other {left} have"
            return (
                f"Only {finished} of the {joined} people who joined {have} finished; {other} {shares} of "
                "their questions."
            )
        return f"Only {finished} of the {joined} people who joined {have} finished; the others are still answering."
    if joined == 1:
        return "The one person who joined has finished."
    return f"All {joined} people who joined have finished."


def waiting_words(result: WorkshopResult, headline: str, coverage: float) -> str | None:
    """Under the cards: who is left out of which mean as still answering. "3 people have too few answers yet to
    count in some means" stood under "Operations readiness · mean of 3 people" and read as a contradiction (a
    browser pass): each count names its figures."""
    names = {"operations": headline, "link": "the weakest link", "demand": "the demand pressure"}
    by_count: dict[int, list[str]] = {}
    for figure, name in names.items():
        if n := result.waiting.get(figure, 0):
            by_count.setdefault(n, []).append(name)
    if not by_count:
        return None
    parts = [
        f"{n} {'person has' if n == 1 else 'people have'} too few answers yet to count in "
        + ("every mean" if len(figures) == len(names) else and_list(figures))
        for n, figures in sorted(by_count.items(), reverse=True)
    ]
    rule = (
        f"a person counts once they have answered {coverage:.0%} of a part's questions (“don't know” is not an answer)."
    )
    return "; ".join(parts) + ": " + rule


def alike_answers(participants: Sequence[Participant], agreed: Mapping[str, Answer]) -> list[Answer]:
    """The answers given alike by everyone who answered a question (two people at least), for the questions the
    room has not agreed yet: the queue holds only the disagreements, so without them a facilitator who settled
    the queue scored a result of a few answers ("2% complete, not enough answers to place the business", a
    browser pass). "Don't know" given by all is not an agreement on an answer, and is left out."""
    given: dict[str, list[Answer]] = {}
    for person in participants:
        for question_id, answer in person.answers.items():
            given.setdefault(question_id, []).append(answer)
    alike = []
    for question_id, said in given.items():
        first = said[0]
        if question_id in agreed or len(said) < 2 or first.kind == "dont_know":
            continue
        if all((a.kind, a.value) == (first.kind, first.value) for a in said[1:]):
            alike.append(Answer(question_id, first.kind, first.value))
    return alike


def aggregate(
    questionnaire: Questionnaire,
    participants: Sequence[Participant],
    profile: str | None = None,
    *,
    anonymous: bool = True,
    roles: Sequence[str] | None = None,
    lang: str | None = None,
) -> WorkshopResult:
    """Aggregate participants' answers: statistics, role gaps and the discussion queue.

    The room's dimensions, headline means and verdict count each person only where they have answered enough to
    be read (:func:`_reaches`), so someone still answering, live in the workshop, cannot sink the room with blanks
    at their worst; ``counted`` and ``waiting`` say how many people each headline mean is over and leaves out.
    The per-question figures and each role's views (what a perception gap compares) count every answer given.
    """
    lang = lang or questionnaire.default_language
    target_profile = questionnaire.profile(profile)
    # Only the roles someone joined as, in the order offered: a role nobody chose has no view, and a
    # column or a "Sales: –" for it in every discussion line reads as if Sales had answered badly.
    joined = {p.role for p in participants}
    role_order = [role for role in dict.fromkeys(roles or []) if role in joined]
    for p in participants:
        if p.role not in role_order:
            role_order.append(p.role)
    results = [
        score(questionnaire, AnswerSet(answers=dict(p.answers)), target_profile.id, language=lang) for p in participants
    ]
    # Each person's view of a dimension: the questions they answered. A blank is "not asked yet" in a room,
    # not "the worst" (the room's verdict still counts it at its worst, so skipping never pays there); read
    # as worst it would invent a gap between a role that skipped and one that answered.
    said = questionnaire.scoring.model_copy(update={"unanswered": "exclude"})
    views = [
        score(questionnaire, AnswerSet(answers=dict(p.answers)), target_profile.id, policy=said, language=lang)
        for p in participants
    ]

    questions = []
    for question in questionnaire.questions:
        if not question.scored or question.weight == 0:
            continue
        levels: list[float] = []
        by_role: dict[str, list[float]] = {}
        counts: dict[str, int] = {}
        rank: dict[str, float] = {}
        statuses: dict[str, list[str]] = {}
        dont_know = not_applicable = 0
        for p, result in zip(participants, results, strict=True):
            qs = next(x for x in result.questions if x.id == question.id)
            statuses.setdefault(p.role, []).append(qs.status)
            if qs.status == "dont_know":
                dont_know += 1
            elif qs.status == "na":
                not_applicable += 1
            elif qs.status == "answered" and qs.score is not None:
                level = 100 * qs.score
                levels.append(level)
                by_role.setdefault(p.role, []).append(level)
                label = qs.label or "answered"
                counts[label] = counts.get(label, 0) + 1
                rank[label] = min(rank.get(label, level), level)
        # Worst to best, then the special answers: never in the order people answered, which in
        # an anonymous room would tell who said what (the first to join is often the boss).
        distribution = {label: counts[label] for label in sorted(counts, key=lambda k: (rank[k], k))}
        if dont_know:
            distribution["Don't know"] = dont_know
        if not_applicable:
            distribution["Not applicable"] = not_applicable
        role_means = _role_means(by_role, role_order)
        present = [m for m in role_means.values() if m is not None]
        summary = stats(levels)
        questions.append(
            QuestionAggregate(
                id=question.id,
                dimension=question.dimension,
                text=tr(question.text, lang),
                stats=summary,
                distribution=distribution,
                dont_know=dont_know,
                not_applicable=not_applicable,
                role_means=role_means,
                role_gap=round(max(present) - min(present), 2) if len(present) >= 2 else None,
                disagreement=summary.std or 0.0,
                role_blank={role: _why_blank(statuses.get(role, [])) for role, m in role_means.items() if m is None},
                label=question_label(question, lang),
            )
        )

    dimensions = []
    gaps = []
    compared = False  # two roles have a view of some dimension in common: "no gap" then means they agree
    for dim in questionnaire.dimensions:
        # The room's figure is each person's own score (the one their headline and the verdict use); a
        # role's figure is their view. Mixing the two put the chart's dot far from the card above it. Only
        # the people who answered enough of it count in the room's figure (everyone when nobody has): one
        # still answering would count 0 on a dimension they have not begun. Views are unchanged.
        reached = [_reaches(questionnaire, r, dim.id) for r in results]
        reached = reached if any(reached) else [True] * len(results)
        values: list[float] = []
        by_role = {}
        thin_roles: set[str] = set()
        own_by_role: dict[str, list[float]] = {}
        for p, result, view, counts in zip(participants, results, views, reached, strict=True):
            value = result.dimension(dim.id).score
            if value is not None and counts:
                values.append(value)
                own_by_role.setdefault(p.role, []).append(value)
            said_value = view.dimension(dim.id).score
            if said_value is not None:
                by_role.setdefault(p.role, []).append(said_value)
                if not _reaches(questionnaire, result, dim.id):
                    thin_roles.add(p.role)
        summary = stats(values)
        role_means = _role_means(by_role, role_order)
        target = target_profile.targets.get(dim.id, 0.0)
        dimensions.append(
            DimensionAggregate(
                id=dim.id,
                title=tr(dim.title, lang),
                side=dim.side,
                stats=summary,
                target=target,
                gap=None if summary.mean is None else round(target - summary.mean, 2),
                role_means=role_means,
                role_scores=_role_means(own_by_role, role_order),
            )
        )
        for a, b in combinations(role_order, 2):
            mean_a, mean_b = role_means.get(a), role_means.get(b)
            if mean_a is None or mean_b is None:
                continue
            compared = True
            # A difference that reads 0 as shown ("62 vs 62 · 0", a browser pass) is two roles agreeing, not a
            # perception gap: judged on the figures shown, so no listed gap reads 0 and none shown is dropped.
            if scale.between(mean_a, mean_b, questionnaire.score_scale):
                thin = tuple(r for r in (a, b) if r in thin_roles)
                gaps.append(RoleGap(dim.id, tr(dim.title, lang), a, b, mean_a, mean_b, thin))
    gaps.sort(key=lambda g: (bool(g.thin), -abs(g.gap)))  # gaps on views that rest on enough answers first

    order = {q.id: i for i, q in enumerate(questionnaire.questions)}
    queue = tuple(
        q.id
        for q in sorted(questions, key=lambda q: (-q.discussion_key, -q.disagreement, order[q.id]))
        if q.stats.n >= 2 and q.discussion_key > 0
    )

    # A side's headline figure is over the people who reached the line in every dimension of that side (all of
    # them have a figure there); when nobody has, over everyone with a figure, as before anyone finished.
    def figure(r: ScoreResult, side: str) -> float | None:
        return r.overall if side == "operations" else r.balance.demand  # headline policy

    def side_people(side: str) -> list[ScoreResult]:
        scored = [r for r in results if figure(r, side) is not None]
        return _counting(scored, [_reaches_side(questionnaire, r, side) for r in scored])

    def side_mean(people: Sequence[ScoreResult], side: str) -> float | None:
        picked = [v for r in people if (v := figure(r, side)) is not None]
        return round(statistics.fmean(picked), 2) if picked else None

    operating, demanding = side_people("operations"), side_people("demand")
    operations, demand = side_mean(operating, "operations"), side_mean(demanding, "demand")
    # The verdict weighs each person's demand pressure as their own results weigh it (promises already broken,
    # a busiest step full, an event ahead, a queue taken earlier left out), not the measured mean on the card: a
    # room of one read a precast yard 92% busy on past orders as "demand ahead" while its owner's page said idle.
    weighed = [r.balance.demand if r.balance.pressure is None else r.balance.pressure for r in demanding]
    pressure = round(statistics.fmean(v for v in weighed if v is not None), 2) if demand is not None else None
    verdict = _room_verdict(questionnaire, results, operations, pressure, counted=operating)
    quadrant = verdict.quadrant
    role_counts: dict[str, int] = dict.fromkeys(role_order, 0)
    for p in participants:
        role_counts[p.role] += 1
    counted = {"operations": len(operating), "link": verdict.linked, "demand": len(demanding)}
    return WorkshopResult(
        participants=len(participants),
        roles=role_counts,
        names=() if anonymous else tuple((p.role, p.name or "") for p in participants),
        questions=tuple(questions),
        dimensions=tuple(dimensions),
        gaps=tuple(gaps),
        queue=queue,
        operations=operations,
        demand=demand,
        pressure=pressure,
        quadrant=quadrant,
        quadrant_label=QUADRANTS[quadrant][0] if quadrant else None,
        profile=target_profile.id,
        individual=tuple(results),
        compared=compared,
        message=verdict.message,
        link=verdict.link,
        weakest=verdict.weakest,
        controlled=verdict.controlled,
        step=room_step(questionnaire, results, quadrant, verdict.weakest, lang),
        counted=counted,
        waiting={name: len(participants) - n for name, n in counted.items()},
        settle=tuple(settle_items(questionnaire, participants, lang or questionnaire.default_language)),
    )


@dataclass(frozen=True)
class _Verdict:
    quadrant: str | None = None
    message: str | None = None
    link: float | None = None
    weakest: tuple[str, ...] = ()
    controlled: bool = False
    linked: int = 0


def _person_link(questionnaire: Questionnaire, result: ScoreResult) -> tuple[float, str] | None:
    """One person's weakest link for the room, blanks at their worst: (the figure, the dimension's id).

    A person with a balance has it (docs/scoring.md, section 3). One who answered nothing on the demand side
    has none, and was left out of the room's link while still counted in its operations mean: a browser
    pass saw "Weakest link 51" (one person's figure) beside an operations mean of 50 and a room's Technology
    of 30. With no demand answered there is no load to judge their parts by, so the part that breaks first
    is their lowest operations dimension at its worst end (a dimension they never began counts as 0, as it
    does in anyone's balance). None for someone who answered nothing on the operations side either: they
    are not in the operations mean, and a person who only joined must not sink the room to 0.
    """
    b = result.balance
    if b.link is not None and b.weakest is not None:
        # Named by the runway (the cash of idle room), the figure is where a load binds: the room takes that part,
        # so "Weakest link 41 (here Capacity)" never stands beside a Capacity of 48 (a review of round 41).
        return b.link, (b.held_in if b.runway_named and b.held_in else b.weakest)
    if result.overall is None:
        return None
    settings = questionnaire.balance
    ops = [d for d in result.dimensions if d.side == "operations" and d.low is not None]
    links = [d for d in ops if d.id != settings.control_dimension] or ops
    if not links:
        return None
    weakest = min(links, key=lambda d: d.low or 0.0)  # ties: the first in the questionnaire, as in a balance
    operations = weighted_mean([(d.weight, d.low or 0.0) for d in ops]) or 0.0
    return (1 - settings.softness) * (weakest.low or 0.0) + settings.softness * operations, weakest.id


def _room_verdict(
    questionnaire: Questionnaire,
    results: Sequence[ScoreResult],
    operations: float | None,
    demand: float | None,
    *,
    counted: Sequence[ScoreResult] | None = None,
) -> _Verdict:
    """The room's verdict, by the same rules as one business (docs/scoring.md, section 3), on the means
    of the participants' figures: weakest link, control and failing critical questions included. A
    dimension nobody answered enough of leaves the room not placed, however good the rest looks.

    ``counted`` are the people in the operations mean (everyone in ``results`` when not given): the link,
    the control mean, the whole link and the failing critical questions are theirs, so a person still
    answering, whose blanks count at their worst, cannot put the room in the danger zone or name its weakest
    link alone. Whether a dimension has enough answers is judged over everyone in ``results``.

    The weakest link it weighs demand against is returned with it: a page that showed the verdict beside
    the operations mean alone would seem to contradict itself. Everyone in the operations mean has a link
    in it, blanks at their worst (:func:`_person_link`). The link is each person's own, as their results
    page weighs it (it can sit above the named dimension's score when the demand coming loads only part of
    what it lacks), so a room of one reads as that person does. ``demand`` is the mean of the pressures the
    people's own verdicts weigh (``WorkshopResult.pressure``), not the measured mean on the card, for the same
    reason: weighed on the measured mean, 114 of 354 calibration businesses read otherwise as a room of one."""
    if operations is None or demand is None or not results:
        return _Verdict()
    settings = questionnaire.balance
    titles = {d.id: tr(d.title) for d in questionnaire.dimensions}
    operating = list(results if counted is None else counted)
    people = [link for r in operating if (link := _person_link(questionnaire, r)) is not None]
    named: dict[str, int] = {}
    for _, dimension_id in people:
        named[dimension_id] = named.get(dimension_id, 0) + 1
    ranked = sorted(named, key=lambda d: -named[d])  # ties keep the people's order
    weakest = tuple(titles.get(d, d) for d in ranked)
    link = statistics.fmean(figure for figure, _ in people) if people else operations
    short = [
        tr(d.title) for d in questionnaire.dimensions if not any(_reaches(questionnaire, r, d.id) for r in results)
    ]
    if short:
        names = short[0] if len(short) == 1 else ", ".join(short[:-1]) + " and " + short[-1]
        message = f"Not enough answers in {names} to place the business."
        return _Verdict("not_placed", message, round(link, 2), weakest, linked=len(people))
    control = settings.control_dimension
    controlled = False
    if control is not None:
        scores = [s for r in operating if (s := r.dimension(control).low) is not None]
        controlled = bool(scores) and statistics.fmean(scores) >= settings.control
    failing_people = [r.balance for r in operating if r.balance.critical_failures]
    # As one business's verdict reads its own (docs/scoring.md §3): a queue that cannot protect a part someone
    # sees a gap behind holds nothing back; failing critical questions are under a queue's guard only where
    # every one of them is; the busiest step seen mostly full by anyone is not idle room; orders falling with it
    # half used are idle only when everyone with a balance reads them so.
    controlled = controlled and not any(r.balance.unprotected for r in operating)
    balances = [r.balance for r in operating if r.balance.link is not None]
    busy = any(b.busy for b in balances)
    # Idle capacity is judged on the whole link (routines counted) of the same people as the link; with no
    # balance a person's link already counts every part, so it is their whole link too.
    wholes = [
        r.balance.whole_link if r.balance.whole_link is not None else figure[0]
        for r in operating
        if (figure := _person_link(questionnaire, r)) is not None
    ]
    quadrant = classify_position(
        demand,
        operations,
        settings.gap,
        settings.high,
        link=link,
        controlled=controlled,
        failing=bool(failing_people),
        guarded=bool(failing_people) and all(b.guarded for b in failing_people),
        quiet=settings.quiet,
        whole_link=statistics.fmean(wholes) if wholes else None,
        busy=busy,
        falling_idle=bool(balances) and not busy and all(b.falling_idle for b in balances),
    )
    return _Verdict(quadrant, None, round(link, 2), weakest, controlled, len(people))


def export_tables(
    questionnaire: Questionnaire,
    result: WorkshopResult,
    participants: Sequence[Participant],
    *,
    anonymous: bool,
    words: Callable[[Answer], str | None] | None = None,
) -> dict[str, list[dict[str, object]]]:
    """The workshop as tables: aggregate, role gaps, the queue, and every individual answer.

    Names appear only in named workshops; in anonymous ones a person is a role and a number.
    ``words`` (given by the report) adds each answer in words, e.g. "14 (Up to 50)", beside
    the value as stored.
    """
    dims = [
        {
            "Dimension": d.title,
            "People": d.stats.n,
            "Mean": d.stats.mean,
            "Lowest": d.stats.minimum,
            "Highest": d.stats.maximum,
            "Std dev": d.stats.std,
            "Target": None if d.side == "demand" else d.target,  # the demand side has no target
            "Gap": None if d.side == "demand" else d.gap,
            # each role's mean of the same own scores as Mean, Lowest and Highest (views are in "Role gaps")
            **{f"Mean: {role}": mean for role, mean in d.role_scores.items()},
        }
        for d in result.dimensions
    ]
    questions = [
        {
            "Question id": q.id,
            "Question": q.text,
            "People": q.stats.n,
            "Mean": q.stats.mean,
            "Median": q.stats.median,
            "Lowest": q.stats.minimum,
            "Highest": q.stats.maximum,
            "Std dev": q.stats.std,
            "Don't know": q.dont_know,
            "Role gap": q.role_gap,
            **{f"Mean: {role}": mean for role, mean in q.role_means.items()},
        }
        for q in result.questions
    ]
    gaps = [
        {
            "Dimension": g.title,
            "Role A": g.role_a,
            "Role B": g.role_b,
            "Mean A": g.mean_a,
            "Mean B": g.mean_b,
            "Gap (A − B)": g.gap,
        }
        for g in result.gaps
    ]
    queue = [
        {
            "Order": i,
            "Question": result.question(qid).text,
            "Spread": result.question(qid).stats.spread,
            "Role gap": result.question(qid).role_gap,
        }
        for i, qid in enumerate(result.queue, start=1)
    ]
    answers = []
    if anonymous:
        # Numbered within each role, in the order of their random ids: neither the row order nor
        # the number may follow the order people joined in.
        ordered = sorted(participants, key=lambda p: (p.role, p.id))
        seen: dict[str, int] = {}
        labels = []
        for person in ordered:
            seen[person.role] = seen.get(person.role, 0) + 1
            labels.append(f"{person.role} #{seen[person.role]}")
    else:
        ordered = list(participants)
        labels = [person.name or f"#{number}" for number, person in enumerate(ordered, start=1)]
    for who, person in zip(labels, ordered, strict=True):
        for question in questionnaire.questions:
            answer = person.answers.get(question.id)
            if answer is None:
                continue
            value = answer.to_plain()
            value = value["value"] if isinstance(value, dict) else value
            answers.append(
                {
                    "Person": who,
                    "Role": person.role,
                    "Question id": question.id,
                    "Question": tr(question.text),
                    **({"Answer": words(answer) or ""} if words else {}),
                    ("Value" if words else "Answer"): json.dumps(value, ensure_ascii=False)
                    if isinstance(value, list)
                    else value,
                    "Note": answer.note or "",
                }
            )
    return {
        "Dimensions": dims,
        "Questions": questions,
        "Role gaps": gaps,
        "Discussion queue": queue,
        "Answers": answers,
    }
