"""The storage exceptions, in a module of their own so every storage module can raise them."""

from __future__ import annotations

from typing import Literal

from readiness.errors import ReadinessError

Kind = Literal["busy", "full", "read_only", "unreachable", "setup", "refused", "failed"]

#: What the app tells the person at the page, who can fix none of it: no file path, no URL, no setting.
#: Each says whether what they did was kept (it was not, but it is still on their page) and what to do.
FOR_PEOPLE: dict[Kind, str] = {
    "busy": "The database is busy right now, so this was not saved. What you typed is still here: "
    "try again in a moment.",
    "full": "The server's disk is full, so this could not be saved. What you typed is still here; "
    "tell whoever runs this Readiness server.",
    "read_only": "The database can only be read right now, so this could not be saved. What you typed is "
    "still here; tell whoever runs this Readiness server.",
    "unreachable": "The database cannot be reached right now, so this could not be saved. What you typed is "
    "still here: try again in a moment, and if it lasts, tell whoever runs this Readiness server.",
    "setup": "Readiness cannot use its database: whoever runs this server needs to fix its settings "
    "(the server's log says which).",
    "refused": "The database refused this change, so it was not saved. What you typed is still here.",
    "failed": "The database failed, so this was not saved. What you typed is still here: try again in a "
    "moment, and if it lasts, tell whoever runs this Readiness server.",
}


class StorageError(ReadinessError):
    """The database cannot be used (unreachable, wrong URL, missing driver, newer schema, ...).

    The message is for whoever runs the server: it says what to fix and, where a
    setting is at fault, names it. :attr:`for_people` is what a page shows the
    person using the app instead: the same fault in their words, with nothing
    of where the database lives.
    """

    def __init__(self, message: str, kind: Kind = "failed") -> None:
        super().__init__(message)
        self.kind: Kind = kind

    @property
    def for_people(self) -> str:
        return FOR_PEOPLE[self.kind]


class ValueRefused(ReadinessError):
    """A value the database cannot store as given (text too long for its column, ...); the message says where."""
