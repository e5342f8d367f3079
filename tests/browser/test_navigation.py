"""The first visitor after a server start sees the app's own navigation, and never Streamlit's file list.

With a ``pages/`` directory, Streamlit runs a fresh server's first script run in its legacy multipage
mode, which draws one sidebar link per file ("streamlit app", "share", "room", ...) until the app's
``st.navigation`` replaces them; that list stood in the sidebar for about a second.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import fresh_server, settled

pytestmark = pytest.mark.browser

#: Installed before the page's own scripts: every sidebar navigation link that is ever in the page,
#: however briefly, with its label and address (a MutationObserver runs before the next paint).
LINKS = """
return [...document.querySelectorAll('a[data-testid=stSidebarNavLink]')].map((a) => [
  a.querySelector('span[label]')?.getAttribute('label') ?? a.innerText.trim(), new URL(a.href).pathname,
]);
"""
RECORD_LINKS = f"""
window.__navLinks = [];
const links = () => {{ {LINKS} }};
new MutationObserver(() => window.__navLinks.push(...links()))
  .observe(document, {{subtree: true, childList: true, characterData: true, attributes: true}});
"""


@pytest.mark.parametrize("entry", ["/", "/join?j=NOSUCH"], ids=["start page", "join link from a QR code"])
def test_the_first_paint_after_a_server_start_shows_only_the_apps_navigation(
    browser: Browser, tmp_path: Path, entry: str
) -> None:
    with fresh_server(tmp_path) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.add_init_script(RECORD_LINKS)
        page.goto(url + entry)
        expect(page.get_by_role("link", name="Run a workshop")).to_be_visible()  # the app's navigation is up
        settled(page)
        seen = {(label, path) for label, path in page.evaluate("window.__navLinks")}
        shown = {(label, path) for label, path in page.evaluate(f"(() => {{ {LINKS} }})()")}
        assert ("Run a workshop", "/workshop") in shown and ("Start", "/") in shown
        assert seen <= shown, f"links drawn before the app's navigation: {sorted(seen - shown)}"
        context.close()


@pytest.mark.parametrize("address", ["/home", "/start"])
def test_the_start_pages_old_address_opens_the_start_page(page: Page, server: str, address: str) -> None:
    """/home and /start, typed by hand or kept from an old link (the start page's addresses before it became the
    default), open the start page at its own address with no "Page not found" box: Streamlit serves the default
    page at / only, and once the app had been opened, each drew that box over the start page (browser passes)."""
    page.goto(server + "/assess")
    settled(page)
    page.goto(server + address)
    expect(page.get_by_role("button", name="Open the demo")).to_be_visible()
    settled(page)
    page.wait_for_timeout(1500)  # the box came a moment after the page
    assert page.get_by_text("Page not found").count() == 0
    assert page.url.rstrip("/") == server.rstrip("/")  # the address is the start page's own
