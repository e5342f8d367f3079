"""Copy every row of one Readiness database into an empty other, and prove nothing changed on the way.

What it is for: moving a deployment from its SQLite file to PostgreSQL (or
back, or between servers). The source is only read, never migrated, so a
failed copy leaves it exactly as it was. The target is brought to this code's
schema, must be empty, and receives everything in one transaction: either the
whole database arrives, verified, or nothing does.

Verification reads the target back inside that transaction and compares, per
table, the row count and a content hash over every column the source has
(an order-independent sum of row hashes, since SQLite and PostgreSQL may sort
text differently). Only then does it commit.

Text goes through the same cleaning as every write (a NUL character removed,
a lone surrogate replaced); the hash compares cleaned values, and the report
says how many were cleaned. Text longer than its column is not cut: every
such value is listed with its table, row and column, and nothing is copied.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, MetaData, String, Table, func, inspect, select
from sqlalchemy.exc import DBAPIError

from readiness.store import migrate
from readiness.store.database import Database, utc
from readiness.store.errors import StorageError
from readiness.store.schema import Base
from readiness.store.text import clean

BATCH = 500
#: Tables that describe the database rather than hold users' data: the target has its own.
_OWN = {"meta", "alembic_version"}
_MODULUS = 2**256


@dataclass(frozen=True)
class TableCopy:
    name: str
    rows: int
    digest: str  #: hex of the content hash, equal on both sides
    cleaned: int  #: text values that lost a NUL character or a broken surrogate on the way


@dataclass
class CopyReport:
    source: str
    target: str
    tables: list[TableCopy] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)

    @property
    def cleaned(self) -> int:
        return sum(t.cleaned for t in self.tables)


class _Digest:
    """An order-independent hash of a multiset of rows: the sum of their SHA-256s, mod 2**256."""

    def __init__(self) -> None:
        self.total = 0
        self.count = 0

    def add(self, values: list[Any]) -> None:
        line = json.dumps([_canonical(v) for v in values], ensure_ascii=False, separators=(",", ":"))
        self.total = (self.total + int.from_bytes(hashlib.sha256(line.encode("utf-8")).digest(), "big")) % _MODULUS
        self.count += 1

    @property
    def hex(self) -> str:
        return f"{self.total:064x}"


def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        return utc(value).isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _rows(connection: Connection, table: Table, columns: list[str]) -> Iterator[list[Any]]:
    # Options on the statement, not the connection: Connection.execution_options() changes the connection
    # itself, and a later write on it would then go through a server-side cursor (an error on PostgreSQL).
    statement = select(*(table.c[name] for name in columns)).execution_options(stream_results=True, yield_per=BATCH)
    result = connection.execute(statement)
    for row in result:
        yield list(row)


def copy_database(source: Database, target: Database, progress: Callable[[str], None] | None = None) -> CopyReport:
    """Copy ``source`` into the empty ``target``; a :class:`StorageError` says why when it cannot."""
    say = progress or (lambda _message: None)
    report = CopyReport(source.where(), target.where())
    try:
        source_tables = MetaData()
        source_tables.reflect(source.engine)
    except DBAPIError as exc:
        raise source.unreachable(exc) from None
    _refuse_unknown(source, source_tables)
    migrate.ensure_ready(target, auto_upgrade=True)
    try:
        with _snapshot(source) as reading, target.engine.execution_options(readiness_write=True).begin() as writing:
            _refuse_non_empty(target, writing)
            problems: list[str] = []
            for table in Base.metadata.sorted_tables:  # parents before children
                if table.name in _OWN or table.name not in source_tables.tables:
                    continue
                copied = _copy_table(reading, writing, source_tables.tables[table.name], table, problems)
                report.tables.append(copied)
                say(f"{table.name}: {copied.rows:,} rows")
            if problems:
                shown = "\n  ".join(problems[:20])
                more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
                raise StorageError(
                    f"nothing was copied: {len(problems)} value(s) in {source.where()} are longer than "
                    f"their column allows:\n  {shown}{more}\nShorten them in the source and copy again."
                )
            say("verifying: counting and hashing every table in the target")
            for copied in report.tables:
                _verify(writing, Base.metadata.tables[copied.name], source_tables.tables[copied.name], copied)
            _hash_old_resume_links(writing, source_tables)
    except DBAPIError as exc:
        raise target.error(exc) from None
    return report


def _hash_old_resume_links(writing: Connection, source_tables: MetaData) -> None:
    """A source from before hashed resume links: its ids are their links' secrets, as migration 0003 does."""
    source = source_tables.tables.get("assessments")
    if source is None or "resume_hash" in source.columns:
        return
    assessments = Base.metadata.tables["assessments"]
    ids = writing.execute(select(assessments.c.id).where(assessments.c.resume_hash.is_(None))).scalars().all()
    for assessment_id in ids:
        writing.execute(
            assessments.update()
            .where(assessments.c.id == assessment_id)
            .values(resume_hash=hashlib.sha256(assessment_id.encode("utf-8")).hexdigest())
        )


@contextmanager
def _snapshot(source: Database) -> Iterator[Connection]:
    """One consistent view of the source across all its tables, even if an app is still writing to it."""
    with source.engine.connect() as connection:
        if not source.is_sqlite:  # SQLite's transaction (WAL) is a snapshot already
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield connection


def _refuse_unknown(source: Database, tables: MetaData) -> None:
    """Data this code has no place for (from a newer Readiness) would be lost: refuse instead."""
    unknown: list[str] = []
    with source.engine.connect() as connection:
        for name, table in tables.tables.items():
            if name in _OWN:
                continue
            known = Base.metadata.tables.get(name)
            if known is None:
                if connection.execute(select(func.count()).select_from(table)).scalar():
                    unknown.append(f"table {name}")
                continue
            for column in table.columns:
                if (
                    column.name not in known.columns
                    and connection.execute(select(func.count()).select_from(table).where(column.is_not(None))).scalar()
                ):
                    unknown.append(f"column {name}.{column.name}")
    if unknown:
        raise StorageError(
            f"{source.where()} has data this Readiness does not know ({', '.join(unknown)}): "
            "copy it with the Readiness version that wrote it"
        )


def _refuse_non_empty(target: Database, connection: Connection) -> None:
    present = set(inspect(connection).get_table_names())
    filled = []
    for table in Base.metadata.sorted_tables:
        if table.name not in _OWN and table.name in present:
            count = connection.execute(select(func.count()).select_from(table)).scalar() or 0
            if count:
                filled.append(f"{count:,} {table.name}")
    if filled:
        raise StorageError(
            f"{target.where()} already holds data ({', '.join(filled)}); copy into an empty database, "
            "so nothing in it is overwritten or mixed up"
        )


def _shared_columns(source: Table, target: Table) -> list[str]:
    return [c.name for c in source.columns if c.name in target.columns]


def _copy_table(
    reading: Connection, writing: Connection, source: Table, target: Table, problems: list[str]
) -> TableCopy:
    columns = _shared_columns(source, target)
    limits = {c.name: c.type.length for c in target.columns if isinstance(c.type, String) and c.type.length}
    key = [c.name for c in target.primary_key.columns]
    digest, cleaned, batch = _Digest(), 0, []
    for values in _rows(reading, source, columns):
        row = dict(zip(columns, values, strict=True))
        for name, value in row.items():
            if isinstance(value, str):
                tidy = clean(value)
                if tidy != value:
                    cleaned += 1
                    row[name] = tidy
                limit = limits.get(name)
                if limit and len(tidy) > limit:
                    where = ", ".join(f"{k}={row[k]!r}" for k in key)
                    problems.append(f"{target.name} ({where}): {name} is {len(tidy):,} characters, its column {limit}")
        digest.add([row[name] for name in columns])
        if problems:  # the copy will be rolled back; go on only to list every problem
            continue
        batch.append(row)
        if len(batch) == BATCH:
            writing.execute(target.insert(), batch)
            batch = []
    if batch and not problems:
        writing.execute(target.insert(), batch)
    return TableCopy(target.name, digest.count, digest.hex, cleaned)


def _verify(connection: Connection, target: Table, source: Table, copied: TableCopy) -> None:
    columns = _shared_columns(source, target)
    digest = _Digest()
    for values in _rows(connection, target, columns):
        digest.add(values)
    if (digest.count, digest.hex) != (copied.rows, copied.digest):
        raise StorageError(
            f"verification failed for {target.name}: the source has {copied.rows:,} rows (hash "
            f"{copied.digest[:12]}), the target {digest.count:,} (hash {digest.hex[:12]}); nothing was copied"
        )
