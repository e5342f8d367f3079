"""A release from the future, for tests: what a newer Readiness may do while older servers still run.

Additive only: a new nullable column and a new table. Older code neither
writes nor reads them, and keeps working.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from readiness.store.migrate import head

revision = "9001"
down_revision = head()  # the newest shipped revision, whatever it is by now
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("future_note", sa.String(100), nullable=True))
    op.create_table(
        "future_things",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("assessment_id", sa.String(64), sa.ForeignKey("assessments.id", ondelete="CASCADE")),
    )


def downgrade() -> None:
    op.drop_table("future_things")
    with op.batch_alter_table("assessments") as batch:
        batch.drop_column("future_note")
