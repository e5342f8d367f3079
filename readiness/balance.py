"""The balance (docs/scoring.md §3): demand pressure weighed against the operations dimension that
would break first, each judged on its weakest area under the kinds of pressure present, with the
pressure raised when today's promises are already broken; the quadrant it places the business in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from readiness import expr
from readiness.dimensions import EPS, aggregate, band_says, level_cap, weighted_mean
from readiness.events import event_lead, event_name, event_reach
from readiness.markup import and_list
from readiness.model import Questionnaire, tr
from readiness.results import Balance, CriticalFailure, DimensionScore, QuestionScore

QUADRANTS: dict[str, tuple[str, str]] = {
    "danger_zone": (
        "Selling dreams, delivering nightmares",
        "Demand pressure is ahead of the part of operations that would break first, and too little holds it "
        "back: a surge will break promises, cash and people.",
    ),
    "demand_ahead_controlled": (
        "Demand ahead, under control",
        "Demand is ahead of what operations can deliver, but it is held back honestly (brakes, a waiting "
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
#: The scale-ready meaning for a business whose busiest step is full under steady growth (``steady_full``).
STEADY_FULL_MEANING = (
    "Operations, down to their weakest part, are strong and in step with demand, and the busiest step is full: "
    "ready to grow as fast as that step is widened, not faster."
)
#: The idle meaning for a business placed idle by falling orders rather than by the figures (``falling_idle``):
#: "far more than the demand coming in" beside a weakest link of 42 and a demand pressure of 45 read as the page
#: contradicting its own cards (a browser pass, round 39's chutney kitchen).
FALLING_IDLE_MEANING = (
    "Orders are falling and operations have room that new orders are not filling: find out why demand falls "
    "short before adding capacity or stock."
)
#: From the most to the least alarming: how "skipping never improves the verdict" is tested.
SEVERITY = ("danger_zone", "demand_ahead_controlled", "foundation", "idle_capacity", "scale_ready")


def in_sentence(title: str) -> str:
    """An area's heading as it reads inside a sentence: "what the owner's time, in Team, can carry", not "what
    The owner's time…". Every sentence the balance's area titles go into names them mid-sentence. A heading
    in sentence case loses its capital; one with a name or an acronym in it ("Google Ads", "IT support")
    keeps its letters, since lowering them would misspell it."""
    words = title.split()
    if not words or len(words[0]) < 2 or not words[0][0].isupper() or not words[0][1:].islower():
        return title
    if any(w[:1].isupper() and len(w.strip(",.;:")) > 1 for w in words[1:]):  # "Plan B" is still sentence case
        return title
    return title[0].lower() + title[1:]


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
    #: A known event bigger than the busiest day reachable by then: (its multiple, the reachable one).
    event: tuple[float, float] | None = None
    #: 0..1: how full the busiest step is today (``headroom`` questions) while demand keeps coming.
    full: float = 0.0
    #: The weakest link with areas that carry no load counted too: what idle capacity is judged on.
    whole_link: float | None = None
    #: (dimension, area) where the link binds, when the link is named where its levers are instead.
    held_in: tuple[str, str] | None = None
    #: True when quiet demand names the part in the worst state and ``held_in`` is where a load would bind.
    worst_named: bool = False
    #: Demand is held back well (the control dimension is strong), but not under control: (dimension, area)
    #: of what a queue cannot protect (a failing critical question's, or an area marked ``controllable: false``).
    unprotected: tuple[str, str | None] | None = None
    #: Demand is under control although a critical question fails, because it fails in an area whose
    #: condition says the queue protects it (a short runway on orders that make money): (dimension, area).
    guarded: tuple[str, str | None] | None = None
    #: The busiest step is answered above ``balance.idle_busy_above``: not standing idle.
    busy: bool = False
    #: Demand is falling (``balance.idle_falling``) and the busiest step is answered at most that full.
    falling_idle: bool = False
    #: The busiest step is full, but orders grow steadily (``balance.full_steady``) on a strong link: the full
    #: step did not raise the pressure (a season at capacity, not a queue).
    steady_full: bool = False
    #: (dimension, area) of the busiest step answered full (more than half, before a steady season zeroes it).
    full_at: tuple[str, str | None] | None = None
    #: The busiest step is answered busy while orders fall and a queue taken earlier is worked off
    #: (``balance.falling_backlog``): it is busy with past orders, not demand coming.
    past_orders: bool = False
    #: The queue taken earlier was left out of the pressure weighed (``balance.falling_backlog``).
    queue_left_out: bool = False


#: A lever at or below this share of its points (the middle of its ladder) is weak (docs/scoring.md §3–4).
LEVER_WEAK = 0.5
#: While demand is quiet, the weakest link is named as the operations dimension in the worst state when its
#: score is at least this many points below the score of the one a load would bind first (docs/scoring.md §3,
#: "Quiet demand names the part in the worst state"). Chosen on the seen calibration cases among 0, 5, 10,
#: 15 and 20, then tested on a round it had not seen.
WORST_MARGIN = 10.0


def named_by_levers(
    questionnaire: Questionnaire,
    links: list[DimensionScore],
    weakest: str,
    area: str | None,
    scores: list[QuestionScore],
    share: Any,
) -> str | None:
    """The dimension to name as the weakest link when the binding area is a summary figure's and its weak
    levers lie mostly elsewhere (docs/scoring.md §3, "The link is named where its levers are"); else None.

    Doubling takes months in a day nursery because staff take months to hire and train: its throughput
    binds, but what breaks is the team, as a consultant names it. The figure and the verdict are unchanged;
    only the name moves, when strictly more of the figure's weak levers are in another operations dimension
    than in the figure's own."""
    if area is None:
        return None
    figures = [q for q in questionnaire.questions if q.dimension == weakest and q.area == area and q.levers]
    if not figures:
        return None
    link_ids = {d.id for d in links}
    answered = {q.id: q for q in scores if q.counted and q.status == "answered"}
    weak: dict[str, int] = {}
    for figure in figures:
        for name in dict.fromkeys(figure.levers):
            q = answered.get(name)
            if q is not None and q.dimension in link_ids and share(q) <= LEVER_WEAK + EPS:
                weak[q.dimension] = weak.get(q.dimension, 0) + 1
    own = weak.get(weakest, 0)
    other = max((d for d in weak if d != weakest), key=lambda d: weak[d], default=None)
    return other if other is not None and weak[other] > own else None


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
    whole: bool = False,
) -> dict[str | None, tuple[float, float]]:
    """Each area's (weight, strength) as a link (docs/scoring.md §3): its readiness with its shortfall
    discounted by how loaded it is, ``strength = 100 − load × (100 − readiness)``. The load is the
    strongest kind of pressure the area names (at least ``exposure_floor``); an area naming none, and the
    questions in no area (one group, ``None``), are fully loaded. A critical question caps its own area.
    Overrun evidence (promises kept, reply times) measures load already failing, not a part that carries
    it: it raises the pressure instead, and is left out here so it does not count twice. An area that carries
    no load (management routines) is left out too, unless ``whole``: the dimension as a whole, routines and
    all, which is what idle capacity is judged on."""
    settings = questionnaire.balance
    unloaded = set() if whole else {a.id for a in dim.areas if not a.carries_load}
    counted = [q for q in members if q.counted and not questionnaire.question(q.id).overrun and q.area not in unloaded]
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
    whole: bool = False,
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
    parts = area_strengths(questionnaire, dim, members, share, kinds, whole)
    if not parts:
        return plain, None
    tags = {a.id: a.pressure for a in dim.areas}
    plain_overrun = any(questionnaire.question(q.id).overrun for q in counted)
    left_out = not whole and any(a.id == q.area and not a.carries_load for a in dim.areas for q in counted)
    if len(parts) == 1 and all(tags.get(a) is None for a in parts) and not plain_overrun and not left_out:
        return plain, next(iter(parts))
    mean = weighted_mean(list(parts.values())) or 0.0
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


def queue_protects(
    questionnaire: Questionnaire, reads: Mapping[str, Any]
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(dimension, area) pairs holding demand back cannot protect for these answers, and those it protects
    by a condition that holds (docs/scoring.md §3). A condition that cannot be read (its question unanswered,
    or "don't know") does not hold: a queue is only trusted with cash on the evidence that orders make money."""
    shut: set[tuple[str, str]] = set()
    by_condition: set[tuple[str, str]] = set()
    for model in questionnaire.dimensions:
        for area in model.areas:
            if area.controllable is True:
                continue
            if isinstance(area.controllable, str) and expr.parse(area.controllable).evaluate(reads):
                by_condition.add((model.id, area.id))
            else:
                shut.add((model.id, area.id))
    return shut, by_condition


def _position(
    questionnaire: Questionnaire,
    dimensions: list[DimensionScore],
    scores: list[QuestionScore],
    end: Literal["worst", "best"],
    reads: Mapping[str, Any],
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

    operations = weighted_mean([(d.weight, value(d)) for d in ops]) or 0.0
    pressure = weighted_mean([(d.weight, value(d)) for d in demand]) or 0.0
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
    # Idle capacity is judged on the whole: routines left out of where a business breaks still say whether its
    # operations are built to take more (thin numbers, priorities and plan B: a foundation, not idle room).
    whole = min(
        link_score(questionnaire, models[d.id], by_dim.get(d.id, []), share, kinds, value(d), whole=True)[0]
        for d in links
    )
    whole_link = (1 - settings.softness) * whole + settings.softness * operations

    # Overrun: promises already broken while demand keeps coming are direct evidence that demand is ahead.
    op_dims = {d.id for d in ops}
    evidence = [
        (q.weight, share(q))
        for q in scores
        if q.counted and q.dimension in op_dims and questionnaire.question(q.id).overrun
    ]
    kept = weighted_mean(evidence)
    inflow = min(kinds.get("growth", 0.0) / (settings.quiet / 100), 1.0) if settings.quiet > 0 else 1.0
    overrun = 0.0 if kept is None else (1 - kept) * inflow
    # A busiest step already full while demand keeps coming is the same evidence, measured at the step:
    # utilization is today's demand over the capacity of the part that limits. A band that names itself
    # slack (standing idle) has room, however low its score.
    full = 0.0
    full_at: tuple[str, str | None] | None = None
    # The same evidence from steps answered full only, leaving out those answered tight (a band scoring above the
    # lowest): what counts while orders grow steadily with little waiting (``balance.tight_steady``).
    loose = 0.0
    loose_at: tuple[str, str | None] | None = None
    for q in scores:
        question = questionnaire.question(q.id)
        if not (question.headroom and q.counted and q.dimension in op_dims):
            continue
        if q.status == "answered" and band_says(question, q.value, "pressure") == "slack":
            continue  # as the findings judge a busiest step: standing idle is room, not a full step
        seen_full = (1 - share(q)) * inflow
        if full_at is None and 1 - share(q) > 0.5:  # the step itself is full, whatever the growth behind it
            full_at = (q.dimension, question.area)
        full = max(full, seen_full)
        if q.status != "answered" or share(q) <= EPS:  # an unanswered step is full at the worst: skipping never helps
            if loose_at is None and 1 - share(q) > 0.5:
                loose_at = (q.dimension, question.area)
            loose = max(loose, seen_full)
    # A full step under steady growth is a season at capacity, not a queue (docs/scoring.md §3): a strong link
    # with no critical question failing, and orders growing at the pace the questionnaire calls steady.
    failing_ids = {q.id for q in scores if q.critical and q.counted and q.dimension in op_dims}
    failing = any(share(q) < settings.critical_fail - EPS for q in scores if q.id in failing_ids)
    steady_full = bool(
        full > 0.5
        and settings.full_steady is not None
        and link >= settings.high - EPS
        and not failing
        and expr.parse(settings.full_steady).evaluate(reads)
    )
    if steady_full:
        full = 0.0
    elif settings.tight_steady is not None and expr.parse(settings.tight_steady).evaluate(reads):
        # A step near its limit but not full, under steady growth with little waiting, is working at capacity,
        # not behind its demand, at any strength of the link (docs/scoring.md §3, round 37): a sign maker 90%
        # booked and growing 6% was read as the danger zone. A strong link reads the full-step rule above first,
        # which says why in words.
        full, full_at = loose, loose_at
    # Orders falling while a queue taken earlier is worked off: the busy step is past orders, not demand
    # (docs/scoring.md §3, round 39). A pizza-oven maker 80% busy on three weeks of backlog, its orders down 27%,
    # was read as a foundation and a chutney kitchen 90% busy on five weeks, orders down 24%, as the danger zone;
    # their experts read idle capacity: what ends it is selling, not capacity.
    past_orders = settings.falling_backlog is not None and bool(expr.parse(settings.falling_backlog).evaluate(reads))
    weighed = pressure
    if past_orders:
        full, full_at, overrun = 0.0, None, 0.0
        weighed = _without_past_queue(questionnaire, demand, scores, share, value)
    # Half the evidence failing is a bad month for a business in step; beyond it, each point of overrun
    # moves demand ahead of the link, reaching ``balance.overrun`` points when every promise is broken
    # (or the busiest step is full). Up to half it says nothing about demand: promises kept 98% of the
    # time, or a step filling up, do not lift a quiet demand.
    seen = max(overrun, full)
    effective = max(weighed, link + (2 * seen - 1) * settings.overrun) if seen > 0.5 else weighed
    # A known event bigger than the busiest day operations can reach by then puts demand ahead at the
    # event, whatever the averages say: half as much again as that reach is a full gap ahead.
    reach = event_reach(questionnaire, scores)
    beyond = reach if reach is not None and reach[0] > reach[1] + EPS else None
    if beyond is not None:
        excess = min(beyond[0] / beyond[1] - 1, 1.0)
        effective = max(effective, link + settings.gap * min(2 * excess, 1.0))

    controlled = False
    unprotected: tuple[str, str | None] | None = None
    guarded: tuple[str, str | None] | None = None
    shut, by_condition = queue_protects(questionnaire, reads)
    control = next((d for d in ops if d.id == settings.control_dimension), None)
    if control is not None:
        control_failing = any(
            share(q) < settings.critical_fail - EPS for q in scores if q.id in failing_ids and q.dimension == control.id
        )
        controlled = value(control) >= settings.control - EPS and not control_failing
    if controlled:
        # A queue protects the capacity to deliver; it protects cash only while each order makes money (the
        # area's condition): demand a gap ahead of an area that holding demand back cannot relieve is never
        # under control.
        # A part trusted to the queue by its condition while a gap behind is under control, and remembered: the
        # queue protects the money already owed, not money a step would spend (docs/scoring.md §3).
        for d in links:
            model = models[d.id]
            closed = {a.id for a in model.areas if (d.id, a.id) in shut}
            trusted = {a.id for a in model.areas if (d.id, a.id) in by_condition}
            if not closed and not trusted:
                continue
            parts = area_strengths(questionnaire, model, by_dim.get(d.id, []), share, kinds)
            behind = [a for a, (_, strength) in parts.items() if effective - strength >= settings.gap - EPS]
            if any(a in closed for a in behind):
                controlled, unprotected = False, (d.id, next(a for a in behind if a in closed))
            elif guarded is None and any(a in trusted for a in behind):
                guarded = (d.id, next(a for a in behind if a in trusted))
        if not controlled:
            guarded = None
    # A brake slows demand; it does not stand in for a part that has failed (no cover, no cash).
    # A part the queue protects by its condition is the exception: an honest queue on a short runway keeps the
    # money tied up in orders to what the business can deliver, so the runway leads the findings, not the verdict.
    if controlled and failing:
        broken = [q for q in scores if q.id in failing_ids and share(q) < settings.critical_fail - EPS]
        blocking = [q for q in broken if (q.dimension, q.area) not in by_condition]
        if blocking:
            controlled, unprotected, guarded = False, (blocking[0].dimension, blocking[0].area), None
        else:
            guarded = (broken[0].dimension, broken[0].area)
    held_in = None
    # Quiet demand names the part in the worst state: with no load coming, nothing breaks first; what a
    # consultant names is the dimension in the worst shape (records on one old PC, orders on paper slips),
    # which the link discounts because no rush is there to find it. The figure and the verdict are unchanged.
    worst_named = False
    worst_state = min(links, key=value)
    if (
        pressure < settings.quiet - EPS
        and worst_state.id != weakest.id
        and value(worst_state) <= value(weakest) - WORST_MARGIN + EPS
    ):
        held_in, worst_named = (weakest.id, area), True
        weakest, area = worst_state, judged[worst_state.id][1]
    # The link is named where its levers are: the figure that binds is fixed in another dimension.
    named = None if worst_named else named_by_levers(questionnaire, links, weakest.id, area, scores, share)
    if named is not None:
        held_in = (weakest.id, area)
        weakest = next(d for d in links if d.id == named)
        area = judged[named][1]
    busy, falling_idle, past_busy = _idle_evidence(questionnaire, scores, reads, end, past_orders)
    return _Position(
        effective,
        operations,
        link,
        weakest.id,
        controlled,
        failing,
        pressure,
        overrun,
        area,
        beyond,
        full,
        whole_link,
        held_in,
        worst_named,
        unprotected,
        guarded,
        busy,
        falling_idle,
        steady_full,
        full_at,
        past_busy,
        effective < pressure - EPS,
    )


def _without_past_queue(
    questionnaire: Questionnaire, demand: list[DimensionScore], scores: list[QuestionScore], share: Any, value: Any
) -> float:
    """Demand pressure with the queue taken earlier left out of each demand dimension's peak (the peak
    questions ``balance.falling_backlog`` reads), never above the measured score: while orders fall, that
    queue is the past being worked off, not demand coming (docs/scoring.md §3, round 43). A shepherd's-hut
    maker eleven weeks deep in spring orders, its orders down 30%, and a heating firm whose housing association
    left, crews full to January, were read as foundations on the queue alone; their experts read idle capacity."""
    past = expr.parse(questionnaire.balance.falling_backlog).names if questionnaire.balance.falling_backlog else ()
    parts = []
    for d in demand:
        items = [(q, share(q)) for q in scores if q.dimension == d.id and q.counted]
        raw = aggregate(questionnaire.dimension(d.id), items, not_peak=past)
        parts.append((d.weight, value(d) if raw is None else min(100 * raw, value(d))))
    return weighted_mean(parts) or 0.0


def _idle_evidence(
    questionnaire: Questionnaire,
    scores: list[QuestionScore],
    reads: Mapping[str, Any],
    end: Literal["worst", "best"],
    past_orders: bool = False,
) -> tuple[bool, bool, bool]:
    """(busy, falling and idle, busy with past orders): what the busiest step and the direction of demand say
    about idleness, when the questionnaire asks (``balance.idle_busy_above``, ``balance.idle_falling``). A
    headroom question shown and left open (or "don't know") may be busy at the range's worst end and is not at
    its best, so skipping it never buys the gentler verdict. A step busy with ``past_orders``
    (``balance.falling_backlog``) is working off a queue while orders fall: its answer is no evidence against
    idleness, and the third flag says so."""
    settings = questionnaire.balance
    if settings.idle_busy_above is None:
        return False, False, False
    headroom = [q for q in scores if questionnaire.question(q.id).headroom and q.status != "hidden"]
    used = [float(q.value) for q in headroom if q.status == "answered" and isinstance(q.value, int | float)]
    open_ = any(q.status in ("unanswered", "dont_know") for q in headroom)
    if not used and not (open_ and end == "worst"):
        return False, False, False
    answered_busy = bool(used) and max(used) > settings.idle_busy_above + EPS
    busy = (open_ and end == "worst") or (answered_busy and not past_orders)
    falling = settings.idle_falling is not None and bool(expr.parse(settings.idle_falling).evaluate(reads))
    return busy, falling and not busy, answered_busy and past_orders and not busy


def _classify(p: _Position, gap: float, high: float, quiet: float = 25) -> str:
    return classify_position(
        p.pressure,
        p.operations,
        gap,
        high,
        link=p.link,
        controlled=p.controlled,
        failing=p.failing,
        guarded=p.guarded is not None,
        quiet=quiet,
        whole_link=p.whole_link,
        busy=p.busy,
        falling_idle=p.falling_idle,
    )


def classify_position(
    pressure: float,
    operations: float,
    gap: float = 20,
    high: float = 60,
    *,
    link: float,
    controlled: bool = False,
    failing: bool = False,
    guarded: bool = False,
    quiet: float = 25,
    whole_link: float | None = None,
    busy: bool = False,
    falling_idle: bool = False,
) -> str:
    """The quadrant of a position (one business at one end of its range, or a workshop room on its people's
    means): :func:`classify_balance` on the figures, then the idle evidence, so a room reads by the same rules
    as each person in it."""
    found = classify_balance(
        pressure,
        operations,
        gap,
        high,
        link=link,
        controlled=controlled,
        failing=failing,
        guarded=guarded,
        quiet=quiet,
        whole_link=whole_link,
    )
    # Idle capacity needs idle evidence (docs/scoring.md §3): a busiest step mostly full is not idle, whatever
    # the demand figures say; falling orders with the busiest step half used are, however quiet or close.
    if found == "idle_capacity" and busy:
        return "scale_ready" if link >= high - EPS and not failing else "foundation"
    if found in ("foundation", "scale_ready") and falling_idle and link >= pressure - EPS:
        return "idle_capacity"
    return found


def classify_balance(
    demand: float,
    operations: float,
    gap: float = 20,
    high: float = 60,
    *,
    link: float | None = None,
    controlled: bool = False,
    failing: bool = False,
    guarded: bool = False,
    quiet: float = 25,
    whole_link: float | None = None,
) -> str:
    """Name the quadrant (docs/scoring.md §3).

    Demand pressure is weighed against ``link`` (the weakest link; the operations average when not
    given): far ahead is the danger zone unless demand is held back under control with no critical question
    failing, or (``guarded``) every failing one in an area the queue protects by its condition. The weakest
    link far ahead of a quiet demand (below ``quiet``) is idle capacity: more demand would land on that part
    first; and ``whole_link`` (the link with its routines counted, when they are
    left out of ``link``) must be that far ahead too: operations whose numbers, priorities and plan B are
    thin are a foundation, not idle room. Otherwise the weakest link decides: strong and no failing critical
    question is scale-ready, else a foundation still being built.
    """
    link = operations if link is None else link
    if demand - link >= gap - EPS:
        # A brake slows demand; it does not stand in for a part that has failed (no cover, no cash).
        return "demand_ahead_controlled" if controlled and (guarded or not failing) else "danger_zone"
    whole = link if whole_link is None else min(link, whole_link)
    if whole - demand >= gap - EPS and demand < quiet - EPS:
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
    whole = p.link if p.whole_link is None else min(p.link, p.whole_link)
    idle_gap, quiet_gap = whole - p.pressure - gap, quiet - p.pressure
    if quadrant == "idle_capacity":
        if p.falling_idle and min(idle_gap, quiet_gap) < -EPS:
            # idle on the evidence of falling orders, not on the figures: what would end it is demand
            # reaching the weakest link (or orders turning, or the busiest step filling)
            return round(max(p.link - p.pressure, 0.0), 2), "falling demand"
        lines += [(idle_gap, "idle capacity"), (quiet_gap, "quiet demand")]
    elif not p.busy:  # a busiest step mostly full is never idle, whatever the figures
        # to become idle both must hold: the farther of the two is the distance
        lines.append((max(-idle_gap, -quiet_gap), "idle capacity"))
        if not p.failing:
            lines.append((abs(p.link - high), "scale-ready"))
    distance, line = min(lines)
    return round(max(distance, 0.0), 2), line


def weigh_balance(
    questionnaire: Questionnaire,
    dimensions: list[DimensionScore],
    scores: list[QuestionScore],
    lang: str,
    reads: Mapping[str, Any] | None = None,
) -> Balance:
    """The balance and its verdict (docs/scoring.md §3), judged at both ends of the range.

    ``reads`` are the answers by question id as conditions see them (:func:`readiness.findings.exposure_values`):
    an area's ``controllable`` condition reads them. Left out, no condition holds."""
    settings = questionnaire.balance
    reads = reads or {}
    worst = _position(questionnaire, dimensions, scores, "worst", reads)
    ops = [d for d in dimensions if d.side == "operations" and d.score is not None]
    demand_dims = [d for d in dimensions if d.side == "demand" and d.score is not None]
    operations = weighted_mean([(d.weight, d.score or 0.0) for d in ops])
    pressure = weighted_mean([(d.weight, d.score or 0.0) for d in demand_dims])
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
    best = _position(questionnaire, dimensions, scores, "best", reads)
    at_best = _classify(best, settings.gap, settings.high, settings.quiet) if best is not None else at_worst
    quadrant, could_be = sorted((at_worst, at_best), key=SEVERITY.index)
    margin, line = _margin(worst, quadrant, settings.gap, settings.high, settings.quiet)
    index = worst.pressure - worst.link
    index_best = best.pressure - best.link if best is not None else index
    short_dims = [d for d in dimensions if d.low is not None and d.coverage < settings.coverage - EPS]
    short = tuple(d.title for d in short_dims)
    leaning = None
    message = None
    if short:
        leaning, quadrant = quadrant, "not_placed"
        message = f"Not enough answers in {and_list(list(short))} to place the business."
        if all(d.unanswered == 0 and d.dont_know > 0 for d in short_dims):
            # Every question was answered, many with "don't know": "not enough answers" beside "75 of 75
            # answered" reads as a bug (a consultant's review). Say which answers are missing: real ones.
            message = f"Too many “don't know” answers in {and_list(list(short))} to place the business."
    label, meaning = QUADRANTS[quadrant]
    if message:
        meaning = message
    elif quadrant == "danger_zone" and worst.unprotected is not None:
        # Demand is held back well, and the verdict is still the danger zone: "nothing holds it back" beside a
        # demand-management score of 99 read as a contradiction to a blind reviewer. Say what a queue cannot
        # protect instead.
        meaning = _unprotected_meaning(questionnaire, worst.unprotected, lang)
    elif quadrant == "demand_ahead_controlled" and worst.guarded is not None:
        meaning = _guarded_meaning(questionnaire, worst.guarded, lang)
    elif quadrant == "scale_ready" and worst.steady_full:
        # "Ready to grow fast" beside a full oven and "No headroom" read as a contradiction to two blind reviews:
        # a season at capacity grows as fast as its busiest step is widened.
        meaning = STEADY_FULL_MEANING
    elif quadrant == "idle_capacity" and worst.queue_left_out:
        # Idle once the queue taken earlier leaves the pressure weighed: the cards show the measured demand, above
        # the link, so "far more than the demand coming in" would read as the report contradicting them (round 43).
        meaning = FALLING_IDLE_MEANING
    elif (
        quadrant == "idle_capacity"
        and worst.falling_idle
        and classify_balance(
            worst.pressure,
            worst.operations,
            settings.gap,
            settings.high,
            link=worst.link,
            quiet=settings.quiet,
            whole_link=worst.whole_link,
        )
        != "idle_capacity"
    ):
        meaning = FALLING_IDLE_MEANING
    # The figures where the load falls say idle capacity, and the verdict is not: thin routines, or (since 2.4.3)
    # a busiest step mostly full. The pages say which.
    figures_idle = (
        quadrant in ("foundation", "scale_ready")
        and classify_balance(
            worst.pressure, worst.operations, settings.gap, settings.high, link=worst.link, quiet=settings.quiet
        )
        == "idle_capacity"
    )
    area, held_in, runway_named = worst.area, worst.held_in, False
    idle = settings.idle_link
    if quadrant == "idle_capacity" and idle is not None and expr.parse(idle.when).evaluate(reads):
        # Idle room on a short runway, no heavy stock: with demand quiet, what gives first is the cash the idle
        # room costs, not a part a rush would find (docs/scoring.md §3, round 41: a pasta maker's, a dairy's and
        # a hire firm's experts named Capacity's cash where the tool named Team). A part scoring far lower (a
        # booking system that crashes) stays named; where a load would bind is still said, as ``held_in``.
        named = next((d for d in ops if d.id == idle.dimension), None)
        others = [d for d in ops if d.id not in (idle.dimension, settings.control_dimension)]
        if (
            named is not None
            and named.id != weakest.id
            and not any((d.low or 0.0) <= (named.low or 0.0) - idle.margin + EPS for d in others)
        ):
            held_in = held_in or (weakest.id, worst.area)
            weakest, area, runway_named = named, idle.area, True
            if held_in == (weakest.id, area):  # a load binds where the cash is: one place, said once
                held_in = None
    weakest_model = questionnaire.dimension(weakest.id)
    area_title = next((in_sentence(tr(a.title, lang)) for a in weakest_model.areas if a.id == area), None)
    held_in_title = None
    if held_in is not None:
        held_model = questionnaire.dimension(held_in[0])
        held_area = next((in_sentence(tr(a.title, lang)) for a in held_model.areas if a.id == held_in[1]), held_in[1])
        held_in_title = f"{held_area}, in {tr(held_model.title, lang)}" if held_area else tr(held_model.title, lang)
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
        control_dimension=settings.control_dimension,
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
        full=round(worst.full, 3),
        event=(round(worst.event[0], 2), round(worst.event[1], 2)) if worst.event else None,
        weakest_area=area if area_title is not None else None,
        weakest_area_title=area_title,
        whole_link=_round(worst.whole_link),
        routines_not_idle=figures_idle
        and classify_balance(
            worst.pressure,
            worst.operations,
            settings.gap,
            settings.high,
            link=worst.link,
            quiet=settings.quiet,
            whole_link=worst.whole_link,
        )
        != "idle_capacity",
        busy_not_idle=figures_idle and worst.busy,
        steady_full=worst.steady_full,
        full_at=worst.full_at,
        past_orders=worst.past_orders,
        queue_left_out=worst.queue_left_out,
        event_weeks=event_lead(questionnaire, scores),
        event_name=event_name(questionnaire, scores),
        held_in_title=held_in_title,
        held_in=held_in[0] if held_in is not None else None,
        worst_named=worst.worst_named and not runway_named,
        runway_named=runway_named,
        guarded_title=(
            _part_title(questionnaire, worst.guarded, lang)
            if quadrant == "demand_ahead_controlled" and worst.guarded is not None
            else None
        ),
        busy=worst.busy,
        falling_idle=worst.falling_idle,
        guarded=worst.guarded is not None,
        unprotected=worst.unprotected is not None,
    )


def _unprotected_meaning(questionnaire: Questionnaire, part: tuple[str, str | None], lang: str) -> str:
    what = _part_title(questionnaire, part, lang)
    return (
        f"Demand pressure is ahead of operations. You hold demand back well, but a queue does not protect "
        f"{what}: fix it first, or a surge will break it however honest your dates."
    )


def _part_title(questionnaire: Questionnaire, part: tuple[str, str | None], lang: str) -> str:
    dim = questionnaire.dimension(part[0])
    area = next((a for a in dim.areas if a.id == part[1]), None)
    return f"{in_sentence(tr(area.title, lang))}, in {tr(dim.title, lang)}" if area is not None else tr(dim.title, lang)


def _guarded_meaning(questionnaire: Questionnaire, part: tuple[str, str | None], lang: str) -> str:
    """Under control with a critical question failing where the queue protects: say both, or "nothing
    breaks" would read as "nothing to fix" beside a runway of a few weeks."""
    what = _part_title(questionnaire, part, lang)
    return (
        # "the queue keeps what you spend ahead of payment to what you can deliver" read garbled to the
        # twenty-ninth review: the same point, in the order an owner pays for it.
        "Demand is ahead of what operations can deliver, but it is held back honestly: customers wait, so you "
        "buy and pay for only the work you can deliver. That does not make a thin reserve last longer: fix "
        f"{what} first, then grow capacity, not demand."
    )


def pressure_kinds(
    questionnaire: Questionnaire, scores: list[QuestionScore], dimensions: list[DimensionScore]
) -> dict[str, float]:
    """The strength of each kind of pressure, 0..1, as findings weigh it: the same reading as the balance's
    (:func:`demand_kinds`, from the demand side alone), so over-supply is as strong as demand is quiet, and
    how strong an operations answer is never changes how much the others weigh."""
    pressure = weighted_mean(
        [(d.weight, d.score or 0.0) for d in dimensions if d.side == "demand" and d.score is not None]
    )
    return demand_kinds(questionnaire, scores, lambda q: q.score or 0.0, pressure or 0.0)
