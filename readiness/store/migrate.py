"""Schema migrations: Alembic revisions, run under a database lock, that an older server can live with.

The schema is the chain of revisions in ``migrations/versions`` (the first,
``0001``, is the schema Readiness had before it used migrations, so existing
databases are adopted without loss). :func:`upgrade` runs them inside one
transaction that first takes a lock: ``pg_advisory_xact_lock`` on
PostgreSQL, the write lock (``BEGIN IMMEDIATE``) on SQLite. Two servers
starting together on an empty database therefore never both create tables:
the second waits, then finds nothing left to do.

Rolling deployments: a new release migrates while the old servers are still
serving, so migrations are *additive* (new tables, new nullable or defaulted
columns; nothing renamed or dropped) and an older server keeps working against
a newer schema. What tells a server whether it can is the ``schema_version``
row in the ``meta`` table: the oldest schema level that can still use the
database. Additive migrations leave it alone; a migration that older code
cannot survive raises it (see ``migrations/README.md``). A server refuses a
database only when that level is above its own :data:`SCHEMA_VERSION`, which is
exactly the check Readiness made before it had migrations, so even servers
from before this module keep running through an upgrade.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

from readiness.store.database import Database
from readiness.store.errors import StorageError

#: The newest schema level this code can use. A migration older code cannot survive raises the
#: level recorded in the database to a new number, and this with it. 4: Readiness's interim
#: "add the currency column if missing" step recorded 4 in the databases it opened, although
#: older code copes with that column (revision 0002), so the migrations themselves still record 3.
SCHEMA_VERSION = 4
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Key of the PostgreSQL advisory lock held while migrating (any fixed number; this one spells "RDNS").
LOCK_KEY = 0x52444E53
AUTO_UPGRADE_SETTING = "READINESS_DB_AUTO_UPGRADE"


@dataclass(frozen=True)
class Status:
    """Where a database stands against this code's migrations."""

    revision: str | None  #: the database's Alembic revision (None: never migrated)
    head: str  #: the newest revision this code knows
    level: int | None  #: the ``meta`` schema level (None: an empty database)
    known: bool  #: whether this code knows the database's revision

    @property
    def state(self) -> str:
        if self.level is not None and self.level > SCHEMA_VERSION:
            return "newer, incompatible"
        if self.revision == self.head:
            return "up to date"
        if self.revision is not None and not self.known:
            return "newer, compatible"
        if self.revision is None and self.level is None:
            return "empty"
        return "behind"

    @property
    def usable(self) -> bool:
        """True when this code can read and write the database as it is."""
        return self.state in ("up to date", "newer, compatible")


def alembic_config(connection: Connection | None = None, locations: Sequence[Path] = ()) -> Config:
    """Alembic's configuration, built in code (no alembic.ini to find at run time)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", os.pathsep.join([str(MIGRATIONS / "versions"), *map(str, locations)]))
    config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=8)
def _script(locations: tuple[Path, ...]) -> tuple[str, frozenset[str]]:
    script = ScriptDirectory.from_config(alembic_config(None, locations))
    heads = script.get_heads()
    if len(heads) != 1:  # pragma: no cover - guarded by a test on the shipped revisions
        raise StorageError(f"the migrations have {len(heads)} heads; merge them into one", "setup")
    return heads[0], frozenset(r.revision for r in script.walk_revisions())


def head(locations: Sequence[Path] = ()) -> str:
    return _script(tuple(locations))[0]


def _status(connection: Connection, locations: Sequence[Path]) -> Status:
    newest, known = _script(tuple(locations))
    revision = MigrationContext.configure(connection).get_current_revision()
    level = None
    if inspect(connection).has_table("meta"):
        value = connection.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar()
        level = int(value) if value is not None else None
    return Status(revision, newest, level, revision is None or revision in known)


def status(db: Database, locations: Sequence[Path] = ()) -> Status:
    """The database's revision and schema level (connects; a :class:`StorageError` if it cannot)."""
    try:
        with db.engine.connect() as connection:
            return _status(connection, locations)
    except DBAPIError as exc:
        raise db.unreachable(exc) from None


def _refuse_newer(db: Database, current: Status) -> None:
    if current.state == "newer, incompatible":
        raise StorageError(
            f"{db.where()} was written by a newer Readiness (schema {current.level}, "
            f"this one reads {SCHEMA_VERSION}); upgrade Readiness",
            "setup",
        )


@contextmanager
def _locked(db: Database) -> Iterator[Connection]:
    """One transaction holding the migration lock; released by its commit or rollback."""
    with db.engine.execution_options(readiness_write=True).begin() as connection:  # SQLite: BEGIN IMMEDIATE
        if not db.is_sqlite:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
        yield connection


def upgrade(db: Database, locations: Sequence[Path] = (), target: str = "head") -> tuple[Status, Status]:
    """Bring the database to this code's newest revision (or ``target``), under the lock; (before, after).

    A database already there, or migrated further by a newer release that
    this code can still use, is left as it is. ``locations`` adds folders of
    revisions (the tests use it to play a newer release).
    """
    try:
        with _locked(db) as connection:
            before = _status(connection, locations)  # read under the lock: another server may just have migrated
            _refuse_newer(db, before)
            if before.revision == target or (target == "head" and before.usable):
                return before, before
            command.upgrade(alembic_config(connection, locations), target)
            after = _status(connection, locations)
    except DBAPIError as exc:
        raise db.error(exc) from None
    return before, after


def auto_upgrade_enabled() -> bool:
    return os.environ.get(AUTO_UPGRADE_SETTING, "1").strip().lower() not in ("0", "false", "no", "off")


def ensure_ready(db: Database, *, auto_upgrade: bool | None = None) -> Status:
    """Make sure this code can use the database, migrating it first when that is allowed.

    Called whenever a store opens a database (so at every app start). The
    common case, a database already up to date, costs one query and takes no
    lock. With ``READINESS_DB_AUTO_UPGRADE=0`` (for a database user without
    the right to change tables) a database that is behind is refused with the
    command that fixes it.
    """
    current = status(db)
    _refuse_newer(db, current)
    if current.usable:
        return current
    if auto_upgrade is None:
        auto_upgrade = auto_upgrade_enabled()
    if not auto_upgrade:
        raise StorageError(
            f"{db.where()} is at schema revision {current.revision or 'none'}, this Readiness needs "
            f"{current.head}: run `readiness db upgrade` (automatic upgrades are off: {AUTO_UPGRADE_SETTING}=0)",
            "setup",
        )
    return upgrade(db)[1]
