"""Workshop load through nginx on PostgreSQL (deploy/): one server behind the proxy against two.

The 30 websocket participants of bench/workshop_load.py, all clicking as fast as
the server answers (the burst), now through the shipped nginx configuration to
`streamlit run` servers on one PostgreSQL database: first one server behind the
proxy, then two. Rounds alternate (one, two, one, two, ...) so a machine that
gets busier during the run does not favour either.

The burst is CPU-bound in Streamlit (each answer reruns the page), so a second
server on a second core should show it. Target (issue 16): the burst's p95
answer-to-save with two servers at most 0.6x that with one.
Run: `.venv/bin/python bench/proxy_load.py [--participants 30] [--rounds 2]`
(needs nginx and READINESS_BENCH_POSTGRES_URL or READINESS_TEST_POSTGRES_URL).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.workshop_load import Deployment, run  # noqa: E402
from tests.databases import ScratchDatabase, reachable, scratch_database  # noqa: E402
from tests.deployment import cluster, nginx_binary  # noqa: E402

TARGET = 0.6


def behind_proxy(servers: int, database: ScratchDatabase) -> Deployment:
    @contextlib.contextmanager
    def deploy() -> Iterator[tuple[str, list[int], str]]:
        url, schema = database.schema_url("load")
        try:
            with cluster(url, servers) as group:
                yield group.proxy, group.pids, url
        finally:
            database.drop_schema(schema)

    return deploy


def line(name: str, r: dict[str, Any]) -> str:
    stored = "" if r["stored"] == r["answers"] else f", ONLY {r['stored']} STORED"
    return (
        f"  {name:<14} p95 {r['p95']:.3f} s, median {r['median']:.3f} s, max {r['max']:.3f} s;"
        f" all answered in {r['wall']:.1f} s; servers' CPU {r['server_cpu']:.1f} s; {r['answers']} answers{stored}"
    )


def main(argv: list[str] | None = None) -> bool:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=2, help="rounds of (one server, two servers); default 2")
    args = parser.parse_args(argv)
    print("workshop burst through nginx on PostgreSQL: one server behind the proxy against two")
    server = os.environ.get("READINESS_BENCH_POSTGRES_URL") or os.environ.get("READINESS_TEST_POSTGRES_URL")
    problem = None if server else "set READINESS_BENCH_POSTGRES_URL (or READINESS_TEST_POSTGRES_URL)"
    problem = problem or (reachable(server) if server else None)
    if nginx_binary() is None:
        problem = "nginx is not installed (apt-get install nginx)"
    if problem:
        print(f"  not measured: {problem}")
        return True
    assert server is not None
    results: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
    problems: list[str] = []
    with scratch_database(server, prefix="readiness_bench") as database:
        alone = asyncio.run(run(1, 0.0, behind_proxy(1, database)))
        print(f"  baseline: one person alone through the proxy, answer -> saved in {alone['median']:.3f} s (median)")
        for round_ in range(args.rounds):
            for servers in (1, 2):
                result = asyncio.run(run(args.participants, 0.0, behind_proxy(servers, database)))
                results[servers].append(result)
                problems += result["problems"]
                name = f"{servers} server{'s' if servers > 1 else ''} #{round_ + 1}"
                print(line(name, result))
    one = statistics.median(r["p95"] for r in results[1])
    two = statistics.median(r["p95"] for r in results[2])
    print(
        f"  p95 (median of rounds): one server {one:.3f} s ({one / alone['median']:.1f}x alone), "
        f"two servers {two:.3f} s ({two / alone['median']:.1f}x alone)"
    )
    for problem_text in problems:
        print("  PROBLEM:", problem_text)
    lost = any(r["stored"] != r["answers"] for rs in results.values() for r in rs)
    ok = two <= TARGET * one and not problems and not lost
    print(f"  two servers / one: {two / one:.2f} (target at most {TARGET}): {'met' if ok else 'MISSED'}")
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
