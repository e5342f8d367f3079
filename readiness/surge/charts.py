"""Altair charts of a surge run: orders, the queue, cash, stock, and the survival map.

The day-by-day charts share one time axis, :func:`window`: the days around the
surge until its queue has cleared, plus a margin. A ten-day spike drawn on the
whole six-month run was a sliver at the left edge. The window reaches further
whenever the story does (the cash low point, a queue or stock still there at the
end, a contract that lasts the whole run), and :func:`window_caption` says which
days are shown out of how many were run. Money is written with the assessment's
currency. Not imported by :mod:`readiness.surge` itself, so the engine loads
without Altair; pages and reports import it.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import numpy as np

from readiness.charts import DEMAND, OPERATIONS, TARGET, _config
from readiness.currency import unit
from readiness.surge.results import SurgeResult, SurvivalMap
from readiness.surge.scenarios import series

LOST = "#dc2626"
DEAD = "#7c3aed"


Days = tuple[int, int]  # (first, last) day drawn, 1-based, both included

#: Days shown before demand first moves, so the normal level it leaves is on the chart.
LEAD_DAYS = 3
#: Days shown, at least, after the last thing that happens (or a quarter of the window, when longer).
MARGIN_DAYS = 7
#: The shortest window: a one-day spike still gets a readable few weeks.
MIN_DAYS = 21
#: Finished stock within this share of its usual level has settled (batches make it swing a little).
STOCK_SETTLED = 0.1
#: A window longer than this share of the run is not worth cropping to: the whole run is drawn.
CROP_BELOW = 0.75


def window(result: SurgeResult) -> Days:
    """The days worth drawing: from just before demand (or the plan) leaves normal until the event is
    over, the queue has cleared, the cash is past its low point and stock is back to its usual level,
    plus a margin.

    The whole run when the story does not end inside it: not back to normal by the last day, stock
    nobody ordered still held at the end, or a window that would be most of the run anyway.
    """
    whole = (1, result.horizon)
    s = result.summary
    demand, plan = series(result.scenario, result.horizon)
    moved = np.flatnonzero((np.abs(demand - 1) > 1e-9) | (np.abs(plan - 1) > 1e-9))
    if moved.size == 0 or s.recovery_day is None or s.dead_end > 0 or s.excess_end > 0:
        return whole
    first = max(1, int(moved[0]) + 1 - LEAD_DAYS)
    marks = [int(moved[-1]) + 1, s.recovery_day, s.peak_backlog_day, s.peak_wait_day, s.cash_low_day, s.crunch_day]
    marks += [b.day for b in s.breaks]
    if result.inputs.goods:  # the last day finished stock is off its usual level (the median of the last month)
        usual = float(np.median(result.stock[-30:]))
        off = np.flatnonzero(np.abs(result.stock - usual) > STOCK_SETTLED * max(usual, 1.0))
        marks.append(int(off[-1]) + 1 if off.size else 0)
    last = max(m for m in marks if m)
    last = max(last + max(MARGIN_DAYS, (last - first + 1) // 4), first + MIN_DAYS - 1)
    if last - first + 1 > CROP_BELOW * result.horizon:
        return whole
    return first, min(last, result.horizon)


def window_caption(result: SurgeResult, days: Days) -> str | None:
    """What a cropped window leaves out, in words (None: the charts show the whole run)."""
    first, last = days
    if (first, last) == (1, result.horizon):
        return None
    event = "surge" if result.scenario.direction == "surge" else "shortfall"
    return (
        f"The charts show days {first} to {last}: the {event} until things are back to normal. The model ran "
        f"all {result.horizon} days, and the figures above cover all of them."
    )


def _x(days: Days) -> alt.X:
    return alt.X("day:Q", title="Day", scale=alt.Scale(domain=list(days), nice=False))


def _from_zero(rows: list[dict[str, float]], field: str) -> alt.Scale:
    """An axis from zero that stays an axis when every value is zero (nothing waited): Vega draws an
    all-zero domain with "NaN" as its only label."""
    top = max((r[field] for r in rows), default=0.0)
    return alt.Scale(domainMin=0) if top > 0 else alt.Scale(domain=[0, 1])


def _span(result: SurgeResult, days: Days | None) -> tuple[Days, range]:
    """The window drawn (:func:`window` unless given) and the 0-based indexes of its days."""
    shown = days or window(result)
    return shown, range(shown[0] - 1, min(shown[1], result.horizon))


def orders_top(result: SurgeResult, days: Days | None = None) -> float:
    """The top of the orders chart's axis: every series' highest day shown, plus a tenth so a peak shows."""
    _, span = _span(result, days)
    peak = max(
        [float(result.demand[d]) for d in span]
        + [float(result.delivered[d]) for d in span]
        + [float(result.lost[d]) for d in span]
        + [1.0]
    )
    return peak * 1.1


def orders(result: SurgeResult, days: Days | None = None) -> alt.LayerChart:
    """Orders coming in against orders delivered, day by day, with orders lost as bars."""
    shown, span = _span(result, days)
    rows = []
    lost = result.lost
    for day in span:
        rows.append({"day": day + 1, "series": "Orders in", "orders": float(result.demand[day])})
        rows.append({"day": day + 1, "series": "Delivered", "orders": float(result.delivered[day])})
        rows.append({"day": day + 1, "series": "Lost", "orders": float(lost[day])})
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=_x(shown),
        tooltip=[
            alt.Tooltip("day:Q", title="Day"),
            alt.Tooltip("series:N", title=""),
            alt.Tooltip("orders:Q", title="Orders", format=",.0f"),
        ],
    )
    colour = alt.Color(
        "series:N",
        scale=alt.Scale(domain=["Orders in", "Delivered", "Lost"], range=[DEMAND, OPERATIONS, LOST]),
        title=None,
    )
    # One y scale for every series, up to the highest of them with headroom: the orders-in line of a
    # spike ran off the top of an axis Vega had fitted to the other layers.
    y = alt.Y(
        "orders:Q",
        title="Orders a day",
        axis=alt.Axis(format="~s"),
        scale=alt.Scale(domain=[0, orders_top(result, shown)], nice=True),
    )
    lines = base.transform_filter("datum.series !== 'Lost'").mark_line(strokeWidth=2).encode(y=y, color=colour)
    bars = base.transform_filter("datum.series === 'Lost'").mark_bar(opacity=0.6).encode(y=y, color=colour)
    return _config(alt.layer(bars, lines).properties(width="container", height=280))


def waiting(result: SurgeResult, days: Days | None = None) -> alt.Chart:
    """Orders waiting at the end of each day (the usual waiting list included)."""
    shown, span = _span(result, days)
    rows = [{"day": d + 1, "backlog": float(result.backlog[d])} for d in span]
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_area(color=DEMAND, opacity=0.35, line={"color": DEMAND})
        .encode(
            x=_x(shown),
            y=alt.Y("backlog:Q", title="Orders waiting", axis=alt.Axis(format="~s"), scale=_from_zero(rows, "backlog")),
            tooltip=[alt.Tooltip("day:Q", title="Day"), alt.Tooltip("backlog:Q", title="Waiting", format=",.0f")],
        )
    )
    return _config(chart.properties(width="container", height=220))


def wait(result: SurgeResult, days: Days | None = None) -> alt.Chart:
    """How long the oldest waiting order will have waited, in days."""
    shown, span = _span(result, days)
    rows = [{"day": d + 1, "wait": float(result.wait[d])} for d in span]
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_line(color=TARGET, interpolate="step-after")
        .encode(
            x=_x(shown),
            y=alt.Y("wait:Q", title="Days", axis=alt.Axis(format="~s"), scale=_from_zero(rows, "wait")),
            tooltip=[alt.Tooltip("day:Q", title="Day"), alt.Tooltip("wait:Q", title="Longest wait (days)")],
        )
    )
    return _config(chart.properties(width="container", height=220))


def cash(result: SurgeResult, currency: str, days: Days | None = None) -> alt.LayerChart:
    """Cash day by day; below the red line the business cannot pay its bills."""
    shown, span = _span(result, days)
    sign = unit(currency)
    rows = [{"day": d + 1, "cash": float(result.cash[d])} for d in span]
    area = (
        alt.Chart(alt.Data(values=rows))
        .mark_area(line={"color": OPERATIONS}, color=OPERATIONS, opacity=0.15)
        .encode(
            x=_x(shown),
            y=alt.Y("cash:Q", title=f"Cash ({sign})", axis=alt.Axis(format="~s")),
            tooltip=[alt.Tooltip("day:Q", title="Day"), alt.Tooltip("cash:Q", title=f"Cash ({sign})", format=",.0f")],
        )
    )
    zero = alt.Chart(alt.Data(values=[{"y": 0}])).mark_rule(color=LOST, strokeWidth=2).encode(y="y:Q")
    return _config(alt.layer(area, zero).properties(width="container", height=220))


def stock(result: SurgeResult, days: Days | None = None) -> alt.LayerChart:
    """Finished stock, and stock made for forecasts nobody ordered, in orders' worth."""
    shown, span = _span(result, days)
    rows = []
    for d in span:
        rows.append({"day": d + 1, "series": "Finished stock", "orders": float(result.stock[d])})
        rows.append({"day": d + 1, "series": "Nobody ordered it", "orders": float(result.dead[d])})
    colour = alt.Color(
        "series:N",
        scale=alt.Scale(domain=["Finished stock", "Nobody ordered it"], range=[OPERATIONS, DEAD]),
        title=None,
    )
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_line(strokeWidth=2)
        .encode(
            x=_x(shown),
            y=alt.Y("orders:Q", title="Orders' worth", axis=alt.Axis(format="~s")),
            color=colour,
            tooltip=[
                alt.Tooltip("day:Q", title="Day"),
                alt.Tooltip("series:N", title=""),
                alt.Tooltip("orders:Q", title="Orders' worth", format=",.0f"),
            ],
        )
    )
    return _config(chart.properties(width="container", height=260))


def survival(grid: SurvivalMap, multiplier: float | None = None, days: int | None = None) -> alt.LayerChart:
    """Which surges the business survives: size × duration, coloured by outcome; the chosen one marked."""
    labels = {"copes": "Copes", "strained": "Loses orders", "breaks": "Runs out of cash"}
    rows: list[dict[str, Any]] = []
    for i, m in enumerate(grid.multipliers.tolist()):
        for j, d in enumerate(grid.durations.tolist()):
            rows.append(
                {
                    "multiplier": float(m),
                    "days": int(d),
                    "outcome": labels[grid.OUTCOMES[int(grid.outcome[i, j])]],
                    "lost": float(grid.lost_share[i, j]),
                    "first": grid.step(i, j) or "nothing",
                }
            )
    cells = (
        alt.Chart(alt.Data(values=rows))
        .mark_rect()
        .encode(
            x=alt.X("days:O", title="Surge length (days)"),
            y=alt.Y("multiplier:O", title="Surge size (× normal)", sort="descending"),
            color=alt.Color(
                "outcome:N",
                title=None,
                scale=alt.Scale(domain=list(labels.values()), range=["#16a34a", "#facc15", LOST]),
            ),
            tooltip=[
                alt.Tooltip("multiplier:O", title="× normal"),
                alt.Tooltip("days:O", title="Days"),
                alt.Tooltip("outcome:N", title="Outcome"),
                alt.Tooltip("lost:Q", title="Orders lost", format=".0%"),
                alt.Tooltip("first:N", title="First to run short"),
            ],
        )
    )
    layers: list[Any] = [cells]
    if multiplier is not None and days is not None:
        near_m = min(grid.multipliers.tolist(), key=lambda m: abs(m - multiplier))
        near_d = min(grid.durations.tolist(), key=lambda d: abs(d - days))
        layers.append(
            alt.Chart(alt.Data(values=[{"multiplier": float(near_m), "days": int(near_d)}]))
            .mark_point(shape="diamond", size=200, filled=True, color=TARGET, stroke="#fff")
            .encode(x="days:O", y=alt.Y("multiplier:O", sort="descending"))
        )
    return _config(alt.layer(*layers).properties(width="container", height=320))
