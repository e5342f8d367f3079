"""Scoring: questionnaire + answers → a frozen, explainable result. No I/O.

The rules are written out for non-programmers in docs/scoring.md; keep the two
in step. In short:

* a question scores 0..1 (its answer's place on its ladder);
* a dimension scores 0..100, the weighted mean of its counted questions;
* operations readiness and demand strength are weighted means of the
  dimensions on each side; the balance index is demand minus operations;
* findings rank the questions whose next level would add the most points,
  with critical questions and dimensions behind target first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from readiness import expr, scale
from readiness import policy as policies
from readiness.answers import Answer, AnswerSet, count_answers, visible_questions
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
_RANK = {"low": 0, "medium": 1, "high": 2}

QUADRANTS: dict[str, tuple[str, str]] = {
    "danger_zone": (
        "Selling dreams, delivering nightmares",
        "Demand is far ahead of what operations can deliver: a surge will break promises, cash and people.",
    ),
    "idle_capacity": (
        "Idle capacity",
        "Operations can deliver more than marketing brings in: grow demand before adding capacity.",
    ),
    "scale_ready": (
        "Scale-ready engine",
        "Both halves are strong and in step: the business is ready to grow fast.",
    ),
    "foundation": (
        "Foundation stage",
        "Both halves are still being built: grow them together, in small steps.",
    ),
}


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


@dataclass(frozen=True)
class Balance:
    demand: float | None
    operations: float | None
    index: float | None
    quadrant: str | None
    label: str | None
    meaning: str | None


@dataclass(frozen=True)
class Advice:
    text: str
    effort: str
    impact: str
    horizon: int


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

    question_scores = [
        _score_question(questionnaire, q, given.get(q.id), q.id in shown, policy, lang) for q in questionnaire.questions
    ]
    by_id = {qs.id: qs for qs in question_scores}

    counts = count_answers(questionnaire, given)  # the one count every screen shows
    dimensions = []
    raw_scores: dict[str, float | None] = {}  # unrounded, so side scores do not compound rounding
    for dim in questionnaire.dimensions:
        members = [by_id[q.id] for q in questionnaire.questions_in(dim.id)]
        target = questionnaire.target(target_profile, dim.id)  # written on the native scale
        dimension, raw_scores[dim.id] = _score_dimension(questionnaire, dim, members, target, lang, counts.of(dim.id))
        dimensions.append(dimension)

    balance = _balance(questionnaire, dimensions, raw_scores)
    findings = _findings(questionnaire, question_scores, dimensions, given, policy, lang)

    scored_visible = [q for q in question_scores if q.status not in ("hidden", "not_scored")]
    completion = counts.fraction

    all_warnings = list(warnings)
    missing = [q.id for q in scored_visible if q.status == "unanswered"]
    if missing:
        shown_ids = ", ".join(missing[:10]) + (f" and {len(missing) - 10} more" if len(missing) > 10 else "")
        how = "counted as the worst answer" if policies.counts_unanswered(policy) else "left out of the score"
        all_warnings.append(Problem("RA109", f"{len(missing)} question(s) unanswered and {how}: {shown_ids}"))

    return ScoreResult(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        questionnaire_hash=questionnaire.content_hash,
        profile=target_profile.id,
        profile_title=tr(target_profile.title, lang),
        language=lang,
        overall=policies.headline(questionnaire, policy, dimensions, raw_scores, question_scores),
        balance=balance,
        dimensions=tuple(dimensions),
        questions=tuple(question_scores),
        findings=tuple(findings),
        completion=round(completion, 4),
        policy={
            "dont_know": policy.dont_know,
            "not_applicable": policy.not_applicable,
            "unanswered": policy.unanswered,
            "rollup": policy.rollup,
        },
        warnings=tuple(all_warnings),
        business=answer_set.business,
        score_scale=questionnaire.score_scale,
        overall_label=scale.headline_label(questionnaire, lang),
    )


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
) -> QuestionScore:
    status: Status
    value = answer.value if answer else None
    note = answer.note if answer else None
    result_score: float | None = None
    label: str | None = None
    counted = False
    if not question.scored:
        status = "not_scored" if shown else "hidden"
    elif not shown:
        status = "hidden"
    elif answer is None:
        status = "unanswered"
        if policies.counts_unanswered(policy):  # a framework's rule, e.g. SAMM's toolbox counts a blank as 0
            result_score, counted = _lowest(questionnaire, question), True
    elif answer.kind == "na":
        status = "na"
        label = "Not applicable"
        if policy.not_applicable == "lowest":
            result_score, counted = _lowest(questionnaire, question), True
    elif answer.kind == "dont_know":
        status = "dont_know"
        label = "Don't know"
        if policy.dont_know == "lowest":
            result_score, counted = _lowest(questionnaire, question), True
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
    )


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


def _score_dimension(
    questionnaire: Questionnaire,
    dim: Any,
    members: list[QuestionScore],
    target: float,
    lang: str,
    count: tuple[int, int],
) -> tuple[DimensionScore, float | None]:
    counted = [(q.weight, q.score or 0.0) for q in members if q.counted]
    raw = _weighted(counted)
    dim_score = None if raw is None else round(100 * raw, 2)
    level = level_name = None
    capped_by: list[str] = []
    if dim_score is not None:
        ladder = [lv.id for lv in questionnaire.levels]
        uncapped = questionnaire.level_for(dim_score)
        caps = {
            q.id: questionnaire.level_for(100 * q.score)
            for q in members
            if q.critical and q.counted and q.score is not None
        }
        chosen = min([uncapped, *caps.values()], key=lambda lv: ladder.index(lv.id))
        if chosen.id != uncapped.id:
            capped_by = [qid for qid, cap in caps.items() if cap.id == chosen.id]
        level, level_name = chosen.id, tr(chosen.name, lang)
    areas = tuple(
        AreaScore(
            id=area.id,
            title=tr(area.title, lang),
            score=None
            if (a := _weighted([(q.weight, q.score or 0.0) for q in members if q.counted and q.area == area.id]))
            is None
            else round(100 * a, 2),
        )
        for area in dim.areas
    )
    scored = [q for q in members if q.status != "not_scored"]
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
        gap=None if dim_score is None else round(target - dim_score, 2),
        answered=sum(q.status == "answered" for q in scored),
        not_applicable=sum(q.status == "na" for q in scored),
        dont_know=sum(q.status == "dont_know" for q in scored),
        unanswered=sum(q.status == "unanswered" for q in scored),
        hidden=sum(q.status == "hidden" for q in scored),
        total=count[1],
        given=count[0],
        areas=areas,
    ), (None if raw is None else 100 * raw)


def _side_score(dimensions: list[DimensionScore], raw: Mapping[str, float | None], side: str) -> float | None:
    return _weighted([(d.weight, s) for d in dimensions if d.side == side and (s := raw[d.id]) is not None])


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _balance(
    questionnaire: Questionnaire, dimensions: list[DimensionScore], raw: Mapping[str, float | None]
) -> Balance:
    operations = _side_score(dimensions, raw, "operations")
    demand = _side_score(dimensions, raw, "demand")
    if operations is None or demand is None:
        return Balance(_round(demand), _round(operations), None, None, None, None)
    quadrant = classify_balance(demand, operations, questionnaire.balance.gap, questionnaire.balance.high)
    label, meaning = QUADRANTS[quadrant]
    return Balance(_round(demand), _round(operations), _round(demand - operations), quadrant, label, meaning)


def classify_balance(demand: float, operations: float, gap: float = 20, high: float = 60) -> str:
    """Name the quadrant: one side far ahead first, then strong or still building."""
    if demand - operations >= gap:
        return "danger_zone"
    if operations - demand >= gap:
        return "idle_capacity"
    if (demand + operations) / 2 >= high:
        return "scale_ready"
    return "foundation"


def _next_score(
    questionnaire: Questionnaire, question: Any, answer: Answer | None, current: float
) -> tuple[float, str | None]:
    """The score and label one step up the question's ladder from ``current``."""
    if isinstance(question, MultipleChoiceQuestion):
        chosen = set(answer.value) if answer is not None and answer.kind == "value" else set()
        candidates = [o for o in question.options if o.id not in chosen and o.value > 0]
        if not candidates:
            return current, None
        best = max(candidates, key=lambda o: o.value)
        trial = Answer(question.id, "value", (*chosen, best.id))
        new_score, _ = answer_score(questionnaire, question, trial)
        return new_score, f"add: {tr(best.label)}"
    for step in questionnaire.steps(question):
        if step.score > current + EPS:
            anchor = tr(step.anchor) if step.anchor else None
            return step.score, anchor or tr(step.label)
    return current, None


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
    steps = questionnaire.steps(question)
    return Answer(question.id, "value", steps[0].value) if steps else None


def _when_value(answer: Answer | None) -> Any:
    if answer is None or answer.kind != "value":
        return None
    return list(answer.value) if isinstance(answer.value, tuple) else answer.value


def _advice(rec: Recommendation, lang: str) -> Advice:
    return Advice(tr(rec.text, lang), rec.effort, rec.impact, rec.horizon or _HORIZON[rec.effort])


def _findings(
    questionnaire: Questionnaire,
    scores: list[QuestionScore],
    dimensions: list[DimensionScore],
    given: Mapping[str, Answer],
    policy: ScoringPolicy,
    lang: str,
) -> list[Finding]:
    dims = {d.id: d for d in dimensions}
    side_weight: dict[str, float] = {}
    for d in dimensions:
        if d.score is not None:
            side_weight[d.side] = side_weight.get(d.side, 0.0) + d.weight
    counted_weight: dict[str, float] = {}
    for q in scores:
        if q.counted:
            counted_weight[q.dimension] = counted_weight.get(q.dimension, 0.0) + q.weight
    order = {q.id: i for i, q in enumerate(questionnaire.questions)}

    findings: list[Finding] = []
    for qs in scores:
        question = questionnaire.question(qs.id)
        answer = given.get(qs.id)
        dont_know = qs.status == "dont_know"
        if not (dont_know or (qs.counted and qs.score is not None and qs.score < 1 - EPS)):
            continue
        dim = dims[qs.dimension]
        current = qs.score if qs.score is not None else _lowest(questionnaire, question)
        new_score, next_label = _next_score(questionnaire, question, answer, current)
        points = 0.0
        if qs.counted and counted_weight.get(qs.dimension):
            points = 100 * qs.weight * (new_score - current) / counted_weight[qs.dimension]
        overall = points * dim.weight / side_weight[dim.side] if side_weight.get(dim.side) else 0.0
        if points <= EPS and not dont_know:
            continue
        urgency = 1 + max(dim.gap or 0.0, 0.0) / 100
        priority = (points or 1.0) * (2 if qs.critical else 1) * urgency * (1.5 if dont_know else 1)
        if dont_know:
            # "Don't know" gets the advice for the worst answer, which is what it
            # counts as, after the hint to find out.
            answer = _worst_answer(questionnaire, question)
        advice = [_advice(r, lang) for r in _matching_advice(question, answer, current, lang)]
        if dont_know:
            hint = (
                tr(question.dont_know_advice, lang)
                if question.dont_know_advice
                else ("Nobody could answer this. Find out who knows and answer it: not knowing is itself a risk.")
            )
            advice.insert(0, Advice(hint, "low", "medium", 30))
        if not advice and next_label:
            advice.append(Advice(f"Next step: {next_label}", "medium", "medium", 60))
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
                priority=round(priority, 3),
                recommendations=tuple(advice),
            )
        )
    findings.sort(key=lambda f: (-f.priority, not f.critical, order[f.question_id]))
    return findings
