"""`readiness db copy`: a SQLite deployment moves to PostgreSQL (and back), verified, or nothing moves.

The target runs on both databases (``db_url``, tests/conftest.py); the source is
an old SQLite file as a real deployment would have it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from readiness.cli import main as cli
from readiness.storage import Store
from readiness.store import migrate
from readiness.store.database import open_database
from readiness.workshop_store import WorkshopStore

from .legacy import create_legacy_database, dump, legacy_rows, upgraded

DATA_TABLES = ["questionnaire_snapshots", "assessments", "answers", "share_links", "workshops", "participants"]
CREME = "Crème Brûlée & Co — Zürich ✓"


@pytest.fixture
def deployment(tmp_path: Path) -> str:
    """An old SQLite deployment, with a note that has a NUL in it (SQLite took it; PostgreSQL cannot)."""
    url = f"sqlite:///{tmp_path / 'deployment.sqlite3'}"
    create_legacy_database(url)
    with open_database(url, "test").engine.begin() as connection:
        connection.execute(
            text("UPDATE answers SET note = :n WHERE note LIKE 'agreed%'"), {"n": "agreed\x00 after discussion"}
        )
    return url


def execute(url: str, statement: str, **params: object) -> list[tuple]:
    with open_database(url, "test").engine.begin() as connection:
        result = connection.execute(text(statement), params)
        return [tuple(r) for r in result] if result.returns_rows else []


def test_a_sqlite_deployment_moves_over_and_back_with_every_row_verified(
    deployment: str, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(["db", "copy", deployment, db_url]) == 0
    out = capsys.readouterr().out
    assert "verified: all 86 rows arrived, every table's count and content hash match" in out
    assert "note: 1 text value(s) lost a NUL character" in out
    expected = upgraded(dump(deployment, DATA_TABLES))  # the target has this release's columns
    for row in expected["answers"]:
        row["note"] = row["note"] and row["note"].replace("\x00", "")
    assert dump(db_url, DATA_TABLES) == expected

    # the copy is a working deployment: resume links, share links and the workshop all open
    store = Store(db_url)
    rows = legacy_rows()
    creme = next(r["id"] for r in rows["assessments"] if r["business_name"] == CREME)
    assert store.get_assessment(creme).business_name == CREME
    assert len(store.answers(creme)) == 3 and len(store.shares(creme)) == 2
    workshops = WorkshopStore(store)
    workshop = workshops.get(rows["workshops"][0]["id"])
    assert len(workshops.participants(workshop.id)) == 3
    agreed = store.answers(workshop.consensus_assessment_id)
    assert [a.note for a in agreed.values()] == ["agreed after discussion"]
    assert migrate.status(store.db).state == "up to date"
    store.close()

    back = f"sqlite:///{tmp_path / 'back.sqlite3'}"
    assert cli(["db", "copy", db_url, back]) == 0
    assert "verified: all 86 rows" in capsys.readouterr().out
    assert dump(back, DATA_TABLES) == expected


def test_a_target_that_already_holds_data_is_refused_and_left_alone(
    deployment: str, db_url: str, sample, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(db_url)
    mine = store.create_assessment(sample, "Already here")
    store.close()
    assert cli(["db", "copy", deployment, db_url]) == 1
    err = capsys.readouterr().err
    assert "already holds data (1 questionnaire_snapshots, 1 assessments); copy into an empty database" in err
    assert execute(db_url, "SELECT id FROM assessments") == [(mine.id,)]


def test_values_too_long_for_the_target_are_all_listed_and_nothing_is_copied(
    deployment: str, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    creme = next(r["id"] for r in legacy_rows()["assessments"] if r["business_name"] == CREME)
    execute(deployment, "UPDATE assessments SET business_name = :n WHERE id = :i", n="N" * 250, i=creme)
    execute(deployment, "UPDATE answers SET question_id = :q WHERE note LIKE 'Sam%'", q="q" * 70)
    assert cli(["db", "copy", deployment, db_url]) == 1
    err = capsys.readouterr().err
    assert "nothing was copied: 2 value(s) in the SQLite file" in err
    assert f"assessments (id={creme!r}): business_name is 250 characters, its column 200" in err
    assert f"answers (assessment_id={creme!r}, question_id={'q' * 70!r}): question_id is 70 characters" in err
    assert execute(db_url, "SELECT count(*) FROM assessments") == [(0,)]


def test_a_copy_that_does_not_arrive_intact_is_rolled_back(
    deployment: str, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The verification reads the target back: a trigger that alters a note on the way is caught."""
    assert cli(["db", "upgrade", db_url]) == 0
    if db_url.startswith("sqlite"):
        execute(
            db_url,
            "CREATE TRIGGER meddle AFTER INSERT ON answers WHEN NEW.note IS NOT NULL "
            "BEGIN UPDATE answers SET note = 'changed' WHERE rowid = NEW.rowid; END",
        )
    else:
        execute(
            db_url,
            "CREATE FUNCTION meddle() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN IF NEW.note IS NOT NULL THEN NEW.note := 'changed'; END IF; RETURN NEW; END $$",
        )
        execute(db_url, "CREATE TRIGGER meddle BEFORE INSERT ON answers FOR EACH ROW EXECUTE FUNCTION meddle()")
    capsys.readouterr()
    assert cli(["db", "copy", deployment, db_url]) == 1
    assert "verification failed for answers: the source has 71 rows" in capsys.readouterr().err
    assert execute(db_url, "SELECT count(*) FROM assessments") == [(0,)]


def test_data_from_a_newer_readiness_is_not_silently_dropped(
    deployment: str, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    execute(deployment, "ALTER TABLE assessments ADD COLUMN future_note VARCHAR(100)")
    assert cli(["db", "copy", deployment, f"sqlite:///{tmp_path / 'unused.sqlite3'}"]) == 0  # all empty: nothing lost
    execute(deployment, "UPDATE assessments SET future_note = 'written by a newer release'")
    capsys.readouterr()
    assert cli(["db", "copy", deployment, db_url]) == 1
    assert "has data this Readiness does not know (column assessments.future_note)" in capsys.readouterr().err
    assert inspect(open_database(db_url, "test").engine).get_table_names() == []  # refused before touching it
