"""Score reports: one report model, rendered to HTML, PDF, CSV, Excel and JSON.

The model (:class:`Report`) holds every word and number a reader sees, built
from a :class:`~readiness.scoring.ScoreResult` and the answers; the renderers
only lay it out. So the HTML, the PDF made from that HTML, the data exports
and the share view can never disagree with each other or with
``readiness score``.

Everything a user typed (business name, notes, evidence links) is treated as
untrusted: escaped in HTML (Jinja2 autoescape), links only for http(s) URLs,
spreadsheet cells that could start a formula neutralised, and nothing in a
report ever loads a script, style or font from the internet.

The model lives in :mod:`readiness.report_model`, the renderers in :mod:`readiness.report_html`
(HTML and PDF), :mod:`readiness.report_tables` (CSV and Excel) and :mod:`readiness.report_markdown`;
this module is the one entry point (:func:`render`) and keeps every name callers import from it.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from readiness.answers import AnswerSet
from readiness.errors import ReportError
from readiness.markup import name_slug
from readiness.model import Questionnaire
from readiness.report_html import (
    SUMMARY_LENGTHS,
    TEMPLATES,
    Paper,
    chart_svgs,
    embeddable,
    environment,
    fit_pdf,
    linkify,
    pdf_unavailable,
    render_full_pdf,
    render_html,
    render_pdf,
    render_summary_pdf,
    safe_url,
    static_svg,
)
from readiness.report_markdown import render_markdown
from readiness.report_model import (
    HORIZONS,
    UNNAMED,
    Action,
    AnswerRow,
    DimensionRow,
    FindingItem,
    Report,
    as_dict,
    build_report,
)
from readiness.report_tables import (
    REPORT_TABLES,
    SIGNED_FORMAT,
    Signed,
    csv_table,
    csv_zip,
    neutralise,
    pick_table,
    render_csv,
    render_xlsx,
    table_slug,
    tables,
    tables_xlsx,
)
from readiness.results import ScoreResult

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "HORIZONS",
    "MIME",
    "REPORT_TABLES",
    "SIGNED_FORMAT",
    "SUMMARY_LENGTHS",
    "TEMPLATES",
    "UNNAMED",
    "Action",
    "AnswerRow",
    "DimensionRow",
    "FindingItem",
    "Paper",
    "Report",
    "ReportError",
    "Signed",
    "as_dict",
    "build_report",
    "chart_svgs",
    "csv_table",
    "csv_zip",
    "embeddable",
    "environment",
    "file_name",
    "fit_pdf",
    "linkify",
    "neutralise",
    "pdf_unavailable",
    "pick_table",
    "render",
    "render_csv",
    "render_full_pdf",
    "render_html",
    "render_json",
    "render_markdown",
    "render_pdf",
    "render_summary_pdf",
    "render_xlsx",
    "safe_url",
    "static_svg",
    "table_slug",
    "tables",
    "tables_xlsx",
]

FORMATS = ("html", "pdf", "csv", "xlsx", "json")
MIME = {
    "html": "text/html",
    "pdf": "application/pdf",
    "pdf_full": "application/pdf",
    "csv": "application/zip",  # one CSV file per table, zipped (see `render_csv`)
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def render_json(result: ScoreResult, answers: AnswerSet) -> bytes:
    """The full result with the questionnaire's id, version and hash, and the answers themselves."""
    data = result.to_dict()
    data["questionnaire"] = {
        "id": result.questionnaire_id,
        "version": result.questionnaire_version,
        "hash": result.questionnaire_hash,
    }
    data["answers"] = answers.to_plain()["answers"]
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def render(
    fmt_name: str,
    questionnaire: Questionnaire,
    result: ScoreResult,
    answers: AnswerSet,
    *,
    paper: Paper = "A4",
    generated: datetime | None = None,
    full: bool = False,
    table: str | None = None,
) -> bytes:
    """The report in one of :data:`FORMATS`, as bytes ready to save or download.

    ``full`` makes the PDF the whole report (the HTML always is); ``table`` makes the CSV that
    one table instead of the zip of all of them."""
    if fmt_name not in FORMATS:
        raise ReportError(f"unknown report format {fmt_name!r}; choose one of: {', '.join(FORMATS)}")
    if table is not None and fmt_name != "csv":
        raise ReportError(f"a single table is a CSV file: use --format csv with --table (not {fmt_name})")
    if fmt_name == "json":
        return render_json(result, answers)
    report = build_report(questionnaire, result, answers, generated)
    if fmt_name == "csv":
        return render_csv(report, table)
    if fmt_name == "xlsx":
        return render_xlsx(report)
    if fmt_name == "html":
        return render_html(report, chart_svgs(result), paper).encode("utf-8")
    if full:
        return render_full_pdf(report, chart_svgs(result, narrow=False), paper)
    # The summary draws no chart: skipping them saves most of the time a PDF takes.
    return render_summary_pdf(report, paper)


#: File endings where the format's name is not the file's: the CSV tables travel as one zip.
EXTENSIONS = {"csv": "csv.zip", "pdf_full": "pdf"}


def file_name(business: str | None, fmt_name: str, when: datetime | None = None) -> str:
    """A download name such as ``readiness-frost-co-2026-11-22.pdf`` (``...-full.pdf`` for the
    full PDF, ``....csv.zip`` for the zip of CSV tables)."""
    slug = name_slug(business, "assessment")
    kind = "-full" if fmt_name.endswith("_full") else ""
    day = (when or datetime.now(UTC)).date().isoformat()
    return f"readiness-{slug}-{day}{kind}.{EXTENSIONS.get(fmt_name, fmt_name)}"
