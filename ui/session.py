"""Which assessment this browser session is on, and opening or starting one.

The assessment id lives in the URL (``?a=``) as well as the session, so a
reload or a copied address always comes back to the same assessment.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from readiness.answers import Answer
from readiness.errors import ReadinessError
from readiness.model import Questionnaire
from readiness.storage import Assessment, NotFound
from ui import faults
from ui.links import PAGES
from ui.resources import store

#: The secret of the open assessment's link (never its id: the id opens nothing from outside).
SESSION_KEY = "assessment_key"


@dataclass(frozen=True)
class Current:
    assessment: Assessment
    questionnaire: Questionnaire
    #: The secret of this assessment's resume link, as the browser holds it: links are made with it.
    key: str

    @property
    def lang(self) -> str:
        return self.assessment.language


def current(required: bool = True) -> Current | None:
    """The assessment this browser is on: the link's ``?a=`` first, then the session's.

    ``?a=`` carries the resume link's secret (only its hash is stored). It stays
    in the URL, so reloading the page or copying the address always comes back
    to the same assessment.
    """
    facilitator = st.query_params.get("w")
    if facilitator and not st.query_params.get("a"):
        return _agreed_answers(facilitator)
    key = st.query_params.get("a") or st.session_state.get(SESSION_KEY)
    if not key:
        if required:
            st.info("No assessment is open. Start one, resume one with its link, or open the demo.")
            st.page_link(PAGES["home"], label="Go to the start page", icon=":material/home:")
        return None
    try:
        assessment = store().open_assessment(key)
        questionnaire = store().questionnaire(assessment.questionnaire_hash)
    except NotFound:
        st.session_state.pop(SESSION_KEY, None)
        st.error("This link does not open any assessment. Check that it was copied whole.")
        st.page_link(PAGES["home"], label="Go to the start page", icon=":material/home:")
        return None
    except ReadinessError as exc:
        st.error(f"The assessment cannot be opened. {faults.message(exc)}", icon=":material/error:")
        return None
    st.session_state[SESSION_KEY] = key
    if st.query_params.get("a") != key:
        st.query_params["a"] = key
    return Current(assessment, questionnaire, key)


def _agreed_answers(facilitator_key: str) -> Current | None:
    """A workshop's agreed answers, opened by the facilitator's key (``?w=``): nothing else opens them for sure."""
    from ui.resources import workshops

    try:
        workshop = workshops().by_key(facilitator_key)
        assessment = store().get_assessment(workshop.consensus_assessment_id)
        questionnaire = store().questionnaire(assessment.questionnaire_hash)
    except NotFound:
        st.error("This facilitator link does not open any workshop. Check that it was copied whole.")
        return None
    except ReadinessError as exc:
        st.error(f"The agreed answers cannot be opened. {faults.message(exc)}", icon=":material/error:")
        return None
    return Current(assessment, questionnaire, workshops().consensus_link_key(facilitator_key, workshop))


def open_assessment(key: str, page: str) -> None:
    """Go to ``page`` of the assessment whose link secret is ``key``."""
    st.session_state[SESSION_KEY] = key
    st.switch_page(PAGES[page], query_params={"a": key})


def answers_of(assessment: Assessment) -> dict[str, Answer]:
    return store().answers(assessment.id)


def start_assessment(
    questionnaire: Questionnaire, name: str, profile: str, kind: str | None, currency: str | None = None
) -> Assessment:
    """Create an assessment; the kind of business answers the questionnaire's gate question."""
    from readiness.answers import validate_answer
    from readiness.forms import business_kind_question

    assessment = store().create_assessment(questionnaire, name, profile, business_kind=kind, currency=currency)
    if kind and business_kind_question(questionnaire) is not None:
        store().save_answer(assessment.id, validate_answer(questionnaire, "business_type", kind))
    return assessment
