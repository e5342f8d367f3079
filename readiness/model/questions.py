"""The question types, and what a question is made of: options, bands, recommendations.

One class per ``type:`` a file may write, on one shared base that holds
everything a question of any type may say (its weight, its conditions, how
its finding ranks). :data:`Question` is the tagged union the questionnaire
holds; :data:`QUESTION_TYPES` maps each ``type:`` to its class. The special
answers no option may use as an id, and the surge inputs a number question
may feed, are named here too.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from readiness.model.base import Effort, Fraction, Id, Text, Weight, _Model
from readiness.model.frame import ScaleOption

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


class Recommendation(_Model):
    """Advice shown when the answer matches ``when``.

    ``when`` is a condition over ``value`` (the answer), ``score`` (0..1) and
    other answers by question id, as in ``matters_if``: one finding can then
    carry advice worded for each kind of business (``business_type``). Without
    it the advice applies whenever the question is below full marks.
    """

    text: Text = Field(
        description="The advice. It may quote a figure the owner gave, `{question_id}` of a number question "
        "its `when` reads (`{recent_peak} times a normal day`); written out as the owner typed it."
    )
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
    before_event: bool = Field(
        default=False,
        description="Advice that only helps if done before a dated event ahead (agreeing a contract's start "
        "with the buyer): while the event falls inside the plan, a finding whose first advice says so comes "
        "first among the preparations for it (docs/scoring.md, 'Ready before the event').",
    )
    needs_load: bool = Field(
        default=False,
        description="A precaution against a rush (a plan B for a demand spike): given only while a rush can "
        "come, on the same condition as a question's `needs_load` (docs/scoring.md, section 4); the "
        "question's other advice is given as usual.",
    )


class StepVariant(_Model):
    """What to tell an owner weighing a step when their own answers say more than the verdict does.

    Reviewers read the step's advice as "a few lines chosen by zone": a firm that had just named its bottleneck
    was told to find out which step limits output, and a new range on an oven the same report calls full was
    "a good time". A variant says the verdict in terms of what the owner answered; one marked ``holds`` also
    turns a go into a wait, where an answer the verdict does not weigh decides it (new work onto a step
    already 90% busy).
    """

    when: str = Field(
        description="A condition over the owner's answers, by question id, as in `show_if` "
        "(docs/questionnaire-format.md, 'Conditions'): `bottleneck_known >= 2`, `utilization >= 85`."
    )
    verdicts: dict[str, Text] = Field(
        description="The text said instead, by verdict; each verdict must be one the option's own `verdicts` "
        "speak to, and `{weakest}` names the weakest link."
    )
    holds: bool = Field(
        default=False,
        description="True when this variant holds the step back where the verdict's own text would let it go "
        "(its texts open with 'Not' or 'Wait'): a rule, not a rewording, and each one is argued in "
        "docs/scoring.md ('The step the owner is weighing'). A variant without it keeps the verdict's direction.",
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
    next_step: Text | None = Field(
        default=None,
        description="What a finding at this option names as its next step, instead of the next option up: a "
        "demand lever already at 'a bigger campaign than before' aims at one sized to fill the idle capacity, "
        "not at the ladder's top ('our biggest push yet: far beyond anything before'). Its score still aims at "
        "the next option.",
    )
    points_to: list[Id] = Field(
        default_factory=list,
        description="The questions where what this option names is fixed, when it names something going wrong "
        "today (work comes back: quality checks, return rate). Ticked, the findings of those questions rank "
        "as harm already done, ahead of risks of the same weight (docs/scoring.md, section 4). The score is "
        "unchanged.",
    )
    prepares: list[Literal["spike", "growth", "slack"]] = Field(
        default_factory=list,
        description="On the choice that names the kind of a dated event ahead (the question the dated one's "
        "`show_if` reads): the kinds of pressure whose findings get the business ready for it. Before the "
        "event the plan does their actions right after the first fixes (docs/scoring.md, 'Ready before the "
        "event'). A contract starting is a rush and lasting volume (`[spike, growth]`: hiring and cash before "
        "it starts); empty means a rush (`spike`).",
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
    spends: list[str] = Field(
        default_factory=list,
        description="The operations parts this step is paid from, in the same form as `relieves` (`capacity.cash`). "
        "While the busiest step is full, a weakest link binding in one of them is a question of how the step is "
        "paid for, which the verdict's own text says, not a reason the step adds nothing: a lab whose incubators "
        "are full and whose cash binds is told to fund the suite from finance, not that it is not the fix.",
    )
    elsewhere: Text | None = Field(
        default=None,
        description="What to tell an owner weighing this step while demand is ahead and the weakest link lies "
        "outside what it `relieves`; `{weakest}` names the weakest link and `{limit}` the part where it binds "
        "('Roles and cover, in Team'). Needs `relieves`.",
    )
    variants: list[StepVariant] = Field(
        default_factory=list,
        description="Texts said instead of a verdict's when the owner's answers hold a fact the verdict alone "
        "does not (the bottleneck is known, the busiest step is full): the first variant whose `when` holds "
        "and that speaks to the verdict is said. `elsewhere` still comes first while demand is ahead.",
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
    dont_know_finding: Text | None = Field(
        default=None,
        description="The finding's title when nobody knew the answer (“Not known: how far the sales forecast "
        "misses.”); without it, “Not known:” and the whole question, which reviewers read as a form letter.",
    )
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
        "(e.g. a website spike for a business that takes no orders online), unless the answer is a failing "
        "critical one. The score is unchanged.",
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
        "one place'), and the 30/60/90-day plan holds one action per topic unless one needs the other (section "
        "5). The score is unchanged.",
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
