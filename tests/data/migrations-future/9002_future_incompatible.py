"""A release from the future, for tests: a change older servers cannot survive, so it says so.

Whatever it changes (here: nothing else), it raises the schema level older
servers check, and they refuse the database instead of misreading it.
"""

from __future__ import annotations

from alembic import op

from readiness.store.migrate import SCHEMA_VERSION

revision = "9002"
down_revision = "9001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(f"UPDATE meta SET value = '{SCHEMA_VERSION + 1}' WHERE key = 'schema_version'")


def downgrade() -> None:
    op.execute(f"UPDATE meta SET value = '{SCHEMA_VERSION}' WHERE key = 'schema_version'")
