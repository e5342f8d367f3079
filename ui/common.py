"""App-side helpers shared by the pages: the cached store and questionnaires,
the current assessment, links, and the sidebar.

Nothing here computes a score or touches SQL: that is the engine's job. This
module only decides *which* assessment a browser session is looking at and
caches what is expensive to build.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import streamlit as st

from readiness import charts
from readiness.answers import Answer
from readiness.catalog import CatalogEntry, discover
from readiness.errors import ReadinessError
from readiness.forms import progress
from readiness.model import Questionnaire, tr
from readiness.scoring import ScoreResult, score
from readiness.storage import ENV_URL, Assessment, NotFound, Store, default_url
from readiness.workshop_store import WorkshopStore

ROOT = Path(__file__).resolve().parent.parent
QUESTIONNAIRES = ROOT / "questionnaires"
PAGES = {
    "home": "pages/home.py",
    "assess": "pages/assess.py",
    "results": "pages/results.py",
    "share": "pages/share.py",
    "workshop": "pages/workshop.py",
    "join": "pages/join.py",
    "surge": "pages/surge.py",
}
SESSION_KEY = "assessment_id"


_ENTRY = threading.local()


@contextmanager
def app_entry() -> Iterator[None]:
    """Marks a run that went through streamlit_app.py (the script thread runs the page inside it)."""
    _ENTRY.active = True
    try:
        yield
    finally:
        _ENTRY.active = False


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


def database_url() -> str:
    """``READINESS_DATABASE_URL``, else Streamlit secrets' ``database_url``, else a SQLite file in ./data."""
    if os.environ.get(ENV_URL) or os.environ.get("DATABASE_URL"):
        return default_url()
    try:
        secret = st.secrets.get("database_url")
    except Exception:  # no secrets.toml at all: the normal case for a local run
        secret = None
    return str(secret) if secret else default_url(ROOT / "data")


@st.cache_resource(show_spinner=False)
def store() -> Store:
    return Store(database_url())


@st.cache_resource(show_spinner=False)
def workshops() -> WorkshopStore:
    return WorkshopStore(store())


@st.cache_resource(show_spinner=False)
def catalog() -> list[CatalogEntry]:
    return discover(QUESTIONNAIRES)


def questionnaires() -> dict[str, Questionnaire]:
    return {e.id: e.questionnaire for e in catalog() if e.questionnaire is not None}


@dataclass(frozen=True)
class Current:
    assessment: Assessment
    questionnaire: Questionnaire

    @property
    def lang(self) -> str:
        return self.assessment.language


def current(required: bool = True) -> Current | None:
    """The assessment this browser is on: the link's ``?a=`` first, then the session's.

    Keeps the id in the URL, so reloading the page or copying the address
    always comes back to the same assessment.
    """
    link_id = st.query_params.get("a")
    assessment_id = link_id or st.session_state.get(SESSION_KEY)
    if not assessment_id:
        if required:
            st.info("No assessment is open. Start one, resume one with its link, or open the demo.")
            st.page_link(PAGES["home"], label="Go to the start page", icon=":material/home:")
        return None
    try:
        assessment = store().get_assessment(assessment_id)
        questionnaire = store().questionnaire(assessment.questionnaire_hash)
    except NotFound:
        st.session_state.pop(SESSION_KEY, None)
        st.error("This link does not open any assessment. Check that it was copied whole.")
        st.page_link(PAGES["home"], label="Go to the start page", icon=":material/home:")
        return None
    except ReadinessError as exc:
        st.error(f"The assessment cannot be opened: {exc}")
        return None
    st.session_state[SESSION_KEY] = assessment.id
    if st.query_params.get("a") != assessment.id:
        st.query_params["a"] = assessment.id
    return Current(assessment, questionnaire)


def open_assessment(assessment_id: str, page: str) -> None:
    st.session_state[SESSION_KEY] = assessment_id
    st.switch_page(PAGES[page], query_params={"a": assessment_id})


def base_url() -> str:
    """The app's address as the browser sees it, without page path or query."""
    url = st.context.url or "http://localhost:8501"
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    for page in ("assess", "results", "home", "share", "workshop", "join", "surge"):
        if path.endswith("/" + page):
            path = path[: -len(page) - 1]
    return f"{parts.scheme}://{parts.netloc}{path}"


def resume_link(assessment_id: str) -> str:
    return f"{base_url()}/assess?a={assessment_id}"


def parse_link(text: str) -> str:
    """The assessment id in a pasted resume link, or the text itself when it is a bare id."""
    text = text.strip()
    if "a=" in text:
        text = text.split("a=", 1)[1].split("&", 1)[0]
    return text.strip().strip("/")


def answers_of(assessment: Assessment) -> dict[str, Answer]:
    return store().answers(assessment.id)


def result_for(cur: Current, profile: str | None = None, answers: dict[str, Answer] | None = None) -> ScoreResult:
    answer_set = store().answer_set(cur.assessment, answers)
    return score(cur.questionnaire, answer_set, profile or cur.assessment.profile, language=cur.lang)


@st.cache_resource(max_entries=256, show_spinner=False)
def _result_cache(_cur: Current, _profile: str, _answers: dict[str, Answer], key: tuple[Any, ...]) -> ScoreResult:
    return result_for(_cur, _profile, _answers)


def cached_result(cur: Current, profile: str, answers: dict[str, Answer]) -> ScoreResult:
    """The score, computed once per saved state: any answer change moves ``updated_at``.

    Held as a shared resource (not copied per hit): results are frozen.
    """
    a = cur.assessment
    return _result_cache(cur, profile, answers, (a.id, a.updated_at.isoformat(), profile, cur.lang))


@st.cache_data(max_entries=64, show_spinner=False)
def chart_specs(_result: ScoreResult, cache_key: tuple[Any, ...]) -> dict[str, dict[str, Any]]:
    """Vega-Lite specs of the result's charts, built once per (assessment, version, profile)."""
    return {
        "bars": charts.spec(charts.dimension_bars(_result)),
        "radial": charts.spec(charts.radial(_result)),
        "quadrant": charts.spec(charts.quadrant(_result)),
        "heatmap": charts.spec(charts.question_heatmap(_result)),
    }


def sidebar(cur: Current | None, answers: dict[str, Answer] | None = None) -> None:
    with st.sidebar:
        if cur is None:
            st.caption("No assessment open.")
            return
        a, q = cur.assessment, cur.questionnaire
        st.markdown(f"**{a.business_name or 'Unnamed business'}**")
        st.caption(f"{tr(q.title, cur.lang)} · {q.version} · {'complete' if a.status == 'complete' else 'draft'}")
        done = progress(q, answers if answers is not None else answers_of(a))
        st.progress(done.fraction, text=f"{done.answered} of {done.total} answered")
        if len(q.languages) > 1:
            lang = st.selectbox("Language", q.languages, index=q.languages.index(cur.lang), key="sidebar_lang")
            if lang != cur.lang:
                store().update_assessment(a.id, language=lang)
                st.rerun()
        else:
            st.caption(f"Language: {q.languages[0]}")
        st.caption("Resume link (keep it private: anyone with it can edit):")
        st.code(resume_link(a.id), language=None, wrap_lines=True)


def start_assessment(questionnaire: Questionnaire, name: str, profile: str, kind: str | None) -> Assessment:
    """Create an assessment; the kind of business answers the questionnaire's gate question."""
    from readiness.answers import validate_answer
    from readiness.forms import business_kind_question

    assessment = store().create_assessment(questionnaire, name, profile, business_kind=kind)
    if kind and business_kind_question(questionnaire) is not None:
        store().save_answer(assessment.id, validate_answer(questionnaire, "business_type", kind))
    return assessment


def share_link(token: str) -> str:
    return f"{base_url()}/?t={token}"


@st.cache_data(max_entries=32, show_spinner=False)
def report_html(_cur: Current, _result: ScoreResult, _answers: dict[str, Answer], cache_key: tuple[Any, ...]) -> str:
    """The HTML report of a saved state (charts drawn once, reused by the PDF)."""
    from readiness.report import build_report, chart_svgs, render_html

    answer_set = store().answer_set(_cur.assessment, _answers)
    return render_html(build_report(_cur.questionnaire, _result, answer_set), chart_svgs(_result))


def download_buttons(cur: Current, result: ScoreResult, answers: dict[str, Answer], key: str) -> None:
    """One button per report format; each file is made only when its button is pressed."""
    from readiness.report import build_report as build
    from readiness.report import file_name, render_csv, render_json, render_pdf, render_xlsx

    a = cur.assessment
    cache_key = (a.id, a.updated_at.isoformat(), result.profile, cur.lang)
    answer_set = store().answer_set(a, answers)

    def html() -> bytes:
        return report_html(cur, result, answers, cache_key).encode("utf-8")

    def pdf() -> bytes:
        return render_pdf(report_html(cur, result, answers, cache_key))

    makers = {
        "html": html,
        "pdf": pdf,
        "xlsx": lambda: render_xlsx(build(cur.questionnaire, result, answer_set)),
        "csv": lambda: render_csv(build(cur.questionnaire, result, answer_set)),
        "json": lambda: render_json(result, answer_set),
    }
    file_buttons(makers, lambda fmt_name: file_name(a.business_name, fmt_name), key)


REPORT_LABELS = {"html": "HTML report", "pdf": "PDF report", "xlsx": "Excel", "csv": "CSV", "json": "JSON"}


def file_buttons(makers: Mapping[str, Callable[[], bytes]], name_of: Callable[[str], str], key: str) -> None:
    """A row of download buttons, one per format; each file is made only when its button is pressed.

    Where PDFs cannot be made (no Pango), the PDF button is disabled and says why, rather than
    handing out a file that is not a PDF.
    """
    from readiness.report import MIME, pdf_unavailable

    columns = st.columns(len(makers))
    for column, (fmt_name, maker) in zip(columns, makers.items(), strict=True):
        problem = pdf_unavailable() if fmt_name == "pdf" else None
        column.download_button(
            REPORT_LABELS[fmt_name],
            data=b"" if problem else maker,
            file_name=name_of(fmt_name),
            mime=MIME[fmt_name],
            key=f"{key}_download_{fmt_name}",
            icon=":material/download:",
            on_click="ignore",
            width="stretch",
            disabled=problem is not None,
            help=problem,
        )


def join_link(code: str) -> str:
    return f"{base_url()}/join?j={code}"


@st.cache_data(max_entries=64, show_spinner=False)
def qr_png(text: str) -> bytes:
    """A QR code of ``text`` for the room's screen (made locally, no web service)."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()


@st.cache_data(max_entries=32, show_spinner=False)
def survival_spec(
    inputs_json: str,
    scenario_json: str,
    sizes: tuple[float, ...],
    days: tuple[int, ...],
    multiplier: float,
    length: int,
) -> dict[str, Any]:
    """The survival-map chart for one set of inputs, computed once per inputs and scenario."""
    from readiness import surge

    inputs = surge.SurgeInputs.model_validate_json(inputs_json)
    scenario = surge.Scenario.model_validate_json(scenario_json)
    survival = surge.survival_map(inputs, list(sizes), list(days), scenario=scenario)
    return charts.spec(charts.survival_heatmap(survival, multiplier, length))
