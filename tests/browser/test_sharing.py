"""Sharing in a real browser: a share link for a stranger, revoking it, and the HTML file offline."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser


def open_demo(server: str, page: Page) -> None:
    page.goto(server)
    page.get_by_role("button", name="Open the demo").click()
    expect(page.get_by_text("Fix these first")).to_be_visible()


def test_share_link_shows_the_report_to_a_stranger_until_revoked(server: str, page: Page, browser: Browser) -> None:
    open_demo(server, page)
    page.get_by_role("button", name="Create share link").click()
    expect(page.get_by_text("Share link created")).to_be_visible()
    link = page.locator("code").filter(has_text="?t=").inner_text().replace("\n", "").strip()

    stranger = browser.new_context(viewport={"width": 1100, "height": 1400})
    view = stranger.new_page()
    view.goto(link)
    expect(view.get_by_role("heading", name="Executive summary")).to_be_visible(timeout=30_000)
    # four charts shown; the bars, the zones and the heatmap are there twice, the phone's drawing hidden here
    charts = view.locator(".rr img[alt=chart]:visible")
    expect(charts).to_have_count(4)
    expect(view.locator(".rr img[alt=chart]")).to_have_count(7)
    view.wait_for_function(
        "[...document.querySelectorAll('.rr img[alt=chart]')].every(i => i.complete && i.naturalWidth > 100)"
    )
    expect(view.get_by_role("button", name="Create share link")).to_have_count(0)  # read-only
    expect(view.get_by_text("Change answers")).to_have_count(0)

    page.get_by_role("button", name="Revoke").click()
    expect(page.get_by_text("revoked", exact=False).first).to_be_visible()
    view.reload()
    expect(view.get_by_text("This share link has been revoked")).to_be_visible(timeout=30_000)
    expect(view.get_by_text("Executive summary")).to_have_count(0)
    stranger.close()


def test_downloaded_html_report_draws_its_charts_offline(server: str, page: Page, browser: Browser) -> None:
    open_demo(server, page)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="HTML report").click()
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "report.html"
    download.value.save_as(path)

    offline = browser.new_context(offline=True, viewport={"width": 1000, "height": 1600})
    requests: list[str] = []
    offline.on("request", lambda request: requests.append(request.url))
    report = offline.new_page()
    report.goto(path.as_uri())
    expect(report.get_by_role("heading", name="Executive summary")).to_be_visible()
    boxes = [report.locator("svg").nth(i).bounding_box() for i in range(report.locator("svg").count())]
    drawn = [b for b in boxes if b and b["width"] > 200 and b["height"] > 100]
    assert len(drawn) >= 4
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    report.screenshot(path=str(ARTIFACTS / "report-offline.png"), full_page=True)
    offline.close()

    # On a phone the same file draws each wide chart again at a phone's width: scaled down to fit, the wide ones
    # set their labels at five or six pixels (a phone's look at the report).
    def shown(width: int) -> list[float]:
        """The scale each visible chart is drawn at (its width on screen over the width it was drawn for)."""
        context = browser.new_context(offline=True, viewport={"width": width, "height": 900})
        try:
            page = context.new_page()
            page.goto(path.as_uri())
            expect(page.get_by_role("heading", name="Executive summary")).to_be_visible()
            return page.evaluate(
                """() => [...document.querySelectorAll('.chart svg')]
                    .map(s => [s.getBoundingClientRect().width, Number(s.getAttribute('width'))])
                    .filter(([seen]) => seen > 0).map(([seen, drawn]) => seen / drawn)"""
            )
        finally:
            context.close()

    phone, laptop = shown(390), shown(1280)
    assert len(phone) == len(laptop) >= 4  # each chart once, whichever the screen
    assert min(phone) >= 0.8, phone  # labels at four fifths of their size or more (the wide ones: under half)
    assert min(laptop) >= 0.75, laptop  # the radial and the zones side by side, as the printed page has them


def test_downloads_a_two_page_pdf_the_full_one_and_the_tables(server: str, page: Page) -> None:
    """The results page's download row as a user presses it: a two-page PDF summary, the full PDF,
    one CSV per table in a zip, and an Excel file whose scores are numbers."""
    import io
    import zipfile
    from pathlib import Path

    from openpyxl import load_workbook
    from pypdf import PdfReader

    open_demo(server, page)

    def fetch(button: str) -> tuple[str, bytes]:
        with page.expect_download(timeout=90_000) as download:
            page.get_by_role("button", name=button).click()
        return download.value.suggested_filename, Path(download.value.path()).read_bytes()

    name, summary = fetch("PDF summary (2 pages)")
    assert name.endswith(".pdf") and len(PdfReader(io.BytesIO(summary)).pages) == 2
    name, full = fetch("PDF full report")
    assert name.endswith("-full.pdf") and len(PdfReader(io.BytesIO(full)).pages) > 10
    name, tables = fetch("CSV tables (zip)")
    assert name.endswith(".csv.zip")
    with zipfile.ZipFile(io.BytesIO(tables)) as archive:
        assert archive.namelist() == [
            "summary.csv",
            "scores.csv",
            "areas.csv",
            "findings.csv",
            "actions.csv",
            "answers.csv",
        ]
        assert "Frost & Co Ice Cream (demo)" in archive.read("summary.csv").decode("utf-8-sig")
    name, excel = fetch("Excel")
    scores = load_workbook(io.BytesIO(excel))["Scores"]
    assert all(isinstance(row[2], int | float) for row in scores.iter_rows(min_row=2, values_only=True))
