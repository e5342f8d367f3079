"""Benchmark of the surge stress test: `python bench/surge.py`.

Machines here are noisy, so the survival map is reported as a ratio to a
baseline measured in the same run: the same grid done with a plain Python
loop of single runs (:func:`readiness.surge.simulate`, the engine on plain
Python floats, which is the fastest way to do one run). The loop's results
are checked against the map's, so the two did the same work with the same
model. The page's whole analysis (the run, every what-if, three expansion
policies and the sensitivity to every assumption) is timed too, for
information.

Targets (issue 14): one 180-day run under 10 ms; a 50 × 50 survival map of
180-day runs under 1 s and at least 30x faster than the plain loop.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import median_ms  # noqa: E402
from readiness import load_answers, load_questionnaire  # noqa: E402
from readiness.demo import DEMO_ANSWERS, DEMO_QUESTIONNAIRE  # noqa: E402
from readiness.surge import (  # noqa: E402
    MAP_SCENARIO,
    Setup,
    SurgeInputs,
    analyse,
    setup_from_answers,
    simulate,
    survival_map,
)


def demo_setup() -> Setup:
    """The demo business (an ice-cream maker before a TV spot), prefilled from its assessment."""
    questionnaire = load_questionnaire(DEMO_QUESTIONNAIRE)
    answers, _ = load_answers(questionnaire, DEMO_ANSWERS)
    return setup_from_answers(questionnaire, answers)


def plain_loop(inputs: SurgeInputs, multipliers: np.ndarray, durations: np.ndarray, horizon: int) -> np.ndarray:
    """The baseline: one single run per cell, in a Python loop. Returns orders lost per cell."""
    lost = np.empty((multipliers.size, durations.size))
    for i, n in enumerate(multipliers):
        for j, d in enumerate(durations):
            scenario = MAP_SCENARIO.model_copy(update={"multiplier": float(n), "days": int(d)})
            lost[i, j] = simulate(inputs, scenario, horizon).summary.lost
    return lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="runs of the single-run timing (median)")
    parser.add_argument("--map-repeat", type=int, default=7, help="runs of the survival map timing (median)")
    parser.add_argument("--grid", type=int, default=50, help="cells per side of the survival map")
    parser.add_argument("--horizon", type=int, default=180, help="days per run")
    args = parser.parse_args(argv)

    setup = demo_setup()
    inputs = setup.inputs()
    multipliers = np.linspace(1, 20, args.grid)
    durations = np.arange(1, args.grid + 1)
    cells = multipliers.size * durations.size

    single = median_ms(lambda: simulate(inputs, "tv_spot", args.horizon), args.repeat)
    grid = median_ms(lambda: survival_map(inputs, multipliers, durations, args.horizon), args.map_repeat)
    page = median_ms(lambda: analyse(setup, "tv_spot", horizon=args.horizon), 3)
    start = time.perf_counter()
    looped = plain_loop(inputs, multipliers, durations, args.horizon)
    loop = (time.perf_counter() - start) * 1000
    same = np.array_equal(looped, survival_map(inputs, multipliers, durations, args.horizon).lost)
    ratio = loop / grid

    print(f"surge stress test: demo inputs, {args.horizon}-day runs, {args.grid} x {args.grid} grid ({cells} cells)")
    print(f"{'measure':<50}{'ms':>10}{'target':>14}")
    print(f"{'one run, tv_spot (median of ' + str(args.repeat) + ')':<50}{single:>10.2f}{'< 10 ms':>14}")
    print(f"{'survival map, vectorized (median of ' + str(args.map_repeat) + ')':<50}{grid:>10.1f}{'< 1000 ms':>14}")
    print(f"{'same grid, plain loop of single runs (once)':<50}{loop:>10.1f}{'baseline':>14}")
    print(f"{'  per cell: map / loop':<50}{grid / cells * 1000:>7.1f} us / {loop / cells * 1000:.0f} us")
    print(f"{'page analysis: run, what-ifs, policies, sensitivity':<50}{page:>10.1f}{'(info)':>14}")
    print(f"map vs plain loop: {ratio:.1f}x faster (target >= 30x); results identical: {same}")
    ok = single < 10 and grid < 1000 and ratio >= 30 and same
    print(f"targets: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
