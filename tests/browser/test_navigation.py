"""The first visitor after a server start sees the app's own navigation, and never Streamlit's file list.

With a ``pages/`` directory, Streamlit runs a fresh server's first script run in its legacy multipage
mode, which draws one sidebar link per file ("streamlit app", "share", "room", ...) until the app's
``st.navigation`` replaces them; that list stood in the sidebar for about a second.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

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
