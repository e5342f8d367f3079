"""A questionnaire's settings: how it scores and shows scores, where the balance draws its lines, what a plan holds.

Each is one optional top-level key (``scoring:``, ``score_scale:``,
``balance:``, ``plan:``) with a default for every value, so a file writes only
what differs. Kept apart from the questions: these say how answers become
scores, a verdict and a plan, not what is asked. Each rule: docs/scoring.md.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from readiness.model.base import Fraction, Text, _Model


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


class IdleLink(_Model):
    """Where the link is named while operations stand idle and a condition holds (``balance.idle_link``)."""

    when: str = Field(description="A condition over answers by question id, as in `show_if`.")
    dimension: str = Field(description="The operations dimension named the weakest link while it holds.")
    area: str | None = Field(default=None, description="Its area named where the link would give.")
    margin: Annotated[float, Field(ge=0, le=100)] = Field(
        default=20,
        description="Another operations dimension scoring at least this many points below the named one stays "
        "the weakest link.",
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
    tight_steady: str | None = Field(
        default=None,
        description="A condition over answers by question id saying orders grow steadily with no queue behind "
        "a busy step (`order_growth < 25 and backlog_weeks < 4`). While it holds, a busiest step answered "
        "tight but not full (a `headroom` answer in a band scoring above the lowest) does not raise the pressure "
        "the verdict weighs, at any strength of the weakest link: a business working near its limit at a steady "
        "pace, with little waiting, is not yet behind its demand. A step answered full, broken promises and an "
        "event bigger than the reachable day still raise it. An unread condition does not hold "
        "(docs/scoring.md, section 3).",
    )
    falling_backlog: str | None = Field(
        default=None,
        description="A condition over answers by question id saying orders fall while a queue taken earlier is "
        "still worked off (`order_growth <= -10 and backlog_weeks >= 2`). While it holds, a busiest step "
        "answered busy or full is past orders, not demand: it raises no pressure and is no evidence against "
        "idle capacity, so `idle_falling` can read the business as idle; and the questions it reads leave the "
        "demand side's peak in the pressure the verdict weighs (never above the measured one). Broken promises "
        "and an event bigger "
        "than the reachable day still raise the pressure. An unread condition does not hold (docs/scoring.md, "
        "section 3).",
    )
    idle_link: IdleLink | None = Field(
        default=None,
        description="While the verdict is idle capacity and `when` holds (`cash_runway <= 10 and not stock_cover "
        "> 60`), the weakest link named is `dimension` (its `area`): with demand quiet, what runs out first is "
        "what the idle room costs, not a part a rush would break. A dimension scoring `margin` points or more "
        "below it stays named. The verdict and the figures are unchanged (docs/scoring.md, section 3).",
    )


class PlanSettings(_Model):
    """How much the 30/60/90-day plan may hold (docs/scoring.md, 'A plan a small business can do')."""

    per_period: Annotated[int, Field(ge=1, le=50)] = Field(
        default=5, description="Most actions in each 30-day period; the rest waits in the backlog."
    )
