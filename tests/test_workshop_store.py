"""Workshops in the database: keys, codes, participants, and 30 people answering at once."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest

from readiness import load_questionnaire
from readiness.answers import Answer
from readiness.storage import NotFound, Store
from readiness.workshop_store import CODE_LENGTH, WorkshopError, WorkshopStore

from .conftest import ROOT


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'workshop.sqlite3'}"


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

    def answer(index: int) -> None:
        try:
            mine = Store(url)  # each person's own connection pool, as separate server sessions would have
            rnd = random.Random(index)
            barrier.wait()
            for q in questions:
                mine.save_answer(people[index].assessment_id, Answer(q.id, "value", float(rnd.randint(0, 4))))
            mine.close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=answer, args=(i,)) for i in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    stored = workshops.participants(w.id)
    assert len(stored) == 30
    for record, answers in stored:
        rnd = random.Random([p.id for p in people].index(record.id))
        assert {qid: a.value for qid, a in answers.items()} == {q.id: float(rnd.randint(0, 4)) for q in questions}
