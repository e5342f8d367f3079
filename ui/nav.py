"""Moving through the assessment's steps: progress, the step list, Next/Back, the review, the scroll.

Every move is a callback that first stores what the current step's fields
hold (:func:`ui.question.flush`), so nothing typed is left behind, and refuses
to move, saying why, when a field holds something that cannot be stored. The
step is remembered in the database by the move, not by drawing the page.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping, Sequence

import streamlit as st

from readiness.answers import Answer, Count
from readiness.errors import ReadinessError
from readiness.forms import Review, StepInfo, dont_know_words, progress
from readiness.markup import md_literal
from readiness.model import Questionnaire
from ui.question import Target, flush
from ui.resources import store

#: Unanswered questions listed per step on the review screen before "and N more".
REVIEW_ITEMS = 6


class Form:
    """The navigation state of one assessment in one browser session."""

    def __init__(self, target: Target, finish: int) -> None:
        self.target = target
        self.finish = finish  # index of the "Review and finish" step
        tag = target.assessment_id[:10]
        self.pos_key = f"assess_step_{tag}"
        self._drawn_key = f"assess_drawn_{tag}"
        self._scroll_key = f"assess_scroll_{tag}"
        self._error_key = f"assess_nav_error_{tag}"

    # --- where we are --------------------------------------------------------------------
    def position(self, stored: int) -> int:
        state = st.session_state
        if state.get(self.pos_key) is None:
            state[self.pos_key] = min(max(stored, 0), self.finish)
        return int(state[self.pos_key])

    def drawn(self, position: int, question_ids: Sequence[str]) -> None:
        """Remember what this run drew: the next move stores what those fields hold."""
        st.session_state[self._drawn_key] = (position, tuple(question_ids))

    def _last_drawn(self) -> tuple[int, tuple[str, ...]]:
        return st.session_state.get(self._drawn_key, (self.finish, ()))

    # --- moving ----------------------------------------------------------------------------
    def go(self, index: int, focus: str | None = None) -> None:
        """Callback of Next, Back and the review's links: store the step's fields, then move."""
        if self._store_drawn():
            st.session_state[self.pos_key] = index
            self._moved(index, focus)

    def _jumped(self) -> None:
        """Callback of the step list: its value has already changed; undo that if the step cannot be left."""
        state = st.session_state
        before, _ = self._last_drawn()
        wanted = state.get(self.pos_key)
        if wanted is None:  # clicking the selected step unselects it: stay
            state[self.pos_key] = before
            return
        if not self._store_drawn():
            state[self.pos_key] = before
            return
        self._moved(int(wanted), None)

    def _store_drawn(self) -> bool:
        _, question_ids = self._last_drawn()
        questionnaire = store().questionnaire(self.target.questionnaire_hash)
        problems = flush(questionnaire, self.target, question_ids)
        if problems:
            st.session_state[self._error_key] = [(questionnaire.question(qid).text, reason) for qid, reason in problems]
            self._scroll_to(problems[0][0])  # show the field that holds it, wherever the click was
            return False
        st.session_state.pop(self._error_key, None)
        return True

    def _scroll_to(self, focus: str | None) -> None:
        state = st.session_state
        count = state.get(self._scroll_key, (0, None))[0] + 1
        state[self._scroll_key] = (count, focus)

    def _moved(self, index: int, focus: str | None) -> None:
        self._scroll_to(focus)
        # Only where to resume next time: the answers are stored already, and the move itself worked.
        with contextlib.suppress(ReadinessError):
            store().update_assessment(self.target.assessment_id, position=index)

    # --- drawing -----------------------------------------------------------------------------
    def draw_progress(
        self, questionnaire: Questionnaire, answers: Mapping[str, Answer], step_list: Sequence[StepInfo]
    ) -> Count:
        count = progress(questionnaire, answers)
        st.progress(count.fraction, text=f"{count.answered} of {count.shown} questions answered")

        def label(index: int) -> str:
            if index == self.finish:
                return "Review and finish"
            step = step_list[index]
            return f"✓ {md_literal(step.title)}" if step.done else f"{md_literal(step.title)} · {step.left} left"

        st.segmented_control(
            "Steps",
            list(range(self.finish + 1)),
            format_func=label,
            key=self.pos_key,
            label_visibility="collapsed",
            on_change=self._jumped,
        )
        problems = st.session_state.get(self._error_key)
        if problems:
            lines = "\n".join(f"- {md_literal(text)}: {md_literal(reason)}" for text, reason in problems)
            st.error(
                f"You are still on this step: an answer here cannot be saved yet.\n\n{lines}\n\n"
                "Correct it or clear the field, then go on.",
                icon=":material/error:",
            )
        return count

    def draw_buttons(self, position: int) -> None:
        back, forward = st.columns(2)
        if position > 0:
            back.button("← Back", on_click=self.go, args=(position - 1,), width="stretch", key="assess_back")
        forward.button(
            "Next →" if position + 1 < self.finish else "Review and finish →",
            on_click=self.go,
            args=(position + 1,),
            type="primary",
            width="stretch",
            key="assess_next",
        )

    def draw_review(self, questionnaire: Questionnaire, to_do: Review) -> None:
        """What is left, per step, each question a link to itself; what will count as lowest or not at all."""
        groups = (
            ("Not answered yet", "", to_do.unanswered, "todo"),
            (
                "Answered “Don't know”",
                dont_know_words(questionnaire, to_do),
                to_do.dont_know,
                "dk",
            ),
            ("Not applicable", "Left out of the score.", to_do.not_applicable, "na"),
        )
        for title, caption, items, tag in groups:
            if not items:
                continue
            st.subheader(f"{title} ({sum(len(i) for _, i in items)})", anchor=False)
            if caption:
                st.caption(caption)
            for step, questions in items:
                with st.container(border=True):
                    st.markdown(f"**{md_literal(step.title)}**")
                    for qid, text in questions[:REVIEW_ITEMS]:
                        st.button(
                            md_literal(text),
                            on_click=self.go,
                            args=(step.index, qid),
                            key=f"assess_review_{tag}_{qid}",
                            type="tertiary",
                            icon=":material/arrow_forward:",
                        )
                    if len(questions) > REVIEW_ITEMS:
                        st.button(
                            f"and {len(questions) - REVIEW_ITEMS} more in {md_literal(step.title)}",
                            on_click=self.go,
                            args=(step.index,),
                            key=f"assess_review_{tag}_more_{step.id}",
                            type="tertiary",
                        )

    def scroll(self) -> None:
        """After a move, show the new step from its top (or the question a review link points at).

        Streamlit keeps the scroll position across reruns, so after **Next** a
        person would land at the bottom of the next step and skip questions
        without noticing. Streamlit has no scroll API (requested in streamlit/streamlit#9516 and #7699); a
        small script does it, re-run only when a move changed its text. The
        browser test ``test_next_shows_the_new_step_from_its_top`` pins it.
        """
        count, focus = st.session_state.get(self._scroll_key, (0, None))
        if count == 0:
            return
        selector = json.dumps(f".st-key-q_{focus}" if focus else "")
        script = f"""<script>/* move {count} */
(function () {{
  const selector = {selector};
  function go(tries) {{
    const el = selector ? window.parent.document.querySelector(selector) : null;
    if (selector && !el && tries < 40) {{ setTimeout(function () {{ go(tries + 1); }}, 50); return; }}
    const doc = window.parent.document;
    if (el) {{
      el.scrollIntoView({{block: "start"}});
      const main = doc.querySelector('[data-testid="stMain"]');
      if (main) main.scrollBy(0, -72);  // clear of the app's fixed header
      return;
    }}
    for (const node of doc.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"]')) {{
      node.scrollTo(0, 0);
    }}
    window.parent.scrollTo(0, 0);
  }}
  go(0);
}})();
</script>"""
        st.html(script, unsafe_allow_javascript=True)
