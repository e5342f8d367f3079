"""How the surge test writes numbers, days and names in its sentences and tables."""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable


def _num(value: float) -> float | None:
    """JSON has no infinity: "no limit" is null."""
    return None if math.isinf(value) else value


def _count(value: float) -> str:
    if math.isinf(value):
        return "no limit"
    return f"{value:,.0f}" if abs(value) >= 10 else f"{value:,.1f}".rstrip("0").rstrip(".")


def _money(value: float) -> str:
    return f"-{abs(value):,.0f}" if value < 0 else f"{value:,.0f}"


def _pct(share: float) -> str:
    return f"{100 * share:.0f}%" if share >= 0.01 or share == 0 else "under 1%"


def _times(n: float) -> str:
    return f"{n:g}×"


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _suggest(name: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(options), n=1)
    return f"; did you mean `{close[0]}`?" if close else ""
