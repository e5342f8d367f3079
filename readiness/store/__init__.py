"""The database side of storage: connecting, clean text, migrations, copying between databases.

The stores themselves (:mod:`readiness.storage` for assessments,
:mod:`readiness.workshop_store` for workshops) build on these modules:

* :mod:`readiness.store.database` turns a URL into an engine (SQLite or PostgreSQL), and a
  driver's exception into a message that names the setting to fix;
* :mod:`readiness.store.text` cleans or refuses text before it reaches the database;
* :mod:`readiness.store.migrate` runs the Alembic migrations, under a database lock;
* :mod:`readiness.store.copy` moves every row from one database to another and proves it.
"""
