"""The storage exceptions, in a module of their own so every storage module can raise them."""

from __future__ import annotations

from readiness.errors import ReadinessError


class StorageError(ReadinessError):
    """The database cannot be used (unreachable, wrong URL, missing driver, newer schema, ...).

    The message says what to fix and, where a setting is at fault, names it.
    """


class ValueRefused(ReadinessError):
    """A value the database cannot store as given (text too long for its column, ...); the message says where."""
