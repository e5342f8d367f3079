"""Offline: nothing the app draws comes from the internet.

The browser may only talk to the app's own server. Every other request is
blocked and counted, and so is every request that fails, on every page:
opened directly (a deep link, as a bookmark or a resume link opens it) and
reached by clicking, on a laptop and on a phone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, Route, expect

pytestmark = pytest.mark.browser

#: Every page of the app's navigation, as its own address.
PAGES = ["/", "/home", "/assess", "/results", "/surge", "/workshop", "/join", "/room"]
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


@dataclass
class Traffic:
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return [f"blocked (not loopback): {u}" for u in self.blocked] + [f"failed: {u}" for u in self.failed]


def watched(context: BrowserContext) -> Traffic:
    traffic = Traffic()

    def route(route: Route) -> None:
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlsplit(url).hostname in LOOPBACK:
            route.continue_()
        else:
            traffic.blocked.append(url)
            route.abort("blockedbyclient")

    def failed(request: Request) -> None:
        # ERR_ABORTED is a request the browser cancelled itself (the page moved on while a
        # script chunk was still loading), not one the server failed.
        if request.url not in traffic.blocked and request.failure != "net::ERR_ABORTED":
            traffic.failed.append(f"{request.url} ({request.failure})")

    context.route("**/*", route)
    context.on("requestfailed", failed)
    return traffic


def settled(page: Page) -> None:
    """The page is drawn and has had time for what it loads late (icons, fonts, charts)."""
    expect(
        page.locator("[data-testid='stSidebarNav'], [data-testid='stSidebarCollapsedControl']").first
    ).to_be_attached()
    expect(page.locator("[data-testid='stStatusWidget']")).to_have_count(0, timeout=30_000)
    page.wait_for_timeout(1_500)  # not "networkidle": a page that refreshes itself is never idle


@pytest.fixture(params=[{"width": 1280, "height": 900}, {"width": 390, "height": 844}], ids=["laptop", "phone"])
def offline(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[Page, Traffic]]:
    context = browser.new_context(viewport=request.param)
    context.set_default_timeout(30_000)
    traffic = watched(context)
    yield context.new_page(), traffic
    context.close()


def test_every_page_opened_directly_stays_offline_and_finds_everything(
    server: str, offline: tuple[Page, Traffic]
) -> None:
    page, traffic = offline
    for path in PAGES:
        page.goto(server + path)
        settled(page)
        icons = page.eval_on_selector_all("link[rel*=icon]", "links => links.map(link => link.href)")
        assert icons and all(urlsplit(icon).hostname in LOOPBACK for icon in icons), icons  # the app's own icon
    assert traffic.problems() == [], "\n".join(traffic.problems())


def test_the_demo_results_with_charts_stay_offline(server: str, offline: tuple[Page, Traffic]) -> None:
    """The results page draws the charts, the icons and the report preview: the most it ever loads."""
    page, traffic = offline
    page.goto(server)
    settled(page)
    page.get_by_role("button", name="Open the demo").click()
    page.wait_for_function("document.querySelectorAll('.vega-embed canvas, .vega-embed svg').length >= 4")
    settled(page)
    page.reload()  # the results page as a deep link, with its resume key
    page.wait_for_function("document.querySelectorAll('.vega-embed canvas, .vega-embed svg').length >= 4")
    settled(page)
    assert traffic.problems() == []
