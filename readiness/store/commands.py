"""``readiness db ...``: the database commands an operator runs (docs/deploy.md).

* ``readiness db current [URL]`` — where the database stands against this
  Readiness's migrations; exit 0 when this Readiness can use it as it is, so it
  doubles as a readiness check before a server is put behind the proxy;
* ``readiness db upgrade [URL]`` — migrate it (safe to run while older servers
  keep serving, and from several machines at once);
* ``readiness db copy SRC_URL DST_URL`` — move every row to an empty database, verified;
* ``readiness db rekey [URL]`` — after a rolling upgrade, stop storing old resume links' secrets.

Without URL, the database is the one the app would open (``READINESS_DATABASE_URL``).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readiness.store.database import Database

# The database modules (SQLAlchemy, Alembic) are imported by the commands that use them, so
# every other `readiness` command starts without them.
EXIT_OK, EXIT_PROBLEM = 0, 1


def _open(url: str | None, setting: str) -> Database:
    from readiness.store.database import open_database

    if url:
        return open_database(url, setting)
    from readiness.storage import configured_url

    return open_database(*configured_url())


def cmd_current(args: argparse.Namespace) -> int:
    from readiness.store import migrate

    db = _open(args.url, "the URL argument")
    try:
        state = migrate.status(db)
    finally:
        db.engine.dispose()
    print(f"database: {db.where()} (from {db.setting})")
    print(f"revision: {state.revision or 'none'} (this Readiness's newest: {state.head})")
    level = state.level if state.level is not None else "none"
    print(f"schema level: {level} (this Readiness reads {migrate.SCHEMA_VERSION})")
    advice = {
        "up to date": "",
        "newer, compatible": " (a newer Readiness migrated it; this one can still use it)",
        "newer, incompatible": " (upgrade Readiness to use it)",
        "behind": " (run `readiness db upgrade`)",
        "empty": " (`readiness db upgrade` creates the tables; so does the app's first start)",
    }
    print(f"state: {state.state}{advice[state.state]}")
    return EXIT_OK if state.usable else EXIT_PROBLEM


def cmd_upgrade(args: argparse.Namespace) -> int:
    from readiness.store import migrate

    db = _open(args.url, "the URL argument")
    try:
        before, after = migrate.upgrade(db)
    finally:
        db.engine.dispose()
    if before == after:
        note = (
            "a newer Readiness migrated it further; nothing to do" if after.state != "up to date" else "nothing to do"
        )
        print(f"{db.where()} is at revision {after.revision}: {note}")
    else:
        print(f"upgraded {db.where()} from revision {before.revision or 'none'} to {after.revision}")
    return EXIT_OK


def cmd_copy(args: argparse.Namespace) -> int:
    from readiness.store.copy import copy_database
    from readiness.store.database import open_database

    source = open_database(args.source, "SRC_URL")
    target = open_database(args.target, "DST_URL")
    print(f"copying {source.where()} into {target.where()}", file=sys.stderr)
    try:
        report = copy_database(source, target, lambda line: print(f"  {line}", file=sys.stderr))
    finally:
        source.engine.dispose()
        target.engine.dispose()
    width = max(len(t.name) for t in report.tables) if report.tables else 0
    for table in report.tables:
        print(f"{table.name:<{width}}  {table.rows:>9,} rows  sha256-sum {table.digest[:16]}")
    print(f"verified: all {report.rows:,} rows arrived, every table's count and content hash match")
    if report.cleaned:
        print(
            f"note: {report.cleaned:,} text value(s) lost a NUL character or a broken character on the way "
            "(PostgreSQL cannot store them); the hashes compare the cleaned text"
        )
    return EXIT_OK


def cmd_rekey(args: argparse.Namespace) -> int:
    from readiness.storage import Store, configured_url

    url, setting = (args.url, "the URL argument") if args.url else configured_url()
    store = Store(url, setting=setting)
    try:
        moved = store.rekey_old_links()
    finally:
        store.close()
    print(f"{moved} assessment(s) moved to a new id; their resume links keep working, and none is stored as it is")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``db`` and its commands to the ``readiness`` command line."""
    db = sub.add_parser(
        "db",
        help="the database: migrations, state, copying (docs/deploy.md)",
        description="Database commands. Without URL they use READINESS_DATABASE_URL (or the default SQLite file).",
    )
    commands = db.add_subparsers(dest="db_command", required=True, metavar="COMMAND")
    p = commands.add_parser(
        "current",
        help="where the database stands against this Readiness's migrations",
        description="Print the database's schema revision and whether this Readiness can use it. "
        "Exit 0 when it can (up to date, or migrated further by a compatible newer Readiness), 1 otherwise.",
    )
    p.add_argument("url", nargs="?", metavar="URL", help="database URL (default: READINESS_DATABASE_URL)")
    p.set_defaults(func=cmd_current)
    p = commands.add_parser(
        "upgrade",
        help="migrate the database to this Readiness's schema",
        description="Apply the migrations this Readiness has and the database lacks, under a database lock "
        "(safe with servers running and from several machines at once). The app does the same when it starts.",
    )
    p.add_argument("url", nargs="?", metavar="URL", help="database URL (default: READINESS_DATABASE_URL)")
    p.set_defaults(func=cmd_upgrade)
    p = commands.add_parser(
        "copy",
        help="copy every assessment, answer, share link and workshop into an empty database",
        description="Copy everything from SRC_URL into the empty database DST_URL (e.g. a SQLite file into "
        "PostgreSQL, or back), in one transaction, and verify every table by row count and content hash. "
        "The source is only read. Stop the app (or keep it from writing) while copying.",
    )
    p.add_argument("source", metavar="SRC_URL", help="database to copy from, e.g. sqlite:///data/readiness.sqlite3")
    p.add_argument("target", metavar="DST_URL", help="empty database to copy into, e.g. postgresql://...")
    p.set_defaults(func=cmd_copy)
    p = commands.add_parser(
        "rekey",
        help="stop storing old resume links' secrets (after every server runs this release)",
        description="Resume links made before their secrets were hashed carry the assessment's id as the secret. "
        "They keep working; this gives those assessments new ids, so no link's secret is left in the database. "
        "Run it once every server runs this release (an older one would look them up by their old id).",
    )
    p.add_argument("url", nargs="?", metavar="URL", help="database URL (default: READINESS_DATABASE_URL)")
    p.set_defaults(func=cmd_rekey)
