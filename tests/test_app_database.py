"""The app and its database, in AppTest: opened (and migrated) at start, failures said plainly, nothing
served from one server's memory that another server would need."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st

from readiness.markup import md_literal

from .legacy import create_legacy_database, legacy_rows
from .test_app_pages import app, db

__all__ = ["db"]


@pytest.fixture
def fresh_caches() -> None:
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()


def test_an_unreachable_database_is_a_message_naming_the_setting(
    fresh_caches: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The operator reads which setting to fix in the server's log; the person at the page is told plainly,
    with nothing of where the database lives (issue 12: no database path or URL shown to a user)."""
    monkeypatch.setenv("READINESS_DATABASE_URL", "postgres://app:secret@127.0.0.1:9/readiness")
    start = app()
    start.text_input(key="home_name").input("Acme").run()
    start.button(key="home_start").click().run()
    resume = app(query={"a": "x" * 24}, page="pages/assess.py")
    facilitator = app(query={"w": "x" * 32}, page="pages/workshop.py")
    for at in (start, resume, facilitator):
        assert not at.exception
        errors = [e.value for e in at.error]
        assert len(errors) == 1 and "cannot use its database" in errors[0], errors
        assert "127.0.0.1" not in errors[0] and "READINESS_DATABASE_URL" not in errors[0] and "secret" not in errors[0]
    logged = " ".join(r.getMessage() for r in caplog.records if r.name == "readiness.app")
    assert "cannot reach the PostgreSQL database 'readiness' at 127.0.0.1:9 (from READINESS_DATABASE_URL)" in logged
    assert "secret" not in logged


def test_the_app_upgrades_an_old_database_when_it_starts(
    fresh_caches: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    create_legacy_database(url)
    monkeypatch.setenv("READINESS_DATABASE_URL", url)
    creme = next(r for r in legacy_rows()["assessments"] if r["business_name"].startswith("Crème"))
    at = app(query={"a": creme["id"]}, page="pages/results.py")
    assert at.title[0].value == f"Results · {md_literal(creme['business_name'])}"  # shown as typed


def test_the_join_qr_code_is_inline_in_the_page(db) -> None:
    at = app(page="pages/workshop.py")
    at.text_input(key="workshop_business").input("Frost & Co").run()
    at.button(key="workshop_create").click().run()
    images = [img for element in at.get("image") for img in element.proto.imgs]
    assert len(images) == 1 and images[0].url.startswith("data:image/png;base64,")
