"""Storage of assessments and their answers, through SQLAlchemy.

SQLite by default (one file, WAL mode, a busy timeout, write transactions
taken with ``BEGIN IMMEDIATE`` so concurrent writers queue instead of failing
with "database is locked"); any SQLAlchemy URL works, so a server database
can be used later.

Every answer is saved the moment it changes. An assessment keeps a snapshot of
the exact questionnaire it was answered with (by content hash), so editing a
questionnaire file later never silently re-scores old answers.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    create_engine,
    delete,
    event,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from readiness.answers import Answer, AnswerSet
from readiness.currency import DEFAULT_CURRENCY, check_currency
from readiness.errors import ReadinessError
from readiness.model import Questionnaire

#: 1: assessments, answers, snapshots. 2: share links. 3: workshops and participants.
#: 4: assessments.currency.
SCHEMA_VERSION = 4
ENV_URL = "READINESS_DATABASE_URL"
BUSY_TIMEOUT_MS = 15_000
T = TypeVar("T")


def now() -> datetime:
    return datetime.now(UTC)


def new_token() -> str:
    """An unguessable id: 144 random bits, URL-safe."""
    return secrets.token_urlsafe(18)


def default_url(base: str | Path | None = None) -> str:
    """The database URL: ``READINESS_DATABASE_URL`` (or ``DATABASE_URL``), else a SQLite file."""
    url = os.environ.get(ENV_URL) or os.environ.get("DATABASE_URL")
    if url:
        return url
    folder = Path(base) if base else Path.cwd() / "data"
    return f"sqlite:///{folder / 'readiness.sqlite3'}"


class StorageError(ReadinessError):
    """The database cannot be used (wrong schema version, unreachable, ...)."""


class NotFound(ReadinessError):
    """No assessment with that id (mistyped or deleted link)."""


class Base(DeclarativeBase):
    pass


class MetaRow(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SnapshotRow(Base):
    __tablename__ = "questionnaire_snapshots"
    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    questionnaire_id: Mapped[str] = mapped_column(String(80), index=True)
    version: Mapped[str] = mapped_column(String(40))
    content: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class AssessmentRow(Base):
    __tablename__ = "assessments"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    questionnaire_id: Mapped[str] = mapped_column(String(80))
    questionnaire_version: Mapped[str] = mapped_column(String(40))
    questionnaire_hash: Mapped[str] = mapped_column(ForeignKey("questionnaire_snapshots.hash"))
    business_name: Mapped[str] = mapped_column(String(200), default="")
    profile: Mapped[str] = mapped_column(String(64))
    business_kind: Mapped[str | None] = mapped_column(String(16), nullable=True)
    currency: Mapped[str] = mapped_column(String(8), default=DEFAULT_CURRENCY, server_default=DEFAULT_CURRENCY)
    language: Mapped[str] = mapped_column(String(8), default="en")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    position: Mapped[int] = mapped_column(Integer, default=0)
    is_demo: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class AnswerRow(Base):
    __tablename__ = "answers"
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str | None] = mapped_column(Text, nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class ShareRow(Base):
    __tablename__ = "share_links"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class WorkshopRow(Base):
    """A workshop; its operations live in readiness.workshop_store."""

    __tablename__ = "workshops"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    join_code: Mapped[str] = mapped_column(String(12), unique=True)
    facilitator_hash: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    business_name: Mapped[str] = mapped_column(String(200))
    questionnaire_hash: Mapped[str] = mapped_column(ForeignKey("questionnaire_snapshots.hash"))
    profile: Mapped[str] = mapped_column(String(64))
    roles: Mapped[str] = mapped_column(Text)  # JSON list
    anonymous: Mapped[int] = mapped_column(Integer, default=1)
    consensus_assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id"))
    revealed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class ParticipantRow(Base):
    __tablename__ = "participants"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(64))
    name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id"), unique=True)
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


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
        if self.expires_at is not None and _aware(self.expires_at) <= now():
            return "expired"
        return "active"


def _aware(moment: datetime) -> datetime:
    # SQLite hands timezone-aware columns back naive; they were written in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _hash_token(token: str) -> str:
    # Tokens carry 192 random bits, so a fast hash is enough: nothing to brute-force.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _share(row: ShareRow) -> ShareLink:
    return ShareLink(row.token_hash[:12], row.assessment_id, row.created_at, row.expires_at, row.revoked_at)


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


def _assessment(row: AssessmentRow) -> Assessment:
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
        created_at=row.created_at,
        updated_at=row.updated_at,
        completed_at=row.completed_at,
    )


class Store:
    """One database. Thread-safe: each call uses its own session."""

    def __init__(self, url: str | None = None, *, echo: bool = False) -> None:
        self.url = url or default_url()
        self.is_sqlite = self.url.startswith("sqlite")
        if self.is_sqlite and ":memory:" not in self.url and self.url != "sqlite://":
            path = self.url.split("///", 1)[-1]
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(self.url, echo=echo, pool_pre_ping=not self.is_sqlite)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._snapshots: dict[str, Questionnaire] = {}
        self._migrate()

    # --- plumbing -----------------------------------------------------------
    def _migrate(self) -> None:
        try:
            Base.metadata.create_all(self.engine)
        except OperationalError as exc:
            raise StorageError(f"cannot open the database {self._safe_url()}: {exc.orig}") from None
        self._add_missing_columns()
        with self._write() as session:
            row = session.get(MetaRow, "schema_version")
            if row is None:
                session.add(MetaRow(key="schema_version", value=str(SCHEMA_VERSION)))
            elif int(row.value) > SCHEMA_VERSION:
                raise StorageError(
                    f"the database was written by a newer Readiness (schema {row.value}, "
                    f"this one reads {SCHEMA_VERSION}); upgrade Readiness"
                )
            elif int(row.value) < SCHEMA_VERSION:  # create_all made new tables, _add_missing_columns new columns
                row.value = str(SCHEMA_VERSION)

    def _add_missing_columns(self) -> None:
        """Add columns that newer versions put on existing tables (create_all only makes new tables).

        A stopgap until the schema is managed by Alembic migrations (issue 16): they take
        this over, starting with ``assessments.currency`` (schema 4), and this goes.
        """
        columns = {c["name"] for c in inspect(self.engine).get_columns("assessments")}
        if "currency" not in columns:
            column = f"currency VARCHAR(8) NOT NULL DEFAULT '{DEFAULT_CURRENCY}'"
            with self.engine.begin() as connection:
                connection.execute(text(f"ALTER TABLE assessments ADD COLUMN {column}"))

    def _safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def _write(self) -> Iterator[Session]:
        session = self._sessions(bind=self.engine.execution_options(readiness_write=True))
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def _retry(self, func: Callable[[], T], attempts: int = 6) -> T:
        """Run a write, retrying the rare lock timeout so no user ever sees one."""
        for attempt in range(attempts):
            try:
                return func()
            except OperationalError as exc:
                if "locked" not in str(exc.orig).lower() or attempt == attempts - 1:
                    raise StorageError(f"the database is busy, please try again ({exc.orig})") from None
                time.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def schema_version(self) -> int:
        with self._sessions() as session:
            row = session.get(MetaRow, "schema_version")
            return int(row.value) if row else 0

    def close(self) -> None:
        self.engine.dispose()

    # --- questionnaires -----------------------------------------------------
    def _ensure_snapshot(self, session: Session, questionnaire: Questionnaire) -> None:
        if session.get(SnapshotRow, questionnaire.content_hash) is None:
            session.add(
                SnapshotRow(
                    hash=questionnaire.content_hash,
                    questionnaire_id=questionnaire.id,
                    version=questionnaire.version,
                    content=json.dumps(questionnaire.model_dump(mode="json"), ensure_ascii=False),
                )
            )
            session.flush()

    def questionnaire(self, content_hash: str) -> Questionnaire:
        """The exact questionnaire an assessment was answered with."""
        cached = self._snapshots.get(content_hash)
        if cached is not None:
            return cached
        with self._sessions() as session:
            row = session.get(SnapshotRow, content_hash)
            if row is None:
                raise NotFound(f"questionnaire snapshot {content_hash[:12]} is missing")
            questionnaire = Questionnaire.model_validate(json.loads(row.content))
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
    ) -> Assessment:
        profile_id = questionnaire.profile(profile).id  # raises on an unknown profile
        code = check_currency(currency)  # raises on a code that is not one

        def work() -> Assessment:
            with self._write() as session:
                self._ensure_snapshot(session, questionnaire)
                row = AssessmentRow(
                    id=new_token(),
                    questionnaire_id=questionnaire.id,
                    questionnaire_version=questionnaire.version,
                    questionnaire_hash=questionnaire.content_hash,
                    business_name=business_name.strip()[:200],
                    profile=profile_id,
                    business_kind=business_kind,
                    language=language or questionnaire.default_language,
                    currency=code,
                    is_demo=int(is_demo),
                    created_at=now(),
                    updated_at=now(),
                )
                session.add(row)
                session.flush()
                return _assessment(row)

        return self._retry(work)

    def get_assessment(self, assessment_id: str) -> Assessment:
        if not isinstance(assessment_id, str) or not 10 <= len(assessment_id) <= 64:
            raise NotFound("no assessment with that link")
        with self._sessions() as session:
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
        if "currency" in changes:
            changes["currency"] = check_currency(changes["currency"])

        def work() -> Assessment:
            with self._write() as session:
                row = session.get(AssessmentRow, assessment_id)
                if row is None:
                    raise NotFound("no assessment with that link")
                for key, value in changes.items():
                    setattr(row, key, value)
                if changes.get("status") == "complete" and row.completed_at is None:
                    row.completed_at = now()
                row.updated_at = now()
                session.flush()
                return _assessment(row)

        return self._retry(work)

    def demo_assessment(self) -> Assessment | None:
        with self._sessions() as session:
            row = session.scalars(
                select(AssessmentRow).where(AssessmentRow.is_demo == 1).order_by(AssessmentRow.created_at)
            ).first()
            return _assessment(row) if row else None

    # --- answers ------------------------------------------------------------
    def save_answer(self, assessment_id: str, answer: Answer) -> None:
        """Insert or replace one answer, at once (no save button to forget)."""
        encoded = None if answer.value is None else json.dumps(_plain(answer.value), ensure_ascii=False)

        def work() -> None:
            with self._write() as session:
                row = session.get(AnswerRow, (assessment_id, answer.question_id))
                if row is None:
                    if session.get(AssessmentRow, assessment_id) is None:
                        raise NotFound("no assessment with that link")
                    session.add(
                        AnswerRow(
                            assessment_id=assessment_id,
                            question_id=answer.question_id,
                            kind=answer.kind,
                            value=encoded,
                            note=answer.note,
                            updated_at=now(),
                        )
                    )
                else:
                    row.kind, row.value, row.note, row.updated_at = answer.kind, encoded, answer.note, now()
                assessment = session.get(AssessmentRow, assessment_id)
                if assessment is not None:
                    assessment.updated_at = now()

        self._retry(work)

    def save_answers(self, assessment_id: str, answers: Iterable[Answer]) -> None:
        """Save many answers in one transaction (imports, demos, consensus)."""
        rows = list(answers)

        def work() -> None:
            with self._write() as session:
                if session.get(AssessmentRow, assessment_id) is None:
                    raise NotFound("no assessment with that link")
                for answer in rows:
                    session.merge(
                        AnswerRow(
                            assessment_id=assessment_id,
                            question_id=answer.question_id,
                            kind=answer.kind,
                            value=None if answer.value is None else json.dumps(_plain(answer.value)),
                            note=answer.note,
                            updated_at=now(),
                        )
                    )

        self._retry(work)

    def delete_answer(self, assessment_id: str, question_id: str) -> None:
        def work() -> None:
            with self._write() as session:
                session.execute(
                    delete(AnswerRow).where(
                        AnswerRow.assessment_id == assessment_id, AnswerRow.question_id == question_id
                    )
                )

        self._retry(work)

    def answers(self, assessment_id: str) -> dict[str, Answer]:
        # Plain column rows, not ORM objects: read on every page rerun, so kept cheap.
        columns = (AnswerRow.question_id, AnswerRow.kind, AnswerRow.value, AnswerRow.note)
        with self.engine.connect() as connection:
            rows = connection.execute(select(*columns).where(AnswerRow.assessment_id == assessment_id)).all()
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
        expires = now() + timedelta(days=days) if days else None

        def work() -> ShareLink:
            with self._write() as session:
                if session.get(AssessmentRow, assessment_id) is None:
                    raise NotFound("no assessment with that link")
                row = ShareRow(
                    token_hash=_hash_token(token), assessment_id=assessment_id, created_at=now(), expires_at=expires
                )
                session.add(row)
                session.flush()
                return _share(row)

        return token, self._retry(work)

    def open_share(self, token: str) -> Assessment:
        """The assessment a share token opens, or :class:`ShareError` saying why not."""
        if not isinstance(token, str) or not 16 <= len(token) <= 64:
            raise ShareError("unknown")
        with self._sessions() as session:
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
        with self._sessions() as session:
            rows = session.scalars(
                select(ShareRow).where(ShareRow.assessment_id == assessment_id).order_by(ShareRow.created_at)
            ).all()
            return [_share(r) for r in rows]

    def revoke_share(self, assessment_id: str, link_id: str) -> None:
        """Revoke one of this assessment's links (by the id shown to its owner)."""

        def work() -> None:
            with self._write() as session:
                rows = session.scalars(select(ShareRow).where(ShareRow.assessment_id == assessment_id)).all()
                for row in rows:
                    if row.token_hash.startswith(link_id) and row.revoked_at is None:
                        row.revoked_at = now()

        self._retry(work)


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _restore(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own BEGIN is deferred).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # Writers take the write lock up front: a deferred transaction that later
    # upgrades can fail at once with "database is locked" despite busy_timeout.
    immediate = connection.get_execution_options().get("readiness_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
