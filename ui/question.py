"""Render one question (a :class:`readiness.forms.Field`) as Streamlit widgets.

Widgets carry stable keys derived from the assessment and question ids, so
tests and ``st.session_state`` can address them, and their first value comes
from the stored answer, so a reload shows exactly what was saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from readiness.answers import Answer
from readiness.errors import AnswerError, ReadinessError
from readiness.forms import Field, field_for, to_answer, widget_value
from readiness.model import Questionnaire


@dataclass(frozen=True)
class Outcome:
    value: Any
    special: str | None
    note: str | None


def widget_key(assessment_id: str, question_id: str) -> str:
    return f"assess_{assessment_id[:10]}_{question_id}"


def _seed(key: str, value: Any) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


def render(field: Field, answer: Answer | None, key: str) -> Outcome:
    """Draw the question; return what the widgets now say (saved by the caller)."""
    value, special = widget_value(field, answer)
    labels = {c.key: c.label for c in (*field.choices, *field.special)}
    # One markdown element for question, badge and help: every element costs rerun time.
    title = f"**{field.label}**" + ("  :red-badge[critical]" if field.critical else "")
    st.markdown(title + (f"\n\n:gray[{_escape(field.help)}]" if field.help else ""))

    if field.widget == "choice":
        options = [c.key for c in (*field.choices, *field.special)]
        captions = [c.caption for c in (*field.choices, *field.special)]
        _seed(key, value)
        chosen = st.radio(
            field.label,
            options,
            index=None,
            format_func=lambda k: labels[k],
            captions=captions if any(captions) else None,
            key=key,
            label_visibility="collapsed",
        )
        current: Any = chosen
        current_special = None
    else:
        if field.widget == "multi":
            _seed(key, value)
            current = st.pills(
                field.label,
                [c.key for c in field.choices],
                selection_mode="multi",
                format_func=lambda k: labels[k],
                key=key,
                label_visibility="collapsed",
            )
            described = [f"**{c.label}**: {c.caption}" for c in field.choices if c.caption]
            if described:
                with st.expander("What the options mean"):
                    st.markdown("\n".join(f"- {line}" for line in described))
        elif field.widget == "number":
            _seed(key, value)
            unit = f" ({field.unit})" if field.unit else ""
            current = st.number_input(
                f"{field.label}{unit}",
                value=None,
                step=1.0 if not field.integer else 1,
                key=key,
                placeholder=f"Enter a number{unit}",
                label_visibility="collapsed",
            )
            bounds = [
                f"from {field.minimum:g}" if field.minimum is not None else "",
                f"to {field.maximum:g}" if field.maximum is not None else "",
            ]
            if any(bounds) or field.unit:
                st.caption(" ".join(b for b in [field.unit, *bounds] if b))
        else:
            _seed(key, value)
            current = st.text_area(field.label, key=key, label_visibility="collapsed")
        current_special = None
        if field.special:
            special_key = f"{key}_special"
            _seed(special_key, special)
            current_special = st.segmented_control(
                "Other answers",
                [c.key for c in field.special],
                format_func=lambda k: labels[k],
                key=special_key,
                label_visibility="collapsed",
            )

    note_key = f"{key}_note"
    _seed(note_key, answer.note if answer is not None and answer.note else "")
    has_answer = answer is not None or current not in (None, "", []) or current_special is not None
    note = None
    if has_answer:  # a note belongs to an answer; unanswered questions have none to keep
        note = st.text_input(
            "Note or evidence link",
            key=note_key,
            placeholder="Note or evidence link (optional)",
            max_chars=2000,
            label_visibility="collapsed",
        )
    return Outcome(current, current_special, note or None)


def _escape(text: str) -> str:
    """Keep questionnaire text literal inside a markdown colour directive."""
    return text.replace("[", "\\[").replace("]", "\\]")


def ask(
    questionnaire: Questionnaire, question: Any, answers: dict[str, Answer], assessment_id: str, key: str, lang: str
) -> bool:
    """Render a question and save what changed at once; True when something was saved.

    ``answers`` is updated in place, so later questions see the new answer.
    A value that is not acceptable is explained at the question and not saved.
    """
    from ui.resources import store

    field = field_for(questionnaire, question, lang)
    stored = answers.get(question.id)
    outcome = render(field, stored, key)
    try:
        new = to_answer(questionnaire, field, outcome.value, outcome.special, outcome.note)
    except AnswerError as exc:
        st.error(exc.problem.message.split(": ", 1)[-1] + " — not saved yet.", icon=":material/error:")
        return False
    if new == stored:
        return False
    try:
        if new is None:
            store().delete_answer(assessment_id, question.id)
            answers.pop(question.id, None)
        else:
            store().save_answer(assessment_id, new)
            answers[question.id] = new
    except ReadinessError as exc:
        st.error(f"Could not save this answer: {exc}. Your other answers are safe.", icon=":material/error:")
        return False
    return True
