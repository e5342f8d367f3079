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
"""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from readiness.answers import Answer, AnswerSet
from readiness.errors import ReadinessError
from readiness.model import NumberQuestion, Questionnaire, tr
from readiness.scoring import QUADRANTS, Finding, ScoreResult
from readiness.summary import cap_texts, fmt, overrun_text, placement_text, score_range, weakest_text

FORMATS = ("html", "pdf", "csv", "xlsx", "json")
MIME = {
    "html": "text/html",
    "pdf": "application/pdf",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
Paper = Literal["A4", "Letter"]
TEMPLATES = Path(__file__).resolve().parent / "templates"
HORIZONS = (30, 60, 90)


class ReportError(ReadinessError):
    """A report cannot be produced (e.g. the PDF engine's system library is missing)."""


# --- the model ----------------------------------------------------------------------


@dataclass(frozen=True)
class DimensionRow:
    title: str
    side: str
    score: str
    level: str
    target: str
    gap: str
    answered: str
    behind: bool
    #: "40–75" while unanswered questions leave a range; "–" when the score is exact.
    range: str = "–"


@dataclass(frozen=True)
class FindingItem:
    rank: int
    question: str
    dimension: str
    critical: bool
    dont_know: bool
    now: str
    next: str
    points: str
    advice: tuple[tuple[str, str, str, int], ...]  # text, effort, impact, horizon


@dataclass(frozen=True)
class Action:
    text: str
    dimension: str
    question: str
    effort: str
    impact: str


@dataclass(frozen=True)
class AnswerRow:
    dimension: str
    question_id: str
    question: str
    answer: str
    level: str
    note: str


@dataclass(frozen=True)
class Report:
    title: str
    business: str
    date: str
    questionnaire: str
    questionnaire_id: str
    questionnaire_version: str
    questionnaire_hash: str
    profile: str
    profile_description: str
    operations: str
    demand: str
    balance_index: str
    quadrant: str
    quadrant_meaning: str
    quadrant_id: str | None
    completion: str
    summary: tuple[str, ...]
    urgent: tuple[FindingItem, ...]
    dimensions: tuple[DimensionRow, ...]
    findings: tuple[FindingItem, ...]
    actions: dict[int, tuple[Action, ...]]
    answers: tuple[AnswerRow, ...]
    method: tuple[str, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)
    #: The weakest link beside the average, failing critical questions and their caps, and how firm the
    #: verdict is (or why there is none): docs/scoring.md, sections 2 and 3.
    weakest: str = ""
    caps: tuple[str, ...] = ()
    placement: str = ""
    backlog: tuple[Action, ...] = ()


def _signed(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{'+' if value > 0 else ''}{value:.0f}"


def _finding_item(result: ScoreResult, finding: Finding, rank: int) -> FindingItem:
    dimension = next((d.title for d in result.dimensions if d.id == finding.dimension), finding.dimension)
    return FindingItem(
        rank=rank,
        question=finding.title or finding.text,
        dimension=dimension,
        critical=finding.critical,
        dont_know=finding.kind == "dont_know",
        now="Don't know" if finding.kind == "dont_know" else (finding.current or "–"),
        next=finding.next or "",
        points=f"+{finding.points:.0f}",
        advice=tuple((a.text, a.effort, a.impact, a.horizon) for a in finding.recommendations),
    )


def _answer_text(questionnaire: Questionnaire, status: str, label: str | None, answer: Answer | None) -> str:
    if status == "hidden":
        return "Not asked (does not apply)"
    if status == "unanswered" or answer is None:
        return "Unanswered"
    if status == "not_scored":
        return str(answer.value or "")
    question = questionnaire.question(answer.question_id)
    if isinstance(question, NumberQuestion) and answer.kind == "value" and answer.value is not None:
        # the owner's own figure first, then the band it falls in: "14 (Up to 50)", never the band alone
        unit = tr(question.unit, questionnaire.default_language)
        figure = f"{answer.value:g}" + ("" if not unit else unit if unit == "%" else f" {unit}")
        return f"{figure} ({label})" if label else figure
    return label or "–"


def build_report(
    questionnaire: Questionnaire,
    result: ScoreResult,
    answers: AnswerSet,
    generated: datetime | None = None,
) -> Report:
    """Everything the report says, in words and formatted numbers."""
    lang = result.language
    when = (generated or datetime.now(UTC)).date().isoformat()
    business = answers.business or result.business or "This business"
    b = result.balance
    profile = questionnaire.profile(result.profile)

    dims = tuple(
        DimensionRow(
            title=d.title,
            side="Demand" if d.side == "demand" else "Operations",
            score=fmt(d.score),
            level=(d.level_name or "–") + (" (capped by a critical answer)" if d.capped_by else ""),
            target=fmt(d.target),
            gap=_signed(d.gap),
            answered=f"{d.given} of {d.total}",
            behind=(d.gap or 0) > 0,
            range=score_range(d),
        )
        for d in result.dimensions
    )
    findings = tuple(_finding_item(result, f, i) for i, f in enumerate(result.findings, start=1))
    urgent = findings[:3]

    summary = []
    if result.overall is None:
        summary.append(f"{business} has not answered enough questions yet to score its operations readiness.")
    else:
        summary.append(
            f"{business} scores {fmt(result.overall)} out of 100 on operations readiness, "
            f"measured against the targets for “{tr(profile.title, lang)}”."
        )
    weakest = weakest_text(result)
    if weakest:
        summary.append(weakest)
    overrun = overrun_text(result)
    if overrun:
        summary.append(overrun)
    if b.quadrant == "not_placed":
        summary.append(b.message or "Not enough answers to place the business.")
    elif b.label:
        direction = "ahead of" if (b.index or 0) > 0 else "behind"
        summary.append(
            f"Demand pressure is {abs(b.index or 0):.0f} points {direction} the weakest link, which puts the "
            f"business in the zone “{b.label}”."
        )
    summary.extend(cap_texts(result))
    behind = [d for d in result.dimensions if d.gap is not None and d.gap > 0]
    if behind:
        worst = max(behind, key=lambda d: d.gap or 0)
        summary.append(f"Furthest behind its target: {worst.title} ({fmt(worst.score)} against {fmt(worst.target)}).")
    elif result.overall is not None:
        summary.append("Every scored dimension meets its target.")
    if urgent:
        summary.append("The three most urgent fixes are listed below; the action plan orders all of them.")
    if result.completion < 1:
        summary.append(
            f"The assessment is {result.completion:.0%} complete ({result.completion_text}): "
            "unanswered questions count as their worst answer, and each score shows its range."
        )

    # The plan is the engine's: at most a few actions per 30 days, in order, dependencies first.
    actions: dict[int, list[Action]] = {h: [] for h in HORIZONS}
    for days, planned in result.plan.periods:
        actions[days] = [Action(a.text, a.dimension_title, a.finding, a.effort, a.impact) for a in planned]
    backlog = tuple(Action(a.text, a.dimension_title, a.finding, a.effort, a.impact) for a in result.plan.backlog)

    rows = []
    for qs in result.questions:
        answer = answers.answers.get(qs.id)
        rows.append(
            AnswerRow(
                dimension=next((d.title for d in result.dimensions if d.id == qs.dimension), qs.dimension),
                question_id=qs.id,
                question=qs.text,
                answer=_answer_text(questionnaire, qs.status, qs.label, answer),
                level="" if qs.score is None or not qs.counted else f"{100 * qs.score:.0f}",
                note=(answer.note or "") if answer else "",
            )
        )

    policy = result.policy
    levels = ", ".join(f"{tr(lv.name, lang)} from {lv.min:g}" for lv in questionnaire.levels)
    method = (
        "Each answer earns a share of its question's points: the worst answer none, the best all of them.",
        "A dimension's score (0–100) is the weighted average of its questions, unanswered ones counted as "
        f"their worst answer (the range shows their best); its level is named by the ladder {levels}. "
        "A critical question caps its dimension's score at the start of the level above its own answer.",
        "Operations readiness is the weighted average of the operations dimensions; demand pressure measures "
        "how much demand is coming and how fast it can jump. The balance index is demand pressure minus the "
        "weakest operations dimension (the weakest link).",
        f"Balance zones: pressure {questionnaire.balance.gap:g} points or more ahead of the weakest link is the "
        "danger zone, or 'demand ahead, under control' when demand management is strong; operations that "
        f"far ahead of a quiet demand (below {questionnaire.balance.quiet:g}) is idle capacity; otherwise a "
        f"weakest link of {questionnaire.balance.high:g} or "
        "more with no failing critical question is 'scale-ready'. No verdict while a dimension has fewer than "
        f"{questionnaire.balance.coverage:.0%} of its questions really answered.",
        f"“Don't know” counted as {'the worst answer' if policy['dont_know'] == 'lowest' else 'unanswered'}; "
        f"“not applicable” {'left out' if policy['not_applicable'] == 'exclude' else 'counted as the worst answer'}; "
        "not-asked questions left out.",
        "Findings rank by business impact: failing critical questions first, then what is missing, weighted "
        "by how far demand pressure exceeds each dimension and by the kind of pressure a fix guards against. "
        "The full method: docs/scoring.md.",
        f"Questionnaire {questionnaire.id} version {questionnaire.version}, content hash "
        f"{questionnaire.content_hash[:16]}.",
    )
    return Report(
        title=f"Readiness report: {business}",
        business=business,
        date=when,
        questionnaire=tr(questionnaire.title, lang),
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        questionnaire_hash=questionnaire.content_hash,
        profile=tr(profile.title, lang),
        profile_description=tr(profile.description, lang),
        operations=fmt(result.overall),
        demand=fmt(b.demand),
        balance_index=_signed(b.index),
        quadrant=b.label or "Not enough answers to place the business",
        quadrant_meaning=b.meaning or "",
        quadrant_id=b.quadrant,
        completion=f"{result.completion_text} ({result.completion:.0%})",
        summary=tuple(summary),
        urgent=urgent,
        dimensions=dims,
        findings=findings,
        actions={h: tuple(v) for h, v in actions.items()},
        answers=tuple(rows),
        method=method,
        warnings=tuple(w.message for w in result.warnings),
        weakest=weakest or "",
        caps=tuple(cap_texts(result)),
        placement=placement_text(result) or "",
        backlog=backlog,
    )


# --- HTML -----------------------------------------------------------------------------

_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)


def safe_url(url: str) -> str | None:
    """The URL if it is a plain http(s) link to a host, else None (javascript:, data:, ...)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def linkify(text: str) -> str:
    """Escape ``text``; turn http(s) URLs in it into links that open nothing else."""
    out, last = [], 0
    for match in _URL.finditer(text):
        out.append(html.escape(text[last : match.start()]))
        url = match.group(0).rstrip(".,);")
        tail = match.group(0)[len(url) :]
        if safe_url(url):
            link = html.escape(url, quote=True)
            out.append(f'<a href="{link}" rel="noopener noreferrer nofollow">{html.escape(url)}</a>')
        else:
            out.append(html.escape(url))
        out.append(html.escape(tail))
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


@lru_cache(maxsize=1)
def environment() -> Any:
    """The Jinja2 environment of every report template: autoescaping on, links only via ``linkify``."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["linkify"] = lambda text: Markup(linkify(text or ""))
    return env


#: Elements that run, load or embed something; in a chart they can only be an attack.
_ACTIVE_ELEMENTS = frozenset({"script", "foreignobject", "iframe", "object", "embed", "use", "image", "animate", "set"})


def _active_svg(svg: str) -> str | None:
    """What in ``svg`` could run or load something (None: nothing).

    The check reads the SVG as XML rather than searching its text: a role named
    ``javascript: what we sell`` is text in a label, harmless, and must not stop the
    report (it did, silently), while an ``onload`` attribute or a ``<script>`` is refused.
    """
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        return f"the SVG cannot be read ({exc})"
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1].lower()
        if name in _ACTIVE_ELEMENTS:
            return f"a <{name}> element"
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                return f"an {local} attribute"
            if local == "href" and not value.startswith("#"):
                return "a link"
            if "url(" in value.replace(" ", "").lower() and "url(#" not in value.replace(" ", "").lower():
                return "a url() reference"
    return None


def chart_svgs(result: ScoreResult) -> dict[str, str]:
    """The report's charts as static SVG (drawn by vl-convert, no script, no web font)."""
    from readiness import charts

    specs = {
        "bars": charts.spec(charts.dimension_bars(result)),
        "radial": charts.spec(charts.radial(result)),
        "quadrant": charts.spec(charts.quadrant(result)),
        "heatmap": charts.spec(charts.question_heatmap(result)),
    }
    return {name: static_svg(name, spec, width=620 if name != "radial" else None) for name, spec in specs.items()}


def static_svg(name: str, chart_spec: dict[str, Any], width: int | None = 620) -> str:
    """One chart as SVG for a report file; refuses (rather than embeds) anything active."""
    import vl_convert as vlc

    from readiness import charts

    svg = vlc.vegalite_to_svg(charts.static(chart_spec, width=width))
    active = _active_svg(svg)
    if active:  # defence in depth: an SVG with active content is never inlined
        raise ReportError(f"chart {name} produced active SVG content ({active}); refusing to embed it")
    return svg


def render_html(report: Report, svgs: dict[str, str] | None = None, paper: Paper = "A4") -> str:
    """One self-contained HTML file: inline CSS and SVG, nothing loaded from anywhere."""
    from markupsafe import Markup

    template = environment().get_template("report.html.j2")
    return template.render(
        r=report,
        charts={k: Markup(v) for k, v in (svgs or {}).items()},
        paper=paper,
        quadrants=QUADRANTS,
    )


def embeddable(report_html: str) -> str:
    """The report's style and body without the document shell, to show inside a page.

    All report CSS is scoped under ``.rr``, so embedding it restyles nothing else.
    """
    style = report_html[report_html.index("<style>") : report_html.index("</style>") + len("</style>")]
    body = report_html[report_html.index('<div class="rr">') : report_html.rindex("</body>")]
    # Inside the app, what a person typed is text on every page: the evidence links a report file
    # makes clickable (``linkify``) stay visible as their address, but open nothing.
    body = _LINK.sub(r"<span>\1</span>", body)
    # Hosts sanitise inline <svg> away; as images the same charts survive (and still run nothing).
    return style + _SVG_ELEMENT.sub(_svg_as_image, body)


_SVG_ELEMENT = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
_LINK = re.compile(r'<a href="[^"]*" rel="noopener noreferrer nofollow">(.*?)</a>', re.DOTALL)


def _svg_as_image(match: re.Match[str]) -> str:
    encoded = base64.b64encode(match.group(0).encode("utf-8")).decode("ascii")
    return f'<img alt="chart" style="max-width:100%" src="data:image/svg+xml;base64,{encoded}">'


@lru_cache(maxsize=1)
def pdf_unavailable() -> str | None:
    """Why PDFs cannot be made on this machine (None when they can), so a page can say so up
    front instead of handing out a broken file."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:  # OSError: the Pango system library is missing
        return (
            "PDF export needs WeasyPrint and the Pango library. Install Pango "
            "(Debian/Ubuntu: `apt-get install libpango-1.0-0 libpangoft2-1.0-0`; macOS: `brew install pango`), "
            f"or download the HTML report and print it to PDF from a browser. ({exc})"
        )
    return None


def render_pdf(report_html: str) -> bytes:
    """The PDF of the same HTML (WeasyPrint): selectable text, vector charts."""
    problem = pdf_unavailable()
    if problem:
        raise ReportError(problem)
    import weasyprint

    def no_network(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
        raise ValueError(f"reports load nothing from outside ({url})")

    return weasyprint.HTML(string=report_html, url_fetcher=no_network).write_pdf()


# --- data exports ---------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")
#: A separator a spreadsheet may split on (`;` where the decimal mark is a comma, tab in a
#: TSV) followed by a formula character: opened that way, `a;=1+1` is two cells, `a` and `=1+1`.
_EMBEDDED_FORMULA = re.compile(r"([;\t][ ]*)(?=[=+\-@])")


def neutralise(value: Any) -> Any:
    """Make a text cell inert in spreadsheets: a leading =, +, -, @, tab, CR or NUL (after any
    spaces, which some spreadsheets drop) gets a quote."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_cell(value: Any) -> Any:
    """A CSV cell that stays inert whichever separator the spreadsheet splits on."""
    value = neutralise(value)
    return _EMBEDDED_FORMULA.sub(r"\1'", value) if isinstance(value, str) else value


def tables(report: Report) -> dict[str, list[dict[str, Any]]]:
    """The report's data as plain tables (one per sheet; CSV stacks them)."""
    return {
        "Summary": [
            {"Item": "Business", "Value": report.business},
            {"Item": "Date", "Value": report.date},
            {"Item": "Questionnaire", "Value": f"{report.questionnaire_id} {report.questionnaire_version}"},
            {"Item": "Questionnaire hash", "Value": report.questionnaire_hash},
            {"Item": "Target profile", "Value": report.profile},
            {"Item": "Operations readiness", "Value": report.operations},
            {"Item": "Demand pressure", "Value": report.demand},
            {"Item": "Balance index", "Value": report.balance_index},
            {"Item": "Zone", "Value": report.quadrant},
            {"Item": "Completion", "Value": report.completion},
        ],
        "Scores": [
            {
                "Dimension": d.title,
                "Side": d.side,
                "Score": d.score,
                "Level": d.level,
                "Target": d.target,
                "Gap": d.gap,
                "Answered": d.answered,
            }
            for d in report.dimensions
        ],
        "Findings": [
            {
                "Rank": f.rank,
                "Question": f.question,
                "Dimension": f.dimension,
                "Critical": "yes" if f.critical else "",
                "Now": f.now,
                "Next": f.next,
                "Points": f.points,
                "Advice": " | ".join(text for text, *_ in f.advice),
            }
            for f in report.findings
        ],
        "Actions": [
            {
                "Days": horizon,
                "Action": a.text,
                "Dimension": a.dimension,
                "Question": a.question,
                "Effort": a.effort,
                "Impact": a.impact,
            }
            for horizon, items in report.actions.items()
            for a in items
        ],
        "Answers": [
            {
                "Dimension": a.dimension,
                "Question id": a.question_id,
                "Question": a.question,
                "Answer": a.answer,
                "Level (0-100)": a.level,
                "Note": a.note,
            }
            for a in report.answers
        ],
    }


def render_csv(report: Report) -> bytes:
    """One CSV: each table under a `section` column, so one file opens in any spreadsheet."""
    return tables_csv(tables(report))


def render_xlsx(report: Report) -> bytes:
    """An Excel workbook, one sheet per table, text cells that can never run as formulas."""
    return tables_xlsx(tables(report))


def tables_csv(named: dict[str, list[dict[str, Any]]]) -> bytes:
    """Tables stacked in one CSV under a `section` column, every text cell neutralised."""
    out = io.StringIO()
    # Every text cell in quotes (RFC 4180 and OWASP's advice), so a comma, semicolon or line
    # break in a note never moves the cells after it; numbers stay bare, so they stay numbers.
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
    for name, rows in named.items():
        if not rows:
            continue
        columns = list(rows[0])
        writer.writerow(["section", *columns])
        for row in rows:
            writer.writerow([name, *(_csv_cell(row[c]) for c in columns)])
        writer.writerow([])
    return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def _xlsx_safe(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def tables_xlsx(named: dict[str, list[dict[str, Any]]]) -> bytes:
    """One sheet per table (sheet names cut to Excel's 31 characters), text stored as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in named.items():
        sheet = workbook.create_sheet(name[:31])
        if not rows:
            continue
        columns = list(rows[0])
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for number, row in enumerate(rows, start=2):
            # Control characters (pasted from word processors) are not allowed in Excel cells.
            for index, column in enumerate(columns, start=1):
                cell = sheet.cell(row=number, column=index, value=_xlsx_safe(neutralise(row[column])))
                if isinstance(cell.value, str):
                    # Stored as text, never as a formula. (Reaching the row through
                    # `sheet[sheet.max_row]` scanned every cell written so far: an
                    # 18,000-question report took minutes.)
                    cell.data_type = "s"
        for index, column in enumerate(columns, start=1):
            width = max(len(str(column)), *(len(str(r[column])) for r in rows))
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(60, max(10, width + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


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


# --- one entry point ----------------------------------------------------------------------


def render(
    fmt_name: str,
    questionnaire: Questionnaire,
    result: ScoreResult,
    answers: AnswerSet,
    *,
    paper: Paper = "A4",
    generated: datetime | None = None,
) -> bytes:
    """The report in one of :data:`FORMATS`, as bytes ready to save or download."""
    if fmt_name not in FORMATS:
        raise ReportError(f"unknown report format {fmt_name!r}; choose one of: {', '.join(FORMATS)}")
    if fmt_name == "json":
        return render_json(result, answers)
    report = build_report(questionnaire, result, answers, generated)
    if fmt_name == "csv":
        return render_csv(report)
    if fmt_name == "xlsx":
        return render_xlsx(report)
    page = render_html(report, chart_svgs(result), paper)
    if fmt_name == "html":
        return page.encode("utf-8")
    return render_pdf(page)


def file_name(business: str | None, fmt_name: str, when: datetime | None = None) -> str:
    """A download name such as ``readiness-frost-co-2026-11-22.pdf``."""
    slug = re.sub(r"[^a-z0-9]+", "-", (business or "assessment").lower()).strip("-")[:40] or "assessment"
    return f"readiness-{slug}-{(when or datetime.now(UTC)).date().isoformat()}.{fmt_name}"


def as_dict(report: Report) -> dict[str, Any]:
    """The report model as plain data (golden tests compare this)."""
    return asdict(report)
