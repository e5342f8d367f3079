"""Questionnaires: upload one of your own (YAML or a workbook), see every problem at its place, then use it."""

from __future__ import annotations

import streamlit as st

from readiness import scale
from readiness.errors import ReadinessError
from readiness.loader import load_questionnaire, parse_questionnaire
from readiness.markup import md_literal
from readiness.model import tr
from readiness.upload import UploadResult, read_upload
from readiness.xlsform_export import export_workbook
from ui import faults, links, resources, shell

shell.app_shell()
shell.sidebar(None)

st.title("Questionnaires")
st.markdown(
    "Bring your own framework: upload a questionnaire written in YAML (the format is in "
    "`docs/questionnaire-format.md`) or in a spreadsheet (an XLSForm-style workbook: `survey`, `choices` and "
    "`settings` sheets plus Readiness' own, described in `docs/bring-your-framework.md`). "
    "Every problem is listed at its line, or its sheet, row and column. Once it is valid, keep it, and start "
    "assessments and workshops with it like any other questionnaire."
)


@st.cache_data(show_spinner=False, max_entries=20)
def checked(file_name: str, data: bytes) -> UploadResult:
    """Read once per file content: reruns (every click) do not parse the same upload again."""
    return read_upload(file_name, data)


@st.cache_data(show_spinner=False, max_entries=20)
def workbook_of(content: str) -> bytes:
    """A kept questionnaire as a workbook, made only when downloaded (and then once)."""
    return export_workbook(parse_questionnaire(content).questionnaire)


@st.cache_data(show_spinner=False)
def starter_workbook() -> bytes:
    return export_workbook(load_questionnaire(resources.QUESTIONNAIRES / "quick-check.yaml"))


uploaded = st.file_uploader(
    "Questionnaire file (.yaml, .yml or .xlsx)", type=["yaml", "yml", "xlsx"], key="questionnaires_file"
)
st.download_button(
    "Download a workbook to start from (the quick check)",
    data=starter_workbook(),
    file_name="quick-check.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/table:",
    key="questionnaires_starter",
)

if uploaded is not None:
    result = checked(uploaded.name, uploaded.getvalue())
    errors = [p for p in result.problems if not p.warning]
    warnings = [p for p in result.problems if p.warning]
    if not result.ok:
        st.error(
            f"**{md_literal(result.file_name)}** has {len(errors)} problem{'s' if len(errors) != 1 else ''}. "
            f"Fix {'it' if len(errors) == 1 else 'them'} in your file and upload it again.",
            icon=":material/error:",
        )
    for problem in result.problems:
        with st.container(border=True):
            badge = ":orange-badge[warning]" if problem.warning else ":red-badge[problem]"
            st.markdown(f"{badge} **{md_literal(problem.where)}**: {md_literal(problem.message)}")
            if problem.excerpt:
                st.code(problem.excerpt, language=None)
            if problem.hint:
                st.caption(md_literal(problem.hint))
    q = result.questionnaire
    if q is not None:
        st.success(
            f"**{md_literal(tr(q.title))}** ({md_literal(q.id)} {md_literal(q.version)}) is valid: "
            f"{len(q.questions)} questions in {len(q.dimensions)} dimensions, scores shown as "
            f"{scale.range_text(q.score_scale)}."
            + (f" {len(warnings)} warning(s) above do not stop it." if warnings else ""),
            icon=":material/check_circle:",
        )
        known = {u.hash for u in resources.store().uploads()}
        if q.content_hash in known:
            st.info("This questionnaire is already kept: it is offered on the start and workshop pages.")
        elif st.button("Keep this questionnaire", type="primary", key="questionnaires_keep"):
            try:
                resources.store().save_upload(q, result.content, result.file_name, result.source_format)
            except ReadinessError as exc:
                st.error(f"It was not kept. {faults.message(exc)}", icon=":material/error:")
            else:
                st.session_state["questionnaires_kept"] = tr(q.title)
                st.rerun()

if st.session_state.get("questionnaires_kept"):
    st.success(
        f"Kept **{md_literal(st.session_state['questionnaires_kept'])}**. Start an assessment or a workshop with it.",
        icon=":material/check_circle:",
    )
    left, right = st.columns(2)
    left.page_link(links.PAGES["home"], label="Start an assessment", icon=":material/play_arrow:")
    right.page_link(links.PAGES["workshop"], label="Run a workshop", icon=":material/groups:")

st.header("Uploaded questionnaires")
uploads = resources.store().uploads()
if not uploads:
    st.caption("None yet. The shipped questionnaires are always offered.")
for upload in uploads:
    with st.container(border=True):
        st.markdown(
            f"**{md_literal(upload.title)}** · {md_literal(upload.questionnaire_id)} {md_literal(upload.version)} · "
            f"from {md_literal(upload.file_name)} · {upload.created_at:%Y-%m-%d %H:%M} UTC · "
            f"hash `{upload.hash[:12]}`"
        )
        left, right = st.columns(2)
        left.download_button(
            "Download its YAML",
            data=upload.content.encode("utf-8"),
            file_name=f"{upload.questionnaire_id}.yaml",
            mime="application/yaml",
            key=f"questionnaires_yaml_{upload.hash[:16]}",
        )
        right.download_button(
            "Download it as a workbook",
            data=lambda content=upload.content: workbook_of(content),
            file_name=f"{upload.questionnaire_id}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"questionnaires_xlsx_{upload.hash[:16]}",
        )
