"""Baseline: the schema Readiness had before migrations (schema version 3).

Readiness created its tables with ``create_all`` up to schema version 3
(1: assessments, answers, snapshots; 2: share links; 3: workshops and
participants). This revision makes any database equal to that schema: it
creates only the tables that are missing, so an empty database gets them all,
a version 1 or 2 database gains the later ones, and a version 3 database is
adopted as it is, its data untouched.

Revision ID: 0001
Revises:
Create Date: 2025-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

#: The schema level of this revision (the ``meta`` row older Readiness versions check).
SCHEMA_LEVEL = 3


def _stamp() -> sa.Column:
    return sa.Column("created_at", sa.DateTime(timezone=True), nullable=False)


TABLES = {
    "meta": lambda: op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    ),
    "questionnaire_snapshots": lambda: op.create_table(
        "questionnaire_snapshots",
        sa.Column("hash", sa.String(64), primary_key=True),
        sa.Column("questionnaire_id", sa.String(80), nullable=False, index=True),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        _stamp(),
    ),
    "assessments": lambda: op.create_table(
        "assessments",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("questionnaire_id", sa.String(80), nullable=False),
        sa.Column("questionnaire_version", sa.String(40), nullable=False),
        sa.Column("questionnaire_hash", sa.String(64), sa.ForeignKey("questionnaire_snapshots.hash"), nullable=False),
        sa.Column("business_name", sa.String(200), nullable=False),
        sa.Column("profile", sa.String(64), nullable=False),
        sa.Column("business_kind", sa.String(16), nullable=True),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("is_demo", sa.Integer(), nullable=False),
        _stamp(),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
    ),
    "answers": lambda: op.create_table(
        "answers",
        sa.Column(
            "assessment_id", sa.String(64), sa.ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("question_id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ),
    "share_links": lambda: op.create_table(
        "share_links",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column(
            "assessment_id",
            sa.String(64),
            sa.ForeignKey("assessments.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        _stamp(),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    ),
    "workshops": lambda: op.create_table(
        "workshops",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("join_code", sa.String(12), nullable=False, unique=True),
        sa.Column("facilitator_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("business_name", sa.String(200), nullable=False),
        sa.Column("questionnaire_hash", sa.String(64), sa.ForeignKey("questionnaire_snapshots.hash"), nullable=False),
        sa.Column("profile", sa.String(64), nullable=False),
        sa.Column("roles", sa.Text(), nullable=False),
        sa.Column("anonymous", sa.Integer(), nullable=False),
        sa.Column("consensus_assessment_id", sa.String(64), sa.ForeignKey("assessments.id"), nullable=False),
        sa.Column("revealed_at", sa.DateTime(timezone=True), nullable=True),
        _stamp(),
    ),
    "participants": lambda: op.create_table(
        "participants",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "workshop_id", sa.String(64), sa.ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("role", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("assessment_id", sa.String(64), sa.ForeignKey("assessments.id"), nullable=False, unique=True),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
    ),
}


def upgrade() -> None:
    bind = op.get_bind()
    present = set(sa.inspect(bind).get_table_names())
    for name, create in TABLES.items():  # in foreign-key order
        if name not in present:
            create()
    meta = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    level = bind.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    if level is None:
        op.execute(meta.insert().values(key="schema_version", value=str(SCHEMA_LEVEL)))
    elif int(level) < SCHEMA_LEVEL:
        op.execute(meta.update().where(meta.c.key == "schema_version").values(value=str(SCHEMA_LEVEL)))


def downgrade() -> None:
    raise NotImplementedError("the baseline is where Readiness's history starts; there is nothing to go back to")
