"""Storage through SQLAlchemy, on a SQLite file and on PostgreSQL: nothing a person answers is lost.

Every test taking ``db_url`` runs on both databases (tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import socket
import sqlite3
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, make_url, text

from readiness import load_questionnaire, parse_questionnaire
from readiness.answers import Answer, validate_answer
from readiness.demo import create_demo
from readiness.storage import SCHEMA_VERSION, NotFound, ShareError, StorageError, Store, ValueRefused

from .conftest import ROOT, SAMPLE


@pytest.fixture
def store(db_url: str):
    s = Store(db_url)
    yield s
    s.close()


def sql(store: Store, statement: str, **params: object) -> list[tuple]:
    """Raw SQL on the store's own database, as an operator at a SQL prompt would run it."""
    with store.engine.begin() as connection:
        result = connection.execute(text(statement), params)
        return [tuple(r) for r in result] if result.returns_rows else []


def test_tables_and_schema_level_are_set_up_on_first_start(store: Store) -> None:
    assert store.schema_version() == 3 <= SCHEMA_VERSION  # what the migrations record: older code copes
    tables = set(inspect(store.engine).get_table_names())
    assert {"assessments", "answers", "questionnaire_snapshots", "meta", "share_links", "alembic_version"} <= tables


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    Store(f"sqlite:///{tmp_path / 'r.sqlite3'}").close()
    with sqlite3.connect(tmp_path / "r.sqlite3") as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_assessment_ids_are_unguessable(store: Store, sample) -> None:
    ids = {store.create_assessment(sample, f"B{i}").id for i in range(200)}
    assert len(ids) == 200
    assert all(len(i) >= 22 and i.replace("-", "").replace("_", "").isalnum() for i in ids)  # >= 128 bits


def test_assessment_records_questionnaire_identity_and_metadata(store: Store, sample) -> None:
    a = store.create_assessment(sample, "  Frost & Co  ", "surge", business_kind="goods")
    again = store.get_assessment(a.id)
    assert again == a
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


def test_answers_and_notes_survive_a_reopened_database(db_url: str, sample) -> None:
    first = Store(db_url)
    a = first.create_assessment(sample, "Acme")
    first.save_answer(a.id, validate_answer(sample, "cover", 2, note="Sam covers packing"))
    first.save_answer(a.id, validate_answer(sample, "channels", ["ads", "partners"]))
    first.save_answer(a.id, validate_answer(sample, "surge_plan", "dont_know"))
    first.save_answer(a.id, validate_answer(sample, "cover", 3, note="now trained"))  # replaced, not duplicated
    first.close()
    second = Store(db_url)
    answers = second.answers(a.id)
    assert answers["cover"].value == 3.0 and answers["cover"].note == "now trained"
    assert answers["channels"].value == ("ads", "partners")
    assert answers["surge_plan"].kind == "dont_know"
    second.delete_answer(a.id, "cover")
    assert "cover" not in second.answers(a.id)
    second.close()


def test_a_snapshot_stored_under_an_older_releases_hash_is_still_found_and_answered(db_url: str, sample) -> None:
    """A release may compute content hashes differently (new settings with defaults): an assessment
    started before keeps working, since its snapshot keeps the key it was stored under."""
    from sqlalchemy import text

    first = Store(db_url)
    a = first.create_assessment(sample, "Acme")
    older = "0" * 64  # what an earlier release called this very questionnaire
    with first.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO questionnaire_snapshots (hash, questionnaire_id, version, content, created_at) "
                "SELECT :older, questionnaire_id, version, content, created_at FROM questionnaire_snapshots "
                "WHERE hash = :now"
            ),
            {"older": older, "now": a.questionnaire_hash},
        )
        connection.execute(
            text("UPDATE assessments SET questionnaire_hash = :older WHERE id = :id"), {"older": older, "id": a.id}
        )
    first.close()
    second = Store(db_url)
    reopened = second.get_assessment(a.id)
    questionnaire = second.questionnaire(reopened.questionnaire_hash)
    assert questionnaire.content_hash == older  # pages build their save targets from it
    assert second.questionnaire(questionnaire.content_hash) is questionnaire
    second.save_answer(a.id, validate_answer(questionnaire, "cover", 2))
    assert second.answers(a.id)["cover"].value == 2.0
    second.close()


def test_every_change_to_the_answers_moves_updated_at(store: Store, sample) -> None:
    """Cached scores key on updated_at: a save, a bulk save and a deletion must all move it."""
    a = store.create_assessment(sample, "Acme")
    stamps = [a.updated_at]
    store.save_answer(a.id, validate_answer(sample, "cover", 2))
    stamps.append(store.get_assessment(a.id).updated_at)
    store.save_answers(a.id, [validate_answer(sample, "cover", 1), validate_answer(sample, "cover", 3)])
    stamps.append(store.get_assessment(a.id).updated_at)
    assert store.answers(a.id)["cover"].value == 3.0  # the last of a question in one batch wins
    store.delete_answer(a.id, "cover")
    stamps.append(store.get_assessment(a.id).updated_at)
    assert stamps == sorted(stamps) and len(set(stamps)) == 4


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
    with pytest.raises(NotFound):
        store.save_answers("missing-assessment-id-xx", [validate_answer(sample, "cover", 1)])
    from readiness import UnknownProfileError

    with pytest.raises(UnknownProfileError):
        store.create_assessment(sample, "X", "moonshot")


def test_a_database_from_a_newer_readiness_is_refused(db_url: str) -> None:
    first = Store(db_url)
    sql(first, "UPDATE meta SET value='99' WHERE key='schema_version'")
    first.close()
    with pytest.raises(StorageError, match="newer Readiness"):
        Store(db_url)


def test_concurrent_writers_lose_no_answer(db_url: str, sample) -> None:
    """Eight people answering at once, each through their own connection pool."""
    setup = Store(db_url)
    assessments = [setup.create_assessment(sample, f"P{i}").id for i in range(8)]
    shared = assessments[0]
    errors: list[BaseException] = []
    values = [0, 1, 2, 3]

    def person(index: int) -> None:
        try:
            mine = Store(db_url, pool_size=1, max_overflow=0)
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
    setup.close()


def test_twenty_first_saves_of_the_same_answer_at_once_all_succeed(db_url: str, sample) -> None:
    """Two tabs or two servers saving a new answer together: an upsert, not read-then-insert.

    Before upserts, the second insert failed on the primary key in 20 of 20 trials on PostgreSQL.
    """
    servers = [Store(db_url, pool_size=10, max_overflow=0) for _ in range(2)]
    errors: list[BaseException] = []

    def save(index: int, assessment_id: str, gate: threading.Barrier) -> None:
        try:
            gate.wait()
            answer = validate_answer(sample, "cover", index % 4, note=str(index))
            servers[index % 2].save_answer(assessment_id, answer)
        except BaseException as exc:
            errors.append(exc)

    for trial in range(3):
        a = servers[0].create_assessment(sample, f"Race {trial}")
        barrier = threading.Barrier(20)
        threads = [threading.Thread(target=save, args=(i, a.id, barrier)) for i in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        kept = servers[1].answers(a.id)["cover"]
        assert kept.value == float(int(kept.note) % 4)  # one whole save won: value and note belong together
        assert sql(servers[0], "SELECT count(*) FROM answers WHERE assessment_id = :a", a=a.id) == [(1,)]
    for server in servers:
        server.close()


def test_demo_is_a_complete_copy_per_visitor(store: Store) -> None:
    first, second = create_demo(store), create_demo(store)
    assert first.id != second.id and first.is_demo and first.status == "complete"
    q = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    assert len(store.answers(first.id)) >= 45
    assert store.questionnaire(first.questionnaire_hash).content_hash == q.content_hash
    assert store.demo_assessment() == store.get_assessment(first.id)


def test_share_links_are_hashed_revocable_and_expire(store: Store, sample) -> None:
    a = store.create_assessment(sample, "Acme")
    token, link = store.create_share(a.id)
    assert len(token) >= 32 and token != a.id  # 192 bits, and not the edit link
    assert store.open_share(token).id == a.id
    stored = [r[0] for r in sql(store, "SELECT token_hash FROM share_links")]
    assert token not in stored and all(len(h) == 64 for h in stored)  # only the hash is kept
    store.revoke_share(a.id, link.id)
    with pytest.raises(ShareError) as info:
        store.open_share(token)
    assert info.value.reason == "revoked" and "revoked" in str(info.value)
    assert [s.status for s in store.shares(a.id)] == ["revoked"]

    short, _ = store.create_share(a.id, days=1)
    assert store.shares(a.id)[1].expires_at - store.shares(a.id)[1].created_at == timedelta(days=1)
    past = datetime(2020, 1, 1, tzinfo=UTC)
    sql(store, "UPDATE share_links SET expires_at = :t WHERE revoked_at IS NULL", t=past)
    with pytest.raises(ShareError) as info:
        store.open_share(short)
    assert info.value.reason == "expired"
    with pytest.raises(ShareError) as info:
        store.open_share("x" * 32)
    assert info.value.reason == "unknown"
    other = store.create_assessment(sample, "Other")
    third, third_link = store.create_share(a.id)
    store.revoke_share(other.id, third_link.id)  # revoking through another assessment does nothing to it
    store.revoke_share(a.id, "%")  # nor does an id that is not one
    assert store.open_share(third).id == a.id


# --- what PostgreSQL refuses and SQLite took: checked before any SQL runs, the same on both --------


def test_a_nul_character_in_a_note_is_removed_and_the_note_kept(store: Store, sample) -> None:
    a = store.create_assessment(sample, "Pasted\x00 Ltd")
    store.save_answer(a.id, validate_answer(sample, "cover", 2, note="copied from a PDF:\x00 Sam covers"))
    store.save_answer(a.id, validate_answer(sample, "comment", "free\x00 text"))
    answers = store.answers(a.id)
    assert answers["cover"].note == "copied from a PDF: Sam covers"
    assert answers["comment"].value == "free\x00 text"  # JSON keeps it escaped, so even that survives
    assert store.get_assessment(a.id).business_name == "Pasted Ltd"


def test_broken_unicode_from_an_api_caller_is_stored_as_a_replacement_character(store: Store, sample) -> None:
    a = store.create_assessment(sample, "Acme")
    store.save_answer(a.id, Answer("cover", "value", 2.0, "half a pair: \ud83d"))
    assert store.answers(a.id)["cover"].note == "half a pair: \ufffd"


def test_over_long_text_is_refused_with_where_and_nothing_is_saved(store: Store, sample) -> None:
    a = store.create_assessment(sample, "Acme")
    store.save_answer(a.id, validate_answer(sample, "cover", 1, note="first"))
    with pytest.raises(ValueRefused, match=r"answer to question 'cover': note is 10,001 characters long"):
        store.save_answer(a.id, Answer("cover", "value", 3.0, "x" * 10_001))
    with pytest.raises(ValueRefused, match="question id is 65 characters"):
        store.save_answer(a.id, Answer("q" * 65, "value", 1.0))
    with pytest.raises(ValueRefused, match="language is 9 characters"):
        store.update_assessment(a.id, language="x" * 9)
    with pytest.raises(ValueRefused, match="status must be one of draft, complete"):
        store.update_assessment(a.id, status="archived")
    assert store.answers(a.id)["cover"].note == "first"
    assert store.get_assessment(a.id).language == a.language
    renamed = store.update_assessment(a.id, business_name="  " + "N" * 300)  # a name is cut, as the app's field does
    assert renamed.business_name == "N" * 200


def test_times_come_back_in_utc(store: Store, sample) -> None:
    before = datetime.now(UTC)
    a = store.create_assessment(sample, "Acme")
    store.create_share(a.id, days=7)
    for moment in (store.get_assessment(a.id).created_at, store.shares(a.id)[0].expires_at):
        assert moment.utcoffset() == timedelta(0)
    assert before - timedelta(seconds=5) <= store.get_assessment(a.id).created_at <= datetime.now(UTC)


def test_times_are_utc_whatever_the_postgresql_sessions_time_zone(pg_url: str, sample) -> None:
    url = make_url(pg_url)
    nepal = url.update_query_dict({"options": url.query["options"] + " -ctimezone=Asia/Kathmandu"})  # +05:45
    store = Store(nepal.render_as_string(hide_password=False))
    assert sql(store, "SHOW timezone") == [("Asia/Kathmandu",)]
    before = datetime.now(UTC)
    a = store.create_assessment(sample, "Acme")
    store.create_share(a.id, days=7)
    again = store.get_assessment(a.id)
    assert again.created_at.tzinfo is UTC and store.shares(a.id)[0].expires_at.tzinfo is UTC
    assert before - timedelta(seconds=5) <= again.created_at <= datetime.now(UTC)
    store.close()


# --- opening a database: each failure names the setting to fix ------------------------------------


def test_a_wrong_url_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READINESS_DATABASE_URL", "localhost:5432/readiness")
    with pytest.raises(StorageError, match=r"READINESS_DATABASE_URL is not a database URL .*postgresql://"):
        Store()
    with pytest.raises(StorageError, match=r"READINESS_DATABASE_URL names a mysql database; .*SQLite or PostgreSQL"):
        Store("mysql://app:secret@db/readiness", setting="READINESS_DATABASE_URL")
    with pytest.raises(StorageError, match=r"DB is not a database URL \('postgresql://app:\*\*\*@db:port/x'\)"):
        Store("postgresql://app:secret@db:port/x", setting="DB")  # and the password is not shown


def test_an_unreachable_server_names_the_setting_host_and_port(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READINESS_DATABASE_URL", "postgres://app:secret@127.0.0.1:9/readiness")
    with pytest.raises(StorageError) as info:
        Store()
    message = str(info.value)
    assert "cannot reach the PostgreSQL database 'readiness' at 127.0.0.1:9 (from READINESS_DATABASE_URL)" in message
    assert "secret" not in message


def test_a_missing_driver_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if it were not installed
    with pytest.raises(StorageError, match=r"database_url in secrets.toml .*pip install 'psycopg\[binary\]'"):
        Store("postgresql://app@db/readiness", setting="database_url in secrets.toml")


def test_a_sqlite_file_where_no_folder_can_be_made_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError, match=r"cannot create the folder .*file/sub for the SQLite file named by X"):
        Store(f"sqlite:///{blocker}/sub/r.sqlite3", setting="X")


def test_postgres_urls_as_hosts_hand_them_out_work(pg_url: str, sample) -> None:
    store = Store(pg_url.replace("postgresql+psycopg://", "postgres://"))
    assert store.get_assessment(store.create_assessment(sample, "Heroku style").id).business_name == "Heroku style"
    store.close()


def test_tls_options_in_the_url_reach_the_server(pg_url: str) -> None:
    """``sslmode=require`` is honoured: this test server speaks no TLS, so it refuses, naming the setting."""
    with pytest.raises(StorageError, match=r"cannot reach .* \(from READINESS_DATABASE_URL\): .*SSL"):
        Store(pg_url + "&sslmode=require", setting="READINESS_DATABASE_URL")


def test_a_dropped_connection_is_replaced_without_the_person_noticing(pg_url: str, sample) -> None:
    """A database restart or failover closes every connection; the next save must still work."""
    store = Store(pg_url)
    a = store.create_assessment(sample, "Acme")
    store.save_answer(a.id, validate_answer(sample, "cover", 1))
    url = make_url(pg_url)
    admin = Store(url.update_query_dict({"application_name": "admin"}).render_as_string(hide_password=False))
    killed = sql(
        admin,
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = :n",
        n=store.engine.url.query["application_name"],
    )
    assert killed[0][0] >= 1
    store.save_answer(a.id, validate_answer(sample, "cover", 2))
    assert store.answers(a.id)["cover"].value == 2.0
    store.close()
    admin.close()


def test_a_table_that_does_not_match_is_reported_at_once_not_retried(store: Store, sample) -> None:
    a = store.create_assessment(sample, "Acme")
    sql(store, "ALTER TABLE answers RENAME TO answers_moved")
    with pytest.raises(StorageError, match=r"do not match this Readiness .*readiness db upgrade"):
        store.save_answer(a.id, validate_answer(sample, "cover", 1))


def test_a_server_out_of_connections_says_so_instead_of_crashing(pg_url: str, sample) -> None:
    store = Store(pg_url, pool_size=1, max_overflow=0, pool_timeout=0.5)
    a = store.create_assessment(sample, "Acme")
    with store.engine.connect():  # the only connection, held (a long request elsewhere in the server)
        with pytest.raises(StorageError, match=r"connections this server may open .* stayed busy; nothing was saved"):
            store.save_answer(a.id, validate_answer(sample, "cover", 1))
        with pytest.raises(StorageError, match="raise READINESS_DB_POOL_SIZE"):
            store.answers(a.id)
    store.save_answer(a.id, validate_answer(sample, "cover", 1))  # and it recovers once one is free
    store.close()


class Forwarder:
    """A TCP hop in front of the database that can be cut, as a server restart or a network fault would."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = [self.listener]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            self.sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                sink.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


def test_a_database_server_gone_mid_use_is_named_and_nothing_half_saved(pg_url: str, sample) -> None:
    url = make_url(pg_url)
    hop = Forwarder(url.host or "127.0.0.1", url.port or 5432)
    store = Store(url.set(host="127.0.0.1", port=hop.port).render_as_string(hide_password=False), setting="DB_URL")
    a = store.create_assessment(sample, "Acme")
    store.save_answer(a.id, validate_answer(sample, "cover", 1))
    hop.cut()
    with pytest.raises(StorageError) as info:
        store.save_answer(a.id, validate_answer(sample, "cover", 2))
    assert f"cannot reach the PostgreSQL database {url.database!r} at 127.0.0.1:{hop.port} (from DB_URL)" in str(
        info.value
    )
    with pytest.raises(StorageError, match="cannot reach"):
        store.answers(a.id)
    store.close()
    direct = Store(pg_url)
    assert direct.answers(a.id)["cover"].value == 1.0
    direct.close()


def test_uploaded_questionnaires_are_kept_by_hash_once_and_survive_a_reopen(db_url: str) -> None:
    samm = ROOT / "tests" / "data" / "frameworks" / "samm-governance.yaml"
    text = samm.read_text(encoding="utf-8")
    q = parse_questionnaire(text).questionnaire
    store = Store(db_url)
    try:
        kept = store.save_upload(q, text, "samm.yaml", "yaml")
        again = store.save_upload(q, text, "samm-copy.yaml", "yaml")  # the same content: kept once
        assert again == kept and kept.hash == q.content_hash and kept.title == "OWASP SAMM Governance"
    finally:
        store.close()
    reopened = Store(db_url)
    try:
        [only] = reopened.uploads()
        assert only.file_name == "samm.yaml" and only.created_at.tzinfo is not None
        assert parse_questionnaire(only.content).questionnaire.content_hash == q.content_hash
        with pytest.raises(NotFound):
            reopened.upload("0" * 64)
        # an assessment started with it resumes with exactly that questionnaire
        assessment = reopened.create_assessment(q, "Acme", "target")
        assert reopened.questionnaire(assessment.questionnaire_hash).content_hash == q.content_hash
    finally:
        reopened.close()
