"""Report rendering time for the default questionnaire, fully answered (the demo).

Targets: HTML under 1 s and PDF under 3 s on this 2-core machine; the PDF's
time is also shown as a ratio to the HTML's, measured in the same run.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from readiness import load_answers, load_questionnaire, score  # noqa: E402
from readiness.demo import DEMO_ANSWERS, DEMO_QUESTIONNAIRE  # noqa: E402
from readiness.report import render  # noqa: E402


def _median_s(func: Callable[[], object], runs: int) -> float:
    func()  # warm: imports, fonts, templates
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(runs: int = 5) -> bool:
    q = load_questionnaire(DEMO_QUESTIONNAIRE)
    answers, _ = load_answers(q, DEMO_ANSWERS)
    result = score(q, answers)
    html = _median_s(lambda: render("html", q, result, answers), runs)
    pdf = _median_s(lambda: render("pdf", q, result, answers), runs)
    data = {fmt: _median_s(lambda f=fmt: render(f, q, result, answers), runs) for fmt in ("csv", "xlsx", "json")}
    print(f"\nReports (demo, {len(q.questions)} questions, median of {runs})")
    print(f"{'format':<34}{'s':>9}{'x HTML':>15}")
    for name, seconds in [
        ("HTML (charts drawn to SVG)", html),
        ("PDF (same HTML, WeasyPrint)", pdf),
        *((k.upper(), v) for k, v in data.items()),
    ]:
        print(f"{name:<34}{seconds:>9.3f}{seconds / html:>15.2f}")
    ok = html < 1 and pdf < 3
    print(f"target (HTML < 1 s, PDF < 3 s): {'met' if ok else 'MISSED'}")
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
