"""What a person is told when the database fails them: in their words, nothing of where it lives.

A :class:`~readiness.store.errors.StorageError` message is written for whoever
runs the server (it names the file or host and the setting to fix). A page
shows the person in front of it :attr:`StorageError.for_people` instead (busy,
full, read-only, unreachable: what happened to what they did, and what to do)
and the full message goes to the server's log, where the operator looks.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from readiness.errors import ReadinessError
from readiness.markup import md_literal
from readiness.store.errors import StorageError

LOG = logging.getLogger("readiness.app")


def plain(exc: ReadinessError) -> str:
    """The words a page shows for ``exc``, as plain text (a database fault's details are logged)."""
    if isinstance(exc, StorageError):
        LOG.warning("database fault (%s): %s", exc.kind, exc)
        return exc.for_people
    text = str(exc)
    return text[:1].upper() + text[1:]


def message(exc: ReadinessError) -> str:
    """:func:`plain`, ready for Markdown (whatever the message quotes stays text)."""
    return md_literal(plain(exc))


@contextmanager
def reported(doing: str) -> Iterator[None]:
    """Run a page action; if the engine refuses it, say so where the action was, and go on drawing."""
    try:
        yield
    except ReadinessError as exc:
        st.error(f"{doing}: {message(exc)}", icon=":material/error:")


def cannot_open(exc: StorageError) -> str:
    """What a page says when the database cannot be opened at all (nothing was being saved yet)."""
    LOG.warning("database cannot be opened (%s): %s", exc.kind, exc)
    if exc.kind == "setup":
        return md_literal(exc.for_people)
    return md_literal(
        "Readiness cannot use its database right now. Try again in a moment; if it lasts, tell whoever runs "
        "this Readiness server (its log says what is wrong)."
    )
