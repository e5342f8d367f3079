"""Shared fixtures: the sample questionnaire, inline questionnaires, and the databases tests run on.

Storage tests take ``db_url``, which runs each of them twice: on a SQLite file
and on PostgreSQL (a schema of its own in a scratch database on the server
``READINESS_TEST_POSTGRES_URL`` names). Without that variable, or with the
server down, the PostgreSQL half is left out, and the run ends with a line
saying how many tests were left out and why; with
``READINESS_TEST_SERVICES_REQUIRED=1`` (CI) it is a failure instead.

Property tests (Hypothesis) explore new random examples on every run on a
developer's machine, where a failure is a find worth having (and is replayed
from the local ``.hypothesis`` database until fixed). In CI they run one fixed
set of examples, so a CI run fails because of a change, never because of the
dice; see :data:`CI_PROFILE`.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from readiness import Questionnaire, parse_questionnaire

from .databases import POSTGRES_ENV, REQUIRED_ENV, ScratchDatabase, reachable, scratch_database, services_required

#: The Hypothesis profile CI runs: ``derandomize`` seeds each test from a hash of its own
#: code, so every CI run tries the same examples (and no example database is read or
#: written), and ``print_blob`` prints how to replay a failure. It is loaded when ``CI``
#: is set (as most CI services do) or ``READINESS_TEST_SERVICES_REQUIRED`` is (as
#: ``.ci/run`` does); ``--hypothesis-profile=default`` brings random exploration back
#: there, and ``--hypothesis-seed`` does not override it. This module is imported before
#: any test module, so the tests' own ``settings(...)`` inherit it. Bugs the random runs
#: find become fixed examples or tests of their own, so CI keeps checking them.
CI_PROFILE = "readiness-ci"
settings.register_profile(CI_PROFILE, derandomize=True, print_blob=True)
if services_required() or os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
    settings.load_profile(CI_PROFILE)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = DATA / "sample.yaml"


@pytest.fixture(scope="session")
def sample() -> Questionnaire:
    return parse_questionnaire(SAMPLE.read_text(), str(SAMPLE)).questionnaire


HEADER = """
schema_version: 1
id: inline
version: "1"
title: Inline
dimensions:
  - {id: ops, title: Operations, side: operations}
  - {id: demand, title: Demand, side: demand}
scales:
  - id: four
    options:
      - {value: 0, label: None}
      - {value: 1, label: Some}
      - {value: 2, label: Most}
      - {value: 3, label: All}
levels:
  - {id: low, name: Low, min: 0}
  - {id: mid, name: Mid, min: 40}
  - {id: high, name: High, min: 75}
profiles:
  - {id: p, title: P, targets: {ops: 60, demand: 60}}
scoring: {unanswered: lowest}  # as Readiness's own questionnaires: a blank counts as its worst answer
"""


@pytest.fixture
def inline() -> Callable[[str], Questionnaire]:
    """Build a questionnaire from just its `questions:` block (plus optional overrides)."""

    def build(questions: str, header: str = HEADER) -> Questionnaire:
        text = textwrap.dedent(header) + "questions:\n" + textwrap.indent(textwrap.dedent(questions), "  ")
        return parse_questionnaire(text, "inline.yaml").questionnaire

    return build


#: Every test left out for a missing service says so with this prefix (counted at the end of the run).
LEFT_OUT = "left out, needs"


def leave_out(service: str, why: str, how: str) -> None:
    """Skip a test that needs a service this machine lacks; in CI (``READINESS_TEST_SERVICES_REQUIRED``), fail."""
    if services_required():
        pytest.fail(f"{service} is required here ({REQUIRED_ENV}=1) but {why}. {how}", pytrace=False)
    pytest.skip(f"{LEFT_OUT} {service}: {why}. {how}")


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[ScratchDatabase | str]:
    """A scratch database for this run, or the reason there is none."""
    server = os.environ.get(POSTGRES_ENV, "").strip()
    if not server:
        yield f"{POSTGRES_ENV} is not set"
        return
    problem = reachable(server)
    if problem:
        yield f"the server at {POSTGRES_ENV} cannot be reached ({problem})"
        return
    with scratch_database(server) as database:
        yield database


def postgres_or_leave_out(database: ScratchDatabase | str) -> ScratchDatabase:
    if isinstance(database, str):
        leave_out(
            "PostgreSQL",
            database,
            f"To run them: {POSTGRES_ENV}=postgresql://postgres@127.0.0.1:5432/postgres (any database the user may "
            "create databases from)",
        )
    assert isinstance(database, ScratchDatabase)
    return database


def _empty_schema(postgres_database: ScratchDatabase | str) -> Iterator[str]:
    database = postgres_or_leave_out(postgres_database)
    url, schema = database.schema_url()
    try:
        yield url
    finally:
        database.drop_schema(schema)


@pytest.fixture
def pg_url(postgres_database: ScratchDatabase | str) -> Iterator[str]:
    """An empty PostgreSQL schema of this test's own (for PostgreSQL-only tests: races, time zones)."""
    yield from _empty_schema(postgres_database)


@pytest.fixture(params=["sqlite", "postgresql"])
def new_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Makes empty databases of this test's own, as many as it needs: SQLite files, then PostgreSQL schemas."""
    made: list[str] = []
    if request.param == "sqlite":

        def sqlite_file() -> str:
            made.append(f"sqlite:///{tmp_path / f'readiness-{len(made)}.sqlite3'}")
            return made[-1]

        yield sqlite_file
        return
    database = postgres_or_leave_out(request.getfixturevalue("postgres_database"))

    def schema() -> str:
        url, name = database.schema_url()
        made.append(name)
        return url

    try:
        yield schema
    finally:
        for name in made:
            database.drop_schema(name)


@pytest.fixture
def db_url(new_db_url: Callable[[], str]) -> str:
    """An empty database of this test's own: a SQLite file, then a PostgreSQL schema."""
    return new_db_url()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say, in one visible line per service, how many tests this run left out and why."""
    reasons: dict[str, list[str]] = {}
    for report in terminalreporter.stats.get("skipped", []):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if LEFT_OUT in reason:
            reason = reason.split(LEFT_OUT, 1)[1].strip()
            reasons.setdefault(reason, []).append(report.nodeid)
    for reason, tests in reasons.items():
        service = reason.split(":", 1)[0]
        terminalreporter.write_sep("=", f"{len(tests)} tests left out: they need {service}", yellow=True, bold=True)
        terminalreporter.write_line(reason.split(":", 1)[1].strip())
