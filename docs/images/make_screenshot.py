"""Redraw docs/images/results.png, the README's picture of the demo's results.

Run from the repository root with the dev requirements installed and a Chromium at /usr/bin/chromium:

    .venv/bin/python docs/images/make_screenshot.py

It starts the app on a throwaway SQLite file, opens the demo as a visitor would and photographs the top
of the results page, so the picture always shows the questionnaire version and figures the app has today.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "images" / "results.png"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the app did not start at {url} within {seconds:.0f} s")


def main() -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "READINESS_DATABASE_URL": f"sqlite:///{tmp}/screenshot.sqlite3"}
        cmd = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless", "true"]
        app = subprocess.Popen([*cmd, "--server.port", str(port)], cwd=ROOT, env=env)
        try:
            _wait_until_up(url)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 1500})
                page.goto(url)
                page.get_by_role("button", name="Open the demo").click()
                page.get_by_text("Fix these first").wait_for(timeout=60_000)
                page.wait_for_function(
                    "document.querySelectorAll('.vega-embed canvas, .vega-embed svg').length >= 3", timeout=60_000
                )
                page.wait_for_timeout(1000)  # let the charts finish their first draw
                page.screenshot(path=str(OUT))
                browser.close()
        finally:
            app.terminate()
            app.wait(timeout=30)
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
