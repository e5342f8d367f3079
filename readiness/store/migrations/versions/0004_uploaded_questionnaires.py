"""Questionnaires uploaded in the app (uploaded_questionnaires).

A facilitator or founder can upload a questionnaire (YAML, or a workbook turned
into YAML) on the Questionnaires page. It is kept here, by its content hash,
never written into the code folder, so every server of a deployment offers it
and a redeploy does not lose it.

Additive: a new table that older servers never read.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if "uploaded_questionnaires" in sa.inspect(op.get_bind()).get_table_names():
        return
    op.create_table(
        "uploaded_questionnaires",
        sa.Column("hash", sa.String(64), primary_key=True),
        sa.Column("questionnaire_id", sa.String(80), nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("source_format", sa.String(8), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_uploaded_questionnaires_questionnaire_id", "uploaded_questionnaires", ["questionnaire_id"])


def downgrade() -> None:
    op.drop_index("ix_uploaded_questionnaires_questionnaire_id", table_name="uploaded_questionnaires")
    op.drop_table("uploaded_questionnaires")
