"""Random journeys through the assess page: after every action, the database holds what the person did.

Hypothesis drives the real page (AppTest, the real callbacks, a real SQLite
file) through random sequences of answering, changing, typing numbers (valid
or not), notes, "don't know", Next, Back, jumping in the step list, and
reloading the link in a fresh session. A model of what the person did is
kept beside it; after each action the database must equal the model, and the
page must show what the database holds.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import Any

import pytest
import streamlit as st
from hypothesis import HealthCheck, settings
from hypothesis import strategies as hs
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from streamlit.testing.v1 import AppTest

from readiness import parse_questionnaire
from readiness.storage import Store

from .conftest import ROOT, SAMPLE

APP = str(ROOT / "streamlit_app.py")
QUESTIONNAIRE = parse_questionnaire(SAMPLE.read_text(), str(SAMPLE)).questionnaire
STEPS = [[q.id for q in QUESTIONNAIRE.questions_in(d.id)] for d in QUESTIONNAIRE.dimensions]
REVIEW = len(STEPS)
CHOICES = {"business_type": ["goods", "services"], "cover": ["0", "1", "2", "3"], "surge_plan": ["yes", "no"]}
STORED_VALUE = {"goods": "goods", "services": "services", "yes": True, "no": False}


def stored_value(option: str | None) -> Any:
    """What the database holds for a radio option's key."""
    if option in STORED_VALUE:
        return STORED_VALUE[option]
    return float(option) if option and option.isdigit() else option


NOTES = hs.text(alphabet="abc xyz[]()!:*_#", min_size=1, max_size=12).filter(lambda t: t.strip())


class Journey(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.mkdtemp()
        url = f"sqlite:///{self.folder}/journey.sqlite3"
        os.environ["READINESS_DATABASE_URL"] = url
        st.cache_resource.clear()
        st.cache_data.clear()
        self.db = Store(url)
        made = self.db.create_assessment(QUESTIONNAIRE, "Journey Ltd")
        self.aid, self.link = made.id, made.resume_key
        #: question id -> (kind, value, note): what the person has done
        self.model: dict[str, tuple[str, Any, str | None]] = {}
        self.step = 0
        self.stuck = False  # a value that cannot be stored sits in a field of this step
        self.at = self._open()

    def _open(self) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params["a"] = self.link
        at.run()
        at.switch_page("pages/assess.py").run()
        assert not at.exception, at.exception
        return at

    def key(self, question_id: str) -> str:
        return f"assess_{self.aid[:10]}_{question_id}"

    def on_step(self, question_id: str) -> bool:
        return self.step < REVIEW and question_id in STEPS[self.step] and self.shown(question_id)

    def shown(self, question_id: str) -> bool:
        if question_id == "stock_cover":
            kind = self.model.get("business_type")
            return kind is not None and kind[1] == "goods"
        return True

    def run(self) -> None:
        self.at.run()
        assert not self.at.exception, self.at.exception

    def teardown(self) -> None:
        self.db.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- answering -----------------------------------------------------------------------
    @rule(data=hs.data())
    def choose(self, data: hs.DataObject) -> None:
        candidates = [q for q in CHOICES if self.on_step(q)]
        if not candidates:
            return
        question_id = data.draw(hs.sampled_from(candidates))
        option = data.draw(hs.sampled_from(CHOICES[question_id]))
        self.at.radio(key=self.key(question_id)).set_value(option)
        self.run()
        note = self.model.get(question_id, (None, None, None))[2]
        self.model[question_id] = (
            "value",
            STORED_VALUE.get(option, float(option) if option.isdigit() else option),
            note,
        )

    @rule(number=hs.one_of(hs.integers(-20, 200), hs.none()), then_next=hs.booleans())
    def type_number(self, number: int | None, then_next: bool) -> None:
        """Type into the number field; sometimes click Next in the same breath (no Enter, no Tab)."""
        if not self.on_step("utilization"):
            return
        self.at.number_input(key=self.key("utilization")).set_value(number)
        if then_next:
            self.at.button(key="assess_next").click()
        self.run()
        note = self.model.get("utilization", (None, None, None))[2]
        if number is None:
            before = self.model.get("utilization")
            if self.stuck or (before is not None and before[0] == "value"):
                self.model.pop("utilization", None)  # emptying the field unanswers the question
            # an already empty field ("don't know" chosen) does not change: nothing happens
            self.stuck = False
        elif 0 <= number <= 150:
            self.model["utilization"] = ("value", float(number), note)
            self.stuck = False
        else:
            self.stuck = True  # refused with its reason, and the step cannot be left until it is fixed
            assert any("takes a number from 0 to 150" in e.body for e in self.at.error)
        if then_next and not self.stuck:
            self.step += 1

    @rule()
    def dont_know(self) -> None:
        question_id = next((q for q in ("utilization", "channels") if self.on_step(q)), None)
        if question_id is None:
            return
        self.at.segmented_control(key=self.key(question_id) + "_special").set_value("__dont_know__")
        self.run()
        note = self.model.get(question_id, (None, None, None))[2]
        self.model[question_id] = ("dont_know", None, note)
        if question_id == "utilization":
            self.stuck = False
            assert self.at.number_input(key=self.key("utilization")).value is None  # the number gave way

    @rule(picked=hs.lists(hs.sampled_from(["referrals", "ads", "partners"]), unique=True, max_size=3))
    def pills(self, picked: list[str]) -> None:
        if not self.on_step("channels"):
            return
        before = self.model.get("channels")
        self.at.pills(key=self.key("channels")).set_value(picked)
        self.run()
        note = before[2] if before else None
        if picked:
            order = ["referrals", "ads", "partners"]
            self.model["channels"] = ("value", tuple(sorted(picked, key=order.index)), note)
        elif before is not None and before[0] == "value":
            self.model.pop("channels")  # nothing ticked and nothing special: unanswered

    @rule(text=hs.one_of(NOTES, hs.just("")))
    def comment(self, text: str) -> None:
        if not self.on_step("comment"):
            return
        self.at.text_area(key=self.key("comment")).input(text)
        self.run()
        note = self.model.get("comment", (None, None, None))[2]
        if text.strip():
            self.model["comment"] = ("value", text.strip(), note)
        else:
            self.model.pop("comment", None)

    @rule(data=hs.data(), text=NOTES)
    def note(self, data: hs.DataObject, text: str) -> None:
        candidates = [q for q in self.model if self.on_step(q)]
        if not candidates or self.stuck:
            return
        question_id = data.draw(hs.sampled_from(sorted(candidates)))
        self.at.text_input(key=self.key(question_id) + "_note").input(text)
        self.run()
        kind, value, _ = self.model[question_id]
        self.model[question_id] = (kind, value, text.strip())

    # --- moving ----------------------------------------------------------------------------
    @precondition(lambda self: self.step < REVIEW)
    @rule()
    def next(self) -> None:
        self.at.button(key="assess_next").click()
        self.run()
        if not self.stuck:
            self.step += 1

    @precondition(lambda self: 0 < self.step < REVIEW)
    @rule()
    def back(self) -> None:
        self.at.button(key="assess_back").click()
        self.run()
        if not self.stuck:
            self.step -= 1

    @rule(to=hs.integers(0, REVIEW))
    def jump(self, to: int) -> None:
        self.at.segmented_control(key=f"assess_step_{self.aid[:10]}").set_value(to)
        self.run()
        if not self.stuck:
            self.step = to

    @precondition(lambda self: not self.stuck)
    @rule()
    def reload(self) -> None:
        """The resume link in a fresh session (another tab, a phone, the next morning)."""
        self.at = self._open()

    # --- what must always hold -----------------------------------------------------------------
    @invariant()
    def database_holds_what_the_person_did(self) -> None:
        stored = {qid: (a.kind, a.value, a.note) for qid, a in self.db.answers(self.aid).items()}
        assert stored == self.model

    @invariant()
    def the_page_shows_the_step_and_what_is_stored(self) -> None:
        heading = self.at.header[0].value
        if self.step == REVIEW:
            assert heading == "Review and finish"
        else:
            title = QUESTIONNAIRE.dimensions[self.step].title
            assert heading == f"Step {self.step + 1} of {REVIEW}: {title}"
        for question_id in CHOICES:
            if self.on_step(question_id) and question_id in self.model:
                shown = self.at.radio(key=self.key(question_id)).value
                assert stored_value(shown) == self.model[question_id][1]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_random_journeys_lose_nothing() -> None:
    previous = os.environ.get("READINESS_DATABASE_URL")
    try:
        Journey.TestCase.settings = settings(
            max_examples=12,
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        Journey.TestCase().runTest()
    finally:
        if previous is None:
            os.environ.pop("READINESS_DATABASE_URL", None)
        else:
            os.environ["READINESS_DATABASE_URL"] = previous
        st.cache_resource.clear()
