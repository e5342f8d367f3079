"""Resume links open by the hash of their secret, no longer by the assessment's id (assessments.resume_hash).

Before this, the secret in a resume link (``?a=...``) was the assessment's
primary key, stored as it is: anyone reading the database could open every
assessment. New assessments get a random id and a separate secret whose
SHA-256 is stored here. Existing links keep working: their secret is the
id, so its hash is filled in for every assessment already there.

Additive: the column is nullable, so a server of the previous release keeps
inserting assessments (without a hash; the new code finds those by id, as
before). Those older ids stay their own secret until `readiness db rekey`
gives them new ids once every server runs this release (docs/deploy.md).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    inspector = sa.inspect(connection)
    if "resume_hash" not in {c["name"] for c in inspector.get_columns("assessments")}:
        op.add_column("assessments", sa.Column("resume_hash", sa.String(64), nullable=True))
    if "ix_assessments_resume_hash" not in {i["name"] for i in inspector.get_indexes("assessments")}:
        op.create_index("ix_assessments_resume_hash", "assessments", ["resume_hash"], unique=True)
    assessments = sa.table("assessments", sa.column("id", sa.String), sa.column("resume_hash", sa.String))
    ids = connection.execute(sa.select(assessments.c.id).where(assessments.c.resume_hash.is_(None))).scalars().all()
    for assessment_id in ids:  # SHA-256 is not an SQL function SQLite has: computed here, in the same transaction
        connection.execute(
            assessments.update()
            .where(assessments.c.id == assessment_id)
            .values(resume_hash=hashlib.sha256(assessment_id.encode("utf-8")).hexdigest())
        )


def downgrade() -> None:
    op.drop_index("ix_assessments_resume_hash", table_name="assessments")
    op.drop_column("assessments", "resume_hash")
