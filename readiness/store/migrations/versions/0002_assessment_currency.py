"""The currency an assessment's money is written in (assessments.currency, default USD).

Additive: the column has a server default, so a server of the previous release,
which inserts assessments without it, keeps working; the recorded schema level
is left as it is.

Between the surge work landing and migrations, Readiness added this column itself
when it opened a database ("add the column if missing") and recorded schema
level 4. Such databases already have the column: it is kept as it is, with
every currency in it. (That is also why this code reads level 4: see
``SCHEMA_VERSION`` in readiness/store/migrate.py.)

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("assessments")}
    if "currency" not in columns:
        op.add_column(
            "assessments", sa.Column("currency", sa.String(8), nullable=False, server_default=sa.text("'USD'"))
        )


def downgrade() -> None:
    op.drop_column("assessments", "currency")
