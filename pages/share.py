"""Share view: a read-only report opened by a share link. No editing, no other assessment."""

from __future__ import annotations

import streamlit as st

from readiness.errors import ReadinessError
from readiness.report import embeddable
from readiness.storage import ShareError
from ui import downloads, faults, resources, scores, session, shell

shell.app_shell()

token = st.query_params.get("t", "")
try:
    assessment = resources.store().open_share(token)
except ShareError as exc:
    st.title("Readiness report")
    st.error(str(exc), icon=":material/link_off:")
    st.stop()
except ReadinessError as exc:
    st.title("Readiness report")
    st.error(faults.message(exc), icon=":material/error:")
    st.stop()


def still_open() -> None:
    """Raises ShareError once the link is revoked or expired: checked at every download."""
    resources.store().open_share(token)


@st.fragment(run_every=10)
def watch_link() -> None:
    """An open tab learns within seconds that its link was revoked, instead of showing the report on."""
    try:
        still_open()
    except ShareError:
        st.rerun()


questionnaire = resources.store().questionnaire(assessment.questionnaire_hash)
cur = session.Current(assessment, questionnaire, key="")  # read-only: no link to the assessment is made here
answers = session.answers_of(assessment)
result = scores.cached_result(cur, assessment.profile, answers)
watch_link()
st.caption("A read-only report shared with you. Download it in the format you need:")
downloads.download_buttons(cur, result, answers, "share", guard=still_open)
key = (assessment.id, assessment.updated_at.isoformat(), result.profile, cur.lang)
st.html(embeddable(downloads.report_html(cur, result, answers, key)))
