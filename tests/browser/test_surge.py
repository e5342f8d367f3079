"""The surge page on a phone and a laptop, in real Chromium: the verdict, the figures, nothing cut off."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}

#: Elements whose text Streamlit shortens with an ellipsis when it does not fit.
CUT_OFF = """
() => {
  const found = [];
  for (const el of document.querySelectorAll('[data-testid="stMetricValue"] *, [data-testid="stMetricLabel"] *')) {
    if (el.children.length === 0 && el.scrollWidth > el.clientWidth + 1) found.push(el.textContent);
  }
  return found;
}
"""
#: How far the page, or Streamlit's own scrolling container, reaches past the screen's right edge.
PAGE_WIDER_THAN_SCREEN = """
() => {
  const main = document.querySelector('[data-testid="stMain"]') || document.documentElement;
  return Math.max(
    document.documentElement.scrollWidth - document.documentElement.clientWidth,
    main.scrollWidth - main.clientWidth,
  );
}
"""
#: Table cells whose text does not fit and is hidden rather than wrapped.
HIDDEN_CELLS = """
() => [...document.querySelectorAll('[data-testid="stTable"] td, [data-testid="stTable"] th')]
  .filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent)
"""


def open_demo_surge(page: Page, server: str) -> None:
    page.goto(server)
    page.get_by_role("button", name="Open the demo").click()
    expect(page.get_by_text("Fix these first")).to_be_visible()
    assessment = re.search(r"[?&]a=([^&]+)", page.url)
    assert assessment, page.url
    page.goto(f"{server}/surge?a={assessment.group(1)}")
    expect(page.get_by_role("heading", name="Surge test: National TV spot")).to_be_visible()


def charts_drawn(page: Page, at_least: int) -> None:
    page.wait_for_function(
        f"document.querySelectorAll('.vega-embed canvas, .vega-embed svg').length >= {at_least}", timeout=30_000
    )


def nothing_cut_off(page: Page, name: str) -> None:
    page.wait_for_timeout(600)  # let the layout settle after the last rerun
    width = page.viewport_size["width"] if page.viewport_size else 0
    assert page.evaluate(CUT_OFF) == [], f"{name}: text cut off"
    assert page.evaluate(PAGE_WIDER_THAN_SCREEN) <= 0, f"{name}: the page scrolls sideways"
    assert page.evaluate(HIDDEN_CELLS) == [], f"{name}: table text hidden"
    for table in page.get_by_test_id("stTable").all():
        shape = table.bounding_box()
        assert shape is None or shape["x"] + shape["width"] <= width + 1, f"{name}: a table is wider than the screen"
    for box in page.locator(".vega-embed").all():
        shape = box.bounding_box()
        assert shape is None or shape["x"] + shape["width"] <= width + 1, f"{name}: a chart is wider than the screen"


def tall_screenshot(page: Page, name: str) -> None:
    """The whole page at the phone's width: Streamlit scrolls its own container, not the document,
    so a full-page screenshot would show one screen; a tall window of the same width shows it all."""
    width = page.viewport_size["width"] if page.viewport_size else PHONE["width"]
    page.set_viewport_size({"width": width, "height": 5200})
    page.wait_for_timeout(800)
    page.screenshot(path=str(ARTIFACTS / name))
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(300)


def test_the_surge_page_reads_whole_on_a_phone(server: str, browser: Browser) -> None:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    context.set_default_timeout(30_000)
    page = context.new_page()
    open_demo_surge(page, server)
    verdict = page.get_by_text(re.compile(r"^Loses [\d,]+ of [\d,]+ orders"))
    expect(verdict).to_be_visible()
    lines = verdict.inner_text().strip().splitlines()
    assert 1 <= len(lines) <= 3, lines
    expect(page.get_by_test_id("stMetricValue").nth(2)).to_have_text("Production")  # first to run short
    expect(page.get_by_test_id("stMetricValue").nth(1)).to_have_text(re.compile(r"^\$[\d,]+$"))
    charts_drawn(page, 6)
    nothing_cut_off(page, "tv spot")
    # the what-if and sensitivity tables scroll sideways on a phone: a line says so there (a browser pass found
    # their last columns cut at the screen's edge with nothing to say more was there)
    expect(page.get_by_text("swipe it sideways for what each change saves")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    tall_screenshot(page, "surge-phone.png")

    # a shortfall, picked as a person would: open the list, choose, read
    page.get_by_label("Scenario").click()
    page.get_by_role("option", name="Padded forecast").click()
    expect(page.get_by_role("heading", name="Shortfall test: Padded forecast")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Builds [\d,]+ orders' worth of stock nobody ordered"))).to_be_visible()
    charts_drawn(page, 4)
    nothing_cut_off(page, "padded forecast")
    tall_screenshot(page, "surge-phone-shortfall.png")
    context.close()


def test_the_surge_page_on_a_laptop(server: str, page: Page) -> None:
    open_demo_surge(page, server)
    expect(page.get_by_role("heading", name=re.compile(r"^Fix first: "))).to_be_visible()
    charts_drawn(page, 6)
    nothing_cut_off(page, "laptop")
    expect(page.get_by_text("swipe it sideways for what each change saves")).to_be_hidden()  # a phone's hint only
    page.locator("summary", has_text="Inputs and assumptions").click()
    expect(page.get_by_text(re.compile(r"^⚑ "))).not_to_have_count(0)
    page.set_viewport_size({"width": 1280, "height": 4200})
    page.wait_for_timeout(800)
    page.screenshot(path=str(ARTIFACTS / "surge-laptop.png"))


def test_a_refused_input_is_said_beside_the_button_and_the_form_stays_open(server: str, page: Page) -> None:
    """A browser pass typed a gross margin of 150 and -50 orders a day: the field turned red with the reason in a
    tooltip, the button then submitted nothing and nothing was said where the user was looking; and after some runs
    the form folded shut under the user (its label counted the assumptions, and a new label is a new expander).
    Typed as a person would, the refusal is said beside the button, the last run stands, and a good value runs."""
    open_demo_surge(page, server)
    verdict = page.get_by_text(re.compile(r"^Loses [\d,]+ of [\d,]+ orders"))
    expect(verdict).to_be_visible()
    before = verdict.inner_text()
    page.locator("summary", has_text="Inputs and assumptions").click()
    margin = page.get_by_role("spinbutton", name="Gross margin (% of the price)")
    margin.fill("150")
    margin.press("Tab")
    page.get_by_role("button", name="Run with these inputs").click()
    refusal = page.get_by_text("Not run: Gross margin is a percentage: at most 100, not 150. The last inputs are kept.")
    expect(refusal).to_be_visible()
    expect(verdict).to_have_text(before)  # the last run stands
    ARTIFACTS.mkdir(exist_ok=True)
    refusal.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "surge-refused.png"))
    margin.fill("60")
    margin.press("Tab")
    orders = page.get_by_role("spinbutton", name=re.compile(r"^(⚑ )?Normal orders per day"))
    orders.fill("200")
    orders.press("Tab")
    page.get_by_role("button", name="Run with these inputs").click()
    expect(refusal).to_have_count(0)
    expect(verdict).not_to_have_text(before)  # a real edit: the run changed
    expect(page.get_by_role("button", name="Run with these inputs")).to_be_visible()  # the form is still open
