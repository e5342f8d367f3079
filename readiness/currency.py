"""The currency an assessment's money is in, and how money is written with it.

Each assessment keeps one currency (chosen on the home page), so every figure
of money the product shows (surge verdicts, tables, charts, reports) carries
the same sign: "¥297,920", never "297,920 money". A short list of common
currencies has symbols; any other ISO 4217 code is written before the amount
("CHF 1,200"), which is how such amounts are usually printed.
"""

from __future__ import annotations

import math
import re

from readiness.errors import ReadinessError

#: Currencies offered first, as (ISO code, symbol, name). ¥ serves two currencies.
COMMON: tuple[tuple[str, str, str], ...] = (
    ("USD", "$", "US dollar"),
    ("EUR", "€", "euro"),
    ("GBP", "£", "pound sterling"),
    ("CNY", "¥", "Chinese yuan"),
    ("JPY", "¥", "Japanese yen"),
)
SYMBOLS: dict[str, str] = {code: symbol for code, symbol, _ in COMMON}
#: Used when an assessment has none (made before currencies were stored) or none was chosen.
DEFAULT_CURRENCY = "USD"
_CODE = re.compile(r"^[A-Z]{3}$")


class CurrencyError(ReadinessError):
    """Not a currency code the product can write money in."""


def check_currency(code: str | None) -> str:
    """The code in upper case, or :class:`CurrencyError` saying what a code looks like."""
    if code is None or not str(code).strip():
        return DEFAULT_CURRENCY
    text = str(code).strip().upper()
    if not _CODE.match(text):
        raise CurrencyError(f"{code!r} is not a currency code: use three letters, such as USD, EUR, GBP or CNY")
    return text


def label(code: str) -> str:
    """How a picker shows a currency: "€ EUR (euro)", or just the code for any other."""
    for known, symbol, name in COMMON:
        if known == code:
            return f"{symbol} {code} ({name})"
    return code


def money(value: float, code: str = DEFAULT_CURRENCY, decimals: int = 0) -> str:
    """``value`` with its currency, rounded: "$1,234", "-¥5,000", "CHF 1,200"."""
    if math.isinf(value) or math.isnan(value):
        return "no limit" if value > 0 else "n/a"
    amount = f"{abs(value):,.{decimals}f}"
    if float(amount.replace(",", "")) == 0:
        value = 0.0  # never "-$0"
    sign = "-" if value < 0 else ""
    symbol = SYMBOLS.get(code)
    return f"{sign}{symbol}{amount}" if symbol else f"{sign}{code} {amount}"


def unit(code: str) -> str:
    """The currency as a unit after a number ("orders' worth in $"): its symbol, or its code."""
    return SYMBOLS.get(code, code)
