"""How demand moves in a scenario: shapes, ready-made presets, and the day-by-day demand they give."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
from pydantic import Field

from readiness.errors import SurgeInputError
from readiness.surge.formatting import _days, _suggest, _times
from readiness.surge.inputs import MAX_HORIZON, _Model, _validated

Shape = Literal["spike", "step", "ramp", "seasonal"]


class Scenario(_Model):
    """How demand moves: normal orders per day times a multiplier that follows a shape.

    * ``spike``: ×multiplier for ``days`` days, then back to normal in a straight
      line over ``decay_days`` days;
    * ``step``: ×multiplier for ``days`` days, then back at once (a contract;
      sustained when ``days`` reaches past the horizon);
    * ``ramp``: climbs in a straight line to ×multiplier over ``days`` days and stays;
    * ``seasonal``: rises and falls in a smooth hump over ``days`` days, peaking
      at ×multiplier in the middle.
    """

    shape: Shape
    multiplier: float = Field(ge=0, le=1000)
    days: int = Field(ge=1, le=100_000)
    decay_days: int = Field(default=0, ge=0, le=MAX_HORIZON)
    start_day: int = Field(default=1, ge=1, le=MAX_HORIZON)
    label: str = ""
    description: str = ""

    def describe(self) -> str:
        """The scenario in one plain sentence fragment, e.g. "10× normal orders for 2 days"."""
        n = _times(self.multiplier)
        if self.shape == "spike":
            tail = (
                f", then back to normal over {_days(self.decay_days)}" if self.decay_days else ", then back to normal"
            )
            what = f"{n} normal orders for {_days(self.days)}{tail}"
        elif self.shape == "step":
            what = f"{n} normal orders for {_days(self.days)}"
        elif self.shape == "ramp":
            what = f"orders climbing to {n} normal over {_days(self.days)}, and staying there"
        else:
            what = f"a season of {_days(self.days)} peaking at {n} normal orders"
        if self.start_day > 1:
            what += f", from day {self.start_day}"
        return what


#: Ready-made scenarios, each with a plain-words label. Keys are stable (the CLI's --scenario).
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
        label="Retail chain contract",
        description="A big retail contract doubles orders from day 1 and keeps them there.",
    ),
    "holiday_season": Scenario(
        shape="seasonal",
        multiplier=3,
        days=42,
        label="Holiday season",
        description="Six busy weeks that build to three times normal orders and ease off again.",
    ),
    "word_of_mouth": Scenario(
        shape="ramp",
        multiplier=2,
        days=60,
        label="Word of mouth takes off",
        description="Orders climb steadily to double over two months, and stay there.",
    ),
}


def scenario_from_preset(preset: str, multiplier: float | None = None, days: int | None = None) -> Scenario:
    """A preset, optionally with its multiplier or duration changed (the CLI's --multiplier/--days)."""
    if preset not in PRESETS:
        raise SurgeInputError(
            f"unknown scenario {preset!r}{_suggest(preset, PRESETS)}; choose one of: {', '.join(PRESETS)}"
        )
    base = PRESETS[preset]
    update: dict[str, Any] = {}
    if multiplier is not None:
        update["multiplier"] = multiplier
    if days is not None:
        update["days"] = days
    if not update:
        return base
    return _validated(Scenario, {**base.model_dump(), **update}, "scenario")


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
    per cell, multiplier-major, which is the layout the grid's day loop reads.
    Each value is ``1 + (N − 1) × w``, where the weight ``w`` (0 normal, 1 full
    surge) depends only on the shape, the duration and the day; a single run
    calls this with one cell, so both engines see bit-identical demand.
    """
    n = np.asarray(multipliers, dtype=float).reshape(-1)
    d = np.asarray(durations, dtype=float).reshape(-1)[None, :]
    s = np.arange(horizon, dtype=float)[:, None] - (start_day - 1)  # days since the surge began
    during = (s >= 0) & (s < d)
    if shape == "spike":
        k = s - d + 1  # 1 on the first day after the peak
        fading = (k >= 1) & (k <= decay_days)
        weight = np.where(during, 1.0, np.where(fading, 1 - k / (decay_days + 1), 0.0))
    elif shape == "step":
        weight = np.where(during, 1.0, 0.0)
    elif shape == "ramp":
        weight = np.where(during, (s + 1) / d, np.where(s >= d, 1.0, 0.0))
    elif shape == "seasonal":
        weight = np.where(during, np.sin(np.pi * (s + 1) / (d + 1)), 0.0)
    else:  # pragma: no cover - Scenario validates the shape
        raise SurgeInputError(f"unknown shape {shape!r}")
    out = 1 + (n - 1)[None, :, None] * weight[:, None, :]
    return out.reshape(horizon, n.size * d.size)


def _check_horizon(horizon: int) -> int:
    if isinstance(horizon, bool) or not isinstance(horizon, int) or not 1 <= horizon <= MAX_HORIZON:
        raise SurgeInputError(f"the horizon must be a whole number of days from 1 to {MAX_HORIZON}, not {horizon!r}")
    return horizon


MAP_SCENARIO = Scenario(shape="spike", multiplier=1, days=1, label="Surge", description="N× normal orders for D days.")
