"""Assess: answer the questionnaire one step (dimension) at a time; every change saves itself.

Drawing this page never writes: answers are stored by their widgets' callbacks
(ui/question.py), and the step is changed and remembered by the navigation's
callbacks, which first store anything typed and not yet confirmed.
"""

from __future__ import annotations

import streamlit as st

from readiness.forms import answered_at_start, review, steps
from readiness.markup import md_literal
from readiness.model import tr
from ui import faults, links, nav, resources, session, shell
from ui.question import assess_target, end_of_run, show_all

shell.app_shell()

cur = session.current()
if cur is None:
    st.stop()
q, a, lang = cur.questionnaire, cur.assessment, cur.lang
answers = session.answers_of(a)  # read after this run's callbacks: what the database holds now

st.title(md_literal(a.business_name) or "Assessment", anchor=False)
revealed = resources.workshops().revealed_workshop_of(a.id)
if revealed is not None:
    st.info(
        f"The facilitator of “{md_literal(revealed.name)}” has revealed the answers, so yours can no longer be "
        "changed: the room is now discussing them.",
        icon=":material/lock:",
    )
    st.page_link(
        links.PAGES["join"], label="See the group's results", icon=":material/groups:", query_params={"a": cur.key}
    )
    st.stop()
participant = resources.workshops().participant_for_assessment(a.id)
if participant is not None:
    # A browser pass: a participant's form looked exactly like a private assessment, with nothing to say which
    # workshop, which role, or who sees the answers.
    room = resources.workshops().get(participant.workshop_id)
    st.caption(
        f"Workshop “{md_literal(room.name)}” · your role: {md_literal(participant.role)} · "
        + (
            "your answers are shown to the room without your name, once the facilitator reveals them."
            if room.anonymous
            else "your answers are shown to the room with your name, once the facilitator reveals them."
        )
    )

target = assess_target(a.id, q.content_hash, lang)
step_list = steps(q, answers, lang)
form = nav.Form(target, len(step_list))
position = form.position(a.position)


st.caption(f"{md_literal(tr(q.title, lang))} · answers save themselves as you go: close the tab any time.")
with st.expander("Your link to come back (keep it private)", icon=":material/link:"):
    st.code(links.resume_link(cur.key), language=None, wrap_lines=True)

count = form.draw_progress(q, answers, step_list)
given = answered_at_start(q, answers, a.business_kind, lang)
if given is not None and position != given.step:  # on its own step the question shows the answer itself
    st.caption(
        f"Answered on the start page: {md_literal(given.question)} **{md_literal(given.answer)}**. "
        f"You can change it in the {md_literal(given.step_title)} step."
    )

if position < form.finish:
    step = step_list[position]
    st.header(f"Step {position + 1} of {form.finish}: {md_literal(step.title)}", anchor=False)
    if step.description:
        st.caption(md_literal(step.description))
    show_all(q, step.questions, answers, target)
    form.drawn(position, step.questions)
    form.draw_buttons(position)
else:
    st.header("Review and finish", anchor=False)
    form.drawn(position, ())
    to_do = review(q, answers, lang)
    if to_do.complete:
        st.success(f"All {count.shown} questions are answered.", icon=":material/task_alt:")
    else:
        left = count.shown - count.answered
        st.warning(
            f"{left} of {count.shown} questions are still unanswered. You can finish anyway: the results say "
            "how complete they are, and what an unanswered question could change.",
            icon=":material/pending_actions:",
        )
    form.draw_review(q, to_do)
    label = "Finish and wait for the group" if participant else "Finish and see results"
    if st.button(label, type="primary", key="assess_finish", width="stretch"):
        with faults.reported("Not finished yet"):
            resources.store().update_assessment(a.id, status="complete")
            session.open_assessment(cur.key, "join" if participant else "results")
    st.button("← Back", on_click=form.go, args=(form.finish - 1,), key="assess_back_finish", width="stretch")

form.scroll()
end_of_run()
shell.sidebar(cur, answers)
