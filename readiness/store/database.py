"""Opening a database from a URL, and saying plainly what went wrong when it cannot be used.

Two backends are supported, and only two, because the stores rely on what both
share: ``INSERT ... ON CONFLICT`` upserts and transactional migrations.

* **SQLite** (the zero-setup default): one file, WAL mode, a busy timeout, and
  write transactions opened with ``BEGIN IMMEDIATE`` so concurrent writers
  queue instead of failing with "database is locked".
* **PostgreSQL** through psycopg 3 (``postgres://`` and ``postgresql://`` both
  work: most hosts hand out the first, SQLAlchemy only knows the second).

Every error a driver raises is turned into a :class:`StorageError` whose
message names the setting the URL came from (``READINESS_DATABASE_URL``,
``database_url`` in secrets.toml, a command-line argument), because that is
what the person reading it has to change.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DataError, DBAPIError, IntegrityError, NoSuchModuleError, OperationalError

from readiness.store.errors import StorageError

#: How long a SQLite write waits for another writer before giving up. Writes take a millisecond or
#: two, so 30 people answering at once queue for well under this; a file locked by something else
#: (a backup tool, a stuck process) must not keep a person waiting long before they are told.
BUSY_TIMEOUT_MS = 2_500
#: The longest any write keeps retrying what passes by itself, all tries together.
RETRY_SECONDS = 5.0
#: Seconds to wait for a PostgreSQL server before saying it cannot be reached.
CONNECT_TIMEOUT_S = 10
POOL_SIZE_SETTING = "READINESS_DB_POOL_SIZE"
MAX_OVERFLOW_SETTING = "READINESS_DB_MAX_OVERFLOW"
#: Connections each server keeps open, and how many more it may open at a burst (docs/deploy.md).
DEFAULT_POOL_SIZE, DEFAULT_MAX_OVERFLOW = 5, 5
EXAMPLES = "e.g. sqlite:///data/readiness.sqlite3 or postgresql://USER:PASSWORD@HOST:5432/DATABASE"

# SQLSTATEs worth another try: the same write succeeds a moment later.
_TRANSIENT_STATES = {
    "40001",  # serialization_failure
    "40P01",  # deadlock_detected
    "55P03",  # lock_not_available
    "57P01",  # admin_shutdown (a restart or failover of the server)
    "57P02",  # crash_shutdown
    "57P03",  # cannot_connect_now (the server is starting)
    "08000",  # connection_exception
    "08001",  # could not establish the connection
    "08003",  # connection_does_not_exist
    "08006",  # connection_failure
}
_SCHEMA_STATES = {"42P01", "42703"}  # undefined_table, undefined_column


def utc(moment: datetime) -> datetime:
    """The same instant in UTC, whatever the database handed back.

    SQLite returns the naive UTC time that was written; PostgreSQL returns the
    instant in its session's time zone, which is whatever the server or the
    role is configured with. Callers always get UTC.
    """
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def utc_or_none(moment: datetime | None) -> datetime | None:
    return None if moment is None else utc(moment)


def mask(url: str) -> str:
    """The URL with any password replaced, for messages (works on URLs that do not parse, too)."""
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


def parse_url(url: str, setting: str) -> URL:
    """A supported SQLAlchemy URL, with the psycopg driver chosen for plain PostgreSQL URLs."""
    text = (url or "").strip()
    if text.startswith("postgres://"):
        text = "postgresql://" + text[len("postgres://") :]
    try:
        parsed = make_url(text)
        parsed.port  # noqa: B018 - a non-numeric port only fails when read
    except (ArgumentError, ValueError):
        raise StorageError(f"{setting} is not a database URL ({mask(text)!r}): expected {EXAMPLES}", "setup") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StorageError(
            f"{setting} names a {backend} database; Readiness stores its data in SQLite or PostgreSQL: {EXAMPLES}",
            "setup",
        )
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if backend == "postgresql" and not parsed.database:
        raise StorageError(f"{setting} names no database ({mask(text)!r}): expected {EXAMPLES}", "setup")
    return parsed


def _int_setting(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise StorageError(f"{name} must be a whole number of connections, not {raw!r}", "setup")
    return int(raw)


@dataclass
class Database:
    """An engine, and where its URL came from (for messages)."""

    url: URL
    setting: str
    engine: Engine

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def dialect(self) -> str:
        return self.url.get_backend_name()

    def where(self) -> str:
        """Which database, in words: ``the SQLite file /srv/x.db``, ``PostgreSQL database app at db:5432``."""
        if self.is_sqlite:
            return f"the SQLite file {self.url.database or ':memory:'}"
        host = self.url.host or "localhost"
        return f"the PostgreSQL database {self.url.database!r} at {host}:{self.url.port or 5432}"

    def unreachable(self, exc: BaseException) -> StorageError:
        """The message for a database that cannot be opened at all."""
        reason = _reason(exc)
        if self.is_sqlite:
            return StorageError(
                f"cannot open {self.where()} (from {self.setting}): {reason}. "
                "Check that its folder exists and this user may write there.",
                _sqlite_kind(reason, "setup"),
            )
        return StorageError(
            f"cannot reach {self.where()} (from {self.setting}): {reason}. "
            f"Check the host, port, user, password and TLS options in {self.setting}, "
            "and that the server is running and accepts this machine.",
            "unreachable",
        )

    def busy(self) -> StorageError:
        """Every connection this server may open is in use (its pool is exhausted) for too long."""
        return StorageError(
            f"all the connections this server may open to {self.where()} stayed busy; nothing was saved, please "
            f"try again (if this recurs, raise {POOL_SIZE_SETTING} within the database's max_connections)",
            "busy",
        )

    def error(self, exc: DBAPIError, *, gave_up: bool = False) -> StorageError:
        """An honest message for an error during work (nothing of that write was kept)."""
        reason = _reason(exc)
        state = _state(exc)
        if self._lost(exc):
            return self.unreachable(exc)
        if gave_up:
            return StorageError(f"the database stayed busy, so this was not saved; please try again ({reason})", "busy")
        kind = _sqlite_kind(reason, "") if self.is_sqlite else _postgres_kind(state)
        if kind == "full":
            return StorageError(f"the disk of {self.where()} is full, so nothing was saved ({reason})", "full")
        if kind == "read_only":
            return StorageError(
                f"{self.where()} can only be read (its file, folder or server is read-only), so nothing was saved "
                f"({reason})",
                "read_only",
            )
        if state in _SCHEMA_STATES or "no such table" in reason or "no such column" in reason:
            return StorageError(
                f"the tables in {self.where()} do not match this Readiness ({reason}); run `readiness db upgrade`",
                "setup",
            )
        if isinstance(exc, IntegrityError):
            return StorageError(f"the database refused the change as inconsistent ({reason})", "refused")
        if isinstance(exc, DataError):
            return StorageError(f"the database refused a value ({reason})", "refused")
        return StorageError(f"the database failed ({reason})")

    def _lost(self, exc: DBAPIError) -> bool:
        """The connection broke or could not be made (the server restarting, failing over, gone)."""
        state = _state(exc)
        if exc.connection_invalidated or (state or "").startswith("08"):
            return True
        # psycopg reports a connection that cannot be made without any SQLSTATE
        return not self.is_sqlite and isinstance(exc, OperationalError) and state is None


def _sqlite_kind(reason: str, default: str) -> Any:
    """SQLite says what broke only in words (its result codes do not reach Python's driver)."""
    text = reason.lower()
    if "disk is full" in text or "database or disk is full" in text:
        return "full"
    if "readonly" in text or "read-only" in text or "read only" in text:
        return "read_only"
    return default or "failed"


def _postgres_kind(state: str | None) -> Any:
    if state in ("53100", "53200"):  # disk_full, out_of_memory
        return "full"
    if state == "25006":  # read_only_sql_transaction: a standby, or default_transaction_read_only
        return "read_only"
    return ""


def is_transient(exc: DBAPIError) -> bool:
    """True for errors that the same write, tried again a moment later, will not meet.

    Lock timeouts, serialization failures, deadlocks and a connection dropped by
    a server restart are; a constraint violation, a too-long value or a missing
    table are not, and retrying them would only hide the problem.
    """
    if exc.connection_invalidated or _state(exc) in _TRANSIENT_STATES:
        return True
    if isinstance(exc, OperationalError) and _state(exc) is None and "sqlite" not in type(exc.orig).__module__:
        return True  # psycopg: the connection could not be made (a server restarting comes back in seconds)
    message = str(exc.orig).lower()
    return isinstance(exc, OperationalError) and ("locked" in message or "busy" in message)


def _state(exc: DBAPIError) -> str | None:
    return getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(orig).strip().splitlines() if line.strip()]
    return lines[0] if lines else type(orig).__name__


def open_database(
    url: str,
    setting: str,
    *,
    echo: bool = False,
    pool_size: int | None = None,
    max_overflow: int | None = None,
    pool_timeout: float | None = None,
) -> Database:
    """An engine for ``url`` (not yet connected), or a :class:`StorageError` naming ``setting``.

    ``pool_timeout``: seconds a request waits for a free connection (SQLAlchemy's 30 by default).
    """
    parsed = parse_url(url, setting)
    options: dict[str, Any] = {"echo": echo}
    if pool_timeout is not None:
        options["pool_timeout"] = pool_timeout
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(
                    f"cannot create the folder {folder} for the SQLite file named by {setting}: "
                    f"{exc.strerror or exc}. Choose a folder this user may write to.",
                    "setup",
                ) from None
    else:
        connect_args: dict[str, Any] = {}
        if "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
        if "application_name" not in parsed.query:  # so an operator can tell Readiness apart in pg_stat_activity
            connect_args["application_name"] = "readiness"
        options.update(
            pool_pre_ping=True,  # a connection dropped by a server restart is replaced, not handed out
            pool_size=pool_size if pool_size is not None else _int_setting(POOL_SIZE_SETTING, DEFAULT_POOL_SIZE),
            max_overflow=max_overflow
            if max_overflow is not None
            else _int_setting(MAX_OVERFLOW_SETTING, DEFAULT_MAX_OVERFLOW),
            pool_recycle=1800,  # managed servers and proxies close idle connections
            connect_args=connect_args,
        )
    try:
        engine = create_engine(parsed, **options)
    except (ImportError, NoSuchModuleError) as exc:
        raise StorageError(
            f"{setting} names a PostgreSQL database, but its driver is not installed ({exc}). "
            "Install it with: pip install 'psycopg[binary]' (requirements.txt includes it)",
            "setup",
        ) from None
    except (ArgumentError, TypeError, ValueError) as exc:
        raise StorageError(f"{setting} has options the database driver does not accept: {exc}", "setup") from None
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return Database(parsed, setting, engine)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own BEGIN is deferred).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    _wal(cursor)
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _wal(cursor: Any) -> None:
    """Switch a new file to WAL mode (it stays so), waiting out another process doing the same.

    The switch needs the file to itself, and SQLite answers "database is locked" at once
    rather than through the busy timeout when two servers open a new file together.
    """
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        return
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_begin(connection: Any) -> None:
    # Writers take the write lock up front: a deferred transaction that later
    # upgrades can fail at once with "database is locked" despite busy_timeout.
    immediate = connection.get_execution_options().get("readiness_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
