"""How demand moves in a scenario, and what the business had planned for.

A scenario has two series: the orders that actually come (``demand``) and the
orders production planned for (``plan``). They are the same on a normal day.
A surge is demand far above the plan; a shortfall is the plan above demand: a
forecast padded "to be safe", a season that fails, a contract that ends.
Both are multiples of a normal day's orders, day by day.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import numpy as np
from pydantic import Field

from readiness.errors import SurgeInputError
from readiness.surge.formatting import days, suggest, times
from readiness.surge.inputs import DEFAULT_HORIZON, MAX_HORIZON, SurgeInputs, _Model, check_kind, validated
from readiness.surge.resources import has_goods

Shape = Literal["spike", "step", "ramp", "seasonal"]
Direction = Literal["surge", "shortfall", "steady"]


#: The most stock built beforehand a scenario runs with, in days of normal sales: a year's stock ahead of a rush
#: is a decision the model cannot weigh (storage, shelf life, cash), not a scenario.
PREBUILD_MOST = 365


class Scenario(_Model):
    """Demand as normal orders per day times a multiplier that follows a shape.

    * ``spike``: ×multiplier for ``days`` days, then back to normal in a straight
      line over ``decay_days`` days;
    * ``step``: ×multiplier for ``days`` days, then back at once (a contract;
      sustained when ``days`` reaches past the horizon);
    * ``ramp``: climbs in a straight line to ×multiplier over ``days`` days and stays;
    * ``seasonal``: rises and falls in a smooth hump over ``days`` days, peaking
      at ×multiplier in the middle.

    The plan: ``expected`` means production planned for exactly this demand (a
    known event); otherwise it planned for ``planned`` (the same shape peaking
    at that multiple; None: a normal day, so the surge is a surprise). A plan
    ``padding`` percent above that is a forecast padded "to be safe".
    ``prebuild_days`` of normal sales were made into stock before day 1.
    """

    shape: Shape
    multiplier: float = Field(ge=0, le=1000)
    days: int = Field(ge=1, le=100_000)
    decay_days: int = Field(default=0, ge=0, le=MAX_HORIZON)
    start_day: int = Field(default=1, ge=1, le=MAX_HORIZON)
    expected: bool = False
    planned: float | None = Field(default=None, ge=0, le=1000)
    padding: float = Field(default=0, ge=0, le=500, description="% the forecast is padded by.")
    prebuild_days: float = Field(
        default=0, ge=0, le=PREBUILD_MOST, description="Days of sales made into stock beforehand."
    )
    label: str = ""
    description: str = ""

    @property
    def direction(self) -> Direction:
        """``surge`` when demand rises above normal, ``shortfall`` when it stays below the plan."""
        if self.multiplier > 1:
            return "surge"
        planned = self.multiplier if self.expected else (1.0 if self.planned is None else self.planned)
        if self.multiplier < 1 or self.padding > 0 or planned > self.multiplier:
            return "shortfall"
        return "steady"

    def describe(self) -> str:
        """The scenario in one plain sentence fragment, e.g. "10× normal orders for 2 days"."""
        n = times(self.multiplier)
        if self.multiplier < 1:
            n = f"orders fall to {n}"
            noun = "normal"
        else:
            noun = "normal orders"
        if self.shape == "spike":
            tail = f", then back to normal over {days(self.decay_days)}" if self.decay_days else ", then back to normal"
            what = f"{n} {noun} for {days(self.days)}{tail}"
        elif self.shape == "step" and self.days >= FOR_GOOD:
            what = f"{n} {noun} for good"  # not "for 100000 days" in a run of 180
        elif self.shape == "step":
            what = f"{n} {noun} for {days(self.days)}"
        elif self.shape == "ramp":
            what = f"orders moving to {times(self.multiplier)} normal over {days(self.days)}, and staying there"
        else:
            what = f"a season of {days(self.days)} peaking at {times(self.multiplier)} normal orders"
        if self.multiplier == 1 and self.shape != "seasonal":
            what = "orders stay normal"
        if self.start_day > 1:
            what += f", from day {self.start_day}"
        plan = []
        if not self.expected and self.planned is not None and self.planned != 1:
            plan.append(f"production planned for {times(self.planned)}")
        if self.padding:
            plan.append(f"a forecast padded by {self.padding:g}%")
        if self.prebuild_days:
            plan.append(f"{days(round(self.prebuild_days))} of sales made into stock beforehand")
        return what + ("; " + ", ".join(plan) if plan else "")

    def heading(self) -> str:
        """The title of a run: a surge test, or a shortfall test (never a 0.5× "surge")."""
        test = {"surge": "Surge test", "shortfall": "Shortfall test", "steady": "Demand test"}[self.direction]
        return f"{test}: {self.label}" if self.label else test


#: Ready-made scenarios, each with a plain-words label. Keys are stable (the CLI's --scenario).
#: A step at least this long has no end worth naming: the scenario says "for good".
FOR_GOOD = 10_000

PRESETS: dict[str, Scenario] = {
    "tv_spot": Scenario(
        shape="spike",
        multiplier=10,
        days=2,
        decay_days=5,
        label="National TV spot",
        description="A few minutes on national TV: orders jump tenfold for two days and fade over a week.",
    ),
    "viral_post": Scenario(
        shape="spike",
        multiplier=5,
        days=3,
        decay_days=7,
        label="A post that takes off",
        description="A social media post goes viral: five times the orders for three days, fading over a week.",
    ),
    "retail_contract": Scenario(
        shape="step",
        multiplier=2,
        days=365,
        expected=True,
        label="Retail chain contract",
        description="A big retail contract doubles orders from day 1 for a year; you plan for it.",
    ),
    "holiday_season": Scenario(
        shape="seasonal",
        multiplier=3,
        days=42,
        expected=True,
        label="Holiday season",
        description="Six busy weeks that build to three times normal orders and ease off again; you plan for them.",
    ),
    "word_of_mouth": Scenario(
        shape="ramp",
        multiplier=2,
        days=60,
        label="Word of mouth takes off",
        description="Orders climb steadily to double over two months, and stay there.",
    ),
    "padded_forecast": Scenario(
        shape="step",
        multiplier=1,
        days=100_000,
        padding=30,
        label="Padded forecast",
        description="Sales forecasts run 30% above the orders that come ('to be safe'), and production "
        "plans its batches on them.",
    ),
    "failed_season": Scenario(
        shape="seasonal",
        multiplier=1,
        days=42,
        start_day=15,
        planned=3,
        label="A season that fails",
        description="You plan for a season of six weeks at up to three times normal orders; the orders stay normal.",
    ),
    "lost_contract": Scenario(
        shape="step",
        multiplier=0.6,
        days=100_000,
        planned=1,
        label="A contract is lost",
        description=(
            "A customer worth 40% of your orders leaves on day 1 and does not come back; production still plans "
            "for them, but each batch is cut by what is left on the shelf, so cash, not stock, is what suffers."
        ),
    ),
}


#: Presets about stock made or bought ahead of orders: a business that models no goods (services, software)
#: has nothing in them to test, and a browser pass read "No stock piles up" and "production planned for 3×"
#: on a physiotherapy clinic's page.
STOCK_PRESETS = frozenset({"padded_forecast", "failed_season"})
#: A preset's description in the words of a business without goods, where its own names stock or batches.
_WITHOUT_GOODS = {
    "lost_contract": (
        "A customer worth 40% of your work leaves on day 1 and does not come back; your people and costs stay as "
        "they are, so cash is what suffers."
    ),
}


def presets_for(kind: str | None) -> dict[str, Scenario]:
    """The presets that test something in this kind of business, each in its words (all of them when the kind
    is not given or models goods)."""
    if kind is None or has_goods(check_kind(kind)):
        return dict(PRESETS)
    return {
        key: scenario.model_copy(update={"description": _WITHOUT_GOODS[key]}) if key in _WITHOUT_GOODS else scenario
        for key, scenario in PRESETS.items()
        if key not in STOCK_PRESETS
    }


def scenario_from_preset(
    preset: str,
    multiplier: float | None = None,
    days: int | None = None,
    padding: float | None = None,
    prebuild_days: float | None = None,
) -> Scenario:
    """A preset, optionally resized (the CLI's --multiplier, --days, --padding, --prebuild)."""
    if preset not in PRESETS:
        hint = suggest(preset, [*PRESETS, KNOWN_EVENT])
        raise SurgeInputError(f"unknown scenario {preset!r}{hint}; choose one of: {', '.join(PRESETS)}")
    return resized(PRESETS[preset], multiplier, days, padding, prebuild_days)


def resized(
    base: Scenario,
    multiplier: float | None = None,
    days: int | None = None,
    padding: float | None = None,
    prebuild_days: float | None = None,
) -> Scenario:
    """The scenario with some of its numbers changed, checked like any scenario."""
    update: dict[str, Any] = {}
    for name, value in (("multiplier", multiplier), ("days", days), ("padding", padding)):
        if value is not None:
            update[name] = value
    if prebuild_days is not None:
        update["prebuild_days"] = prebuild_days
    if not update:
        return base
    return validated(Scenario, {**base.model_dump(), **update}, "scenario")


#: The scenario key of a known event ahead, built from the answers (see :func:`known_event`).
KNOWN_EVENT = "known_event"


#: What the owner said the event ahead is (growth-readiness's ``event_ahead`` options), and the shape
#: each is run as: a contract or listing is a step up that lasts, a season a rise and fall over six weeks,
#: a one-off event (a TV spot, a viral moment) a short burst that fades.
EVENT_KINDS: tuple[str, ...] = ("contract", "season", "new_event")
EVENT_SEASON_DAYS = 42
EVENT_CONTRACT_DAYS = 365


def known_event(values: Mapping[str, float | None], kind: str | None = None) -> Scenario | None:
    """The event ahead a person told us about, sized against a normal day; None when there is none.

    It starts ``event_weeks`` from now at ``event_multiple`` times a normal day and follows the kind
    of event the owner named (``kind``, the ``event_ahead`` answer): a ``contract`` or listing stays
    up for a year, like the preset "Retail chain contract"; a ``season`` rises and falls over six
    weeks; a ``new_event`` (or an event of unknown kind) peaks for three days and fades over a week.
    The business knows it is coming, so production plans for it (``expected``). The description says
    which shape was assumed, and why.
    """
    peak = values.get("event_multiple")
    if peak is None or peak <= 0:
        return None
    weeks = values.get("event_weeks") or 0.0
    start = max(1, min(MAX_HORIZON, round(7 * weeks) + 1))
    when = f"starting in {days(round(7 * weeks))}" if round(7 * weeks) else "starting now"
    if kind == "contract":
        shape: dict[str, Any] = {"shape": "step", "days": EVENT_CONTRACT_DAYS}
        what = (
            f"The contract or listing you expect: {times(peak)} normal orders, {when}, for a year "
            "(assumed: a contract is a step up that lasts, as you said it is a contract or listing); you plan for it."
        )
    elif kind == "season":
        shape = {"shape": "seasonal", "days": EVENT_SEASON_DAYS}
        what = (
            f"The busy season you expect: six weeks {when} that build to {times(peak)} normal orders and ease off "
            "(assumed: a season of six weeks, as you said it is your busy season); you plan for it."
        )
    else:
        shape = {"shape": "spike", "days": 3, "decay_days": 7}
        why = "as you said it is a one-off event" if kind == "new_event" else "the kind of event is not answered"
        what = (
            f"The event you expect: {times(peak)} normal orders at its peak, {when}, for three days, fading over a "
            f"week (assumed: a short burst, {why}); you plan for it."
        )
    return Scenario(
        **shape,
        multiplier=peak,
        start_day=start,
        expected=True,
        label="Your event ahead",
        description=what,
    )


#: The survival map's default shape: a clean block of extra demand, no fade.
MAP_SCENARIO = Scenario(shape="spike", multiplier=1, days=1, label="Surge", description="N× normal orders for D days.")


def shape_weights(
    shape: Shape, durations: Sequence[float] | np.ndarray, decay_days: int, start_day: int, horizon: int
) -> np.ndarray:
    """How far each day is into the scenario's change, 0 (normal) to 1 (full), shape ``(horizon, durations)``."""
    d = np.asarray(durations, dtype=float).reshape(-1)[None, :]
    s = np.arange(horizon, dtype=float)[:, None] - (start_day - 1)  # days since the change began
    during = (s >= 0) & (s < d)
    if shape == "spike":
        k = s - d + 1  # 1 on the first day after the peak
        fading = (k >= 1) & (k <= decay_days)
        return np.where(during, 1.0, np.where(fading, 1 - k / (decay_days + 1), 0.0))
    if shape == "step":
        return np.where(during, 1.0, 0.0)
    if shape == "ramp":
        return np.where(during, (s + 1) / d, np.where(s >= d, 1.0, 0.0))
    if shape == "seasonal":
        return np.where(during, np.sin(np.pi * (s + 1) / (d + 1)), 0.0)
    raise SurgeInputError(f"unknown shape {shape!r}")  # pragma: no cover - Scenario validates the shape


def demand_multipliers(
    shape: Shape,
    multipliers: Sequence[float] | np.ndarray,
    durations: Sequence[float] | np.ndarray,
    decay_days: int,
    start_day: int,
    horizon: int,
) -> np.ndarray:
    """Demand as multiples of a normal day for every (multiplier, duration) pair.

    Shape ``(horizon, multipliers × durations)``: one row per day, one column
    per cell, multiplier-major, the layout the engine's day loop reads. Each
    value is ``1 + (N − 1) × w``, where the weight ``w`` depends only on the
    shape, the duration and the day.
    """
    n = np.asarray(multipliers, dtype=float).reshape(-1)
    weight = shape_weights(shape, durations, decay_days, start_day, horizon)
    out = 1 + (n - 1)[None, :, None] * weight[:, None, :]
    return out.reshape(horizon, n.size * weight.shape[1])


def series(scenario: Scenario, horizon: int) -> tuple[np.ndarray, np.ndarray]:
    """The scenario's demand and plan, as multiples of a normal day, one value per day."""
    demand = demand_multipliers(
        scenario.shape, [scenario.multiplier], [scenario.days], scenario.decay_days, scenario.start_day, horizon
    )[:, 0]
    return demand, plan_for(scenario, demand, horizon)


def plan_for(scenario: Scenario, demand: np.ndarray, horizon: int) -> np.ndarray:
    """What production planned for, given the demand it gets (one column or many)."""
    if scenario.expected:
        plan = np.array(demand, dtype=float)
    elif scenario.planned is None or scenario.planned == 1:
        plan = np.ones_like(demand, dtype=float)
    else:
        weight = shape_weights(scenario.shape, [scenario.days], scenario.decay_days, scenario.start_day, horizon)
        one = 1 + (scenario.planned - 1) * weight[:, 0]
        plan = np.broadcast_to(one.reshape((horizon,) + (1,) * (np.ndim(demand) - 1)), np.shape(demand)).copy()
    return plan * (1 + scenario.padding / 100)


#: Days a run follows a change in demand after its first orders fall due, beyond the change itself:
#: enough for the queue to clear and the cash to show what the rush cost.
AFTERMATH_DAYS = 60


def due_day(scenario: Scenario, inputs: SurgeInputs) -> int:
    """The day (1-based) the first orders of the scenario's change fall due: its start plus the usual wait.

    With a waiting list, an order taken today is due only that many days later, so a run that
    ends before this day has not seen a single one of the event's orders delivered or missed.
    """
    return scenario.start_day + inputs.waiting_list_days


def change_span(scenario: Scenario) -> int:
    """How many days the change lasts, fade included; 0 for a change for good (a lasting step, a ramp).

    A step with an end (a year's contract) is a change like a spike: the run reaches past its end. Counted
    as a lasting step, a 365-day contract behind an eight-month waiting list ran for 305 days (a browser pass).
    """
    ends = scenario.shape in ("spike", "seasonal") or (scenario.shape == "step" and scenario.days < FOR_GOOD)
    return scenario.days + scenario.decay_days if ends else 0


def run_horizon(inputs: SurgeInputs, scenario: Scenario) -> int:
    """How many days a run of this scenario lasts: six months, or longer when six months would not hold it.

    The run reaches past the day the change's first orders fall due (:func:`due_day`) by the change
    itself (a spike and its fade, a season, a contract of a set length) plus :data:`AFTERMATH_DAYS`;
    a change for good, by the aftermath alone.
    An event 40 weeks away behind a 40-week waiting list is run for 630 days, not cut off at 180;
    a post going viral today, with no waiting list, is run for the usual 180. Never beyond
    :data:`MAX_HORIZON`: a run that still cannot hold the change says so instead of judging it.
    """
    span = change_span(scenario)
    # The whole change, however long: a 365-day season cut at day 201, before its peak, was judged on its
    # first half, and a year's contract on its first 180 days, beside words about all 365 (a browser pass).
    follow = span + AFTERMATH_DAYS
    needed = due_day(scenario, inputs) - 1 + follow
    return min(MAX_HORIZON, max(DEFAULT_HORIZON, needed))


def check_horizon(horizon: int) -> int:
    if isinstance(horizon, bool) or not isinstance(horizon, int) or not 1 <= horizon <= MAX_HORIZON:
        raise SurgeInputError(f"the horizon must be a whole number of days from 1 to {MAX_HORIZON}, not {horizon!r}")
    return horizon
