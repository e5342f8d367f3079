"""Storage of assessments and their answers, through SQLAlchemy, on SQLite or PostgreSQL.

SQLite is the zero-setup default (one file); PostgreSQL carries several app
servers on one database (docs/deploy.md). Opening a database, cleaning text
and migrating the schema live in :mod:`readiness.store`; this module is the
assessments' API on top.

Every answer is saved the moment it changes, with an upsert (``INSERT ... ON
CONFLICT``), so two saves of the same answer at once (two tabs, two servers)
both succeed and the later one wins, instead of the second failing on a
duplicate key. An assessment keeps a snapshot of the exact questionnaire it
was answered with (by content hash), so editing a questionnaire file later
never silently re-scores old answers.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    Connection,
    Table,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker

from readiness.answers import Answer, AnswerSet
from readiness.currency import DEFAULT_CURRENCY, check_currency
from readiness.errors import ReadinessError
from readiness.model import Questionnaire, tr
from readiness.store import migrate
from readiness.store.database import RETRY_SECONDS, Database, is_transient, open_database, utc, utc_or_none
from readiness.store.errors import StorageError, ValueRefused
from readiness.store.schema import (
    AnswerRow,
    AssessmentRow,
    Base,
    MetaRow,
    ParticipantRow,
    ShareRow,
    SnapshotRow,
    UploadRow,
    WorkshopRow,
    now,
)
from readiness.store.text import NOTE_LIMIT, VALUE_LIMIT, checked, clean, cut

#: The schema level this code reads and writes (see :mod:`readiness.store.migrate`).
SCHEMA_VERSION = migrate.SCHEMA_VERSION
ENV_URL = "READINESS_DATABASE_URL"
T = TypeVar("T")
STATUSES = ("draft", "complete")

# Re-exported: callers catch the errors, and the workshop store reads the tables, from here.
__all__ = [
    "AnswerRow",
    "AssessmentRow",
    "Base",
    "MetaRow",
    "ParticipantRow",
    "ShareRow",
    "SnapshotRow",
    "StorageError",
    "ValueRefused",
    "WorkshopRow",
]


def new_token() -> str:
    """An unguessable id: 144 random bits, URL-safe."""
    return secrets.token_urlsafe(18)


def default_url(base: str | Path | None = None) -> str:
    """The database URL: ``READINESS_DATABASE_URL`` (or ``DATABASE_URL``), else a SQLite file."""
    return configured_url(base)[0]


def configured_url(base: str | Path | None = None) -> tuple[str, str]:
    """The database URL and, for messages, the setting it came from."""
    for setting in (ENV_URL, "DATABASE_URL"):
        if os.environ.get(setting):
            return os.environ[setting], setting
    folder = Path(base) if base else Path.cwd() / "data"
    return f"sqlite:///{folder / 'readiness.sqlite3'}", f"the default database (set {ENV_URL} to choose another)"


class NotFound(ReadinessError):
    """No assessment with that id (mistyped or deleted link)."""


class ShareError(ReadinessError):
    """A share link that opens nothing; the message says why, and nothing about any data."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        messages = {
            "unknown": "This share link does not open any report. Check that it was copied whole.",
            "revoked": "This share link has been revoked by the person who shared it.",
            "expired": "This share link has expired. Ask the person who shared it for a new one.",
        }
        super().__init__(messages[reason])


@dataclass(frozen=True)
class ShareLink:
    """A read-only link, as its owner sees it (the token itself is never stored)."""

    id: str
    assessment_id: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None

    @property
    def status(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= now():
            return "expired"
        return "active"


def _hash_token(token: str) -> str:
    # Tokens carry 192 random bits, so a fast hash is enough: nothing to brute-force.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _share(row: Any) -> ShareLink:
    return ShareLink(
        row.token_hash[:12],
        row.assessment_id,
        utc(row.created_at),
        utc_or_none(row.expires_at),
        utc_or_none(row.revoked_at),
    )


@dataclass(frozen=True)
class Assessment:
    """An assessment as callers see it (plain data, detached from the database)."""

    id: str
    questionnaire_id: str
    questionnaire_version: str
    questionnaire_hash: str
    business_name: str
    profile: str
    business_kind: str | None
    language: str
    currency: str
    status: str
    position: int
    is_demo: bool
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None
    #: The secret of its resume link, known only when it is created or opened by it: only its hash
    #: is stored. Not part of what the assessment *is*, so it does not take part in comparisons.
    resume_key: str | None = field(default=None, compare=False)


def _assessment(row: Any, resume_key: str | None = None) -> Assessment:
    """From an ORM row or a plain result row alike; every time in UTC."""
    return Assessment(
        id=row.id,
        questionnaire_id=row.questionnaire_id,
        questionnaire_version=row.questionnaire_version,
        questionnaire_hash=row.questionnaire_hash,
        business_name=row.business_name,
        profile=row.profile,
        business_kind=row.business_kind,
        language=row.language,
        currency=row.currency or DEFAULT_CURRENCY,
        status=row.status,
        position=row.position,
        is_demo=bool(row.is_demo),
        created_at=utc(row.created_at),
        updated_at=utc(row.updated_at),
        completed_at=utc_or_none(row.completed_at),
        resume_key=resume_key,
    )


def new_resume_key() -> str:
    """The secret of a resume link: 192 random bits, URL-safe, like share and facilitator keys."""
    return secrets.token_urlsafe(24)


_ASSESSMENTS: Table = AssessmentRow.__table__  # type: ignore[assignment]
_ANSWERS: Table = AnswerRow.__table__  # type: ignore[assignment]
_SNAPSHOTS: Table = SnapshotRow.__table__  # type: ignore[assignment]
_UPLOADS: Table = UploadRow.__table__  # type: ignore[assignment]
_SHARES: Table = ShareRow.__table__  # type: ignore[assignment]


class Store:
    """One database. Thread-safe: each call takes its own connection from the pool.

    Opening a store makes sure the schema is ready, migrating it under a
    database lock when it is behind (:mod:`readiness.store.migrate`), so every
    server start is also a safe upgrade, however many servers start at once.
    """

    def __init__(
        self,
        url: str | None = None,
        *,
        echo: bool = False,
        setting: str | None = None,
        auto_upgrade: bool | None = None,
        pool_size: int | None = None,
        max_overflow: int | None = None,
        pool_timeout: float | None = None,
    ) -> None:
        """``setting`` names where ``url`` came from, for error messages (the environment variable by default)."""
        if url is None:
            url, configured = configured_url()
            setting = setting or configured
        self.url = url
        self.db: Database = open_database(
            url,
            setting or "the database URL",
            echo=echo,
            pool_size=pool_size,
            max_overflow=max_overflow,
            pool_timeout=pool_timeout,
        )
        self.engine: Engine = self.db.engine
        self.is_sqlite = self.db.is_sqlite
        self._writer = self.engine.execution_options(readiness_write=True)  # SQLite: BEGIN IMMEDIATE
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._snapshots: dict[str, Questionnaire] = {}
        self._stored_snapshots: set[str] = set()
        try:
            self.status = migrate.ensure_ready(self.db, auto_upgrade=auto_upgrade)
        except BaseException:
            self.engine.dispose()
            raise

    # --- plumbing -----------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[Session]:
        """An ORM session in one write transaction (run it through :meth:`_retry`)."""
        session = self._sessions(bind=self._writer)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        """A plain connection in one write transaction: the hot paths skip the ORM."""
        with self._writer.begin() as connection:
            yield connection

    @contextmanager
    def _read(self) -> Iterator[Session]:
        """A session for reading; a database failure becomes a :class:`StorageError` that says what broke."""
        try:
            with self._sessions() as session:
                yield session
        except DBAPIError as exc:
            raise self.db.error(exc) from None
        except PoolTimeout:
            raise self.db.busy() from None

    def _insert(self, table: Table) -> postgresql.Insert | sqlite.Insert:
        """An INSERT that can say ON CONFLICT, in this database's dialect."""
        return sqlite.insert(table) if self.is_sqlite else postgresql.insert(table)

    def _retry(self, func: Callable[[], T], attempts: int = 6) -> T:
        """Run a write; retry only what passes by itself (a lock, a deadlock, a restarting server).

        Anything else (a refused value, a missing table) is reported at once,
        as it is: retrying it would only make the person wait for the same error.
        """
        deadline = time.monotonic() + RETRY_SECONDS  # a person is waiting: a few seconds, then say so
        for attempt in range(attempts):
            try:
                return func()
            except DBAPIError as exc:
                if not is_transient(exc):
                    raise self.db.error(exc) from None
                pause = 0.05 * 2**attempt
                if attempt == attempts - 1 or time.monotonic() + pause > deadline:
                    raise self.db.error(exc, gave_up=True) from None
                time.sleep(pause)
            except PoolTimeout:  # the pool already waited (30 s): another wait would only double it
                raise self.db.busy() from None
        raise AssertionError("unreachable")  # pragma: no cover

    def schema_version(self) -> int:
        with self._read() as session:
            row = session.get(MetaRow, "schema_version")
            return int(row.value) if row else 0

    def close(self) -> None:
        self.engine.dispose()

    # --- questionnaires -----------------------------------------------------
    def _ensure_snapshot(self, connection: Connection, questionnaire: Questionnaire) -> None:
        """Store the questionnaire once; a concurrent first store of the same one is not an error."""
        if questionnaire.content_hash in self._stored_snapshots:
            return
        where = f"questionnaire {questionnaire.id[:80]!r}"
        row = {
            "hash": questionnaire.content_hash,
            "questionnaire_id": checked(questionnaire.id, field="id", limit=80, where=where),
            "version": checked(questionnaire.version, field="version", limit=40, where=where),
            "content": clean(json.dumps(questionnaire.model_dump(mode="json"), ensure_ascii=False)),
            "created_at": now(),
        }
        connection.execute(self._insert(_SNAPSHOTS).values(row).on_conflict_do_nothing(index_elements=["hash"]))

    def questionnaire(self, content_hash: str) -> Questionnaire:
        """The exact questionnaire an assessment was answered with."""
        cached = self._snapshots.get(content_hash)
        if cached is not None:
            return cached
        with self._read() as session:
            row = session.get(SnapshotRow, content_hash)
            if row is None:
                raise NotFound(f"questionnaire snapshot {content_hash[:12]} is missing")
            questionnaire = Questionnaire.model_validate(json.loads(row.content))
        # A snapshot keeps the identity it was stored under: a newer release may compute hashes
        # differently (new settings with defaults), and the assessments, answers and workshops that
        # point at this snapshot must go on finding it by that key.
        questionnaire._hash = content_hash
        self._snapshots[content_hash] = questionnaire
        return questionnaire

    # --- assessments --------------------------------------------------------
    def create_assessment(
        self,
        questionnaire: Questionnaire,
        business_name: str = "",
        profile: str | None = None,
        business_kind: str | None = None,
        language: str | None = None,
        is_demo: bool = False,
        currency: str | None = None,
        resume_key: str | None = None,
    ) -> Assessment:
        """A new assessment; its ``resume_key`` (the secret of its link) is returned once and stored hashed.

        The assessment's ``id`` is not a secret: it names the assessment inside the
        database. ``resume_key`` may be given by a caller that derives it (a
        workshop's agreed answers open with a key derived from the facilitator's).
        """
        profile_id = questionnaire.profile(profile).id  # raises on an unknown profile
        key = resume_key or new_resume_key()
        code = check_currency(currency)  # raises on a code that is not one
        stamp = now()
        row = {
            "id": new_token(),
            "resume_hash": _hash_token(key),
            "questionnaire_id": questionnaire.id,
            "questionnaire_version": questionnaire.version,
            "questionnaire_hash": questionnaire.content_hash,
            "status": "draft",
            "position": 0,
            "is_demo": int(is_demo),
            "currency": code,
            "created_at": stamp,
            "updated_at": stamp,
            "completed_at": None,
            **_assessment_fields(
                business_name=business_name,
                profile=profile_id,
                business_kind=business_kind,
                language=language or questionnaire.default_language,
            ),
        }

        def work() -> None:
            with self._begin() as connection:
                self._ensure_snapshot(connection, questionnaire)
                connection.execute(_ASSESSMENTS.insert().values(row))

        self._retry(work)
        self._stored_snapshots.add(questionnaire.content_hash)  # only once it is committed
        return _assessment(_Fields(row), key)

    def open_assessment(self, resume_key: str) -> Assessment:
        """The assessment a resume link's secret opens (what a person holds), or :class:`NotFound`.

        Looked up by the secret's hash. Links made before resume keys were hashed
        carry the assessment's id as their secret: the migration stored the hash
        of those ids, so they keep working; an assessment created by an older
        server during a rolling upgrade has no hash yet and is found by its id.
        """
        if not isinstance(resume_key, str) or not 10 <= len(resume_key) <= 64:
            raise NotFound("no assessment with that link")
        with self._read() as session:
            by_hash = select(AssessmentRow).where(AssessmentRow.resume_hash == _hash_token(resume_key))
            row = session.scalars(by_hash).first()
            if row is None:
                row = session.scalars(
                    select(AssessmentRow).where(AssessmentRow.id == resume_key, AssessmentRow.resume_hash.is_(None))
                ).first()
            if row is None:
                raise NotFound("no assessment with that link")
            return _assessment(row, resume_key)

    def rekey_old_links(self) -> int:
        """Give each assessment whose link's secret is still its id a new id; returns how many.

        Before resume links were hashed (migration 0003), the secret in a link was
        the assessment's id, kept as it is. Those links keep working by the hash
        the migration stored; this moves each such assessment (its answers, share
        links and workshop ties) to a new random id, so no link's secret is left
        in the database. Run it once every server runs this release: an older
        server would still look those assessments up by their old id.
        """
        participants: Table = ParticipantRow.__table__  # type: ignore[assignment]
        workshops: Table = WorkshopRow.__table__  # type: ignore[assignment]
        moved = 0
        with self._read() as session:
            rows = session.execute(select(AssessmentRow.id, AssessmentRow.resume_hash)).all()
        old = [aid for aid, stored in rows if stored is None or stored == _hash_token(aid)]
        for old_id in old:

            def work(old_id: str = old_id) -> None:
                with self._begin() as connection:
                    row = connection.execute(select(_ASSESSMENTS).where(_ASSESSMENTS.c.id == old_id)).mappings().first()
                    if row is None:
                        return
                    new_id = new_token()
                    this = _ASSESSMENTS.c.id == old_id
                    connection.execute(_ASSESSMENTS.update().where(this).values(resume_hash=None))
                    connection.execute(
                        _ASSESSMENTS.insert().values({**row, "id": new_id, "resume_hash": _hash_token(old_id)})
                    )
                    for table, column in (
                        (_ANSWERS, "assessment_id"),
                        (_SHARES, "assessment_id"),
                        (participants, "assessment_id"),
                        (workshops, "consensus_assessment_id"),
                    ):
                        connection.execute(table.update().where(table.c[column] == old_id).values({column: new_id}))
                    connection.execute(_ASSESSMENTS.delete().where(_ASSESSMENTS.c.id == old_id))

            self._retry(work)
            moved += 1
        return moved

    def get_assessment(self, assessment_id: str) -> Assessment:
        """The assessment with this id: for code that already knows it, never for a link someone pasted."""
        if not isinstance(assessment_id, str) or not 10 <= len(assessment_id) <= 64:
            raise NotFound("no assessment with that link")
        with self._read() as session:
            row = session.get(AssessmentRow, assessment_id)
            if row is None:
                raise NotFound("no assessment with that link")
            return _assessment(row)

    def update_assessment(self, assessment_id: str, **changes: Any) -> Assessment:
        """Change business name, profile, kind, language, currency, position or status."""
        allowed = {"business_name", "profile", "business_kind", "language", "currency", "position", "status"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))}")
        values = _assessment_fields(**changes)

        def work() -> Assessment:
            with self._write() as session:
                row = session.get(AssessmentRow, assessment_id)
                if row is None:
                    raise NotFound("no assessment with that link")
                for key, value in values.items():
                    setattr(row, key, value)
                if values.get("status") == "complete" and row.completed_at is None:
                    row.completed_at = now()
                row.updated_at = now()
                session.flush()
                return _assessment(row)

        return self._retry(work)

    def demo_assessment(self) -> Assessment | None:
        with self._read() as session:
            row = session.scalars(
                select(AssessmentRow).where(AssessmentRow.is_demo == 1).order_by(AssessmentRow.created_at)
            ).first()
            return _assessment(row) if row else None

    # --- answers ------------------------------------------------------------
    def _touch(self, connection: Connection, assessment_id: str, stamp: datetime, required: bool = True) -> None:
        """Move the assessment's ``updated_at`` (what cached scores key on); NotFound if there is none.

        On PostgreSQL this also locks the assessment's row until the commit, so
        saves to one assessment queue behind each other instead of interleaving.
        """
        result = connection.execute(
            update(_ASSESSMENTS).where(_ASSESSMENTS.c.id == assessment_id).values(updated_at=stamp)
        )
        if required and result.rowcount == 0:
            raise NotFound("no assessment with that link")

    def _upsert_answer(self) -> Any:
        statement = self._insert(_ANSWERS)
        return statement.on_conflict_do_update(
            index_elements=["assessment_id", "question_id"],
            set_={name: statement.excluded[name] for name in ("kind", "value", "note", "updated_at")},
        )

    def save_answer(self, assessment_id: str, answer: Answer) -> None:
        """Insert or replace one answer, at once (no save button to forget).

        One upsert: two first saves of the same answer at once (two tabs, two
        servers) both succeed, and the one committed last is what is kept.
        """
        stamp = now()
        row = _answer_row(assessment_id, answer, stamp)

        def work() -> None:
            with self._begin() as connection:
                self._touch(connection, assessment_id, stamp)
                connection.execute(self._upsert_answer(), [row])

        self._retry(work)

    def save_answers(self, assessment_id: str, answers: Iterable[Answer]) -> None:
        """Save many answers in one transaction (imports, demos, consensus)."""
        stamp = now()
        rows = {a.question_id: _answer_row(assessment_id, a, stamp) for a in answers}  # the last of a question wins

        def work() -> None:
            with self._begin() as connection:
                self._touch(connection, assessment_id, stamp)
                if rows:
                    connection.execute(self._upsert_answer(), list(rows.values()))

        self._retry(work)

    def delete_answer(self, assessment_id: str, question_id: str) -> None:
        def work() -> None:
            with self._begin() as connection:
                connection.execute(
                    delete(_ANSWERS).where(
                        _ANSWERS.c.assessment_id == assessment_id, _ANSWERS.c.question_id == question_id
                    )
                )
                self._touch(connection, assessment_id, now(), required=False)

        self._retry(work)

    def answers(self, assessment_id: str) -> dict[str, Answer]:
        # Plain column rows, not ORM objects: read on every page rerun, so kept cheap.
        columns = (_ANSWERS.c.question_id, _ANSWERS.c.kind, _ANSWERS.c.value, _ANSWERS.c.note)
        try:
            with self.engine.connect() as connection:
                rows = connection.execute(select(*columns).where(_ANSWERS.c.assessment_id == assessment_id)).all()
        except DBAPIError as exc:
            raise self.db.error(exc) from None
        except PoolTimeout:
            raise self.db.busy() from None
        return {
            qid: Answer(qid, kind, _restore(json.loads(value)) if value is not None else None, note)
            for qid, kind, value, note in rows
        }

    def answer_set(self, assessment: Assessment, answers: dict[str, Answer] | None = None) -> AnswerSet:
        return AnswerSet(
            answers=self.answers(assessment.id) if answers is None else answers,
            questionnaire_id=assessment.questionnaire_id,
            questionnaire_version=assessment.questionnaire_version,
            business=assessment.business_name or None,
            profile=assessment.profile,
            date=assessment.updated_at.date().isoformat(),
            language=assessment.language,
        )

    # --- share links --------------------------------------------------------
    def create_share(self, assessment_id: str, days: int | None = None) -> tuple[str, ShareLink]:
        """A new read-only link; returns the token (shown once) and the link's record."""
        token = secrets.token_urlsafe(24)
        stamp = now()
        row = {
            "token_hash": _hash_token(token),
            "assessment_id": assessment_id,
            "created_at": stamp,
            "expires_at": stamp + timedelta(days=days) if days else None,
            "revoked_at": None,
        }

        def work() -> None:
            with self._begin() as connection:
                found = connection.execute(select(_ASSESSMENTS.c.id).where(_ASSESSMENTS.c.id == assessment_id)).first()
                if found is None:
                    raise NotFound("no assessment with that link")
                connection.execute(_SHARES.insert().values(row))

        self._retry(work)
        return token, _share(_Fields(row))

    def open_share(self, token: str) -> Assessment:
        """The assessment a share token opens, or :class:`ShareError` saying why not."""
        if not isinstance(token, str) or not 16 <= len(token) <= 64:
            raise ShareError("unknown")
        with self._read() as session:
            row = session.get(ShareRow, _hash_token(token))
            if row is None:
                raise ShareError("unknown")
            link = _share(row)
            if link.status != "active":
                raise ShareError(link.status)
            assessment = session.get(AssessmentRow, row.assessment_id)
            if assessment is None:
                raise ShareError("unknown")
            return _assessment(assessment)

    def shares(self, assessment_id: str) -> list[ShareLink]:
        with self._read() as session:
            rows = session.scalars(
                select(ShareRow).where(ShareRow.assessment_id == assessment_id).order_by(ShareRow.created_at)
            ).all()
            return [_share(r) for r in rows]

    def revoke_share(self, assessment_id: str, link_id: str) -> None:
        """Revoke one of this assessment's links (by the id shown to its owner); other ids do nothing."""
        if not isinstance(link_id, str) or len(link_id) != 12 or any(c not in "0123456789abcdef" for c in link_id):
            return

        def work() -> None:
            with self._begin() as connection:
                connection.execute(
                    update(_SHARES)
                    .where(
                        _SHARES.c.assessment_id == assessment_id,
                        func.substr(_SHARES.c.token_hash, 1, 12) == link_id,
                        _SHARES.c.revoked_at.is_(None),
                    )
                    .values(revoked_at=now())
                )

        self._retry(work)

    # --- uploaded questionnaires ------------------------------------------------
    def save_upload(self, questionnaire: Questionnaire, content: str, file_name: str, source_format: str) -> Upload:
        """Keep an uploaded questionnaire (its YAML) by content hash; uploading the same one again is a no-op."""
        where = f"questionnaire {questionnaire.id[:80]!r}"
        row = {
            "hash": questionnaire.content_hash,
            "questionnaire_id": checked(questionnaire.id, field="id", limit=80, where=where),
            "version": checked(questionnaire.version, field="version", limit=40, where=where),
            "title": cut(clean(tr(questionnaire.title, questionnaire.default_language)), 200),
            "file_name": cut(clean(file_name or "upload"), 200),
            "source_format": source_format[:8],
            "content": clean(content),
            "created_at": now(),
        }

        def work() -> None:
            with self._begin() as connection:
                connection.execute(self._insert(_UPLOADS).values(row).on_conflict_do_nothing(index_elements=["hash"]))

        self._retry(work)
        return self.upload(questionnaire.content_hash)

    def upload(self, content_hash: str) -> Upload:
        with self._read() as session:
            row = session.get(UploadRow, content_hash)
            if row is None:
                raise NotFound(f"no uploaded questionnaire {content_hash[:12]}")
            return _upload(row)

    def uploads(self) -> list[Upload]:
        """Every uploaded questionnaire, newest first."""
        with self._read() as session:
            rows = session.scalars(select(UploadRow).order_by(UploadRow.created_at.desc())).all()
            return [_upload(r) for r in rows]


@dataclass(frozen=True)
class Upload:
    """A questionnaire uploaded in the app; ``content`` is its YAML (a workbook is kept as the YAML it became)."""

    hash: str
    questionnaire_id: str
    version: str
    title: str
    file_name: str
    source_format: str
    content: str
    created_at: datetime


def _upload(row: Any) -> Upload:
    return Upload(
        hash=row.hash,
        questionnaire_id=row.questionnaire_id,
        version=row.version,
        title=row.title,
        file_name=row.file_name,
        source_format=row.source_format,
        content=row.content,
        created_at=utc(row.created_at),
    )


class _Fields:
    """Attribute access to a row written from a dict, so the same converters serve both."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


def _assessment_fields(**changes: Any) -> dict[str, Any]:
    """Assessment fields as they can be stored: names cut to their column, identifiers refused if too long."""
    where = "the assessment"
    values: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "business_name":
            values[key] = cut(str(value or ""), 200)
        elif key == "business_kind":
            values[key] = checked(value, field="kind of business", limit=16, where=where)
        elif key in ("profile", "language"):
            limit = 64 if key == "profile" else 8
            text = checked(value, field=key, limit=limit, where=where)
            if not text:
                raise ValueRefused(f"{where}: {key} cannot be empty")
            values[key] = text
        elif key == "currency":
            values[key] = check_currency(value)
        elif key == "status":
            if value not in STATUSES:
                raise ValueRefused(f"{where}: status must be one of {', '.join(STATUSES)}, not {value!r}")
            values[key] = value
        elif key == "position":
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**31:
                raise ValueRefused(f"{where}: position must be a step number, not {value!r}")
            values[key] = value
    return values


def _answer_row(assessment_id: str, answer: Answer, stamp: datetime) -> dict[str, Any]:
    """One answer as it can be stored, or :class:`ValueRefused` naming the question and the field."""
    where = f"the answer to question {str(answer.question_id)[:64]!r}"
    encoded = None if answer.value is None else json.dumps(_plain(answer.value), ensure_ascii=False)
    return {
        "assessment_id": assessment_id,
        "question_id": checked(answer.question_id, field="question id", limit=64, where=where),
        "kind": checked(answer.kind, field="kind", limit=16, where=where),
        "value": checked(encoded, field="value", limit=VALUE_LIMIT, where=where),
        "note": checked(answer.note, field="note", limit=NOTE_LIMIT, where=where),
        "updated_at": stamp,
    }


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _restore(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
