"""A real `streamlit run` server and a real headless Chromium, for the journeys a user takes.

Chromium is Debian's (`/usr/bin/chromium`, or `READINESS_CHROMIUM`); Playwright
drives it. A missing browser fails these tests with a message saying how to
install it: it is never a silent skip.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from readiness.storage import Store
from tests.serve import ServerDidNotStart, streamlit_server

# Playwright's assertions wait 5 s by default; a cold server on a busy 2-core CI
# machine can take longer to draw its first page (it imports the report stack).
expect.set_options(timeout=20_000)

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    candidates = [
        os.environ.get("READINESS_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
    ]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail(
        "No Chromium found for the browser tests. Install it (Debian/Ubuntu: `apt-get install chromium`) "
        "or point READINESS_CHROMIUM at a Chrome/Chromium binary.",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """`streamlit run streamlit_app.py` on a free port with its own database file: (address, database URL)."""
    folder = tmp_path_factory.mktemp("server")
    with fresh_server(folder) as url:
        yield url, f"sqlite:///{folder / 'browser.sqlite3'}"


@pytest.fixture(scope="session")
def server(served: tuple[str, str]) -> str:
    return served[0]


@pytest.fixture(scope="session")
def server_store(served: tuple[str, str]) -> Iterator[Store]:
    """The server's own database, opened beside it: what a person did must be in there."""
    store = Store(served[1])
    yield store
    store.close()


@contextmanager
def fresh_server(folder: Path) -> Iterator[str]:
    """A server nobody has visited yet (some behaviour depends on which page is opened first)."""
    with (folder / "server.log").open("w") as log:
        try:
            with streamlit_server(f"sqlite:///{folder / 'browser.sqlite3'}", log) as (url, _pid):
                yield url
        except ServerDidNotStart as exc:
            log.flush()
            pytest.fail(f"{exc}:\n{(folder / 'server.log').read_text()}", pytrace=False)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    path = chromium_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()


def settled(page: Page) -> None:
    """Wait until the page's script run is over: until then Streamlit still shows the previous run's elements.

    Checking a field while a rerun is half drawn can find two of it (the old one on its way out).
    """
    page.wait_for_function(
        "document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') === 'notRunning'"
    )
