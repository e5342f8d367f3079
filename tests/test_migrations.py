"""Migrations: old databases adopted without loss, older servers living with newer schemas, no races.

Every test runs on a SQLite file and on PostgreSQL (``new_db_url``/``db_url``, tests/conftest.py).
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from readiness.answers import validate_answer
from readiness.cli import main as cli
from readiness.storage import SCHEMA_VERSION, StorageError, Store
from readiness.store import migrate
from readiness.store.database import open_database
from readiness.store.schema import Base
from readiness.workshop_store import WorkshopError, WorkshopStore

from .conftest import DATA, ROOT
from .legacy import create_legacy_database, dump, normalised, upgraded

FUTURE = DATA / "migrations-future"


def differences(url: str) -> list:
    """What autogenerate would write to make the database match the models (nothing, when they agree)."""
    db = open_database(url, "test")
    with db.engine.connect() as connection:
        found = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
    db.engine.dispose()
    return found


def test_the_shipped_migrations_form_one_line_starting_at_the_baseline() -> None:
    script = migrate.ScriptDirectory.from_config(migrate.alembic_config())
    assert len(script.get_heads()) == 1
    assert [r.revision for r in script.walk_revisions()][-1] == "0001"


def test_a_fresh_database_gets_exactly_the_tables_the_code_uses(db_url: str) -> None:
    store = Store(db_url)
    assert migrate.status(store.db).state == "up to date"
    store.close()
    assert differences(db_url) == []


def test_a_database_made_before_migrations_is_adopted_with_all_its_data(db_url: str) -> None:
    before = create_legacy_database(db_url)
    store = Store(db_url)  # what a server start does
    assert migrate.status(store.db).state == "up to date"
    assert dump(db_url) == upgraded(normalised(before))  # every row of every table, unchanged
    assert differences(db_url) == []

    # and the app reads it all as before
    assessments = {row["business_name"]: row["id"] for row in before["assessments"]}
    notes = store.answers(assessments["Crème Brûlée & Co — Zürich ✓"])
    assert any(a.note and a.note.startswith("Sam covers packing; «quotes»") for a in notes.values())
    assert sorted(link.status for link in store.shares(assessments["Crème Brûlée & Co — Zürich ✓"])) == [
        "active",
        "revoked",
    ]
    workshops = WorkshopStore(store)
    workshop = workshops.get(before["workshops"][0]["id"])
    people = workshops.participants(workshop.id)
    assert workshop.revealed and len(people) == 3 and all(len(answers) == 4 for _, answers in people)
    assert [p.name for p, _ in people] == ["Person 0", "Person 1", "Person 2"]
    assert store.answers(workshop.consensus_assessment_id)
    # and writes to it
    questionnaire = store.questionnaire(workshop.questionnaire_hash)
    with pytest.raises(WorkshopError, match="revealed"):  # a revealed workshop takes nobody new any more
        workshops.join(workshop, "Sales", "Late comer")
    _, after = workshops.create(questionnaire, "After the upgrade", workshop.business_name, roles=["Sales"])
    late = workshops.join(after, "Sales", "Late comer")
    store.save_answer(late.assessment_id, validate_answer(questionnaire, people[0][1].popitem()[0], 1))
    store.close()


def test_version_1_and_2_databases_gain_the_later_tables_and_keep_their_data(new_db_url: Callable[[], str]) -> None:
    for level, missing in ((1, ("share_links", "workshops", "participants")), (2, ("workshops", "participants"))):
        url = new_db_url()
        before = create_legacy_database(url, without=missing, level=level)
        store = Store(url)
        assert store.schema_version() == 3  # the level of the schema they now have, which older code can use
        assert set(missing) <= set(inspect(store.engine).get_table_names())
        after = dump(url, list(before))
        before["meta"] = [{"key": "schema_version", "value": "3"}]
        assert after == upgraded(normalised(before))
        store.close()
        assert differences(url) == []


def test_an_older_server_keeps_working_after_a_newer_release_migrated(db_url: str, sample) -> None:
    """A rolling deployment: the new release migrates first, the old servers serve on meanwhile."""
    old_server = Store(db_url)
    a = old_server.create_assessment(sample, "Before the upgrade")
    migrate.upgrade(old_server.db, locations=[FUTURE], target="9001")  # the newer release, from elsewhere

    # the old server, still running: reads and writes as before
    old_server.save_answer(a.id, validate_answer(sample, "cover", 2, note="during the upgrade"))
    assert old_server.answers(a.id)["cover"].note == "during the upgrade"
    # an old server (re)starting now: not refused, not migrating backwards, fully working
    restarted = Store(db_url)
    assert migrate.status(restarted.db).state == "newer, compatible"
    b = restarted.create_assessment(sample, "After the upgrade")
    restarted.save_answers(b.id, [validate_answer(sample, "cover", 1)])
    _, workshop = WorkshopStore(restarted).create(sample, "W", "Acme", roles=["Sales"])
    assert WorkshopStore(restarted).by_code(workshop.join_code).id == workshop.id
    with restarted.engine.connect() as connection:
        assert connection.execute(text("SELECT future_note FROM assessments WHERE id = :i"), {"i": b.id}).all() == [
            (None,)
        ]
    assert cli(["db", "upgrade", db_url]) == 0  # the old release's upgrade leaves the newer schema alone
    assert cli(["db", "current", db_url]) == 0
    assert migrate.status(restarted.db).revision == "9001"
    old_server.close()
    restarted.close()


def test_a_change_older_servers_cannot_survive_makes_them_refuse_clearly(db_url: str) -> None:
    store = Store(db_url)
    migrate.upgrade(store.db, locations=[FUTURE], target="9002")
    store.close()
    newer = rf"written by a newer Readiness \(schema {SCHEMA_VERSION + 1}, this one reads {SCHEMA_VERSION}\)"
    with pytest.raises(StorageError, match=newer):
        Store(db_url)
    assert cli(["db", "current", db_url]) == 1


def test_with_automatic_upgrades_off_a_database_behind_is_refused_until_upgraded(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    create_legacy_database(db_url)
    monkeypatch.setenv("READINESS_DB_AUTO_UPGRADE", "0")
    with pytest.raises(StorageError, match=r"run `readiness db upgrade` \(automatic upgrades are off"):
        Store(db_url)
    assert cli(["db", "current", db_url]) == 1
    assert "state: behind (run `readiness db upgrade`)" in capsys.readouterr().out
    assert cli(["db", "upgrade", db_url]) == 0
    assert f"from revision none to {migrate.head()}" in capsys.readouterr().out
    Store(db_url).close()
    assert cli(["db", "current", db_url]) == 0
    assert "state: up to date" in capsys.readouterr().out


def test_db_commands_use_the_configured_database_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("READINESS_DATABASE_URL", f"sqlite:///{tmp_path / 'app.sqlite3'}")
    assert cli(["db", "upgrade"]) == 0
    assert cli(["db", "current"]) == 0
    out = capsys.readouterr().out
    assert "app.sqlite3 (from READINESS_DATABASE_URL)" in out and "state: up to date" in out
    monkeypatch.setenv("READINESS_DATABASE_URL", "postgres://app:secret@127.0.0.1:9/readiness")
    assert cli(["db", "current"]) == 1
    err = capsys.readouterr().err
    assert "cannot reach the PostgreSQL database 'readiness' at 127.0.0.1:9 (from READINESS_DATABASE_URL)" in err
    assert "secret" not in err


# --- two servers at once -------------------------------------------------------------------------

RACER = """
import os, sys, time
from readiness.cli import main
from readiness.storage import Store
go, action, url = sys.argv[1:4]
print("ready", flush=True)
while not os.path.exists(go):
    time.sleep(0.001)
if action == "start":
    Store(url).close()
    print("started")
else:
    sys.exit(main(["db", "upgrade", url]))
"""


def race(action: str, url: str, tmp_path: Path, processes: int = 2) -> list[tuple[int, str]]:
    """Start ``processes`` Pythons that do ``action`` at the same instant (after their imports)."""
    go = tmp_path / f"go-{time.monotonic_ns()}"
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(go), action, url],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(processes)
    ]
    for racer in racers:
        assert racer.stdout is not None and racer.stdout.readline().strip() == "ready"
    go.touch()
    results = []
    for racer in racers:
        out, _ = racer.communicate(timeout=120)
        results.append((racer.returncode, out))
    return results


def test_servers_starting_together_on_an_empty_database_all_start(
    new_db_url: Callable[[], str], tmp_path: Path
) -> None:
    """Before the migration lock, two processes creating the tables failed 4 of 10 trials on PostgreSQL."""
    for _ in range(3):
        url = new_db_url()
        results = race("start", url, tmp_path, processes=3)
        assert [code for code, _ in results] == [0, 0, 0], results
        assert differences(url) == []
        with open_database(url, "test").engine.connect() as connection:
            assert connection.execute(text("SELECT value FROM meta")).all() == [("3",)]


def test_two_upgrades_of_an_old_database_at_once_lose_nothing(new_db_url: Callable[[], str], tmp_path: Path) -> None:
    for _ in range(2):
        url = new_db_url()
        before = create_legacy_database(url)
        results = race("upgrade", url, tmp_path)
        assert [code for code, _ in results] == [0, 0], results
        outputs = sorted(out.strip().split(": ", 1)[-1] if "nothing" in out else "upgraded" for _, out in results)
        assert outputs == ["nothing to do", "upgraded"], results  # one migrated; the other waited, then found it done
        assert dump(url) == upgraded(normalised(before))
        assert differences(url) == []
