"""How the surge test writes numbers, days and names, so the words and the tables say the same.

Every figure a page or report shows goes through these few functions: a
verdict that says "2,450 orders" and a table that says "2,450" cannot drift
apart, and money always carries the assessment's currency.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable

from readiness.currency import DEFAULT_CURRENCY
from readiness.currency import money as _money


def num(value: float) -> float | None:
    """JSON has no infinity: "no limit" is null."""
    return None if math.isinf(value) else value


def count(value: float) -> str:
    """Orders, rounded as a person counts them: "2,450", "7.5", "no limit"."""
    if math.isinf(value):
        return "no limit"
    if abs(value) >= 10 or value == 0:
        return f"{value:,.0f}"
    return f"{value:,.1f}".rstrip("0").rstrip(".")


def orders(value: float) -> str:
    """A total of orders, in whole orders: a browser pass read "Loses 3.2 of 55,560 orders" as the model
    splitting customers. Rates (orders a day, stock in orders' worth) keep :func:`count`'s decimal."""
    return count(float(round(value))) if not math.isinf(value) else count(value)


def money(value: float, currency: str = DEFAULT_CURRENCY) -> str:
    return _money(value, currency)


def pct(share: float) -> str:
    if share == 0:
        return "0%"
    return f"{100 * share:.0f}%" if share >= 0.005 else "under 1%"


def times(n: float) -> str:
    return f"{n:g}×"


def days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def join(items: list[str]) -> str:
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def suggest(name: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(options), n=1)
    return f"; did you mean `{close[0]}`?" if close else ""
