"""What a run says: the per-day series and summary of one scenario, and one summary per cell of a grid.

:func:`simulate` runs one scenario (the engine on one cell, every day kept);
:func:`run_grid` runs many variants of a business at once and keeps only
their summaries (what-ifs, sensitivity, policies); :func:`survival_map` is a
grid of surge sizes by durations. All three are the same engine.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

import numpy as np

from readiness.errors import SurgeInputError
from readiness.surge.engine import LEVER_SLOT, LEVERS, SERIES, Layout, Params, run
from readiness.surge.formatting import num
from readiness.surge.inputs import SurgeInputs
from readiness.surge.resources import CASH, MAKE, RESOURCES, WEB, step_key
from readiness.surge.scenarios import (
    MAP_SCENARIO,
    Scenario,
    check_horizon,
    demand_multipliers,
    due_day,
    plan_for,
    run_horizon,
    scenario_from_preset,
    series,
)

Outcome = Literal["copes", "strained", "breaks"]
OUTCOMES: tuple[Outcome, ...] = ("copes", "strained", "breaks")

#: Plain names of the levers, by kind of business where they differ.
LEVER_LABELS: dict[str, tuple[str, str]] = {
    # (goods, services)
    "overtime": ("Overtime", "Overtime"),
    "partner": ("A co-packer or subcontractor", "Freelancers or a subcontractor"),
    "expand": ("More equipment and space", "Hiring"),
    "service_help": ("Customer service help", "Customer service help"),
    "website_upgrade": ("A website upgrade", "A website upgrade"),
    "extra_supply": ("Extra supplier deliveries", "Extra supplier deliveries"),
}


def lever_label(lever: str, goods: bool) -> str:
    return LEVER_LABELS[lever][0 if goods else 1]


@dataclass(frozen=True)
class Break:
    """A step falling short: on which day (1-based), what it could do then, and the orders it cost."""

    step: str
    day: int
    capacity: float
    lost: float

    @property
    def label(self) -> str:
        return RESOURCES[self.step].label

    @property
    def dimension(self) -> str:
        return RESOURCES[self.step].dimensions[0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "step": self.step,
            "day": self.day,
            "capacity": num(self.capacity),
            "lost": self.lost,
            "label": self.label,
            "dimension": self.dimension,
        }


@dataclass(frozen=True)
class Expansion:
    """Capacity added in the run: when it was ordered, worked and was let go, and what it cost.

    ``cost`` is what was paid within the run; ``committed_after`` what is still
    owed after its last day (the rest of a lease or of new hires' contracts).
    ``ready_day`` None: it would only work after the run's last day;
    ``last_day``: the last day it was kept (None: still kept at the end).
    """

    lever: str
    label: str
    step: str
    ordered_day: int
    ready_day: int | None
    last_day: int | None
    capacity: float
    cost: float
    committed_after: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "lever": self.lever,
            "label": self.label,
            "step": self.step,
            "ordered_day": self.ordered_day,
            "ready_day": self.ready_day,
            "last_day": self.last_day,
            "capacity": self.capacity,
            "cost": self.cost,
            "committed_after": self.committed_after,
        }


@dataclass(frozen=True)
class SurgeSummary:
    """What a founder needs to hear. Days are 1-based; ``None`` means "never"."""

    breaks: tuple[Break, ...]
    expansions: tuple[Expansion, ...]
    orders_in: float
    delivered: float
    lost_website: float
    lost_leaving: float
    lost_patience: float
    still_waiting: float
    normal_waiting: float
    peak_backlog: float
    peak_backlog_day: int | None
    peak_wait: int
    peak_wait_day: int | None
    normal_wait: int
    cash_start: float
    cash_low: float
    cash_low_day: int  # 0: at the start, before day 1
    cash_end: float
    crunch_day: int | None
    recovery_day: int | None
    receipts: float
    payments: float
    expansion_cost: float
    idle_cost: float
    committed_after: float
    made: float
    written_off: float
    dead_end: float
    excess_end: float
    peak_excess: float
    peak_locked: float
    locked_end: float
    price: float
    unit_cost: float

    @property
    def first_break(self) -> Break | None:
        return self.breaks[0] if self.breaks else None

    @property
    def lost(self) -> float:
        return self.lost_website + self.lost_leaving + self.lost_patience

    @property
    def lost_share(self) -> float:
        return self.lost / self.orders_in if self.orders_in > 0 else 0.0

    @property
    def revenue_lost(self) -> float:
        return self.lost * self.price

    @property
    def written_off_value(self) -> float:
        return self.written_off * self.unit_cost

    @property
    def outcome(self) -> Outcome:
        """``breaks``: cash goes below zero; ``strained``: orders lost, not back to normal,
        or stock nobody buys; else ``copes``."""
        return OUTCOMES[_outcome(self.crunch_day or 0, self.lost, self.recovery_day or 0, self._stock_trouble)]

    @property
    def _stock_trouble(self) -> float:
        return self.written_off + self.dead_end

    def breaks_on(self, day: int) -> list[Break]:
        return [b for b in self.breaks if b.day == day]

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "breaks": [b.to_dict() for b in self.breaks],
            "expansions": [e.to_dict() for e in self.expansions],
            "orders_in": self.orders_in,
            "delivered": self.delivered,
            "lost": self.lost,
            "lost_website": self.lost_website,
            "lost_leaving": self.lost_leaving,
            "lost_patience": self.lost_patience,
            "lost_share": self.lost_share,
            "revenue_lost": self.revenue_lost,
            "still_waiting": self.still_waiting,
            "peak_backlog": self.peak_backlog,
            "peak_backlog_day": self.peak_backlog_day,
            "peak_wait": self.peak_wait,
            "peak_wait_day": self.peak_wait_day,
            "normal_wait": self.normal_wait,
            "cash_start": self.cash_start,
            "cash_low": self.cash_low,
            "cash_low_day": self.cash_low_day,
            "cash_end": self.cash_end,
            "crunch_day": self.crunch_day,
            "recovery_day": self.recovery_day,
            "receipts": self.receipts,
            "payments": self.payments,
            "expansion_cost": self.expansion_cost,
            "idle_cost": self.idle_cost,
            "committed_after": self.committed_after,
            "written_off": self.written_off,
            "written_off_value": self.written_off_value,
            "dead_stock": self.dead_end,
            "excess_stock_end": self.excess_end,
            "peak_excess_stock": self.peak_excess,
            "peak_locked_cash": self.peak_locked,
            "locked_cash_end": self.locked_end,
        }


def _outcome(crunch: Any, lost: Any, recovery: Any, stock_trouble: Any) -> Any:
    """0 copes, 1 strained, 2 breaks (cash below zero) — for one cell or a grid."""
    strained = (lost > 0.5) | (recovery == 0) | (stock_trouble > 0.5)
    return (
        np.where(crunch > 0, 2, np.where(strained, 1, 0))
        if isinstance(crunch, np.ndarray)
        else (2 if crunch > 0 else 1 if strained else 0)
    )


@dataclass(frozen=True)
class SurgeResult:
    """One run: every per-day series (index 0 is day 1) and the summary.

    ``series["bottleneck"]`` holds, for each day, the engine slot that capped
    deliveries (:mod:`~readiness.surge.resources`), or -1 when every due order
    went out; :meth:`step_of` names it.
    """

    inputs: SurgeInputs
    scenario: Scenario
    horizon: int
    series: Mapping[str, np.ndarray]
    summary: SurgeSummary

    @property
    def days(self) -> np.ndarray:
        return np.arange(1, self.horizon + 1)

    def __getattr__(self, name: str) -> np.ndarray:
        # result.demand, result.cash ...: the series by name
        series = self.__dict__.get("series")
        if series is not None and name in series:
            return series[name]
        raise AttributeError(name)

    @property
    def lost(self) -> np.ndarray:
        s = self.series
        return s["lost_website"] + s["lost_leaving"] + s["lost_patience"]

    @property
    def due_day(self) -> int:
        """The day the first orders of the scenario's change fall due (its start plus the usual wait)."""
        return due_day(self.scenario, self.inputs)

    @property
    def untested(self) -> bool:
        """True when the run ends before the change's first orders fall due: it cannot judge the change.

        Only a horizon given by hand, or a change beyond the longest run the model makes, leaves one
        untested (:func:`~readiness.surge.scenarios.run_horizon`); the words then say so instead of
        a verdict.
        """
        return self.due_day > self.horizon

    def step_of(self, slot: int) -> str:
        return step_key(slot, self.inputs.kind)

    def bottleneck_days(self) -> dict[str, int]:
        """How many days each step capped deliveries, most first."""
        slots, days = np.unique(self.series["bottleneck"][self.series["bottleneck"] >= 0], return_counts=True)
        found = {self.step_of(int(s)): int(d) for s, d in zip(slots, days, strict=True)}
        return dict(sorted(found.items(), key=lambda item: -item[1]))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: inputs, scenario, summary and every per-day series."""
        out: dict[str, Any] = {"day": self.days.tolist()}
        for name, values in self.series.items():
            if name == "bottleneck":
                out[name] = [None if i < 0 else self.step_of(int(i)) for i in values.tolist()]
            else:
                out[name] = [num(float(x)) for x in values.tolist()]
        return {
            "scenario": self.scenario.model_dump(),
            "horizon": self.horizon,
            "inputs": self.inputs.model_dump(),
            "summary": self.summary.to_dict(),
            "series": out,
        }


def _plan_rows(inputs: Sequence[SurgeInputs], horizon: int) -> int:
    return horizon + max(i.batch_days for i in inputs) + 1


def simulate(inputs: SurgeInputs, scenario: Scenario | str, horizon: int | None = None) -> SurgeResult:
    """Run one scenario day by day: the engine on one cell, every day kept.

    ``horizon`` None: as long as the scenario needs (:func:`~readiness.surge.scenarios.run_horizon`).
    """
    if isinstance(scenario, str):
        scenario = scenario_from_preset(scenario)
    horizon = check_horizon(run_horizon(inputs, scenario) if horizon is None else horizon)
    demand, plan = series(scenario, _plan_rows([inputs], horizon))
    n = inputs.orders_per_day
    p = Params.of(inputs, scenario)
    out, days = run(p, Layout.of(inputs), (demand[:horizon] * n).tolist(), (plan * n).tolist(), horizon, record=True)
    arrays = {}
    for name in SERIES:
        a = np.array(days[name], dtype=np.int64 if name in ("bottleneck", "wait") else float)
        a.flags.writeable = False
        arrays[name] = a
    summary = _summary(inputs, horizon, p, {k: _first_cell(v) for k, v in out.items()}, arrays)
    return SurgeResult(inputs=inputs, scenario=scenario, horizon=horizon, series=arrays, summary=summary)


def _first_cell(value: Any) -> Any:
    if isinstance(value, list):
        return [_first_cell(v) for v in value]
    return float(value[0]) if isinstance(value, np.ndarray) else float(value)


def _day(index: float) -> int | None:
    return None if index < 0 else int(index) + 1


def _recovery(last_trouble: Any, horizon: int) -> Any:
    """First day (1-based) from which nothing is lost or waiting beyond normal; 0: not within the horizon."""
    if isinstance(last_trouble, np.ndarray):
        return np.where(last_trouble < 0, 1, np.where(last_trouble < horizon - 1, last_trouble + 2, 0)).astype(int)
    if last_trouble < 0:
        return 1
    return int(last_trouble) + 2 if last_trouble < horizon - 1 else 0


def _summary(
    inputs: SurgeInputs, horizon: int, p: Params, out: Mapping[str, Any], days: Mapping[str, np.ndarray]
) -> SurgeSummary:
    kind = inputs.kind
    lost_per_day = days["lost_leaving"] + days["lost_patience"]
    bottleneck = days["bottleneck"]
    breaks = []
    for slot, day in enumerate(out["first"]):
        if day < 0:
            continue
        if slot == WEB:
            lost = float(days["lost_website"].sum())
        else:
            mine = bottleneck == slot
            if slot == MAKE:  # a day stock ran out and production could not catch up counts for production
                mine = mine | (bottleneck == 2)
            lost = float(lost_per_day[mine].sum())
        breaks.append(Break(step_key(slot, kind), int(day) + 1, out["first_cap"][slot], lost))
    if out["crunch"] >= 0:
        breaks.append(Break(step_key(CASH, kind), int(out["crunch"]) + 1, out["cash_low"], 0.0))
    # by day; on one day, the step that cost most orders first
    breaks.sort(key=lambda b: (b.day, -b.lost, list(RESOURCES).index(b.step)))
    expansions = []
    goods = inputs.goods
    for k, lever in enumerate(LEVERS):
        ordered = out["ordered"][k]
        if ordered < 0:
            continue
        ready, until = out["ready"][k], out["until"][k]
        working = ready < horizon
        end = min(until, horizon)
        if lever == "overtime":
            cost = out["overtime_cost"]
        elif lever == "partner":
            cost = out["partner_cost"]
        else:
            cost = (p.per_day[k] * max(0.0, end - ready) + p.upfront[k]) if working else 0.0
        owed = p.per_day[k] * max(0.0, ready + p.commit[k] - horizon) if working and math.isinf(until) else 0.0
        expansions.append(
            Expansion(
                lever=lever,
                label=lever_label(lever, goods),
                step=step_key(LEVER_SLOT[k], kind),
                ordered_day=int(ordered) + 1,
                ready_day=int(ready) + 1 if working else None,
                last_day=None if math.isinf(until) or until >= horizon else int(until),
                capacity=p.cap[k],
                cost=cost,
                committed_after=owed,
            )
        )
    normal_waiting = p.n * p.wait_days
    return SurgeSummary(
        breaks=tuple(breaks),
        expansions=tuple(expansions),
        orders_in=out["orders_in"],
        delivered=out["delivered"],
        lost_website=out["lost_website"],
        lost_leaving=out["lost_leaving"],
        lost_patience=out["lost_patience"],
        still_waiting=out["still_waiting"],
        normal_waiting=normal_waiting,
        peak_backlog=out["peak_backlog"],
        peak_backlog_day=_day(out["peak_backlog_day"]),
        peak_wait=int(out["peak_wait"]),
        peak_wait_day=_day(out["peak_wait_day"]),
        normal_wait=p.wait_days,
        cash_start=p.cash,
        cash_low=out["cash_low"],
        cash_low_day=int(out["cash_low_day"]) + 1,
        cash_end=out["cash_end"],
        crunch_day=_day(out["crunch"]),
        recovery_day=_recovery(out["last_trouble"], horizon) or None,
        receipts=out["receipts"],
        payments=out["payments"],
        expansion_cost=out["lever_cost"],
        idle_cost=out["idle_cost"],
        committed_after=sum(e.committed_after for e in expansions),
        made=out["made"],
        written_off=out["written_off"],
        dead_end=out["dead_end"],
        excess_end=out["excess_end"],
        peak_excess=out["peak_excess"],
        peak_locked=out["peak_locked"],
        locked_end=out["locked_end"],
        price=p.price,
        unit_cost=p.cost,
    )


# --- many cells at once -------------------------------------------------------------


@dataclass(frozen=True)
class GridSummary:
    """One summary value per cell, for variants of one business run together (one engine pass)."""

    values: Mapping[str, np.ndarray]
    horizon: int

    def __getitem__(self, name: str) -> np.ndarray:
        return self.values[name]

    @property
    def lost(self) -> np.ndarray:
        v = self.values
        return v["lost_website"] + v["lost_leaving"] + v["lost_patience"]

    @property
    def outcome(self) -> np.ndarray:
        v = self.values
        return _outcome(v["crunch_day"], self.lost, v["recovery_day"], v["written_off"] + v["dead_end"])


def run_grid(cells: Sequence[tuple[SurgeInputs, Scenario]], horizon: int | None = None) -> GridSummary:
    """Run variants of one business (same kind) side by side and keep each one's summary.

    Each cell has its own inputs and scenario; one pass of the engine runs
    them all. Used for what-ifs, the sensitivity check and policy comparisons.
    ``horizon`` None: the longest any cell needs, so every cell is judged over the same days.
    """
    if not cells:
        raise SurgeInputError("nothing to run")
    horizon = check_horizon(max(run_horizon(i, s) for i, s in cells) if horizon is None else horizon)
    layouts = {Layout.of(i) for i, _ in cells}
    if len(layouts) != 1:
        raise SurgeInputError("cells of one grid must be the same kind of business")
    rows = _plan_rows([i for i, _ in cells], horizon)
    demand = np.empty((horizon, len(cells)))
    plan = np.empty((rows, len(cells)))
    for c, (inputs, scenario) in enumerate(cells):
        d, pl = series(scenario, rows)
        demand[:, c] = d[:horizon] * inputs.orders_per_day
        plan[:, c] = pl * inputs.orders_per_day
    p = Params.stack([Params.of(i, s) for i, s in cells])
    out, _ = run(p, layouts.pop(), demand, plan, horizon)
    return GridSummary(_grid_values(out, horizon, len(cells)), horizon)


def _grid_values(out: Mapping[str, Any], horizon: int, cells: int) -> dict[str, np.ndarray]:
    def arr(value: Any) -> np.ndarray:
        return np.broadcast_to(np.asarray(value, dtype=float), (cells,)).copy()

    values = {k: arr(v) for k, v in out.items() if not isinstance(v, list)}
    values["crunch_day"] = np.where(values["crunch"] >= 0, values["crunch"] + 1, 0)
    values["recovery_day"] = _recovery(values["last_trouble"], horizon)
    first = np.stack([arr(f) for f in out["first"]])
    never = np.inf
    day_key = np.where(first >= 0, first, never)
    earliest = day_key.min(axis=0)
    values["first_bind"] = np.where(np.isinf(earliest), -1, np.argmin(day_key, axis=0))
    values["first_bind_day"] = np.where(np.isinf(earliest), 0, earliest + 1)
    return values


# --- the survival map ----------------------------------------------------------------


@dataclass(frozen=True)
class SurvivalMap:
    """Surge size × duration: one summary per cell, arrays of shape (multipliers, durations).

    Day arrays use 0 for "never" (days are 1-based); ``first_bind`` names the
    first step to fall short (None when nothing does). ``outcome``: 0 copes,
    1 strained (orders lost, not back to normal, or stock nobody buys),
    2 breaks (cash goes below zero).
    """

    scenario: Scenario
    horizon: int
    kind: str
    multipliers: np.ndarray
    durations: np.ndarray
    orders_in: np.ndarray
    lost: np.ndarray
    lost_website: np.ndarray
    revenue_lost: np.ndarray
    peak_wait: np.ndarray
    cash_low: np.ndarray
    crunch_day: np.ndarray
    recovery_day: np.ndarray
    first_bind: np.ndarray
    first_bind_day: np.ndarray
    outcome: np.ndarray

    OUTCOMES: ClassVar[tuple[Outcome, ...]] = OUTCOMES

    @property
    def lost_share(self) -> np.ndarray:
        return np.divide(self.lost, self.orders_in, out=np.zeros_like(self.lost), where=self.orders_in > 0)

    @property
    def survives(self) -> np.ndarray:
        """True where cash never goes below zero."""
        return self.outcome < 2

    def step(self, i: int, j: int) -> str | None:
        slot = int(self.first_bind[i, j])
        return None if slot < 0 else step_key(slot, self.kind)  # type: ignore[arg-type]

    def cell(self, i: int, j: int) -> dict[str, Any]:
        """One cell as plain values, named like :class:`SurgeSummary`'s fields."""
        return {
            "multiplier": float(self.multipliers[i]),
            "days": int(self.durations[j]),
            "outcome": self.OUTCOMES[int(self.outcome[i, j])],
            "orders_in": float(self.orders_in[i, j]),
            "lost": float(self.lost[i, j]),
            "lost_share": float(self.lost_share[i, j]),
            "revenue_lost": float(self.revenue_lost[i, j]),
            "peak_wait": int(self.peak_wait[i, j]),
            "cash_low": float(self.cash_low[i, j]),
            "crunch_day": int(self.crunch_day[i, j]) or None,
            "recovery_day": int(self.recovery_day[i, j]) or None,
            "first_bind": self.step(i, j),
            "first_bind_day": int(self.first_bind_day[i, j]) or None,
        }

    def to_dict(self) -> dict[str, Any]:
        rows, cols = self.outcome.shape
        return {
            "scenario": self.scenario.model_dump(),
            "horizon": self.horizon,
            "multipliers": self.multipliers.tolist(),
            "durations": self.durations.tolist(),
            "outcome": [[self.OUTCOMES[k] for k in row] for row in self.outcome.tolist()],
            "lost": self.lost.tolist(),
            "lost_share": self.lost_share.tolist(),
            "revenue_lost": self.revenue_lost.tolist(),
            "peak_wait": self.peak_wait.tolist(),
            "cash_low": self.cash_low.tolist(),
            "crunch_day": self.crunch_day.tolist(),
            "recovery_day": self.recovery_day.tolist(),
            "first_bind": [[self.step(i, j) for j in range(cols)] for i in range(rows)],
            "first_bind_day": self.first_bind_day.tolist(),
        }


def survival_map(
    inputs: SurgeInputs,
    multipliers: Sequence[float],
    durations: Sequence[int],
    horizon: int | None = None,
    scenario: Scenario | str | None = None,
) -> SurvivalMap:
    """Which surges do we survive? The model over every (multiplier, duration) pair, in one engine pass.

    ``scenario`` gives the shape, fade, start day and plan (default: a clean
    spike nobody planned for); its multiplier and duration are replaced by
    each cell's. ``horizon`` None: as long as the longest surge needs
    (:func:`~readiness.surge.scenarios.run_horizon`), so an event months away is in every cell.
    """
    if horizon is not None:
        check_horizon(horizon)
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
    if horizon is None:
        longest = base.model_copy(update={"days": int(min(dur.max(), 100_000))})
        horizon = check_horizon(run_horizon(inputs, longest))
    rows = _plan_rows([inputs], horizon)
    cells = mult.size * dur.size
    n = inputs.orders_per_day
    multiples = demand_multipliers(base.shape, mult, dur, base.decay_days, base.start_day, rows)
    demand = multiples * n
    if base.expected or (base.planned not in (None, 1)) or base.padding:
        # The plan from the multiples, as simulate() makes it: (m × n) / n is not always m
        # in floating point, and a cell must equal its single run to the last digit.
        plan = np.empty_like(demand)
        for j, d in enumerate(dur.tolist()):
            cell = base.model_copy(update={"days": int(d)})
            cols = slice(j, None, dur.size)
            plan[:, cols] = plan_for(cell, multiples[:, cols], rows) * n
    else:
        plan = np.full_like(demand, n)
    p = Params.of(inputs, base)
    layout = Layout.of(inputs)
    out, _ = run(p, layout, demand[:horizon], plan, horizon)
    v = _grid_values(out, horizon, cells)
    shape = (mult.size, dur.size)
    lost = v["lost_website"] + v["lost_leaving"] + v["lost_patience"]
    outcome = _outcome(v["crunch_day"], lost, v["recovery_day"], v["written_off"] + v["dead_end"])
    return SurvivalMap(
        scenario=base,
        horizon=horizon,
        kind=inputs.kind,
        multipliers=mult,
        durations=dur.astype(int),
        orders_in=v["orders_in"].reshape(shape),
        lost=lost.reshape(shape),
        lost_website=v["lost_website"].reshape(shape),
        revenue_lost=(lost * inputs.price).reshape(shape),
        peak_wait=v["peak_wait"].reshape(shape),
        cash_low=v["cash_low"].reshape(shape),
        crunch_day=v["crunch_day"].reshape(shape).astype(int),
        recovery_day=v["recovery_day"].reshape(shape).astype(int),
        first_bind=v["first_bind"].reshape(shape).astype(int),
        first_bind_day=v["first_bind_day"].reshape(shape).astype(int),
        outcome=np.asarray(outcome).reshape(shape).astype(int),
    )
