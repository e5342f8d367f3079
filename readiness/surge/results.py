"""What a run says: per-day series and a summary for one scenario, one summary per cell for the map."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

import numpy as np

from readiness.errors import SurgeInputError
from readiness.surge.engine import _params, run_grid
from readiness.surge.formatting import _num
from readiness.surge.inputs import DEFAULT_HORIZON, SurgeInputs
from readiness.surge.resources import RESOURCE_KEYS, RESOURCES, TECH
from readiness.surge.scenarios import MAP_SCENARIO, Scenario, _check_horizon, demand_multipliers, scenario_from_preset

Outcome = Literal["copes", "strained", "breaks"]


# --- one run (plain Python) ---------------------------------------------------------


@dataclass(frozen=True)
class Binding:
    """A step falling short: on which day (1-based) and what it could do then."""

    resource: str
    day: int
    capacity: float
    label: str
    dimension: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "resource": self.resource,
            "day": self.day,
            "capacity": _num(self.capacity),
            "label": self.label,
            "dimension": self.dimension,
        }


@dataclass(frozen=True)
class Expansion:
    """Extra capacity ordered on ``ordered_day`` and working from ``ready_day``."""

    resource: str
    ordered_day: int
    ready_day: int
    capacity_before: float
    capacity_after: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "resource": self.resource,
            "ordered_day": self.ordered_day,
            "ready_day": self.ready_day,
            "capacity_before": _num(self.capacity_before),
            "capacity_after": _num(self.capacity_after),
        }


@dataclass(frozen=True)
class SurgeSummary:
    """What a founder needs to hear. Days are 1-based; ``None`` means "never"."""

    first_bind: Binding | None
    binding_order: tuple[Binding, ...]
    expansions: tuple[Expansion, ...]
    orders_in: float
    delivered: float
    lost_technology: float
    lost_patience: float
    still_waiting: float
    peak_backlog: float
    peak_backlog_day: int | None
    peak_wait: int
    peak_wait_day: int | None
    cash_start: float
    cash_low: float
    cash_low_day: int
    cash_end: float
    crunch_day: int | None
    recovery_day: int | None
    price: float

    @property
    def lost(self) -> float:
        return self.lost_technology + self.lost_patience

    @property
    def lost_share(self) -> float:
        return self.lost / self.orders_in if self.orders_in > 0 else 0.0

    @property
    def revenue_lost(self) -> float:
        return self.lost * self.price

    @property
    def outcome(self) -> Outcome:
        """``breaks``: cash goes below zero; ``strained``: orders lost or not back to normal; else ``copes``."""
        return _outcome(self.crunch_day is not None, self.lost, self.recovery_day is not None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "first_bind": None if self.first_bind is None else self.first_bind.to_dict(),
            "binding_order": [b.to_dict() for b in self.binding_order],
            "expansions": [e.to_dict() for e in self.expansions],
            "orders_in": self.orders_in,
            "delivered": self.delivered,
            "lost": self.lost,
            "lost_technology": self.lost_technology,
            "lost_patience": self.lost_patience,
            "lost_share": self.lost_share,
            "revenue_lost": self.revenue_lost,
            "still_waiting": self.still_waiting,
            "peak_backlog": self.peak_backlog,
            "peak_backlog_day": self.peak_backlog_day,
            "peak_wait": self.peak_wait,
            "peak_wait_day": self.peak_wait_day,
            "cash_start": self.cash_start,
            "cash_low": self.cash_low,
            "cash_low_day": self.cash_low_day,
            "cash_end": self.cash_end,
            "crunch_day": self.crunch_day,
            "recovery_day": self.recovery_day,
        }


def _outcome(crunch: bool, lost: float, recovered: bool) -> Outcome:
    if crunch:
        return "breaks"
    if lost > 0 or not recovered:
        return "strained"
    return "copes"


@dataclass(frozen=True)
class SurgeResult:
    """One run: per-day series (index 0 is day 1) and the summary.

    ``bottleneck`` holds the index into :data:`RESOURCE_KEYS` of the step that
    capped the day's output, or -1 when everything waiting was delivered.
    ``capacity`` has one series per resource: what it could do that day
    (for materials: stock plus that day's deliveries).
    """

    inputs: SurgeInputs
    scenario: Scenario
    horizon: int
    demand: np.ndarray
    accepted: np.ndarray
    delivered: np.ndarray
    backlog: np.ndarray
    wait: np.ndarray
    lost_technology: np.ndarray
    lost_patience: np.ndarray
    cash: np.ndarray
    stock: np.ndarray
    bottleneck: np.ndarray
    capacity: Mapping[str, np.ndarray]
    summary: SurgeSummary

    @property
    def days(self) -> np.ndarray:
        return np.arange(1, self.horizon + 1)

    def verdict(self) -> str:
        from readiness.surge.words import verdict

        return verdict(self)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: inputs, scenario, summary, verdict and every per-day series."""
        series = {
            "day": self.days.tolist(),
            "demand": self.demand.tolist(),
            "accepted": self.accepted.tolist(),
            "delivered": self.delivered.tolist(),
            "backlog": self.backlog.tolist(),
            "wait": self.wait.tolist(),
            "lost_technology": self.lost_technology.tolist(),
            "lost_patience": self.lost_patience.tolist(),
            "cash": self.cash.tolist(),
            "stock": [_num(x) for x in self.stock.tolist()],
            "bottleneck": [None if i < 0 else RESOURCE_KEYS[i] for i in self.bottleneck.tolist()],
        }
        for key, values in self.capacity.items():
            series[f"capacity_{key}"] = [_num(x) for x in values.tolist()]
        return {
            "scenario": self.scenario.model_dump(),
            "horizon": self.horizon,
            "inputs": self.inputs.model_dump(),
            "verdict": self.verdict(),
            "summary": self.summary.to_dict(),
            "series": series,
        }


def simulate(inputs: SurgeInputs, scenario: Scenario | str, horizon: int = DEFAULT_HORIZON) -> SurgeResult:
    """Run one scenario day by day: the engine's grid of one cell, with every per-day series kept."""
    if isinstance(scenario, str):
        scenario = scenario_from_preset(scenario)
    horizon = _check_horizon(horizon)
    p = _params(inputs, scenario.start_day)
    mult = demand_multipliers(
        scenario.shape, [scenario.multiplier], [scenario.days], scenario.decay_days, scenario.start_day, horizon
    )
    out, series = run_grid(p, mult * p.base_orders, record=True)
    return _result(inputs, scenario, horizon, p.base, p.top, p.price, p.cash, out, series)


def _binding_key(r: int, day: int, cap: float) -> tuple[int, float, int]:
    """Order of steps falling short: by day; on one day the website first (it turns
    orders away at the door), then the step that could do least."""
    return (day, -math.inf if r == TECH else cap, r)


def _result(
    inputs: SurgeInputs,
    scen: Scenario,
    horizon: int,
    base: Sequence[float],
    top: Sequence[float],
    price: float,
    cash: float,
    out: Mapping[str, np.ndarray],
    series: Mapping[str, np.ndarray],
) -> SurgeResult:
    first_day = out["first_day"][:, 0].tolist()
    bind_cap = out["bind_cap"][:, 0].tolist()
    bound = sorted((r for r in range(5) if first_day[r] >= 0), key=lambda r: _binding_key(r, first_day[r], bind_cap[r]))
    order = tuple(
        Binding(
            RESOURCE_KEYS[r],
            first_day[r] + 1,
            bind_cap[r],
            RESOURCES[RESOURCE_KEYS[r]].label,
            RESOURCES[RESOURCE_KEYS[r]].dimensions[0],
        )
        for r in bound
    )
    ordered, ready = out["ordered"][:, 0].tolist(), out["ready"][:, 0].tolist()
    expansions = tuple(
        Expansion(RESOURCE_KEYS[r], ordered[r] + 1, int(ready[r]) + 1, base[r], top[r])
        for r in range(5)
        if ordered[r] >= 0 and ready[r] < horizon
    )

    def one(name: str) -> float:
        return float(out[name][0])

    def day(name: str) -> int | None:
        return int(out[name][0]) or None

    summary = SurgeSummary(
        first_bind=order[0] if order else None,
        binding_order=order,
        expansions=expansions,
        orders_in=one("orders_in"),
        delivered=one("delivered"),
        lost_technology=one("lost_technology"),
        lost_patience=one("lost_patience"),
        still_waiting=one("still_waiting"),
        peak_backlog=one("peak_backlog"),
        peak_backlog_day=_day(int(out["peak_backlog_day"][0])),
        peak_wait=int(out["peak_wait"][0]),
        peak_wait_day=_day(int(out["peak_wait_day"][0])),
        cash_start=cash,
        cash_low=one("cash_low"),
        cash_low_day=int(out["cash_low_day"][0]) + 1,
        cash_end=one("cash_end"),
        crunch_day=day("crunch_day"),
        recovery_day=day("recovery_day"),
        price=price,
    )

    def arr(name: str) -> np.ndarray:
        a = np.ascontiguousarray(series[name][:, 0])
        a.flags.writeable = False
        return a

    capacity = {}
    for r, key in enumerate(RESOURCE_KEYS):
        values = np.ascontiguousarray(series["capacity"][:, r, 0])
        values.flags.writeable = False
        capacity[key] = values
    return SurgeResult(
        inputs=inputs,
        scenario=scen,
        horizon=horizon,
        demand=arr("demand"),
        accepted=arr("accepted"),
        delivered=arr("delivered"),
        backlog=arr("backlog"),
        wait=arr("wait"),
        lost_technology=arr("lost_technology"),
        lost_patience=arr("lost_patience"),
        cash=arr("cash"),
        stock=arr("stock"),
        bottleneck=arr("bottleneck"),
        capacity=capacity,
        summary=summary,
    )


def _day(index: int) -> int | None:
    return None if index < 0 else index + 1


# --- the survival map (numpy over the grid) -----------------------------------------


@dataclass(frozen=True)
class SurvivalMap:
    """Surge size × duration: one summary per cell, arrays of shape (multipliers, durations).

    Day arrays use 0 for "never" (days are 1-based); ``first_bind`` holds an
    index into :data:`RESOURCE_KEYS`, -1 when nothing falls short.
    ``outcome``: 0 copes, 1 strained (orders lost or not back to normal),
    2 breaks (cash goes below zero).
    """

    scenario: Scenario
    horizon: int
    multipliers: np.ndarray
    durations: np.ndarray
    orders_in: np.ndarray
    lost: np.ndarray
    lost_technology: np.ndarray
    lost_patience: np.ndarray
    revenue_lost: np.ndarray
    peak_backlog: np.ndarray
    peak_wait: np.ndarray
    cash_low: np.ndarray
    crunch_day: np.ndarray
    recovery_day: np.ndarray
    first_bind: np.ndarray
    first_bind_day: np.ndarray
    outcome: np.ndarray

    OUTCOMES: ClassVar[tuple[Outcome, ...]] = ("copes", "strained", "breaks")

    @property
    def lost_share(self) -> np.ndarray:
        return np.divide(self.lost, self.orders_in, out=np.zeros_like(self.lost), where=self.orders_in > 0)

    @property
    def survives(self) -> np.ndarray:
        """True where cash never goes below zero."""
        return self.outcome < 2

    def cell(self, i: int, j: int) -> dict[str, Any]:
        """One cell as plain values, named like :class:`SurgeSummary`'s fields."""
        first = int(self.first_bind[i, j])
        return {
            "multiplier": float(self.multipliers[i]),
            "days": int(self.durations[j]),
            "outcome": self.OUTCOMES[int(self.outcome[i, j])],
            "orders_in": float(self.orders_in[i, j]),
            "lost": float(self.lost[i, j]),
            "lost_technology": float(self.lost_technology[i, j]),
            "lost_patience": float(self.lost_patience[i, j]),
            "lost_share": float(self.lost_share[i, j]),
            "revenue_lost": float(self.revenue_lost[i, j]),
            "peak_backlog": float(self.peak_backlog[i, j]),
            "peak_wait": int(self.peak_wait[i, j]),
            "cash_low": float(self.cash_low[i, j]),
            "crunch_day": int(self.crunch_day[i, j]) or None,
            "recovery_day": int(self.recovery_day[i, j]) or None,
            "first_bind": None if first < 0 else RESOURCE_KEYS[first],
            "first_bind_day": int(self.first_bind_day[i, j]) or None,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario.model_dump(),
            "horizon": self.horizon,
            "multipliers": self.multipliers.tolist(),
            "durations": self.durations.tolist(),
            "outcome": [[self.OUTCOMES[k] for k in row] for row in self.outcome.tolist()],
            "lost": self.lost.tolist(),
            "lost_share": self.lost_share.tolist(),
            "revenue_lost": self.revenue_lost.tolist(),
            "peak_backlog": self.peak_backlog.tolist(),
            "peak_wait": self.peak_wait.tolist(),
            "cash_low": self.cash_low.tolist(),
            "crunch_day": self.crunch_day.tolist(),
            "recovery_day": self.recovery_day.tolist(),
            "first_bind": [[None if k < 0 else RESOURCE_KEYS[k] for k in row] for row in self.first_bind.tolist()],
            "first_bind_day": self.first_bind_day.tolist(),
        }


#: The survival map's default shape: a clean block of extra demand, no fade.


def survival_map(
    inputs: SurgeInputs,
    multipliers: Sequence[float],
    durations: Sequence[int],
    horizon: int = DEFAULT_HORIZON,
    scenario: Scenario | str | None = None,
) -> SurvivalMap:
    """Which surges do we survive? The model over every (multiplier, duration) pair.

    ``scenario`` gives the shape, fade and start day (default: a clean spike);
    its multiplier and duration are replaced by each cell's. Vectorized: one
    pass of the day loop over arrays holding every cell.
    """
    horizon = _check_horizon(horizon)
    if scenario is None:
        base = MAP_SCENARIO
    else:
        base = scenario_from_preset(scenario) if isinstance(scenario, str) else scenario
    mult = np.asarray(multipliers, dtype=float)
    dur = np.asarray(durations, dtype=float)
    if mult.ndim != 1 or dur.ndim != 1 or not mult.size or not dur.size:
        raise SurgeInputError("multipliers and durations must be non-empty lists of numbers")
    if not np.all(np.isfinite(mult)) or np.any(mult < 0) or np.any(mult > 1000):
        raise SurgeInputError("multipliers must be numbers from 0 to 1000")
    if not np.all(np.isfinite(dur)) or np.any(dur != np.round(dur)) or np.any(dur < 1):
        raise SurgeInputError("durations must be whole numbers of days, at least 1")
    dur = dur.astype(np.int64)
    p = _params(inputs, base.start_day)
    demand = demand_multipliers(base.shape, mult, dur, base.decay_days, base.start_day, horizon)
    demand *= p.base_orders
    out, _ = run_grid(p, demand)
    shape = (mult.size, dur.size)
    lost_tech, lost_pat = out["lost_technology"], out["lost_patience"]
    lost = lost_tech + lost_pat
    crunch = out["crunch_day"]
    recovery = out["recovery_day"]
    outcome = np.where(crunch > 0, 2, np.where((lost > 0) | (recovery == 0), 1, 0))
    return SurvivalMap(
        scenario=base,
        horizon=horizon,
        multipliers=mult,
        durations=dur.astype(int),
        orders_in=out["orders_in"].reshape(shape),
        lost=lost.reshape(shape),
        lost_technology=lost_tech.reshape(shape),
        lost_patience=lost_pat.reshape(shape),
        revenue_lost=(lost * p.price).reshape(shape),
        peak_backlog=out["peak_backlog"].reshape(shape),
        peak_wait=out["peak_wait"].reshape(shape),
        cash_low=out["cash_low"].reshape(shape),
        crunch_day=crunch.reshape(shape),
        recovery_day=recovery.reshape(shape),
        first_bind=out["first_bind"].reshape(shape),
        first_bind_day=out["first_bind_day"].reshape(shape),
        outcome=outcome.reshape(shape),
    )
