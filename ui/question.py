"""One question as Streamlit widgets whose changes save themselves.

A change is saved by the change, never by a redraw: every widget has an
``on_change`` callback that stores the answer. Streamlit runs callbacks
before the script, so an answer typed and then left by clicking **Next** is
stored before the navigation the same click asks for, and drawing a step
writes nothing.

What each question's widgets hold lives in ``st.session_state`` under keys
derived from a prefix and the question id (``<prefix><id>``, ``…_special``,
``…_note``), so tests can address them. Beside them, ``…_seen`` keeps the
answer this browser last knew to be stored: a redraw compares it with the
database to notice a change made in another tab or device, and shows it. A
session's first draw (also after a server restart, when the browser reconnects
still showing what was clicked) shows what the database holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from readiness.answers import Answer
from readiness.errors import AnswerError, ReadinessError
from readiness.figures import plain_number
from readiness.forms import Field, field_for, to_answer, widget_value
from readiness.markup import md_literal
from readiness.model import Questionnaire
from ui import faults
from ui.resources import store

#: Question ids saved by the interaction that caused this run: they get the inline "saved" mark.
SAVED_NOW = "question_saved_now"
_MISSING = object()

#: A tick list's options are sentences ("Work came back: complaints, returns, redos or callbacks"); Streamlit cuts
#: a pill at one line with an ellipsis, so on a phone the owner could not read what they tick. Wrap them whole.
_WHOLE_PILLS_CSS = (
    "<style>button[data-variant='pills']{max-width:100%;height:auto;text-align:left}"
    "button[data-variant='pills'] p{white-space:normal;overflow:visible;text-overflow:clip}</style>"
)


@dataclass(frozen=True)
class Target:
    """Where a question's answers are saved: passed to callbacks as plain data, never a live object."""

    assessment_id: str
    questionnaire_hash: str
    prefix: str
    lang: str = "en"

    def key(self, question_id: str) -> str:
        return f"{self.prefix}{question_id}"


def assess_target(assessment_id: str, questionnaire_hash: str, lang: str) -> Target:
    return Target(assessment_id, questionnaire_hash, f"assess_{assessment_id[:10]}_", lang)


def widget_key(assessment_id: str, question_id: str) -> str:
    """The assess page's key of a question's main widget (tests address widgets by it)."""
    return f"assess_{assessment_id[:10]}_{question_id}"


# --- reading and writing what the widgets hold -------------------------------------------


def _empty(field: Field) -> Any:
    return {"multi": [], "text": ""}.get(field.widget)


def _shown(field: Field, answer: Answer | None) -> tuple[Any, str | None, str]:
    """(main widget value, special value, note) that show ``answer``."""
    value, special = widget_value(field, answer)
    if field.widget in ("number", "text", "multi") and value is None:
        value = _empty(field)
    note = answer.note if answer is not None and answer.note else ""
    return value, special, note


def _held(field: Field, key: str) -> tuple[Any, str | None, str]:
    state = st.session_state
    return state.get(key, _empty(field)), state.get(f"{key}_special"), state.get(f"{key}_note") or ""


def _set(field: Field, key: str, answer: Answer | None) -> None:
    value, special, note = _shown(field, answer)
    st.session_state[key] = value
    if field.widget != "choice" and field.special:
        st.session_state[f"{key}_special"] = special
    st.session_state[f"{key}_note"] = note


def _meaning(questionnaire: Questionnaire, field: Field, key: str) -> Answer | None:
    """The answer the widgets now mean; raises AnswerError when it is not acceptable."""
    value, special, note = _held(field, key)
    return to_answer(questionnaire, field, value, special, note or None)


def commit(questionnaire: Questionnaire, target: Target, question_id: str) -> str | None:
    """Store what the question's widgets now say, if it differs from what is stored.

    Returns the reason when it cannot be stored (the value stays in the field,
    with the reason under it), else None.
    """
    field = field_for(questionnaire, questionnaire.question(question_id), target.lang)
    key = target.key(question_id)
    state = st.session_state
    try:
        new = _meaning(questionnaire, field, key)
    except AnswerError as exc:
        reason = _reason(field, exc)
        state[f"{key}_error"] = f"Not saved: {reason}."
        return reason
    seen = state.get(f"{key}_seen")
    if new == seen:
        state.pop(f"{key}_error", None)
        return None
    try:
        if new is None:
            store().delete_answer(target.assessment_id, question_id)
        else:
            store().save_answer(target.assessment_id, new)
    except ReadinessError as exc:
        reason = faults.plain(exc)
        state[f"{key}_error"] = f"Not saved. {reason}"
        st.toast("An answer could not be saved.", icon=":material/error:")
        return reason
    state[f"{key}_seen"] = new
    state.pop(f"{key}_error", None)
    state.setdefault(SAVED_NOW, set()).add(question_id)
    return None


def _reason(field: Field, exc: AnswerError) -> str:
    """Why a value cannot be stored, in the page's words (not an answers file's ids)."""
    if exc.problem.code == "RA102" and (field.minimum is not None or field.maximum is not None):
        low = "" if field.minimum is None else plain_number(field.minimum, typographic=False)
        high = "" if field.maximum is None else plain_number(field.maximum, typographic=False)
        span = f"from {low} to {high}" if low and high else (f"of at least {low}" if low else f"of at most {high}")
        unit = f" ({field.unit})" if field.unit else ""
        return f"this question takes a number {span}{unit}"
    return exc.problem.message.split(": ", 1)[-1]


def _changed(target: Target, question_id: str, which: str) -> None:
    """Widget callback: keep one answer at a time visible, then store it."""
    questionnaire = store().questionnaire(target.questionnaire_hash)
    field = field_for(questionnaire, questionnaire.question(question_id), target.lang)
    key = target.key(question_id)
    state = st.session_state
    if which == "special" and state.get(f"{key}_special") is not None:
        state[key] = _empty(field)  # "don't know" replaces a typed number, visibly
    elif which == "main" and field.widget != "choice" and state.get(key) not in (None, "", []):
        state[f"{key}_special"] = None  # a typed number replaces "don't know"
    commit(questionnaire, target, question_id)


def flush(questionnaire: Questionnaire, target: Target, question_ids: Sequence[str]) -> list[tuple[str, str]]:
    """Store every drawn question whose widgets hold something not yet stored.

    Navigation calls this before it moves, so a value typed and never
    confirmed (no Enter, no Tab) is saved, or refused with its reason, rather
    than dropped with the step it was typed on. Returns (question id, reason)
    for each value that could not be stored.
    """
    problems = []
    for question_id in question_ids:
        if target.key(question_id) not in st.session_state:
            continue
        reason = commit(questionnaire, target, question_id)
        if reason is not None:
            problems.append((question_id, reason))
    return problems


def sync(field: Field, stored: Answer | None, target: Target) -> str | None:
    """Make the widgets show what is stored, before they are drawn; never writes to the database.

    Returns a word for the question's mark: "updated" when another tab or
    device changed the answer since this page last showed it.
    """
    key = target.key(field.question_id)
    state = st.session_state
    seen = state.get(f"{key}_seen", _MISSING)
    if seen is _MISSING:
        # First draw in this session. After a server restart the browser reconnects still showing what
        # was clicked; the values set here win over those, so the page shows what the database holds.
        _set(field, key, stored)
        state[f"{key}_seen"] = stored
        return None
    if seen != stored and f"{key}_error" not in state:
        _set(field, key, stored)
        state[f"{key}_seen"] = stored
        return "updated"
    if key not in state:  # drawn again after a step without it: Streamlit dropped the widget's state
        _set(field, key, stored)
    return None


# --- drawing ---------------------------------------------------------------------------------


def show(questionnaire: Questionnaire, question: Any, stored: Answer | None, target: Target) -> None:
    """Draw one question with its current answer; its widgets save their own changes."""
    field = field_for(questionnaire, question, target.lang)
    key = target.key(question.id)
    mark = sync(field, stored, target)
    state = st.session_state
    if question.id in state.get(SAVED_NOW, ()):
        mark = "saved"
    labels = {c.key: c.label for c in (*field.choices, *field.special)}
    badges = {
        "saved": "  :green-badge[✓ Saved]",
        "updated": "  :blue-badge[Updated on another device]",
    }
    # One markdown element for question, badges and help: every element costs rerun time.
    title = f"**{md_literal(field.label)}**" + ("  :red-badge[critical]" if field.critical else "")
    title += badges.get(mark or "", "")
    st.markdown(title + (f"\n\n:gray[{md_literal(field.help)}]" if field.help else ""))

    args = (target, question.id)
    if field.widget == "choice":
        options = [c.key for c in (*field.choices, *field.special)]
        captions = [c.caption for c in (*field.choices, *field.special)]
        st.radio(
            field.label,
            options,
            index=None,
            format_func=lambda k: labels[k],
            captions=[md_literal(c) for c in captions] if any(captions) else None,
            key=key,
            label_visibility="collapsed",
            on_change=_changed,
            args=(*args, "main"),
        )
    else:
        if field.widget == "multi":
            st.html(_WHOLE_PILLS_CSS)  # style only: Streamlit adds it without taking space on the page
            st.pills(
                field.label,
                [c.key for c in field.choices],
                selection_mode="multi",
                format_func=lambda k: labels[k],
                key=key,
                label_visibility="collapsed",
                on_change=_changed,
                args=(*args, "main"),
            )
            described = [f"**{md_literal(c.label)}**: {md_literal(c.caption)}" for c in field.choices if c.caption]
            if described:
                with st.expander("What the options mean"):
                    st.markdown("\n".join(f"- {line}" for line in described))
        elif field.widget == "number":
            unit = f" ({field.unit})" if field.unit else ""
            st.number_input(
                f"{field.label}{unit}",
                value=None,
                step=1.0 if not field.integer else 1,
                format="%d" if field.integer else "%g",  # what was typed, not 4.00
                key=key,
                placeholder=f"Enter a number{unit}",
                label_visibility="collapsed",
                on_change=_changed,
                args=(*args, "main"),
            )
            bounds = [
                # "from 0 to 1e+06" read as code on a phone (a browser pass): written as the owner types it
                f"from {plain_number(field.minimum, typographic=False)}" if field.minimum is not None else "",
                f"to {plain_number(field.maximum, typographic=False)}" if field.maximum is not None else "",
            ]
            if any(bounds) or field.unit:
                st.caption(md_literal(" ".join(b for b in [field.unit, *bounds] if b)))
        else:
            st.text_area(field.label, key=key, label_visibility="collapsed", on_change=_changed, args=(*args, "main"))
        if field.special:
            st.segmented_control(
                "Other answers",
                [c.key for c in field.special],
                format_func=lambda k: labels[k],
                key=f"{key}_special",
                label_visibility="collapsed",
                on_change=_changed,
                args=(*args, "special"),
            )

    error = state.get(f"{key}_error")
    if error:
        st.error(md_literal(error), icon=":material/error:")
    # A note belongs to an answer (unanswered questions have none to keep). A question another one names in the
    # owner's words (the step weighed) needs no second box for them, unless a note was kept already (an imported
    # file's): what is stored stays in reach.
    if (stored is not None or error) and (field.notes or (stored is not None and stored.note)):
        st.text_input(
            "Note or evidence link",
            key=f"{key}_note",
            placeholder="Note or evidence link (optional)",
            max_chars=2000,
            label_visibility="collapsed",
            on_change=_changed,
            args=(*args, "note"),
        )


def show_all(
    questionnaire: Questionnaire, question_ids: Sequence[str], answers: Mapping[str, Answer], target: Target
) -> None:
    """Draw questions in order, each in its own bordered container that a link can scroll to."""
    for question_id in question_ids:
        with st.container(border=True, key=f"q_{question_id}"):
            show(questionnaire, questionnaire.question(question_id), answers.get(question_id), target)


def end_of_run() -> None:
    """The "saved" marks belong to the interaction that caused this run only."""
    st.session_state.pop(SAVED_NOW, None)
