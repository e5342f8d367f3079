"""Storage on a real SQLite file through SQLAlchemy: nothing a person answers is lost."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from readiness import load_questionnaire, parse_questionnaire
from readiness.answers import validate_answer
from readiness.demo import create_demo
from readiness.storage import SCHEMA_VERSION, NotFound, ShareError, StorageError, Store

from .conftest import ROOT, SAMPLE


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "readiness.sqlite3"


@pytest.fixture
def store(db_path: Path):
    s = Store(f"sqlite:///{db_path}")
    yield s
    s.close()


def test_tables_schema_version_and_wal_are_set_up_on_first_start(store: Store, db_path: Path) -> None:
    assert store.schema_version() == SCHEMA_VERSION
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"assessments", "answers", "questionnaire_snapshots", "meta", "share_links"} <= tables


def test_assessment_ids_are_unguessable(store: Store, sample) -> None:
    ids = {store.create_assessment(sample, f"B{i}").id for i in range(200)}
    assert len(ids) == 200
    assert all(len(i) >= 22 and i.replace("-", "").replace("_", "").isalnum() for i in ids)  # >= 128 bits


def test_assessment_records_questionnaire_identity_and_metadata(store: Store, sample) -> None:
    a = store.create_assessment(sample, "  Frost & Co  ", "surge", business_kind="goods")
    again = store.get_assessment(a.id)
    assert (again.business_name, again.profile, again.business_kind, again.status) == (
        "Frost & Co",
        "surge",
        "goods",
        "draft",
    )
    assert (again.questionnaire_id, again.questionnaire_version) == ("sample", "1.0")
    assert again.questionnaire_hash == sample.content_hash
    done = store.update_assessment(a.id, status="complete", position=3)
    assert done.completed_at is not None and done.position == 3


def test_answers_and_notes_survive_a_reopened_database(db_path: Path, sample) -> None:
    first = Store(f"sqlite:///{db_path}")
    a = first.create_assessment(sample, "Acme")
    first.save_answer(a.id, validate_answer(sample, "cover", 2, note="Sam covers packing"))
    first.save_answer(a.id, validate_answer(sample, "channels", ["ads", "partners"]))
    first.save_answer(a.id, validate_answer(sample, "surge_plan", "dont_know"))
    first.save_answer(a.id, validate_answer(sample, "cover", 3, note="now trained"))  # replaced, not duplicated
    first.close()
    second = Store(f"sqlite:///{db_path}")
    answers = second.answers(a.id)
    assert answers["cover"].value == 3.0 and answers["cover"].note == "now trained"
    assert answers["channels"].value == ("ads", "partners")
    assert answers["surge_plan"].kind == "dont_know"
    second.delete_answer(a.id, "cover")
    assert "cover" not in second.answers(a.id)
    second.close()


def test_old_answers_keep_the_questionnaire_they_were_given_with(store: Store) -> None:
    original = parse_questionnaire(SAMPLE.read_text()).questionnaire
    edited = parse_questionnaire(SAMPLE.read_text().replace("weight: 0", "weight: 0\n    help: edited")).questionnaire
    assert edited.content_hash != original.content_hash
    old = store.create_assessment(original, "Old")
    new = store.create_assessment(edited, "New")
    assert store.questionnaire(old.questionnaire_hash).content_hash == original.content_hash
    assert store.questionnaire(new.questionnaire_hash).question("business_type").help == "edited"


def test_unknown_links_and_unknown_profiles_are_clear_errors(store: Store, sample) -> None:
    with pytest.raises(NotFound):
        store.get_assessment("nope-nope-nope-nope-nope")
    with pytest.raises(NotFound):
        store.get_assessment("")
    with pytest.raises(NotFound):
        store.save_answer("missing-assessment-id-xx", validate_answer(sample, "cover", 1))
    from readiness import UnknownProfileError

    with pytest.raises(UnknownProfileError):
        store.create_assessment(sample, "X", "moonshot")


def test_a_database_from_a_newer_readiness_is_refused(db_path: Path) -> None:
    Store(f"sqlite:///{db_path}").close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(StorageError, match="newer Readiness"):
        Store(f"sqlite:///{db_path}")


def test_concurrent_writers_lose_no_answer(db_path: Path, sample) -> None:
    """Eight people answering at once, each through their own connection pool."""
    setup = Store(f"sqlite:///{db_path}")
    assessments = [setup.create_assessment(sample, f"P{i}").id for i in range(8)]
    shared = assessments[0]
    errors: list[BaseException] = []
    values = [0, 1, 2, 3]

    def person(index: int) -> None:
        try:
            mine = Store(f"sqlite:///{db_path}")
            for round_ in range(25):
                mine.save_answer(
                    assessments[index], validate_answer(sample, "cover", values[round_ % 4], note=f"{index}-{round_}")
                )
                mine.save_answer(shared, validate_answer(sample, "comment", f"from {index} round {round_}"))
            mine.close()
        except BaseException as exc:  # collected, so a failure in a thread fails the test
            errors.append(exc)

    threads = [threading.Thread(target=person, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for index, assessment_id in enumerate(assessments):
        assert setup.answers(assessment_id)["cover"].note == f"{index}-24"
    assert setup.answers(shared)["comment"].value.endswith("round 24")


def test_demo_is_a_complete_copy_per_visitor(store: Store) -> None:
    first, second = create_demo(store), create_demo(store)
    assert first.id != second.id and first.is_demo and first.status == "complete"
    q = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    assert len(store.answers(first.id)) >= 45
    assert store.questionnaire(first.questionnaire_hash).content_hash == q.content_hash


def test_share_links_are_hashed_revocable_and_expire(store: Store, sample, db_path: Path) -> None:
    a = store.create_assessment(sample, "Acme")
    token, link = store.create_share(a.id)
    assert len(token) >= 32 and token != a.id  # 192 bits, and not the edit link
    assert store.open_share(token).id == a.id
    with sqlite3.connect(db_path) as raw:
        stored = [r[0] for r in raw.execute("SELECT token_hash FROM share_links")]
    assert token not in stored and all(len(h) == 64 for h in stored)  # only the hash is kept
    store.revoke_share(a.id, link.id)
    with pytest.raises(ShareError) as info:
        store.open_share(token)
    assert info.value.reason == "revoked" and "revoked" in str(info.value)
    assert [s.status for s in store.shares(a.id)] == ["revoked"]

    short, _ = store.create_share(a.id, days=1)
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE share_links SET expires_at = '2020-01-01 00:00:00' WHERE revoked_at IS NULL")
    with pytest.raises(ShareError) as info:
        store.open_share(short)
    assert info.value.reason == "expired"
    with pytest.raises(ShareError) as info:
        store.open_share("x" * 32)
    assert info.value.reason == "unknown"
    other = store.create_assessment(sample, "Other")
    store.revoke_share(other.id, link.id)  # revoking through another assessment does nothing to it


def test_an_older_database_gains_new_tables_and_keeps_its_data(db_path: Path, sample) -> None:
    first = Store(f"sqlite:///{db_path}")
    a = first.create_assessment(sample, "Old")
    first.close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("DROP TABLE share_links")
        raw.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    again = Store(f"sqlite:///{db_path}")
    assert again.schema_version() == SCHEMA_VERSION
    assert again.get_assessment(a.id).business_name == "Old"
    assert again.create_share(a.id)[0]
