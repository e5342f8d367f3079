"""Text on its way into the database: cleaned where that loses nothing, refused where it would.

SQLite stores whatever it is given; PostgreSQL refuses a NUL character in
text, text longer than its column, and (like every UTF-8 database) a lone
surrogate. Checking here, before any SQL runs, means both databases keep the
same data, and a refusal says which field of which record was at fault
instead of surfacing as a driver error in the middle of a save.

* A NUL character is removed: pasted from a binary file or a PDF, it carries
  no meaning, and PostgreSQL cannot hold it.
* A lone surrogate (broken UTF-16 from some API clients) becomes U+FFFD.
* Names a person types (a business, a workshop) are cut at their column's
  length, as the app's inputs already are; identifiers and notes that are too
  long are refused, because cutting them would change what they mean.
"""

from __future__ import annotations

from readiness.store.errors import ValueRefused

#: Longest note kept with an answer (the app's note field allows 2,000 characters).
NOTE_LIMIT = 10_000
#: Longest answer value, as stored (JSON): a long free-text answer fits comfortably.
VALUE_LIMIT = 100_000


def clean(text: str) -> str:
    """``text`` without NUL characters and with lone surrogates replaced."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def cut(text: str | None, limit: int) -> str:
    """A name as typed: cleaned, stripped and cut to ``limit`` characters (``""`` for none)."""
    return clean(text or "").strip()[:limit].strip()


def checked(
    text: str | None,
    *,
    field: str,
    limit: int,
    where: str,
) -> str | None:
    """``text`` cleaned and within ``limit`` characters, or :class:`ValueRefused` naming ``field`` and ``where``."""
    if text is None:
        return None
    if not isinstance(text, str):
        raise ValueRefused(f"{where}: {field} must be text, not {type(text).__name__}")
    text = clean(text)
    if len(text) > limit:
        raise ValueRefused(f"{where}: {field} is {len(text):,} characters long; at most {limit:,} can be stored")
    return text
