"""Workshop load: one `streamlit run` server, 30 participants answering at once.

Participants are websocket clients (bench/stclient.py) speaking the same
protocol as the browser: they open the join link, pick a role, join, and
answer the first step's questions as fast as the server lets them. Real
browsers would measure Chromium instead: thirty renderers on two cores
saturate the machine before the server is busy (tried: four browsers already
took 38 s of CPU for 20 answers, 30 of it Chromium's).

Measured: per answer, the time from sending it to the end of the rerun that
saved it and redrew the page (what the participant waits for); the
facilitator dashboard's self-refresh (its `run_every` fragment rerun) while
everyone answers; the server's memory with every session open; and, at the
end, that every answer is in the database and the dashboard counts everyone.

Target (issue 5): p95 answer-to-save under 1 s.
Run: `.venv/bin/python bench/workshop_load.py [--participants 30]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from readiness.storage import Store  # noqa: E402
from readiness.workshop_store import WorkshopStore  # noqa: E402
from tests.serve import streamlit_server  # noqa: E402
from tests.stclient import Session  # noqa: E402

# Answers per participant: the first step's scale questions, found by their text
# (the radiogroups on the page also include the step list and other controls).
QUESTIONS = (
    "If your most important person",
    "Does everyone know what they are responsible for",
    "Think of your last really busy spell",
    "In a normal month, how much of your own week",
)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def participant(
    url: str,
    code: str,
    role: str,
    timings: list[float],
    problems: list[str],
    done: asyncio.Event,
    release: asyncio.Event,
    counter: list[int],
    total: int,
    think: float,
    seed: int,
) -> None:
    """One person: join with the code, pick a role, answer the first step's questions.

    ``think`` is the mean time spent reading each question (0: click as fast as the server answers).
    """
    rng = random.Random(seed)
    async with Session(url) as user:
        try:
            await user.open("join", f"j={code}")
            await user.choose("Your role", role)
            await user.click("Join and start answering")
            for n, text in enumerate(QUESTIONS):
                await asyncio.sleep(rng.uniform(0.5, 1.5) * think)
                start = time.perf_counter()
                await user.choose(text, 2)  # the third level; returns when the rerun that saved it has finished
                timings.append(time.perf_counter() - start)
                shown = user.find("progress", "").label
                if not shown.startswith(f"{n + 1} of "):
                    problems.append(f"{role}: after answer {n + 1} the page says {shown!r}")
        except Exception as exc:  # a failed participant is a finding, not a hung benchmark
            problems.append(f"{role}: {type(exc).__name__}: {exc}")
        finally:
            problems.extend(user.exceptions)
            counter[0] += 1
            if counter[0] == total:
                done.set()
        await release.wait()  # stay connected until memory has been read with every session open


async def facilitator_refreshes(user: Session, fragment: str, stop: asyncio.Event, times: list[float]) -> None:
    """The dashboard's self-refresh, as the browser drives it: one fragment rerun per `run_every`."""
    interval = user.fragments[fragment]
    while not stop.is_set():
        start = time.perf_counter()
        await user.rerun(fragment_id=fragment)
        times.append(time.perf_counter() - start)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), interval)


@contextlib.contextmanager
def one_server() -> Iterator[tuple[str, list[int], str]]:
    """The default deployment: one `streamlit run` server on a SQLite file; (address, pids, database)."""
    database = f"sqlite:///{tempfile.mkdtemp()}/load.sqlite3"
    with streamlit_server(database) as (url, pid):
        yield url, [pid], database


Deployment = Callable[[], contextlib.AbstractContextManager[tuple[str, list[int], str]]]


async def run(participants: int, think: float, deployment: Deployment = one_server) -> dict[str, Any]:
    """One phase against a fresh deployment; CPU and memory are summed over all its servers."""
    with deployment() as (url, pids, database):
        pid = pids[0]
        async with Session(url) as facilitator:
            await facilitator.open("workshop")
            await facilitator.type_text("Business", "Load test")
            await facilitator.click("Create workshop")
            code = facilitator.text().split("Join code: `", 1)[1].split("`", 1)[0]
            key = dict(part.split("=", 1) for part in facilitator.query_string.split("&"))["w"]
            fragment = next(iter(facilitator.fragments))
            profiler = None
            if os.environ.get("BENCH_PYSPY"):  # a flame profile of the server while it works (needs py-spy)
                command = ["py-spy", "record", "--pid", str(pid), "--format", "raw", "--gil", "--nonblocking"]
                profiler = subprocess.Popen([*command, "-o", os.environ["BENCH_PYSPY"]])
            await asyncio.sleep(1)
            before = sum(rss_mb(p) for p in pids)

            timings: list[float] = []
            refreshes: list[float] = []
            problems: list[str] = []
            done, release, stop = asyncio.Event(), asyncio.Event(), asyncio.Event()
            counter = [0]
            roles = ["Leadership", "Sales / marketing", "Operations / production", "Finance"]
            started = time.perf_counter()
            cpu0, client0 = sum(cpu_seconds(p) for p in pids), time.process_time()
            dashboard = asyncio.create_task(facilitator_refreshes(facilitator, fragment, stop, refreshes))
            people = [
                asyncio.create_task(
                    participant(
                        url, code, roles[i % 4], timings, problems, done, release, counter, participants, think, i
                    )
                )
                for i in range(participants)
            ]
            await done.wait()
            wall = time.perf_counter() - started
            server_cpu, client_cpu = sum(cpu_seconds(p) for p in pids) - cpu0, time.process_time() - client0
            if profiler:
                profiler.send_signal(2)
                profiler.wait()
            peak = sum(rss_mb(p) for p in pids)
            stop.set()
            await dashboard
            release.set()
            await asyncio.gather(*people)

            await facilitator.rerun(fragment_id=fragment)  # the next refresh shows everyone
            page = facilitator.text()
            if f"{participants} joined" not in page:
                problems.append(f"facilitator's dashboard does not show {participants} joined: {page[:300]!r}")

        # every answer reached the database (read while the deployment, and its database, still exist)
        store = Store(database)
        workshop = WorkshopStore(store).by_key(key)
        stored = sum(len(answers) for _, answers in WorkshopStore(store).participants(workshop.id))
        store.close()
    timings.sort()
    if not timings:  # every participant failed before answering: say so instead of crashing on the stats
        timings = [math.inf]
    return {
        "participants": participants,
        "answers": len(timings),
        "stored": stored,
        "problems": problems,
        "median": statistics.median(timings),
        "p95": timings[max(0, math.ceil(0.95 * len(timings)) - 1)],  # nearest rank
        "max": timings[-1],
        "wall": wall,
        "server_cpu": server_cpu,
        "client_cpu": client_cpu,
        "refresh_median": statistics.median(refreshes),
        "refresh_max": max(refreshes),
        "refreshes": len(refreshes),
        "rss_before": before,
        "rss_peak": peak,
    }


PHASES = {
    "burst": (0.0, "everyone clicks as fast as the server answers (no reading time at all)"),
    "pace": (4.0, "workshop pace: each person reads 2-6 s per question, all answering at the same time"),
}


def report(name: str, r: dict[str, Any], baseline: float) -> bool:
    n = r["participants"]
    print(f"\n[{name}] {PHASES[name][1]}")
    print(
        f"  {n} participants, one streamlit server, facilitator dashboard open;"
        f" answers: {r['answers']} sent, {r['stored']} stored"
    )
    print(
        f"  answer -> saved and page redrawn: median {r['median']:.3f} s, p95 {r['p95']:.3f} s,"
        f" max {r['max']:.3f} s (p95 = {r['p95'] / baseline:.1f}x one person alone)"
    )
    print(
        f"  everyone joined and answered in {r['wall']:.1f} s; server CPU {r['server_cpu']:.1f} s"
        f" ({1000 * r['server_cpu'] / max(r['answers'], 1):.0f} ms per answer, joins included);"
        f" the {n} simulated clients used {r['client_cpu']:.1f} s"
    )
    print(
        f"  facilitator dashboard refresh under load: median {r['refresh_median']:.3f} s,"
        f" max {r['refresh_max']:.3f} s over {r['refreshes']} refreshes"
    )
    per_session = (r["rss_peak"] - r["rss_before"]) / n
    print(
        f"  server memory: {r['rss_before']:.0f} MB -> {r['rss_peak']:.0f} MB with every session open,"
        f" about {per_session:.1f} MB a session"
    )
    for problem in r["problems"]:
        print("  PROBLEM:", problem)
    ok = r["p95"] < 1.0 and not r["problems"] and r["stored"] == r["answers"]
    print(f"  p95 under 1 s, every answer stored, no error: {'yes' if ok else 'NO'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--phase", choices=[*PHASES, "both"], default="both")
    args = parser.parse_args(argv)
    names = list(PHASES) if args.phase == "both" else [args.phase]
    # Baseline, same machine, same run: one person answering alone on an idle server.
    alone = asyncio.run(run(1, 0.0))
    baseline = alone["median"]
    print(f"baseline: one person alone, answer -> saved and page redrawn in {baseline:.3f} s (median)")
    results = {name: report(name, asyncio.run(run(args.participants, PHASES[name][0])), baseline) for name in names}
    # The target is people answering at once in a workshop; the burst is reported as the worst case.
    judged = "pace" if "pace" in results else names[0]
    target = results[judged]
    print(f"\ntarget (issue 5: p95 answer-to-save under 1 s; judged on '{judged}'): {'met' if target else 'MISSED'}")
    return 0 if target else 1


if __name__ == "__main__":
    raise SystemExit(main())
