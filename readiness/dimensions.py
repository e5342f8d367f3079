"""Questions and dimensions scored (docs/scoring.md §1–2): an answer's place on its ladder (0..1),
a dimension's weighted mean (0..100) with its range, its critical caps and its maturity level.

The lowest stage of :func:`readiness.scoring.score`: the balance and the findings read these scores.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from readiness import policy as policies
from readiness.answers import Answer
from readiness.model import MultipleChoiceQuestion, NumberQuestion, Questionnaire, ScoringPolicy, rescale, tr
from readiness.results import AreaScore, DimensionScore, QuestionScore, Status

#: Tolerance for comparing scores and shares (a band's bound, a level's start, a threshold).
EPS = 1e-9


@dataclass(frozen=True)
class Reading:
    """How other answers change the reading of a number (docs/scoring.md §2): ``drag`` is taken off before
    any band is chosen (weeks of cash a year's growth ties up in unpaid invoices), ``allowance`` only off a
    number in a slack band above the best one (stock that covers the wait for more is not excess)."""

    drag: float = 0.0
    allowance: float = 0.0


PLAIN = Reading()


def answer_score(
    questionnaire: Questionnaire, question: Any, answer: Answer, reading: Reading = PLAIN
) -> tuple[float, str | None]:
    """Score 0..1 and the level label of a real (``kind == "value"``) answer (``reading``: see
    :func:`reading_for`)."""
    if isinstance(question, MultipleChoiceQuestion):
        values = [o.value for o in question.options]
        low = sum(v for v in values if v < 0)
        high = sum(v for v in values if v > 0)
        chosen = sum(o.value for o in question.options if o.id in answer.value)
        fraction = 1.0 if high == low else (chosen - low) / (high - low)
        labels = [tr(o.label) for o in question.options if o.id in answer.value]
        return min(1.0, max(0.0, fraction)), ", ".join(labels) or "None of these"
    if isinstance(question, NumberQuestion):
        band = band_of(question, answer.value, reading)
        label = tr(band.label)
        plain = band_of(question, answer.value)
        moved = band is not plain
        drag, allowance = question.growth_drag, question.slack_allowance
        if moved and reading.drag > 0 and drag is not None and drag.label:
            label = f"{label} {tr(drag.label)}"
        elif moved and allowance is not None and allowance.label:
            label = f"{label} {tr(allowance.label)}"
        return rescale(band.score, [b.score for b in question.bands]), label
    for step in questionnaire.steps(question):
        if step.value == answer.value:
            return step.score, tr(step.label)
    return 0.0, None  # pragma: no cover - validate_answer guarantees a step


def band_says(question: Any, value: Any, field: Literal["pressure", "grows"], reading: Reading = PLAIN) -> str | None:
    """A question's ``pressure`` or ``grows``, as the band a number is answered in says it where that band
    names one (too much stock guards against slack, a busiest step filling up is fixed by more capacity),
    else the question's own. The findings and the balance read bands through this one function."""
    if isinstance(question, NumberQuestion) and isinstance(value, int | float) and not isinstance(value, bool):
        said = getattr(band_of(question, value, reading), field)
        if said:
            return said
    return getattr(question, field)


def band_of(question: NumberQuestion, value: float, reading: Reading = PLAIN) -> Any:
    """The band a number falls in (the last one when none holds it), read as :class:`Reading` says.

    The drag comes off first (never below zero). The allowance is how much of the number is needed rather
    than excess: a number in a slack band above the best band is judged after taking it off, and lands no
    lower than the last band before the slack ones (what is needed to get more does not make stock short).
    """
    value = max(value - reading.drag, 0.0) if reading.drag > 0 else value
    band = _holding(question.bands, value)
    if reading.allowance <= 0 or band.pressure != "slack":
        return band
    bands = question.bands
    index = bands.index(band)
    best = max(range(len(bands)), key=lambda i: bands[i].score)
    if index <= best:
        return band  # slack below the best band (standing idle) has nothing to do with resupply
    before = [b for b in bands[:index] if b.pressure != "slack"]
    reduced = value - reading.allowance
    if before and before[-1].holds(reduced, EPS):
        return before[-1]
    return _holding(bands, reduced)


def _holding(bands: list[Any], value: float) -> Any:
    for band in bands:
        if band.holds(value, EPS):  # up_to inclusive, below exclusive
            return band
    return bands[-1]


def _number(given: Mapping[str, Answer], qid: str) -> float | None:
    """A real numeric answer, or None for missing, "don't know" or "not applicable"."""
    other = given.get(qid)
    if other is None or other.kind != "value" or not isinstance(other.value, int | float):
        return None
    return float(other.value)


def reading_for(question: Any, given: Mapping[str, Answer]) -> Reading:
    """How ``question``'s number is read given the other answers; an answer it reads that is missing or
    unknown changes nothing (an unknown allowance never helps; an unknown growth adds no drag, and the
    demand side already counts it at its worst)."""
    if not isinstance(question, NumberQuestion):
        return PLAIN
    drag = allowance = 0.0
    rule = question.growth_drag
    if rule is not None:
        growth, days = _number(given, rule.growth), _number(given, rule.days)
        if growth is not None and days is not None and growth > 0:
            drag = growth / 100 * days / rule.days_per_unit
    extra = question.slack_allowance
    if extra is not None and (other := _number(given, extra.question)) is not None:
        allowance = extra.factor * other
    return Reading(drag, allowance) if drag or allowance else PLAIN


def score_question(
    questionnaire: Questionnaire,
    question: Any,
    answer: Answer | None,
    shown: bool,
    policy: ScoringPolicy,
    lang: str,
    side: str = "operations",
    reading: Reading = PLAIN,
) -> QuestionScore:
    """One question's score, status and range at this business (``shown``: not hidden by ``show_if``)."""
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
        result_score, label = answer_score(questionnaire, question, answer, reading)
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
        optional=question.optional,
    )


def _worst(questionnaire: Questionnaire, question: Any, side: str) -> float:
    """The worst share an answer can take: the bottom of the ladder, or on the demand side the top
    (the most pressure)."""
    return 1.0 if side == "demand" else lowest_share(questionnaire, question)


def lowest_share(questionnaire: Questionnaire, question: Any) -> float:
    """The bottom of a question's ladder, 0..1 (a multiple choice with nothing chosen is 0)."""
    if isinstance(question, MultipleChoiceQuestion):
        return 0.0
    steps = questionnaire.steps(question)
    return steps[0].score if steps else 0.0


def weighted_mean(items: list[tuple[float, float]]) -> float | None:
    """The weighted mean of (weight, value) pairs; ``None`` when no weight counts."""
    total = sum(w for w, _ in items)
    if total <= 0:
        return None
    return sum(w * s for w, s in items) / total


def aggregate(dim: Any, items: list[tuple[QuestionScore, float]], not_peak: Collection[str] = ()) -> float | None:
    """A dimension's 0..1 score from (question, share) pairs: the weighted mean, blended with the
    highest of its peak questions when the dimension sets ``peak_share``. ``not_peak`` are peak questions left
    out of the peak (still in the mean): a queue taken earlier while orders fall (docs/scoring.md §3)."""
    mean = weighted_mean([(q.weight, s) for q, s in items])
    if mean is None:
        return None
    peaks = [s for q, s in items if q.id in dim.peak_questions and q.id not in not_peak]
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


def score_dimension(
    questionnaire: Questionnaire,
    dim: Any,
    members: list[QuestionScore],
    target: float,
    lang: str,
    count: tuple[int, int],
) -> DimensionScore:
    """A dimension's 0..100 score, its range, caps, level and answer counts from its questions' scores."""
    counted = [q for q in members if q.counted]
    demand = dim.side == "demand"
    worst_items = [(q, q.score or 0.0) for q in counted]
    best_items = [(q, q.best if q.best is not None else (q.score or 0.0)) for q in counted]
    worst_raw, best_raw = aggregate(dim, worst_items), aggregate(dim, best_items)
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
    # An area with nothing really answered (every question assumed at its worst) has no score of its own, as its
    # dimension has none: an incomplete assessment's table read "–" beside "↳ Reach 100" (a browser pass).
    areas = tuple(
        AreaScore(
            id=area.id,
            title=tr(area.title, lang),
            score=None
            if all(q.assumed for q in counted if q.area == area.id)
            or (a := weighted_mean([(q.weight, q.score or 0.0) for q in counted if q.area == area.id])) is None
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
