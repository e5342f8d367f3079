"""Scoring: questionnaire + answers → a frozen, explainable result. No I/O.

The rules are written out for non-programmers in docs/scoring.md; keep the two
in step. In short:

* a question scores 0..1 (its answer's place on its ladder); on the demand side
  1 is the highest pressure;
* a dimension scores 0..100, the weighted mean of its counted questions (a
  demand dimension may blend in its highest source of pressure); unanswered
  questions count as their worst answer and the range shows how far the best
  answers could lift it; a critical question caps its dimension's score;
* the balance weighs demand pressure against the operations dimension that
  would break first, each judged on its weakest area under the kinds of
  pressure present (tunable soft minima), with the pressure raised when
  today's promises are already broken; a verdict only when every dimension
  has enough real answers;
* findings rank operations questions by business impact, and the plan takes
  at most a few actions per 30 days, in order, with their dependencies.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

from readiness import expr, scale
from readiness import policy as policies
from readiness.answers import Answer, AnswerSet, condition_value, count_answers, visible_questions
from readiness.errors import Problem
from readiness.model import (
    MultipleChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    Recommendation,
    ScoreScale,
    ScoringPolicy,
    rescale,
    tr,
)

Status = Literal["answered", "na", "dont_know", "unanswered", "hidden", "not_scored"]
EPS = 1e-9

#: Horizon (days) of a recommendation that does not set one, by effort.
_HORIZON = {"low": 30, "medium": 60, "high": 90}
#: Impacts within this share of each other are a near-tie (docs/scoring.md §4): the answers behind them are
#: coarse (a few levels, a few bands), so a 5% difference says less than which step is the bottleneck today.
NEAR_TIE = 0.05
_RANK = {"low": 0, "medium": 1, "high": 2}
#: A "next step" shown without a recommendation is a level at least this good (docs/scoring.md §4).
GOOD_STEP = 0.75

QUADRANTS: dict[str, tuple[str, str]] = {
    "danger_zone": (
        "Selling dreams, delivering nightmares",
        "Demand pressure is far ahead of the part of operations that would break first, and nothing holds it "
        "back: a surge will break promises, cash and people.",
    ),
    "demand_ahead_controlled": (
        "Demand ahead, under control",
        "Demand is far ahead of what operations can deliver, but it is held back honestly (brakes, a waiting "
        "list, promises that are kept): customers wait and nothing breaks. Grow capacity, not demand.",
    ),
    "idle_capacity": (
        "Idle capacity",
        "Operations could deliver far more than the demand coming in: find out why demand falls short before "
        "adding capacity or stock.",
    ),
    "scale_ready": (
        "Scale-ready engine",
        "Operations, down to their weakest part, are strong and in step with demand: ready to grow fast.",
    ),
    "foundation": (
        "Foundation stage",
        "Demand and operations are in step, but operations are still being built: grow both together, in small steps.",
    ),
    "not_placed": (
        "Not placed yet",
        "Too few real answers to place the business: answer the questions still open or marked 'don't know'.",
    ),
}
#: From the most to the least alarming: how "skipping never improves the verdict" is tested.
SEVERITY = ("danger_zone", "demand_ahead_controlled", "foundation", "idle_capacity", "scale_ready")


@dataclass(frozen=True)
class QuestionScore:
    id: str
    dimension: str
    area: str | None
    text: str
    status: Status
    value: Any
    score: float | None
    counted: bool
    weight: float
    critical: bool
    label: str | None
    note: str | None
    #: The score is assumed, not answered: an unanswered question (or a "don't know" left out by the
    #: policy) counts as its worst answer; ``best`` is what its best answer would give.
    assumed: bool = False
    best: float | None = None


@dataclass(frozen=True)
class AreaScore:
    id: str
    title: str
    score: float | None


@dataclass(frozen=True)
class DimensionScore:
    id: str
    title: str
    side: str
    weight: float
    score: float | None
    level: str | None
    level_name: str | None
    capped_by: tuple[str, ...]
    target: float
    gap: float | None
    answered: int
    not_applicable: int
    dont_know: int
    unanswered: int
    hidden: int
    #: questions shown to this business (hidden ones left out), and how many of them have any answer:
    #: the same count as :func:`readiness.answers.count_answers`.
    total: int
    given: int = 0
    areas: tuple[AreaScore, ...] = ()
    #: The score's range: every unanswered shown question answered worst (``low``) and best (``high``).
    #: ``score`` is the pessimistic end: ``low`` on the operations side, ``high`` (most pressure) on demand.
    low: float | None = None
    high: float | None = None
    #: Share of the shown, counted questions with a real answer (not "don't know", not skipped).
    coverage: float = 1.0
    #: The ceiling a critical question puts on the score (``None``: not capped), and the score without it.
    cap: float | None = None
    uncapped: float | None = None


@dataclass(frozen=True)
class CriticalFailure:
    """A critical question at its lowest levels: it caps its dimension and forbids 'scale-ready'."""

    question_id: str
    text: str
    dimension: str
    dimension_title: str
    status: Status
    label: str | None
    cap: float | None


@dataclass(frozen=True)
class Balance:
    demand: float | None
    operations: float | None
    index: float | None
    quadrant: str | None
    label: str | None
    meaning: str | None
    #: The operations dimension that would break first, its score, and the soft minimum the balance uses.
    weakest: str | None = None
    weakest_title: str | None = None
    weakest_score: float | None = None
    link: float | None = None
    #: Demand ahead is under control: the control dimension is strong and none of its critical questions fails.
    controlled: bool | None = None
    critical_failures: tuple[CriticalFailure, ...] = ()
    #: Dimensions with too few real answers, and the sentence pages and reports show instead of a verdict.
    short: tuple[str, ...] = ()
    message: str | None = None
    #: When not placed: the verdict the answers given so far lean to (unknowns at their worst).
    leaning: str | None = None
    #: The verdict with every unanswered question at its best; borderline when it differs.
    could_be: str | None = None
    borderline: bool = False
    #: Distance in points from the verdict's position to the nearest quadrant line, and that line.
    margin: float | None = None
    line: str | None = None
    index_range: tuple[float, float] | None = None
    #: The pressure the verdict weighs: ``demand`` raised when today's promises are already broken while
    #: demand keeps coming (``overrun``, 0..1, is how far they are broken).
    pressure: float | None = None
    overrun: float | None = None
    #: The area of the weakest link that would break first (the binding constraint), and its title.
    weakest_area: str | None = None
    weakest_area_title: str | None = None


@dataclass(frozen=True)
class Advice:
    text: str
    effort: str
    impact: str
    horizon: int
    needs: tuple[str, ...] = ()
    #: "Aim for: <the next good level>", said when the questionnaire has no advice of its own: it restates
    #: the finding, so it is no action for the plan (a period it would fill says nothing instead).
    generic: bool = False


@dataclass(frozen=True)
class Finding:
    question_id: str
    dimension: str
    text: str
    kind: Literal["improve", "dont_know"]
    critical: bool
    current: str | None
    next: str | None
    points: float
    overall_points: float
    priority: float
    recommendations: tuple[Advice, ...]
    #: The finding in words ("Your website will probably fall over during a rush.") and its dimension's title.
    title: str = ""
    dimension_title: str = ""
    #: A failing critical question: ranked before everything else.
    failing: bool = False


@dataclass(frozen=True)
class PlanAction:
    text: str
    question_id: str
    finding: str
    dimension_title: str
    effort: str
    impact: str
    #: 30, 60 or 90; ``None`` in the backlog.
    period: int | None
    #: Questions whose action comes first.
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Plan:
    per_period: int
    periods: tuple[tuple[int, tuple[PlanAction, ...]], ...]
    backlog: tuple[PlanAction, ...]

    def period(self, days: int) -> tuple[PlanAction, ...]:
        return next((actions for d, actions in self.periods if d == days), ())

    @property
    def actions(self) -> tuple[PlanAction, ...]:
        """The planned actions in order (backlog left out)."""
        return tuple(a for _, actions in self.periods for a in actions)


@dataclass(frozen=True)
class ScoreResult:
    questionnaire_id: str
    questionnaire_version: str
    questionnaire_hash: str
    profile: str
    profile_title: str
    language: str
    overall: float | None
    balance: Balance
    dimensions: tuple[DimensionScore, ...]
    questions: tuple[QuestionScore, ...]
    findings: tuple[Finding, ...]
    completion: float
    policy: Mapping[str, str]
    warnings: tuple[Problem, ...] = field(default_factory=tuple)
    business: str | None = None
    plan: Plan = field(default_factory=lambda: Plan(5, ((30, ()), (60, ()), (90, ())), ()))
    #: how scores are shown (readiness.scale) and the headline's name; see readiness/scale.py
    score_scale: ScoreScale = field(default_factory=ScoreScale)
    overall_label: str = "Operations readiness"

    def dimension(self, dimension_id: str) -> DimensionScore:
        return next(d for d in self.dimensions if d.id == dimension_id)

    @property
    def answered_of_shown(self) -> tuple[int, int]:
        """(answered, shown) questions: the same count as :func:`readiness.answers.count_answers`."""
        return sum(d.given for d in self.dimensions), sum(d.total for d in self.dimensions)

    @property
    def completion_text(self) -> str:
        """ "54 of 55 questions answered": how every screen and report says it."""
        given, shown = self.answered_of_shown
        return f"{given} of {shown} questions answered"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; the shape the CLI prints and docs/scoring.md describes."""
        data = asdict(self)
        data["warnings"] = [w.to_dict() for w in self.warnings]
        data["policy"] = dict(self.policy)
        data["score_scale"] = self.score_scale.model_dump(mode="json")
        data["native"] = scale.native_dict(self)  # the figures people read; the 0..100 ones stay as they are
        for q in data["questions"]:
            if isinstance(q["value"], tuple):
                q["value"] = list(q["value"])
        return data


def score(
    questionnaire: Questionnaire,
    answers: AnswerSet | Mapping[str, Answer],
    profile: str | None = None,
    *,
    policy: ScoringPolicy | None = None,
    language: str | None = None,
    warnings: tuple[Problem, ...] | list[Problem] = (),
) -> ScoreResult:
    """Score ``answers`` against ``questionnaire`` for a target profile.

    Pure: the same inputs always give the same (frozen) result. ``profile``
    falls back to the answer set's profile, then the questionnaire's default.
    """
    answer_set = answers if isinstance(answers, AnswerSet) else AnswerSet(answers=dict(answers))
    given = answer_set.answers
    policy = policy or questionnaire.scoring
    lang = language or answer_set.language or questionnaire.default_language
    target_profile = questionnaire.profile(profile or answer_set.profile)
    shown = visible_questions(questionnaire, given)
    sides = {d.id: d.side for d in questionnaire.dimensions}

    question_scores = [
        _score_question(
            questionnaire, q, given.get(q.id), q.id in shown, policy, lang, sides.get(q.dimension, "operations")
        )
        for q in questionnaire.questions
    ]
    by_id = {qs.id: qs for qs in question_scores}

    counts = count_answers(questionnaire, given)  # the one count every screen shows
    dimensions = []
    for dim in questionnaire.dimensions:
        members = [by_id[q.id] for q in questionnaire.questions_in(dim.id)]
        target = questionnaire.target(target_profile, dim.id)  # written on the native scale
        dimensions.append(_score_dimension(questionnaire, dim, members, target, lang, counts.of(dim.id)))

    balance = _balance(questionnaire, dimensions, question_scores, lang)
    findings = _findings(questionnaire, question_scores, dimensions, balance, given, policy, lang)
    plan = make_plan(questionnaire, findings)

    all_warnings = list(warnings)
    scored_visible = [q for q in question_scores if q.status not in ("hidden", "not_scored")]
    missing = [q.id for q in scored_visible if q.status == "unanswered"]
    if missing:
        shown_ids = ", ".join(missing[:10]) + (f" and {len(missing) - 10} more" if len(missing) > 10 else "")
        how = (
            "those that score count as their worst answer (the range shows their best)"
            if policies.counts_unanswered(policy)
            else "left out of the score (the questionnaire's scoring policy)"
        )
        all_warnings.append(Problem("RA109", f"{len(missing)} question(s) unanswered; {how}: {shown_ids}"))
    all_warnings.extend(contradictions(questionnaire, given, shown, lang))

    return ScoreResult(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        questionnaire_hash=questionnaire.content_hash,
        profile=target_profile.id,
        profile_title=tr(target_profile.title, lang),
        language=lang,
        overall=policies.headline(questionnaire, policy, dimensions, balance.operations, question_scores),
        balance=balance,
        dimensions=tuple(dimensions),
        questions=tuple(question_scores),
        findings=tuple(findings),
        completion=round(counts.fraction, 4),
        policy={
            "dont_know": policy.dont_know,
            "not_applicable": policy.not_applicable,
            "unanswered": policy.unanswered,
            "rollup": policy.rollup,
        },
        warnings=tuple(all_warnings),
        business=answer_set.business,
        plan=plan,
        score_scale=questionnaire.score_scale,
        overall_label=scale.headline_label(questionnaire, lang),
    )


def contradictions(
    questionnaire: Questionnaire, given: Mapping[str, Answer], shown: set[str], lang: str = "en"
) -> list[Problem]:
    """The questionnaire's contradiction rules that hold for these answers, as warnings (RA120).

    A rule reads the shown answers only, as ``show_if`` does: a hidden or unanswered question is ``None``,
    and every comparison with ``None`` is false, so a rule never fires on a missing answer.
    """
    values = {q.id: condition_value(given.get(q.id)) if q.id in shown else None for q in questionnaire.questions}
    found = []
    for rule in questionnaire.contradictions:
        if expr.parse(rule.when).evaluate(values):
            found.append(Problem("RA120", tr(rule.message, lang), path=f"contradictions.{rule.id}"))
    return found


def answer_score(questionnaire: Questionnaire, question: Any, answer: Answer) -> tuple[float, str | None]:
    """Score 0..1 and the level label of a real (``kind == "value"``) answer."""
    if isinstance(question, MultipleChoiceQuestion):
        values = [o.value for o in question.options]
        low = sum(v for v in values if v < 0)
        high = sum(v for v in values if v > 0)
        chosen = sum(o.value for o in question.options if o.id in answer.value)
        fraction = 1.0 if high == low else (chosen - low) / (high - low)
        labels = [tr(o.label) for o in question.options if o.id in answer.value]
        return min(1.0, max(0.0, fraction)), ", ".join(labels) or "None of these"
    if isinstance(question, NumberQuestion):
        band = _band(question, answer.value)
        return rescale(band.score, [b.score for b in question.bands]), tr(band.label)
    for step in questionnaire.steps(question):
        if step.value == answer.value:
            return step.score, tr(step.label)
    return 0.0, None  # pragma: no cover - validate_answer guarantees a step


def _band(question: NumberQuestion, value: float) -> Any:
    for band in question.bands:
        if band.holds(value, EPS):  # up_to inclusive, below exclusive
            return band
    return question.bands[-1]


def _score_question(
    questionnaire: Questionnaire,
    question: Any,
    answer: Answer | None,
    shown: bool,
    policy: ScoringPolicy,
    lang: str,
    side: str = "operations",
) -> QuestionScore:
    status: Status
    value = answer.value if answer else None
    note = answer.note if answer else None
    result_score: float | None = None
    best: float | None = None
    label: str | None = None
    counted = assumed = False
    worst = _worst(questionnaire, question, side)
    if not question.scored:
        status = "not_scored" if shown else "hidden"
    elif not shown:
        status = "hidden"
    elif answer is None:
        # Skipping never pays: an unanswered question counts as its worst answer; the range shows its best.
        status = "unanswered"
        if policies.counts_unanswered(policy):  # else the questionnaire's policy leaves a blank out
            result_score, best, counted, assumed = worst, 1.0 - worst, True, True
    elif answer.kind == "na":
        status = "na"
        label = "Not applicable"
        if policy.not_applicable == "lowest":
            result_score, counted = worst, True
    elif answer.kind == "dont_know":
        status = "dont_know"
        label = "Don't know"
        if policy.dont_know == "lowest":
            result_score, counted = worst, True
        else:  # left out like a skipped question: worst in the score, best at the top of the range
            result_score, best, counted, assumed = worst, 1.0 - worst, True, True
    else:
        status = "answered"
        result_score, label = answer_score(questionnaire, question, answer)
        counted = True
    return QuestionScore(
        id=question.id,
        dimension=question.dimension,
        area=question.area,
        text=tr(question.text, lang),
        status=status,
        value=value,
        score=result_score,
        counted=counted and question.weight > 0,
        weight=question.weight,
        critical=question.critical,
        label=label,
        note=note,
        assumed=assumed,
        best=result_score if best is None else best,
    )


def _worst(questionnaire: Questionnaire, question: Any, side: str) -> float:
    """The worst share an answer can take: the bottom of the ladder, or on the demand side the top
    (the most pressure)."""
    return 1.0 if side == "demand" else _lowest(questionnaire, question)


def _lowest(questionnaire: Questionnaire, question: Any) -> float:
    if isinstance(question, MultipleChoiceQuestion):
        return 0.0
    steps = questionnaire.steps(question)
    return steps[0].score if steps else 0.0


def _weighted(items: list[tuple[float, float]]) -> float | None:
    total = sum(w for w, _ in items)
    if total <= 0:
        return None
    return sum(w * s for w, s in items) / total


def _aggregate(dim: Any, items: list[tuple[QuestionScore, float]]) -> float | None:
    """A dimension's 0..1 score from (question, share) pairs: the weighted mean, blended with the
    highest of its peak questions when the dimension sets ``peak_share``."""
    mean = _weighted([(q.weight, s) for q, s in items])
    if mean is None:
        return None
    peaks = [s for q, s in items if q.id in dim.peak_questions]
    if dim.peak_share and peaks:
        return (1 - dim.peak_share) * mean + dim.peak_share * max(peaks)
    return mean


def level_cap(questionnaire: Questionnaire, share: float) -> float | None:
    """The highest score a dimension may reach with a critical question at ``share``: the start of the
    level above the question's own level (``None`` when the question is at the top level)."""
    own = questionnaire.level_for(100 * share)
    starts = [questionnaire.level_start(lv) for lv in questionnaire.levels]  # 0..100, whatever the score scale
    later = [start for start in starts if start > questionnaire.level_start(own)]
    return min(later) if later else None


def _capped(
    questionnaire: Questionnaire, raw: float | None, criticals: list[tuple[QuestionScore, float]]
) -> tuple[float | None, float | None, list[str]]:
    """(score after caps, the binding cap, the questions that set it) for a 0..100 ``raw`` score."""
    if raw is None:
        return None, None, []
    caps = [(q.id, c) for q, s in criticals if (c := level_cap(questionnaire, s)) is not None]
    if not caps:
        return raw, None, []
    lowest = min(c for _, c in caps)
    if lowest >= raw:
        return raw, None, []
    return lowest, lowest, [qid for qid, c in caps if c == lowest]


def _score_dimension(
    questionnaire: Questionnaire,
    dim: Any,
    members: list[QuestionScore],
    target: float,
    lang: str,
    count: tuple[int, int],
) -> DimensionScore:
    counted = [q for q in members if q.counted]
    demand = dim.side == "demand"
    worst_items = [(q, q.score or 0.0) for q in counted]
    best_items = [(q, q.best if q.best is not None else (q.score or 0.0)) for q in counted]
    worst_raw, best_raw = _aggregate(dim, worst_items), _aggregate(dim, best_items)
    score_raw = None if worst_raw is None else 100 * worst_raw
    other_raw = None if best_raw is None else 100 * best_raw
    cap = uncapped = None
    capped_by: list[str] = []
    if not demand:  # a cap is a ceiling on readiness; pressure has none
        criticals_worst = [(q, s) for q, s in worst_items if q.critical]
        criticals_best = [(q, s) for q, s in best_items if q.critical]
        uncapped = None if score_raw is None else round(score_raw, 2)
        score_raw, cap, capped_by = _capped(questionnaire, score_raw, criticals_worst)
        other_raw, _, _ = _capped(questionnaire, other_raw, criticals_best)
    dim_score = None if score_raw is None else round(score_raw, 2)
    other = None if other_raw is None else round(other_raw, 2)
    low, high = (other, dim_score) if demand else (dim_score, other)
    if counted and all(q.assumed for q in counted):
        dim_score = None  # nothing answered yet: no score to show, only the range (and no verdict)
    level = level_name = None
    if dim_score is not None and not demand:  # a maturity level names readiness; pressure has none
        ladder = [lv.id for lv in questionnaire.levels]
        uncapped_level = questionnaire.level_for(dim_score)
        levels = {q.id: questionnaire.level_for(100 * s) for q, s in worst_items if q.critical and not demand}
        chosen = min([uncapped_level, *levels.values()], key=lambda lv: ladder.index(lv.id))
        if chosen.id != uncapped_level.id:
            capped_by = sorted({*capped_by, *(qid for qid, lv in levels.items() if lv.id == chosen.id)})
        level, level_name = chosen.id, tr(chosen.name, lang)
    areas = tuple(
        AreaScore(
            id=area.id,
            title=tr(area.title, lang),
            score=None
            if (a := _weighted([(q.weight, q.score or 0.0) for q in counted if q.area == area.id])) is None
            else round(100 * a, 2),
        )
        for area in dim.areas
    )
    scored = [q for q in members if q.status != "not_scored"]
    evidence_pool = [q for q in members if q.weight > 0 and q.status in ("answered", "dont_know", "unanswered")]
    evidence = sum(q.status == "answered" for q in evidence_pool)
    return DimensionScore(
        id=dim.id,
        title=tr(dim.title, lang),
        side=dim.side,
        weight=dim.weight,
        score=dim_score,
        level=level,
        level_name=level_name,
        capped_by=tuple(capped_by),
        target=target,
        gap=None if dim_score is None or demand else round(target - dim_score, 2),
        answered=sum(q.status == "answered" for q in scored),
        not_applicable=sum(q.status == "na" for q in scored),
        dont_know=sum(q.status == "dont_know" for q in scored),
        unanswered=sum(q.status == "unanswered" for q in scored),
        hidden=sum(q.status == "hidden" for q in scored),
        total=count[1],
        given=count[0],
        areas=areas,
        low=low,
        high=high,
        coverage=round(evidence / len(evidence_pool), 4) if evidence_pool else 1.0,
        cap=cap,
        uncapped=uncapped if cap is not None else None,
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


@dataclass(frozen=True)
class _Position:
    """Where a business stands on the balance, at one end of its range."""

    #: The pressure the verdict weighs: measured demand pressure, raised by visible overrun.
    pressure: float
    operations: float
    link: float
    weakest: str
    controlled: bool
    failing: bool
    measured: float = 0.0
    #: 0..1: how far today's promises are broken (``overrun`` questions), and the binding area.
    overrun: float = 0.0
    area: str | None = None


def demand_kinds(
    questionnaire: Questionnaire, scores: list[QuestionScore], share: Any, pressure: float
) -> dict[str, float]:
    """The strength of each kind of pressure, 0..1, read from the demand side alone (so no operations
    answer can change how loaded an area is): ``spike`` and ``growth`` are the highest share among the
    demand questions of that kind; ``slack`` is how quiet demand is, 1 with no pressure, 0 from twice the
    quiet line up."""
    demand = {d.id for d in questionnaire.dimensions if d.side == "demand"}
    kinds: dict[str, float] = {}
    for q in scores:
        kind = questionnaire.question(q.id).pressure
        if q.dimension in demand and q.counted and kind in ("spike", "growth"):
            kinds[kind] = max(kinds.get(kind, 0.0), share(q))
    quiet = questionnaire.balance.quiet
    kinds["slack"] = min(max(1 - pressure / (2 * quiet), 0.0), 1.0) if quiet > 0 else 0.0
    return kinds


def area_strengths(
    questionnaire: Questionnaire,
    dim: Any,
    members: list[QuestionScore],
    share: Any,
    kinds: Mapping[str, float],
) -> dict[str | None, tuple[float, float]]:
    """Each area's (weight, strength) as a link (docs/scoring.md §3): its readiness with its shortfall
    discounted by how loaded it is, ``strength = 100 − load × (100 − readiness)``. The load is the
    strongest kind of pressure the area names (at least ``exposure_floor``); an area naming none, and the
    questions in no area (one group, ``None``), are fully loaded. A critical question caps its own area.
    Overrun evidence (promises kept, reply times) measures load already failing, not a part that carries
    it: it raises the pressure instead, and is left out here so it does not count twice."""
    settings = questionnaire.balance
    counted = [q for q in members if q.counted and not questionnaire.question(q.id).overrun]
    tags = {a.id: a.pressure for a in dim.areas}
    groups: dict[str | None, list[QuestionScore]] = {}
    for q in counted:
        groups.setdefault(q.area if q.area in tags else None, []).append(q)
    parts: dict[str | None, tuple[float, float]] = {}
    for area, qs in groups.items():
        weight = sum(q.weight for q in qs)
        readiness = 100 * sum(q.weight * share(q) for q in qs) / weight
        named = tags.get(area) if area is not None else None
        # Naming no kind (left out): every kind, fully; `[]`: no demand pressure, only the floor.
        load = 1.0 if named is None else max([settings.exposure_floor, *(kinds.get(k, 0.0) for k in named)])
        strength = 100 - load * (100 - readiness)
        caps = [c for q in qs if q.critical and (c := level_cap(questionnaire, share(q))) is not None]
        parts[area] = (weight, min(strength, *caps) if caps else strength)
    return parts


def link_score(
    questionnaire: Questionnaire,
    dim: Any,
    members: list[QuestionScore],
    share: Any,
    kinds: Mapping[str, float],
    plain: float,
) -> tuple[float, str | None]:
    """The score a dimension is judged by as a link (docs/scoring.md §3), and the area that binds it.

    A soft minimum over the areas' strengths (:func:`area_strengths`),
    ``(1 − area_softness) × their weighted mean + area_softness × the weakest``, never above the cap a
    critical question sets on the dimension (then its area binds). ``plain`` (the dimension's score at
    this end) is used as it is when the dimension is one group of questions naming no pressure, with no
    overrun evidence: there is nothing to weigh.
    """
    settings = questionnaire.balance
    counted = [q for q in members if q.counted]
    parts = area_strengths(questionnaire, dim, members, share, kinds)
    if not parts:
        return plain, None
    tags = {a.id: a.pressure for a in dim.areas}
    plain_overrun = any(questionnaire.question(q.id).overrun for q in counted)
    if len(parts) == 1 and all(tags.get(a) is None for a in parts) and not plain_overrun:
        return plain, next(iter(parts))
    mean = _weighted(list(parts.values())) or 0.0
    area = min(parts, key=lambda a: parts[a][1])
    link = (1 - settings.area_softness) * mean + settings.area_softness * parts[area][1]
    caps = [
        (c, q.area if q.area in tags else None)
        for q in counted
        if q.critical and (c := level_cap(questionnaire, share(q))) is not None
    ]
    if caps and min(caps, key=lambda c: c[0])[0] < link:
        link, area = min(caps, key=lambda c: c[0])
    return link, area


def _position(
    questionnaire: Questionnaire,
    dimensions: list[DimensionScore],
    scores: list[QuestionScore],
    end: Literal["worst", "best"],
) -> _Position | None:
    settings = questionnaire.balance
    # A dimension with nothing answered yet still counts, at its worst end: skipping it never helps.
    ops = [d for d in dimensions if d.side == "operations" and d.low is not None]
    demand = [d for d in dimensions if d.side == "demand" and d.low is not None]
    if not any(d.score is not None for d in ops) or not any(d.score is not None for d in demand):
        return None

    def value(d: DimensionScore) -> float:
        operations_side = d.side == "operations"
        if end == "worst":
            return (d.low if operations_side else d.high) or 0.0
        return (d.high if operations_side else d.low) or 0.0

    def share(q: QuestionScore) -> float:
        return (q.score or 0.0) if end == "worst" else (q.best if q.best is not None else (q.score or 0.0))

    operations = _weighted([(d.weight, value(d)) for d in ops]) or 0.0
    pressure = _weighted([(d.weight, value(d)) for d in demand]) or 0.0
    kinds = demand_kinds(questionnaire, scores, share, pressure)
    # The control dimension changes how demand reaches operations; it carries no load, so it is never the link.
    links = [d for d in ops if d.id != settings.control_dimension] or ops
    by_dim: dict[str, list[QuestionScore]] = {}
    for q in scores:
        by_dim.setdefault(q.dimension, []).append(q)
    models = {d.id: d for d in questionnaire.dimensions}
    judged = {
        d.id: link_score(questionnaire, models[d.id], by_dim.get(d.id, []), share, kinds, value(d)) for d in links
    }
    weakest = min(links, key=lambda d: judged[d.id][0])  # ties: the first in the questionnaire
    weakest_link, area = judged[weakest.id]
    link = (1 - settings.softness) * weakest_link + settings.softness * operations

    # Overrun: promises already broken while demand keeps coming are direct evidence that demand is ahead.
    op_dims = {d.id for d in ops}
    evidence = [
        (q.weight, share(q))
        for q in scores
        if q.counted and q.dimension in op_dims and questionnaire.question(q.id).overrun
    ]
    kept = _weighted(evidence)
    inflow = min(kinds.get("growth", 0.0) / (settings.quiet / 100), 1.0) if settings.quiet > 0 else 1.0
    overrun = 0.0 if kept is None else (1 - kept) * inflow
    # Half the evidence failing is a bad month for a business in step; beyond it, each point of overrun
    # moves demand ahead of the link, reaching ``balance.overrun`` points when every promise is broken.
    effective = max(pressure, link + (2 * overrun - 1) * settings.overrun)

    failing_ids = {q.id for q in scores if q.critical and q.counted and q.dimension in op_dims}
    failing = any(share(q) < settings.critical_fail - EPS for q in scores if q.id in failing_ids)
    controlled = False
    control = next((d for d in ops if d.id == settings.control_dimension), None)
    if control is not None:
        control_failing = any(
            share(q) < settings.critical_fail - EPS for q in scores if q.id in failing_ids and q.dimension == control.id
        )
        controlled = value(control) >= settings.control - EPS and not control_failing
    if controlled:
        # A queue protects the capacity to deliver, not cash: demand a gap ahead of an area that holding
        # demand back cannot relieve is never under control.
        for d in links:
            model = models[d.id]
            closed = {a.id for a in model.areas if not a.controllable}
            if not closed:
                continue
            parts = area_strengths(questionnaire, model, by_dim.get(d.id, []), share, kinds)
            if any(effective - strength >= settings.gap - EPS for a, (_, strength) in parts.items() if a in closed):
                controlled = False
    return _Position(effective, operations, link, weakest.id, controlled, failing, pressure, overrun, area)


def _classify(p: _Position, gap: float, high: float, quiet: float = 25) -> str:
    return classify_balance(
        p.pressure, p.operations, gap, high, link=p.link, controlled=p.controlled, failing=p.failing, quiet=quiet
    )


def classify_balance(
    demand: float,
    operations: float,
    gap: float = 20,
    high: float = 60,
    *,
    link: float | None = None,
    controlled: bool = False,
    failing: bool = False,
    quiet: float = 25,
) -> str:
    """Name the quadrant (docs/scoring.md §3).

    Demand pressure is weighed against ``link`` (the weakest link; the operations average when not
    given): far ahead is the danger zone unless demand is held back under control. Operations far
    ahead (on average) of a quiet demand (below ``quiet``) is idle capacity. Otherwise the weakest link
    decides: strong and no failing critical question is scale-ready, else a foundation still being built.
    """
    link = operations if link is None else link
    if demand - link >= gap - EPS:
        return "demand_ahead_controlled" if controlled else "danger_zone"
    if operations - demand >= gap - EPS and demand < quiet - EPS:
        return "idle_capacity"
    if link >= high - EPS and not failing:
        return "scale_ready"
    return "foundation"


def _margin(p: _Position, quadrant: str, gap: float, high: float, quiet: float) -> tuple[float, str]:
    """Points from the position to the nearest line that would change the verdict, and that line."""
    ahead = p.pressure - p.link
    if quadrant in ("danger_zone", "demand_ahead_controlled"):
        return round(ahead - gap, 2), "demand ahead"
    lines = [(gap - ahead, "demand ahead")]
    idle_gap, quiet_gap = p.operations - p.pressure - gap, quiet - p.pressure
    if quadrant == "idle_capacity":
        lines += [(idle_gap, "idle capacity"), (quiet_gap, "quiet demand")]
    else:
        # to become idle both must hold: the farther of the two is the distance
        lines.append((max(-idle_gap, -quiet_gap), "idle capacity"))
        if not p.failing:
            lines.append((abs(p.link - high), "scale-ready"))
    distance, line = min(lines)
    return round(max(distance, 0.0), 2), line


def _balance(
    questionnaire: Questionnaire, dimensions: list[DimensionScore], scores: list[QuestionScore], lang: str
) -> Balance:
    settings = questionnaire.balance
    worst = _position(questionnaire, dimensions, scores, "worst")
    ops = [d for d in dimensions if d.side == "operations" and d.score is not None]
    demand_dims = [d for d in dimensions if d.side == "demand" and d.score is not None]
    operations = _weighted([(d.weight, d.score or 0.0) for d in ops])
    pressure = _weighted([(d.weight, d.score or 0.0) for d in demand_dims])
    ops = [d for d in dimensions if d.side == "operations" and d.low is not None]
    titles = {d.id: d.title for d in dimensions}
    failures = tuple(
        CriticalFailure(
            q.id,
            q.text,
            q.dimension,
            titles.get(q.dimension, q.dimension),
            q.status,
            q.label,
            level_cap(questionnaire, q.score or 0.0),
        )
        for q in scores
        if q.critical
        and q.counted
        and q.dimension in {d.id for d in ops}
        and (q.score or 0.0) < settings.critical_fail - EPS
    )
    if worst is None:
        return Balance(_round(pressure), _round(operations), None, None, None, None, critical_failures=failures)
    weakest = next(d for d in dimensions if d.id == worst.weakest)
    # The verdict is the more alarming of the range's two ends (unanswered questions at their worst, and
    # at their best), so no answer left open can make it look better; the other end is what it could be.
    at_worst = _classify(worst, settings.gap, settings.high, settings.quiet)
    best = _position(questionnaire, dimensions, scores, "best")
    at_best = _classify(best, settings.gap, settings.high, settings.quiet) if best is not None else at_worst
    quadrant, could_be = sorted((at_worst, at_best), key=SEVERITY.index)
    margin, line = _margin(worst, quadrant, settings.gap, settings.high, settings.quiet)
    index = worst.pressure - worst.link
    index_best = best.pressure - best.link if best is not None else index
    short = tuple(d.title for d in dimensions if d.low is not None and d.coverage < settings.coverage - EPS)
    leaning = None
    message = None
    if short:
        leaning, quadrant = quadrant, "not_placed"
        message = f"Not enough answers in {_and(list(short))} to place the business."
    label, meaning = QUADRANTS[quadrant]
    if message:
        meaning = message
    weakest_model = questionnaire.dimension(weakest.id)
    area_title = next((tr(a.title, lang) for a in weakest_model.areas if a.id == worst.area), None)
    return Balance(
        demand=_round(worst.measured),
        operations=_round(worst.operations),
        index=_round(index),
        quadrant=quadrant,
        label=label,
        meaning=meaning,
        weakest=weakest.id,
        weakest_title=weakest.title,
        weakest_score=weakest.low,
        link=_round(worst.link),
        controlled=worst.controlled,
        critical_failures=failures,
        short=short,
        message=message,
        leaning=leaning,
        could_be=could_be if could_be != (leaning or quadrant) else None,
        borderline=could_be != (leaning or quadrant),
        margin=margin,
        line=line,
        index_range=(round(min(index, index_best), 2), round(max(index, index_best), 2)),
        pressure=_round(worst.pressure),
        overrun=round(worst.overrun, 3),
        weakest_area=worst.area if area_title is not None else None,
        weakest_area_title=area_title,
    )


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _next_score(
    questionnaire: Questionnaire, question: Any, answer: Answer | None, current: float
) -> tuple[float, str | None]:
    """The level a finding aims for, and its score: the first level above ``current`` that is good in
    itself (at least ``GOOD_STEP`` of the way up), so "next" never names a state that is still a problem.

    For a number the search walks from the answer's band towards the better side, so a question that
    punishes both extremes (too much stock, too little) points back towards the middle, never across it.
    """
    if isinstance(question, MultipleChoiceQuestion):
        chosen = set(answer.value) if answer is not None and answer.kind == "value" else set()
        candidates = [o for o in question.options if o.id not in chosen and o.value > 0]
        if not candidates:
            return current, None
        best = max(candidates, key=lambda o: o.value)
        trial = Answer(question.id, "value", (*chosen, best.id))
        new_score, _ = answer_score(questionnaire, question, trial)
        return new_score, f"add: {tr(best.label)}"
    if isinstance(question, NumberQuestion):
        scores = [b.score for b in question.bands]
        shares = [rescale(s, scores) for s in scores]
        if answer is not None and answer.kind == "value":
            index = question.bands.index(_band(question, answer.value))
        else:  # "don't know": start from the worst band
            index = min(range(len(shares)), key=lambda i: shares[i])
        sides = [i for i in (index - 1, index + 1) if 0 <= i < len(shares) and shares[i] > current + EPS]
        if not sides:
            return current, None
        step = -1 if max(sides, key=lambda i: shares[i]) < index else 1
        i = index + step
        while 0 <= i + step < len(shares) and shares[i] < GOOD_STEP - EPS and shares[i + step] > shares[i] + EPS:
            i += step
        return shares[i], tr(question.bands[i].label)
    steps = questionnaire.steps(question)
    above = [s for s in steps if s.score > current + EPS]
    if not above:
        return current, None
    target = next((s for s in above if s.score >= GOOD_STEP - EPS), above[-1])
    return target.score, (tr(target.anchor) if target.anchor else None) or tr(target.label)


def _good_step(questionnaire: Questionnaire, question: Any, current: float) -> str | None:
    """The first level above ``current`` that is good in itself: what a bare "next step" points to."""
    if isinstance(question, MultipleChoiceQuestion):
        return None
    if isinstance(question, NumberQuestion):
        best = max(question.bands, key=lambda b: b.score)
        return tr(best.label)
    for step in questionnaire.steps(question):
        if step.score > current + EPS and step.score >= GOOD_STEP - EPS:
            return tr(step.anchor) if step.anchor else tr(step.label)
    return None


def _matching_advice(question: Any, answer: Answer | None, score_now: float, lang: str) -> list[Recommendation]:
    values = {"value": _when_value(answer), "score": score_now}
    matched = []
    for rec in question.recommendations:
        if rec.when is None:
            if score_now < 1 - EPS:
                matched.append(rec)
        elif expr.parse(rec.when).evaluate(values):
            matched.append(rec)
    return matched


def _worst_answer(questionnaire: Questionnaire, question: Any) -> Answer | None:
    if isinstance(question, MultipleChoiceQuestion):
        return Answer(question.id, "value", ())
    if isinstance(question, NumberQuestion):
        worst = min(question.bands, key=lambda b: b.score)
        index = question.bands.index(worst)
        below = (question.bands[index - 1].bound or 0) + 1 if index else 0
        value = worst.up_to if worst.up_to is not None else worst.below - 1 if worst.below is not None else below
        return Answer(question.id, "value", value)
    steps = questionnaire.steps(question)
    return Answer(question.id, "value", steps[0].value) if steps else None


def _when_value(answer: Answer | None) -> Any:
    if answer is None or answer.kind != "value":
        return None
    return list(answer.value) if isinstance(answer.value, tuple) else answer.value


def _advice(rec: Recommendation, lang: str) -> Advice:
    return Advice(tr(rec.text, lang), rec.effort, rec.impact, rec.horizon or _HORIZON[rec.effort], tuple(rec.needs))


def _urgency(dim: DimensionScore, balance: Balance, control_dimension: str | None) -> float:
    """How much a dimension's findings weigh (docs/scoring.md §4).

    While demand is far ahead, a dimension weighs by how far the pressure the verdict weighs (raised by
    visible overrun) exceeds it, so the weakest link leads, and the control dimension weighs like the
    weakest link (brakes and honest promises are the lever that works in days). Otherwise it weighs by
    how far it is behind its target.
    """
    ahead = balance.quadrant in ("danger_zone", "demand_ahead_controlled") or balance.leaning in (
        "danger_zone",
        "demand_ahead_controlled",
    )
    pressure = balance.pressure if balance.pressure is not None else balance.demand
    if ahead and pressure is not None:
        score = dim.score or 0.0
        if dim.id == control_dimension and not balance.controlled:
            score = balance.link if balance.link is not None else score
        return 1 + max(pressure - score, 0.0) / 25
    return 1 + max(dim.gap or 0.0, 0.0) / 100


def _kind_of(question: Any, answer: Answer | None) -> str | None:
    """The kind of pressure a finding guards against: its band's, for a number answered in a band that
    names one (too much stock guards against slack, too little against a spike), else the question's."""
    if isinstance(question, NumberQuestion) and answer is not None and answer.kind == "value":
        band = _band(question, answer.value)
        if band.pressure:
            return band.pressure
    return question.pressure


def exposure_values(given: Mapping[str, Answer]) -> dict[str, Any]:
    """What a ``matters_if`` condition reads: each answer's value, ``'na'`` for "not applicable",
    ``None`` for no answer or "don't know" (so an unknown never hides a finding)."""
    return {qid: ("na" if a.kind == "na" else condition_value(a)) for qid, a in given.items()}


def pressure_kinds(
    questionnaire: Questionnaire, scores: list[QuestionScore], dimensions: list[DimensionScore]
) -> dict[str, float]:
    """The strongest pressure of each kind, 0..1: for ``spike`` and ``growth`` the highest share among the
    demand questions of that kind (unknowns at their worst, as in the score); ``slack`` is how far
    operations run ahead of demand pressure, reaching 1 at the idle-capacity line."""
    demand = {d.id for d in dimensions if d.side == "demand"}
    kinds: dict[str, float] = {}
    for q in scores:
        kind = questionnaire.question(q.id).pressure
        if q.dimension in demand and q.counted and kind:
            kinds[kind] = max(kinds.get(kind, 0.0), q.score or 0.0)
    operations = _weighted(
        [(d.weight, d.score or 0.0) for d in dimensions if d.side == "operations" and d.score is not None]
    )
    pressure = _weighted([(d.weight, d.score or 0.0) for d in dimensions if d.side == "demand" and d.score is not None])
    if operations is not None and pressure is not None:
        # Slack: operations running ahead of demand, full at the idle-capacity line.
        kinds["slack"] = min(max((operations - pressure) / questionnaire.balance.gap, 0.0), 1.0)
    return kinds


def _findings(
    questionnaire: Questionnaire,
    scores: list[QuestionScore],
    dimensions: list[DimensionScore],
    balance: Balance,
    given: Mapping[str, Answer],
    policy: ScoringPolicy,
    lang: str,
) -> list[Finding]:
    settings = questionnaire.balance
    dims = {d.id: d for d in dimensions}
    side_weight: dict[str, float] = {}
    for d in dimensions:
        if d.score is not None:
            side_weight[d.side] = side_weight.get(d.side, 0.0) + d.weight
    counted_weight: dict[str, float] = {}
    counted_n: dict[str, int] = {}
    for q in scores:
        if q.counted:
            counted_weight[q.dimension] = counted_weight.get(q.dimension, 0.0) + q.weight
            counted_n[q.dimension] = counted_n.get(q.dimension, 0) + 1
    order = {q.id: i for i, q in enumerate(questionnaire.questions)}
    verdict = balance.leaning or balance.quadrant
    kinds = pressure_kinds(questionnaire, scores, dimensions)
    if balance.overrun:  # promises already broken while demand keeps coming: sustained load, today
        kinds["growth"] = max(kinds.get("growth", 0.0), balance.overrun)
    exposure = exposure_values(given)
    demand_ahead = verdict in ("danger_zone", "demand_ahead_controlled")
    load = demand_kinds(questionnaire, scores, lambda q: q.score or 0.0, balance.demand or 0.0)
    if balance.overrun:
        load["growth"] = max(load.get("growth", 0.0), balance.overrun)
    area_load = {
        a.id: max([settings.exposure_floor, *(load.get(k, 0.0) for k in a.pressure)])
        for d in questionnaire.dimensions
        for a in d.areas
        if a.pressure is not None
    }
    # Spare throughput today: every headroom question answered in its best band. Then more capacity is
    # advised only in the binding area; anywhere else it adds cost, not output (a non-constraint).
    headroom = [q for q in scores if q.status == "answered" and q.counted and questionnaire.question(q.id).headroom]
    spare = bool(headroom) and all((q.score or 0.0) >= 1 - EPS for q in headroom)
    # Over-supply needs spare supply: while the busiest step is filling up or full (a headroom answer below
    # its best in a band that is not itself slack), slack weighs only as much as the room that is left.
    busy = [
        q
        for q in headroom
        if _kind_of(questionnaire.question(q.id), given.get(q.id)) != "slack" and (q.score or 0.0) < 1 - EPS
    ]
    if busy and "slack" in kinds:
        kinds["slack"] *= min(q.score or 0.0 for q in busy)
    for q in busy:  # a busiest step filling up is loaded by today's demand, whatever is coming
        area_load[q.area] = 1.0

    findings: list[Finding] = []
    for qs in scores:
        dim = dims[qs.dimension]
        if dim.side != "operations":
            continue  # demand pressure is the weather, not a fault to fix
        question = questionnaire.question(qs.id)
        if (question.grows == "capacity" and verdict == "idle_capacity") or (
            question.grows == "demand" and demand_ahead
        ):
            continue  # context: no more capacity while it stands idle, no more demand while it is ahead
        binding = qs.dimension == balance.weakest and balance.weakest_area in (None, qs.area)
        if question.grows == "capacity" and spare and not binding:
            continue  # context: throughput has room, so growing it is not what relieves the binding constraint
        if question.matters_if and not expr.parse(question.matters_if).evaluate(exposure):
            continue  # context: the business is not exposed to what this question guards against
        answer = given.get(qs.id)
        dont_know = qs.status == "dont_know"
        if not (dont_know or (qs.status == "answered" and qs.counted and qs.score is not None and qs.score < 1 - EPS)):
            continue
        current = qs.score if qs.score is not None else _lowest(questionnaire, question)
        if not dont_know and current >= GOOD_STEP - EPS:
            continue  # already at a level good in itself: where a finding would aim, so polishing, not a fix
        new_score, next_label = _next_score(questionnaire, question, answer, current)
        points = 0.0
        if qs.counted and counted_weight.get(qs.dimension):
            points = 100 * qs.weight * (new_score - current) / counted_weight[qs.dimension]
        overall = points * dim.weight / side_weight[dim.side] if side_weight.get(dim.side) else 0.0
        if points <= EPS and not dont_know:
            continue
        # Impact: the share of the question's points still missing (fair across question types: worst to
        # best is a full step whatever the ladder), times its weight against the dimension's average
        # question (so a dimension with many questions does not shrink each), times the dimension's urgency.
        mean_weight = counted_weight.get(qs.dimension, 0.0) / max(counted_n.get(qs.dimension, 0), 1)
        relative = qs.weight / mean_weight if mean_weight > 0 else 1.0
        shortfall = 1.0 - (current if not dont_know else _lowest(questionnaire, question))
        impact = relative * shortfall * _urgency(dim, balance, settings.control_dimension)
        kind = _kind_of(question, answer)
        if kind in kinds:  # match the fix to the kind of pressure coming
            impact *= 0.5 + kinds[kind]
        elif kind is None and qs.area in area_load:  # no kind of its own: as loaded as its area
            impact *= area_load[qs.area]
        failing = qs.critical and qs.status == "answered" and (qs.score or 0.0) < settings.critical_fail - EPS
        if dont_know:
            # "Don't know" gets the advice for the worst answer, which is what it counts as, after the hint.
            answer = _worst_answer(questionnaire, question)
        advice = [_advice(r, lang) for r in _matching_advice(question, answer, current, lang)]
        if dont_know:
            hint = (
                tr(question.dont_know_advice, lang)
                if question.dont_know_advice
                else "Nobody could answer this. Find out who knows and answer it: not knowing is itself a risk."
            )
            advice.insert(0, Advice(hint, "low", "medium", 30))
        if not advice:
            good = _good_step(questionnaire, question, current)
            if good:
                advice.append(Advice(f"Aim for: {good}", "medium", "medium", 60, generic=True))
        title = tr(question.finding, lang) if question.finding else qs.text
        findings.append(
            Finding(
                question_id=qs.id,
                dimension=qs.dimension,
                text=qs.text,
                kind="dont_know" if dont_know else "improve",
                critical=qs.critical,
                current=qs.label,
                next=next_label,
                points=round(points, 2),
                overall_points=round(overall, 2),
                priority=round(impact, 3),
                recommendations=tuple(advice),
                title=title,
                dimension_title=dim.title,
                failing=failing,
            )
        )
    # Near-ties go to the measured bottleneck: a headroom question showing the busiest step filling up or
    # full is the constraint seen today, so it wins any tie within NEAR_TIE (then criticality, then the
    # questionnaire's order).
    bottleneck = {q.id for q in busy}

    def rank(f: Finding) -> float:
        return f.priority * (1 + NEAR_TIE) if f.question_id in bottleneck else f.priority

    findings.sort(key=lambda f: (not f.failing, -rank(f), not f.critical, order[f.question_id]))
    return findings


def make_plan(questionnaire: Questionnaire, findings: list[Finding] | tuple[Finding, ...]) -> Plan:
    """The 30/60/90-day plan (docs/scoring.md §5).

    Each finding's first action, in the findings' order, goes to the period its advice asks for or the
    first later one with room; an action that needs another question's action first never goes before
    it (that action is pulled forward in the order). At most ``plan.per_period`` actions a period; every
    other action, and every second piece of advice, waits in the backlog.
    """
    per_period = questionnaire.plan.per_period
    by_question = {f.question_id: f for f in findings}
    ordered: list[Finding] = []
    seen: set[str] = set()

    def visit(f: Finding, trail: frozenset[str]) -> None:
        if f.question_id in seen or f.question_id in trail or not f.recommendations:
            return
        for need in f.recommendations[0].needs:
            if need in by_question:
                visit(by_question[need], trail | {f.question_id})
        seen.add(f.question_id)
        ordered.append(f)

    for f in findings:
        visit(f, frozenset())
    periods: dict[int, list[PlanAction]] = {30: [], 60: [], 90: []}
    placed: dict[str, int | None] = {}
    backlog: list[PlanAction] = []
    texts: set[str] = set()
    for f in ordered:
        first = f.recommendations[0]
        if first.generic:  # "Aim for: Yes" says nothing alone in a plan: name the finding it answers
            goal = first.text.removeprefix("Aim for:").strip()
            first = replace(first, text=f"{f.title.rstrip('.')}: aim for “{goal}”.")
        if first.text in texts:
            continue
        texts.add(first.text)
        after = tuple(n for n in first.needs if n in by_question and n in seen)
        earliest = max([first.horizon if first.horizon in periods else 90, *(placed.get(n) or 0 for n in after)])
        blocked = any(n in placed and placed[n] is None for n in after)
        period = None
        if not blocked:
            period = next((p for p in (30, 60, 90) if p >= earliest and len(periods[p]) < per_period), None)
        action = PlanAction(
            first.text, f.question_id, f.title, f.dimension_title, first.effort, first.impact, period, after
        )
        placed[f.question_id] = period
        (periods[period] if period is not None else backlog).append(action)
    for f in findings:
        for advice in f.recommendations[1:]:
            if advice.text not in texts:
                texts.add(advice.text)
                backlog.append(
                    PlanAction(
                        advice.text, f.question_id, f.title, f.dimension_title, advice.effort, advice.impact, None
                    )
                )
    return Plan(per_period, tuple((p, tuple(a)) for p, a in periods.items()), tuple(backlog))
