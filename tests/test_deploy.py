"""docs/deploy.md, followed as written: an operator's recipe, each step run for real.

The recipe's steps run against the test PostgreSQL server as an operator would
against a managed one: a role that owns a database (not a superuser), a URL with
a password that needs percent-encoding, `readiness db upgrade`, `readiness db
copy` from a SQLite deployment, servers started with the env file's settings
behind the shipped nginx configuration, the health check, and the pool limits
holding under a burst. Small checks keep the files in deploy/ and the docs from
drifting from the code.
"""

from __future__ import annotations

import asyncio
import secrets
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import text

from readiness.cli import main as cli
from readiness.store.database import MAX_OVERFLOW_SETTING, POOL_SIZE_SETTING, open_database
from readiness.store.migrate import AUTO_UPGRADE_SETTING
from tests.databases import ScratchDatabase
from tests.deployment import check_config, cluster, nginx_binary
from tests.stclient import Session

from .conftest import ROOT, leave_out, postgres_or_leave_out
from .legacy import create_legacy_database, legacy_rows

DOCS = (ROOT / "docs" / "deploy.md").read_text()
ENV_EXAMPLE = ROOT / "deploy" / "readiness.env.example"
UNIT = ROOT / "deploy" / "readiness@.service"


def env_file(path: Path) -> dict[str, str]:
    """KEY=value lines, as systemd's EnvironmentFile reads them."""
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if line and not line.startswith("#"))
    return {key.strip(): value.strip() for key, value in pairs}


def test_the_env_file_holds_exactly_the_settings_the_servers_read() -> None:
    settings = env_file(ENV_EXAMPLE)
    assert set(settings) == {
        "READINESS_DATABASE_URL",
        "STREAMLIT_SERVER_COOKIE_SECRET",
        POOL_SIZE_SETTING,
        MAX_OVERFLOW_SETTING,
        AUTO_UPGRADE_SETTING,
    }
    assert "sslmode=verify-full" in settings["READINESS_DATABASE_URL"]
    for name in settings:
        assert f"`{name}`" in DOCS or name in DOCS, f"docs/deploy.md does not explain {name}"


def test_the_docs_name_files_and_commands_that_exist() -> None:
    for path in ("deploy/nginx-readiness.conf", "deploy/readiness@.service", "deploy/readiness.env.example"):
        assert path in DOCS and (ROOT / path).exists(), path
    for command in ("readiness db upgrade", "readiness db current", "readiness db copy sqlite:////", "/healthz"):
        assert command in DOCS, command
    unit = UNIT.read_text()
    assert "readiness db current" in unit  # a server only starts on a database it can use
    assert "streamlit run streamlit_app.py --server.port %i --server.address 127.0.0.1" in unit


def test_the_shipped_nginx_configuration_is_valid() -> None:
    if nginx_binary() is None:
        leave_out("nginx", "it is not installed", "Debian/Ubuntu: apt-get install nginx (.ci/run does)")
    valid, said = check_config([8501, 8502])
    assert valid, said


@pytest.fixture
def operator_database(postgres_database: ScratchDatabase | str) -> Iterator[str]:
    """Step 1 of the recipe: a role that owns its database; its URL, password percent-encoded."""
    import psycopg

    admin = postgres_or_leave_out(postgres_database)
    name = f"readiness_op_{secrets.token_hex(4)}"
    password = f"p@ss/w%rd:{secrets.token_hex(4)}"  # every character the docs say to encode
    server = admin.url.set(drivername="postgresql")
    libpq = server.render_as_string(hide_password=False)
    with psycopg.connect(libpq, autocommit=True) as connection:
        connection.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")
        connection.execute(f"CREATE DATABASE {name} OWNER {name}")
    host, port = server.host or "127.0.0.1", server.port or 5432
    try:
        yield f"postgresql://{name}:{quote(password, safe='')}@{host}:{port}/{name}?sslmode=prefer"
    finally:
        with psycopg.connect(libpq, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            connection.execute(f"DROP ROLE IF EXISTS {name}")


async def answer_burst(proxy: str, assessment_id: str, people: int) -> list[str]:
    """``people`` browsers on one assessment at once, each answering its first question."""

    async def one(index: int) -> str:
        async with Session(proxy) as person:
            await person.open("assess", f"a={assessment_id}")
            await person.choose("If your most important person", ["Ad hoc", "In place"][index % 2])
            return person.find("progress", "").label

    return await asyncio.gather(*(one(i) for i in range(people)))


def test_the_recipe_runs_as_written(operator_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if nginx_binary() is None:
        leave_out("nginx", "it is not installed", "Debian/Ubuntu: apt-get install nginx (.ci/run does)")
    url = operator_database

    # 3. migrations before scale-out, as the database's owner (no superuser)
    assert cli(["db", "upgrade", url]) == 0
    assert cli(["db", "current", url]) == 0
    assert "state: up to date" in capsys.readouterr().out

    # 4. the SQLite deployment's data moves in, verified
    old = f"sqlite:///{tmp_path / 'readiness.sqlite3'}"
    create_legacy_database(old)
    assert cli(["db", "copy", old, url]) == 0
    assert "verified: all 86 rows arrived" in capsys.readouterr().out

    # 5-7. two servers with the env file's settings, behind the shipped nginx; the health check
    settings = env_file(ENV_EXAMPLE)
    settings.update(
        READINESS_DATABASE_URL=url,
        STREAMLIT_SERVER_COOKIE_SECRET=secrets.token_urlsafe(32),
        **{POOL_SIZE_SETTING: "2", MAX_OVERFLOW_SETTING: "1"},  # a small plan: at most 3 connections a server
    )
    demo = next(r for r in legacy_rows()["assessments"] if r["is_demo"])  # copied from the old deployment
    with cluster(url, servers=2, log=tmp_path / "servers.log", env=settings) as group:
        with urllib.request.urlopen(f"{group.proxy}/healthz", timeout=10) as health:
            assert health.read() == b"ok"
        with ThreadPoolExecutor(1) as pool:  # its own event loop: Playwright's may be running in this thread
            shown = pool.submit(asyncio.run, answer_burst(group.proxy, demo["id"], people=12)).result()
        assert len(set(shown)) == 1 and shown[0].endswith("answered"), shown  # everyone saved, on either server
        db = open_database(url + "&application_name=recipe-check", "test")  # not counted itself
        with db.engine.connect() as connection:
            readiness = connection.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE application_name = 'readiness' AND datname = current_database()"
                )
            ).scalar_one()
        db.engine.dispose()
        assert 1 <= readiness <= 2 * 3  # servers x (pool + overflow), whatever the burst
    assert cli(["db", "current", url]) == 0
