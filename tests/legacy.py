"""Databases as Readiness made them before it had migrations (schema version 3), with data in them.

``tests/data/legacy`` holds the exact DDL that version's ``create_all`` ran on
each database, and the rows it wrote during real use (a demo, an assessment
with notes and share links, a revealed named workshop with three participants
and an agreed answer), exported once from that code.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, select, text

from readiness.store.database import open_database, utc

LEGACY = Path(__file__).resolve().parent / "data" / "legacy"
ORDER = ["meta", "questionnaire_snapshots", "assessments", "answers", "share_links", "workshops", "participants"]


def legacy_rows() -> dict[str, list[dict[str, Any]]]:
    return json.loads((LEGACY / "data-v3.json").read_text(encoding="utf-8"))


def create_legacy_database(url: str, *, without: tuple[str, ...] = (), level: int = 3) -> dict[str, list[dict]]:
    """Make the empty database at ``url`` a version-3 database with data; return the rows it holds.

    ``without`` drops tables afterwards, and ``level`` sets the recorded schema
    version, to play the older versions 1 (no share links, no workshops) and 2.
    """
    db = open_database(url, "test")
    lines = (LEGACY / f"schema-v3.{db.dialect}.sql").read_text().splitlines()
    ddl = "\n".join(line for line in lines if not line.startswith("--"))
    data = legacy_rows()
    with db.engine.begin() as connection:
        for statement in ddl.split(";"):
            if statement.strip():
                connection.exec_driver_sql(statement)
    tables = MetaData()
    tables.reflect(db.engine)
    with db.engine.begin() as connection:
        for name in ORDER:
            rows = [{k: _typed(k, v) for k, v in row.items()} for row in data[name]]
            connection.execute(tables.tables[name].insert(), rows)
        for name in reversed(ORDER):
            if name in without:
                connection.exec_driver_sql(f"DROP TABLE {name}")
                data.pop(name)
        connection.execute(text("UPDATE meta SET value = :v WHERE key = 'schema_version'"), {"v": str(level)})
    data["meta"] = [{"key": "schema_version", "value": str(level)}]
    db.engine.dispose()
    return data


def _typed(column: str, value: Any) -> Any:
    return datetime.fromisoformat(value) if column.endswith("_at") and value is not None else value


def dump(url: str, tables: list[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every row of the given tables, times as UTC ISO text, sorted: comparable across databases."""
    db = open_database(url, "test")
    reflected = MetaData()
    reflected.reflect(db.engine)
    out: dict[str, list[dict[str, Any]]] = {}
    with db.engine.connect() as connection:
        for name in tables or [t for t in ORDER if t in reflected.tables]:
            rows = connection.execute(select(reflected.tables[name])).mappings().all()
            out[name] = sorted(
                ({k: utc(v).isoformat() if isinstance(v, datetime) else v for k, v in row.items()} for row in rows),
                key=lambda r: json.dumps(r, sort_keys=True),
            )
    db.engine.dispose()
    return out


def normalised(data: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """The exported rows in :func:`dump`'s form."""
    return {
        name: sorted(
            (
                {k: utc(_typed(k, v)).isoformat() if _typed(k, v) is not v else v for k, v in row.items()}
                for row in rows
            ),
            key=lambda r: json.dumps(r, sort_keys=True),
        )
        for name, rows in data.items()
    }


#: Columns the migrations since version 3 added to existing tables, with the value old rows get.
#: A migration that adds one adds it here too: the tests then show exactly what it changed.
ADDED_SINCE_V3 = {"assessments": {"currency": "USD"}}


def _added(name: str, row: dict[str, Any]) -> dict[str, Any]:
    added = dict(ADDED_SINCE_V3.get(name, {}))
    if name == "assessments":  # 0003: the resume link's secret was the id; its hash now opens it
        added["resume_hash"] = hashlib.sha256(row["id"].encode("utf-8")).hexdigest()
    return added


def upgraded(data: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Version-3 rows as they read after the migrations: unchanged, plus the added columns' values."""
    return {
        name: sorted(({**row, **_added(name, row)} for row in rows), key=lambda r: json.dumps(r, sort_keys=True))
        for name, rows in data.items()
    }
