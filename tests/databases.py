"""Scratch PostgreSQL databases for the tests (and benchmarks), so parallel runs never collide.

No pytest here, so `bench/` can use it too. A run creates one database with a
random name on the server ``READINESS_TEST_POSTGRES_URL`` points at, gives each
test a schema of its own inside it (a fresh, empty namespace: the same as an
empty database to Readiness), and drops the database afterwards, whatever
happened.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url

POSTGRES_ENV = "READINESS_TEST_POSTGRES_URL"
#: Set (to 1) in CI: a PostgreSQL server or nginx that cannot be used is then a failure, not a left-out test.
REQUIRED_ENV = "READINESS_TEST_SERVICES_REQUIRED"


def services_required() -> bool:
    return os.environ.get(REQUIRED_ENV, "").strip().lower() in ("1", "true", "yes")


def _driver_url(url: str) -> URL:
    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    return parsed.set(drivername="postgresql+psycopg") if parsed.drivername == "postgresql" else parsed


def _libpq(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


@dataclass
class ScratchDatabase:
    """A database of our own on the test server; :meth:`schema_url` hands out empty schemas in it."""

    url: URL

    def schema_url(self, prefix: str = "t") -> tuple[str, str]:
        """A new, empty schema and a URL whose connections use it (their search_path)."""
        import psycopg

        name = f"{prefix}_{secrets.token_hex(6)}"
        with psycopg.connect(_libpq(self.url), autocommit=True) as connection:
            connection.execute(f'CREATE SCHEMA "{name}"')
        query = {**self.url.query, "options": f"-csearch_path={name}", "application_name": f"readiness-{name}"}
        return self.url.set(query=query).render_as_string(hide_password=False), name

    def drop_schema(self, name: str) -> None:
        """Drop a schema and close every connection a test left open to it (engines nobody disposed)."""
        import psycopg

        with psycopg.connect(_libpq(self.url), autocommit=True) as connection:
            connection.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
                (f"readiness-{name}",),
            )
            connection.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')

    @property
    def plain_url(self) -> str:
        """The database itself (its public schema), as an operator's URL would name it."""
        return self.url.render_as_string(hide_password=False)


def reachable(url: str) -> str | None:
    """None when the server answers, else why not."""
    import psycopg

    try:
        with psycopg.connect(_libpq(_driver_url(url)), connect_timeout=5):
            return None
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


@contextmanager
def scratch_database(server_url: str, prefix: str = "readiness_test") -> Iterator[ScratchDatabase]:
    """A database with a random name on ``server_url``'s server, dropped afterwards."""
    import psycopg

    admin = _driver_url(server_url)
    name = f"{prefix}_{secrets.token_hex(6)}"
    with psycopg.connect(_libpq(admin), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield ScratchDatabase(admin.set(database=name))
    finally:
        with psycopg.connect(_libpq(admin), autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
