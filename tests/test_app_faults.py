"""Database faults, as a person at the page meets them: busy, full, read-only, unreachable.

Each is told apart, in a few seconds, in words that say what happened to what
they did and never where the database lives; what they typed stays on the page,
and nothing is stored that they were told was not.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import event
from streamlit.testing.v1 import AppTest

from readiness import load_questionnaire
from readiness.storage import Store

from .conftest import ROOT

APP = str(ROOT / "streamlit_app.py")
GROWTH = ROOT / "questionnaires" / "growth-readiness.yaml"


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, str, str]]:
    """A database with one assessment in it; the app is pointed at it."""
    path = tmp_path / "faults.sqlite3"
    store = Store(f"sqlite:///{path}")
    made = store.create_assessment(load_questionnaire(GROWTH), "Faulty Foods")
    store.close()
    monkeypatch.setenv("READINESS_DATABASE_URL", f"sqlite:///{path}")
    st.cache_resource.clear()
    st.cache_data.clear()
    yield path, made.id, made.resume_key or ""
    st.cache_resource.clear()


def assess(link: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["a"] = link
    at.run()
    at.switch_page("pages/assess.py").run()
    assert not at.exception, at.exception
    return at


def key(assessment_id: str, question_id: str) -> str:
    return f"assess_{assessment_id[:10]}_{question_id}"


def page_text(at: AppTest) -> str:
    return " ".join(e.body for e in [*at.error, *at.warning, *at.info]) + " ".join(m.value for m in at.markdown)


def stored(path: Path, assessment_id: str) -> dict[str, str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT question_id, value FROM answers WHERE assessment_id = ?", (assessment_id,))
        return dict(rows.fetchall())


def test_a_locked_database_is_said_to_be_busy_within_seconds_and_nothing_is_lost(
    database: tuple[Path, str, str],
) -> None:
    path, aid, link = database
    at = assess(link)
    blocker = sqlite3.connect(path, isolation_level=None, timeout=1)
    blocker.execute("BEGIN IMMEDIATE")  # something else holds the write lock
    started = time.monotonic()
    at.radio(key=key(aid, "key_person_cover")).set_value("2").run()
    waited = time.monotonic() - started
    assert waited < 10  # a clear message in seconds, not after 90
    errors = " ".join(e.body for e in at.error)
    assert "busy right now" in errors and str(path) not in page_text(at)
    assert at.radio(key=key(aid, "key_person_cover")).value == "2"  # what they chose is still on the page
    assert "key_person_cover" not in stored(path, aid)  # and nothing claims it was stored

    at.button(key="assess_next").click().run()  # still locked: the step is not left behind
    assert at.header[0].value.startswith("Step 1 of")
    blocker.execute("ROLLBACK")
    blocker.close()
    at.button(key="assess_next").click().run()  # unlocked: the move stores the waiting answer first
    assert at.header[0].value.startswith("Step 2 of")
    assert stored(path, aid)["key_person_cover"] == "2.0"


def test_a_full_disk_is_told_apart_from_a_busy_database(database: tuple[Path, str, str]) -> None:
    path, aid, link = database
    at = assess(link)
    from ui.resources import _store

    engine = _store().engine
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]

    @event.listens_for(engine, "connect")
    def no_room(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")  # as good as a full disk

    engine.dispose()
    errors, question = "", ""
    for index, question in enumerate(("key_person_cover", "clear_roles", "pressure_resilience")):
        at.radio(key=key(aid, question)).set_value("2").run()
        note = at.text_input(key=key(aid, question) + "_note")
        note.input(f"{index} " + "x" * 1900).run()
        errors = " ".join(e.body for e in at.error)
        if errors:
            break
    assert "disk is full" in errors and "busy" not in errors and str(path) not in page_text(at)
    last = at.text_input(key=key(aid, question) + "_note")
    assert last.value.endswith("x" * 1900)  # what was typed is still on the page


def test_a_read_only_database_says_so_and_never_where_it_is(database: tuple[Path, str, str], monkeypatch) -> None:
    path, aid, link = database
    monkeypatch.setenv("READINESS_DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    st.cache_resource.clear()
    at = assess(link)
    at.radio(key=key(aid, "key_person_cover")).set_value("1").run()
    errors = " ".join(e.body for e in at.error)
    assert "can only be read" in errors and str(path) not in page_text(at)
    assert "key_person_cover" not in stored(path, aid)


def test_a_database_that_cannot_be_opened_is_said_plainly_without_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "nowhere" / "gone.sqlite3"
    monkeypatch.setenv("READINESS_DATABASE_URL", f"sqlite:///file:{missing}?mode=ro&uri=true")
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["a"] = "a-resume-link-id-000000"  # any page that needs the database
    at.run()
    assert not at.exception, at.exception
    text = page_text(at)
    assert "Readiness cannot use its database" in text
    assert str(missing) not in text and "READINESS_DATABASE_URL" not in text and "sqlite" not in text.lower()
    st.cache_resource.clear()
