"""The frozen result of scoring: what :func:`readiness.scoring.score` returns and every view reads.

Kept apart from the computation so the stages that fill it (:mod:`readiness.dimensions`,
:mod:`readiness.balance`, :mod:`readiness.findings`) and the readers (reports, charts, pages) share
one set of types without importing each other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from readiness import scale
from readiness.errors import Problem
from readiness.model import ScoreScale

Status = Literal["answered", "na", "dont_know", "unanswered", "hidden", "not_scored"]


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
    #: A note that only names another answer in the owner's words (``describes``): optional, so never counted
    #: among the questions asked nor drawn as one of their squares.
    optional: bool = False


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
    #: The operations dimension that holds demand back (brakes, honest promises): it decides ``controlled``
    #: and is never the weakest link itself.
    control_dimension: str | None = None
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
    #: 0..1: how full the busiest step is (``headroom`` questions outside a slack band) while demand keeps
    #: coming; beyond half it raises ``pressure`` as broken promises do.
    full: float | None = None
    #: A known event bigger than the busiest day operations can reach by then, which puts demand ahead at
    #: the event: (the event's busiest day, the reachable one), as multiples of a normal day.
    event: tuple[float, float] | None = None
    #: The area of the weakest link that would break first (the binding constraint), and its title.
    weakest_area: str | None = None
    weakest_area_title: str | None = None
    #: The weakest link with its routines counted (areas that carry no load), which idle capacity is judged
    #: on; ``routines_not_idle``: the link where the load falls is far ahead of a quiet demand, but with its
    #: routines counted it is not, so the verdict is not idle capacity.
    whole_link: float | None = None
    routines_not_idle: bool = False
    #: The figures say idle capacity, but the busiest step is answered mostly full (``balance.idle_busy_above``).
    busy_not_idle: bool = False
    #: The busiest step is answered full, but orders grow steadily on a strong link (``balance.full_steady``):
    #: the full step did not raise the pressure the verdict weighs.
    steady_full: bool = False
    #: (dimension, area) of the busiest step answered full, whether or not it raised the pressure: a Capacity
    #: named in its cash while its busiest step is full says both (the twenty-fourth review).
    full_at: tuple[str, str | None] | None = None
    #: The busiest step is answered busy while orders fall and a queue taken earlier is worked off
    #: (``balance.falling_backlog``): it raised no pressure and did not stand against idle capacity.
    past_orders: bool = False
    #: Orders falling while a queue taken earlier is worked off (``balance.falling_backlog``): the pressure the
    #: verdict weighs leaves that queue out of the demand side's peak, so it is below the measured one.
    queue_left_out: bool = False
    #: Weeks until the known event ahead (a contract, a launch), when answered: the plan's deadline.
    event_weeks: float | None = None
    #: The event in the owner's words (their note, else the kind they chose), for the plan's deadline.
    event_name: str | None = None
    #: Where the link binds ("Throughput and headroom, in Capacity") when it is named where its levers are
    #: (the weakest link is then the dimension those levers belong to); else None.
    held_in_title: str | None = None
    #: The dimension the load falls on in that case (its id), so pages need not read it back from the words.
    held_in: str | None = None
    #: Demand is quiet, so the weakest link named is the part in the worst state; ``held_in`` and
    #: ``held_in_title`` then say where a load would bind first (the figure the balance weighs).
    worst_named: bool = False
    #: Idle room on a short runway (``balance.idle_link``): the weakest link named is the part that runs out first
    #: while demand stays quiet (Capacity's cash), not where a load would bind; ``held_in`` and ``held_in_title``
    #: say where that is.
    runway_named: bool = False
    #: Under control although a critical question fails, in a part the queue protects by its area's condition
    #: (a short runway on orders that make money): that part's title ("Cash and working capital, in
    #: Capacity"). The verdict is the queue's; a step that spends money is read as in the danger zone.
    guarded_title: str | None = None
    #: The idle evidence and the queue's reach at the worst end, as the verdict read them: the busiest step
    #: answered mostly full (``busy``); orders falling with it at most that full (``falling_idle``); every
    #: failing critical question in a part the queue protects by its condition (``guarded``); a part a queue
    #: cannot protect a gap behind (``unprotected``). A workshop room weighs its people's by the same rules.
    busy: bool = False
    falling_idle: bool = False
    guarded: bool = False
    unprotected: bool = False


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
    #: Only helps before a dated event ahead: the plan does it first among the preparations for it.
    before_event: bool = False


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
    #: The short name of the level ``next`` describes ("In place"), read beside ``current`` ("Ad hoc").
    next_name: str | None = None
    #: The finding this one is a lever of (its title), when it ranks just ahead of it for that reason.
    lever_of: str | None = None
    #: What the owner said is going wrong today that this finding fixes (the options' labels), else ().
    named_by: tuple[str, ...] = ()
    #: Weighed as a brake (price while demand is ahead, docs/scoring.md §4 "Price is a brake"), so the page can
    #: say why a margin question ranks among the brakes.
    steers: bool = False
    #: The finding of the same topic it is fixed with, when it waits behind the first three for that reason
    #: (docs/scoring.md §4, "One fix, one place"), else None.
    fixed_with: str | None = None
    #: That finding's place in the list (1 is first), so the page can point to it in few words.
    fixed_with_rank: int | None = None


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

    def quiet(self, days: int) -> str:
        """What an empty period says. After periods that hold actions it is not a gap in the plan but room
        to finish them: "Within 90 days: nothing planned" beside a backlog read as a plan that stopped
        (a browser pass), when every first action fitted in the first two periods."""
        if any(actions for d, actions in self.periods if d < days):
            then = ", then start on the backlog" if self.backlog else ""
            return f"Nothing new: finish the actions above first{then}."
        return "Nothing planned for this period."


@dataclass(frozen=True)
class Decision:
    """A step the owner said they are weighing (a second site, a big hire), and what the verdict says about
    it. Consultants reviewing reports found them silent on the very decision the owner had come with."""

    question_id: str
    option: str
    #: The step in the owner's words ("A shop, showroom or sales branch to sell more").
    label: str
    #: The verdict it was read against (the leaning one when the business is not placed).
    verdict: str
    text: str
    #: The step as the owner named it ("a third kiln for the hotel contract"), from a text question that
    #: ``describes`` the step's question; None when left empty. Reviewers read the category alone as a form letter.
    detail: str | None = None


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
    #: The step the owner is weighing and what the verdict says about it (docs/scoring.md), else None.
    decision: Decision | None = None

    def dimension(self, dimension_id: str) -> DimensionScore:
        return next(d for d in self.dimensions if d.id == dimension_id)

    @property
    def answered_of_shown(self) -> tuple[int, int]:
        """(answered, shown) questions: the same count as :func:`readiness.answers.count_answers`."""
        return sum(d.given for d in self.dimensions), sum(d.total for d in self.dimensions)

    @property
    def left_open(self) -> int:
        """Shown questions with no answer, counted as the completion is: what "the question(s) left open" counts."""
        given, shown = self.answered_of_shown
        return shown - given

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
