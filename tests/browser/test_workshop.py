"""A workshop in a real browser: a facilitator and three participants on their own devices."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .conftest import ARTIFACTS, fresh_server

pytestmark = pytest.mark.browser

Q_COVER = "If your most important person (you included) were suddenly away for two weeks"


def test_facilitator_sees_progress_live_reveals_and_records_consensus(
    server: str, page: Page, browser: Browser
) -> None:
    page.goto(server)
    page.get_by_role("link", name="Run a workshop").click()  # from the app's own navigation
    page.get_by_label("Workshop name").fill("Leadership day")
    page.get_by_label("Business").fill("Frost & Co")
    page.get_by_role("button", name="Create workshop").click()
    expect(page.get_by_text("Join code:")).to_be_visible()
    expect(page.get_by_text("0 joined")).to_be_visible()
    facilitator_url = page.url
    join_url = page.locator("code").filter(has_text="/join?j=").inner_text().replace("\n", "").strip()

    people = []
    for role, level in (
        ("Sales / marketing", "Proven under pressure"),
        ("Operations / production", "Not in place"),
        ("Finance", "Partly in place"),
    ):
        context = browser.new_context(viewport={"width": 390, "height": 900})
        phone = context.new_page()
        phone.set_default_timeout(30_000)
        phone.goto(join_url)
        phone.get_by_text(role, exact=True).click()
        phone.get_by_role("button", name="Join and start answering").click()
        expect(phone.get_by_role("heading", name="Team")).to_be_visible()
        phone.get_by_role("radiogroup", name=re.compile(re.escape(Q_COVER))).get_by_text(level, exact=True).click()
        expect(phone.get_by_text(re.compile(r"^1 of \d+ questions answered"))).to_be_visible()
        people.append((context, phone))

    # the facilitator's page was never reloaded: the fragment refreshed it
    expect(page.get_by_text("3 joined")).to_be_visible(timeout=15_000)

    # a participant cannot get into the facilitator view
    sales_phone = people[0][1]
    sales_phone.goto(f"{server}/workshop?w={sales_phone.url.split('a=', 1)[1]}")
    expect(sales_phone.get_by_text("does not open any workshop")).to_be_visible()

    page.get_by_role("button", name="Reveal the answers").click()
    page.get_by_role("button", name="Yes, reveal the answers").click()  # asked once more: it freezes the answers
    expect(page.get_by_role("heading", name="What the room says")).to_be_visible()
    page.wait_for_function("document.querySelectorAll('.vega-embed canvas, .vega-embed svg').length >= 2")
    first = page.get_by_text(re.compile(r"^1\. If your most important person"))
    expect(first).to_be_visible()
    consensus = page.get_by_role("radiogroup", name=re.compile(re.escape(Q_COVER)))
    consensus.get_by_text("Ad hoc", exact=True).click()
    expect(page.get_by_text("✓ Saved")).to_be_visible()  # the inline mark: stored in the consensus

    # the workshop report, as sent to the client: the room, the disputed question, what was agreed
    with page.expect_download() as download:
        page.get_by_role("button", name="HTML report").click()
    report = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Frost &amp; Co" in report and "Leadership day" in report
    assert "agreed: Ad hoc" in report and report.count("<svg") >= 2
    assert "<script" not in report
    expect(page.get_by_role("link", name="Run a workshop")).to_be_visible(timeout=20_000)  # the app's navigation
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "workshop-facilitator.png"), full_page=True)
    assert page.url == facilitator_url

    # The facilitator on a phone: a row's name is cut to two lines and a tap shows no tooltip, so a tapped
    # square of the heatmap is written out under it, the whole question with what that role said.
    phone_context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    phone_context.set_default_timeout(30_000)
    try:
        phone = phone_context.new_page()
        phone.goto(facilitator_url)
        expect(phone.get_by_role("heading", name="What the room says")).to_be_visible()
        phone.wait_for_function("document.querySelectorAll('.vega-embed canvas, .vega-embed svg').length >= 2")
        heatmap = phone.locator(".stVegaLiteChart").filter(has=phone.locator("[aria-label*='Where the roles']"))
        heatmap.scroll_into_view_if_needed()
        phone.wait_for_timeout(500)
        box = heatmap.bounding_box()
        assert box is not None
        said = phone.get_by_text(re.compile(r"^Team: If your most important person .*: mean level \d+ \(0–100\)\.$"))
        # The squares are drawn on a canvas, with no element each: the one row answered (the key-person question)
        # sits right of the names, below the angled role headers; tap down that band until a tap lands on one.
        for down in (0.5, 0.55, 0.45, 0.6, 0.4, 0.65, 0.35, 0.7, 0.3, 0.25):
            for across in (0.62, 0.75):
                phone.touchscreen.tap(box["x"] + box["width"] * across, box["y"] + box["height"] * down)
                try:
                    said.wait_for(timeout=2_000)
                    break
                except PlaywrightTimeout:
                    continue
            else:
                continue
            break
        phone.screenshot(path=str(ARTIFACTS / "workshop-heatmap-tapped-phone.png"))
        expect(said).to_be_visible()
    finally:
        phone_context.close()
    for context, _ in people:
        context.close()


def test_a_join_link_opened_first_on_a_fresh_server_gets_the_apps_own_navigation(
    browser: Browser, tmp_path: Path
) -> None:
    """The QR code is often the first thing anyone opens after the server starts."""
    with fresh_server(tmp_path) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        phone = context.new_page()
        phone.set_default_timeout(30_000)
        phone.goto(f"{url}/join?j=NOSUCH")
        expect(phone.get_by_text("No workshop has that code")).to_be_visible()
        # the app's navigation (titles from streamlit_app.py), not Streamlit's file-name list
        expect(phone.get_by_role("link", name="Run a workshop")).to_be_visible()
        expect(phone.get_by_role("link", name="Join a workshop")).to_be_visible()
        assert phone.title() == "Readiness"  # streamlit_app.py's page config ran
        context.close()
