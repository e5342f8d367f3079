"""Resume links open by a secret that is stored only as a hash, apart from the assessment's id.

Links made before (whose secret was the assessment's id) keep working through
the migration, and `readiness db rekey` stops storing their secret too.
"""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect, text

from readiness.cli import main as cli
from readiness.storage import NotFound, Store
from readiness.workshop_store import WorkshopStore, consensus_key

from .legacy import create_legacy_database


def everything_stored(url: str) -> str:
    """Every value in every table, as one text: what someone who reads the database would see."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    parts: list[str] = []
    with engine.connect() as connection:
        for table in inspect(connection).get_table_names():
            for row in connection.execute(text(f'SELECT * FROM "{table}"')):
                parts.extend(str(value) for value in row)
    engine.dispose()
    return "\n".join(parts)


def test_a_new_assessment_opens_by_its_secret_which_is_never_stored(db_url: str, sample) -> None:
    store = Store(db_url)
    made = store.create_assessment(sample, "Secret Soups")
    assert made.resume_key and made.resume_key != made.id
    assert store.open_assessment(made.resume_key).id == made.id
    with pytest.raises(NotFound):
        store.open_assessment(made.id)  # the id is a name, not a key: it opens nothing
    store.close()
    stored = everything_stored(db_url)
    assert made.id in stored and made.resume_key not in stored


def test_a_workshops_agreed_answers_open_with_a_key_only_the_facilitator_can_work_out(db_url: str, sample) -> None:
    store = Store(db_url)
    rooms = WorkshopStore(store)
    key, workshop = rooms.create(sample, "Day", "Frost", None, ["sales", "ops"], True)
    assert store.open_assessment(consensus_key(key)).id == workshop.consensus_assessment_id
    assert rooms.consensus_link_key(key, workshop) == consensus_key(key)
    person = rooms.join(workshop, "sales")
    assert person.resume_key and store.open_assessment(person.resume_key).id == person.assessment_id
    store.close()
    stored = everything_stored(db_url)
    assert consensus_key(key) not in stored and person.resume_key not in stored and key not in stored


def test_links_made_before_hashing_keep_working_and_rekeying_stops_storing_them(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = create_legacy_database(db_url)
    old_links = [row["id"] for row in before["assessments"]]  # their links' secret was the id itself
    store = Store(db_url)  # migrates
    assert all(store.open_assessment(link).id == link for link in old_links)
    creme = next(r["id"] for r in before["assessments"] if r["business_name"].startswith("Crème"))
    answers_before = store.answers(creme)
    store.close()

    assert cli(["db", "rekey", db_url]) == 0
    assert f"{len(old_links)} assessment(s) moved to a new id" in capsys.readouterr().out
    store = Store(db_url)
    reopened = {link: store.open_assessment(link) for link in old_links}  # the same links still open
    assert all(a.id != link for link, a in reopened.items())
    assert store.answers(reopened[creme].id) == answers_before  # with everything that hung off them
    assert len(store.shares(reopened[creme].id)) == 2
    workshop = WorkshopStore(store).get(before["workshops"][0]["id"])
    assert workshop.consensus_assessment_id in {a.id for a in reopened.values()}
    store.close()
    stored = everything_stored(db_url)
    assert not [link for link in old_links if link in stored]  # no link's secret is left in the database
    assert cli(["db", "rekey", db_url]) == 0 and "0 assessment(s)" in capsys.readouterr().out  # idempotent
