"""Findings and the plan (docs/scoring.md §4–5): operations questions ranked by business impact,
with the advice that fits the answer, and the 30/60/90-day plan built from them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, Literal

from readiness import expr
from readiness.answers import Answer, condition_value
from readiness.balance import LEVER_WEAK, demand_kinds, pressure_kinds
from readiness.dimensions import (
    EPS,
    PLAIN,
    Reading,
    answer_score,
    band_of,
    band_says,
    lowest_share,
    reading_for,
)
from readiness.markup import fill_quotes, quoted_names
from readiness.model import (
    MultipleChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    Recommendation,
    ScaleQuestion,
    ScoringPolicy,
    SingleChoiceQuestion,
    rescale,
    tr,
)
from readiness.results import Advice, Balance, DimensionScore, Finding, Plan, PlanAction, QuestionScore

#: Horizon (days) of a recommendation that does not set one, by effort.
_HORIZON = {"low": 30, "medium": 60, "high": 90}
#: Impacts within this share of each other are a near-tie (docs/scoring.md §4): the answers behind them are
#: coarse (a few levels, a few bands), so a 5% difference says less than which step is the bottleneck today.
NEAR_TIE = 0.05
#: A "next step" shown without a recommendation is a level at least this good (docs/scoring.md §4).
GOOD_STEP = 0.75
#: How much more a finding weighs when the owner said what it fixes has gone wrong lately (docs/scoring.md §4,
#: "Harm already done"): chosen on the seen calibration cases, then tested on two rounds it had not seen.
NAMED_WEIGHT = 2.0
#: How much more a question marked ``steers_demand`` (price) weighs while demand is ahead (docs/scoring.md §4,
#: "Price is a brake"): it holds demand back where the business is full and pays for the capacity that is
#: added. Chosen on the seen calibration cases among 1, 1.5, 2 and 3, then tested on a round it had not seen.
STEER_WEIGHT = 2.0
#: How many first findings hold one finding per topic at most (docs/scoring.md §4, "One fix, one place"): the
#: first fixes a report and a plan lead with (their actions start in the plan's first period with room).
FIRST_FIXES = 3
#: How many first findings a plan never leaves to the backlog (docs/scoring.md §5): the fixes a report's summary
#: lists first (the PDF's two pages show up to five). Where the preparations for an event fill every place, such a
#: fix takes the place of the last action planned that is neither a first fix, a failing critical one nor a brake.
PLANNED_FIXES = 5


def _next_score(
    questionnaire: Questionnaire,
    question: Any,
    answer: Answer | None,
    current: float,
    reading: Reading = PLAIN,
    *,
    modest: bool = False,
    prefer: str | None = None,
) -> tuple[float, str | None, str | None]:
    """The level a finding aims for: its score, what it looks like in words (the level's anchor where it
    has one) and its short name (the label "now" is shown with, so the two read alike). The first level
    above ``current`` that is good in itself (at least ``GOOD_STEP`` of the way up), so "next" never names
    a state that is still a problem.

    For a number the search walks from the answer's band towards the better side, so a question that
    punishes both extremes (too much stock, too little) points back towards the middle, never across it.
    ``modest``: a demand lever aims one level up, the next thing to try, not the far end of its ladder.
    ``prefer``: on a multiple-choice question, the option the advice given adds (a recommendation's
    ``adds``), so the heading names what the advice under it says to do.
    """
    if isinstance(question, MultipleChoiceQuestion):
        chosen = set(answer.value) if answer is not None and answer.kind == "value" else set()
        candidates = [o for o in question.options if o.id not in chosen and o.value > 0]
        if not candidates:
            return current, None, None
        preferred = [o for o in candidates if o.id == prefer]
        best = preferred[0] if preferred else max(candidates, key=lambda o: o.value)
        trial = Answer(question.id, "value", (*chosen, best.id))
        new_score, _ = answer_score(questionnaire, question, trial)
        # "Now: None of these yet. Next: add “A cash shortfall”" read as a form's words (a blind review): the
        # option itself is next, "also" once something real is already chosen.
        has = any(o.id in chosen and o.value > 0 for o in question.options)
        added = f"{'also ' if has else ''}“{tr(best.label)}”"
        return new_score, added, added
    if isinstance(question, NumberQuestion):
        scores = [b.score for b in question.bands]
        shares = [rescale(s, scores) for s in scores]
        if answer is not None and answer.kind == "value":
            index = question.bands.index(band_of(question, answer.value, reading))
        else:  # "don't know": start from the worst band
            index = min(range(len(shares)), key=lambda i: shares[i])
        sides = [i for i in (index - 1, index + 1) if 0 <= i < len(shares) and shares[i] > current + EPS]
        if not sides:
            return current, None, None
        step = -1 if max(sides, key=lambda i: shares[i]) < index else 1
        i = index + step
        while 0 <= i + step < len(shares) and shares[i] < GOOD_STEP - EPS and shares[i + step] > shares[i] + EPS:
            i += step
        own = question.bands[index].next_step  # the band's own next step, where the good band is out of reach
        said = tr(own) if own is not None else tr(question.bands[i].label)
        return shares[i], said, said
    steps = questionnaire.steps(question)
    above = [s for s in steps if s.score > current + EPS]
    if not above:
        return current, None, None
    # A demand lever aims one step up (a first campaign, a second channel), never at "our biggest push yet".
    target = above[0] if modest else next((s for s in above if s.score >= GOOD_STEP - EPS), above[-1])
    chosen = answer.value if answer is not None and answer.kind == "value" else None
    option = next((o for o in getattr(question, "options", None) or [] if o.id == chosen), None)
    if option is not None and option.next_step is not None:  # the option's own aim (review 25: not "far beyond")
        return target.score, tr(option.next_step), tr(option.next_step)
    return target.score, (tr(target.anchor) if target.anchor else None) or tr(target.label), tr(target.label)


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


def _matching_advice(
    question: Any,
    answer: Answer | None,
    score_now: float,
    lang: str,
    reads: Mapping[str, Any] | None = None,
) -> list[Recommendation]:
    """The recommendations whose ``when`` holds for this answer (docs/questionnaire-format.md, "Conditions").

    A ``when`` reads ``value`` and ``score`` (this answer) and, like ``show_if`` and ``matters_if``, any other
    answer by its question id (``reads``: :func:`exposure_values`), so one finding can carry advice worded for
    the kind of business it is given to: overflow partners are fulfilment firms for a shop and other
    practitioners for a tattoo studio. ``value`` and ``score`` always mean this question's own answer.
    """
    values = {**(reads or {}), "value": _when_value(answer), "score": score_now}
    matched = []
    for rec in question.recommendations:
        if rec.when is None:
            if score_now < 1 - EPS:
                matched.append(rec)
        elif expr.parse(rec.when).evaluate(values):
            matched.append(rec)
    # Advice that quotes the owner's figure ("{recent_peak} times a normal day") is written out here, in the
    # language asked for; its `when` reads the figure, and advice a figure is missing from is not given.
    filled = []
    for rec in matched:
        text = tr(rec.text, lang)
        if not quoted_names(text):
            filled.append(rec)
        elif (written := fill_quotes(text, values)) is not None:
            filled.append(rec.model_copy(update={"text": written}))
    return filled


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
    return Advice(
        tr(rec.text, lang),
        rec.effort,
        rec.impact,
        rec.horizon or _HORIZON[rec.effort],
        tuple(rec.needs),
        before_event=rec.before_event,
    )


def finding_text(question: Any, answer: Answer | None, reading: Reading = PLAIN) -> Any:
    """What the answer given means, as a finding: the band's, option's or level's own words where the
    questionnaire gives them, else the question's. A middle answer is not the worst one, and a question that
    punishes both extremes must say which one this is."""
    if answer is not None and answer.kind == "value":
        value = answer.value
        if isinstance(question, NumberQuestion) and isinstance(value, int | float) and not isinstance(value, bool):
            band = band_of(question, value, reading)
            if band.finding:
                return band.finding
        elif isinstance(question, SingleChoiceQuestion):
            option = next((o for o in question.options if o.id == value), None)
            if option is not None and option.finding:
                return option.finding
        elif isinstance(question, ScaleQuestion) and isinstance(value, int | float) and not isinstance(value, bool):
            said = question.findings.get(float(value))
            if said:
                return said
    return question.finding


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


def _band_says(
    question: Any, answer: Answer | None, field: Literal["pressure", "grows"], reading: Reading = PLAIN
) -> str | None:
    """The kind of pressure a finding guards against, or what acting on it adds: :func:`band_says` for the
    answer given (a "don't know" or no answer reads the question's own)."""
    value = answer.value if answer is not None and answer.kind == "value" else None
    return band_says(question, value, field, reading)


def exposure_values(given: Mapping[str, Answer]) -> dict[str, Any]:
    """What a ``matters_if`` condition and a recommendation's ``when`` read of other answers: each answer's
    value, ``'na'`` for "not applicable", ``None`` for no answer or "don't know" (so an unknown never hides a
    finding, and advice written ``business_type != 'services'`` still reaches a business that did not say)."""
    return {qid: ("na" if a.kind == "na" else condition_value(a)) for qid, a in given.items()}


def named_today(
    questionnaire: Questionnaire, given: Mapping[str, Answer], lang: str = "en"
) -> dict[str, tuple[str, ...]]:
    """What the owner said is going wrong today, by the question that fixes it: each ticked option's label
    under every question its ``points_to`` names (docs/scoring.md §4). The answers alone say how a business
    works; only the owner can say which of its weak spots is already hurting."""
    named: dict[str, list[str]] = {}
    for question in questionnaire.questions:
        options = getattr(question, "options", None)
        answer = given.get(question.id)
        if not options or answer is None or answer.kind != "value":
            continue
        ticked = set(answer.value) if isinstance(answer.value, tuple | list) else {answer.value}
        for option in options:
            if option.id in ticked:
                for name in option.points_to:
                    named.setdefault(name, []).append(tr(option.label, lang))
    return {name: tuple(labels) for name, labels in named.items()}


def supply_ahead(questionnaire: Questionnaire, scores: list[QuestionScore], given: Mapping[str, Answer]) -> bool:
    """Whether some answer shows supply running ahead of demand: a number in a band that names itself
    slack (stock beyond the supplier's lead time, forecasts padded). Over-supply findings weigh by how
    quiet demand is only then: a quiet garage or vet with a fortnight of stock has no dead stock to clear,
    and a consultant reviewing its report struck out the forecast-padding advice. The busiest step is
    left aside: a machine standing idle says demand is short, not that forecasts run high."""
    for qs in scores:
        question = questionnaire.question(qs.id)
        answer = given.get(qs.id)
        if qs.status != "answered" or not isinstance(question, NumberQuestion) or question.headroom:
            continue
        if answer is None or answer.kind != "value" or isinstance(answer.value, bool):
            continue
        if band_of(question, answer.value, reading_for(question, given)).pressure == "slack":
            return True
    return False


def rank_findings(
    questionnaire: Questionnaire,
    scores: list[QuestionScore],
    dimensions: list[DimensionScore],
    balance: Balance,
    given: Mapping[str, Answer],
    policy: ScoringPolicy,
    lang: str,
) -> list[Finding]:
    """The operations questions worth acting on, most impact first (docs/scoring.md §4)."""
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
    if "slack" in kinds and not supply_ahead(questionnaire, scores, given):
        kinds["slack"] = 0.0  # quiet demand alone is no sign of padded forecasts or dead stock
    if balance.overrun:  # promises already broken while demand keeps coming: sustained load, today
        kinds["growth"] = max(kinds.get("growth", 0.0), balance.overrun)
    exposure = exposure_values(given)
    named = named_today(questionnaire, given, lang)
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
    # An area that touches only part of the business (the website: the orders that come online) weighs by that
    # share, never below the exposure floor; unanswered, in full (docs/scoring.md §4, "Weighed by its share").
    reach: dict[str, float] = {}
    for d in questionnaire.dimensions:
        for a in d.areas:
            answer = given.get(a.weighed_by) if a.weighed_by else None
            if answer is not None and answer.kind == "value" and isinstance(answer.value, int | float):
                share = min(max(float(answer.value) / 100, 0.0), 1.0)
                reach[a.id] = settings.exposure_floor + (1 - settings.exposure_floor) * share
    # Spare throughput today: every headroom question answered in its best band. Then more capacity is
    # advised only in the binding area; anywhere else it adds cost, not output (a non-constraint).
    headroom = [q for q in scores if q.status == "answered" and q.counted and questionnaire.question(q.id).headroom]
    # A band marked slack (the busiest step partly idle) has more room than the best band, not less.
    spare = bool(headroom) and all(
        (q.score or 0.0) >= 1 - EPS or _band_says(questionnaire.question(q.id), given.get(q.id), "pressure") == "slack"
        for q in headroom
    )
    # Brakes need something to brake: demand ahead of operations, or a spike or growth strong enough to
    # get there. Without either, holding demand back is not a fix today (the score still counts it); nor is
    # a precaution against a rush (`needs_load`: load-testing the website) for a business no rush is coming to.
    # Nor while the verdict is idle capacity, whatever the backlog weighs: a chutney kitchen working off five weeks
    # of hamper orders, its orders down a quarter, was told to plan "when full" and a waiting list (round 39).
    load_coming = demand_ahead or (
        verdict != "idle_capacity"
        and max(load.get("spike", 0.0), load.get("growth", 0.0)) >= settings.brake_floor - EPS
    )
    # A precaution against a rush (`needs_load`) needs a rush: the spike kind of pressure reaching the same floor.
    # Demand ahead by a waiting list or steady growth is not a rush at the website: a dental practice booked
    # six months out, or a dog-grooming round booked by phone, was told to load-test its website.
    rush = load.get("spike", 0.0) >= settings.brake_floor - EPS
    # Over-supply needs spare supply: while the busiest step is filling up or full (a headroom answer below
    # its best in a band that is not itself slack), slack weighs only as much as the room that is left.
    busy = [
        q
        for q in headroom
        if _band_says(questionnaire.question(q.id), given.get(q.id), "pressure") != "slack"
        and (q.score or 0.0) < 1 - EPS
    ]
    if busy and "slack" in kinds:
        kinds["slack"] *= min(q.score or 0.0 for q in busy)
    for q in busy:  # a busiest step filling up is loaded by today's demand, whatever is coming
        area_load[q.area] = 1.0

    # Routines (an area marked `carries_load: false`: priorities, the few numbers, the improvement loop, plan B)
    # make a business resilient, but no rush loads them: they rank as an area no pressure loads, whatever kind
    # their answer names (round 33, docs/scoring.md §4).
    routines = {(d.id, a.id) for d in questionnaire.dimensions for a in d.areas if not a.carries_load}
    findings: list[Finding] = []
    for qs in scores:
        dim = dims[qs.dimension]
        question = questionnaire.question(qs.id)
        lever = dim.side != "operations"
        reading = reading_for(question, given)
        grows = _band_says(question, given.get(qs.id), "grows", reading)
        if lever and not (grows == "demand" and verdict == "idle_capacity"):
            continue  # demand pressure is the weather, not a fault to fix, except where demand is what is short
        if (grows == "capacity" and verdict == "idle_capacity") or (grows == "demand" and demand_ahead):
            continue  # context: no more capacity while it stands idle, no more demand while it is ahead
        binding = qs.dimension == balance.weakest and balance.weakest_area in (None, qs.area)
        if question.brake and not load_coming:
            continue  # context: nothing to hold back
        failing = qs.critical and qs.status == "answered" and (qs.score or 0.0) < settings.critical_fail - EPS
        if question.needs_load and not rush and not failing:
            continue  # context: no rush coming to prepare for (a failing critical question is said all the same)
        if grows == "capacity" and spare and not binding:
            continue  # context: throughput has room, so growing it is not what relieves the binding constraint
        if question.matters_if and not failing and not expr.parse(question.matters_if).evaluate(exposure):
            # context: the business is not exposed to what this question guards against. A failing critical
            # answer is said all the same: a website "already gone down under a rush" beside a measured peak
            # that covers the rush coming is a failure the owner reported, not a risk the figures rule out.
            continue
        answer = given.get(qs.id)
        dont_know = qs.status == "dont_know"
        if not (dont_know or (qs.status == "answered" and qs.counted and qs.score is not None and qs.score < 1 - EPS)):
            continue
        current = qs.score if qs.score is not None else lowest_share(questionnaire, question)
        if not dont_know and current >= GOOD_STEP - EPS:
            continue  # already at a level good in itself: where a finding would aim, so polishing, not a fix
        # "Don't know" gets the advice for the worst answer, which is what it counts as (after the hint below).
        advised_answer = _worst_answer(questionnaire, question) if dont_know else answer
        matched = _matching_advice(question, advised_answer, current, lang, exposure)
        # A precaution against a rush is not advice for a business no rush is coming to (its other advice is).
        kept = [r for r in matched if rush or failing or not r.needs_load]
        # The next step names the option the first advice given adds: a plan B for a cash shortfall, not "add a
        # demand spike" above advice that (with no rush coming) says nothing about spikes (a consultant's review).
        prefer = next((r.adds for r in kept if r.adds), None) if not dont_know else None
        new_score, next_label, next_name = _next_score(
            questionnaire, question, answer, current, reading, modest=lever, prefer=prefer
        )
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
        shortfall = 1.0 - (current if not dont_know else lowest_share(questionnaire, question))
        urgency = _urgency(dim, balance, settings.control_dimension)
        steer = question.steers_demand and demand_ahead
        if steer and settings.control_dimension in dims:  # price is a brake: it weighs as the brakes do
            urgency = max(urgency, _urgency(dims[settings.control_dimension], balance, settings.control_dimension))
        impact = relative * shortfall * urgency * (STEER_WEIGHT if steer else 1.0)
        kind = _band_says(question, answer, "pressure", reading)
        factor = 1.0
        if lever:
            pass  # a demand lever creates pressure; no kind of pressure present makes it more or less useful
        elif kind in kinds:  # match the fix to the kind of pressure coming
            factor = 0.5 + kinds[kind]
        elif kind is None and qs.area in area_load:  # no kind of its own: as loaded as its area
            factor = area_load[qs.area]
        if not lever and (qs.dimension, qs.area) in routines:
            factor = settings.exposure_floor
        if balance.runway_named and qs.dimension == balance.weakest and qs.area == balance.weakest_area:
            factor = max(factor, 1.0)  # idle room on a short runway: the cash it names weighs in full
        said_by = named.get(qs.id, ())
        if said_by:  # harm already done: the owner has seen it go wrong, so it is not only a risk
            factor *= NAMED_WEIGHT
        impact *= factor * reach.get(qs.area or "", 1.0)
        advice = [_advice(r, lang) for r in kept]
        if dont_know:
            hint = (
                tr(question.dont_know_advice, lang)
                if question.dont_know_advice
                # The question is named: in the 30/60/90-day plan the advice stands alone, away from its finding
                # (an exploratory browser pass read "Nobody could answer this" with nothing to say what).
                else f"Nobody could answer “{' '.join(qs.text.split())}” Find out who knows and answer it: not "
                "knowing is itself a risk."
            )
            advice.insert(0, Advice(hint, "low", "medium", 30))
        if not advice:
            good = _good_step(questionnaire, question, current)
            if good:
                advice.append(Advice(f"Aim for: {good}", "medium", "medium", 60, generic=True))
        said = finding_text(question, None if dont_know else given.get(qs.id), reading)
        title = tr(said, lang) if said else qs.text
        if dont_know:
            # A finding's words say what a low answer means ("Your forecasts run high"); nobody knew the answer,
            # so saying it as a fact beside "Now: Don't know" contradicts itself. The open question is the finding.
            title = tr(question.dont_know_finding, lang) if question.dont_know_finding else f"Not known: {qs.text}"
        findings.append(
            Finding(
                question_id=qs.id,
                dimension=qs.dimension,
                text=qs.text,
                kind="dont_know" if dont_know else "improve",
                critical=qs.critical,
                current=qs.label,
                next=next_label,
                next_name=next_name,
                points=round(points, 2),
                overall_points=round(overall, 2),
                priority=round(impact, 3),
                recommendations=tuple(advice),
                title=title,
                dimension_title=dim.title,
                failing=failing,
                named_by=said_by,
                steers=steer,
            )
        )
    # Near-ties go to the measured bottleneck: a headroom question showing the busiest step filling up or
    # full is the constraint seen today, so it wins any tie within NEAR_TIE (then criticality, then the
    # questionnaire's order).
    bottleneck = {q.id for q in busy}

    def rank(f: Finding) -> float:
        return f.priority * (1 + NEAR_TIE) if f.question_id in bottleneck else f.priority

    ahead = _levers_ahead(questionnaire, scores, findings, rank)

    def key(f: Finding) -> tuple[bool, float, bool, int]:
        failing, at, _ = ahead.get(f.question_id, (f.failing, rank(f), ""))
        return (not failing, -at, not f.critical, order[f.question_id])

    findings.sort(key=key)
    titles = {f.question_id: f.title or f.text for f in findings}
    findings = [replace(f, lever_of=titles[ahead[f.question_id][2]]) if f.question_id in ahead else f for f in findings]
    return one_fix_one_place(findings, {q.id: q.topic for q in questionnaire.questions if q.topic})


def one_fix_one_place(findings: list[Finding], topics: Mapping[str, str]) -> list[Finding]:
    """The first findings hold one finding per topic (docs/scoring.md §4, "One fix, one place"): a second
    finding of a topic already among the first ``FIRST_FIXES`` waits, in its order, until after them, and
    says which finding it is fixed with. A consultant reviewing reports blind found the same forecast table,
    the same load test and the same stock clean-up taking two of the first places."""
    lead: list[Finding] = []
    held: list[Finding] = []
    first: dict[str, Finding] = {}
    for f in findings:
        topic = topics.get(f.question_id)
        if len(lead) < FIRST_FIXES and topic in first and not f.failing:
            leader = first[topic]
            held.append(
                replace(
                    f, fixed_with=leader.title or leader.text, fixed_with_rank=lead.index(leader) + 1, lever_of=None
                )
            )
            continue
        if topic is not None:
            first.setdefault(topic, f)
        lead.append(f)
        if len(lead) == FIRST_FIXES:
            lead.extend(held)
            held = []
    # Too few findings to fill the first places: the held ones follow at once, and are not "after" anything.
    return lead + [replace(f, fixed_with=None, fixed_with_rank=None) for f in held]


def _levers_ahead(
    questionnaire: Questionnaire, scores: list[QuestionScore], findings: list[Finding], rank: Any
) -> dict[str, tuple[bool, float, str]]:
    """Where each weak lever ranks instead of its own place (docs/scoring.md §4): just ahead of the summary
    figure it fixes, as (failing, rank, that figure's question id). A summary figure (capacity takes four
    months to double) says how bad; its levers (hiring, cover, partners, suppliers) say what to do, so a
    lever answered at or below the middle of its ladder comes first. Among themselves the levers keep
    their own order (their own rank breaks the tie); a lever of several figures goes ahead of the highest."""
    by_id = {f.question_id: f for f in findings}
    answered = {q.id: q for q in scores if q.status == "answered" and q.counted}
    ahead: dict[str, tuple[bool, float, str]] = {}
    for figure in findings:
        for name in questionnaire.question(figure.question_id).levers:
            lever = by_id.get(name)
            q = answered.get(name)
            if lever is None or q is None or (q.score or 0.0) > LEVER_WEAK + EPS:
                continue
            here = (not lever.failing, -rank(lever))
            there = (not figure.failing, -rank(figure))
            if here <= there:
                continue  # already ahead of the figure on its own
            place = (figure.failing or lever.failing, rank(figure) * (1 + NEAR_TIE / 100) + rank(lever) / 1e6)
            best = ahead.get(name)
            if best is None or (not place[0], -place[1]) < (not best[0], -best[1]):
                ahead[name] = (*place, figure.question_id)
    return ahead


#: How many of the control dimension's findings a danger zone's plan puts first (after failing critical ones).
BRAKES_FIRST = 2


def plan_brakes(findings: Sequence[Finding], balance: Balance) -> tuple[str, ...]:
    """In the danger zone, the first findings of the dimension that holds demand back (honest dates, a limit
    when full): the quickest protection a business has while demand runs ahead, so its plan starts there."""
    if balance.quadrant != "danger_zone" or balance.control_dimension is None:
        return ()
    held = [f.question_id for f in findings if f.dimension == balance.control_dimension and f.recommendations]
    return tuple(held[:BRAKES_FIRST])


def event_preparations(
    questionnaire: Questionnaire,
    findings: Sequence[Finding],
    given: Mapping[str, Answer],
    kinds: Sequence[str] = ("spike",),
) -> tuple[str, ...]:
    """The findings that get a business ready for the event ahead, in the findings' order: the critical ones, and
    those whose answer guards against one of ``kinds`` of pressure (the event's,
    :func:`readiness.events.event_prepares`). For a rush: a plan for the first week, brakes, suppliers' and the
    busiest step's headroom, the website under load; for a contract, hiring and cash as well. Before a dated
    event the plan does them ahead of the rest (:func:`make_plan`)."""
    out = []
    for f in findings:
        question = questionnaire.question(f.question_id)
        kind = _band_says(question, given.get(f.question_id), "pressure", reading_for(question, given))
        # A critical weakness prepares for any event, whatever kind it names: a key person with no cover, ranked
        # fourth of a cleaning firm's first fixes, sat in the backlog behind its contract's lower-ranked
        # preparations (a browser pass), though losing that person during the start is what breaks it; a dog-coat
        # maker's six weeks of cash, fourth before a television feature, did too.
        if f.critical or kind in kinds:
            out.append(f.question_id)
    # Advice that only helps before the event (agreeing a contract's start with the buyer) leads them: the
    # eighteenth blind review still found it 90 days out, behind preparations that outranked it.
    first = [f.question_id for f in findings if f.recommendations and f.recommendations[0].before_event]
    return tuple(dict.fromkeys([*first, *out]))


def make_plan(
    questionnaire: Questionnaire,
    findings: list[Finding] | tuple[Finding, ...],
    event_days: float | None = None,
    brakes: Sequence[str] = (),
    prepare: Sequence[str] = (),
) -> Plan:
    """The 30/60/90-day plan (docs/scoring.md §5).

    Each finding's first action, in the findings' order, goes to the period its advice asks for or the
    first later one with room; an action that needs another question's action first never goes before
    it (that action is pulled forward in the order). At most ``plan.per_period`` actions a period; every
    other action, and every second piece of advice, waits in the backlog.

    ``event_days``: a known event ahead (a contract, a launch) this many days away sets the plan's clock.
    While it falls inside the plan, no action asks for a period after it: the most urgent actions fill the
    periods that end before it (the first 30 days at least), and only what does not fit waits until after.
    A plan that scheduled the supply and cash fixes "within 60 days" for a launch in six weeks would
    contradict the deadline it prints above itself.

    The first ``FIRST_FIXES`` findings' actions start in the first period with room, whatever horizon their
    advice suggests: the report lists them first, and "within 90 days" beside a first fix read as not meaning it.

    ``brakes``: question ids whose actions hold demand back, planned right after the failing critical ones
    and, before a dated event inside the plan, the advice that helps only before it (``before_event``)
    (the danger zone's, :func:`plan_brakes`). The findings keep their order; only the plan's changes: a
    consultant's review found a board-game publisher taking forty pledges a day told to "decide now what
    happens when you are full" within 60 days, behind a customer list and a reply target.

    ``prepare``: question ids whose actions get the business ready for the rush (:func:`event_preparations`).
    While a dated event falls inside the plan they come right after the first fixes, so they fill the periods
    before it: the sixteenth blind review found "agree the start with the customer" planned 90 days out for a
    contract starting in ten weeks, under a banner saying the 90-day actions come after it.

    One piece of work is planned once: a finding whose ``topic`` is already planned waits in the backlog with
    it (docs/scoring.md §5, "One piece of work, planned once").
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

    # The first fixes the report lists (FIRST_FIXES of them) start in the first period with room.
    leading = {f.question_id for f in [f for f in findings if f.recommendations][:FIRST_FIXES]}
    lifted = [by_question[q] for q in brakes if q in by_question and not by_question[q].failing]
    failing = [f for f in findings if f.failing]
    periods: dict[int, list[PlanAction]] = {30: [], 60: [], 90: []}
    # The last period that ends before the event (the first, when the event comes sooner than 30 days).
    before = max([p for p in periods if p <= event_days] or [30]) if event_days is not None and event_days < 90 else 90
    first = [f for f in findings if f.question_id in leading]
    ready = [by_question[q] for q in prepare if q in by_question] if before < 90 else []
    # What helps only before the event (agreeing a contract's start with the buyer) comes right after the failing
    # critical answers while the event falls inside the plan: the thirty-second blind review found it "within 60
    # days" for 2,600 hampers due in nine days and a supermarket start in five weeks, behind first fixes that can
    # wait a month, under a banner saying the 60-day actions come after the event.
    urgent = [f for f in ready if f.recommendations and f.recommendations[0].before_event]
    for f in [*failing, *urgent, *lifted, *first, *ready, *findings]:
        visit(f, frozenset())
    placed: dict[str, int | None] = {}
    backlog: list[PlanAction] = []
    texts: set[str] = set()
    # One piece of work is planned once: a second finding of a topic already planned (the forecast table, asked
    # as forecast bias and as who answers for a miss) waits in the backlog, unless its action needs that one or
    # it is a fix the summary lists behind one it does not. The thirty-second blind review read "start a
    # monthly table of forecast against actual" twice in a row. ``leader_of``: the planned finding it waits with.
    # A listed fix behind a listed fix stays with it through the repair below (listed actions are never evicted).
    listed = [f.question_id for f in findings if f.recommendations][:PLANNED_FIXES]
    planned_topics: dict[str, str] = {}
    leader_of: dict[str, str] = {}
    for f in ordered:
        first = f.recommendations[0]
        if first.generic:  # "Aim for: Yes" says nothing alone in a plan: name the finding it answers
            goal = first.text.removeprefix("Aim for:").strip()
            first = replace(first, text=f"{f.title.rstrip('.')}: aim for “{goal}”.")
        if first.text in texts:
            continue
        texts.add(first.text)
        topic = questionnaire.question(f.question_id).topic if questionnaire.has_question(f.question_id) else None
        # An action that needs the one planned first is the next step of that work (hosting that scales, after
        # measuring the peak), not the same work: it is planned after it.
        leader = planned_topics.get(topic) if topic is not None else None
        # A listed fix waits only behind another listed fix: behind a lower-ranked one it is planned in its own words.
        own_words = f.question_id in listed and leader not in listed
        if leader is not None and not f.failing and not own_words and leader not in first.needs:
            leader_of[f.question_id] = leader
            placed[f.question_id] = placed[leader]  # done with it: what needs it waits for that
            backlog.append(
                PlanAction(first.text, f.question_id, f.title, f.dimension_title, first.effort, first.impact, None)
            )
            continue
        # what it needs first, named by the planned finding that does it when that is one piece of work
        after = tuple(dict.fromkeys(leader_of.get(n, n) for n in first.needs if n in by_question and n in seen))
        asked = min(first.horizon if first.horizon in periods else 90, before)  # nothing asked for after the event
        if f.question_id in leading:  # a first fix starts now, however long it takes (a blind review read
            asked = 30  # "hire ahead of it", ranked first, planned "within 90 days" as the report not meaning it)
        earliest = max([asked, *(placed.get(n) or 0 for n in after)])
        blocked = any(n in placed and placed[n] is None for n in after)
        period = None
        if not blocked:
            period = next((p for p in (30, 60, 90) if p >= earliest and len(periods[p]) < per_period), None)
        action = PlanAction(
            first.text, f.question_id, f.title, f.dimension_title, first.effort, first.impact, period, after
        )
        placed[f.question_id] = period
        if topic is not None and period is not None:
            planned_topics.setdefault(topic, f.question_id)
        (periods[period] if period is not None else backlog).append(action)
    # A fix the summary lists does not wait in the backlog: nine of the 378 calibration businesses, each with an
    # event ahead, had their fourth or fifth fix behind fifteen actions, most of them preparations ranked below it.
    # It takes the place of the last action planned that the plan does not have to keep (a first fix, a failing
    # critical one, a brake, what a planned or listed action needs first), as late as it can, and never one
    # planned before a dated event: the preparations there stay.
    keep = {f.question_id for f in [*failing, *lifted]} | leading
    for qid in listed:
        if qid in leader_of:  # one piece of work with a listed fix planned above it, which is never evicted
            continue
        waiting = next((a for a in backlog if a.question_id == qid), None)
        if waiting is None or any(placed.get(n, 30) is None for n in waiting.after):
            continue
        earliest = max([30, *(placed.get(n) or 0 for n in waiting.after)])
        needed = {n for actions in periods.values() for a in actions for n in a.after}  # another action's first
        needed |= {n for a in backlog if a.question_id in listed for n in a.after}  # a listed fix's, still waiting
        for p in (90, 60, 30):
            spare = [a for a in periods[p] if a.question_id not in keep | needed and a.question_id not in listed]
            if p < earliest or (before < 90 and p <= before) or not spare:
                continue
            victim = spare[-1]
            periods[p].remove(victim)
            backlog.insert(0, replace(victim, period=None))
            placed[victim.question_id] = None
            for follower, leader in leader_of.items():  # the work it stood for is out of the plan with it
                if leader == victim.question_id:
                    placed[follower] = None
            periods[p].append(replace(waiting, period=p))
            backlog.remove(waiting)
            placed[qid] = p
            break
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
