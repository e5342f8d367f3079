"""Altair charts of a surge run: orders, the queue, cash, stock, and the survival map.

Every chart covers the whole run (a rush and what follows it: over-expansion
shows in the months after, not in the first weeks) and writes money with the
assessment's currency. Not imported by :mod:`readiness.surge` itself, so the
engine loads without Altair; pages and reports import it.
"""

from __future__ import annotations

from typing import Any

import altair as alt

from readiness.charts import DEMAND, OPERATIONS, TARGET, _config
from readiness.currency import unit
from readiness.surge.results import SurgeResult, SurvivalMap

LOST = "#dc2626"
DEAD = "#7c3aed"


def _x(horizon: int) -> alt.X:
    return alt.X("day:Q", title="Day", scale=alt.Scale(domain=[1, horizon], nice=False))


def orders_top(result: SurgeResult) -> float:
    """The top of the orders chart's axis: every series' highest day, plus a tenth so a peak shows."""
    peak = max(
        [float(result.demand[d]) for d in range(result.horizon)]
        + [float(result.delivered[d]) for d in range(result.horizon)]
        + [float(result.lost[d]) for d in range(result.horizon)]
        + [1.0]
    )
    return peak * 1.1


def orders(result: SurgeResult) -> alt.LayerChart:
    """Orders coming in against orders delivered, day by day, with orders lost as bars."""
    rows = []
    lost = result.lost
    for day in range(result.horizon):
        rows.append({"day": day + 1, "series": "Orders in", "orders": float(result.demand[day])})
        rows.append({"day": day + 1, "series": "Delivered", "orders": float(result.delivered[day])})
        rows.append({"day": day + 1, "series": "Lost", "orders": float(lost[day])})
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=_x(result.horizon),
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
        scale=alt.Scale(domain=[0, orders_top(result)], nice=True),
    )
    lines = base.transform_filter("datum.series !== 'Lost'").mark_line(strokeWidth=2).encode(y=y, color=colour)
    bars = base.transform_filter("datum.series === 'Lost'").mark_bar(opacity=0.6).encode(y=y, color=colour)
    return _config(alt.layer(bars, lines).properties(width="container", height=280))


def waiting(result: SurgeResult) -> alt.Chart:
    """Orders waiting at the end of each day (the usual waiting list included)."""
    rows = [{"day": d + 1, "backlog": float(result.backlog[d])} for d in range(result.horizon)]
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_area(color=DEMAND, opacity=0.35, line={"color": DEMAND})
        .encode(
            x=_x(result.horizon),
            y=alt.Y("backlog:Q", title="Orders waiting", axis=alt.Axis(format="~s")),
            tooltip=[alt.Tooltip("day:Q", title="Day"), alt.Tooltip("backlog:Q", title="Waiting", format=",.0f")],
        )
    )
    return _config(chart.properties(width="container", height=220))


def wait(result: SurgeResult) -> alt.Chart:
    """How long the oldest waiting order will have waited, in days."""
    rows = [{"day": d + 1, "wait": float(result.wait[d])} for d in range(result.horizon)]
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_line(color=TARGET, interpolate="step-after")
        .encode(
            x=_x(result.horizon),
            y=alt.Y("wait:Q", title="Days", axis=alt.Axis(format="~s")),
            tooltip=[alt.Tooltip("day:Q", title="Day"), alt.Tooltip("wait:Q", title="Longest wait (days)")],
        )
    )
    return _config(chart.properties(width="container", height=220))


def cash(result: SurgeResult, currency: str) -> alt.LayerChart:
    """Cash day by day; below the red line the business cannot pay its bills."""
    sign = unit(currency)
    rows = [{"day": d + 1, "cash": float(result.cash[d])} for d in range(result.horizon)]
    area = (
        alt.Chart(alt.Data(values=rows))
        .mark_area(line={"color": OPERATIONS}, color=OPERATIONS, opacity=0.15)
        .encode(
            x=_x(result.horizon),
            y=alt.Y("cash:Q", title=f"Cash ({sign})", axis=alt.Axis(format="~s")),
            tooltip=[alt.Tooltip("day:Q", title="Day"), alt.Tooltip("cash:Q", title=f"Cash ({sign})", format=",.0f")],
        )
    )
    zero = alt.Chart(alt.Data(values=[{"y": 0}])).mark_rule(color=LOST, strokeWidth=2).encode(y="y:Q")
    return _config(alt.layer(area, zero).properties(width="container", height=220))


def stock(result: SurgeResult) -> alt.LayerChart:
    """Finished stock, and stock made for forecasts nobody ordered, in orders' worth."""
    rows = []
    for d in range(result.horizon):
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
            x=_x(result.horizon),
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
