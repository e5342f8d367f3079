"""How fast the assess form answers, in a real browser, against a bare Streamlit page served the same way.

One Chromium drives two `streamlit run` servers: the app, and a bare page with
one radio and one number field (the floor any Streamlit page pays for a round
trip). Each action is timed inside the browser, from the click until the page
has run and settled (Streamlit's own "script state" goes from running back to
not running) and shows the change; the median of at least 20 actions is
compared with the bare page's.

Targets (issue 10): an answer click at most 3x the bare page's click; a typed
number confirmed by clicking elsewhere at most 3x; a step change at most 4x;
the results page, charts drawn, under 1.5 s.

    .venv/bin/python bench/form_browser.py [--clicks 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from readiness.demo import DEMO_QUESTIONNAIRE, create_demo  # noqa: E402
from readiness.loader import load_questionnaire  # noqa: E402
from readiness.storage import Store  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402
from tests.serve import streamlit_server  # noqa: E402

BARE = """import streamlit as st
choice = st.radio("Pick one", ["Alpha", "Beta"], index=None, key="pick")
number = st.number_input("A number", value=None, key="number", format="%g")
st.write(f"Picked {choice} and {'nothing' if number is None else f'{number:g}'}")
"""

#: Act on the ``index``-th match of ``selector`` (click it, or blur it after typing), then wait until the page
#: shows the server's answer (``done``, e.g. the question's "Saved" mark) and Streamlit's script state says
#: the run is over. Timed in the browser, so no round trip to the test driver is counted.
TIMED = """async ([action, selector, index, done]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const start = performance.now();
  const target = document.querySelectorAll(selector)[index];
  if (action === 'blur') { target.blur(); } else { target.click(); }
  await new Promise((resolve, reject) => {
    const give_up = start + 30000;
    function check() {
      const settled = app.getAttribute('data-test-script-state') === 'notRunning';
      if (settled && new Function(done)()) { resolve(); return; }
      if (performance.now() > give_up) { reject(new Error('the page did not show: ' + done)); return; }
      requestAnimationFrame(check);
    }
    check();
  });
  return performance.now() - start;
}"""


def settle(page: Page) -> None:
    page.wait_for_function(
        "document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') === 'notRunning'"
    )


def timed(page: Page, action: str, selector: str, done: str, index: int = 0) -> float:
    """Milliseconds from acting on the ``index``-th match of ``selector`` until the page settled and ``done``."""
    return float(page.evaluate(TIMED, [action, selector, index, done]))


def shows(scope: str, text: str) -> str:
    return f"return (document.querySelector('{scope}')?.innerText || '').includes({text!r})"


def bare_clicks(page: Page, clicks: int) -> list[float]:
    """The bare page's radio: Alpha, Beta, Alpha...; each until the page prints the new choice."""
    page.wait_for_selector("[role=radiogroup] label")
    settle(page)
    times = []
    for i in range(clicks + 1):
        label = ("Alpha", "Beta")[i % 2]
        ms = timed(page, "click", "[role=radiogroup] label", shows("[data-testid=stMain]", f"Picked {label}"), i % 2)
        if i:  # the first is a warm-up
            times.append(ms)
    return times


def bare_typed(page: Page, clicks: int) -> list[float]:
    times = []
    field = page.locator("input[type=number]")
    for i in range(clicks + 1):
        number = 3 + i % 7
        field.fill(str(number))  # typing is the person's time, not the page's
        ms = timed(page, "blur", "input[type=number]", shows("[data-testid=stMain]", f"and {number}"))
        if i:
            times.append(ms)
    return times


def answer_clicks(page: Page, clicks: int) -> list[float]:
    """Answer two questions in turn, changing each answer every time; each until its "Saved" mark shows."""
    questions = [("clear_roles", (2, 3)), ("pressure_resilience", (1, 2))]
    page.wait_for_selector(".st-key-q_pressure_resilience [role=radiogroup] label")
    settle(page)
    times = []
    for i in range(clicks + 1):
        question, options = questions[i % 2]
        scope = f".st-key-q_{question}"
        option = options[(i // 2) % 2]
        ms = timed(page, "click", f"{scope} [role=radiogroup] label", shows(scope, "✓ Saved"), option)
        if i:
            times.append(ms)
    return times


def typed_answers(page: Page, clicks: int) -> list[float]:
    """Type a number into one of two questions in turn, then click elsewhere: until its "Saved" mark shows."""
    questions = ["weeks_to_productive", "staff_turnover"]
    page.wait_for_selector(".st-key-q_staff_turnover input[type=number]")
    settle(page)
    times = []
    for i in range(clicks + 1):
        scope = f".st-key-q_{questions[i % 2]}"
        page.locator(f"{scope} input[type=number]").fill(str(3 + i % 7))
        ms = timed(page, "blur", f"{scope} input[type=number]", shows(scope, "✓ Saved"))
        if i:
            times.append(ms)
    return times


def step_changes(page: Page, clicks: int) -> list[float]:
    times = []
    for i in range(clicks + 1):
        button = "Next" if i % 2 == 0 else "Back"
        key = "assess_next" if button == "Next" else "assess_back"
        title = "Process" if button == "Next" else "Team"
        done = (
            "return [...document.querySelectorAll('h2')]"
            f".some(h => h.textContent.startsWith('Step') && h.textContent.endsWith('{title}'))"
        )
        ms = timed(page, "click", f".st-key-{key} button", done)
        if i:
            times.append(ms)
    return times


def results_loads(page: Page, url: str, loads: int) -> list[float]:
    """From clicking "Results" in the app's navigation until its four charts are drawn and the page settled."""
    times = []
    charts = "return document.querySelectorAll('.vega-embed canvas, .vega-embed svg').length >= 4"
    for i in range(loads + 1):
        page.goto(url)
        settle(page)
        ms = timed(page, "click", "[data-testid=stSidebarNav] a[href$='/results']", charts)
        if i:
            times.append(ms)
    return times


def measure(clicks: int) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp())
    bare_script = folder / "bare.py"
    bare_script.write_text(BARE)
    db_url = f"sqlite:///{folder / 'bench.sqlite3'}"
    store = Store(db_url)
    demo = create_demo(store)  # complete: the results page draws every chart
    fresh = store.create_assessment(load_questionnaire(DEMO_QUESTIONNAIRE), "Bench Bakery")  # every click a change
    with (
        streamlit_server(db_url, script=bare_script) as (bare_url, _),
        streamlit_server(db_url) as (app_url, _),
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
        page.set_default_timeout(60_000)

        page.goto(bare_url)
        settle(page)
        bare_click = bare_clicks(page, clicks)
        bare_number = bare_typed(page, clicks)

        page.goto(f"{app_url}/assess?a={fresh.resume_key}")
        settle(page)
        answer = answer_clicks(page, clicks)
        typed = typed_answers(page, clicks)
        steps = step_changes(page, clicks)
        results = results_loads(page, f"{app_url}/assess?a={demo.resume_key}", max(10, clicks // 2))
        browser.close()
    stored = store.answers(fresh.id)
    assert stored["clear_roles"].value in (2.0, 3.0) and stored["pressure_resilience"].value in (1.0, 2.0)
    assert stored["weeks_to_productive"].value is not None and stored["staff_turnover"].value is not None
    store.close()
    return {
        "bare page: radio click (baseline)": statistics.median(bare_click),
        "bare page: typed number, then click elsewhere": statistics.median(bare_number),
        "assess: answer click, stored and settled": statistics.median(answer),
        "assess: typed number, then click elsewhere": statistics.median(typed),
        "assess: step change (Next / Back)": statistics.median(steps),
        "results page, charts drawn": statistics.median(results),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=20, help="timed actions per measure (default 20)")
    args = parser.parse_args(argv)
    figures = measure(max(20, args.clicks))
    base = figures["bare page: radio click (baseline)"]
    print(f"\nThe form in a browser (median of at least {max(20, args.clicks)} actions)")
    print(f"{'measure':<48}{'ms':>9}{'x bare click':>14}")
    for name, ms in figures.items():
        print(f"{name:<48}{ms:>9.0f}{ms / base:>14.2f}")
    checks = [
        ("answer click at most 3x the bare click", figures["assess: answer click, stored and settled"] / base <= 3),
        ("typed answer at most 3x the bare click", figures["assess: typed number, then click elsewhere"] / base <= 3),
        ("step change at most 4x the bare click", figures["assess: step change (Next / Back)"] / base <= 4),
        ("results page with charts under 1.5 s", figures["results page, charts drawn"] < 1500),
    ]
    for text, ok in checks:
        print(f"target ({text}): {'met' if ok else 'MISSED'}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
