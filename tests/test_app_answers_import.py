"""Start page: an answers file filled in offline becomes an assessment, or says what is wrong and where."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from readiness.storage import Store

from .test_app_pages import app, db
from .test_app_surge import _all

__all__ = ["db"]  # the app's database fixture, shared with the other page tests

FILLED = b"""questionnaire: growth-readiness
business: Harbour Ropes
profile: steady_growth
answers:
  business_type: goods
  key_person_cover: {value: 1, note: "Only Ana can splice the big ropes."}
  clear_roles: 2
  order_growth: 25
"""


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="home_answers_file").upload(name, data).run()
    assert not at.exception, at.exception
    return at


def test_a_filled_answers_file_opens_as_a_new_assessment_with_its_answers_and_notes(db: Store) -> None:
    at = upload(app(), "harbour.yaml", FILLED)
    assert "4 of " in at.success[0].body and "Harbour Ropes" in at.success[0].body
    at.button(key="home_answers_open").click().run()
    assert not at.exception, at.exception
    [made] = [a for a in _all(db) if a.business_name == "Harbour Ropes"]
    assert made.profile == "steady_growth" and made.status != "complete"  # 4 answers: not finished
    kept = db.answers(made.id)
    assert kept["key_person_cover"].value == 1 and kept["key_person_cover"].note == "Only Ana can splice the big ropes."
    assert any("Harbour Ropes" in t.value for t in at.title)  # the results page of the new assessment


def test_a_note_too_long_is_refused_with_the_question_and_line_and_nothing_is_made(db: Store) -> None:
    long = FILLED.replace(b"clear_roles: 2", b'clear_roles: {value: 2, note: "' + b"x" * 12_000 + b'"}')
    at = upload(app(), "long.yaml", long)
    said = " ".join(e.body for e in at.error).replace("\\", "")
    assert "nothing was loaded" in said and "line 7: RA112" in said and "`clear_roles`" in said
    assert [b for b in at.button if b.key == "home_answers_open"] == []
    assert not [a for a in _all(db) if a.business_name == "Harbour Ropes"]


def test_answers_for_a_questionnaire_the_app_does_not_offer_say_which_are_offered(db: Store) -> None:
    at = upload(app(), "other.yaml", FILLED.replace(b"growth-readiness", b"eos-checkup"))
    said = " ".join(e.body for e in at.error).replace("\\", "")
    assert "RA106" in said and "`eos-checkup`, which this app does not offer" in said
    assert "`growth-readiness`" in said


def test_a_fully_answered_file_is_a_finished_assessment_and_a_partial_one_is_not(db: Store) -> None:
    from readiness import load_answers, load_questionnaire
    from readiness.demo import DEMO_ANSWERS, DEMO_QUESTIONNAIRE, create_from_answers

    q = load_questionnaire(DEMO_QUESTIONNAIRE)
    answers, _ = load_answers(q, DEMO_ANSWERS)
    full = create_from_answers(db, q, answers)
    assert full.status == "complete" and not full.is_demo and full.resume_key
    part = create_from_answers(db, q, type(answers)(answers={"clear_roles": answers.answers["clear_roles"]}))
    assert part.status != "complete" and part.business_name == "Imported answers" and part.resume_key
