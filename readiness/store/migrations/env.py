"""Alembic's environment for Readiness: migrations run on the connection the caller passes.

:func:`readiness.store.migrate.upgrade` opens that connection, takes the
database lock and holds one transaction around every migration, so two servers
starting together never both migrate. Run through the ``alembic`` command
(to write a new revision: see README.md here), it connects to
``READINESS_DATABASE_URL`` instead.
"""

from __future__ import annotations

from alembic import context

from readiness.store.schema import Base

config = context.config
connection = config.attributes.get("connection")

if context.is_offline_mode():  # pragma: no cover - the baseline inspects the live database
    raise SystemExit("Readiness migrations run against a live database; offline (--sql) mode is not supported")

if connection is None:  # the `alembic` command line, for writing revisions
    from readiness.storage import configured_url
    from readiness.store.database import open_database

    url, setting = configured_url()
    with open_database(url, setting).engine.begin() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
        context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
