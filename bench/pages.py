"""Server-side rerun time of the app's pages, measured with AppTest.

Each page is rerun at least 20 times; the median is compared with a bare
one-line Streamlit page measured in the same run (target: under 10x).

Also a visitor's first results page: "Open the demo" gives every visitor a fresh copy of the demo,
so each of them loads a results page nobody has opened before (printed beside the reruns, no target:
it builds what a rerun finds in the caches).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = 'import streamlit as st\nst.write("hello")\n'


def _median_rerun_ms(at, runs: int) -> float:
    at.run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    return statistics.median(times)


def measure(runs: int = 30) -> list[tuple[str, float]]:
    folder = tempfile.mkdtemp()
    os.environ["READINESS_DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from readiness.demo import create_demo
    from readiness.storage import Store

    st.cache_resource.clear()
    demo = create_demo(Store(os.environ["READINESS_DATABASE_URL"]))
    app = str(ROOT / "streamlit_app.py")

    bare_file = Path(folder) / "bare.py"
    bare_file.write_text(BARE)
    bare = _median_rerun_ms(AppTest.from_file(str(bare_file), default_timeout=60), runs)

    assess = AppTest.from_file(app, default_timeout=60)
    assess.query_params["a"] = demo.resume_key
    assess.run()
    assess.switch_page("pages/assess.py")
    assess_ms = _median_rerun_ms(assess, runs)

    results = AppTest.from_file(app, default_timeout=60)
    results.query_params["a"] = demo.resume_key
    results.run()
    results.switch_page("pages/results.py")
    results_ms = _median_rerun_ms(results, runs)
    first_ms = _median_first_load_ms(app, Store(os.environ["READINESS_DATABASE_URL"]), runs)
    return [
        ("bare one-line page (baseline)", bare),
        ("assess page, one step", assess_ms),
        ("results page", results_ms),
        ("results page, a new demo's first", first_ms),
    ]


def _median_first_load_ms(app: str, store, runs: int) -> float:  # type: ignore[no-untyped-def]
    """A new visitor's first results page, on a fresh copy of the demo (as "Open the demo" makes one)."""
    from streamlit.testing.v1 import AppTest

    from readiness.demo import create_demo

    times = []
    for _ in range(runs):
        visitor = AppTest.from_file(app, default_timeout=60)
        visitor.query_params["a"] = create_demo(store).resume_key
        visitor.run()
        start = time.perf_counter()
        visitor.switch_page("pages/results.py").run()
        times.append((time.perf_counter() - start) * 1000)
        assert not visitor.exception, visitor.exception
    return statistics.median(times)


def main(runs: int = 30) -> bool:
    rows = measure(runs)
    bare = rows[0][1]
    print(f"\nPage reruns (AppTest, median of {runs})")
    print(f"{'page':<34}{'ms':>9}{'x bare page':>15}")
    for name, ms in rows:
        print(f"{name:<34}{ms:>9.2f}{ms / bare:>15.2f}")
    ok = all(ms / bare < 10 for _, ms in rows[1:3])
    print(f"target (each page under 10x the bare page): {'met' if ok else 'MISSED'}")
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
