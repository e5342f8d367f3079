"""Benchmarks: `python bench/run.py`.

Machines here are noisy, so every figure is printed next to a baseline
measured in the same run, as a ratio:

* ``calibration`` — a fixed pure-Python workload; ratios to it stay comparable
  across machines and runs;
* a plain safe YAML load of the same file (libyaml when present) — the floor any YAML loader pays.

Targets: loading+validating the default questionnaire and scoring one answer
set each well under 50 ms; each app page's server-side rerun under 10x a bare
one-line page, beside a new visitor's first results page on a fresh copy of the demo
(bench/pages.py); HTML report under 1 s and PDF under 3 s
(bench/reports.py); a 180-day surge run under 10 ms and a 50x50 survival map
under 1 s and 30x faster than a loop (bench/surge.py); with 30 workshop
participants answering at once on one server, p95 answer-to-save under 1 s
(bench/workshop_load.py); answer save latency SQLite against PostgreSQL
(bench/storage_save.py); the workshop burst through nginx on PostgreSQL with two
servers at most 0.6x the p95 of one (bench/proxy_load.py; both need a PostgreSQL
server: READINESS_BENCH_POSTGRES_URL or READINESS_TEST_POSTGRES_URL). All run from here.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import median_ms  # noqa: E402
from readiness import load_questionnaire, score  # noqa: E402
from readiness.answers import Answer  # noqa: E402
from readiness.model import Questionnaire  # noqa: E402

DEFAULT = ROOT / "questionnaires" / "growth-readiness.yaml"


def calibration() -> int:
    total = 0
    for i in range(200_000):
        total += i * i % 7
    return total


def full_answers(q: Questionnaire, seed: int = 1) -> dict[str, Answer]:
    rnd = random.Random(seed)
    answers = {}
    for question in q.questions:
        if question.type == "multiple_choice":
            value: object = tuple(o.id for o in question.options if rnd.random() < 0.5)
        elif question.type == "number":
            low = question.min if question.min is not None else 0
            high = question.max if question.max is not None else 100
            value = float(rnd.randint(int(low), int(high)))
        elif question.type == "text":
            value = "note"
        else:
            value = rnd.choice(q.steps(question)).value
        answers[question.id] = Answer(question.id, "value", value)
    return answers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--engine-only", action="store_true", help="skip the page rerun benchmark")
    parser.add_argument("questionnaire", nargs="?", default=str(DEFAULT))
    args = parser.parse_args()

    path = Path(args.questionnaire)
    text = path.read_text()
    q = load_questionnaire(path)
    answers = full_answers(q)

    base = median_ms(calibration, args.repeat)
    fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw_yaml = median_ms(lambda: yaml.load(text, Loader=fast), args.repeat)
    load = median_ms(lambda: load_questionnaire(path), args.repeat)
    scoring = median_ms(lambda: score(q, answers), args.repeat)

    print(f"questionnaire: {path.name} ({len(q.questions)} questions), median of {args.repeat} runs")
    print(f"{'measure':<34}{'ms':>9}{'x calibration':>15}{'x yaml load':>18}")
    rows = [
        ("calibration (baseline)", base),
        ("yaml safe load (baseline)", raw_yaml),
        ("load + validate questionnaire", load),
        ("score one full answer set", scoring),
    ]
    for name, ms in rows:
        print(f"{name:<34}{ms:>9.2f}{ms / base:>15.2f}{ms / raw_yaml:>18.2f}")
    ok = load < 50 and scoring < 50
    print(f"target (each under 50 ms): {'met' if ok else 'MISSED'}")
    if not args.engine_only:
        import reports

        import pages

        ok = pages.main(max(20, args.repeat)) and ok
        ok = reports.main() and ok
        ok = reports.excel_scaling() and ok
        ok = reports.long_note() and ok
        import surge

        print()
        ok = surge.main([]) == 0 and ok
        import workshop_load

        print()
        ok = workshop_load.main([]) == 0 and ok
        import storage_save

        print()
        ok = storage_save.main([]) and ok
        import proxy_load

        print()
        ok = proxy_load.main([]) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
