"""Altair chart builders for a score. Pages and reports call the same functions.

Each builder takes a :class:`~readiness.scoring.ScoreResult` and returns a
chart; :func:`spec` turns one into a plain Vega-Lite dict, which is what the
app caches and what a static report renders to SVG. No chart loads anything
from the internet (no remote data, no web fonts).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import altair as alt

from readiness import scale
from readiness.chart_labels import (
    QUADRANT_HEIGHT,
    QUADRANT_NAME_LIMIT,
    QUADRANT_TITLE,
    NamePlacement,
    label_layout,
    name_lines,
    quadrant_labels,
    wrap,
)
from readiness.markup import plain_number
from readiness.scoring import ScoreResult
from readiness.workshop import DONT_KNOW, LEFT_BLANK, NOT_ASKED

OPERATIONS = "#2563eb"
DEMAND = "#d97706"
TARGET = "#111827"
#: A business not placed yet (too few answers in a dimension): drawn hollow, in grey, where its answers so far put it.
UNPLACED = "#6b7280"
GRID = "#e5e7eb"
ZONES = {
    "danger_zone": "#fee2e2",
    "idle_capacity": "#e0f2fe",
    "scale_ready": "#dcfce7",
    "foundation": "#f3f4f6",
}
#: The page's own font first (Streamlit's "Source Sans"), so a chart's title reads like the page around it;
#: a static report, which has no such font, falls back to the system's.
FONT = '"Source Sans", "Source Sans Pro", system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif'
#: Every chart's title and subtitle, in the app and in a report alike. Set here, not left to the app's theme:
#: a title took the theme's size and a subtitle Vega's own small black default, beside the page's grey captions.
TITLE = {
    "font": FONT,
    "fontSize": 16,
    "fontWeight": 600,
    "color": "#111827",
    "anchor": "start",
    "subtitleFont": FONT,
    "subtitleFontSize": 13,
    "subtitleColor": "#4b5563",
    "subtitlePadding": 4,
    "offset": 12,
}
#: Characters of a subtitle line that fit a phone's chart at ``TITLE["subtitleFontSize"]``: a longer line is cut.
SUBTITLE_CHARS = 48


def _config(chart: Any, *, stack_legends: bool = False) -> Any:
    """House style. ``stack_legends`` puts several legends under one another, not side by side: two
    legends in a row ran off a phone's screen.

    One ``configure`` call, not one per part: each call copies the whole chart, which was a quarter of
    the time the results page took to build its charts (bench/pages.py, "a new demo's first")."""
    legend: dict[str, Any] = {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom"}
    if stack_legends:
        legend["layout"] = {"expr": "{bottom: {direction: 'vertical', anchor: 'start'}}"}
    return chart.configure(
        font=FONT,
        title=TITLE,
        view={"stroke": None},
        axis={"gridColor": GRID, "labelFontSize": 12, "titleFontSize": 12},
        legend=legend,
    )


def _dimension_rows(result: ScoreResult) -> list[dict[str, Any]]:
    sc = result.score_scale
    return [
        {
            "dimension": d.title,
            "side": "Demand" if d.side == "demand" else "Operations",
            "score": d.score,
            "target": None if d.side == "demand" else d.target,
            # what people read: the questionnaire's own scale (readiness.scale); geometry may stay 0..100
            "shown": scale.to_native(d.score, sc),
            # demand pressure has no target (more pressure is not a goal): no tick, no dashed outline
            "shown_target": None if d.side == "demand" else scale.to_native(d.target, sc),
            "gap": d.gap,
            "level": d.level_name or "not scored",
            "answered": f"{d.answered} of {d.total}",
        }
        for d in result.dimensions
    ]


#: Room a value label takes beside its bar, as a share of the axis: a target tick inside it moves the label.
LABEL_ROOM = 0.15


def axis_values(sc: Any) -> list[float]:
    """Round tick values from the scale's bottom to its top, both ends included.

    Vega's own "nice" ticks stop short of an end that is not a round multiple (SAMM's 0-3 axis read
    0.0..2.8), so a bar at full marks looked off the scale.
    """
    span = sc.max - sc.min
    if span <= 0:
        return [sc.min]
    for step in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        count = span / step
        if count <= 7 and abs(count - round(count)) < 1e-9:
            return [round(sc.min + i * step, 6) for i in range(round(count) + 1)]
    return [sc.min, sc.max]


def _label_at(shown: float | None, target: float | None, span: float) -> float | None:
    """Where a bar's value label starts: after the target tick when the tick would strike through it."""
    if shown is None or target is None:
        return shown
    return target if shown <= target <= shown + LABEL_ROOM * span else shown


def dimension_bars(result: ScoreResult) -> alt.LayerChart:
    """Each dimension's score as a bar, with its target as a tick (demand pressure has none)."""
    rows = _dimension_rows(result)
    sc = result.score_scale
    for r in rows:
        r["label_at"] = _label_at(r["shown"], r["shown_target"], sc.max - sc.min)
    shown = f".{sc.decimals}f"
    order = [r["dimension"] for r in rows]
    base = alt.Chart(alt.Data(values=rows)).encode(
        y=alt.Y("dimension:N", sort=order, title=None, axis=alt.Axis(labelLimit=200))
    )
    tooltip = [
        alt.Tooltip("dimension:N", title="Dimension"),
        alt.Tooltip("shown:Q", title="Score", format=shown),
        alt.Tooltip("shown_target:Q", title="Target", format=shown),
        alt.Tooltip("level:N", title="Level"),
        alt.Tooltip("answered:N", title="Answered"),
    ]
    bars = base.mark_bar(cornerRadiusEnd=3, height=22).encode(
        x=alt.X(
            "shown:Q",
            scale=alt.Scale(domain=[sc.min, sc.max], nice=False),
            axis=alt.Axis(values=axis_values(sc)),
            title=f"Score ({scale.range_text(sc)})",
        ),
        color=alt.Color(
            "side:N",
            scale=alt.Scale(domain=["Operations", "Demand"], range=[OPERATIONS, DEMAND]),
            title=None,
            # one side only (a framework of its own): a legend would name a side that is not there
            legend=alt.Legend() if len({r["side"] for r in rows}) > 1 else None,
        ),
        tooltip=tooltip,
    )
    ticks = (
        base.transform_filter("datum.shown_target != null")
        .mark_tick(color=TARGET, thickness=3, size=30)
        .encode(x="shown_target:Q", tooltip=tooltip)
    )
    labels = base.mark_text(align="left", dx=5, fontSize=12, color="#374151").encode(
        x="label_at:Q", text=alt.Text("shown:Q", format=shown)
    )
    chart = alt.layer(bars, ticks, labels).properties(
        height=alt.Step(34), width="container", title="Score against target (black tick)"
    )
    return _config(chart)


#: The polar overview's size: it must fit a phone's column (about 358 px) with every label whole.
RADIAL_WIDTH = 330
RADIAL_HEIGHT = 300
RADIAL_RADIUS = 78
RADIAL_FONT = 11
#: Characters per label line before it wraps; a rough 0.6 em per character keeps the sums honest.
RADIAL_WRAP = 13
CHAR_WIDTH = 0.6


def _radial_label(mid: float) -> tuple[str, str]:
    """How a label at angle ``mid`` (radians clockwise from twelve o'clock) sits: away from the circle."""
    x, y = math.sin(mid), math.cos(mid)
    align = "center" if abs(x) < 0.3 else ("left" if x > 0 else "right")
    baseline = "bottom" if y > 0.5 else ("top" if y < -0.5 else "middle")
    return align, baseline


def radial_label_room(mid: float) -> float:
    """Pixels a label at angle ``mid`` may take across before it leaves the chart."""
    align, _ = _radial_label(mid)
    x = abs(math.sin(mid)) * (RADIAL_RADIUS + 8)
    half = RADIAL_WIDTH / 2
    return 2 * (half - x) - 4 if align == "center" else half - x - 4


def radial(result: ScoreResult) -> alt.LayerChart:
    """A polar overview: one slice per dimension, its radius the score; the dashed outline is the target.

    Labels wrap and lean away from the circle (left of it right-aligned, right of it left-aligned), and
    each is limited to the room it has: a label that ran past the chart's edge was cut off in the page
    ("emand pressure", "ucation and Guidance") and dragged the title with it.
    """
    rows = _dimension_rows(result)
    step = 2 * math.pi / max(1, len(rows))
    for i, r in enumerate(rows):
        r["t0"], r["t1"], r["mid"] = i * step, (i + 1) * step, (i + 0.5) * step
        r["score0"] = r["score"] or 0
        r["label"] = wrap(r["dimension"], RADIAL_WRAP)
        r["align"], r["baseline"] = _radial_label(r["mid"])
    data = alt.Data(values=rows)
    radius = alt.Scale(type="sqrt", domain=[0, 100], range=[0, RADIAL_RADIUS])
    angles = {"theta": alt.Theta("t0:Q", scale=None), "theta2": alt.Theta2("t1:Q")}
    side = alt.Color(
        "side:N", scale=alt.Scale(domain=["Operations", "Demand"], range=[OPERATIONS, DEMAND]), legend=None
    )
    shown = f".{result.score_scale.decimals}f"
    tooltip = [
        alt.Tooltip("dimension:N", title="Dimension"),
        alt.Tooltip("shown:Q", title="Score", format=shown),
        alt.Tooltip("shown_target:Q", title="Target", format=shown),
    ]
    full = (
        alt.Chart(data).mark_arc(color="#f3f4f6", stroke="#fff", strokeWidth=2, radius=RADIAL_RADIUS).encode(**angles)
    )
    score = (
        alt.Chart(data)
        .mark_arc(stroke="#fff", strokeWidth=2)
        .encode(radius=alt.Radius("score0:Q", scale=radius), color=side, tooltip=tooltip, **angles)
    )
    target = (
        alt.Chart(data)
        .transform_filter("datum.target != null")
        .mark_arc(fillOpacity=0, stroke=TARGET, strokeDash=[4, 3], strokeWidth=1.5)
        .encode(radius=alt.Radius("target:Q", scale=radius), tooltip=tooltip, **angles)
    )
    labels = []
    for align, baseline in sorted({(r["align"], r["baseline"]) for r in rows}):
        group = [r for r in rows if (r["align"], r["baseline"]) == (align, baseline)]
        labels.append(
            alt.Chart(alt.Data(values=group))
            .mark_text(
                radius=RADIAL_RADIUS + 8,
                fontSize=RADIAL_FONT,
                color="#374151",
                align=align,
                baseline=baseline,
                lineBreak="\n",
                limit=min(radial_label_room(r["mid"]) for r in group),
            )
            .encode(theta=alt.Theta("mid:Q", scale=None), text="label:N")
        )
    chart = alt.layer(full, score, target, *labels).properties(
        width=RADIAL_WIDTH,
        height=RADIAL_HEIGHT,
        padding={"left": 4, "right": 4, "top": 4, "bottom": 4},
        title=alt.Title("Overview (dashed: target)", anchor="middle"),
    )
    return _config(chart)


#: The balance chart's ticks, every ten: Vega-Lite's own choice at a report's width was every five, and "95" and
#: "100" ran together as "95100" (a browser pass on the HTML report).
TENS = alt.Axis(values=list(range(0, 101, 10)))


def quadrant(result: ScoreResult, gap: float = 20, high: float = 60, quiet: float = 25) -> alt.LayerChart:
    """The weakest link (x) against demand pressure (y), with the named zones shaded as the verdict draws
    them (docs/scoring.md, section 3): danger a gap above the link; idle a gap below it and under the
    quiet line."""
    danger = [{"x": x, "y": min(100, x + gap), "y2": 100} for x in (0, 100 - gap)]
    idle = [{"x": x, "y": 0, "y2": min(max(0, x - gap), quiet)} for x in (gap, min(100, gap + quiet), 100)]
    zone = lambda rows, name: (  # noqa: E731
        alt.Chart(alt.Data(values=rows))
        .mark_area(color=ZONES[name], opacity=0.9)
        .encode(x=alt.X("x:Q", scale=alt.Scale(domain=[0, 100]), axis=TENS), y=alt.Y("y:Q", axis=TENS), y2="y2:Q")
    )
    # the line between "foundation" and "scale-ready" inside the balanced band: a weakest link of `high`
    band_points = [{"x": high, "y": max(0, high - gap)}, {"x": high, "y": min(100, high + gap)}]
    boundary = (
        alt.Chart(alt.Data(values=band_points)).mark_line(strokeDash=[5, 4], color="#9ca3af").encode(x="x:Q", y="y:Q")
    )
    # named at its foot: a browser pass found an unexplained dashed line in every zone chart
    boundary_name = (
        alt.Chart(alt.Data(values=[{"x": high, "y": max(0, high - gap), "text": f"scale-ready from {high:g}"}]))
        .mark_text(fontSize=10, color="#6b7280", align="center", baseline="top", dy=4)
        .encode(x="x:Q", y="y:Q", text="text:N")
    )
    b = result.balance
    link = b.link if b.link is not None else b.operations
    # The verdict's own figures: what the weakest link can carry, and the pressure as weighed (a full step raises
    # it). Drawn at the measured pressure, a business the verdict weighed into a zone sat outside it.
    pressure = b.pressure if b.pressure is not None else b.demand
    point_rows = []
    # Not placed (too few answers in a dimension): the point is where the answers so far put it, drawn hollow and
    # grey and said so, not a solid dot in the danger zone beside "Not placed yet" (an exploratory browser pass).
    placed = b.quadrant not in (None, "not_placed")
    if link is not None and pressure is not None:
        business = result.business or "This business"
        # "Demand ahead, under control" has no shaded area of its own (brakes, not position, set it apart from
        # the danger zone it sits in): the name says it, or the chart contradicts the verdict beside it.
        held = b.quadrant == "demand_ahead_controlled"
        point_rows.append(
            {
                "operations": link,
                "demand": pressure,
                # on a line of its own, so a long name cut to fit a phone never cuts it
                "name": f"{business}\nunder control"
                if held
                else business
                if placed
                else f"{business} (not placed yet)",
                # drawn beside the point: a long name in two lines, the second cut to fit
                "label": f"{name_lines(business)}\nunder control"
                if held
                else name_lines(business if placed else f"{business} (not placed yet)"),
                "zone": b.label or "",
            }
        )
    colour = TARGET if placed else UNPLACED
    point = (
        alt.Chart(alt.Data(values=point_rows))
        .mark_point(filled=placed, size=220, color=colour, stroke=colour if not placed else "#fff", strokeWidth=2)
        .encode(
            x=alt.X("operations:Q", scale=alt.Scale(domain=[0, 100]), title="Weakest link, as it counts", axis=TENS),
            y=alt.Y("demand:Q", scale=alt.Scale(domain=[0, 100]), title="Demand pressure, as weighed", axis=TENS),
            tooltip=[
                alt.Tooltip("name:N", title="Business"),
                alt.Tooltip("operations:Q", title="Weakest link", format=".0f"),
                alt.Tooltip("demand:Q", title="Demand pressure", format=".0f"),
                alt.Tooltip("zone:N", title="Zone"),
            ],
        )
    )
    # the name beside the point, away from the y axis and clear of the zones' names (placed on a phone's plot)
    if point_rows:
        labels, place = label_layout(link, pressure, point_rows[0]["label"])  # type: ignore[arg-type]
    else:
        labels, place = quadrant_labels(), NamePlacement("left", "middle", 12, 0, QUADRANT_NAME_LIMIT)
    text = [
        alt.Chart(alt.Data(values=[lab for lab in labels if lab["align"] == side]))
        .mark_text(fontSize=11, color="#4b5563", fontWeight="bold", align=side, baseline="top", lineBreak="\n")
        .encode(x="x:Q", y="y:Q", text="text:N")
        for side in ("left", "right")
    ]
    name = point.mark_text(
        align=place.align,
        baseline=place.baseline,
        dx=place.dx,
        dy=place.dy,
        fontSize=12,
        fontWeight="bold",
        color=colour,
        limit=place.limit,
        lineBreak="\n",
    ).encode(text="label:N")
    chart = alt.layer(
        zone(danger, "danger_zone"), zone(idle, "idle_capacity"), boundary, boundary_name, *text, point, name
    )
    return _config(chart.properties(width="container", height=QUADRANT_HEIGHT, title=QUADRANT_TITLE))


#: Cells that carry no level, each with its own colour and legend entry (a "don't know" is not a low answer).
HEATMAP_STATES = {
    "Don't know": "#a78bfa",
    # Two states a reader must tell apart at a glance: "does not apply" is a solid mid grey, "nobody
    # answered" an empty white square (each square and swatch has a grey outline).
    "Not applicable": "#9ca3af",
    "Unanswered": "#ffffff",
    "Context (not scored)": "#bfdbfe",
}
HEATMAP_TITLE = "Every question asked"


def _no_level_color(states: list[str], palette: Mapping[str, str]) -> alt.Color:
    """The colour of cells without a level, one outlined swatch per reason present (the assessment's and
    the workshop's heatmaps tell "not applicable", "unanswered" and "don't know" apart the same way)."""
    return alt.Color(
        "state:N",
        scale=alt.Scale(domain=states, range=[palette[name] for name in states]),
        title="No level",
        legend=alt.Legend(direction="vertical", symbolStrokeColor="#9ca3af", symbolStrokeWidth=1) if states else None,
    )


def _heatmap_state(status: str, weight: float, value: Any) -> str:
    """What a question's square shows: its level when it counts, else why it has none."""
    if status == "answered":
        return "Answered" if weight > 0 else "Context (not scored)"
    if status == "not_scored":
        return "Context (not scored)" if value is not None else "Unanswered"
    return {"na": "Not applicable", "dont_know": "Don't know"}.get(status, "Unanswered")


#: The name of the heatmap's tap-to-pick selection (:func:`question_heatmap` ``pickable``), which a page reads back.
HEATMAP_PICK = "pick"


def heatmap_cells(result: ScoreResult) -> list[dict[str, Any]]:
    """One row per square of :func:`question_heatmap`, in the order asked: the chart draws them, and a page
    that lets a square be picked finds the question and the answer behind the pick in the same rows.

    One square per shown question, so a row has as many squares as its "answered" count says: the
    questions that feed the surge test rather than the score (numbers, context, weight 0) are drawn too,
    in their own colour, instead of silently left out. Levels read on the questionnaire's own scale.
    """
    sc = result.score_scale
    titles = {d.id: d.title for d in result.dimensions}
    # A demand question's level is how much is coming: high is pressure, not good news. Drawn in the good-to-bad
    # colours, a bakery's contract that triples its volume stood in green beside its red operations (a browser
    # pass), so the demand row has its own scale, from little coming to much.
    demand = {d.id for d in result.dimensions if d.side == "demand"}
    rows = []
    position: dict[str, int] = {}
    for q in result.questions:
        if q.status == "hidden" or q.optional:  # not asked (show_if false), or an optional note: no square
            continue
        position[q.dimension] = position.get(q.dimension, 0) + 1
        state = _heatmap_state(q.status, q.weight, q.value)
        level = round(100 * (q.score or 0)) if state == "Answered" else None
        rows.append(
            {
                "dimension": titles[q.dimension],
                "n": position[q.dimension],
                "level": level,
                "shown": None if level is None else round(scale.to_native(level, sc) or 0, sc.decimals),
                "state": state,
                "dont_know": q.status == "dont_know",
                "demand": q.dimension in demand,
                "question": q.text,
                "answer": q.label or (str(q.value) if q.value is not None else state),
            }
        )
    return rows


def picked_square(result: ScoreResult, picked: Any) -> str | None:
    """The question and the answer behind the square a reader picked, in words, or None when none is.

    ``picked`` is what the chart's :data:`HEATMAP_PICK` selection holds: a list of ``{dimension, n}``
    (Streamlit hands it over as the chart's selection). Words for a page to show under the chart, where a
    tap on a phone shows no tooltip; the question and the answer are the questionnaire's and the owner's
    text, so the caller escapes them for its markup.
    """
    if not isinstance(picked, list) or not picked or not isinstance(picked[0], Mapping):
        return None
    key = (picked[0].get("dimension"), picked[0].get("n"))
    cell = next((c for c in heatmap_cells(result) if (c["dimension"], c["n"]) == key), None)
    if cell is None:  # a pick from an older drawing of the chart: nothing to say rather than a wrong square
        return None
    sc = result.score_scale
    said = f"{cell['dimension']}, question {cell['n']}: {cell['question']} Your answer: {cell['answer']}"
    if cell["shown"] is None:
        return f"{said}."
    measure = "demand coming" if cell["demand"] else "level"
    return f"{said} ({measure} {plain_number(cell['shown'])} on {scale.range_text(sc)})."


def question_heatmap(result: ScoreResult, *, pickable: bool = False) -> alt.LayerChart:
    """Every question shown to this business as a cell, one row per dimension (:func:`heatmap_cells`).

    ``pickable`` adds a click selection named :data:`HEATMAP_PICK` over the squares, outlining the one
    picked. A tooltip needs a pointer that hovers: on a phone a tap shows none (Vega shows tooltips on
    pointer moves, and a tap makes none; seen in Chromium with touch), so the app's page reads the pick
    and writes the question and the answer under the chart. Reports keep the plain chart.
    """
    sc = result.score_scale
    rows = heatmap_cells(result)
    order = [d.title for d in result.dimensions]
    tooltip = [
        alt.Tooltip("question:N", title="Question"),
        alt.Tooltip("answer:N", title="Answer"),
        alt.Tooltip("shown:Q", title="Level"),
    ]
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X("n:O", title="Question", axis=alt.Axis(labelAngle=0, labelOverlap=True)),
        y=alt.Y("dimension:N", sort=order, title=None, axis=alt.Axis(labelLimit=200)),
        tooltip=tooltip,
    )
    cells = base.mark_rect(stroke="#d1d5db", strokeWidth=1, cornerRadius=3)
    scored = cells.transform_filter("datum.level !== null && !datum.demand").encode(
        color=alt.Color(
            "shown:Q",
            scale=alt.Scale(domain=[sc.min, (sc.min + sc.max) / 2, sc.max], range=["#dc2626", "#facc15", "#16a34a"]),
            title=f"Level ({scale.range_text(sc)})",
            # short enough that the last label ("100") fits beside the plot on a phone
            legend=alt.Legend(
                values=[sc.min, (sc.min + sc.max) / 2, sc.max],
                format=f".{max(1, sc.decimals)}~f",
                gradientLength=140,
            ),
        )
    )
    coming = cells.transform_filter("datum.level !== null && datum.demand").encode(
        tooltip=[*tooltip[:2], alt.Tooltip("shown:Q", title="Demand coming")],
        color=alt.Color(
            "shown:Q",
            # from a mid blue, so little demand is not read as the pale blue of a context question
            scale=alt.Scale(domain=[sc.min, sc.max], range=["#60a5fa", "#1e3a8a"]),
            title="Demand coming",
            legend=alt.Legend(
                values=[sc.min, sc.max],
                labelExpr=f"datum.value <= {sc.min} ? 'little' : 'much'",
                gradientLength=140,
            ),
        ),
    )
    present = [name for name in HEATMAP_STATES if any(r["state"] == name for r in rows)]
    other = cells.transform_filter("datum.level === null").encode(color=_no_level_color(present, HEATMAP_STATES))
    marks = base.transform_filter("datum.dont_know").mark_text(fontSize=11, color="#4c1d95").encode(text=alt.value("?"))
    layers = [scored, *([coming] if any(r["demand"] and r["level"] is not None for r in rows) else []), other, marks]
    if pickable:
        layers.append(_pick_layer(base, tooltip=HEATMAP_TOOLTIP))
    chart = (
        alt.layer(*layers)
        .resolve_scale(color="independent")
        .properties(width="container", height=alt.Step(30), title=HEATMAP_TITLE)
    )
    return _config(chart, stack_legends=True)


def _pick_layer(
    base: alt.Chart,
    name: str = HEATMAP_PICK,
    fields: tuple[str, ...] = ("dimension", "n"),
    tooltip: str | None = None,
    corner: int = 3,
) -> alt.Chart:
    """A clear square over every square, on top, that takes the clicks (and, given ``tooltip``, an expression,
    shows the tooltips; else the chart's own stay).

    One layer for all squares because a point selection spread over several layers of one chart does not
    compile (Vega: 'Duplicate signal name "pick_tuple"'); the question heatmap's colours come from three
    scales, so this layer draws none and its tooltip's last line is named per square, by an expression.
    """
    # One square at a time (toggle off: a shift-click replaced, never added to, the pick the page writes out).
    pick = alt.selection_point(name=name, fields=list(fields), on="click", clear="dblclick", toggle=False)
    outline = {
        "stroke": alt.condition(pick, alt.value("#111827"), alt.value("transparent"), empty=False),
        "strokeWidth": alt.condition(pick, alt.value(3), alt.value(0), empty=False),
    }
    if tooltip is not None:
        outline["tooltip"] = alt.value(alt.expr(tooltip))
    return base.mark_rect(fill="transparent", cornerRadius=corner).encode(**outline).add_params(pick)


#: The question heatmap's tooltip, per square: its colour layers' scales differ, so the last line is named here.
HEATMAP_TOOLTIP = (
    "datum.level === null ? {'Question': datum.question, 'Answer': datum.answer}"
    " : datum.demand ? {'Question': datum.question, 'Answer': datum.answer, 'Demand coming': datum.shown}"
    " : {'Question': datum.question, 'Answer': datum.answer, 'Level': datum.shown}"
)


def spec(chart: Any, *, validate: bool = False) -> dict[str, Any]:
    """The chart as a plain Vega-Lite dict (cacheable, renderable offline).

    Data is inlined where it is used instead of in top-level ``datasets``:
    the charts are small, and Streamlit converts named datasets to Arrow on
    every rerun, which cost more than drawing the rest of the page.

    Not checked against the Vega-Lite schema unless ``validate``: the check gives the same dict and
    was a fifth of the time a page spent building its charts (a third on a server's first build). The
    builders are the same for every business, so the tests check each one's spec instead
    (tests/test_charts.py).
    """
    raw = _inline(chart.to_dict(validate=validate), {})
    datasets = raw.pop("datasets", {})
    raw = _inline(raw, datasets)
    shared = raw.get("data")
    if shared is not None and "layer" in raw:  # push shared data down into the layers
        del raw["data"]
        raw["layer"] = [layer if "data" in layer else {**layer, "data": shared} for layer in raw["layer"]]
    return raw


def _inline(node: Any, datasets: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        data = node.get("data")
        out = {k: _inline(v, datasets) for k, v in node.items() if k != "data"}
        if isinstance(data, dict) and "name" in data and data["name"] in datasets:
            out["data"] = {"values": datasets[data["name"]]}
        elif data is not None:
            out["data"] = data
        return out
    if isinstance(node, list):
        return [_inline(v, datasets) for v in node]
    return node


#: The fonts of a chart drawn outside a web page (a report's SVG, a PDF): Arial's widths first. vl-convert lays
#: labels out by its own measure, close to Arial's; a browser without the app's Source Sans fell back to a wider
#: font (DejaVu Sans on Linux) and the workshop report's question names ran off the chart's left edge ("t would
#: stop if your most important person…", a phone's look at the report). Arial, its metric twin Liberation Sans
#: and Helvetica are on nearly every machine, and a PDF's renderer finds Liberation Sans for Arial.
STATIC_FONT = 'Arial, "Liberation Sans", Arimo, Helvetica, sans-serif'


#: The expression a chart reads its page's width by; :func:`static` can tell a drawing what it would be.
CONTAINER_WIDTH = "containerSize()[0]"


def static(
    chart_spec: dict[str, Any], width: int | None = 620, font: str = STATIC_FONT, container: int | None = None
) -> dict[str, Any]:
    """A copy of a spec with container widths fixed, for drawing outside a web page (SVG, PDF), in ``font``
    (:data:`STATIC_FONT`; a test drawing what the app draws passes the app's :data:`FONT`).

    ``container``: the page width an expression reading ``containerSize()`` is told it has (a drawing has no
    container, and reads 0): the room heatmap sizes and wraps its question names by it, so a report's phone
    drawing lays them out as a phone's page would."""

    def fix(node: Any) -> Any:
        if isinstance(node, dict):
            out = {k: fix(v) for k, v in node.items()}
            if out.get("width") == "container":
                if width is None:
                    del out["width"]
                else:
                    out["width"] = width
            return out
        if isinstance(node, list):
            return [fix(v) for v in node]
        if isinstance(node, str) and container is not None and CONTAINER_WIDTH in node:
            return node.replace(CONTAINER_WIDTH, str(container))
        return font if node == FONT else node

    fixed = fix(chart_spec)
    fixed.setdefault("padding", 16)  # room for long axis labels once drawn outside a page
    return fixed


def workshop_dimensions(result: Any, score_scale: Any = None) -> alt.LayerChart:
    """The room's mean per dimension, the range from lowest to highest person, and the target.

    The dot is the mean of the people's own scores (``DimensionAggregate.stats``): the figures the cards
    above it average, so the chart's demand dot and the "Demand pressure" card are one number.
    ``score_scale`` (the questionnaire's) draws the figures on its own range; 0..100 without one.
    """
    from readiness.model import ScoreScale

    sc = score_scale or ScoreScale()
    shown = f".{sc.decimals}f"
    rows = [
        {
            "dimension": d.title,
            "mean": scale.to_native(d.stats.mean, sc),
            "low": scale.to_native(d.stats.minimum, sc),
            "high": scale.to_native(d.stats.maximum, sc),
            "target": None if d.side == "demand" else scale.to_native(d.target, sc),  # pressure has no target
            "n": d.stats.n,
            "side": "Demand" if d.side == "demand" else "Operations",
        }
        for d in result.dimensions
        if d.stats.mean is not None
    ]
    order = [r["dimension"] for r in rows]
    # An explicit limit: without one the app's charts cut "Demand pressure" to "Demand press…".
    base = alt.Chart(alt.Data(values=rows)).encode(
        y=alt.Y("dimension:N", sort=order, title=None, axis=alt.Axis(labelLimit=200))
    )
    tooltip = [
        alt.Tooltip("dimension:N", title="Dimension"),
        alt.Tooltip("mean:Q", title="Mean of the people", format=shown),
        alt.Tooltip("low:Q", title="Lowest person", format=shown),
        alt.Tooltip("high:Q", title="Highest person", format=shown),
        alt.Tooltip("n:Q", title="People"),
    ]
    spread = base.mark_rule(strokeWidth=10, opacity=0.25, color=OPERATIONS).encode(
        x=alt.X(
            "low:Q",
            scale=alt.Scale(domain=[sc.min, sc.max]),
            title=f"Score ({scale.range_text(sc)})",
        ),
        x2="high:Q",
        tooltip=tooltip,
    )
    mean = base.mark_point(filled=True, size=160).encode(
        x="mean:Q",
        color=alt.Color(
            "side:N", scale=alt.Scale(domain=["Operations", "Demand"], range=[OPERATIONS, DEMAND]), title=None
        ),
        tooltip=tooltip,
    )
    target = (
        base.transform_filter("datum.target != null").mark_tick(color=TARGET, thickness=3, size=26).encode(x="target:Q")
    )
    chart = alt.layer(spread, mean, target).properties(
        width="container",
        height=alt.Step(34),
        title=alt.Title(
            "The room's view of each dimension",
            subtitle=list(ROOM_SUBTITLE),
            anchor="start",
        ),
    )
    return _config(chart)


#: One whole sentence a line, each short enough for a phone: Vega does not wrap a subtitle, and a line
#: broken mid-sentence ("scores,\nas in the figures above") read as two captions.
ROOM_SUBTITLE = (
    "Dot: the mean of the people's scores.",
    "Bar: lowest to highest person.",
    "Black tick: the target.",
)
DISAGREE_SUBTITLE = (
    "Each role's mean level (0–100).",
    "Spread: the highest answer minus the lowest.",
)
SPREAD = "Spread"
#: A role's cell with no level, by why (:func:`readiness.workshop._why_blank`), coloured as the question
#: heatmap's states: "does not apply" solid mid grey, "skipped" an outlined white square.
ROOM_STATES = {
    DONT_KNOW: HEATMAP_STATES["Don't know"],
    NOT_ASKED: HEATMAP_STATES["Not applicable"],
    LEFT_BLANK: HEATMAP_STATES["Unanswered"],
}


def question_label(question_id: str) -> str:
    """A question's short name for a chart axis, from its id: ``key_person_cover`` → "Key person cover".

    Question texts are whole sentences, cut to "Team. If your most im…" on an axis; ids are written to be
    read (docs/authoring.md), and the full text stays in the tooltip.
    """
    words = question_id.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else question_id


def wrapped(label: str, width: int = 12) -> list[str]:
    """A role's name on at most a few short lines ("Sales /", "marketing"), so a column stays narrow."""
    import textwrap

    return textwrap.wrap(label, width=width, break_long_words=False) or [label]


#: The role headers' font size, the px between their lines, and a character's width at that size, taken
#: generously (Source Sans averages about 0.5 em; the fallback fonts of a static render run wider).
ROLE_FONT = 11
ROLE_LINE = 13
ROLE_CHAR_PX = ROLE_FONT * 0.62


def _role_axis(roles: list[str]) -> alt.Axis:
    """The heatmap's column headers: every role's whole name, level where its column has room, else angled.

    A header is never cut ("Leader…" was what a phone showed for three roles). A role's name wraps onto
    short lines ("Sales /", "marketing"); where the widest of those lines does not fit its column (a phone,
    or many roles), every header is drawn whole on one line at 45°, with the room that takes. The choice is
    made from ``width``, the plot's own width, so a phone, a laptop and a report's fixed-width render each
    decide from the columns they actually have.

    Wrapped headers are padded with empty lines at the top to one height and hang from their top line:
    Vega's static SVG renderer (the reports) does not lift a "bottom"-aligned second line the way the
    browser does, and "marketing" was drawn over the first row.
    """
    lines = {role: wrapped(role) for role in roles}
    depth = max(len(v) for v in lines.values())
    hung = {role: [""] * (depth - len(v)) + v for role, v in lines.items()}
    widest = max(len(line) for v in lines.values() for line in v) * ROLE_CHAR_PX
    whole = max(len(role) for role in roles) * ROLE_CHAR_PX
    tilt = f"(width / {len(roles)} < {widest + 8:.0f})"
    level = json.dumps(hung, ensure_ascii=False)
    return alt.Axis(
        orient="top",
        labelOverlap=False,
        labelFontSize=ROLE_FONT,
        labelLineHeight=ROLE_LINE,
        labelAngle={"expr": f"{tilt} ? -45 : 0"},
        labelAlign={"expr": f"{tilt} ? 'left' : 'center'"},
        labelBaseline={"expr": f"{tilt} ? 'bottom' : 'top'"},
        labelPadding={"expr": f"{tilt} ? 2 : {depth * ROLE_LINE + 2}"},
        labelLimit={"expr": f"{tilt} ? {whole + 12:.0f} : width / {len(roles)} - 4"},
        labelExpr=f"{tilt} ? datum.label : ({level}[datum.label] || datum.label)",
    )


#: The room heatmap's row height and its question names' size: two lines of a name fit one row with room between
#: rows (at 26 px the second line of one name ran into the first of the next on a phone: a browser pass).
QUESTION_ROW = 32
QUESTION_FONT = 11
QUESTION_LINE = 12
#: Characters of a question's name per line on a phone, where its column is about 160 px wide.
QUESTION_WRAP = 26
#: The mean level's colour bar, in px: it must end inside a phone's screen, where it starts after the names.
QUESTION_LEGEND = 150
#: Below this plot width (a phone), the question names wrap onto two lines instead of being cut.
QUESTION_NARROW = 600


def _question_axis(order: list[str], width: str, limit: dict[str, str]) -> alt.Axis:
    """The room heatmap's row names: whole on one line where the plot is wide, on two lines on a phone.

    A facilitator's phone showed "What would stop if your m…" on every row (an exploratory browser pass): the
    names take at most 45% of a phone's width. There each wraps onto two lines, the second cut only if it
    must be, and the pair is centred on its row; a laptop and a report's fixed-width render keep one line."""
    lines = {}
    for name in order:
        parts = wrapped(name, QUESTION_WRAP)
        lines[name] = [parts[0], " ".join(parts[1:])] if len(parts) > 1 else parts
    table = json.dumps(lines, ensure_ascii=False)
    narrow = f"({width} < {QUESTION_NARROW})"
    return alt.Axis(
        labelLimit=limit,
        labelOverlap=False,
        labelFontSize=QUESTION_FONT,
        labelLineHeight=QUESTION_LINE,
        labelExpr=f"{narrow} ? ({table}[datum.label] || datum.label) : datum.label",
        labelOffset={"expr": f"{narrow} && length({table}[datum.label] || ['']) > 1 ? -{QUESTION_LINE / 2:g} : 0"},
    )


def room_cells(result: Any, questionnaire: Any, lang: str = "en") -> tuple[list[dict[str, Any]], list[str], list[str]]:
    """The room heatmap's squares (one per question and role that joined, then the question's spread), its row
    names in order, and the roles that joined: the chart draws them, and a page that lets a square be picked
    finds the question behind the pick in the same rows (:func:`picked_room_square`)."""
    from readiness.model import tr

    present = [role for role, count in result.roles.items() if count > 0]
    rows = []
    order = []
    seen: set[str] = set()
    for q in result.questions:
        if q.stats.n == 0:
            continue
        short = q.label or question_label(q.id)  # words the author wrote, not the id
        if short in seen:  # two ids that read alike ("a_b", "a-b"): the rows must stay apart
            short = f"{short} ({q.id})"
        seen.add(short)
        order.append(short)
        dimension = tr(questionnaire.dimension(q.dimension).title, lang)
        for role in present:
            mean = q.role_means.get(role)
            rows.append(
                {
                    "question": short,
                    "full": q.text,
                    "dimension": dimension,
                    "role": role,
                    "level": mean,
                    # why there is no level, in the cell's colour and the tooltip (None when there is one)
                    "state": None if mean is not None else q.role_blank.get(role, LEFT_BLANK),
                    "label": "" if mean is None else f"{mean:.0f}",
                }
            )
        rows.append(
            {
                "question": short,
                "full": q.text,
                "dimension": dimension,
                "role": SPREAD,
                "level": None,
                "spread": q.stats.spread,
                # One answer has no spread: a 0 there read as the room agreeing (an exploratory browser pass).
                "label": f"{q.stats.spread:.0f}" if q.stats.n >= 2 else "–",
            }
        )
    return rows, order, present


def disagreement_heatmap(
    result: Any, questionnaire: Any, lang: str = "en", *, pickable: bool = False
) -> alt.LayerChart:
    """Questions × roles, coloured by each role's mean level; the last column is the spread.

    Only roles someone joined as get a column (an empty column reads as "nobody in that role agrees").
    ``pickable`` adds a click selection named :data:`ROOM_PICK`, outlining the square picked: a tap on a phone
    shows no tooltip, so the workshop page writes the picked square out (:func:`picked_room_square`).
    """
    rows, order, present = room_cells(result, questionnaire, lang)
    roles = [*present, SPREAD]
    # Every label shown (no overlap thinning: a projected heatmap with every other row unlabelled is
    # useless). On a phone the question labels take at most 45% of the width and the roles share the rest;
    # a static render (no container) keeps the laptop sizes. The role headers: _role_axis.
    width = f"({CONTAINER_WIDTH} > 0 ? {CONTAINER_WIDTH} : 1000)"
    question_limit = {"expr": f"clamp({width} * 0.45, 120, 380)"}
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X("role:N", sort=roles, title=None, axis=_role_axis(roles)),
        y=alt.Y("question:N", sort=order, title=None, axis=_question_axis(order, width, question_limit)),
        tooltip=[
            alt.Tooltip("dimension:N", title="Dimension"),
            alt.Tooltip("full:N", title="Question"),
            alt.Tooltip("role:N", title="Role"),
            alt.Tooltip("label:N", title="Level / spread"),
            alt.Tooltip("state:N", title="No level"),
        ],
    )
    levels = (
        base.transform_filter("datum.level !== null")
        .mark_rect(stroke="#fff", strokeWidth=1)
        .encode(
            color=alt.Color(
                "level:Q",
                scale=alt.Scale(domain=[0, 50, 100], range=["#dc2626", "#facc15", "#16a34a"]),
                title="Mean level",
                # it starts under the plot, right of the question names: at 200 px a phone cut "100" to "10"
                legend=alt.Legend(gradientLength=QUESTION_LEGEND),
            )
        )
    )
    # Why a role has no level, each reason its own look and legend entry: a white cell alone could be a
    # role that skipped the question or one that was never asked it.
    states = [name for name in ROOM_STATES if any(r.get("state") == name for r in rows)]
    blanks = (
        base.transform_filter("datum.level === null && datum.spread == null")
        .mark_rect(stroke="#9ca3af", strokeWidth=1, width={"band": 0.94}, height={"band": 0.86})
        .encode(color=_no_level_color(states, ROOM_STATES))
    )
    spread = (
        base.transform_filter("datum.spread != null")
        .mark_rect(stroke="#fff", strokeWidth=1)
        .encode(
            color=alt.value("#ede9fe"), opacity=alt.Opacity("spread:Q", scale=alt.Scale(domain=[0, 100]), legend=None)
        )
    )
    text = base.mark_text(fontSize=10, color="#111827").encode(text="label:N")
    layers = [levels, blanks, spread, text] if states else [levels, spread, text]
    if pickable:
        layers.append(_pick_layer(base, ROOM_PICK, ("question", "role"), corner=0))
    chart = (
        alt.layer(*layers)
        .resolve_scale(color="independent")
        .properties(
            width="container",
            height=alt.Step(QUESTION_ROW),
            title=alt.Title("Where the roles disagree", subtitle=list(DISAGREE_SUBTITLE), anchor="start"),
        )
    )
    return _config(chart, stack_legends=True)


#: The name of the room heatmap's click selection (:func:`disagreement_heatmap` with ``pickable``).
ROOM_PICK = "room_pick"


def picked_room_square(result: Any, questionnaire: Any, picked: Any, lang: str = "en") -> str | None:
    """The question and what the room said of it in the square a facilitator picked, in words, or None.

    ``picked`` is what the chart's :data:`ROOM_PICK` selection holds (a list of ``{question, role}``). A phone
    shows the row's name cut to two lines and no tooltip on a tap; these words give the whole question. They
    hold the questionnaire's text and the roles' names, so the caller escapes them for its markup."""
    if not isinstance(picked, list) or not picked or not isinstance(picked[0], Mapping):
        return None
    key = (picked[0].get("question"), picked[0].get("role"))
    rows, _, _ = room_cells(result, questionnaire, lang)
    cell = next((r for r in rows if (r["question"], r["role"]) == key), None)
    if cell is None:  # a pick that names no square of this room (its rows renamed since): say nothing
        return None
    said = f"{cell['dimension']}: {cell['full']}"
    if cell["role"] == SPREAD:
        if cell["label"] == "–":
            return f"{said} Spread: one answer only, so no spread yet."
        return f"{said} Spread: {cell['label']} (the highest answer minus the lowest, 0–100)."
    if cell["level"] is None:
        return f"{said} {cell['role']}: no level ({cell['state'].lower()})."
    return f"{said} {cell['role']}: mean level {cell['label']} (0–100)."
