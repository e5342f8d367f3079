"""Report downloads: one button per format, each file made only when its button is pressed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from readiness.answers import Answer
from readiness.scoring import ScoreResult
from ui.resources import store
from ui.session import Current

#: One button each. The PDF comes in two lengths: the two-page summary a reader reads, and the
#: whole report (the summary, then every detail as an appendix). CSV is one file per table, zipped.
REPORT_LABELS = {
    "html": "HTML report",
    "pdf": "PDF summary (2 pages)",
    "pdf_full": "PDF full report",
    "xlsx": "Excel",
    "csv": "CSV tables (zip)",
    "json": "JSON",
}
#: What each file is, on hovering its button (the same for an assessment and a workshop).
REPORT_HELP = {
    "html": "One self-contained page: the summary, then every detail. Opens offline and prints cleanly.",
    "pdf": "Two pages: the summary a reader needs first, with the first fixes and the first 30 days.",
    "pdf_full": "The two-page summary, then every detail as an appendix: findings, plan, answers, charts.",
    "xlsx": "One sheet per table; the figures are numbers you can sum.",
    "csv": "One CSV file per table, in a zip.",
    "json": "Everything, as data, with the questionnaire's id, version and content hash.",
}


@st.cache_data(max_entries=32, show_spinner=False)
def report_charts(_result: ScoreResult, cache_key: tuple[Any, ...]) -> dict[str, str]:
    """The report's charts of a saved state, drawn once for the HTML report and the full PDF."""
    from readiness.report import chart_svgs

    return chart_svgs(_result)


@st.cache_data(max_entries=32, show_spinner=False)
def report_html(_cur: Current, _result: ScoreResult, _answers: dict[str, Answer], cache_key: tuple[Any, ...]) -> str:
    """The HTML report of a saved state."""
    from readiness.report import build_report, render_html

    answer_set = store().answer_set(_cur.assessment, _answers)
    return render_html(build_report(_cur.questionnaire, _result, answer_set), report_charts(_result, cache_key))


def download_buttons(
    cur: Current,
    result: ScoreResult,
    answers: dict[str, Answer],
    key: str,
    guard: Callable[[], object] | None = None,
) -> None:
    """One button per report format; each file is made only when its button is pressed.

    ``guard`` runs first at every press and raises to refuse the file: a share
    link is checked again then, so a tab opened before the link was revoked
    gets nothing.
    """
    from readiness.report import build_report as build
    from readiness.report import (
        file_name,
        render_csv,
        render_full_pdf,
        render_json,
        render_summary_pdf,
        render_xlsx,
    )

    a = cur.assessment
    cache_key = (a.id, a.updated_at.isoformat(), result.profile, cur.lang)
    answer_set = store().answer_set(a, answers)

    def html() -> bytes:
        return report_html(cur, result, answers, cache_key).encode("utf-8")

    def pdf() -> bytes:  # the summary draws no chart: quick to make
        return render_summary_pdf(build(cur.questionnaire, result, answer_set))

    def pdf_full() -> bytes:  # the summary laid out as the two-page PDF's, then the appendix
        return render_full_pdf(build(cur.questionnaire, result, answer_set), report_charts(result, cache_key))

    makers = {
        "html": html,
        "pdf": pdf,
        "pdf_full": pdf_full,
        "xlsx": lambda: render_xlsx(build(cur.questionnaire, result, answer_set)),
        "csv": lambda: render_csv(build(cur.questionnaire, result, answer_set)),
        "json": lambda: render_json(result, answer_set),
    }
    if guard is not None:
        makers = {name: _guarded(guard, maker) for name, maker in makers.items()}
    file_buttons(makers, lambda fmt_name: file_name(a.business_name, fmt_name), key)


def _guarded(guard: Callable[[], object], maker: Callable[[], bytes]) -> Callable[[], bytes]:
    def make() -> bytes:
        guard()
        return maker()

    return make


def file_buttons(makers: Mapping[str, Callable[[], bytes]], name_of: Callable[[str], str], key: str) -> None:
    """A row of download buttons, one per format; each file is made only when its button is pressed.

    Where PDFs cannot be made (no Pango), the PDF button is disabled and says why, rather than
    handing out a file that is not a PDF.
    """
    from readiness.report import MIME, pdf_unavailable

    # Rows of three: six buttons in one row cut their labels ("PDF sum…") on a laptop screen.
    items = list(makers.items())
    columns = [column for start in range(0, len(items), 3) for column in st.columns(3)][: len(items)]
    for column, (fmt_name, maker) in zip(columns, items, strict=True):
        problem = pdf_unavailable() if fmt_name.startswith("pdf") else None
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
            help=problem or REPORT_HELP.get(fmt_name),
        )
