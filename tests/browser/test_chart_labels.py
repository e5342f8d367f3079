"""The zone chart's words, drawn by a real browser in the app's own font at a phone's width: no name covers another.

A browser pass found a care agency's name written over "Scale-ready engine" on a phone: the placement is judged
with estimated text widths (readiness/charts.py), so it is checked here on the glyphs Chromium actually draws.
"""

from __future__ import annotations

import base64
import dataclasses
import re
from pathlib import Path

import streamlit
import vl_convert as vlc
import yaml
from playwright.sync_api import Browser

from readiness import chart_labels, charts
from tests.test_calibration import CASES, run_case

#: Streamlit's own "Source Sans", the font the app draws its charts in.
FONT = next((Path(streamlit.__file__).parent / "static" / "static" / "media").glob("SourceSansVF-Upright*.woff2"))

#: Every text mark's box, per chart: [zone and point names, as {label, left, right, top, bottom}].
MEASURE = """
() => [...document.querySelectorAll('svg')].map(svg =>
  [...svg.querySelectorAll('text[aria-roledescription="text mark"]')].map(t => {
    const r = t.getBoundingClientRect();
    return {label: t.getAttribute('aria-label') || '', left: r.left, right: r.right, top: r.top, bottom: r.bottom};
  }))
"""


def business_name(case_name: str) -> str:
    """What an owner types as the business's name: the case's name up to its description."""
    return re.split(r",| \(", case_name)[0].strip()


def test_on_a_phone_the_business_name_covers_no_zone_name(browser: Browser) -> None:
    svgs, names = [], []
    for path in CASES:
        result = run_case(path)[1]
        if result.balance.link is None or result.balance.pressure is None:
            continue
        name = business_name(yaml.safe_load(path.read_text(encoding="utf-8"))["name"])
        named = dataclasses.replace(result, business=name)
        spec = charts.static(
            charts.spec(charts.quadrant(named)), width=chart_labels.QUADRANT_PHONE_PLOT, font=charts.FONT
        )
        svgs.append(vlc.vegalite_to_svg(spec))
        names.append((path.stem, name, round(result.balance.link), round(result.balance.pressure)))
    font = base64.b64encode(FONT.read_bytes()).decode()
    page = browser.new_page()
    page.set_content(
        f"<style>@font-face {{font-family: 'Source Sans'; src: url(data:font/woff2;base64,{font});}}</style>"
        + "".join(f"<div>{svg}</div>" for svg in svgs)
    )
    page.evaluate("document.fonts.ready")
    drawn = page.evaluate(MEASURE)
    page.close()
    assert len(drawn) == len(svgs)
    covered = []
    for (slug, name, link, pressure), marks in zip(names, drawn, strict=True):
        (point,) = [m for m in marks if m["label"].startswith("Weakest link, as it counts:")]
        zones = [m for m in marks if m["label"].startswith("x: ") and "scale-ready from" not in m["label"]]
        assert len(zones) == 4, slug
        for zone in zones:
            across = min(point["right"], zone["right"]) - max(point["left"], zone["left"])
            down = min(point["bottom"], zone["bottom"]) - max(point["top"], zone["top"])
            if across > 1 and down > 1:
                covered.append((slug, name, (link, pressure), zone["label"]))
    assert not covered, "\n".join(f"{c[0]} {c[1]!r} at {c[2]}: over {c[3].split('text: ')[-1]!r}" for c in covered)


#: How far each chart's words reach out of its own box, per chart: negative is cut off at the left or right.
OVERHANG = """
() => [...document.querySelectorAll('.chart svg')].filter(s => s.getBoundingClientRect().width > 0).map(svg => {
  const box = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect()).filter(r => r.width > 0);
  return Math.min(...texts.map(r => r.left - box.left), ...texts.map(r => box.right - r.right));
})
"""


def test_the_reports_chart_words_stay_inside_their_charts_in_a_browser(browser: Browser) -> None:
    """A phone's look at the workshop report: its question names ran off the heatmap's left edge ("t would stop if
    your most important person…"). vl-convert lays words out by Arial's widths; a browser without the app's font
    fell back to a wider one (DejaVu Sans here). Reports now name Arial's widths first (charts.STATIC_FONT); each
    chart of both reports is drawn by Chromium, at a laptop's and a phone's width, with every word inside it."""
    from readiness import load_answers, load_questionnaire, score
    from readiness.demo import DEMO_ANSWERS, DEMO_QUESTIONNAIRE
    from readiness.report import render
    from readiness.workshop import aggregate
    from readiness.workshop_report import render_workshop
    from tests.test_workshop import leadership_day

    q = load_questionnaire(DEMO_QUESTIONNAIRE)
    answers = load_answers(q, DEMO_ANSWERS)[0]
    assessment = render("html", q, score(q, answers), answers).decode()
    room_q, people = leadership_day()
    room = render_workshop(
        "html", room_q, aggregate(room_q, people), people, workshop_name="Leadership day", business="Frost & Co",
        anonymous=True, consensus_answers={},
    ).decode()  # fmt: skip
    assert "Source Sans" not in assessment + room
    for width in (1280, 390):
        page = browser.new_page(viewport={"width": width, "height": 900})
        try:
            for html in (assessment, room):
                page.set_content(html)
                overhang = page.evaluate(OVERHANG)
                assert len(overhang) >= 2 and min(overhang) >= 0, (width, overhang)
                if width == 390:  # each chart drawn for a phone: its words at four fifths of their size or more
                    assert min(page.evaluate(SCALE)) >= 0.8, page.evaluate(SCALE)
                    # and inside the screen: a chart too wide, not scaled down, would pass the scale alone
                    assert page.evaluate(OUTSIDE) == [], page.evaluate(OUTSIDE)
        finally:
            page.close()


#: The scale each visible chart is shown at: its width on screen over the width it was drawn for. The workshop
#: report's wide charts, scaled down to a phone, set their words at three or four pixels (a scale under 0.4).
SCALE = """
() => [...document.querySelectorAll('.chart svg')]
  .map(s => [s.getBoundingClientRect().width, Number(s.getAttribute('width'))])
  .filter(([seen]) => seen > 0).map(([seen, drawn]) => seen / drawn)
"""

#: The visible charts reaching past the screen's right edge (their right edge, in pixels).
OUTSIDE = """
() => [...document.querySelectorAll('.chart svg')].map(s => s.getBoundingClientRect())
  .filter(r => r.width > 0 && r.right > window.innerWidth + 1).map(r => r.right)
"""
