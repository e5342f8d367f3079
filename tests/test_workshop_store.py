"""Workshops in the database: keys, codes, participants, and 30 people answering at once.

Every test runs on a SQLite file and on PostgreSQL (``db_url``, tests/conftest.py).
"""

from __future__ import annotations

import random
import threading

import pytest
from sqlalchemy import select

from readiness import load_questionnaire
from readiness.answers import Answer
from readiness.storage import NotFound, Store, WorkshopRow
from readiness.workshop_store import CODE_LENGTH, WorkshopError, WorkshopStore

from .conftest import ROOT


@pytest.fixture
def url(db_url: str) -> str:
    return db_url


def test_facilitator_key_join_code_and_roles(url: str, sample) -> None:
    workshops = WorkshopStore(Store(url))
    key, w = workshops.create(sample, "Board day", "Frost & Co", "surge", ["Sales", "Production"], anonymous=False)
    assert len(key) >= 32 and len(w.join_code) == CODE_LENGTH
    assert workshops.by_key(key).id == w.id
    assert workshops.by_code(w.join_code.lower()).id == w.id  # codes are forgiving about case
    with pytest.raises(NotFound):
        workshops.by_key("x" * 32)
    with pytest.raises(NotFound):
        workshops.by_key(w.id)  # the workshop id is not a facilitator key
    with pytest.raises(WorkshopError, match="roles"):
        workshops.join(w, "Marketing", "Ann")
    with pytest.raises(WorkshopError, match="collects names"):
        workshops.join(w, "Sales", " ")
    ann = workshops.join(w, "Sales", "Ann")
    assert workshops.participant_for_assessment(ann.assessment_id).name == "Ann"
    assert workshops.is_consensus(w.consensus_assessment_id).id == w.id


def test_anonymous_workshops_never_store_names(url: str, sample) -> None:
    workshops = WorkshopStore(Store(url))
    _, w = workshops.create(sample, "W", "B", roles=["Sales"], anonymous=True)
    person = workshops.join(w, "Sales", "Would Be Secret")
    assert person.name is None
    assert workshops.participants(w.id)[0][0].name is None


def test_thirty_participants_answering_at_once_lose_nothing(url: str) -> None:
    questionnaire = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    workshops = WorkshopStore(Store(url))
    _, w = workshops.create(questionnaire, "Load", "Frost", roles=["Sales", "Operations"])
    people = [workshops.join(w, ["Sales", "Operations"][i % 2]) for i in range(30)]
    questions = [q for q in questionnaire.questions if q.type == "scale"]
    errors: list[BaseException] = []
    barrier = threading.Barrier(30)
    # Three app servers, ten people on each: each server has its own connection pool.
    servers = [Store(url, pool_size=5, max_overflow=0) for _ in range(3)]

    def answer(index: int) -> None:
        try:
            mine = servers[index % 3]
            rnd = random.Random(index)
            barrier.wait()
            for q in questions:
                mine.save_answer(people[index].assessment_id, Answer(q.id, "value", float(rnd.randint(0, 4))))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=answer, args=(i,)) for i in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for server in servers:
        server.close()
    stored = workshops.participants(w.id)
    assert len(stored) == 30
    for record, answers in stored:
        rnd = random.Random([p.id for p in people].index(record.id))
        assert {qid: a.value for qid, a in answers.items()} == {q.id: float(rnd.randint(0, 4)) for q in questions}


def test_two_workshops_drawing_the_same_join_code_both_get_created(url: str, sample, monkeypatch) -> None:
    """Codes are random: when a new workshop draws a taken one (or one taken a moment ago by
    another server), it draws again instead of failing on the unique code."""
    import readiness.workshop_store as module

    workshops = WorkshopStore(Store(url))
    _, first = workshops.create(sample, "First", "Acme", roles=["Sales"])
    draws = iter([first.join_code, first.join_code, "ZZZZZZ"])
    monkeypatch.setattr(module, "_new_code", lambda: next(draws))
    _, second = workshops.create(sample, "Second", "Acme", roles=["Sales"])
    assert second.join_code == "ZZZZZZ"
    assert workshops.by_code(first.join_code).name == "First" and workshops.by_code("zzzzzz").name == "Second"


def test_revealing_twice_keeps_the_first_reveal(url: str, sample) -> None:
    workshops = WorkshopStore(Store(url))
    _, w = workshops.create(sample, "W", "B", roles=["Sales"])
    workshops.reveal(w.id)
    with workshops.store.engine.connect() as connection:
        first = connection.execute(select(WorkshopRow.revealed_at)).scalar_one()
    workshops.reveal(w.id)
    with workshops.store.engine.connect() as connection:
        assert connection.execute(select(WorkshopRow.revealed_at)).scalar_one() == first
    assert workshops.get(w.id).revealed


def test_names_and_roles_are_cleaned_and_cut_like_the_apps_fields(url: str, sample) -> None:
    workshops = WorkshopStore(Store(url))
    _, w = workshops.create(
        sample, "Day\x00 one", "B" * 300, roles=["  Sales ", "Sales", "R" * 100, " "], anonymous=False
    )
    assert (w.name, w.business_name, w.roles) == ("Day one", "B" * 200, ("Sales", "R" * 64))
    person = workshops.join(w, "Sales", "Ann\x00 Lee")
    assert workshops.participant_for_assessment(person.assessment_id).name == "Ann Lee"
    assert person.joined_at.utcoffset().total_seconds() == 0


def test_nobody_joins_once_the_answers_are_revealed(url: str, sample) -> None:
    """The revealed answers are frozen: a late joiner (an exploratory browser pass) added an empty column and
    turned "3 of 3 people" into "2 of 3" in the facilitator's revealed view. Joining is refused, also when the
    workshop was read before the reveal (a phone that opened the join page earlier)."""
    from readiness.workshop_store import REVEALED_CLOSED, WorkshopError

    workshops = WorkshopStore(Store(url))
    _, w = workshops.create(sample, "W", "B", roles=["Sales"])
    workshops.join(w, "Sales")
    read_before = workshops.get(w.id)
    workshops.reveal(w.id)
    with pytest.raises(WorkshopError, match=REVEALED_CLOSED):
        workshops.join(read_before, "Sales")
    assert len(workshops.participants(w.id)) == 1


def test_a_role_named_twice_in_another_case_is_one_role(url: str, sample) -> None:
    """ "Sales" and "sales" became two roles, two columns of the heatmap (an exploratory browser pass)."""
    workshops = WorkshopStore(Store(url))
    _, w = workshops.create(sample, "W", "B", roles=["Sales", "sales ", "  SALES", "Finance", "Operations  team"])
    assert w.roles == ("Sales", "Finance", "Operations  team")
