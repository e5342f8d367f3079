"""The one timing helper every benchmark uses, so their medians are taken the same way."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(func: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` calls, in ms, after one warm-up call (as a running app would be warm)."""
    func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
