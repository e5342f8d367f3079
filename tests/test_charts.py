"""Charts read whole and true: every label fits, no mark claims what the score does not say.

Checked on the Vega-Lite specs the page and the reports draw (what a browser gets), with the demo
business and SAMM (a 0-3 questionnaire of its own); one test also draws a spec to be sure it renders.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any

import pytest

from readiness import chart_labels, charts, load_answers, load_questionnaire
from readiness.answers import Answer
from readiness.demo import DEMO_ANSWERS, DEMO_QUESTIONNAIRE
from readiness.loader import load_questionnaire_with_warnings
from readiness.scoring import ScoreResult, score
from readiness.surge import analyse, setup_from_answers
from readiness.surge import charts as surge_charts

from .test_frameworks import SAMM, SAMM_ANSWERS

PHONE_PLOT = chart_labels.QUADRANT_PHONE_PLOT  # px of plot on a 390 px phone once margins and the y axis are off
PX_PER_CHAR = 0.6  # a bold 11-12 px sans-serif character is about 0.6 em wide


@pytest.fixture(scope="module")
def demo() -> tuple[Any, Any, ScoreResult]:
    q = load_questionnaire(DEMO_QUESTIONNAIRE)
    answers, _ = load_answers(q, DEMO_ANSWERS)
    return q, answers, score(q, answers, answers.profile)


@pytest.fixture(scope="module")
def samm() -> ScoreResult:
    q = load_questionnaire_with_warnings(SAMM).questionnaire
    return score(q, {k: Answer(k, "value", v) for k, v in SAMM_ANSWERS.items()})


def layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec["layer"]


def mark(layer: dict[str, Any]) -> dict[str, Any]:
    m = layer["mark"]
    return m if isinstance(m, dict) else {"type": m}


def test_demand_pressure_has_no_target_tick_nor_outline(demo) -> None:
    result = demo[2]
    assert result.dimension("demand").side == "demand"
    bars = charts.spec(charts.dimension_bars(result))
    (ticks,) = [la for la in layers(bars) if mark(la)["type"] == "tick"]
    drawn = [r for r in ticks["data"]["values"] if r["shown_target"] is not None]
    assert ticks["transform"] == [{"filter": "datum.shown_target != null"}]
    assert "Demand pressure" not in {r["dimension"] for r in drawn}
    assert {r["dimension"] for r in drawn} == {d.title for d in result.dimensions if d.side != "demand"}
    radial = charts.spec(charts.radial(result))
    (outline,) = [la for la in layers(radial) if mark(la).get("strokeDash")]
    assert outline["transform"] == [{"filter": "datum.target != null"}]
    assert next(r for r in outline["data"]["values"] if r["dimension"] == "Demand pressure")["target"] is None


@pytest.mark.parametrize("which", ["demo", "samm"])
def test_radial_labels_and_title_fit_a_phone(which: str, demo, samm) -> None:
    result = demo[2] if which == "demo" else samm
    spec = charts.radial(result).to_dict()
    assert spec["width"] + spec["padding"]["left"] + spec["padding"]["right"] <= 358  # a 390 px phone's column
    assert spec["title"]["anchor"] == "middle"
    texts = [la for la in layers(spec) if mark(la)["type"] == "text"]
    assert texts, "no labels"
    for layer in texts:
        m = mark(layer)
        for row in layer["data"]["values"]:
            lines = row["label"].split("\n")
            widest = max(len(line) for line in lines) * PX_PER_CHAR * m["fontSize"]
            room = charts.radial_label_room(row["mid"])
            assert widest <= m["limit"] <= room, (row["label"], widest, m["limit"], room)  # whole, never cut
            # the label's far edge stays inside the chart
            x = abs(math.sin(row["mid"])) * m["radius"]
            reach = x + (widest if m["align"] != "center" else widest / 2)
            assert reach <= spec["width"] / 2, row["label"]
    assert {r["label"].replace("\n", " ") for la in texts for r in la["data"]["values"]} == {
        d.title for d in result.dimensions
    }


def _box(label: dict[str, Any], width: float, height: float = 360) -> tuple[float, float, float, float]:
    lines = label["text"].split("\n")
    w = max(len(line) for line in lines) * 11 * PX_PER_CHAR
    h = len(lines) * 13
    x = label["x"] / 100 * width
    left = x if label["align"] == "left" else x - w
    top = (100 - label["y"]) / 100 * height
    return left, left + w, top, top + h


def test_quadrant_reads_at_390_px(demo) -> None:
    spec = charts.quadrant(demo[2]).to_dict()
    assert len(spec["title"]) * charts.TITLE["fontSize"] * PX_PER_CHAR <= PHONE_PLOT
    boxes = [_box(lab, PHONE_PLOT) for lab in chart_labels.quadrant_labels()]
    for i, a in enumerate(boxes):
        assert a[0] >= 0 and a[1] <= PHONE_PLOT, chart_labels.quadrant_labels()[i]["text"]
        for b in boxes[i + 1 :]:
            apart = a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2]
            assert apart, (a, b)
    # the business's name sits beside its point, leaning away from the y axis (the point is at 8 of 100), whole in
    # at most two lines, each inside the plot
    (name,) = [la for la in layers(spec) if mark(la)["type"] == "text" and "dx" in mark(la)]
    assert demo[2].balance.link is not None and demo[2].balance.link < 50
    assert mark(name)["align"] == "left" and mark(name)["dx"] > 0
    point = demo[2].balance.link / 100 * PHONE_PLOT
    (row,) = name["data"]["values"]
    lines = row["label"].split("\n")
    assert " ".join(lines) == demo[2].business and len(lines) <= 2
    assert max(len(line) for line in lines) * 12 * PX_PER_CHAR <= mark(name)["limit"] <= PHONE_PLOT - point


def test_heatmap_has_one_square_per_question_asked(demo) -> None:
    result = demo[2]
    rows = charts.spec(charts.question_heatmap(result))["layer"][0]["data"]["values"]
    per_row = Counter(r["dimension"] for r in rows)
    # as many squares as the page's "24 of 24": numbers and context questions included, show_if ones left out
    assert per_row == {d.title: d.total for d in result.dimensions}
    assert sum(per_row.values()) == 72  # 77 before version 2.1 merged five questions into others
    states = Counter(r["state"] for r in rows)
    # context: the kind of business, what went wrong lately (2.3), the step being weighed (2.4), the online
    # share, the stress-test figures...
    assert states["Don't know"] == 1 and states["Context (not scored)"] == 13
    dont_know = next(r for r in rows if r["state"] == "Don't know")
    assert dont_know["level"] is None  # not drawn as a red, lowest answer


def test_a_picked_square_is_written_out_with_its_question_and_answer(demo) -> None:
    """On a phone a tap shows no tooltip (a browser pass): the app's heatmap can be picked, and the pick is
    written out in words. The reports keep the plain chart; a pick the chart no longer holds says nothing."""
    import vl_convert

    result = demo[2]
    plain = charts.spec(charts.question_heatmap(result))
    pickable = charts.spec(charts.question_heatmap(result, pickable=True))
    assert "params" not in plain and [p["name"] for p in pickable["params"]] == [charts.HEATMAP_PICK]
    # one selection over every square: spread over several layers it does not compile ("Duplicate signal name")
    assert vl_convert.vegalite_to_svg(pickable).startswith("<svg")
    top = pickable["layer"][-1]
    assert top["mark"]["fill"] == "transparent" and "Demand coming" in top["encoding"]["tooltip"]["value"]["expr"]
    cells = charts.heatmap_cells(result)
    team = next(c for c in cells if c["dimension"] == "Team" and c["shown"] is not None)
    said = charts.picked_square(result, [{"dimension": "Team", "n": team["n"]}])
    assert said == (
        f"Team, question {team['n']}: {team['question']} Your answer: {team['answer']} "
        f"(level {team['shown']:g} on 0–100)."
    )
    coming = next(c for c in cells if c["demand"] and c["shown"] is not None)
    pick = [{"dimension": coming["dimension"], "n": coming["n"]}]
    assert "(demand coming " in (charts.picked_square(result, pick) or "")
    context = next(c for c in cells if c["state"] == "Context (not scored)")
    assert (charts.picked_square(result, [{"dimension": context["dimension"], "n": context["n"]}]) or "").endswith(
        f"Your answer: {context['answer']}."
    )
    assert charts.picked_square(result, []) is None
    assert charts.picked_square(result, [{"dimension": "Team", "n": 99}]) is None


def test_heatmap_legends_name_each_colour_on_the_native_scale(demo, samm) -> None:
    spec = charts.spec(charts.question_heatmap(demo[2]))
    scored, coming, other, _ = spec["layer"]
    states = other["encoding"]["color"]["scale"]["domain"]
    assert "Don't know" in states and "Context (not scored)" in states
    colours = dict(zip(states, other["encoding"]["color"]["scale"]["range"], strict=True))
    assert len(set(colours.values())) == len(colours)  # a don't-know is not the unanswered grey
    assert scored["encoding"]["color"]["title"] == "Level (0–100)"
    # demand is how much is coming, not how good: its own colours, never the red-to-green of the levels (a browser
    # pass read a bakery's tripling contract in green as good news)
    assert coming["encoding"]["color"]["title"] == "Demand coming"
    assert [t["title"] for t in coming["encoding"]["tooltip"]] == ["Question", "Answer", "Demand coming"]
    assert "#16a34a" not in coming["encoding"]["color"]["scale"]["range"]
    demand = {d.title for d in demo[2].dimensions if d.side == "demand"}
    rows = spec["layer"][0]["data"]["values"]
    assert {r["dimension"] for r in rows if r["demand"]} == demand
    assert "!datum.demand" in scored["transform"][0]["filter"] and "&& datum.demand" in coming["transform"][0]["filter"]
    samm_spec = charts.spec(charts.question_heatmap(samm))
    level = samm_spec["layer"][0]["encoding"]["color"]
    assert level["title"] == "Level (0–3)"
    assert level["scale"]["domain"] == [0, 1.5, 3]
    assert max(r["shown"] for r in samm_spec["layer"][0]["data"]["values"] if r["shown"] is not None) <= 3


def test_samm_bars_run_to_3_and_no_tick_strikes_a_value(samm) -> None:
    spec = charts.spec(charts.dimension_bars(samm))
    bars, _, labels = spec["layer"]
    x = bars["encoding"]["x"]
    assert x["scale"]["domain"] == [0, 3] and x["axis"]["values"][-1] == 3 and x["axis"]["values"][0] == 0
    assert x["title"] == "Score (0–3)"
    for row in labels["data"]["values"]:
        target, start = row["shown_target"], row["label_at"]
        assert not (start < target < start + charts.LABEL_ROOM * 3), row  # the tick is not under the label


def test_axis_values_always_include_both_ends() -> None:
    from readiness.model import ScoreScale

    for lo, hi in [(0, 100), (0, 3), (20, 100), (0, 5), (1, 4), (0, 10)]:
        values = charts.axis_values(ScoreScale(min=lo, max=hi))
        assert values[0] == lo and values[-1] == hi and len(values) <= 8, (lo, hi, values)


def test_surge_orders_axis_holds_every_series(demo) -> None:
    q, answers, _ = demo
    result = analyse(setup_from_answers(q, answers), "tv_spot", currency="USD").result
    spec = charts.spec(surge_charts.orders(result))
    peak = max(float(v) for series in (result.demand, result.delivered, result.lost) for v in series)
    for layer in spec["layer"]:
        top = layer["encoding"]["y"]["scale"]["domain"][1]
        assert top > peak  # the orders-in spike stays on the chart, with room above it


def _day_axes_and_days(node: Any) -> tuple[list[list[float]], list[int]]:
    """Every day axis's domain in a spec, and every day its data holds."""
    domains: list[list[float]] = []
    days: list[int] = []
    if isinstance(node, dict):
        x = node.get("encoding", {}).get("x", {})
        if isinstance(x, dict) and x.get("field") == "day":
            domains.append(x["scale"]["domain"])
        days += [row["day"] for row in node.get("data", {}).get("values", []) if "day" in row]
        children = [v for k, v in node.items() if k not in ("data", "encoding")]
    else:
        children = node if isinstance(node, list) else []
    for child in children:
        more_domains, more_days = _day_axes_and_days(child)
        domains += more_domains
        days += more_days
    return domains, days


def _surge_day_charts(result: Any, days: Any = None) -> list[dict[str, Any]]:
    return [
        charts.spec(surge_charts.orders(result, days)),
        charts.spec(surge_charts.waiting(result, days)),
        charts.spec(surge_charts.wait(result, days)),
        charts.spec(surge_charts.cash(result, "USD", days)),
        charts.spec(surge_charts.stock(result, days)),
    ]


def test_surge_charts_draw_the_days_around_a_short_spike(demo) -> None:
    """A two-day TV spot on the six-month run was a sliver at the left edge: every day chart now draws the
    same window, from the spike until the queue has cleared and stock is back, and says what it left out."""
    q, answers, _ = demo
    result = analyse(setup_from_answers(q, answers), "tv_spot", currency="USD").result
    s = result.summary
    first, last = surge_charts.window(result)
    assert first == 1 and s.recovery_day is not None and s.peak_backlog_day is not None
    assert max(s.recovery_day, s.peak_backlog_day, s.cash_low_day) < last <= 45 < result.horizon
    for spec in _surge_day_charts(result):
        domains, days = _day_axes_and_days(spec)
        assert domains and all(d == [first, last] for d in domains)
        assert min(days) == first and max(days) == last  # nothing drawn past the axis
    caption = surge_charts.window_caption(result, (first, last))
    assert caption is not None and f"days {first} to {last}" in caption and f"all {result.horizon} days" in caption
    # asked for the whole run, every chart draws it
    for spec in _surge_day_charts(result, (1, result.horizon)):
        domains, days = _day_axes_and_days(spec)
        assert all(d == [1, result.horizon] for d in domains) and max(days) == result.horizon


def test_surge_charts_draw_the_whole_run_when_the_event_lasts_it(demo) -> None:
    """A contract that doubles orders for good, or a surge never cleared, has no shorter story to show."""
    q, answers, _ = demo
    setup = setup_from_answers(q, answers)
    for preset in ("retail_contract", "word_of_mouth", "padded_forecast"):
        result = analyse(setup, preset, currency="USD").result
        assert surge_charts.window(result) == (1, result.horizon), preset
        assert surge_charts.window_caption(result, (1, result.horizon)) is None


def test_specs_render(demo) -> None:
    vlc = pytest.importorskip("vl_convert")
    svg = vlc.vegalite_to_svg(charts.static(charts.spec(charts.question_heatmap(demo[2])), width=358))
    assert svg.count("<path") > 77 and "Don" in svg and "Context (not scored)" in svg


def test_waiting_charts_keep_an_axis_when_nothing_waited() -> None:
    """A lost contract: nobody waits all run. An all-zero domain made Vega label the axis "NaN"."""
    q = load_questionnaire(DEMO_QUESTIONNAIRE)
    setup = setup_from_answers(q, load_answers(q, DEMO_ANSWERS)[0])
    result = analyse(setup, "lost_contract").result
    assert max(result.backlog) == 0 and max(result.wait) == 0
    for chart in (surge_charts.waiting(result), surge_charts.wait(result)):
        spec = charts.spec(chart)
        assert spec["encoding"]["y"]["scale"]["domain"] == [0, 1]
    busy = analyse(setup, "tv_spot").result
    assert "domain" not in charts.spec(surge_charts.waiting(busy))["encoding"]["y"]["scale"]


PHONE_CHART = 358  # px a chart has on a 390 px phone
PX_PER_CHAR_REGULAR = 0.55  # a regular (not bold) sans-serif character


def test_every_chart_title_and_subtitle_has_the_house_style(demo) -> None:
    """QA: the workshop charts' titles and subtitles were in another, smaller font than the page."""
    from readiness.workshop import aggregate

    from .test_workshop import leadership_day

    q, people = leadership_day()
    room = aggregate(q, people)
    result = demo[2]
    built = {
        "bars": charts.dimension_bars(result),
        "radial": charts.radial(result),
        "quadrant": charts.quadrant(result),
        "heatmap": charts.question_heatmap(result),
        "room": charts.workshop_dimensions(room, q.score_scale),
        "disagreement": charts.disagreement_heatmap(room, q),
    }
    for name, chart in built.items():
        title = charts.spec(chart)["config"]["title"]
        assert title == charts.TITLE, name
    # the page's own font first, so a title in the app reads like the page around it
    assert charts.FONT.startswith('"Source Sans"')
    assert charts.TITLE["subtitleFontSize"] < charts.TITLE["fontSize"]


@pytest.mark.parametrize("lines", [charts.ROOM_SUBTITLE, charts.DISAGREE_SUBTITLE])
def test_workshop_subtitles_are_whole_sentences_that_fit_a_phone(lines) -> None:
    """QA: "Dot: the mean of the people's scores,\nas in the figures above." broke mid-sentence."""
    for line in lines:
        assert line.endswith("."), line  # each line is one whole sentence
        assert len(line) <= charts.SUBTITLE_CHARS, line
    assert charts.SUBTITLE_CHARS * charts.TITLE["subtitleFontSize"] * PX_PER_CHAR_REGULAR <= PHONE_CHART


#: px of plot the disagreement heatmap has for its role columns: a 390 px phone (358 px of chart once the
#: question names take theirs), a laptop, and a report's fixed-width render.
HEATMAP_PLOTS = {"phone": 230, "report": 620, "laptop": 1170}
ROOMS = {
    "three roles": ["Leadership", "Sales / marketing", "Finance"],
    "the default four": ["Leadership", "Sales / marketing", "Operations / production", "Finance"],
    "eight roles": [
        "Leadership", "Sales / marketing", "Operations / production", "Finance",
        "Customer service", "Warehouse", "Procurement", "Human resources",
    ],
}  # fmt: skip


def _role_headers(svg: str) -> list[tuple[list[str], float, bool]]:
    """The heatmap's column headers as drawn: each one's lines, the y of its first line, whether angled."""
    import re
    import xml.etree.ElementTree as ET

    ns = "{http://www.w3.org/2000/svg}"
    root = ET.fromstring(svg)
    for group in root.iter(f"{ns}g"):
        if "role-axis-label" not in (group.get("class") or ""):
            continue
        headers = []
        for text in group.iter(f"{ns}text"):
            spans = text.findall(f"{ns}tspan")
            lines = [s.text or "" for s in spans] if spans else [text.text or ""]
            y = float(re.match(r"translate\([^,]+,([-\d.]+)\)", text.get("transform", "")).group(1))
            headers.append((lines, y, "rotate" in text.get("transform", "")))
        if any("Spread" in lines for lines, _, _ in headers):
            return headers
    raise AssertionError("no role headers in the heatmap")


@pytest.mark.parametrize("room", ROOMS)
@pytest.mark.parametrize("where", HEATMAP_PLOTS)
def test_workshop_heatmap_headers_name_every_role_whole(room: str, where: str) -> None:
    """QA: on a phone the heatmap's headers read "Leader…" and "market…"; in the report "marketing" sat
    on the first row. Drawn by Vega (vl-convert) at each width: every name whole, none over a cell."""
    vlc = pytest.importorskip("vl_convert")
    from readiness.workshop import Participant, aggregate

    from .test_workshop import leadership_day

    q, people = leadership_day()
    roles = ROOMS[room]
    room_people = [Participant(str(i), role, people[i % 2].answers) for i, role in enumerate(roles)]
    result = aggregate(q, room_people, roles=roles)
    spec = charts.static(charts.spec(charts.disagreement_heatmap(result, q)), width=HEATMAP_PLOTS[where])
    headers = _role_headers(vlc.vegalite_to_svg(spec))

    drawn = [" ".join(line for line in lines if line) for lines, _, _ in headers]
    assert drawn == [*roles, charts.SPREAD]  # whole: no "…", no role left out
    for lines, y, angled in headers:
        # a level header's last line ends above the ticks (5 px over the first row); an angled one rises from them
        last_baseline = y + (len(lines) - 1) * charts.ROLE_LINE
        assert last_baseline <= -6 if not angled else y <= 0, (lines, y)
    if where == "laptop" and room != "eight roles":
        assert not any(angled for _, _, angled in headers)  # a laptop keeps its level, wrapped headers
    if where == "phone" and room != "eight roles":
        assert all(angled for _, _, angled in headers)  # "Leadership" needs more than a phone's column


def test_every_chart_is_valid_vega_lite(demo, samm) -> None:
    """spec() leaves Altair's schema check out (a third of the time a page spent building its charts, for
    the same dict): it is made here instead, on every builder the app and the reports draw."""
    from readiness.surge import survival_map
    from readiness.workshop import aggregate

    from .test_workshop import leadership_day

    q, answers, result = demo
    room_q, people = leadership_day()
    room = aggregate(room_q, people)
    run = analyse(setup_from_answers(q, answers), "tv_spot", currency="USD").result
    grid = survival_map(run.inputs, [1.5, 3, 10], [1, 3, 7])
    built = [
        *(build(r) for r in (result, samm) for build in (charts.dimension_bars, charts.radial, charts.quadrant)),
        *(charts.question_heatmap(r, pickable=p) for r in (result, samm) for p in (False, True)),
        charts.workshop_dimensions(room, room_q.score_scale),
        charts.disagreement_heatmap(room, room_q),
        surge_charts.orders(run),
        surge_charts.waiting(run),
        surge_charts.wait(run),
        surge_charts.cash(run, "USD"),
        surge_charts.stock(run),
        surge_charts.survival(grid, 10, 2),
    ]
    for chart in built:
        assert charts.spec(chart, validate=True) == charts.spec(chart)  # raises on a spec Vega-Lite refuses


def test_a_business_not_placed_is_drawn_hollow_and_said_not_placed(demo) -> None:
    """An exploratory browser pass read "Not placed yet" beside a solid dot inside the danger zone: the point of
    a business with too few answers to place it is drawn hollow and grey, and its name says so."""
    q, answers, placed = demo
    process = {x.id for x in q.questions if x.dimension == "process"}
    open_process = {k: v for k, v in answers.answers.items() if k not in process}
    result = score(q, open_process, answers.profile)
    assert result.balance.quadrant in (None, "not_placed") and placed.balance.quadrant == "danger_zone"
    for res, filled, suffix in ((placed, True, False), (result, False, True)):
        spec = charts.quadrant(res).to_dict()
        (point,) = [la for la in layers(spec) if mark(la)["type"] == "point"]
        (name,) = [la for la in layers(spec) if mark(la)["type"] == "text" and "dx" in mark(la)]
        assert mark(point)["filled"] is filled
        assert (mark(point)["color"] == charts.UNPLACED) is not filled and mark(name)["color"] == mark(point)["color"]
        rows = point["data"]["values"] if "values" in point.get("data", {}) else None
        said = rows[0]["name"] if rows else ""
        assert said.endswith("(not placed yet)") is suffix, said


def _case(name: str) -> Any:
    from .test_calibration import CASES, run_case

    (path,) = [p for p in CASES if p.stem == name]
    return run_case(path)[1]


def test_the_zone_chart_draws_the_verdicts_figures_and_names_what_it_cannot_shade() -> None:
    """A browser pass found "Demand ahead, under control" in the banner beside a point drawn inside "Selling
    dreams, delivering nightmares", a point at 4 beside a headline of 12, a business's name written over the
    danger zone's, and a dashed line nobody explained."""
    care = _case("holbeck-lodge-care-home")  # demand ahead, under control; a full step weighs its pressure up
    b = care.balance
    assert b.quadrant == "demand_ahead_controlled" and b.pressure is not None and b.pressure > b.demand
    spec = charts.quadrant(care).to_dict()
    (point,) = [la for la in layers(spec) if mark(la)["type"] == "point"]
    row = point["data"]["values"][0]
    assert (row["operations"], row["demand"]) == (b.link, b.pressure)  # what the verdict weighs
    assert row["name"].endswith("\nunder control")
    assert point["encoding"]["x"]["title"] == "Weakest link, as it counts"
    assert [la for la in layers(spec) if mark(la)["type"] == "text" and "scale-ready from 60" in str(la["data"])]
    # a business in the top-left corner: the danger zone's name moves below the point, inside its zone
    rush = _case("print-on-demand-tee-shop-viral-design-backlog")
    link, pressure = rush.balance.link, rush.balance.pressure
    assert link is not None and pressure is not None and link < 30 and pressure > 85
    moved = chart_labels.quadrant_labels((link, pressure))[0]
    assert moved["y"] + 12 < pressure  # its top line well below the point's name
    assert moved["y"] - 3 * 5 > moved["x"] + 20  # three lines still above the danger zone's lower edge
    assert chart_labels.quadrant_labels()[0]["y"] == 98  # elsewhere it keeps its corner


def test_on_a_phone_the_room_heatmaps_question_names_wrap_onto_two_lines_instead_of_being_cut() -> None:
    """A facilitator's phone showed "What would stop if your m…" on every row of the room heatmap: there the names
    have about 160 px. Below a laptop's width each name is drawn on two lines (the axis's own table of lines),
    the pair centred on its row; wider, and in a report's fixed-width render, one line."""
    from readiness.workshop import Participant, aggregate

    from .test_workshop import leadership_day

    q, people = leadership_day()
    room = aggregate(q, [Participant(str(i), "Leadership", p.answers) for i, p in enumerate(people)])
    spec = charts.spec(charts.disagreement_heatmap(room, q))
    axes = [la["encoding"]["y"]["axis"] for la in layers(spec) if "y" in la.get("encoding", {})]
    axis = axes[0]
    assert all(a == axis for a in axes)
    expr = axis["labelExpr"]
    table = json.loads(expr[expr.index("{") : expr.rindex("}") + 1])
    names = [r["question"] for la in layers(spec) for r in la["data"]["values"]]
    assert set(table) == set(names) and names
    long = [n for n in table if len(n) > charts.QUESTION_WRAP]
    assert long, "the sample must hold names too long for one phone line"
    for name, lines in table.items():
        assert " ".join(lines) == name and len(lines) <= 2
        assert len(lines[0]) <= charts.QUESTION_WRAP or " " not in name
    assert f"< {charts.QUESTION_NARROW})" in expr and expr.endswith(": datum.label")
    assert "> 1 ?" in axis["labelOffset"]["expr"]  # a two-line name is centred on its row
    # two lines fit one row
    assert spec["height"]["step"] >= 2 * charts.QUESTION_LINE + 6  # and room between the names of two rows
    # the colour bar starts after the names (up to 45% of a 358 px phone column) and ends, its "100" whole, inside
    legends = [la["encoding"]["color"].get("legend") for la in layers(spec) if "color" in la.get("encoding", {})]
    bars = [legend["gradientLength"] for legend in legends if legend and "gradientLength" in legend]
    assert bars and 358 * 0.45 + max(bars) + 2 * 11 * 0.6 <= 358


def test_the_balance_charts_weakest_link_axis_ticks_every_ten_so_no_labels_run_together() -> None:
    """A browser pass read "95100" under the report's balance chart: at the report's width Vega-Lite ticked every
    five and the last two labels touched. Every ten, each label stands apart."""
    import re

    import vl_convert as vlc

    from .test_calibration import CASES, run_case

    _, result = run_case(next(p for p in CASES if p.stem.startswith("corvedale-huts")))
    svg = vlc.vegalite_to_svg(charts.quadrant(result).properties(width=620, height=360).to_json())
    x_axis = svg[svg.find("X-axis") : svg.find("Y-axis")]
    assert re.findall(r">(\d+)</text>", x_axis) == [str(v) for v in range(0, 101, 10)]


def test_a_picked_square_of_the_room_heatmap_is_written_out_with_the_whole_question() -> None:
    """The workshop page's heatmap on a phone: each row's name cut to two lines, and a tap shows no tooltip. A
    picked square is outlined (a click selection on a clear top layer) and the page writes out the dimension,
    the whole question and what that role said, or the spread; reports keep the plain chart."""
    from readiness.workshop import aggregate

    from .test_workshop import leadership_day

    q, people = leadership_day()
    room = aggregate(q, people)
    plain = charts.spec(charts.disagreement_heatmap(room, q))
    pickable = charts.spec(charts.disagreement_heatmap(room, q, pickable=True))
    assert "params" not in json.dumps(plain)
    assert charts.ROOM_PICK in json.dumps(pickable)
    rows, _, present = charts.room_cells(room, q)
    cover = next(r for r in rows if r["full"].startswith("If your most important person") and r["level"] is not None)
    said = charts.picked_room_square(room, q, [{"question": cover["question"], "role": cover["role"]}])
    assert said is not None
    assert said.startswith(f"{cover['dimension']}: {cover['full']} {cover['role']}: mean level {cover['label']}")
    spread = next(r for r in rows if r["role"] == charts.SPREAD and r["label"] != "–")
    assert f"Spread: {spread['label']} (the highest" in (
        charts.picked_room_square(room, q, [{"question": spread["question"], "role": charts.SPREAD}]) or ""
    )
    blank = next((r for r in rows if r["level"] is None and r["role"] != charts.SPREAD), None)
    assert blank is not None  # Sales / marketing left half of demand blank
    assert "no level (" in (
        charts.picked_room_square(room, q, [{"question": blank["question"], "role": blank["role"]}]) or ""
    )
    assert charts.picked_room_square(room, q, []) is None
    assert charts.picked_room_square(room, q, [{"question": "No such question", "role": present[0]}]) is None
