"""Answer save latency through the storage API: SQLite (the baseline) against PostgreSQL.

What a person waits for on every click, minus Streamlit: one ``Store.save_answer``
(an UPDATE of the assessment and an upsert of the answer, in one transaction),
timed for first saves of an answer (an insert) and for changed answers (the
conflict path), on a SQLite file and on the PostgreSQL server named by
``READINESS_BENCH_POSTGRES_URL`` (else ``READINESS_TEST_POSTGRES_URL``), in a
scratch database created and dropped by the run.

Expected (issue 16): about 1 ms on SQLite and 4 ms on PostgreSQL on one machine.
Run: `.venv/bin/python bench/storage_save.py [--saves 300]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from readiness import load_questionnaire  # noqa: E402
from readiness.answers import Answer  # noqa: E402
from readiness.storage import Store  # noqa: E402
from tests.databases import reachable, scratch_database  # noqa: E402

QUESTIONNAIRE = ROOT / "questionnaires" / "growth-readiness.yaml"


def postgres_server() -> str | None:
    return os.environ.get("READINESS_BENCH_POSTGRES_URL") or os.environ.get("READINESS_TEST_POSTGRES_URL")


def measure(url: str, saves: int) -> dict[str, list[float]]:
    """Milliseconds per save: first saves of each scale question, then changes to them, round after round."""
    questionnaire = load_questionnaire(QUESTIONNAIRE)
    questions = [q.id for q in questionnaire.questions if q.type == "scale"]
    store = Store(url)
    timings: dict[str, list[float]] = {"first save": [], "changed answer": []}

    def timed(kind: str, assessment_id: str, answer: Answer) -> None:
        start = time.perf_counter()
        store.save_answer(assessment_id, answer)
        timings[kind].append((time.perf_counter() - start) * 1000)

    store.save_answer(store.create_assessment(questionnaire, "warm-up").id, Answer(questions[0], "value", 1.0))
    while len(timings["first save"]) < saves:
        assessment = store.create_assessment(questionnaire, "Bench").id
        for question in questions:
            timed("first save", assessment, Answer(question, "value", 1.0))
        for value in (2.0, 3.0):
            for question in questions:
                timed("changed answer", assessment, Answer(question, "value", value, "a note"))
    store.close()
    return timings


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(0.95 * len(ordered)) - 1)]


def main(argv: list[str] | None = None) -> bool:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=300, help="first saves per database (default 300)")
    args = parser.parse_args(argv)
    print("answer save latency through the storage API (ms per save)")
    with tempfile.TemporaryDirectory() as folder:
        sqlite = measure(f"sqlite:///{folder}/bench.sqlite3", args.saves)
    results = {"SQLite (baseline)": sqlite}
    server = postgres_server()
    problem = reachable(server) if server else "set READINESS_BENCH_POSTGRES_URL (or READINESS_TEST_POSTGRES_URL)"
    if problem:
        print(f"  PostgreSQL: not measured ({problem})")
    else:
        assert server is not None
        with scratch_database(server, prefix="readiness_bench") as database:
            results["PostgreSQL"] = measure(database.plain_url, args.saves)
    print(f"  {'database':<20}{'kind':<16}{'median':>8}{'p95':>8}{'x SQLite':>10}")
    for name, timings in results.items():
        for kind, values in timings.items():
            ratio = statistics.median(values) / statistics.median(sqlite[kind])
            print(f"  {name:<20}{kind:<16}{statistics.median(values):>8.2f}{p95(values):>8.2f}{ratio:>10.1f}")
    return True  # a measurement to read against the figures, not a pass/fail target


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
