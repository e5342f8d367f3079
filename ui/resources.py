"""The shared, expensive things every page uses: the database, the workshop store, the questionnaires.

Each is built once per server process (``st.cache_resource``) and shared by
every browser session, so none of them may hold per-person state.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import streamlit as st

from readiness.catalog import CatalogEntry, discover, entry_from_text
from readiness.model import Questionnaire
from readiness.storage import ENV_URL, StorageError, Store, configured_url
from readiness.workshop_store import WorkshopStore

ROOT = Path(__file__).resolve().parent.parent
QUESTIONNAIRES = ROOT / "questionnaires"


def database_url() -> tuple[str, str]:
    """The database URL and the setting it came from: ``READINESS_DATABASE_URL``, else Streamlit
    secrets' ``database_url``, else a SQLite file in ./data."""
    if os.environ.get(ENV_URL) or os.environ.get("DATABASE_URL"):
        return configured_url()
    try:
        secret = st.secrets.get("database_url")
    except Exception:  # no secrets.toml at all: the normal case for a local run
        secret = None
    return (str(secret), "database_url in .streamlit/secrets.toml") if secret else configured_url(ROOT / "data")


@st.cache_resource(show_spinner="Opening the database…")
def _store() -> Store:
    # Opening it migrates it when it is behind, under a database lock, so servers starting together are safe.
    url, setting = database_url()
    return Store(url, setting=setting)


def store() -> Store:
    """The database, or a plain message saying what to fix (a failed open is retried on the next run)."""
    try:
        return _store()
    except StorageError as exc:
        from ui.faults import cannot_open  # the details go to the server's log, not to the page

        st.error(cannot_open(exc), icon=":material/database:")
        st.stop()
        raise  # st.stop() raises; this line only tells type checkers so


@st.cache_resource(show_spinner=False)
def workshops() -> WorkshopStore:
    return WorkshopStore(store())


@st.cache_resource(show_spinner=False)
def _folder() -> list[CatalogEntry]:
    return discover(QUESTIONNAIRES)


@st.cache_resource(show_spinner=False, max_entries=200)
def _uploaded(content_hash: str, content: str, file_name: str) -> CatalogEntry:
    """An uploaded questionnaire, parsed once per server (its hash names exactly one content)."""
    return entry_from_text(content, file_name)


def catalog() -> list[CatalogEntry]:
    """The questionnaires to offer: the shipped ones, then those uploaded in the app (newest first).

    Uploads are read from the database on each call, so one uploaded on another server is offered here too.
    """
    try:
        kept = _store().uploads()
    except StorageError:  # the shipped questionnaires are still offered; the page says what fails when it is used
        kept = []
    uploads = [_uploaded(u.hash, u.content, u.file_name) for u in kept]
    return [*_folder(), *uploads]


def questionnaires() -> dict[str, Questionnaire]:
    # reversed: a shipped questionnaire wins over an upload that reuses its id
    return {e.id: e.questionnaire for e in reversed(catalog()) if e.questionnaire is not None}


@st.cache_resource(show_spinner=False)
def warm_up() -> threading.Thread:
    """Find out, once per server and in the background, whether PDFs can be made here.

    The results page says up front whether its PDF buttons work, and finding out imports WeasyPrint:
    more than half a second, the largest part of a fresh server's first results page. Started after a
    page has been drawn (``shell.app_entry``), while the visitor reads it; a page that asks sooner waits
    for the same import, never longer than it did.

    WeasyPrint only. pandas and Altair, the other imports that first page waits for, stay where they are:
    imported beside a page that draws charts, pandas was seen half-initialised by Altair, which looks it up
    in ``sys.modules`` ("partially initialized module 'pandas' has no attribute 'Timestamp'").
    WeasyPrint brings neither (nor anything that is looked up that way).
    """
    thread = threading.Thread(target=_pdf_check, name="readiness-pdf-check", daemon=True)
    thread.start()
    return thread


def _pdf_check() -> None:
    from readiness.report import pdf_unavailable

    pdf_unavailable()  # the answer is kept (lru_cache)
