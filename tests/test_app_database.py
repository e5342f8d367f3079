"""The app and its database, in AppTest: opened (and migrated) at start, failures said plainly, nothing
served from one server's memory that another server would need."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st

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
    fresh_caches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READINESS_DATABASE_URL", "postgres://app:secret@127.0.0.1:9/readiness")
    start = app()
    start.text_input(key="home_name").input("Acme").run()
    start.button(key="home_start").click().run()
    resume = app(query={"a": "x" * 24}, page="pages/assess.py")
    facilitator = app(query={"w": "x" * 32}, page="pages/workshop.py")
    for at in (start, resume, facilitator):
        assert not at.exception
        errors = [e.value for e in at.error]
        assert len(errors) == 1 and errors[0].startswith(
            "Readiness cannot use its database: cannot reach the PostgreSQL database 'readiness' at 127.0.0.1:9 "
            "(from READINESS_DATABASE_URL)"
        ), errors
        assert "secret" not in errors[0]


def test_the_app_upgrades_an_old_database_when_it_starts(
    fresh_caches: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    create_legacy_database(url)
    monkeypatch.setenv("READINESS_DATABASE_URL", url)
    creme = next(r for r in legacy_rows()["assessments"] if r["business_name"].startswith("Crème"))
    at = app(query={"a": creme["id"]}, page="pages/results.py")
    assert at.title[0].value == f"Results · {creme['business_name']}"


def test_the_join_qr_code_is_inline_in_the_page(db) -> None:
    at = app(page="pages/workshop.py")
    at.text_input(key="workshop_business").input("Frost & Co").run()
    at.button(key="workshop_create").click().run()
    images = [img for element in at.get("image") for img in element.proto.imgs]
    assert len(images) == 1 and images[0].url.startswith("data:image/png;base64,")
