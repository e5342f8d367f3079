"""Workshop pages in AppTest: facilitator and participants against one database file."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import streamlit as st

from readiness.answers import Answer
from readiness.dimensions import answer_score
from readiness.model import Questionnaire
from readiness.storage import Store
from readiness.workshop_store import WorkshopStore

from .test_app_pages import app, db, key, opened, start

__all__ = ["db"]


def create_workshop(anonymous: bool = True) -> tuple:
    facilitator = app(page="pages/workshop.py")
    facilitator.text_input(key="workshop_name").input("Leadership day").run()
    facilitator.text_input(key="workshop_business").input("Frost & Co").run()
    if not anonymous:
        facilitator.toggle(key="workshop_anonymous").set_value(False).run()
    facilitator.button(key="workshop_create").click().run()
    assert not facilitator.exception, facilitator.exception
    return facilitator, facilitator.query_params["w"]


def join(code: str, role: str, name: str | None = None):
    at = app(query={"j": code}, page="pages/join.py")
    at.radio(key="join_role").set_value(role).run()
    if name is not None:
        at.text_input(key="join_name").input(name).run()
    at.button(key="join_submit").click().run()
    assert not at.exception, at.exception
    assert at.header[0].value == "Step 1 of 6: Team"  # switched straight into the same assess page
    # AppTest keeps rerunning the page a test switched to; a browser follows st.switch_page's URL.
    at.switch_page("pages/assess.py").run()
    return at, opened(at)


def test_facilitator_participants_reveal_and_consensus(db: Store) -> None:
    facilitator, fkey = create_workshop()
    workshop = WorkshopStore(db).by_key(fkey)
    assert workshop.join_code in facilitator.markdown[0].value or any(
        workshop.join_code in m.value for m in facilitator.markdown
    )
    assert any("0 joined" in m.value for m in facilitator.markdown)
    # the facilitator link is offered for saving (inside a closed expander, off the room's screen)
    assert any(c.value.endswith(f"/workshop?w={fkey}") for c in facilitator.code)

    views = {}
    for role, level in (("Sales / marketing", "4"), ("Operations / production", "0"), ("Leadership", "2")):
        at, aid = join(workshop.join_code, role)
        at.radio(key=key(aid, "key_person_cover")).set_value(level).run()
        views[role] = (at, aid, at.query_params["a"])  # the page, its assessment's id, and its link's secret

    waiting = app(query={"a": views["Leadership"][2]}, page="pages/join.py")
    assert "Waiting for the facilitator" in waiting.info[0].body

    facilitator.run()
    assert any("3 joined" in m.value for m in facilitator.markdown)
    facilitator.button(key="workshop_reveal").click().run()
    assert "freeze for good" in facilitator.warning[0].body  # asked once more, saying what it does
    # nobody pressed finish: the question says so before the answers freeze half-way
    said = facilitator.warning[0].body
    assert "Nobody has finished yet: the 3 people who joined have each answered 2% of their questions." in said
    facilitator.button(key="workshop_reveal_confirmed").click().run()
    assert not facilitator.exception, facilitator.exception
    assert len(facilitator.get("vega_lite_chart")) == 2  # the room's dimensions and the disagreement heatmap
    queue = [e.label for e in facilitator.expander if e.label[:1].isdigit()]
    assert queue and "If your most important person" in queue[0]  # spread 100: discussed first

    consensus_key = f"consensus_{workshop.id[:8]}_key_person_cover"
    facilitator.radio(key=consensus_key).set_value("1").run()
    assert db.answers(workshop.consensus_assessment_id)["key_person_cover"].value == 1.0
    downloads = facilitator.get("download_button")
    assert [d.proto.label for d in downloads] == [
        "HTML report",
        "PDF summary (2 pages)",
        "PDF full report",
        "Excel",
        "CSV tables (zip)",
        "JSON",
    ]

    after = app(query={"a": views["Leadership"][2]}, page="pages/join.py")
    assert "The group's results" in [s.value for s in after.subheader]
    assert not after.radio  # no individual answers, no way to change anyone's

    # from the reveal on, a participant's answers are frozen: the room discusses what was revealed
    sales, sales_id, _ = views["Sales / marketing"]
    sales.run()
    assert "can no longer be changed" in sales.info[0].body
    assert not sales.radio
    assert db.answers(sales_id)["key_person_cover"].value == 4.0


def test_the_facilitator_view_needs_the_key(db: Store) -> None:
    _, fkey = create_workshop()
    workshop = WorkshopStore(db).by_key(fkey)
    _, aid = join(workshop.join_code, "Finance")
    for guess in (workshop.id, workshop.join_code, aid, "x" * 32):
        at = app(query={"w": guess}, page="pages/workshop.py")
        assert "does not open any workshop" in at.error[0].body
        assert "workshop_reveal" not in {b.key for b in at.button}


def test_named_workshop_requires_a_name_and_a_wrong_code_says_so(db: Store) -> None:
    _, fkey = create_workshop(anonymous=False)
    workshop = WorkshopStore(db).by_key(fkey)
    at = app(query={"j": workshop.join_code}, page="pages/join.py")
    at.radio(key="join_role").set_value("Finance").run()
    at.button(key="join_submit").click().run()
    assert "enter yours" in at.error[0].body
    wrong = app(query={"j": "ZZZZZZ"}, page="pages/join.py")
    assert "no workshop has that code" in wrong.error[0].body.lower()


@pytest.fixture(autouse=True)
def _clear() -> None:
    st.cache_data.clear()


def _leadership_day(store: Store, name: str, side: str | None = None, *, finished: bool = False) -> str:
    """QA's "Leadership day" room on the quick check, revealed: the facilitator's key. ``side``: only the
    answers to that side's questions are given. ``finished``: Sales / marketing also answers the two demand
    questions it left blank, as they counted when blank (``SALES_BLANKS_AT_WORST``)."""
    import json

    from readiness.answers import validate_answer
    from readiness.loader import load_questionnaire

    from .test_workshop import ROOT, SALES_BLANKS_AT_WORST

    q = load_questionnaire(ROOT / "questionnaires" / "quick-check.yaml")
    kept = {x.id for x in q.questions if side is None or q.dimension(x.dimension).side == side}
    workshops = WorkshopStore(store)
    fkey, workshop = workshops.create(q, name, "Frost & Co")
    people = json.loads((ROOT / "tests" / "data" / "workshop_leadership_day.json").read_text())["people"]
    if finished:
        people[1]["answers"].update(SALES_BLANKS_AT_WORST)
    for person in people:
        record = workshops.join(workshop, person["role"])
        for question_id, value in person["answers"].items():
            if question_id in kept:
                store.save_answer(record.assessment_id, validate_answer(q, question_id, value))
    workshops.reveal(workshop.id)
    return fkey


def test_the_revealed_room_shows_one_figure_per_card_chart_and_banner(db: Store) -> None:
    """QA "Leadership day": demand 45 on the card, 23 on the chart, and a danger verdict beside operations 51.

    Sales / marketing's two blank demand questions are answered as they then counted (their worst): left blank,
    Sales has answered half the demand side and is left out of the room's demand mean as still answering."""
    import json

    fkey = _leadership_day(db, "Leadership day", finished=True)
    at = app(query={"w": fkey}, page="pages/workshop.py")
    assert not at.exception, at.exception
    cards = {m.label: m for m in at.metric}
    assert cards["Operations readiness"].value == "51 / 100"
    assert cards["Weakest link"].value == "19 / 100"
    assert cards["Demand pressure"].value == "45 / 100"
    # each figure says what it is: the mean of the people
    assert {cards[name].proto.delta for name in ("Operations readiness", "Weakest link", "Demand pressure")} == {
        "mean of 2 people"
    }
    # in red, as the results page shows the same zone (a browser pass saw it in yellow here)
    banner = next(w.body for w in at.error if "Group balance" in w.body).replace("\\", "")  # markdown escapes
    assert "Selling dreams, delivering nightmares" in banner
    assert "Demand pressure 45 is 26 points ahead of the weakest link, 19" in banner
    assert "not the operations mean (51)" in banner

    dims, heatmap = (json.loads(c.proto.spec) for c in at.get("vega_lite_chart"))
    drawn = {row["dimension"]: row["mean"] for row in _rows(dims)}
    assert round(drawn["Demand pressure"]) == 45  # the chart's dot is the card's figure
    roles = {row["role"] for row in _rows(heatmap)}
    assert roles == {"Leadership", "Sales / marketing", "Spread"}  # no empty column for roles nobody joined as
    # rows named in words, not by the id made into words ("Key person cover", "Sop meeting")
    assert "What would stop if your most important person were away" in {row["question"] for row in _rows(heatmap)}


def _rows(spec: dict) -> list[dict]:
    if "values" in spec.get("data", {}):
        return spec["data"]["values"]
    if spec.get("datasets"):
        return next(iter(spec["datasets"].values()))
    return _rows(spec["layer"][0])


def test_a_room_nobody_answered_the_demand_side_of_says_why_its_link_waits(db: Store) -> None:
    """A second browser pass read "Weakest link – / 100 · mean of 0 people" beside "mean of 2 people": the
    link waits for the demand side, and the card says so, in words short enough not to be cut at a laptop's
    width (a third pass read "waits for answers on the d…")."""
    fkey = _leadership_day(db, "Ops only", side="operations")
    at = app(query={"w": fkey}, page="pages/workshop.py")
    assert not at.exception, at.exception
    cards = {m.label: m for m in at.metric}
    assert cards["Weakest link"].value == "– / 100"
    assert cards["Weakest link"].proto.delta == "needs demand answers"
    assert cards["Demand pressure"].proto.delta == "no answers here yet"
    assert all(len(m.proto.delta) <= 22 for m in at.metric if m.proto.delta)  # a quarter of a laptop's width
    assert cards["Operations readiness"].proto.delta == "mean of 2 people"


def test_the_cards_say_who_is_still_answering_and_the_room_reads_as_the_finished_people(db: Store) -> None:
    """A facilitator reveals while one person is still on the form's first step: counted at their worst they
    would put the room in the danger zone; the cards and the banner are the two finished people's, and each card
    says the third is still answering. QA's "Leadership day" as answered (Sales left half the demand side blank)
    says so on the demand card alone."""
    from .test_workshop import first_step_room

    growth, people = first_step_room()
    workshops = WorkshopStore(db)
    fkey, workshop = workshops.create(growth, "Joinery day", "Ashgrove Joinery")
    keys = []
    for person in people:
        record = workshops.join(workshop, person.role)
        db.save_answers(record.assessment_id, list(person.answers.values()))
        keys.append(record.resume_key)
    workshops.reveal(workshop.id)
    # the person left out is told so on their own page, the finished ones are not (a browser pass: the partial
    # participant saw the group's results with no word that their answers were not in them)
    partial = app(query={"a": keys[2]}, page="pages/join.py")
    assert not partial.exception, partial.exception
    told = [i.body for i in partial.info if "not in the group's figures" in i.body]
    assert told and told[0].startswith("Your answers on Team, Process, ") and "answered too few" in told[0]
    finished = app(query={"a": keys[0]}, page="pages/join.py")
    assert not [i for i in finished.info if "not in the group's figures" in i.body]
    at = app(query={"w": fkey}, page="pages/workshop.py")
    assert not at.exception, at.exception
    cards = {m.label: m for m in at.metric}
    assert cards["People"].value == "3"
    for name in ("Operations readiness", "Weakest link", "Demand pressure"):
        assert cards[name].proto.delta == "mean of 2 of 3 people", name  # short enough not to be cut
    [said] = [c.value.replace("\\", "") for c in at.caption if "too few answers" in c.value]
    assert said.startswith("1 person has too few answers yet to count in every mean: a person counts once they ")
    assert cards["Operations readiness"].value == "57 / 100"
    banner = next(w.body for w in at.warning if "Group balance" in w.body).replace("\\", "")
    assert "Demand ahead, under control" in banner and "danger" not in banner.lower()

    as_answered = app(query={"w": _leadership_day(db, "Leadership day")}, page="pages/workshop.py")
    assert not as_answered.exception, as_answered.exception
    cards = {m.label: m for m in as_answered.metric}
    assert cards["Demand pressure"].value == "0 / 100"  # Leadership's alone
    assert cards["Demand pressure"].proto.delta == "mean of 1 of 2 people"
    # the caption names the mean the one still answering is left out of, not "some means" under "mean of 2"
    said = [c.value.replace("\\", "") for c in as_answered.caption if "too few answers" in c.value]
    assert said and said[0].startswith("1 person has too few answers yet to count in the demand pressure: ")
    assert cards["Operations readiness"].proto.delta == cards["Weakest link"].proto.delta == "mean of 2 people"


def test_live_progress_marks_empty_roles_and_says_who_finished_with_blanks(db: Store) -> None:
    """QA: "Sales / marketing: –" in every discussion line for a role nobody chose, and "Finished 1"
    beside "62%" with no word that one can finish with questions blank."""
    from readiness.answers import validate_answer
    from readiness.forms import progress
    from readiness.loader import load_questionnaire

    from .test_workshop import ROOT

    q = load_questionnaire(ROOT / "questionnaires" / "quick-check.yaml")
    workshops = WorkshopStore(db)
    fkey, workshop = workshops.create(q, "Bakery offsite", "Tilly's Bakery")
    answers = {
        "Leadership": {"key_person_cover": 4, "surge_plan": "yes"},
        "Operations / production": {"key_person_cover": 1, "surge_plan": "no"},
        "Finance": {"key_person_cover": 2},  # finishes with the rest blank
    }
    for role, given in answers.items():
        record = workshops.join(workshop, role)
        for question_id, value in given.items():
            db.save_answer(record.assessment_id, validate_answer(q, question_id, value))
        if role == "Finance":
            db.update_assessment(record.assessment_id, status="complete")
            count = progress(q, db.answers(record.assessment_id))
    left = count.shown - count.answered

    at = app(query={"w": fkey}, page="pages/workshop.py")
    assert not at.exception, at.exception
    (table,) = at.table
    shown = table.value
    assert list(shown.columns) == ["Role", "Joined", "Finished", "Answered on average"]
    rows = {str(row["Role"]).replace("\\", ""): row for _, row in shown.iterrows()}  # markdown escapes
    # every role offered is listed, the one nobody chose greyed and saying so, not "0%"
    assert rows[":gray[Sales / marketing]"]["Answered on average"] == ":gray[nobody yet]"
    assert rows["Finance"]["Finished"] == 1
    note = next(c.value for c in at.caption if "left blank" in c.value)
    assert f"Finance: 1 person finished with {left} questions left blank" in note

    workshops.reveal(workshop.id)
    at.run()
    assert not at.exception, at.exception
    lines = [
        m.value.replace("\\", "")
        for e in at.expander
        if e.label[:1].isdigit()
        for m in e.markdown
        if m.value.startswith("Spread")
    ]
    assert lines, "no discussion line"
    for line in lines:
        assert "Sales" not in line  # nobody joined as Sales / marketing
        assert "Leadership:" in line and "Finance:" in line
    surge = next(line for line in lines if "Finance: left blank" in line)  # Finance skipped the surge plan
    assert "–" not in surge.split("points", 1)[1]


def test_the_facilitator_sees_what_the_rooms_verdict_means_for_the_step_most_named(db: Store) -> None:
    """Two of three people name a second site: the facilitator's page says so, with the other step named and
    what the room's verdict means for it (docs/scoring.md, "The step the owner is weighing")."""
    from readiness.loader import load_questionnaire

    from .casework import case_answers, with_values
    from .test_workshop import ROOT

    q = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    workshops = WorkshopStore(db)
    fkey, workshop = workshops.create(q, "Practice day", "Marsh Lane Veterinary Surgery")
    base = case_answers(q, "vet-practice-eyeing-second-site")
    for role, step in (
        ("Leadership", "second_site"),
        ("Finance", "second_site"),
        ("Operations / production", "key_hire"),
    ):
        record = workshops.join(workshop, role)
        db.save_answers(record.assessment_id, list(with_values(base, decision_ahead=step).values()))
        db.update_assessment(record.assessment_id, status="complete")
    workshops.reveal(workshop.id)
    at = app(query={"w": fkey}, page="pages/workshop.py")
    assert not at.exception, at.exception
    said = " ".join(i.body.replace("\\", "").replace("**", "") for i in at.info)
    assert "The step weighed (2 of 3 named it): A second site to deliver more" in said
    assert "Also named: A key hire" in said


def test_the_join_page_and_the_room_display_say_joining_is_closed_once_revealed(db: Store) -> None:
    """After the reveal, the join page still offered "Join and start answering" and the projected room display
    still said "Your answers stay hidden until the facilitator reveals them" (an exploratory browser pass)."""
    _, fkey = create_workshop()
    workshops = WorkshopStore(db)
    workshop = workshops.by_key(fkey)
    workshops.reveal(workshop.id)
    joining = app(query={"j": workshop.join_code}, page="pages/join.py")
    assert not joining.exception
    assert "nobody can join it any more" in joining.info[0].body
    assert not [b for b in joining.button if b.key == "join_submit"]
    shown = app(query={"j": workshop.join_code}, page="pages/room.py")
    assert not shown.exception
    assert "joining is closed" in shown.info[0].body
    assert not [c for c in shown.caption if "stay hidden" in c.value]
    # the facilitator's page no longer shows the join code, link and QR code (a later pass), only that it is closed
    facilitator = app(query={"w": fkey}, page="pages/workshop.py")
    assert not facilitator.exception, facilitator.exception
    assert not [m for m in facilitator.markdown if workshop.join_code in m.value]
    assert any("Joining is closed" in c.value for c in facilitator.caption)
    assert any("facilitator link" in e.label for e in facilitator.expander)  # the way back in stays


def test_the_reveal_is_asked_once_more_and_not_yet_keeps_the_answers_hidden(db: Store) -> None:
    """One tap on "Reveal the answers" froze everyone's answers for good at 7% progress (an exploratory browser
    pass): the reveal now asks once more, saying what it does, and "Not yet" changes nothing."""
    facilitator, fkey = create_workshop()
    workshops = WorkshopStore(db)
    workshop = workshops.by_key(fkey)
    facilitator.button(key="workshop_reveal").click().run()
    assert not workshops.get(workshop.id).revealed
    assert "nobody can change an answer or join after this" in facilitator.warning[0].body
    assert "Nobody has joined yet, so there will be no answers to discuss." in facilitator.warning[0].body
    facilitator.button(key="workshop_reveal_cancel").click().run()
    assert not workshops.get(workshop.id).revealed and not facilitator.warning
    assert "workshop_reveal" in {b.key for b in facilitator.button}


def test_a_room_display_with_a_code_nobody_has_says_so(db: Store) -> None:
    """/room?j=nonsense said the display "needs a workshop's join code" (an exploratory browser pass)."""
    wrong = app(query={"j": "ZZZZZZ"}, page="pages/room.py")
    assert "no workshop has that code" in wrong.error[0].body.lower()
    bare = app(page="pages/room.py")
    assert "needs a workshop's join code" in bare.error[0].body


def test_a_revealed_room_with_nothing_to_settle_says_so(db: Store) -> None:
    """A browser pass: after the reveal, "Discussion queue and consensus" stood over nothing at all for a room
    whose people answered alike, which read as the page failing to load. It says why the queue is empty."""
    import json

    from readiness.answers import validate_answer
    from readiness.loader import load_questionnaire

    from .test_workshop import ROOT

    q = load_questionnaire(ROOT / "questionnaires" / "quick-check.yaml")
    answers = json.loads((ROOT / "tests" / "data" / "workshop_leadership_day.json").read_text())["people"][0]
    workshops = WorkshopStore(db)
    said = {}
    for people in (1, 2):
        fkey, workshop = workshops.create(q, f"Alike {people}", "Frost & Co")
        for _ in range(people):
            record = workshops.join(workshop, answers["role"])
            for question_id, value in answers["answers"].items():
                db.save_answer(record.assessment_id, validate_answer(q, question_id, value))
        workshops.reveal(workshop.id)
        at = app(query={"w": fkey}, page="pages/workshop.py")
        assert not at.exception, at.exception
        said[people] = " ".join(i.body for i in at.info if "Nothing to settle" in i.body)
        assert not [e for e in at.expander if e.label[:2] == "1."]  # no question is queued
    assert "only one person has answered" in said[1]
    assert "nobody answered any question differently" in said[2]


def test_the_weakest_link_card_says_where_a_person_named_by_their_cash_is_counted(db: Store) -> None:
    """A browser pass: the owner's own page reads "Weakest link: Capacity 41" (idle room on a short runway names the
    cash), the room of the same owner "32 (Process)", where a load would bind. The card's help says why."""
    from readiness.loader import load_questionnaire

    from .casework import case_answers
    from .test_workshop import ROOT

    growth = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    workshops = WorkshopStore(db)
    helps = {}
    for case in ("kelham-pasta-sheffield-idle-ravioli-line-meal-kit-quote", "fellside-brownie-co"):
        fkey, workshop = workshops.create(growth, case, "Owner's room")
        record = workshops.join(workshop, "Leadership")
        for answer in case_answers(growth, case).values():
            db.save_answer(record.assessment_id, answer)
        workshops.reveal(workshop.id)
        at = app(query={"w": fkey}, page="pages/workshop.py")
        assert not at.exception, at.exception
        helps[case] = next(m for m in at.metric if m.label == "Weakest link").help
    assert (
        "the room counts them where a load would bind"
        in helps["kelham-pasta-sheffield-idle-ravioli-line-meal-kit-quote"]
    )
    assert "where a load would bind" not in helps["fellside-brownie-co"]  # demand far ahead: one name, one place


def test_the_answers_everyone_gave_alike_are_agreed_in_one_click(db: Store) -> None:
    """A browser pass: the facilitator settled the first question of the queue and scored the agreed answers:
    "2% complete… not enough answers to place the business", though most questions had been answered alike by
    everyone (the queue holds only the disagreements). The page says how many are agreed and offers the rest."""
    facilitator, fkey = create_workshop()
    workshop = WorkshopStore(db).by_key(fkey)
    for role, level in (("Operations / production", "0"), ("Leadership", "2")):
        at, aid = join(workshop.join_code, role)
        at.radio(key=key(aid, "key_person_cover")).set_value(level).run()
        at.radio(key=key(aid, "clear_roles")).set_value("3").run()
        at.radio(key=key(aid, "pressure_resilience")).set_value("1").run()
    facilitator.button(key="workshop_reveal").click().run()
    facilitator.button(key="workshop_reveal_confirmed").click().run()
    assert any("Agreed so far: 0 of the 3 questions to agree" in c.value for c in facilitator.caption)
    facilitator.button(key="workshop_agree_alike").click().run()
    assert not facilitator.exception, facilitator.exception
    agreed = db.answers(workshop.consensus_assessment_id)
    assert {q: a.value for q, a in agreed.items()} == {"clear_roles": 3.0, "pressure_resilience": 1.0}
    assert any("Agreed so far: 2 of the 3 questions to agree" in c.value for c in facilitator.caption)
    assert not [b for b in facilitator.button if b.key == "workshop_agree_alike"]  # nothing alike left to agree
    # what was agreed is said, in the form's words: the count alone left the facilitator guessing (a browser pass)
    assert "Agreed 2 answers given alike by all who answered" in facilitator.success[0].body
    [agreed_list] = [e for e in facilitator.expander if e.label == "What is agreed so far (2)"]
    listed = agreed_list.markdown[0].value
    q = db.questionnaire(workshop.questionnaire_hash)
    for question_id, level in (("clear_roles", 3), ("pressure_resilience", 1)):
        label = answer_score(q, q.question(question_id), Answer(question_id, "value", level))[1]
        assert f"**{label}**" in listed, (label, listed)  # the level's label, as the form offers it
    assert listed.count("\n- ") == 1, listed
    facilitator.run()  # said once: the next run does not repeat it, the list stays
    assert not facilitator.success and [e for e in facilitator.expander if e.label.startswith("What is agreed")]


def _swim_room(db: Store, name: str, other: Callable[[Questionnaire, dict[str, Answer]], dict[str, Answer]]) -> tuple:
    """A revealed growth-readiness workshop of a swim school: Leadership answers as its case does, Operations as
    ``other`` makes of those answers. (questionnaire, store, facilitator key, workshop, the owner's answers)."""
    from readiness.loader import load_questionnaire

    from .casework import case_answers
    from .test_workshop import ROOT

    growth = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    workshops = WorkshopStore(db)
    fkey, workshop = workshops.create(growth, name, "Gower Otters")
    answers = case_answers(growth, "gower-otters-swim-school-waiting-list-weighing-neath-pool")
    for role, given in (("Leadership", answers), ("Operations / production", other(growth, answers))):
        record = workshops.join(workshop, role)
        for answer in given.values():
            db.save_answer(record.assessment_id, answer)
    workshops.reveal(workshop.id)
    return growth, workshops, fkey, workshop, answers


def test_questions_that_score_nothing_but_were_answered_differently_are_settled_first(db: Store) -> None:
    """A browser pass: a swim school's two people said "Services" and "Both" to what the business sells; the
    queue (scored questions only) never showed it, the page counted it among "the 8 questions the room answered"
    against a queue of 7, and the agreed result had no answer for the question that decides what it asks."""
    from .casework import with_values

    _, _, fkey, workshop, _ = _swim_room(db, "Swim team", lambda _, a: with_values(a, business_type="both"))
    at = app(query={"w": fkey}, page="pages/workshop.py")
    assert not at.exception, at.exception
    assert any("Settle first" in m.value for m in at.markdown)
    [item] = [e for e in at.expander if e.label.startswith("What does your business mainly deliver")]
    assert "Both goods and services: 1" in " ".join(m.value for m in item.markdown).replace("\\", "")
    at.radio(key=f"consensus_{workshop.id[:8]}_business_type").set_value("services").run()
    assert not at.exception, at.exception
    assert db.answers(workshop.consensus_assessment_id)["business_type"].value == "services"
    assert any(e.label.endswith("✓ agreed") for e in at.expander if e.label.startswith("What does your business"))


def test_a_participants_form_says_which_workshop_and_role_and_who_sees_the_answers(db: Store) -> None:
    """A browser pass: a participant's form looked exactly like a private assessment."""
    _, fkey = create_workshop()
    workshop = WorkshopStore(db).by_key(fkey)
    at, _ = join(workshop.join_code, "Leadership")
    said = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "Workshop “Leadership day” · your role: Leadership" in said
    assert "without your name" in said
    private = app()
    start(private)
    assert not [c for c in private.caption if "your role:" in c.value]


def test_every_disputed_question_can_be_agreed_and_the_report_counts_them_all(db: Store) -> None:
    """A browser pass agreed everything the page offered and stopped at "19 of the 44 questions to agree": the
    page listed the first twelve disputed questions and nothing reached the rest, while the report's card read
    "Disputed questions agreed: 12 of 12". The rest are behind a toggle, and the report counts every one."""
    from readiness.workshop import Participant, aggregate
    from readiness.workshop_report import render_workshop

    from .casework import with_values

    def opposite(growth: Questionnaire, answers: dict[str, Answer]) -> dict[str, Answer]:
        levels = [q.id for q in growth.questions if q.id in answers and getattr(q, "scale", None) == "readiness"]
        return with_values(answers, **{qid: 0 if answers[qid].value else 4 for qid in levels})

    growth, workshops, fkey, workshop, answers = _swim_room(db, "Long queue", opposite)
    at = app(query={"w": fkey}, page="pages/workshop.py")
    assert not at.exception, at.exception
    people = [Participant(p.id, p.role, a, p.name) for p, a in workshops.participants(workshop.id)]
    result = aggregate(growth, people)
    assert len(result.queue) > 12
    numbered = [e for e in at.expander if e.label.split(".")[0].isdigit()]
    assert len(numbered) == 12
    at.toggle(key=f"workshop_whole_queue_{workshop.id[:8]}").set_value(True).run()
    numbered = [e for e in at.expander if e.label.split(".")[0].isdigit()]
    assert len(numbered) == len(result.queue)  # every disputed question, each with its control
    last = result.queue[-1]
    level = "4" if answers[last].value == 0 else "0"
    at.radio(key=f"consensus_{workshop.id[:8]}_{last}").set_value(level).run()
    assert last in db.answers(workshop.consensus_assessment_id)
    agreed = db.answers(workshop.consensus_assessment_id)
    html = render_workshop("html", growth, result, people, workshop_name="Long queue", business="Gower Otters",
                           anonymous=True, consensus_answers=agreed).decode()  # fmt: skip
    assert f"1 of {len(result.queue)}</div>" in html  # the card: one agreed of every disputed question
