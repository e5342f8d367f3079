"""What every page shares around its content: the navigation shell and the sidebar."""

from __future__ import annotations

import html
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st

from readiness.answers import Answer
from readiness.forms import progress
from readiness.markup import md_literal
from readiness.model import tr
from ui.faults import reported
from ui.links import resume_link
from ui.resources import store, warm_up
from ui.session import Current, answers_of

_ENTRY = threading.local()


@contextmanager
def app_entry() -> Iterator[None]:
    """Marks a run that went through streamlit_app.py (the script thread runs the page inside it).

    Once the page is drawn, the first run on a server starts finding out whether PDFs can be made
    (``resources.warm_up``), so the first visitor to open the results page does not wait for that.
    """
    _ENTRY.active = True
    try:
        yield
    finally:
        _ENTRY.active = False
        warm_up()


def app_shell() -> None:
    """Make sure this run went through streamlit_app.py (its navigation, page config and share routing).

    Because the project keeps its pages in ``pages/``, Streamlit starts in its
    legacy multipage mode and only leaves it once a run calls
    ``st.navigation``. Until then, a deep link opened first on a fresh server
    (``/join?j=...`` from a QR code, a resume link) runs the page directly:
    wrong sidebar, no page config. Every page calls this first. A run that
    did not come through streamlit_app.py switches the legacy mode off for the
    whole process and, on a session's first run (a page load: no click a rerun
    could lose), reruns, so the app's own navigation picks the same page (page
    hashes come from the same URL paths). Checked per run, so a whole room
    scanning the QR code at once on a fresh server is covered, not just the
    first phone.
    """
    from streamlit.runtime.pages_manager import PagesManager  # private, but streamlit is pinned

    first_run = "_readiness_shell" not in st.session_state
    st.session_state["_readiness_shell"] = True
    if getattr(_ENTRY, "active", False):
        return
    PagesManager.uses_pages_directory = False
    if first_run:
        st.rerun()


def sidebar(cur: Current | None, answers: dict[str, Answer] | None = None) -> None:
    with st.sidebar:
        # Drawn with the sidebar, early in every page's run, so a wide table never waits for its rule: placed
        # beside the table only, it arrived after it on a CI run and the pane slid sideways meanwhile.
        st.html(_WIDE_TABLES_CSS)
        if cur is None:
            st.caption("No assessment open.")
            return
        a, q = cur.assessment, cur.questionnaire
        st.markdown(f"**{md_literal(a.business_name) or 'Unnamed business'}**")
        done = progress(q, answers if answers is not None else answers_of(a))
        # "complete" only when nothing shown is left open: a founder who finished early has "finished".
        # "in progress", not "draft": beside the version, "2.2.7 · draft" read as a draft questionnaire.
        status = (
            ("complete" if done.answered >= done.shown else "finished") if a.status == "complete" else "in progress"
        )
        st.caption(f"{md_literal(tr(q.title, cur.lang))} · version {md_literal(q.version)} · {status}")
        st.progress(done.fraction, text=f"{done.answered} of {done.shown} answered")
        if len(q.languages) > 1:
            lang = st.selectbox("Language", q.languages, index=q.languages.index(cur.lang), key="sidebar_lang")
            if lang != cur.lang:
                with reported("The language was not changed"):
                    store().update_assessment(a.id, language=lang)
                    st.rerun()
        else:
            st.caption(f"Language: {q.languages[0]}")
        if cur.key:
            st.caption("Resume link (keep it private: anyone with it can edit):")
            st.code(resume_link(cur.key), language=None, wrap_lines=True)


#: Shown only on screens narrower than a small tablet: a hint that a table scrolls sideways there.
_PHONE_ONLY_CSS = (
    "<style>.readiness-phone-hint{display:none}"
    "@media (max-width: 640px){.readiness-phone-hint{display:block;color:rgba(49,51,63,.6);font-size:.875rem}}"
    "</style>"
)
#: The table itself scrolls, not the page: a Markdown table wider than a phone pushed the whole main pane
#: sideways, so the headings and charts slid off the screen with it (an exploratory browser pass, 516 px in 390).
_WIDE_TABLES_CSS = (
    "<style>@media (max-width: 640px){"
    "[data-testid='stMarkdownContainer'] table{display:block;overflow-x:auto;max-width:100%}}</style>"
)


def phone_hint(text: str) -> None:
    """A line only a phone shows: a wide table scrolls sideways there, and nothing else says so.

    Streamlit draws the same page at every width, so the hint is hidden by a media query rather than
    decided on the server (which does not know the screen)."""
    st.html(_PHONE_ONLY_CSS + f'<div class="readiness-phone-hint">↔ {html.escape(text)}</div>')


def zone_box(quadrant: str | None) -> Callable[..., Any]:
    """The box a zone is said in, coloured alike on every page: red for the danger zone, blue for idle capacity,
    green for scale-ready, yellow otherwise (a browser pass saw the same danger zone red on the results page and
    yellow on the workshop's)."""
    return {"danger_zone": st.error, "idle_capacity": st.info, "scale_ready": st.success}.get(
        quadrant or "", st.warning
    )
