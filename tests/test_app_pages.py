"""The pages, run with Streamlit's AppTest against a real database file."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from readiness import load_answers, load_questionnaire, score
from readiness.answers import Answer
from readiness.demo import DEMO_ANSWERS, create_from_answers
from readiness.markup import md_literal
from readiness.model import tr
from readiness.storage import Store

from .conftest import ROOT

APP = str(ROOT / "streamlit_app.py")
GROWTH = ROOT / "questionnaires" / "growth-readiness.yaml"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    monkeypatch.setenv("READINESS_DATABASE_URL", url)
    st.cache_resource.clear()
    st.cache_data.clear()
    store = Store(url)
    yield store
    store.close()
    st.cache_resource.clear()
    st.cache_data.clear()


def app(query: dict[str, str] | None = None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if query:
        at.query_params.update(query)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def start(at: AppTest, name: str = "Acme Ices", kind: str | None = None) -> str:
    at.text_input(key="home_name").input(name).run()
    if kind:
        at.radio(key="home_kind").set_value(kind).run()
    at.button(key="home_start").click().run()
    assert not at.exception, at.exception
    return opened(at)


def opened(at: AppTest) -> str:
    """The id of the assessment the page has open (its link carries a secret, not the id)."""
    store = Store(os.environ["READINESS_DATABASE_URL"])
    try:
        return store.open_assessment(at.query_params["a"]).id
    finally:
        store.close()


def key(assessment_id: str, question_id: str) -> str:
    return f"assess_{assessment_id[:10]}_{question_id}"


def test_every_page_renders_without_an_assessment(db: Store) -> None:
    home = app()
    assert home.title[0].value == "Readiness"
    assert {b.key for b in home.button} >= {"home_start", "home_demo", "home_resume"}
    for page in ("pages/assess.py", "pages/results.py"):
        at = app(page=page)
        assert "No assessment is open" in at.info[0].body


def test_starting_and_answering_saves_every_change_at_once(db: Store) -> None:
    at = app()
    aid = start(at, kind="goods")
    assert at.title[0].value == "Acme Ices"
    assessment = db.get_assessment(aid)
    assert assessment.business_kind == "goods"
    assert db.answers(aid)["business_type"].value == "goods"  # the kind answers the gate question

    at.radio(key=key(aid, "key_person_cover")).set_value("1").run()
    at.radio(key=key(aid, "surge_plan")).set_value("no").run()
    at.text_input(key=key(aid, "key_person_cover") + "_note").input("Only Marta knows the freezer").run()
    assert not at.exception
    saved = db.answers(aid)
    assert saved["key_person_cover"].value == 1.0
    assert saved["key_person_cover"].note == "Only Marta knows the freezer"
    assert saved["surge_plan"].value is False


def test_a_number_out_of_range_is_explained_at_the_question_and_not_saved(db: Store) -> None:
    at = app()
    aid = start(at)
    at.number_input(key=key(aid, "weeks_to_productive")).set_value(400).run()
    assert any("takes a number from 0 to 52" in e.body for e in at.error)
    assert "weeks_to_productive" not in db.answers(aid)
    at.number_input(key=key(aid, "weeks_to_productive")).set_value(4).run()
    assert not at.error
    assert db.answers(aid)["weeks_to_productive"].value == 4.0


def test_a_number_question_says_its_range_as_an_owner_writes_it(db: Store) -> None:
    """A browser pass read "per day from 0 to 1e+06" and "in your currency from 0 to 1e+07" under the surge
    test's own figures, and an out-of-range message said the same: both write the number as it is typed."""
    at = app()
    aid = start(at)
    at.segmented_control(key=f"assess_step_{aid[:10]}").set_value(3).run()  # Capacity
    at.radio(key=key(aid, "surge_detail")).set_value("yes").run()
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "from 0 to 1000000" in captions.replace(",", "") and "e+0" not in captions
    assert "from 0 to 1,000,000" in captions
    at.number_input(key=key(aid, "normal_orders_per_day")).set_value(2_000_000).run()
    errors = [e.body.replace("\\", "") for e in at.error]  # Markdown-escaped
    assert any("takes a number from 0 to 1,000,000" in e for e in errors), errors


def test_show_if_follow_up_questions_appear_and_disappear(db: Store) -> None:
    at = app()
    aid = start(at, kind="services")
    at.segmented_control(key=f"assess_step_{aid[:10]}").set_value(1).run()  # Process
    keys = {r.key for r in at.radio}
    assert key(aid, "stock_cleanup") not in keys
    at.radio(key=key(aid, "business_type")).set_value("goods").run()
    assert key(aid, "stock_cleanup") in {r.key for r in at.radio}


def test_reopening_the_link_restores_answers_and_position(db: Store) -> None:
    at = app()
    aid = start(at)
    at.radio(key=key(aid, "clear_roles")).set_value("3").run()
    at.text_input(key=key(aid, "clear_roles") + "_note").input("Roles chart on the wall").run()
    at.button(key="assess_next").click().run()
    assert at.header[0].value == "Step 2 of 6: Process"
    fresh = app(query={"a": at.query_params["a"]}, page="pages/assess.py")  # another device, same link
    assert fresh.header[0].value == "Step 2 of 6: Process"
    fresh.segmented_control(key=f"assess_step_{aid[:10]}").set_value(0).run()
    assert fresh.radio(key=key(aid, "clear_roles")).value == "3"
    assert fresh.text_input(key=key(aid, "clear_roles") + "_note").value == "Roles chart on the wall"


def test_finishing_with_unanswered_questions_summarises_them(db: Store) -> None:
    at = app()
    aid = start(at)
    # before finishing: in progress (not "draft", which beside the version read as a draft questionnaire)
    begun = [c.value for c in at.sidebar.caption if "Growth readiness" in c.value]
    assert begun and begun[0].endswith("· in progress"), begun
    at.radio(key=key(aid, "key_person_cover")).set_value("2").run()
    at.segmented_control(key=f"assess_step_{aid[:10]}").set_value(6).run()
    assert at.header[0].value == "Review and finish"
    assert "still unanswered" in at.warning[0].body
    at.button(key="assess_finish").click().run()
    assert not at.exception
    assert db.get_assessment(aid).status == "complete"
    assert at.title[0].value.startswith("Results")
    assert any("complete" in w.body for w in at.warning)
    # unanswered critical questions are one warning line, not one red "caps" alarm each
    assert not any("(unanswered)" in e.body for e in at.error)
    assert len([w for w in at.warning if "critical questions are still unanswered" in w.body]) == 1
    # the sidebar says it was finished, not that it is complete: most questions are still open
    status = [c.value for c in at.sidebar.caption if "Growth readiness" in c.value]
    assert status and status[0].endswith("· finished"), status
    assert "· version " in status[0]  # the questionnaire's version, said as one


def test_results_show_the_same_scores_as_the_engine_for_the_demo(db: Store) -> None:
    at = app()
    at.button(key="home_demo").click().run()
    assert not at.exception
    q = load_questionnaire(GROWTH)
    answers, _ = load_answers(q, DEMO_ANSWERS)
    expected = score(q, answers)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Operations readiness"] == f"{expected.overall:.0f} / 100"
    assert metrics["Demand pressure"] == f"{expected.balance.demand:.0f} / 100"
    # the weakest link is named beside the average, with its own score, as in the table
    shown = f"{expected.dimension(expected.balance.weakest).score:.0f}"
    assert metrics["Weakest link"] == f"{shown} / 100"
    [weakest] = [m for m in at.metric if m.label == "Weakest link"]
    assert weakest.delta == expected.balance.weakest_title
    # what the balance subtracts is not that score: the page says which figure it is, in words
    assert shown != f"{expected.balance.link:.0f}"
    # said under "How the verdict was reached", as the reports say it, not in the headline
    [how] = [e for e in at.expander if e.label == "How the verdict was reached"]
    reached = " ".join(m.value for m in how.markdown).replace("\\", "")  # Markdown-escaped
    link = f"{expected.balance.link:.0f}"
    assert (
        f"scores {shown}, but its weakest part is where the load falls: under this load it can carry only {link}"
        in reached
    )
    # and under the chart whose dot sits at that figure, not only in the folded workings (a browser pass read the
    # card's figure and the dot's as two numbers for one weakest link)
    under = [
        c.value.replace("\\", "")
        for c in at.caption
        if f"under this load it can carry only {link}" in c.value.replace("\\", "")
    ]
    assert under and f"scores {shown}" in under[0]
    assert "Selling dreams, delivering nightmares" in at.error[0].body  # the verdict first
    # failing critical questions are named, with the cap they put on their dimension only where it binds
    failing = [f for f in expected.balance.critical_failures if f.status != "unanswered"]
    assert failing
    for f in failing:
        # said in the finding's words, as the fixes below say it (the raw question only without a finding)
        words = next((x.title for x in expected.findings if x.question_id == f.question_id), f.text).rstrip(".")
        box = next(e.body.replace("\\", "") for e in at.error[1:] if words in e.body.replace("\\", ""))
        assert ("caps" in box) == (f.question_id in expected.dimension(f.dimension).capped_by), box
    # the balance index is the difference of the two figures it names, said among the workings
    b = expected.balance
    assert "Balance index" not in metrics
    assert f"The difference is the balance index: {round(b.pressure) - round(b.link):+d}" in reached
    findings = [m.value for m in at.markdown if m.value.startswith("**1. ")]
    assert findings and expected.findings[0].title.split(",")[0] in findings[0]
    cards = [m.value for m in at.markdown if m.value.startswith("**") and "· now: " in m.value]
    # "now" and "next" are both level names ("Ad hoc → In place"); what the next level looks like follows
    # on its own line, never squeezed into the arrow
    ladder = next(f for f in expected.findings[:8] if f.next_name and f.next != f.next_name)
    card = next(c for c in cards if (ladder.title or ladder.text).split(",")[0] in c)
    assert f"→ next: {ladder.next_name} ·" in card, card
    assert f"{ladder.next_name}: {ladder.next}" in card.replace("\\", ""), card
    plan = next(m.value for m in at.markdown if m.value.startswith("**Within 30 days**"))
    assert plan.count("\n- ") <= 3 * expected.plan.per_period
    assert all(a.text.split(" ")[0] in plan for a in expected.plan.actions)
    # an action waiting for another names it in words, never by its question id
    assert not any(qid in plan for a in expected.plan.actions for qid in a.after)
    assert len(at.get("vega_lite_chart")) == 4
    # the heatmap's squares are numbered: the page says how to read one where hovering is not possible
    captions = " ".join(c.value for c in at.caption).replace("\\", "")  # captions are Markdown-escaped
    assert "hover over it, or tap it, for the question and your answer" in captions


def test_the_results_say_what_the_verdict_means_for_the_step_the_owner_is_weighing(db: Store) -> None:
    """The demo's owner is weighing a second batch freezer, in the danger zone: the page names it in her words
    and says what the verdict means for it, in the engine's words; an owner weighing nothing is told nothing."""
    from readiness.answers import Answer

    at = app()
    at.button(key="home_demo").click().run()
    q = load_questionnaire(GROWTH)
    answers, _ = load_answers(q, DEMO_ANSWERS)
    decision = score(q, answers).decision
    assert decision is not None and decision.option == "equipment"
    assert decision.detail == "a second batch freezer, about 14 weeks from order to running"
    said = [i.body.replace("\\", "") for i in at.info if "The step you are weighing" in i.body]
    assert said == [f"**The step you are weighing: {decision.detail}.** {decision.text}"]
    db.save_answers(opened(at), [Answer("decision_ahead", "value", "nothing_big")])
    st.cache_data.clear()
    at.switch_page("pages/results.py").run()
    assert not at.exception, at.exception
    assert not any("The step you are weighing" in i.body for i in at.info)


def test_the_weakest_link_card_shows_the_named_parts_own_score_when_demand_is_quiet(db: Store) -> None:
    """The locksmith's answers: quiet demand names Technology, the part in the worst state. The card beside its
    name shows Technology's own score, as the table does; what the balance weighs is said in its help."""
    from .casework import case_answers

    q = load_questionnaire(GROWTH)
    answers = case_answers(q, "family-locksmith-records-on-one-old-pc")
    expected = score(q, answers)
    assert expected.balance.worst_named
    at = app()
    at.button(key="home_demo").click().run()
    db.save_answers(opened(at), list(answers.values()))  # every question answered: the demo's answers all go
    st.cache_data.clear()
    at.switch_page("pages/results.py").run()
    assert not at.exception, at.exception
    [card] = [m for m in at.metric if m.label == "Weakest link"]
    assert card.value == f"{expected.dimension('technology').score:.0f} / 100" and card.delta == "Technology"
    assert f"which holds {expected.balance.link:.0f}" in card.help


def test_the_weakest_link_card_says_why_the_cash_is_named_when_idle_room_runs_short_of_it(db: Store) -> None:
    """A pasta maker with a half-idle ravioli line and six weeks of cash: Capacity's cash is named (2.4.22). The
    card shows Capacity's own score, its help says where a load would bind instead, and the caption under the
    cards says why the cash is named, so a reader who sees Technology lower in the table is not left guessing."""
    from .casework import case_answers

    q = load_questionnaire(GROWTH)
    expected = score(q, case_answers(q, "kelham-pasta-sheffield-idle-ravioli-line-meal-kit-quote"))
    b = expected.balance
    assert b.runway_named and b.held_in_title
    at = results_of(db, case_answers(q, "kelham-pasta-sheffield-idle-ravioli-line-meal-kit-quote"))
    [card] = [m for m in at.metric if m.label == "Weakest link"]
    assert card.value == f"{expected.dimension('capacity').score:.0f} / 100" and card.delta == "Capacity"
    assert "Operations stand idle on a short runway" in card.help
    assert f"{b.held_in_title}, which holds {b.link:.0f}" in card.help
    said = [c.value.replace("\\", "") for c in at.caption]
    assert any("the room standing idle costs money while it earns little" in c for c in said), said


def results_of(db: Store, answers: Any) -> AppTest:
    """The results page of an assessment holding ``answers`` (a calibration case's), opened as a person would."""
    at = app()
    at.button(key="home_demo").click().run()
    db.save_answers(opened(at), list(answers.values()))
    st.cache_data.clear()
    at.switch_page("pages/results.py").run()
    assert not at.exception, at.exception
    return at


def test_the_demand_pressure_card_says_what_the_verdict_weighs_when_it_weighs_more(db: Store) -> None:
    """A children's shoe shop whose fitting slots are full while orders grow 30%: the card shows the measured 38
    and the page says why the verdict weighs more (two blind reviewers read a firewood merchant's as
    contradicting; since 2.4.8 its full step under steady growth raises nothing); the figure weighed is said
    where the balance index is, under "How the verdict was reached"."""
    from .casework import case_answers

    q = load_questionnaire(GROWTH)
    answers = case_answers(q, "childrens-shoe-shop-fitting-slots-full-after-rival-closed")
    b = score(q, answers).balance
    assert b.pressure is not None and b.demand is not None and b.pressure > b.demand + 10
    at = results_of(db, answers)
    [card] = [m for m in at.metric if m.label == "Demand pressure"]
    assert card.value == f"{b.demand:.0f} / 100"
    # the reason in words under the cards, the figure weighed among the workings (four blind reviews read a
    # second figure in the headline as the tool adjusting its own numbers)
    said = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "Demand pressure is weighed higher than measured: the busiest step is already full" in said
    [how] = [e for e in at.expander if e.label == "How the verdict was reached"]
    workings = " ".join(m.value for m in how.markdown).replace("\\", "")
    assert f"whatever the demand answers measure ({b.demand:.0f})" in workings
    assert f"So the verdict weighs demand pressure as {b.pressure:.0f}, " in workings


def test_a_number_finding_shows_the_owners_own_figure_beside_its_band(db: Store) -> None:
    """As the reports do: "now: 1.5 × a normal day (Barely tested)", never the band alone."""
    q = load_questionnaire(GROWTH)
    answers, _ = load_answers(q, DEMO_ANSWERS)
    # With prices already used as a lever and every order online (the website's findings weigh by the share of
    # orders that come online since 2.4.17), the demo's measured website peak is among the eight cards shown.
    given = {
        **answers.answers,
        "pricing_lever": Answer("pricing_lever", "value", "as_a_lever"),
        "online_order_share": Answer("online_order_share", "value", 100),
    }
    assessment = create_from_answers(db, q, replace(answers, answers=given), name="Frost peak")
    expected = score(q, given)
    typed = [f for f in expected.findings[:8] if f.question_id == "website_peak"]
    assert typed, [f.question_id for f in expected.findings[:8]]
    at = app(query={"a": assessment.resume_key}, page="pages/results.py")
    assert not at.exception
    cards = [m.value for m in at.markdown if m.value.startswith("**") and "· now: " in m.value]
    peak = answers.answers["website_peak"].value
    assert any(f"now: {peak:g} × a normal day ({typed[0].current})" in card for card in cards), cards


def test_switching_the_target_profile_updates_targets_and_is_remembered(db: Store) -> None:
    at = app()
    at.button(key="home_demo").click().run()
    aid = opened(at)
    selector = next(s for s in at.selectbox if s.key.startswith("results_profile_"))
    selector.set_value("steady_growth").run()
    assert db.get_assessment(aid).profile == "steady_growth"
    table = next(m.value for m in at.markdown if m.value.startswith("| Dimension"))
    header = [cell.strip() for cell in table.splitlines()[0].split("|")]
    column = header.index("Target")
    rows = [row for row in table.splitlines()[2:] if not row.split("|")[1].strip().startswith("↳")]  # areas
    targets = {row.split("|")[1].strip(): row.split("|")[column].strip() for row in rows}
    q = load_questionnaire(GROWTH)
    # demand pressure has no target (it is not a readiness to reach); every operations dimension has one
    assert targets == {
        tr(d.title): "–" if d.side == "demand" else str(round(q.profile("steady_growth").targets[d.id]))
        for d in q.dimensions
    }


def test_every_visitor_of_the_demo_gets_the_charts_built_for_the_first(
    db: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each visitor opens a new copy of the demo: its charts were built again for each of them, nine tenths
    of the results page's first load. They are kept by what was scored, so a second copy reuses them and
    another profile (another result) does not."""
    from readiness import charts

    built = []
    real = charts.question_heatmap
    monkeypatch.setattr(
        charts, "question_heatmap", lambda result, **how: built.append(result.profile) or real(result, **how)
    )

    def drawn(at: AppTest) -> list[str]:
        return [chart.proto.spec for chart in at.get("vega_lite_chart")]

    first, second = app(), app()
    first.button(key="home_demo").click().run()
    second.button(key="home_demo").click().run()
    assert not first.exception and not second.exception
    assert opened(first) != opened(second)  # two assessments
    assert len(built) == 1 and drawn(second) == drawn(first) and len(drawn(first)) == 4
    selector = next(s for s in second.selectbox if s.key.startswith("results_profile_"))
    other = next(p for p in selector.options if p != selector.value)
    selector.set_value(other).run()
    assert len(built) == 2 and drawn(second) != drawn(first)  # another result: its own charts


def test_whether_pdfs_can_be_made_is_found_out_after_the_first_page(db: Store) -> None:
    """A fresh server's first results page imported WeasyPrint itself, to say whether its PDF buttons work
    (the largest part of its first load); the first page drawn starts that in the background."""
    import time

    from readiness.report_html import pdf_unavailable

    pdf_unavailable.cache_clear()
    app()  # the start page, as a fresh server's first visitor sees it
    deadline = time.monotonic() + 120
    while pdf_unavailable.cache_info().currsize == 0 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pdf_unavailable.cache_info().currsize == 1  # WeasyPrint was tried without any PDF button drawn


def test_a_broken_link_says_so_plainly(db: Store) -> None:
    at = app(query={"a": "this-is-not-a-real-assessment"}, page="pages/results.py")
    assert "does not open any assessment" in at.error[0].body
    home = app()
    home.text_input(key="home_link").input("http://x/assess?a=nope-nope-nope-nope").run()
    home.button(key="home_resume").click().run()
    assert "does not open any assessment" in home.error[0].body


def test_starting_without_a_name_is_refused_in_words(db: Store) -> None:
    at = app()
    at.button(key="home_start").click().run()
    assert "Give the business a name" in at.error[0].body


def test_results_of_an_empty_assessment_explain_instead_of_crashing(db: Store) -> None:
    at = app()
    aid = start(at)
    db.delete_answer(aid, "business_type")
    results = app(query={"a": at.query_params["a"]}, page="pages/results.py")
    assert "0% complete" in results.warning[0].body
    metrics = {m.label: m.value for m in results.metric}
    assert metrics["Operations readiness"] == "– / 100"


def test_share_link_opens_a_read_only_report_and_revoking_closes_it(db: Store) -> None:
    at = app()
    at.button(key="home_demo").click().run()
    aid = opened(at)
    at.button(key="FormSubmitter:results_share_form-Create share link").click().run()
    assert not at.exception, at.exception
    link = next(c.value for c in at.code if "?t=" in c.value)
    token = link.split("?t=", 1)[1]
    assert token != aid

    viewer = app(query={"t": token})  # a stranger with only the link
    report = viewer.get("html")[0].proto.body
    assert "Frost &amp; Co Ice Cream (demo)" in report and "Executive summary" in report
    keys = {b.key for b in viewer.button} | {w.key for w in viewer.radio} | {w.key for w in viewer.selectbox}
    assert not any(k and k.startswith(("results_", "assess_", "home_")) for k in keys)  # nothing to edit
    assert len(viewer.get("download_button")) == 6  # HTML, PDF summary, PDF full, Excel, CSV, JSON

    link_id = db.shares(aid)[0].id
    at.button(key=f"results_revoke_{link_id}").click().run()
    assert db.shares(aid)[0].status == "revoked"
    again = app(query={"t": token})
    assert "revoked" in again.error[0].body
    assert not again.get("html")
    unknown = app(query={"t": "not-a-real-token-at-all-000000"})
    assert "does not open any report" in unknown.error[0].body


def test_without_the_pdf_engine_the_pdf_button_is_disabled_and_says_why(
    db: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import readiness.report

    monkeypatch.setattr(readiness.report, "pdf_unavailable", lambda: "PDF export needs the Pango library.")
    at = app()
    at.button(key="home_demo").click().run()
    assert not at.exception, at.exception
    buttons = {b.proto.label: b.proto for b in at.get("download_button")}
    for pdf in ("PDF summary (2 pages)", "PDF full report"):
        assert buttons[pdf].disabled and "Pango" in buttons[pdf].help
    assert not buttons["HTML report"].disabled


@pytest.mark.parametrize("kind", [None, "goods", "services", "both"])
def test_one_count_on_home_sidebar_steps_results_and_report(db: Store, kind: str | None) -> None:
    """The number promised on the start page is the number asked, counted, scored and reported."""
    import re

    from readiness.report import build_report

    at = app()
    if kind:
        at.radio(key="home_kind").set_value(kind).run()
        promised = int(re.search(r"asked (\d+) questions", " ".join(c.value for c in at.caption)).group(1))
    aid = start(at, kind=kind)
    shown = [p.proto.text for p in at.get("progress")]
    main_count = re.match(r"(\d+) of (\d+) questions answered", shown[0])
    answered, total = int(main_count.group(1)), int(main_count.group(2))
    if kind:
        assert total == promised and answered == 1  # the kind answered the gate question
    assert f"{answered} of {total} answered" in shown  # the sidebar
    labels = at.segmented_control(key=f"assess_step_{aid[:10]}").options
    left = sum(int(m.group(1)) for label in labels if (m := re.search(r"· (\d+) left", label)))
    assert left == total - answered

    q = db.questionnaire(db.get_assessment(aid).questionnaire_hash)
    answer_set = db.answer_set(db.get_assessment(aid))
    result = score(q, answer_set)
    assert result.answered_of_shown == (answered, total)
    assert sum(d.total for d in result.dimensions) == total
    report = build_report(q, result, answer_set)
    assert report.completion.startswith(f"{answered} of {total} questions answered")


def test_the_answer_given_on_the_start_page_is_named_where_it_is_counted(db: Store) -> None:
    """A fresh assessment read "1 of 64 answered" before a question of the form was touched: the one is
    what you sell, chosen on the start page. It still counts (one count everywhere), and the start page
    and the form say so, naming the answer and its step, until that step shows the question itself."""
    growth = load_questionnaire(GROWTH)
    gate = md_literal(tr(growth.question("business_type").text))  # as the page writes it: Markdown-escaped
    at = app()
    at.radio(key="home_kind").set_value("goods").run()
    assert "What you sell, chosen here, is one of them" in " ".join(c.value for c in at.caption)
    aid = start(at, kind="goods")
    assert next(p.proto.text for p in at.get("progress")).startswith("1 of ")
    notes = [c.value for c in at.caption if c.value.startswith("Answered on the start page")]
    assert len(notes) == 1 and gate in notes[0] and "Physical goods" in notes[0] and "Process step" in notes[0]
    # on its own step the question shows the answer, and the note is not repeated
    at.segmented_control(key=f"assess_step_{aid[:10]}").set_value(1).run()
    assert not at.exception, at.exception
    assert at.radio(key=key(aid, "business_type")).value == "goods"
    assert not any(c.value.startswith("Answered on the start page") for c in at.caption)
    # changed in the form, the answer is the person's own: no note
    at.radio(key=key(aid, "business_type")).set_value("services").run()
    at.segmented_control(key=f"assess_step_{aid[:10]}").set_value(0).run()
    assert not any(c.value.startswith("Answered on the start page") for c in at.caption)
    # no kind chosen at the start: nothing answered, nothing to name
    fresh = app()
    start(fresh, "Other Ices")
    assert next(p.proto.text for p in fresh.get("progress")).startswith("0 of ")
    assert not any(c.value.startswith("Answered on the start page") for c in fresh.caption)


def test_home_promises_the_time_to_answer_from_the_same_count(db: Store) -> None:
    """The start page says how long the questionnaire takes, for the kind of business chosen."""
    import re

    from readiness.answers import Answer, count_answers
    from readiness.forms import minutes_asked, minutes_range, questions_asked

    growth = load_questionnaire(GROWTH)
    at = app()
    low, high = minutes_range(growth)
    captions = " ".join(c.value for c in at.caption)
    assert f"about {low} to {high} minutes" in captions or f"about {low} minutes" in captions
    at.radio(key="home_kind").set_value("services").run()
    captions = " ".join(c.value for c in at.caption)
    minutes = int(re.search(r"questions, about (\d+) minutes", captions).group(1))
    assert minutes == minutes_asked(growth, "services")
    # the count promised is the count at the start; the page also says how far every follow-up takes it,
    # and that is the count a person who opens them all then sees in the form
    most = int(re.search(r"with every one of them, up to (\d+)", captions).group(1))
    opened = {
        "business_type": "services",
        "surge_detail": True,
        "event_ahead": "contract",
        "backups": True,
        "online_order_share": 40,
        "campaigns_planned": "routine",
    }
    shown = count_answers(growth, {k: Answer(k, "value", v) for k, v in opened.items()}).shown
    assert most == shown > questions_asked(growth, "services")


def test_the_plan_on_the_results_page_says_when_the_event_ahead_falls(db: Store) -> None:
    """A contract five weeks away: the plan's 60- and 90-day actions land after it, and the page says so
    above the plan (a consultant's review: plans read without their date put work after the event)."""
    from readiness.answers import Answer

    at = app()
    at.button(key="home_demo").click().run()
    assert not any("weeks away" in i.body for i in at.info)  # the demo names no event ahead
    assessment = opened(at)
    db.save_answers(
        assessment,
        [
            Answer("event_ahead", "value", "contract"),
            Answer("event_multiple", "value", 3),
            Answer("event_weeks", "value", 5),
        ],
    )
    st.cache_data.clear()
    at.switch_page("pages/results.py").run()
    assert not at.exception, at.exception
    said = [i.body.replace("\\", "") for i in at.info if "weeks away" in i.body]  # escaped: it quotes a note
    assert said and "about 5 weeks away" in said[0] and "60- and 90-day actions come after it" in said[0]
    # Opened three weeks after the answers were last saved, the page says the count was the owner's then.
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from readiness.storage import _ASSESSMENTS

    then = datetime.now(UTC) - timedelta(days=21)
    with db.engine.begin() as connection:
        connection.execute(update(_ASSESSMENTS).where(_ASSESSMENTS.c.id == assessment).values(updated_at=then))
    st.cache_data.clear()
    at.run()
    assert not at.exception, at.exception
    said = [i.body.replace("\\", "") for i in at.info if "weeks away" in i.body]
    assert said and f"when these answers were last saved, on {then.date().isoformat()}" in said[0], said


def test_the_plans_deadline_quotes_the_owners_note_as_typed(db: Store) -> None:
    """The deadline above the plan names the event in the owner's words: typed text, so markup in it shows as
    typed, never as a link or emphasis, on the results page."""
    from readiness.summary import deadline_text

    from .casework import case_answers

    q = load_questionnaire(GROWTH)
    answers = case_answers(q, "cleaning-company-churning-cleaners")
    note = "*Three* [contracts](http://example.com) start"
    answers["event_ahead"] = Answer("event_ahead", "value", "contract", note=note)
    stored = create_from_answers(db, q, load_answers(q, DEMO_ANSWERS)[0], name="Brightspan")
    db.save_answers(stored.id, list(answers.values()))
    at = app(query={"a": stored.resume_key}, page="pages/results.py")
    assert not at.exception, at.exception
    said = deadline_text(score(q, answers)) or ""
    assert f"(“{note}”)" in said
    [box] = [i for i in at.info if "The event ahead" in i.value]
    assert box.value == md_literal(said)


def test_a_weakest_link_named_by_its_levers_says_what_in_it_holds_the_business_back(db: Store) -> None:
    """A home-care agency: Team is named the weakest link (most of what would let Capacity's throughput double is
    Team's: carers leave, training takes eight weeks) while Capacity scores lower in the table. Every blind
    reviewer of the twenty-second review read "Team 66" beside "11 above" target as the wrong weakest link; the
    page now says, under the cards, what in Team holds the business back."""
    from .casework import case_answers

    q = load_questionnaire(GROWTH)
    answers = case_answers(q, "home-care-agency-turning-away-referrals")
    at = results_of(db, answers)
    [card] = [m for m in at.metric if m.label == "Weakest link"]
    assert card.delta == "Team"
    said = " ".join(c.value for c in at.caption).replace("\\", "")
    assert (
        "The load falls on throughput and headroom, in Capacity, and most of what would strengthen it is done in "
        in said
    )
    assert "Team: people leave faster than they can be replaced and trained, and it takes too long to add a " in said


def test_a_question_with_no_points_left_open_is_not_said_to_count_as_its_worst_answer(db: Store) -> None:
    """A toy shop answered everything but the season's date (weight 0: it dates the plan). "Unanswered questions
    count as their worst answer" beside it, with scores showing no range, read as a contradiction (blind review
    27); the page says the open question carries no points, and says the worst-answer rule once a scored
    question is open too."""
    from .casework import case_answers

    q = load_questionnaire(GROWTH)
    answers = case_answers(q, "abbey-steps-toys")
    assert "season_weeks" not in answers and score(q, answers).completion < 1
    at = results_of(db, answers)
    said = " ".join(w.body for w in at.warning)
    assert "The question left open carries no points" in said and "worst answer" not in said
    db.delete_answer(opened(at), "clear_roles")  # a scored question left open too
    st.cache_data.clear()
    at.run()
    said = " ".join(w.body for w in at.warning)
    assert "Unanswered questions count as their worst answer" in said


def test_a_busy_kitchen_placed_idle_by_falling_orders_says_why_beside_the_zone_and_the_chart(db: Store) -> None:
    """Round 39's chutney kitchen: 90% busy on five weeks of old orders, orders down 24%. A browser pass found the
    reason it is idle only inside "How the verdict was reached", the meaning claiming "far more than the demand
    coming in" above cards showing demand above the weakest link, and the chart's dot outside the idle band."""
    from .casework import case_answers

    q = load_questionnaire(GROWTH)
    answers = case_answers(q, "wensum-valley-preserves-busy-kitchen-falling-orders")
    at = results_of(db, answers)
    box = next(e.body.replace("\\", "") for e in at.info if "Idle capacity" in e.body)
    assert "Orders are falling and operations have room" in box
    assert "busy only with orders taken earlier, which new orders are not replacing" in box
    assert "far more than the demand coming in" not in box
    # since round 43 its five weeks of old orders leave the pressure the verdict weighs: the card says so, and the
    # chart's dot, at the pressure weighed, sits in the idle band with nothing to explain
    captions = " ".join(c.value.replace("\\", "") for c in at.caption)
    assert "Demand pressure is weighed lower than measured, at 10: the work waiting was ordered earlier" in captions
    assert "The chart's zones follow the figures alone" not in captions
