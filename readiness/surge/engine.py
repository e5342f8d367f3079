"""The one day-by-day model, run over many cells at once.

Every run is a grid: a single scenario is a grid of one cell, the survival map
a grid of surge sizes by durations. Each day's step works on numpy arrays that
hold one value per cell, so a new mechanic is written once and the single run
and the map can never disagree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from readiness.surge.inputs import Policy, SurgeInputs
from readiness.surge.resources import MATERIALS, PEOPLE, PRODUCTION, RESOURCE_KEYS, SERVICE, TECH


@dataclass(frozen=True)
class _Params:
    """The inputs as plain floats (``inf`` for "no limit"), shared by both engines."""

    base_orders: float
    tol: float
    price: float
    cost: float
    fixed: float
    cash: float
    pay: int
    patience: int
    base: tuple[float, ...]
    top: tuple[float, ...]
    lead: tuple[int, ...]
    premium: tuple[float, ...]
    stock0: float
    policy: Policy
    start: int

    @property
    def expandable(self) -> tuple[bool, ...]:
        return tuple(t > b for t, b in zip(self.top, self.base, strict=True))


def _params(inputs: SurgeInputs, start_day: int) -> _Params:
    base, top, lead, premium = [], [], [], []
    for key in RESOURCE_KEYS:
        c = inputs.constraint(key)
        cap = math.inf if c.capacity is None else c.capacity
        most = cap if c.max_capacity is None or c.capacity is None else max(c.max_capacity, cap)
        base.append(cap)
        top.append(most)
        lead.append(c.lead_days)
        premium.append(c.extra_cost_per_order)
    stock0 = math.inf if inputs.materials.capacity is None else inputs.materials.stock
    return _Params(
        base_orders=inputs.orders_per_day,
        tol=1e-9 * inputs.orders_per_day,
        price=inputs.price,
        cost=inputs.cost_per_order,
        fixed=inputs.fixed_cost_per_day,
        cash=inputs.cash,
        pay=inputs.payment_days,
        patience=inputs.patience_days,
        base=tuple(base),
        top=tuple(top),
        lead=tuple(lead),
        premium=tuple(premium),
        stock0=stock0,
        policy=inputs.expansion,
        start=start_day - 1,
    )


def run_grid(
    p: _Params, demand: np.ndarray, record: bool = False
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The day loop over every cell at once; ``demand`` is ``(days, cells)``.

    Returns one summary value per cell and, with ``record``, every per-day
    series as ``(days, cells)`` arrays (a single run records; the survival map
    does not, as it only needs the summaries). Two speed-ups change no result:
    capacity is recomputed only on days an expansion starts working, and the
    extra cost of expanded capacity is counted only once some cell expanded.
    """
    horizon, cells = demand.shape
    tol, inf = p.tol, math.inf
    # per-resource state is (resource, cell): each resource's row is contiguous
    base = np.array(p.base)[:, None]
    top = np.array(p.top)[:, None]
    lead = np.array(p.lead, dtype=float)[:, None]
    expandable = np.array(p.expandable)[:, None]
    react = p.policy == "react"
    ready = np.full((5, cells), inf)
    ordered = np.full((5, cells), -1)
    if p.policy == "ahead":
        ready[np.array(p.expandable)] = p.start
        ordered[np.array(p.expandable)] = p.start
    next_switch = float(ready.min())  # the next day some cell's capacity changes
    first_ready = next_switch  # before it, no cell has extra capacity, so no extra cost
    cap = np.empty((5, cells))
    cap[:] = base
    first_day = np.full((5, cells), -1)
    bind_cap = np.full((5, cells), inf)
    acc_hist = np.empty((horizon, cells))
    flat_hist = acc_hist.reshape(-1)
    out_hist = np.empty((horizon, cells))
    accepted_total = np.zeros(cells)
    removed = np.zeros(cells)
    stock = np.full(cells, p.stock0)
    cash = np.full(cells, p.cash)
    head = np.zeros(cells, dtype=np.int64)
    head_at = np.arange(cells)  # flat index of (head, cell) in acc_hist
    tot_in = np.zeros(cells)
    tot_lost = np.zeros(cells)
    tot_cancel = np.zeros(cells)
    tot_out = np.zeros(cells)
    peak_backlog = np.zeros(cells)
    peak_backlog_day = np.full(cells, -1)
    peak_wait = np.zeros(cells, dtype=np.int64)
    peak_wait_day = np.full(cells, -1)
    cash_low = np.full(cells, inf)
    cash_low_day = np.full(cells, -1)
    crunch = np.full(cells, -1)
    last_trouble = np.full(cells, -1)
    no_cancel = np.zeros(cells)
    premium_steps = [r for r in range(5) if p.premium[r] > 0]
    have = np.empty((5, cells))
    short = np.empty((5, cells), dtype=bool)
    series: dict[str, np.ndarray] = {}
    if record:
        for name in ("accepted", "backlog", "lost_technology", "lost_patience", "cash", "stock"):
            series[name] = np.empty((horizon, cells))
        series["wait"] = np.empty((horizon, cells), dtype=np.int64)
        series["bottleneck"] = np.empty((horizon, cells), dtype=np.int64)
        series["capacity"] = np.empty((horizon, 5, cells))
    for t in range(horizon):
        if t >= next_switch:
            cap = np.where(t < ready, base, top)
            later = ready[ready > t]
            next_switch = float(later.min()) if later.size else inf
        d = demand[t]
        # 1-2. the website takes what it can; the rest is turned away
        acc = np.minimum(d, cap[TECH])
        lost = d - acc
        accepted_total = accepted_total + acc
        acc_hist[t] = accepted_total
        pending = accepted_total - removed
        # the oldest open order arrived on day `head`: how long has it waited?
        while True:
            move = (head < t) & (flat_hist[head_at] <= removed + tol)
            if not move.any():
                break
            head += move
            head_at += move * cells
        wait = np.where(pending > tol, t - head, 0)
        # 3. output: the queue, capped by the tightest step
        stock_before = stock
        avail = stock + cap[MATERIALS]
        limit = np.minimum(np.minimum(np.minimum(cap[PEOPLE], cap[PRODUCTION]), avail), cap[SERVICE])
        served = np.minimum(pending, limit)
        removed = removed + served
        # 4. orders older than the customers' patience are cancelled
        if t >= p.patience:
            deadline = acc_hist[t - p.patience]
            after = np.maximum(removed, deadline)
            cancelled = after - removed
            removed = after
        else:
            cancelled = no_cancel
        backlog = accepted_total - removed
        stock = np.minimum(p.stock0, avail - served)
        # 5. cash: costs today, the price of each order `pay` days after delivery
        out_hist[t] = served
        receipts = p.price * (out_hist[t - p.pay] if t >= p.pay else p.base_orders)
        costs = p.cost * served + p.fixed
        if t >= first_ready:
            for r in premium_steps:
                used = acc if r == TECH else served
                normal = stock_before + p.base[MATERIALS] if r == MATERIALS else p.base[r]
                costs += p.premium[r] * np.maximum(0.0, used - normal)
        cash = cash + receipts - costs
        # 6. which steps fell short today; order extra capacity
        have[:] = cap
        have[MATERIALS] = avail
        np.less(have[TECH], d - tol, out=short[TECH])
        np.less(have[PEOPLE:], pending - tol, out=short[PEOPLE:])
        if short.any():
            new = short & (first_day < 0)
            if new.any():
                np.copyto(first_day, t, where=new)
                np.copyto(bind_cap, have, where=new)
            if react:
                order = short & (ready == inf) & expandable
                if order.any():
                    np.copyto(ready, t + lead, where=order)
                    np.copyto(ordered, t, where=order)
                    next_switch = min(next_switch, t + float(lead[order.any(axis=1)].min()))
                    first_ready = min(first_ready, next_switch)
        # the summary, kept as we go
        trouble = (lost > tol) | (cancelled > tol) | (backlog > tol)
        np.copyto(last_trouble, t, where=trouble)
        np.copyto(peak_backlog_day, t, where=backlog > peak_backlog)
        np.maximum(peak_backlog, backlog, out=peak_backlog)
        np.copyto(peak_wait_day, t, where=wait > peak_wait)
        np.maximum(peak_wait, wait, out=peak_wait)
        np.copyto(cash_low_day, t, where=cash < cash_low)
        np.minimum(cash_low, cash, out=cash_low)
        np.copyto(crunch, t, where=(crunch < 0) & (cash < 0))
        tot_in = tot_in + d
        tot_lost = tot_lost + lost
        tot_cancel = tot_cancel + cancelled
        tot_out = tot_out + served
        if record:
            series["accepted"][t] = acc
            series["backlog"][t] = backlog
            series["lost_technology"][t] = lost
            series["lost_patience"][t] = cancelled
            series["cash"][t] = cash
            series["stock"][t] = stock
            series["wait"][t] = wait
            series["capacity"][t] = have
            # the step that capped output: the tightest, when something was left waiting
            tight = np.argmin(have[PEOPLE:], axis=0) + PEOPLE
            series["bottleneck"][t] = np.where(served < pending - tol, tight, -1)

    # first step to fall short: earliest day; on one day the website, then the least capacity
    never = np.iinfo(np.int64).max
    day_key = np.where(first_day >= 0, first_day, never)
    earliest = day_key.min(axis=0)
    cap_key = np.where(day_key == earliest, bind_cap, inf)
    cap_key[TECH] = np.where(day_key[TECH] == earliest, -inf, inf)
    first = np.where(earliest == never, -1, np.argmin(cap_key, axis=0))
    recovery = np.where(last_trouble < 0, 1, np.where(last_trouble < horizon - 1, last_trouble + 2, 0))
    out = {
        "orders_in": tot_in,
        "lost_technology": tot_lost,
        "lost_patience": tot_cancel,
        "delivered": tot_out,
        "still_waiting": accepted_total - removed,
        "peak_backlog": peak_backlog,
        "peak_backlog_day": peak_backlog_day,
        "peak_wait": peak_wait,
        "peak_wait_day": peak_wait_day,
        "cash_low": cash_low,
        "cash_low_day": cash_low_day,
        "cash_end": cash,
        "crunch_day": np.where(crunch >= 0, crunch + 1, 0),
        "recovery_day": recovery,
        "first_bind": first,
        "first_bind_day": np.where(earliest == never, 0, earliest + 1),
        "first_day": first_day,
        "bind_cap": bind_cap,
        "ordered": ordered,
        "ready": ready,
    }
    if record:
        series["delivered"] = out_hist
        series["demand"] = demand
    return out, series
