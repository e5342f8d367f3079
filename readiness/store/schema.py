"""The tables, as SQLAlchemy models: what the newest migration has made of the database.

The migrations in ``migrations/versions`` are what creates and changes the
tables; these models are how the code reads and writes them. A test compares
the two on SQLite and PostgreSQL (``alembic check``'s comparison), so a column
added here without a migration fails there, not in production.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from readiness.currency import DEFAULT_CURRENCY


def now() -> datetime:
    return datetime.now(UTC)


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


class UploadRow(Base):
    """A questionnaire uploaded in the app (migration 0004): its YAML, by content hash."""

    __tablename__ = "uploaded_questionnaires"
    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    questionnaire_id: Mapped[str] = mapped_column(String(80), index=True)
    version: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(200))
    #: what was uploaded: "yaml", or "xlsx" (then ``content`` is the YAML it became)
    source_format: Mapped[str] = mapped_column(String(8))
    content: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class AssessmentRow(Base):
    __tablename__ = "assessments"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    #: SHA-256 of the resume link's secret (migration 0003); NULL only for rows an older server wrote.
    resume_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True, index=True)
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
