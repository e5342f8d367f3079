"""The typed questionnaire model: what a questionnaire file means once loaded.

The model only describes the shape of a questionnaire. Whether its
cross-references hold (a question naming a declared scale, thresholds in
order, ...) is checked by :mod:`readiness.loader`, which can then report every
problem with its line instead of stopping at the first.

Ids are stable and separate from display text, so text can be reworded or
translated without breaking stored answers.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, field_validator

SCHEMA_VERSION = 1

#: Question, scale, dimension ... ids: also the names used in conditions, so
#: they must be identifiers.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
#: A questionnaire id may read like a slug.
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]
#: Display text: a plain string, or a mapping of language code to string.
Text = str | dict[str, str]
Weight = Annotated[float, Field(ge=0, le=1000)]
Fraction = Annotated[float, Field(ge=0, le=1)]
Effort = Literal["low", "medium", "high"]

#: The names a number question may carry in ``surge_input`` (see docs/surge.md):
#: each feeds one input of the surge stress test (:mod:`readiness.surge`), in the
#: unit given there. Kept here, free of numpy, so the loader can check them.
SURGE_INPUT_NAMES: tuple[str, ...] = (
    "orders_per_day",
    "order_value",
    "gross_margin",
    "net_margin",
    "payment_days",
    "supplier_payment_days",
    "cash_weeks",
    "utilization",
    "peak_multiple",
    "weeks_to_double",
    "weeks_to_productive",
    "expansion_multiple",
    "overtime_premium",
    "partner_multiple",
    "partner_lead_days",
    "partner_premium",
    "setup_weeks",
    "lease_commit_days",
    "hire_commit_days",
    "stock_days",
    "materials_days",
    "supplier_lead_days",
    "batch_days",
    "shelf_days",
    "online_share",
    "website_multiple",
    "website_upgrade_multiple",
    "website_upgrade_days",
    "service_multiple",
    "service_lead_days",
    "patience_days",
    "wait_share",
    "event_multiple",
    "event_weeks",
    "waiting_list_weeks",
)

#: The special answers. Reserved: no option may use these ids.
NOT_APPLICABLE = "na"
DONT_KNOW = "dont_know"
RESERVED_IDS = frozenset({NOT_APPLICABLE, DONT_KNOW})


def tr(text: Text | None, lang: str = "en", fallback: str = "en") -> str:
    """Pick the text for ``lang``; fall back to the default language, then any."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    for key in (lang, fallback):
        if key in text:
            return text[key]
    return next(iter(text.values()), "")


def rescale(value: float, among: list[float]) -> float:
    """Place ``value`` on 0..1 between the lowest and highest of ``among``.

    Every ladder is rescaled like this so that the best possible answer is
    worth full marks and the worst none, whatever numbers an author chose.
    A ladder whose rungs are all equal cannot change a score and counts as 1.
    """
    low, high = min(among), max(among)
    return 1.0 if high == low else (value - low) / (high - low)


class _Model(BaseModel):
    # Unknown keys are errors: a typo such as `wieght:` must not be silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScaleOption(_Model):
    value: float = Field(description="The level's number, stored as the answer (e.g. 0..4 or 1..5).")
    label: Text
    weight: Fraction | None = Field(
        default=None,
        description="Fraction of the question's points this option earns (0..1). "
        "Default: linear between the lowest and highest value of the scale.",
    )
    description: Text | None = None


class Scale(_Model):
    """An answer scale defined once and referenced by many questions."""

    id: Id
    title: Text | None = None
    options: list[ScaleOption] = Field(description="Ordered from worst to best.")

    def option_score(self, option: ScaleOption) -> float:
        """The option's share of the question's points, the lowest option 0 and the highest 1.

        Without weights the steps are even (by value); weights set uneven
        steps, rescaled so the best answer always earns full marks.
        """
        raw = [o.weight if o.weight is not None else o.value for o in self.options]
        mine = option.weight if option.weight is not None else option.value
        return rescale(mine, raw)


class Area(_Model):
    """A sub-area of a dimension, so multi-level maturity models fit."""

    id: Id
    title: Text
    description: Text | None = None
    pressure: list[Literal["spike", "growth", "slack"]] | None = Field(
        default=None,
        description="The kinds of pressure that load this area (e.g. a website: `spike`; hiring: `growth`; "
        "forecasts and stock: `slack`). An area is only as likely to break first as the pressure on it is "
        "strong. Left out, the area carries every kind, fully; `[]` says no demand pressure loads it "
        "(backups: a disk fails whatever the demand), so it carries only `exposure_floor` "
        "(docs/scoring.md, section 3).",
    )
    controllable: bool | str = Field(
        default=True,
        description="Whether holding demand back honestly (a waiting list, capped orders) protects this area. "
        "`false`: never; demand far ahead of such an area is never 'under control'. A condition over answers "
        "by question id, as in `show_if` (`gross_margin > 0` for cash: a queue keeps the money tied up in "
        "orders to what the business can deliver, unless each order loses money): the queue protects the area "
        "while the condition holds, a failing critical question in it included, and never when it does not "
        "or cannot be read (an unanswered question), so skipping never helps (docs/scoring.md, section 3).",
    )
    carries_load: bool = Field(
        default=True,
        description="Whether demand loads this area, so that it can be where its dimension breaks first. "
        "`false` for management routines (priorities, weekly numbers, the improvement loop, plan B): they make "
        "a business resilient, but demand does not load them and break them. Such an area counts in its "
        "dimension's score and its findings, and in whether operations stand idle, never in where the business "
        "breaks first (docs/scoring.md, section 3).",
    )


class Dimension(_Model):
    id: Id
    title: Text
    description: Text | None = None
    side: Literal["operations", "demand"] = Field(
        description="`operations` (supply: team, process, technology, capacity, demand management) or "
        "`demand` (demand pressure: how much demand is coming; a high score is high pressure)."
    )
    weight: Weight = 1.0
    areas: list[Area] = Field(default_factory=list)
    peak_share: Fraction = Field(
        default=0.0,
        description="Share of the score taken by the highest of `peak_questions` instead of the weighted mean "
        "(0: a plain mean). For demand pressure: one big source of demand (a TV spot, a tripling pipeline) "
        "is enough to swamp a business, whatever the other answers say.",
    )
    peak_questions: list[Id] = Field(
        default_factory=list, description="Questions of this dimension whose highest share sets the peak."
    )


class Level(_Model):
    """A maturity level: scores from ``min`` up to the next level's ``min``."""

    id: Id
    name: Text
    min: float
    description: Text | None = None


class Profile(_Model):
    """A target profile: the score each dimension should reach for an ambition."""

    id: Id
    title: Text
    description: Text | None = None
    targets: dict[str, float]
    default: bool = False


class Recommendation(_Model):
    """Advice shown when the answer matches ``when``.

    ``when`` is a condition over ``value`` (the answer), ``score`` (0..1) and
    other answers by question id, as in ``matters_if``: one finding can then
    carry advice worded for each kind of business (``business_type``). Without
    it the advice applies whenever the question is below full marks.
    """

    text: Text
    when: str | None = Field(
        default=None,
        description="A condition over `value` (this answer), `score` (its share of the points, 0..1) and other "
        "answers by question id (`value <= 1 and business_type == 'services'`); an unanswered question reads "
        "as null. Omitted: whenever the answer is below full marks.",
    )
    effort: Effort = "medium"
    impact: Effort = "medium"
    horizon: Literal[30, 60, 90] | None = Field(
        default=None, description="Suggested roadmap slot in days; default from effort."
    )
    needs: list[Id] = Field(
        default_factory=list,
        description="Questions whose own first action must come before this one in the 30/60/90-day plan "
        "(e.g. measure the website's peak before moving to hosting that scales). Ignored when that "
        "question has no finding.",
    )
    adds: Id | None = Field(
        default=None,
        description="On a multiple-choice question: the option this advice adds (a plan B for a cash shortfall "
        "adds `cash_gap`). The finding's next step then names the option of the first advice given that adds "
        "one, so the heading and the advice under it agree; without it, the highest-valued option not ticked.",
    )
    needs_load: bool = Field(
        default=False,
        description="A precaution against a rush (a plan B for a demand spike): given only while a rush can "
        "come, on the same condition as a question's `needs_load` (docs/scoring.md, section 4); the "
        "question's other advice is given as usual.",
    )


class ChoiceOption(_Model):
    id: Id
    label: Text
    value: float = 0.0
    description: Text | None = None
    finding: Text | None = Field(
        default=None,
        description="The finding for an answer of this option, instead of the question's (a middle answer "
        "is not the worst one, and its finding should not read as if it were).",
    )
    points_to: list[Id] = Field(
        default_factory=list,
        description="The questions where what this option names is fixed, when it names something going wrong "
        "today (work comes back: quality checks, return rate). Ticked, the findings of those questions rank "
        "as harm already done, ahead of risks of the same weight (docs/scoring.md, section 4). The score is "
        "unchanged.",
    )
    verdicts: dict[str, Text] = Field(
        default_factory=dict,
        description="What to tell an owner who answered this option, a step they are weighing (a second site, "
        "a big hire), by where the balance places the business: keys are the verdicts (danger_zone, "
        "demand_ahead_controlled, idle_capacity, foundation, scale_ready, not_placed), and `{weakest}` in a "
        "text names the weakest link. Shown beside the verdict; the score is unchanged (docs/scoring.md, "
        "'The step the owner is weighing').",
    )
    relieves: list[str] = Field(
        default_factory=list,
        description="The operations parts this step adds capacity to, each a dimension id (`capacity`) or a "
        "dimension and one of its areas (`capacity.throughput`). While demand is ahead (danger_zone, "
        "demand_ahead_controlled) and the weakest link lies elsewhere, the owner is told `elsewhere` instead of "
        "the verdict's text: a machine does not shorten a queue that waits on one designer. Needs `elsewhere`.",
    )
    elsewhere: Text | None = Field(
        default=None,
        description="What to tell an owner weighing this step while demand is ahead and the weakest link lies "
        "outside what it `relieves`; `{weakest}` names the weakest link and `{limit}` the part where it binds "
        "('Roles and cover, in Team'). Needs `relieves`.",
    )


class Band(_Model):
    """Numbers up to ``up_to`` (inclusive), or ``below`` (exclusive), score ``score``.

    ``below`` exists because frameworks draw exact lines such as DORA's "less than
    one hour": ``below: 1`` puts 1 itself into the next band. A band sets at most
    one of the two; the last band may set neither, to catch everything above.
    """

    up_to: float | None = Field(default=None, description="Upper bound, inclusive: numbers <= up_to.")
    below: float | None = Field(default=None, description="Upper bound, exclusive: numbers < below.")
    score: Fraction
    label: Text
    pressure: Literal["spike", "growth", "slack"] | None = Field(
        default=None,
        description="The kind of pressure an answer in this band guards against, instead of the question's: "
        "for a question that punishes both extremes, too much stock is `slack`, too little is `spike`.",
    )
    finding: Text | None = Field(
        default=None,
        description="The finding for a number in this band, instead of the question's: a question that "
        "punishes both extremes says which one the answer is (a step standing idle, not one near its limit).",
    )
    grows: Literal["capacity", "demand"] | None = Field(
        default=None,
        description="What acting on an answer in this band adds, instead of the question's `grows`: a busiest "
        "step filling up is fixed by more capacity, the same step standing idle is not (docs/scoring.md, "
        "section 4).",
    )
    next_step: Text | None = Field(
        default=None,
        description="What a finding in this band names as its next step, instead of the first good band's "
        "label, when that band is out of reach for many trades: four months to make a mason useful is not "
        "fixed by aiming at 'up to a month', but by hiring ahead. Its score still aims at the good band.",
    )

    @property
    def bound(self) -> float | None:
        """The band's upper bound, whichever way it is written."""
        return self.up_to if self.up_to is not None else self.below

    def holds(self, value: float, eps: float = 1e-9) -> bool:
        """Whether ``value`` falls at or under this band's upper bound."""
        if self.up_to is not None:
            return value <= self.up_to + eps
        if self.below is not None:
            return value < self.below - eps
        return True


class _QuestionBase(_Model):
    id: Id
    dimension: Id
    area: Id | None = None
    text: Text
    help: Text | None = None
    weight: Weight = 1.0
    critical: bool = Field(
        default=False,
        description="A low answer caps the dimension's maturity level at this question's own level.",
    )
    show_if: str | None = None
    allow_na: bool = False
    allow_dont_know: bool = True
    recommendations: list[Recommendation] = Field(default_factory=list)
    dont_know_advice: Text | None = None
    surge_input: str | None = Field(
        default=None,
        description="Marks a number question as an input of the surge stress test; one of the names "
        "listed in docs/surge.md (e.g. `orders_per_day`, `utilization`, `cash_weeks`).",
    )
    finding: Text | None = Field(
        default=None,
        description="What a low answer means for the business, written as a finding "
        "(e.g. 'Your website will probably fall over during a TV spot.'). Default: the question.",
    )
    pressure: Literal["spike", "growth", "slack"] | None = Field(
        default=None,
        description="The kind of pressure: on a demand question, the kind it measures (a sudden `spike`, or "
        "sustained `growth`); on an operations question, the kind it guards against (also `slack`: supply "
        "running ahead of real demand, as forecasts, plans and stock do). Findings that guard "
        "against the kind of pressure the business faces rank higher (docs/scoring.md, section 4).",
    )
    matters_if: str | None = Field(
        default=None,
        description="A condition over other answers (`'na'` for 'not applicable'): when it is false the business "
        "is not exposed to what this question guards against, and its finding is not advised "
        "(e.g. a website spike for a business that takes no orders online). The score is unchanged.",
    )
    overrun: bool = Field(
        default=False,
        description="An operations question whose low answer is direct evidence that today's demand is already "
        "more than operations deliver (promises kept, reply time against the promise): broken promises "
        "while demand keeps coming raise the effective demand pressure (docs/scoring.md, section 3).",
    )
    headroom: bool = Field(
        default=False,
        description="A question that measures spare throughput today (e.g. how busy the busiest step is): "
        "answered in its best band on every such question, throughput is not what limits, and findings "
        "that grow capacity outside the binding area are not advised (docs/scoring.md, section 4).",
    )
    grows: Literal["capacity", "demand"] | None = Field(
        default=None,
        description="What acting on this question adds: `capacity` findings are not advised while operations "
        "are ahead of demand (idle capacity), `demand` findings not while demand is ahead of operations; a "
        "demand-side question marked `demand` is a lever, advised only in the idle-capacity verdict.",
    )
    levers: list[Id] = Field(
        default_factory=list,
        description="The questions that say how to fix what this question measures, when it is a summary figure "
        "(how long capacity takes to double: hiring, cover, partners, suppliers). A lever that is itself a "
        "finding, answered at or below the middle of its ladder, ranks just ahead of this question's finding "
        "(docs/scoring.md, section 4). The score is unchanged.",
    )
    needs_load: bool = Field(
        default=False,
        description="A precaution against a rush (a website load test, a measured peak): it is advised only "
        "while a rush can come (the demand side's spike pressure reaches `balance.brake_floor`; a waiting list "
        "or steady growth is not a rush), unless it is a failing critical question (docs/scoring.md, section "
        "4). The score is unchanged.",
    )
    steers_demand: bool = Field(
        default=False,
        description="A lever that steers demand as well as margin (price: a higher price where the business is "
        "full slows demand and pays for the capacity added): while the verdict leans demand-ahead it weighs as "
        "the brakes do, and twice (docs/scoring.md, section 4). Otherwise it is a plain finding. The score is "
        "unchanged.",
    )
    brake: bool = Field(
        default=False,
        description="A question about holding demand back (order caps, waiting lists, later dates): a brake "
        "only helps while demand can outrun operations, so its findings are advised only when the verdict "
        "leans demand-ahead or the demand side's spike or growth pressure reaches `balance.brake_floor` "
        "(docs/scoring.md, section 4). The score is unchanged.",
    )
    topic: Id | None = Field(
        default=None,
        description="Questions that share a topic are one fix (the forecast's bias and who answers for it: one "
        "forecast table; campaigns, reach and channels: bringing in work). Among the first findings only the "
        "strongest of a topic stands; the others follow the first three (docs/scoring.md, section 4, 'One fix, "
        "one place'). The score is unchanged.",
    )

    @property
    def scored(self) -> bool:
        return True

    @property
    def optional(self) -> bool:
        """A note that only names another answer in the owner's words (``describes``): asked, never left to
        answer, never counted among the questions asked."""
        return False


class ScaleQuestion(_QuestionBase):
    type: Literal["scale"]
    scale: Id
    anchors: dict[float, Text] = Field(
        default_factory=dict,
        description="What each level looks like in practice, keyed by the scale value.",
    )
    labels: dict[float, Text] = Field(
        default_factory=dict,
        description="This question's own short names for some or all levels, keyed by the scale value, "
        "where the shared scale's words read wrong for it (e.g. 'Buckles' rather than 'Not in place').",
    )

    findings: dict[float, Text] = Field(
        default_factory=dict,
        description="This question's finding for some levels, keyed by the scale value, instead of its "
        "`finding`: a middle level ('usually on time') is not the worst one ('often late'), and its finding "
        "should say so.",
    )

    def label_for(self, option: ScaleOption) -> Text:
        """The level's name for this question: its own label if it has one, else the scale's."""
        return self.labels.get(option.value, option.label)


class YesNoQuestion(_QuestionBase):
    type: Literal["yes_no"]
    yes_score: Fraction = 1.0
    no_score: Fraction = 0.0
    anchors: dict[Literal["yes", "no"], Text] = Field(default_factory=dict)

    @field_validator("anchors", mode="before")
    @classmethod
    def _bare_yes_no(cls, value: Any) -> Any:
        """YAML 1.1 reads a bare `yes:` or `no:` key as true/false; people write them bare
        (`anchors: {no: ..., yes: ...}`), and mean the words."""
        if isinstance(value, dict):
            return {({True: "yes", False: "no"}[k] if isinstance(k, bool) else k): v for k, v in value.items()}
        return value


class SingleChoiceQuestion(_QuestionBase):
    type: Literal["single_choice"]
    options: list[ChoiceOption] = Field(min_length=2)


class MultipleChoiceQuestion(_QuestionBase):
    type: Literal["multiple_choice"]
    options: list[ChoiceOption] = Field(min_length=1)


class SlackAllowance(_Model):
    """How much of a number is needed rather than excess, read from another answer (docs/scoring.md §2).

    Stock that only covers the time it takes to get more is not dead stock: a chocolate maker whose beans
    take sixteen weeks to arrive and who holds seven weeks of them is short, not over-stocked.
    """

    question: Id = Field(description="A number question whose answer, times `factor`, is needed, not excess.")
    factor: Annotated[float, Field(gt=0)] = Field(default=1.0, description="Converts that answer to this unit.")
    label: Text | None = Field(
        default=None,
        description="Added after the band's label when the allowance moved the answer to another band, "
        "e.g. 'beyond the supplier's lead time'.",
    )


class GrowthDrag(_Model):
    """The cash a year's growth ties up in unpaid invoices, taken off a cash figure (docs/scoring.md §2).

    Growth eats cash: goods and wages are paid weeks before customers pay. A firm growing 45% a year whose
    customers pay in 100 days ties up about six more weeks of sales in invoices over the year.
    """

    growth: Id = Field(description="A number question answered in % growth a year.")
    days: Id = Field(description="A number question answered in days customers take to pay.")
    days_per_unit: Annotated[float, Field(gt=0)] = Field(
        default=7, description="Days in one unit of this question (7 for weeks of cash)."
    )
    label: Text | None = Field(
        default=None,
        description="Added after the band's label when the drag moved the answer to another band, "
        "e.g. 'once a year's growth is paid for'.",
    )


class NumberQuestion(_QuestionBase):
    type: Literal["number"]
    min: float | None = None
    max: float | None = None
    integer: bool = False
    unit: Text | None = None
    bands: list[Band] = Field(min_length=1)
    growth_drag: GrowthDrag | None = Field(
        default=None,
        description="A cash figure is read after taking off what a year's growth ties up in unpaid invoices "
        "(growth % / 100 × days to get paid / days_per_unit).",
    )
    slack_allowance: SlackAllowance | None = Field(
        default=None,
        description="A number falling in a `pressure: slack` band above the best band is judged after "
        "taking off this allowance (another answer), never below the band before the slack ones.",
    )


class TextQuestion(_QuestionBase):
    """A free-text note: shown and stored, never scored."""

    type: Literal["text"]
    allow_dont_know: bool = False
    describes: Id | None = Field(
        None,
        description="A question whose answer this note names in the owner's own words: the step the owner weighs "
        "(`decision_ahead`) is then called what they called it ('a third kiln for the hotel contract'), not by "
        "its category.",
    )

    @property
    def scored(self) -> bool:
        return False

    @property
    def optional(self) -> bool:
        return self.describes is not None


Question = Annotated[
    ScaleQuestion | YesNoQuestion | SingleChoiceQuestion | MultipleChoiceQuestion | NumberQuestion | TextQuestion,
    Field(discriminator="type"),
]

QUESTION_TYPES: dict[str, type[_QuestionBase]] = {
    "scale": ScaleQuestion,
    "yes_no": YesNoQuestion,
    "single_choice": SingleChoiceQuestion,
    "multiple_choice": MultipleChoiceQuestion,
    "number": NumberQuestion,
    "text": TextQuestion,
}


class ScoringPolicy(_Model):
    """How the special answers count, and how scores roll up. Documented in docs/scoring.md.

    ``unanswered`` and ``rollup`` exist so that established frameworks score the
    way their own method does: SAMM's toolbox counts a blank as 0, EOS adds its
    statements up into one total, a weakest-link model takes the minimum.
    """

    dont_know: Literal["lowest", "exclude"] = Field(
        default="lowest",
        description="`lowest`: counts as the worst answer (and is a finding); `exclude`: treated like an "
        "unanswered question (worst in the score, best at the top of the range; still a finding).",
    )
    not_applicable: Literal["exclude", "lowest"] = Field(
        default="exclude", description="`exclude`: left out of the score; `lowest`: counts as worst."
    )
    unanswered: Literal["exclude", "lowest"] = Field(
        default="exclude",
        description="`exclude` (default): a question nobody answered is left out of the score, as most "
        "frameworks' own methods do; `lowest`: it counts as its worst answer and the score's range shows its "
        "best, so skipping never pays (Readiness's own questionnaires; SAMM's toolbox also counts a blank as 0).",
    )
    rollup: Literal["mean", "sum", "min"] = Field(
        default="mean",
        description="How dimensions make the headline score: `mean` (default) the weighted mean of the "
        "dimensions; `sum` every counted question's points added up into one total, so a dimension with "
        "more questions counts for more (a checklist total such as EOS's 20-100); `min` the weakest dimension.",
    )


class ScoreScale(_Model):
    """How scores are shown: a questionnaire's own range, e.g. SAMM's 0-3 or EOS's 20-100.

    Scores stay 0..100 inside (comparable, stored, charted); this only maps them
    linearly onto ``min``..``max`` for people. Level starts and profile targets
    are written on this scale too, so authors never re-base numbers by hand.
    """

    min: float = Field(default=0, description="What a score of nothing reads as (e.g. 0, or 20 for EOS).")
    max: float = Field(default=100, description="What full marks read as (e.g. 3 for SAMM, 100 for EOS).")
    decimals: Annotated[int, Field(ge=0, le=4)] = Field(default=0, description="Decimals shown (0-4).")
    unit: Text | None = Field(default=None, description="Optional unit after the figure, e.g. `%` or `points`.")
    label: Text | None = Field(
        default=None,
        description="Name of the headline score (e.g. `SAMM maturity`); default: `Operations readiness` "
        "when the questionnaire has a demand side, else the questionnaire's title.",
    )


class BalanceSettings(_Model):
    """Where the balance quadrant's lines are drawn (scores 0..100). Each rule: docs/scoring.md."""

    gap: Annotated[float, Field(gt=0, le=100)] = Field(
        default=20, description="How far one side must lead to be 'far ahead'."
    )
    high: Annotated[float, Field(ge=0, le=100)] = Field(
        default=60,
        description="Weakest-link score from which a business in step counts as strong (scale-ready).",
    )
    quiet: Annotated[float, Field(ge=0, le=100)] = Field(
        default=25,
        description="Demand pressure below which demand is quiet: operations far ahead of a quiet demand is idle "
        "capacity; far ahead of a real one (growth, a backlog, events) they are ready to grow.",
    )
    softness: Fraction = Field(
        default=0.0,
        description="Soft minimum: share of the weighted operations score blended into the weakest link "
        "(0: the weakest dimension alone; 1: the plain average, the pre-2.0 behaviour).",
    )
    control_dimension: str | None = Field(
        default=None,
        description="Operations dimension that manages demand (e.g. `demand_management`): when demand is far "
        "ahead, a strong one makes the verdict 'demand ahead, under control' instead of the danger zone.",
    )
    control: Annotated[float, Field(ge=0, le=100)] = Field(
        default=60, description="Score of the control dimension from which demand ahead counts as under control."
    )
    coverage: Fraction = Field(
        default=0.6,
        description="Least share of each dimension's shown, counted questions that must have a real answer "
        "(not 'don't know', not skipped) before the business is placed in a quadrant.",
    )
    critical_fail: Fraction = Field(
        default=0.25,
        description="A critical question whose share is below this is failing: no scale-ready verdict, and its "
        "findings rank first.",
    )
    area_softness: Fraction = Field(
        default=0.5,
        description="Inside a dimension, the share of its weakest area in the score the weakest link is judged "
        "by (0: the dimension's average alone; 1: its weakest area alone).",
    )
    exposure_floor: Fraction = Field(
        default=0.5,
        description="The least load an area carries when the kinds of pressure it names are absent: an unloaded "
        "weak area still counts, at this share of its shortfall (1: exposure is ignored).",
    )
    brake_floor: Fraction = Field(
        default=0.5,
        description="The spike or growth pressure (0..1, the demand side's strongest question of that kind) from "
        "which questions marked `brake: true` are advised even while demand is not ahead of operations "
        "(0: brakes are always advised); the spike pressure from which precautions against a rush "
        "(`needs_load`) are advised.",
    )
    overrun: Annotated[float, Field(ge=0, le=100)] = Field(
        default=40,
        description="How far (in points) demand counts as ahead of the weakest link when every promise the "
        "`overrun` questions measure is broken and demand keeps coming (0: broken promises are not read as "
        "demand pressure).",
    )
    idle_busy_above: Annotated[float, Field(ge=0)] | None = Field(
        default=None,
        description="Idle capacity needs idle evidence: an answer of a `headroom` question (the busiest step's "
        "utilization, in its own unit) above this means the business is not standing idle, so it is never "
        "idle capacity (a foundation, or scale-ready). Left out, headroom answers do not decide idleness "
        "(docs/scoring.md, section 3).",
    )
    idle_falling: str | None = Field(
        default=None,
        description="A condition over answers by question id, as in `show_if`, saying demand is falling "
        "(`order_growth < 0`). While it holds and every answered `headroom` question is at most "
        "`idle_busy_above`, operations not behind demand pressure are idle capacity, however quiet or close "
        "the demand. An unread condition does not hold.",
    )
    full_steady: str | None = Field(
        default=None,
        description="A condition over answers by question id saying orders grow at a steady pace "
        "(`order_growth < 25`). While it holds, the weakest link is at least `high` and no critical question "
        "fails, a busiest step answered full does not raise the pressure the verdict weighs: a strong business "
        "whose step runs full at its pace of growth adds capacity in step; it is not in a queue. Broken "
        "promises and an event bigger than the reachable day still raise it. An unread condition does not "
        "hold (docs/scoring.md, section 3).",
    )


class PlanSettings(_Model):
    """How much the 30/60/90-day plan may hold (docs/scoring.md, 'A plan a small business can do')."""

    per_period: Annotated[int, Field(ge=1, le=50)] = Field(
        default=5, description="Most actions in each 30-day period; the rest waits in the backlog."
    )


class Contradiction(_Model):
    """Answers that cannot both be true: a warning when ``when`` holds over the answers."""

    id: Id
    when: str = Field(description="A condition over question ids, as in `show_if`.")
    message: Text = Field(description="What looks contradictory, and which answer to check.")


class CarryBand(_Model):
    """One band of a retired number question's answers, and the successor's answer it carries as."""

    up_to: float | None = Field(default=None, description="Old answers up to this value; leave out on the last band.")
    value: Any = Field(description="The successor's answer for old answers in this band.")


class Successor(_Model):
    """Where a retired question's answer goes when a returning client's answers are carried over.

    A merge must not lose what the client said: ``readiness migrate-answers``
    turns the retired answer into an answer to ``to``. When the client also
    answered ``to`` itself, the lower of the two is kept, because the merged
    question asks for both halves and the weaker half is what holds.
    """

    to: Id = Field(description="The question that now asks the retired one's topic.")
    values: dict[str, Any] = Field(
        default_factory=dict,
        description="Old answer (an option id, `yes`/`no`, or a scale value) to the answer it carries as; "
        "an old answer not listed is not carried.",
    )
    bands: list[CarryBand] = Field(
        default_factory=list, description="For a retired number question: old answers by band, in increasing order."
    )


@dataclass(frozen=True)
class Step:
    """One rung of a question's ladder: the answer, what it scores, its label."""

    value: Any
    score: float
    label: Text
    anchor: Text | None = None


class Questionnaire(_Model):
    schema_version: Literal[1] = Field(description="Version of this file format. Currently 1.")
    id: Slug
    version: str = Field(min_length=1, max_length=40)
    title: Text
    description: Text | None = None
    languages: list[str] = Field(default_factory=lambda: ["en"], min_length=1)
    dimensions: list[Dimension] = Field(min_length=1)
    scales: list[Scale] = Field(default_factory=list)
    levels: list[Level] = Field(min_length=1)
    profiles: list[Profile] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)
    scoring: ScoringPolicy = Field(default_factory=ScoringPolicy)
    balance: BalanceSettings = Field(default_factory=BalanceSettings)
    plan: PlanSettings = Field(default_factory=PlanSettings)
    contradictions: list[Contradiction] = Field(default_factory=list)
    retired: dict[Id, Text] = Field(
        default_factory=dict,
        description="Question ids of earlier versions that are no longer asked, each with where its "
        "topic went; `readiness migrate-answers` shows it when it cannot carry such an answer over.",
    )
    successors: dict[Id, Successor] = Field(
        default_factory=dict,
        description="Retired question ids whose answers `readiness migrate-answers` carries to the question "
        "that absorbed them, and how (see Successor).",
    )
    score_scale: ScoreScale = Field(
        default_factory=ScoreScale,
        description="How scores are shown (range, decimals, unit); levels and targets are written on it.",
    )

    _questions: dict[str, Any] = PrivateAttr(default_factory=dict)
    _scales: dict[str, Scale] = PrivateAttr(default_factory=dict)
    _dimensions: dict[str, Dimension] = PrivateAttr(default_factory=dict)
    _hash: str = PrivateAttr(default="")

    def model_post_init(self, context: Any, /) -> None:
        self._questions = {q.id: q for q in self.questions}
        self._scales = {s.id: s for s in self.scales}
        self._dimensions = {d.id: d for d in self.dimensions}
        # Defaults left out: a setting added to the format later does not change every existing hash.
        canonical = json.dumps(self.model_dump(mode="json", exclude_defaults=True), sort_keys=True, ensure_ascii=False)
        self._hash = hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    # Lookups -----------------------------------------------------------------
    @property
    def content_hash(self) -> str:
        """SHA-256 of the questionnaire's meaning (not its formatting).

        Stored with every assessment so a later edit of the questionnaire is
        detected instead of silently re-scoring old answers.
        """
        return self._hash

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def question(self, question_id: str) -> Any:
        return self._questions[question_id]

    def has_question(self, question_id: str) -> bool:
        return question_id in self._questions

    def described(self, question_id: str) -> bool:
        """True when an optional note names this question's answer in the owner's words (the step weighed)."""
        return any(isinstance(q, TextQuestion) and q.describes == question_id for q in self.questions)

    def dimension(self, dimension_id: str) -> Dimension:
        return self._dimensions[dimension_id]

    def scale(self, scale_id: str) -> Scale:
        return self._scales[scale_id]

    def profile(self, profile_id: str | None = None) -> Profile:
        """The named profile, or the default one (the first if none is marked)."""
        if profile_id is None:
            return next((p for p in self.profiles if p.default), self.profiles[0])
        for p in self.profiles:
            if p.id == profile_id:
                return p
        from readiness.errors import UnknownProfileError

        known = ", ".join(p.id for p in self.profiles)
        raise UnknownProfileError(f"unknown target profile {profile_id!r}; choose one of: {known}")

    def questions_in(self, dimension_id: str) -> list[Any]:
        return [q for q in self.questions if q.dimension == dimension_id]

    def level_for(self, score: float) -> Level:
        """The level of an internal (0..100) score; level starts are written on the native scale."""
        from readiness.scale import to_internal

        chosen = self.levels[0]
        for level in self.levels:
            if score + 1e-9 >= to_internal(level.min, self.score_scale):
                chosen = level
        return chosen

    def level_start(self, level: Level) -> float:
        """Where a level starts on the internal 0..100 scale (``min`` is written on the native one)."""
        from readiness.scale import to_internal

        return to_internal(level.min, self.score_scale)

    def target(self, profile: Profile, dimension_id: str) -> float:
        """A profile's target for a dimension on the internal 0..100 scale (written natively)."""
        from readiness.scale import to_internal

        return to_internal(profile.targets.get(dimension_id, self.score_scale.min), self.score_scale)

    def steps(self, question: Any) -> list[Step]:
        """The ordered answers of a ladder-like question, worst first.

        Multiple choice and text questions have no ladder and return ``[]``.
        """
        if isinstance(question, ScaleQuestion):
            scale = self.scale(question.scale)
            steps = [
                Step(o.value, scale.option_score(o), question.label_for(o), question.anchors.get(o.value))
                for o in scale.options
            ]
        elif isinstance(question, YesNoQuestion):
            both = [question.no_score, question.yes_score]
            steps = [
                Step(False, rescale(question.no_score, both), "No", question.anchors.get("no")),
                Step(True, rescale(question.yes_score, both), "Yes", question.anchors.get("yes")),
            ]
        elif isinstance(question, SingleChoiceQuestion):
            values = [o.value for o in question.options]
            steps = [Step(o.id, rescale(o.value, values), o.label, o.description) for o in question.options]
        elif isinstance(question, NumberQuestion):
            scores = [b.score for b in question.bands]
            steps = [Step(b.bound, rescale(b.score, scores), b.label) for b in question.bands]
        else:
            return []
        return sorted(steps, key=lambda s: s.score)
