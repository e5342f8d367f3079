"""Assess: answer the questionnaire one step (dimension) at a time; every change is saved at once."""

from __future__ import annotations

import streamlit as st

from readiness.answers import visible_questions
from readiness.forms import missing, progress, steps
from readiness.model import tr
from ui import links, resources, session, shell
from ui.question import ask, widget_key

shell.app_shell()

cur = session.current()
if cur is None:
    st.stop()
q, a, lang = cur.questionnaire, cur.assessment, cur.lang
db = resources.store()
answers = session.answers_of(a)

st.title(a.business_name or "Assessment")
revealed = resources.workshops().revealed_workshop_of(a.id)
if revealed is not None:
    st.info(
        f"The facilitator of “{revealed.name}” has revealed the answers, so yours can no longer be changed: "
        "the room is now discussing them.",
        icon=":material/lock:",
    )
    st.page_link(
        links.PAGES["join"], label="See the group's results", icon=":material/groups:", query_params={"a": a.id}
    )
    st.stop()
st.caption(f"{tr(q.title, lang)} · answers are saved as you go: close the tab any time and come back with your link.")
with st.expander("Your link to come back (keep it private)", icon=":material/link:"):
    st.code(links.resume_link(a.id), language=None, wrap_lines=True)
# Progress and the step list are drawn here but filled in last, so they
# count the answer this very run has just saved.
top = st.container()

step_list = steps(q, answers, lang)
finish = len(step_list)
pos_key = f"assess_step_{a.id[:10]}"
if st.session_state.get(pos_key) is None:
    st.session_state[pos_key] = min(max(a.position, 0), finish)
position: int = st.session_state[pos_key]


def go_to(index: int) -> None:
    st.session_state[pos_key] = index


def step_label(index: int) -> str:
    if index == finish:
        return "Finish"
    step = step_list[index]
    mark = "✓ " if step.done else ""
    return f"{mark}{step.title} {step.answered}/{step.total}"


if position != a.position:
    db.update_assessment(a.id, position=position)

if position < finish:
    step = step_list[position]
    st.header(step.title)
    if step.description:
        st.caption(step.description)
    saved = False
    shown = visible_questions(q, answers)
    for question in q.questions_in(step.id):
        if question.id not in shown:
            continue
        with st.container(border=True):
            if ask(q, question, answers, a.id, widget_key(a.id, question.id), lang):
                saved = True
                shown = visible_questions(q, answers)  # follow-up questions may appear or go
    if saved:
        st.toast("Saved", icon=":material/check_circle:")
    back, forward = st.columns(2)
    if position > 0:
        back.button("← Back", on_click=go_to, args=(position - 1,), width="stretch", key="assess_back")
    forward.button(
        "Next →" if position + 1 < finish else "Review and finish →",
        on_click=go_to,
        args=(position + 1,),
        type="primary",
        width="stretch",
        key="assess_next",
    )
else:
    st.header("Review and finish")
    gaps = missing(q, answers, lang)
    if not gaps:
        st.success("Every question is answered.")
    else:
        count = sum(len(items) for _, items in gaps)
        st.warning(
            f"{count} question(s) are still unanswered. You can finish anyway: the results will cover "
            "what you answered and say how complete they are. Unanswered questions do not count against you."
        )
        for gap_step, items in gaps:
            with st.container(border=True):
                st.markdown(f"**{gap_step.title}**: {len(items)} unanswered")
                st.markdown("\n".join(f"- {text}" for _, text in items))
                st.button(
                    f"Answer {gap_step.title}",
                    on_click=go_to,
                    args=(gap_step.index,),
                    key=f"assess_goto_{gap_step.id}",
                )
    participant = resources.workshops().participant_for_assessment(a.id)
    label = "Finish and wait for the group" if participant else "Finish and see results"
    if st.button(label, type="primary", key="assess_finish"):
        db.update_assessment(a.id, status="complete")
        session.open_assessment(a.id, "join" if participant else "results")
    st.button("← Back", on_click=go_to, args=(finish - 1,), key="assess_back_finish")

step_list = steps(q, answers, lang)  # again: this run may have changed answers and shown questions
with top:
    done = progress(q, answers)
    st.progress(done.fraction, text=f"{done.answered} of {done.total} questions answered")
    st.segmented_control(
        "Steps", list(range(finish + 1)), format_func=step_label, key=pos_key, label_visibility="collapsed"
    )
shell.sidebar(cur, answers)
