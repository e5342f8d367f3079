"""Join a workshop; afterwards, wait for the facilitator and then see the group's results."""

from __future__ import annotations

import streamlit as st

from readiness import charts
from readiness.errors import ReadinessError
from readiness.link_text import join_titles
from readiness.markup import md_literal
from readiness.storage import NotFound
from readiness.workshop import Participant, aggregate, left_out_of
from readiness.workshop_report import room_balance_text
from readiness.workshop_store import REVEALED_CLOSED
from ui import links, resources, session, shell

shell.app_shell()

link_key = st.query_params.get("a")
if link_key:
    try:
        mine = resources.store().open_assessment(link_key)
    except NotFound:
        mine = None
    record = None if mine is None else resources.workshops().participant_for_assessment(mine.id)
    if record is None:
        st.error("This link is not a workshop participant's link.")
        st.stop()
    workshop = resources.workshops().get(record.workshop_id)
    st.title(md_literal(workshop.name), anchor=False)
    st.caption(f"You answered as: {md_literal(record.role)}")
    if not workshop.revealed:  # from the reveal on, answers are frozen (see the assess page)
        st.page_link(
            links.PAGES["assess"],
            label="Review or change my answers",
            icon=":material/edit:",
            query_params={"a": link_key},
        )

    @st.fragment(run_every=5)
    def group_view() -> None:
        current = resources.workshops().get(workshop.id)
        if not current.revealed:
            st.info("Thank you. Waiting for the facilitator to reveal the answers…", icon=":material/hourglass_top:")
            return
        questionnaire = resources.store().questionnaire(current.questionnaire_hash)
        people = [Participant(p.id, p.role, answers) for p, answers in resources.workshops().participants(current.id)]
        result = aggregate(questionnaire, people, current.profile, anonymous=True, roles=current.roles)
        st.subheader("The group's results")
        mine = next((r for p, r in zip(people, result.individual, strict=True) if p.id == record.id), None)
        if mine is not None and (short := left_out_of(questionnaire, result, mine)):
            st.info(
                f"Your answers on {join_titles(short)} are not in the group's figures: you answered too few of "
                "those questions "
                f"(a person counts once they have answered {questionnaire.balance.coverage:.0%} of a part).",
                icon=":material/info:",
            )
        if result.quadrant_label:
            weighed = room_balance_text(result, questionnaire)
            extra = f"  \n{md_literal(weighed)}" if weighed else ""
            # coloured as the facilitator's page and the results page colour the same zone
            box = shell.zone_box(result.quadrant)
            box(f"**Group balance: {result.quadrant_label}.**{extra}")
        st.vega_lite_chart(charts.spec(charts.workshop_dimensions(result, questionnaire.score_scale)), width="stretch")
        # "nobody sees anyone else's answers" was not so: the facilitator's queue shows each role's answer, which
        # is one person's where a role has one (a browser pass)
        st.caption(
            "Only the group's figures are shown here. The facilitator sees the answers by role"
            + (", never by name." if workshop.anonymous else " and by name.")
        )

    group_view()
    st.stop()

st.title("Join a workshop")
code = st.text_input("Workshop code", value=st.query_params.get("j", ""), key="join_code", max_chars=12)
if not code.strip():
    st.caption("Your facilitator shows the code on screen.")
    st.stop()
try:
    workshop = resources.workshops().by_code(code)
except NotFound as exc:
    st.error(str(exc).capitalize() + ".")
    st.stop()
st.subheader(f"{md_literal(workshop.name)} · {md_literal(workshop.business_name)}", anchor=False)
if workshop.revealed:  # the answers are frozen: a late joiner would only add an empty column to them
    st.info(md_literal(REVEALED_CLOSED[:1].upper() + REVEALED_CLOSED[1:]) + ".", icon=":material/lock:")
    st.stop()
role = st.radio("Your role", list(workshop.roles), index=None, format_func=md_literal, key="join_role")
name = None if workshop.anonymous else st.text_input("Your name", key="join_name", max_chars=200)
st.caption(
    "Joined already? Open your own link (on your answers page) instead of joining again: joining twice counts "
    "you twice."
)
st.caption(
    "Your answers stay hidden until the facilitator reveals them"
    + (
        ", and are then shown by role, never by name (if you are the only one in your role, your role's answers "
        "are yours)."
        if workshop.anonymous
        else ", and are then shown with your name."
    )
)
if st.button("Join and start answering", type="primary", key="join_submit"):
    if role is None:
        st.error("Choose your role first.")
    else:
        try:
            person = resources.workshops().join(workshop, role, name)
        except ReadinessError as exc:
            st.error(md_literal(str(exc).capitalize()) + ".")
        else:
            session.open_assessment(person.resume_key or "", "assess")
