"""Reports: one model, five formats, all telling the same story — and none trusting user text."""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import os
import re
import zipfile
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from pypdf import PdfReader

from readiness import load_answers, load_questionnaire, parse_answers, score
from readiness.answers import AnswerSet
from readiness.markup import md_text
from readiness.report import (
    as_dict,
    build_report,
    embeddable,
    linkify,
    neutralise,
    render,
    render_csv,
    render_html,
    render_markdown,
    render_xlsx,
    safe_url,
)

from .conftest import DATA, ROOT

GOLDEN = DATA / "golden" / "sample_report.json"
WHEN = datetime(2026, 11, 22, tzinfo=UTC)
SAMPLE_ANSWERS = """
business: Frost & Co
profile: surge
answers:
  business_type: goods
  cover: {value: 1, note: "Only Sam knows the freezer. Plan: https://example.com/plan?x=1&y=2"}
  surge_plan: no
  utilization: 80
  stock_cover: dont_know
  channels: [referrals, partners]
"""


@pytest.fixture
def sample_case(sample):
    answers, _ = parse_answers(sample, SAMPLE_ANSWERS)
    return sample, score(sample, answers), answers


def _headline(markdown: str) -> str:
    """The Markdown report's "Where the business stands", up to the dimension table."""
    return markdown[markdown.index("## Where the business stands") : markdown.index("## Dimensions")]


def _workings_md(markdown: str) -> str:
    """The Markdown report's "How the verdict was reached" section."""
    start = markdown.index("## How the verdict was reached")
    end = markdown.find("\n## ", start + 5)
    return markdown[start : end if end >= 0 else len(markdown)]


def _workings_html(page: str) -> str:
    """The full HTML report's "How the verdict was reached", as text."""
    start = page.index("How the verdict was reached")
    return html.unescape(page[start : page.index("The method", start)])


def test_report_model_matches_the_golden_file(sample_case) -> None:
    """Content, not layout. Regenerate after a deliberate change: READINESS_UPDATE_GOLDEN=1 pytest."""
    q, result, answers = sample_case
    model = json.loads(json.dumps(as_dict(build_report(q, result, answers, WHEN)), ensure_ascii=False))
    if os.environ.get("READINESS_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(model, indent=2, ensure_ascii=False) + "\n")
    assert model == json.loads(GOLDEN.read_text())


def test_report_numbers_are_the_scores_numbers(sample_case) -> None:
    q, result, answers = sample_case
    report = build_report(q, result, answers, WHEN)
    assert report.operations == f"{result.overall:.0f}" and report.demand == f"{result.balance.demand:.0f}"
    assert report.quadrant == result.balance.label
    assert [f.question for f in report.urgent] == [f.title for f in result.findings[:3]]
    assert [d.score for d in report.dimensions] == [f"{d.score:.0f}" for d in result.dimensions]
    # the plan is the engine's: the same actions, at most a few per period
    assert [[a.text for a in report.actions[days]] for days in (30, 60, 90)] == [
        [a.text for a in result.plan.period(days)] for days in (30, 60, 90)
    ]
    assert all(len(v) <= q.plan.per_period for v in report.actions.values())
    assert "Cross-train one back-up for each key role." in [a.text for a in report.actions[30]]  # low effort
    # the stock question is "don't know": capacity has too few real answers, and the report says so
    assert result.balance.quadrant == "not_placed"
    assert report.quadrant_meaning == "Too many “don't know” answers in Capacity to place the business."
    assert report.weakest.startswith("Weakest link: ")
    assert any("Don't know" in line or "worst answer" in line for line in report.method)


class Resources(HTMLParser):
    """Collects everything in a page that would make a browser fetch something."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.scripts = 0
        self.handlers: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            self.scripts += 1
        source = values.get("src") or ""
        if tag in ("img", "iframe", "embed", "source", "video", "audio", "input") and not source.startswith("data:"):
            self.loads.append(source)
        if tag == "link":
            self.loads.append(values.get("href") or "")
        if tag == "a":
            self.links.append(values.get("href") or "")
        self.handlers += [name for name, _ in attrs if name.startswith("on")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(page: str) -> Resources:
    parser = Resources()
    parser.feed(page)
    return parser


def test_html_report_is_self_contained_with_charts_drawn(sample_case) -> None:
    q, result, answers = sample_case
    page = render("html", q, result, answers).decode()
    found = parsed(page)
    assert found.loads == [] and found.scripts == 0 and found.handlers == []
    assert "@import" not in page
    assert all(ref.startswith("#") for ref in re.findall(r"url\(\s*['\"]?([^)'\"]*)", page))  # only #fragments
    assert page.count("<svg") >= 4  # the four charts, inline
    # the bars, the zones and the heatmap again at a phone's width, shown only on a small screen, never printed
    assert page.count('<div class="narrow"><svg') == 3 and page.count('<div class="wide"><svg') == 3
    assert found.links == ["https://example.com/plan?x=1&y=2"]  # the evidence link, and nothing else
    assert "Frost &amp; Co" in page


def pdf_text(pdf: bytes) -> tuple[int, str]:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return len(pages), " ".join(" ".join(page.extract_text() for page in pages).split())


def test_pdf_has_selectable_text_with_name_scores_and_findings(sample_case) -> None:
    q, result, answers = sample_case
    pages, flat = pdf_text(render("pdf", q, result, answers, full=True))
    assert pages > 2
    assert "Frost & Co" in flat
    assert f"{result.overall:.0f} / 100" in flat and f"{result.balance.demand:.0f} / 100" in flat
    assert result.balance.label in flat
    assert "Cross-train one back-up for each key role." in flat
    assert "How this was scored" in flat and "Appendix: every finding" in flat


DEMO = ROOT / "questionnaires" / "demo" / "frost-and-co.yaml"
GROWTH = ROOT / "questionnaires" / "growth-readiness.yaml"


def test_the_pdf_is_a_two_page_summary_unless_the_full_report_is_asked_for() -> None:
    """A bakery reads two pages: where it stands, its weakest parts, the first fixes and the first
    30 days. Everything else (the 20 pages it used to get) is the appendix of the full PDF."""
    q = load_questionnaire(GROWTH)
    answers, _ = load_answers(q, DEMO)
    result = score(q, answers)
    pages, flat = pdf_text(render("pdf", q, result, answers))
    assert pages == 2, flat
    assert result.balance.label in flat and f"{result.overall:.0f} / 100" in flat
    lowest = min((d for d in result.dimensions if d.side == "operations"), key=lambda d: d.score or 0)
    assert lowest.id == result.balance.weakest  # the demo's Technology: the first row, marked as the link
    table = flat[flat.index("Scores, lowest first") :]
    assert table.index("Dimension Side Score") < table.index(lowest.title + " weakest link Operations")
    fixes = build_report(q, result, answers).findings
    assert "1. " + fixes[0].question in flat and "5. " + fixes[4].question in flat
    assert "The first 30 days" in flat and "How this was scored" not in flat
    full_pdf = render("pdf", q, result, answers, full=True)
    full_pages, full = pdf_text(full_pdf)
    assert full_pages > pages + 5 and full.startswith(flat[:200])  # the same two pages, then the appendix
    assert "Appendix: all answers" in full and "How this was scored" in full
    # The summary keeps to its two pages in the full PDF too: the demo's ran the end of one action onto a
    # third page of its own before the appendix (a browser pass). Page 3 opens the appendix, and the first two
    # hold the first 30 days in order, saying how many more the plan holds if any are left out.
    reader = PdfReader(io.BytesIO(full_pdf))
    summary = " ".join(" ".join(p.extract_text() for p in reader.pages[:2]).split())
    assert reader.pages[2].extract_text().lstrip().startswith("Appendix: scores against targets")
    assert "1. " + fixes[0].question in summary and "5. " + fixes[4].question in summary
    first_month = build_report(q, result, answers).actions.get(30, ())
    assert "The first 30 days" in summary and first_month
    shown = [a for a in first_month if " ".join(a.text.split())[:40] in summary]
    assert shown == list(first_month[: len(shown)]) and shown
    assert len(shown) == len(first_month) or f"and {len(first_month) - len(shown)} more" in summary


@pytest.mark.parametrize("case", sorted((ROOT / "tests" / "cases").glob("*.yaml")), ids=lambda p: p.stem)
def test_the_summary_stays_two_pages_for_other_businesses(case: Path) -> None:
    """Every calibration business (long notes, many findings, don't-knows): still two pages, on
    A4 and on the shorter US Letter, each weighing a second site (the step whose advice is longest), so the
    summary carries that paragraph too."""
    import yaml

    data = yaml.safe_load(case.read_text(encoding="utf-8"))
    q = load_questionnaire(ROOT / "questionnaires" / f"{data.get('questionnaire', 'growth-readiness')}.yaml")
    known = {question.id for question in q.questions}  # a case may be ahead of this questionnaire
    given = {k: v for k, v in data["answers"].items() if k in known}
    if "decision_ahead" in known:
        given.setdefault("decision_ahead", "second_site")
    answers, _ = parse_answers(q, {"business": data["name"], "profile": data.get("profile"), "answers": given})
    result = score(q, answers)
    for paper in ("A4", "Letter"):
        pages, flat = pdf_text(render("pdf", q, result, answers, paper=paper))
        assert pages == 2, (case.name, paper, flat[-300:])


def test_a_table_that_runs_onto_the_next_page_keeps_its_header_its_rows_and_its_heading() -> None:
    """The summary may not force its table onto one page (it must fit two pages), so the table runs on:
    the next page repeats its header row, no row is cut in two (a dimension with a long name wraps over
    lines that WeasyPrint split between the pages), and its heading is never left alone at a page's foot.
    The summary is lengthened a line at a time, so the page ends at each row in turn."""
    from dataclasses import replace

    import weasyprint

    q = load_questionnaire(GROWTH)
    answers, _ = load_answers(q, DEMO)
    # Without the step the demo's owner is weighing: its paragraph moves the table down, and the lines added
    # below are counted from where the table started when this test was written.
    report = replace(build_report(q, score(q, answers), answers, WHEN), decision="", decision_heading="")
    wordy = ", with a name long enough to wrap over three or four lines of its narrow column in the table"
    report = replace(report, dimensions=tuple(replace(d, title=d.title + wordy) for d in report.dimensions))
    rows = [(d.title, f"{d.side} {d.score} ") for d in report.lowest_first]  # a row's first cell and the next
    titles = [title for title, _ in rows]
    ran_on = 0
    for extra in range(8):
        longer = replace(report, summary=report.summary + ("One more line of the summary.",) * extra)
        pdf = weasyprint.HTML(string=render_html(longer, full=False)).write_pdf()
        pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]
        holding = [i for i, text in enumerate(pages) if any(title in text for title in titles)]
        ran_on += len(holding) > 1
        for title, cells in rows:  # every row whole on one page
            assert [i for i, text in enumerate(pages) if title in text] == [
                i for i, text in enumerate(pages) if cells in text
            ], (extra, title)
        for i in holding:  # and every page of the table starts it with its header row
            assert "Dimension Side Score Level Target Gap Answered" in pages[i], (extra, i)
        heading = next(i for i, text in enumerate(pages) if "Scores, lowest first" in text)
        assert titles[0] in pages[heading], (extra, pages[heading][-300:])  # the heading keeps its first row
    assert ran_on >= 2  # the table did run onto the next page, at more than one row


def csv_files(data: bytes) -> dict[str, list[list[str]]]:
    """Each CSV file of a report's zip, read as a spreadsheet would."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig")))) for name in archive.namelist()
        }


def test_csv_xlsx_and_json_carry_answers_scores_and_findings(sample_case) -> None:
    q, result, answers = sample_case
    files = csv_files(render("csv", q, result, answers))
    assert list(files) == ["summary.csv", "scores.csv", "areas.csv", "findings.csv", "actions.csv", "answers.csv"]
    assert files["scores.csv"][0][:3] == ["Dimension", "Side", "Score"]  # one table, one header, per file
    assert files["answers.csv"][0][:5] == ["Dimension", "Question id", "Question", "Answer", "Figure"]
    book = load_workbook(io.BytesIO(render("xlsx", q, result, answers)))
    assert book.sheetnames == ["Summary", "Scores", "Areas", "Findings", "Actions", "Answers"]
    scores = {row[0]: row[2] for row in book["Scores"].iter_rows(min_row=2, values_only=True)}
    assert scores == {d.title: None if d.score is None else round(d.score) for d in result.dimensions}
    # sub-areas (the sample's team/roles) are in the workbook too, under their dimension, as numbers
    areas = list(book["Areas"].iter_rows(min_row=2, values_only=True))
    expected_areas = [(d.title, a.title, round(a.score)) for d in result.dimensions for a in d.areas]
    assert areas == expected_areas and expected_areas
    data = json.loads(render("json", q, result, answers))
    assert data["questionnaire"] == {"id": q.id, "version": q.version, "hash": q.content_hash}
    assert data["overall"] == result.overall and data["answers"]["surge_plan"] is False


INJECTIONS = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(document.cookie)",
    '=HYPERLINK("http://evil.example","click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\tTabbed",
    "\rReturn",
    "مرحبا بالعالم — שלום",
    "富士山 ☃ 🍦 Ünïcødé",
]


@pytest.mark.parametrize("text", INJECTIONS)
def test_user_text_is_escaped_and_intact_in_every_format(sample, text: str) -> None:
    data = {"business": text, "answers": {"cover": {"value": 2, "note": text}, "surge_plan": "yes"}}
    answers, _ = parse_answers(sample, data)
    result = score(sample, answers)
    report = build_report(sample, result, answers)

    page = render_html(report)
    found = parsed(page)
    assert found.scripts == 0 and found.handlers == [] and found.loads == []
    assert all(link.startswith(("https://", "http://")) for link in found.links)  # never javascript:
    shown = "".join(found.text)
    assert text.strip() in shown  # intact, as text

    for rows in csv_files(render_csv(report)).values():
        for cell in [c for row in rows for c in row]:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            assert not cell.startswith("-") or cell.lstrip("-").isdigit(), cell  # a negative number, or inert
    book = load_workbook(io.BytesIO(render_xlsx(report)))
    for sheet in book:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                assert not (isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")))
    business = next(r for r in book["Summary"].iter_rows(values_only=True) if r[0] == "Business")[1]
    assert business.lstrip("'").replace("\n", "\r") == text.replace("\n", "\r")  # XML keeps CR as LF

    assert json.loads(render("json", sample, result, answers))["answers"]["cover"]["note"] == text.strip()


def test_control_characters_pasted_from_a_word_processor_do_not_break_excel(sample) -> None:
    data = {"business": "Frost\x0b& Co", "answers": {"cover": {"value": 2, "note": "line\x0bbreak\x07"}}}
    answers, _ = parse_answers(sample, data)
    report = build_report(sample, score(sample, answers), answers)
    book = load_workbook(io.BytesIO(render_xlsx(report)))
    assert next(r for r in book["Summary"].iter_rows(values_only=True) if r[0] == "Business")[1] == "Frost& Co"
    assert "linebreak" in [r[-1] for r in book["Answers"].iter_rows(values_only=True)]


def test_pdf_keeps_unicode_and_hostile_text_as_text(sample) -> None:
    # Scripts the machine's fonts cover (DejaVu: Latin, Greek, Cyrillic, Hebrew, Arabic); CJK needs a CJK font.
    name = "Café <b>Ünïcødé</b> =1+1 Ωμέγα Привет"
    answers, _ = parse_answers(sample, {"business": name, "answers": {"cover": 2}})
    pdf = render("pdf", sample, score(sample, answers), answers)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert name in " ".join(text.split())


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.com/a", True),
        ("http://x.org", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<b>", False),
        ("JaVaScRiPt:alert(1)", False),
        ("https://", False),
        ("ftp://x", False),
    ],
)
def test_only_plain_web_links_become_links(url: str, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_linkify_escapes_around_links() -> None:
    out = linkify('see <https://a.example/x?q="1"> & javascript:alert(1)')
    assert out.startswith("see &lt;")
    assert '<a href="https://a.example/x?q="' in out and "&quot;1&quot;&gt;" in out  # a quote ends the URL
    assert "javascript:alert(1)" in out and 'href="javascript' not in out


def test_neutralise_leaves_numbers_and_ordinary_text() -> None:
    assert neutralise("=1+1") == "'=1+1" and neutralise(-3) == -3 and neutralise("Plain") == "Plain"


def test_embeddable_report_turns_charts_into_images(sample_case) -> None:
    q, result, answers = sample_case
    page = render("html", q, result, answers).decode()
    part = embeddable(page)
    assert "<svg" not in part and part.count('src="data:image/svg+xml;base64,') >= 4
    assert part.startswith("<style>") and "<html" not in part


def test_demo_report_in_every_format_from_the_cli(tmp_path: Path) -> None:
    import subprocess
    import sys

    questionnaire = ROOT / "questionnaires" / "growth-readiness.yaml"
    answers_file = ROOT / "questionnaires" / "demo" / "frost-and-co.yaml"
    q = load_questionnaire(questionnaire)
    expected = score(q, load_answers(q, answers_file)[0])
    for fmt in ("html", "pdf", "csv", "xlsx", "json"):
        out = tmp_path / f"r.{'csv.zip' if fmt == 'csv' else fmt}"
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "readiness",
                "report",
                str(questionnaire),
                str(answers_file),
                "--format",
                fmt,
                "-o",
                str(out),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 1000
    assert json.loads((tmp_path / "r.json").read_text())["overall"] == expected.overall
    assert f"{expected.overall:.0f} / 100" in (tmp_path / "r.html").read_text()


def test_the_answer_table_shows_the_owners_own_figure_beside_its_band(sample_case) -> None:
    q, result, answers = sample_case
    row = next(r for r in build_report(q, result, answers, WHEN).answers if r.question_id == "utilization")
    assert row.answer == "80% (Tight)"  # what was typed, then the band: never the band alone


@pytest.mark.parametrize("text", ["a;=1+1", 'Costs;=HYPERLINK("http://evil.example")', "x;  @SUM(A1)", "tab\t-2+3"])
def test_csv_stays_inert_where_a_spreadsheet_splits_on_semicolons(sample, text: str) -> None:
    """European spreadsheets split CSV on `;`: opened there, `a;=1+1` would be the cells `a` and `=1+1`."""
    answers, _ = parse_answers(sample, {"business": text, "answers": {"cover": {"value": 2, "note": text}}})
    report = build_report(sample, score(sample, answers), answers)
    for raw in [render_csv(report, table).decode("utf-8-sig") for table in ("summary", "answers")]:
        for delimiter in (",", ";", "\t"):
            cells = [c for row in csv.reader(io.StringIO(raw), delimiter=delimiter) for c in row]
            assert not [c for c in cells if c.lstrip(' "').startswith(("=", "+", "@"))], delimiter
    [note] = [row[-1] for row in csv.reader(io.StringIO(raw)) if row[1:2] == ["cover"]]
    assert note.replace("'", "") == text  # read with its own separator, the text is all there
    assert '"' + note.replace('"', '""') + '"' in raw  # and quoted, as every text cell is


def test_active_svg_is_told_from_text_that_merely_mentions_javascript() -> None:
    from readiness.report_html import _active_svg

    ns = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    assert _active_svg(f"<svg {ns}><text>javascript: what we sell</text></svg>") is None
    assert _active_svg(f'<svg {ns}><path d="M0 0" clip-path="url(#clip1)"/></svg>') is None
    for active in (
        "<script>alert(1)</script>",
        '<g onload="alert(1)"/>',
        '<a xlink:href="javascript:alert(1)"><text>x</text></a>',
        "<foreignObject><div/></foreignObject>",
        '<rect style="fill: url(http://evil.example/x)"/>',
    ):
        assert _active_svg(f"<svg {ns}>{active}</svg>"), active


# --- spreadsheets people can sum ------------------------------------------------------------


def test_excel_holds_numbers_as_numbers_and_gaps_show_their_sign(sample_case) -> None:
    """Scores, targets, gaps, points and levels are numbers a sheet can sum; a gap shows as +43
    through its number format, never as the text `'+43` with the apostrophe on show."""
    q, result, answers = sample_case
    book = load_workbook(io.BytesIO(render("xlsx", q, result, answers)))
    scores = book["Scores"]
    header = [c.value for c in scores[1]]
    gap_col, score_col, target_col = header.index("Gap") + 1, header.index("Score") + 1, header.index("Target") + 1
    total = 0.0
    for row, d in enumerate(result.dimensions, start=2):
        gap = scores.cell(row, gap_col)
        if d.gap is not None:
            assert gap.data_type == "n" and gap.value == round(d.gap) and gap.number_format == "+0;-0;0"
        else:
            assert gap.value is None  # an empty cell, not a dash
        assert scores.cell(row, score_col).value == round(d.score) and scores.cell(row, target_col).data_type == "n"
        total += scores.cell(row, score_col).value
    assert total == sum(round(d.score) for d in result.dimensions)
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    [operations] = [value for item, value in summary.items() if item.startswith("Operations readiness")]
    assert operations == round(result.overall)
    [balance] = [value for item, value in summary.items() if item.startswith("Balance index")]
    assert balance == round(result.balance.index)
    points = [row[6] for row in book["Findings"].iter_rows(min_row=2, values_only=True)]
    assert points and all(isinstance(p, int | float) for p in points)
    for sheet in book:  # no number anywhere stored as text, quoted or not
        for row in sheet.iter_rows(min_row=2, values_only=True):
            for value in row:
                if isinstance(value, str):
                    assert not re.fullmatch(r"'?[+-]?\d+(\.\d+)?%?", value), (sheet.title, value)


def test_only_text_that_really_starts_like_a_formula_is_neutralised(sample) -> None:
    answers, _ = parse_answers(sample, {"business": "=cmd|' /C calc'!A0", "answers": {"utilization": 14}})
    book = load_workbook(io.BytesIO(render("xlsx", sample, score(sample, answers), answers)))
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Business"] == "'=cmd|' /C calc'!A0"  # text: made inert
    answers_sheet = list(book["Answers"].iter_rows(values_only=True))
    figure = answers_sheet[0].index("Figure")
    [row] = [r for r in answers_sheet if r[1] == "utilization"]
    assert row[figure] == 14 and row[3].startswith("14%")  # a number: left a number


def test_the_owners_figure_stands_beside_its_band_everywhere(sample) -> None:
    answers, _ = parse_answers(sample, {"business": "Tiny", "answers": {"utilization": 97, "cover": 1}})
    result = score(sample, answers)
    report = build_report(sample, result, answers)
    [finding] = [f for f in report.findings if f.question.startswith("How busy")]
    assert finding.now.startswith("97% (")  # the figure, then the band it falls in
    answers_csv = {row[1]: row for row in csv.reader(io.StringIO(render_csv(report, "answers").decode("utf-8-sig")))}
    assert answers_csv["utilization"][3].startswith("97% (") and answers_csv["utilization"][4] == "97"
    assert "97% (" in render_html(report) and "97% (" in render_markdown(report)
    _, flat = pdf_text(render("pdf", sample, result, answers))
    assert "now: 97% (" in flat


def test_a_large_typed_figure_reads_as_the_owner_wrote_it_in_every_place() -> None:
    """A typed order value of 1,250,000 read "1.25e+06" in the report's answers, and 1,234,567 "1.23457e+06"
    (six digits kept); the answers template wrote "10,000,000" and the surge test its own way. One writing:
    thousands grouped, every digit a person types kept, the typographic minus in reports."""
    from readiness.figures import figure_text, plain_number

    q = load_questionnaire(GROWTH)
    answers, _ = parse_answers(
        q, {"business": "Big orders", "answers": {"surge_detail": True, "average_order_value": 1234567}}
    )
    report = build_report(q, score(q, answers), answers)
    row = next(r for r in report.answers if r.question_id == "average_order_value")
    assert row.answer.startswith("1,234,567") and "e+" not in row.answer
    assert "1,234,567" in render_html(report)  # the appendix of answers (the Markdown lists none)
    assert figure_text(q, answers.answers["average_order_value"], None) == row.answer.split(" (")[0]
    assert [plain_number(v) for v in (2.5, -5, 0.125, 1_250_000.5)] == ["2.5", "\u22125", "0.125", "1,250,000.5"]
    assert plain_number(-5, typographic=False) == "-5"  # an answers file's hint: the minus an owner types


def test_where_a_finding_stands_and_aims_reads_plainly() -> None:
    """Level names on both sides of the arrow, a band's own brackets never nested in more, a choice
    to add in quotes, and "+1 point" in the singular."""
    q = load_questionnaire(GROWTH)
    answers, _ = parse_answers(
        q,
        {
            "business": "Plain words",
            "answers": {"business_type": "goods", "key_person_cover": 1, "cash_runway": 3, "automation": []},
        },
    )
    result = score(q, answers)
    report = build_report(q, result, answers)
    by_id = {f.question_id: f for f in result.findings}
    items = {f.question: f for f in report.findings}
    cover = items[by_id["key_person_cover"].title]
    assert (cover.now, cover.next) == ("Ad hoc", "In place")  # both level names
    assert cover.next_detail.startswith("Every key role has a named, trained back-up")
    cash = items[by_id["cash_runway"].title]
    assert cash.now == "3 weeks – Four weeks or less (danger)"  # not "3 weeks (Four weeks or less (danger))"
    assert by_id["automation"].next.endswith("”") and "add “" not in by_id["automation"].next
    html = render_html(report)
    assert "In place: Every key role has a named, trained back-up" in html
    assert "→ next: In place ·" in html and "(danger))" not in html
    assert not re.search(r"\+1 points", html + render_markdown(report))
    one = dataclasses.replace(cover, points="+1")
    assert one.points_word == "point" and cover.points_word == "points"


def test_a_findings_advice_says_when_the_plan_does_it() -> None:
    """A finding and the plan never disagree: advice the plan moved to a later period (five a period at
    most) or to the backlog says so, and the summary says how many first-30-day actions it left out."""
    from readiness.demo import DEMO_ANSWERS, DEMO_QUESTIONNAIRE
    from readiness.summary import finding_markdown

    q = load_questionnaire(DEMO_QUESTIONNAIRE)
    answers = load_answers(q, DEMO_ANSWERS)[0]
    result = score(q, answers)
    moved = [
        (f, a)
        for f in result.findings
        for a in f.recommendations
        for p in result.plan.actions
        if p.text == a.text and p.period is not None and p.period != a.horizon
    ]
    assert moved, "the demo has advice the plan moved to a later period"
    finding, advice = moved[0]
    period = next(p.period for p in result.plan.actions if p.text == advice.text)
    card = finding_markdown(result, finding, 1, q, answers.answers).replace("\\", "")
    assert f"{advice.text}  \n  :gray[effort {advice.effort} · impact {advice.impact} · within {period} days]" in card
    report = build_report(q, result, answers)
    item = next(f for f in report.findings if f.question == finding.title)
    assert (advice.text, advice.effort, advice.impact, f"within {period} days") in item.advice
    backlog = {a.text for a in result.plan.backlog}
    said = {text: when for f in report.findings for text, _, _, when in f.advice}
    assert all(said[t] == "in the backlog" for t in backlog if t in said)
    summary = render_html(report, full=False, lengths=(3, 2, False))
    first = len(report.actions.get(30, ()))
    assert first > 2 and f"…and {first - 2} more for the first 30 days, in the full report" in summary


def test_csv_zip_has_one_file_per_table_with_numbers_bare(sample_case) -> None:
    q, result, answers = sample_case
    data = render("csv", q, result, answers, generated=WHEN)
    assert data == render("csv", q, result, answers, generated=WHEN)  # the same report, the same bytes
    files = csv_files(data)
    for name, rows in files.items():
        assert len({len(row) for row in rows}) == 1, name  # one shape: a header and its records
    scores = {row[0]: row for row in files["scores.csv"][1:]}
    team = next(d for d in result.dimensions if d.title == "Team")
    assert scores["Team"][2] == str(round(team.score)) and scores["Team"][5] == str(round(team.gap))
    raw = zipfile.ZipFile(io.BytesIO(data)).read("scores.csv").decode("utf-8-sig")
    assert f",{round(team.score)}," in raw  # unquoted: a number to any spreadsheet
    assert render_csv(build_report(q, result, answers, WHEN), "Scores") == zipfile.ZipFile(io.BytesIO(data)).read(
        "scores.csv"
    )


def test_a_table_is_only_a_csv_and_must_exist(sample_case) -> None:
    from readiness.report import ReportError

    q, result, answers = sample_case
    with pytest.raises(ReportError, match="single table is a CSV"):
        render("xlsx", q, result, answers, table="scores")
    with pytest.raises(ReportError, match="unknown table 'score'"):
        render("csv", q, result, answers, table="score")


def test_a_held_back_level_and_the_notes_name_questions_in_words(sample) -> None:
    """A reader of a report never meets an id: the critical question holding a level down and the
    unanswered questions are named by their text (the command's own warnings keep the ids)."""
    answers, _ = parse_answers(sample, {"answers": {"cover": "dont_know", "surge_plan": "yes", "utilization": 20}})
    result = score(sample, answers)
    assert next(d for d in result.dimensions if d.id == "team").capped_by == ("cover",)  # 50 would be Developing
    report = build_report(sample, result, answers)
    page = render_markdown(report)
    team = next(d for d in report.dimensions if d.title == "Team")
    # a capped level (or, with an engine that caps the score, a capped score) and what it would be
    capped_level, capped_score = "Team stays at Fragile (its score alone would make it Developing)", "Team is held at"
    assert team.held_back.startswith((capped_level, capped_score))
    assert "“If a key person is off sick, does someone else cover their work?” (answered “don't know”" in page
    assert any("“Where do new customers come from?”" in w for w in report.warnings)
    assert "channels" not in page and "business_type" not in page
    assert any("channels" in w.message for w in result.warnings)  # still there for the answers file's editor


def test_a_summary_that_says_more_is_shortened_to_fit_its_two_pages(sample_case) -> None:
    """Many failing critical questions mean many sentences on the first page: the summary then
    shows fewer fixes and actions, and flows on, rather than spilling onto a third page."""
    from dataclasses import replace

    import weasyprint

    from readiness.report import render_summary_pdf

    q, result, answers = sample_case
    report = build_report(q, result, answers, WHEN)
    long = "A critical question is answered low and holds this part of the business back for now. " * 4
    wordy = replace(report, summary=report.summary + (long,) * 7)
    as_first_drafted = weasyprint.HTML(string=render_html(wordy, full=False)).render()
    assert len(as_first_drafted.pages) > 2  # the longest form would not fit
    pages, flat = pdf_text(render_summary_pdf(wordy))
    assert pages == 2 and "First fixes" in flat and "1. " + report.findings[0].question in flat


@pytest.mark.parametrize(
    ("advice", "repeats"),
    [
        ("Next step: Well spread", True),
        ("Aim for: Well spread.", True),
        ("Well spread", True),
        ("Spread your sales: no customer above a fifth. Well spread", False),
        ("Ask your three biggest customers for a year's commitment: Well spread", False),
    ],
)
def test_advice_that_only_repeats_the_next_level_is_told_apart(advice: str, repeats: bool) -> None:
    from readiness.figures import restates as _restates

    assert _restates(advice, "Well spread") is repeats


def test_a_plan_dependency_is_named_in_words_not_by_its_question_id() -> None:
    from readiness.summary import plan_markdown

    from .test_scoring_causes import case_answers, with_values

    growth = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    answers = with_values(case_answers(growth, "creamery-before-tv-spot"), website_spike=1, website_peak=2)
    result = score(growth, answers)
    peak = next(f for f in result.findings if f.question_id == "website_peak")
    page = plan_markdown(result)  # the results page's plan says what an action waits for
    assert "website_peak" not in page and f"after: “{peak.title}”" in page.replace("\\\\", "")
    # The exported report's plan lists the actions in order (the HTML's too), never a question id.
    exported = render_markdown(build_report(growth, result, AnswerSet(answers=answers), WHEN))
    assert "website_peak" not in exported.split("## 30/60/90-day action plan", 1)[1]


def test_the_demand_side_has_no_target_in_any_format(sample_case) -> None:
    q, result, answers = sample_case
    report = build_report(q, result, answers, WHEN)
    demand = [d for d in report.dimensions if d.side == "Demand"]
    assert demand and all(d.target == "–" and d.target_value is None for d in demand)
    sheet = load_workbook(io.BytesIO(render_xlsx(report)))["Scores"]
    head = [c.value for c in sheet[1]]
    rows = [dict(zip(head, [c.value for c in row], strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert all(r["Target"] is None for r in rows if r["Side"] == "Demand")
    assert all(r["Target"] is not None for r in rows if r["Side"] == "Operations")
    page = render_html(report)
    row = next(line for line in page.splitlines() if f"<td>{demand[0].title}</td>" in line)
    assert '<td class="num">–</td>' in row and '<td class="num">0</td>' not in row


@pytest.mark.parametrize(
    "case",
    [
        "consultancy-waiting-list",
        "it-support-firm-losing-its-technicians",
        "holmesfield-grounds-gritting-routes-at-the-edge",
        "strathbeg-oatcakes-full-tunnel-oven-gluten-free-range",  # the link is the lowest row: no note
    ],
)
def test_the_scores_table_runs_lowest_first_and_marks_the_weakest_link(case: str) -> None:
    """The twenty-third review: a table headed "the weakest link first" opened on a gritting firm's Team, 16
    points above its target and above two lower dimensions, because the link was named by Team's weak levers;
    both reviewers struck it. The table now runs by score, lowest first, demand last, and marks the link on its
    own row wherever it falls, in the Markdown and the HTML."""
    import yaml

    growth = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    written = yaml.safe_load((ROOT / "tests" / "cases" / f"{case}.yaml").read_text(encoding="utf-8"))
    answers, _ = parse_answers(growth, {"answers": written["answers"]}, case)
    result = score(growth, answers.answers)
    report = build_report(growth, result, answers, WHEN)
    rows = report.lowest_first
    assert rows[-1].side == "Demand"
    scored = [d.score_value for d in rows if d.side == "Operations" and d.score_value is not None]
    assert scored == sorted(scored)
    link = [d for d in rows if report.is_weakest_link(d)]
    assert [d.title for d in link] == [result.balance.weakest_title] == [report.weakest_link]
    page = render_html(report)
    summary = page[page.index("Scores, lowest first") :]
    first = summary.index(f"<td>{rows[0].title}")
    assert first < summary.index(f"<td>{rows[1].title}")
    assert f'<td>{link[0].title} <span class="badge critical">weakest link</span></td>' in summary
    table = render_markdown(report).split("## Dimensions, lowest score first", 1)[1]
    assert f"| {link[0].title} (weakest link) |" in table
    assert table.count("(weakest link)") == 1
    # under the table, why a marked row that is not the first one is the link (the twenty-fourth review)
    lowest = next(d for d in rows if d.side == "Operations")
    said = "is marked as the weakest link though it does not score lowest"
    assert (said in table.split("## Fix these first")[0]) is (lowest.title != link[0].title)
    assert (said in summary.split("</section>")[0]) is (lowest.title != link[0].title)


def test_a_shown_difference_is_the_difference_of_the_shown_figures() -> None:
    from readiness import scale
    from readiness.model import ScoreScale

    plain = ScoreScale()
    assert scale.signed(scale.between(60.4, 8.6, plain), plain) == "+51"  # 60 - 9, not 51.8 rounded to 52
    samm = ScoreScale(min=0, max=3, decimals=2)
    target, score_ = 2.004 * 100 / 3, 1.626 * 100 / 3  # shown as 2.00 and 1.63
    assert (scale.number(target, samm), scale.number(score_, samm)) == ("2.00", "1.63")
    assert scale.signed(scale.between(target, score_, samm), samm) == "+0.37"
    assert scale.signed(-0.3, plain) == "0"  # no "-0"


GROWTH_CASES = sorted(
    p.stem
    for p in (ROOT / "tests" / "cases").glob("*.yaml")
    if "\nquestionnaire: growth-readiness" in p.read_text("utf-8")
)


@pytest.mark.parametrize("case", GROWTH_CASES[:12])
def test_every_gap_and_the_balance_index_agree_with_the_figures_beside_them(case: str) -> None:
    import yaml

    growth = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    written = yaml.safe_load((ROOT / "tests" / "cases" / f"{case}.yaml").read_text(encoding="utf-8"))
    answers, _ = parse_answers(growth, {"answers": written["answers"]}, case)
    result = score(growth, answers.answers)
    report = build_report(growth, result, answers, WHEN)
    for d in report.dimensions:
        if d.gap_value is not None:
            assert d.gap_value == pytest.approx(d.target_value - d.score_value), d.title
            assert d.gap.lstrip("+") == f"{d.target_value - d.score_value:.0f}".replace("-0", "0") or d.gap == "0"
    b = result.balance
    if b.link is not None:
        pressure, link = round(b.pressure), round(b.link)
        assert report.balance_value == pressure - link
        text = render_markdown(report)
        assert f"{pressure - link:+d}".replace("+0", "0") in text
        # said where the verdict's workings are: both figures, then their difference
        assert f"demand pressure, {pressure} (" in text and f"where they would break first, {link} (" in text
        assert f"The difference is the balance index: {report.balance_index}" in text


def _growth_case(case: str, **values: object):
    """A calibration case scored on the growth questionnaire; ``values`` replace some of its answers."""
    import yaml

    growth = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    written = yaml.safe_load((ROOT / "tests" / "cases" / f"{case}.yaml").read_text(encoding="utf-8"))
    answers, problems = parse_answers(growth, {"answers": {**written["answers"], **values}}, case)
    assert not problems, [str(p) for p in problems]
    return growth, score(growth, answers.answers), answers


def test_how_firm_the_verdict_is_is_said_in_words_not_by_an_unlabelled_line() -> None:
    from readiness.summary import placement_text

    for case in GROWTH_CASES:
        _, result, _ = _growth_case(case)
        text = placement_text(result) or ""
        # a line is said with its own figure ("the line for scale-ready (what operations can carry: 60)")
        labelled = re.sub(r" line for scale-ready \(what operations can carry: \d+\)", "", text)
        assert " line" not in labelled and not re.search(r"\b1 points", text), (case, text)
    _, result, _ = _growth_case("creamery-before-tv-spot")
    said = placement_text(result) or ""
    assert "the point where demand counts as ahead of operations" in said
    # the threshold, said as where the zone starts, not as a second index beside the card's (a browser pass)
    assert "(from a balance index of +20)" in said, said


def test_a_cap_that_does_not_bind_is_not_claimed_but_the_question_still_fails() -> None:
    from readiness.summary import cap_texts

    _, result, _ = _growth_case("it-support-firm-losing-its-technicians")
    failure = next(f for f in result.balance.critical_failures if f.question_id == "promises_match")
    assert failure.question_id not in result.dimension(failure.dimension).capped_by  # already below its cap
    title = next(f.title for f in result.findings if f.question_id == "promises_match")
    text = next(t for t in cap_texts(result) if title.rstrip(".") in t)
    assert failure.text not in text  # in the finding's words, never the raw question
    assert "caps" not in text and "failing" in text and "cannot count as scale-ready" in text
    _, bound, _ = _growth_case("machine-shop-with-one-programmer")
    assert any("caps" in t for t in cap_texts(bound))  # a cap that binds is still said


def test_unanswered_critical_questions_are_one_line_not_one_alarm_each() -> None:
    from readiness.summary import cap_texts, open_critical_text

    growth = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    result = score(growth, {})
    exported = render_markdown(build_report(growth, result, AnswerSet(answers={}), WHEN))
    unanswered = [f for f in result.balance.critical_failures if f.status == "unanswered"]
    assert len(unanswered) >= 2
    assert cap_texts(result) == []
    line = open_critical_text(result) or ""
    assert line.startswith(f"{len(unanswered)} critical questions are still unanswered")
    assert "(unanswered)" not in exported and line in exported


def test_a_plan_period_with_nothing_real_says_so_instead_of_a_filler() -> None:
    from readiness.summary import plan_markdown

    from .test_frameworks import SAMM, SAMM_ANSWERS, _answers

    q = load_questionnaire(SAMM)
    result = score(q, _answers(SAMM_ANSWERS))
    assert result.findings and all(a.text for a in result.findings[0].recommendations)  # findings still aim
    report = build_report(q, result, parse_answers(q, {"answers": SAMM_ANSWERS}, "samm")[0], WHEN)
    exported = render_markdown(report).split("## 30/60/90-day action plan", 1)[-1]
    for plan_text in (plan_markdown(result), exported):
        assert "Aim for" not in plan_text  # a bare filler; the finding's own name says what to aim for
        assert "aim for “" in plan_text
        # SAMM's advice all asks for 60 days; its plan began with "Nothing planned" for the first 30. The first
        # three fixes start now, whatever their horizon (docs/scoring.md §5, "First things first").
        assert "Nothing planned for this period." not in plan_text
    page = render_html(report)
    plan = page[page.index('id="plan"') :]
    assert "Aim for" not in plan and "Nothing planned for this period." not in plan
    assert [a.question_id for a in dict(result.plan.periods)[30]] == [
        f.question_id for f in result.findings if f.recommendations
    ][:3]


def test_the_weakest_link_is_a_headline_figure_in_every_summary() -> None:
    growth, result, answers = _growth_case("consultancy-waiting-list")
    report = build_report(growth, result, answers, WHEN)
    b = result.balance
    title, figure = b.weakest_title, round(result.dimension(b.weakest).score)  # its own score, as in the table
    assert f'Weakest link: {title}</div><div class="value">{figure} / 100' in render_html(report)
    assert f"**Weakest link:** {title} {figure} / 100" in render_markdown(report)
    summary = load_workbook(io.BytesIO(render_xlsx(report)))["Summary"]
    cells = {row[0].value: row[1].value for row in summary.iter_rows(min_row=2)}
    assert cells[f"Weakest link: {title} (0–100)"] == figure  # a number, not text
    rows = csv_files(render_csv(report))["summary.csv"]
    assert [f"Weakest link: {title} (0–100)", str(figure)] in rows
    _, text = pdf_text(render("pdf", growth, result, answers, generated=WHEN))
    assert f"Weakest link: {title}" in text


def test_a_part_named_for_its_worst_state_is_shown_with_its_own_score() -> None:
    """The locksmith: quiet demand names Technology, the part in the worst state. Its headline figure is
    Technology's own score, as in the table, never the figure Process holds under load (a reviewer read
    "Technology 41" beside a table's 17); the balance index still subtracts Process's figure, and says so."""
    from readiness.link_text import link_words

    growth, result, answers = _growth_case("family-locksmith-records-on-one-old-pc")
    b = result.balance
    assert b.worst_named and b.weakest == "technology"
    own = round(result.dimension("technology").score)
    assert own != round(b.link)
    report = build_report(growth, result, answers, WHEN)
    assert f"**Weakest link:** Technology {own} / 100" in render_markdown(report)
    assert f'Weakest link: Technology</div><div class="value">{own} / 100' in render_html(report)
    assert f"minus {round(b.link)}, what {b.held_in_title}, can carry" in link_words(result)
    # the headline names where a load would give first, without the figure it holds there; the index says what
    # it subtracts under "How the verdict was reached", so its figures add up for whoever checks them
    assert f"under load, {b.held_in_title}, would give first" in " ".join(report.summary)
    headline = _headline(render_markdown(report))
    assert "Balance index" not in headline and f"{round(b.link)}, what" not in headline
    carried = f"where they would break first, {round(b.link)} ({b.held_in_title}, under load)"
    assert carried in _workings_md(render_markdown(report)) and carried in _workings_html(render_html(report))
    assert f"The difference is the balance index: {report.balance_index}" in _workings_md(render_markdown(report))


def test_a_link_named_where_its_levers_are_shows_its_own_score_and_the_index_says_what_it_subtracts() -> None:
    """A tortilla maker: Team is named (most weak levers of the figure that binds are Team questions) while the
    load falls on Capacity's throughput. The sixth blind review read "Team 73" beside the table's Team 71; the
    headline now shows the table's figure, and the index names the part and the figure it subtracts."""
    from readiness.link_text import link_words

    growth, result, answers = _growth_case("nixta-tortilleria-weighing-a-second-unit")
    b = result.balance
    assert b.weakest == "team" and b.held_in == "capacity"
    own, link = round(result.dimension("team").score), round(b.link)
    assert own != link
    report = build_report(growth, result, answers, WHEN)
    markdown = render_markdown(report)
    assert f"**Weakest link:** Team {own} / 100" in markdown
    assert f'Weakest link: Team</div><div class="value">{own} / 100' in render_html(report)
    words = link_words(result)
    assert f"minus {link}, what {b.held_in_title}, can carry" in words  # the app's card help
    assert f"where they would break first, {link} ({b.held_in_title})" in _workings_md(markdown)
    # the reader's own subtraction agrees: pressure minus the figure named beside the index
    assert int(report.balance_index.replace("\u2212", "-")) == round(b.pressure) - link
    assert f"The load falls on {b.held_in_title}" in " ".join(report.summary)
    assert str(link) not in " ".join(report.summary).replace(str(own), "")
    # the gap to target is said in words, never a bare "+4" read the wrong way round
    assert "| Gap |" in markdown and "| Team (weakest link) | Operations | " in markdown
    table = markdown[markdown.index("| Dimension |") : markdown.index("## Fix these first")]
    assert "\u00a0above |" in table and " | +" not in table and " | -" not in table


def test_samm_gaps_are_the_difference_of_the_target_and_score_shown() -> None:
    from readiness.summary import dimension_table

    from .test_frameworks import SAMM, SAMM_ANSWERS, _answers

    q = load_questionnaire(SAMM)
    # Strategy and Metrics at 1.625 (stored as 54.17 of 100): shown 1.63 against a target of 2.00
    answers = dict(SAMM_ANSWERS, sm_a1=1, sm_b1=1, sm_a2=0.5, sm_b2=0.25, sm_a3=0.25, sm_b3=0.25)
    rows = [r for r in dimension_table(score(q, _answers(answers))) if r["Gap"]]
    assert (rows[0]["Target"], rows[0]["Score"], rows[0]["Gap"]) == ("2.00", "1.63", "0.37\u00a0below")

    def said(gap: str) -> float:  # "0.37 below" is +0.37 to go, "0.10 above" is -0.10, "on target" 0
        if gap == "on target":
            return 0.0
        number, side = gap.split()
        return float(number) if side == "below" else -float(number)

    for row in rows:
        assert said(row["Gap"]) == pytest.approx(float(row["Target"]) - float(row["Score"]), abs=1e-9), row


def test_a_long_pasted_note_is_printed_whole_in_the_full_pdf(sample) -> None:
    """Interview notes pasted into one answer reach the paper whole, the last sentence included (on paper the
    answers table has fixed column widths: measuring every word of the note took minutes; bench/reports.py
    times it against the plain full PDF)."""
    note = " ".join(f"Point {i}: only Sam knows the freezer and the supplier accounts." for i in range(120))
    note += " Last point: the plan is on the wall."
    answers, _ = parse_answers(sample, {"answers": {"cover": {"value": 1, "note": note}, "surge_plan": "no"}})
    pdf = render("pdf", sample, score(sample, answers), answers, full=True)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Point 0: only Sam knows" in text and "Point 119: only Sam knows" in text
    assert "Last point: the plan is on the wall." in text


def test_the_reports_card_shows_the_balance_range_and_not_placed_is_said_once() -> None:
    """The app's balance card says how far the open questions could move the index; the report's does too,
    and a business not placed reads the reason once, not in the box and again below it (QA)."""
    from readiness.summary import index_range_text

    growth = load_questionnaire(GROWTH)
    case = yaml.safe_load((ROOT / "tests" / "cases" / "skincare-brand-dont-know.yaml").read_text("utf-8"))
    answers, _ = parse_answers(growth, {k: case[k] for k in ("questionnaire", "profile", "answers")})
    result = score(growth, answers)
    assert result.balance.quadrant == "not_placed"
    report = build_report(growth, result, answers)
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", render_html(report, full=False))))
    assert text.count(result.balance.message) == 1, result.balance.message
    # half answered: the open questions leave the index a range, said under the card as in the app
    from readiness.demo import DEMO_ANSWERS, DEMO_QUESTIONNAIRE

    demo = load_questionnaire(DEMO_QUESTIONNAIRE)
    given = load_answers(demo, DEMO_ANSWERS)[0]
    kept = dataclasses.replace(given, answers=dict(list(given.answers.items())[::2]))
    partial = score(demo, kept)
    spread = index_range_text(partial.balance, partial.score_scale)
    assert spread.endswith("with the open questions")
    report = build_report(demo, partial, kept)
    assert report.balance_range == spread
    # beside the index, under "How the verdict was reached"; the two-page summary's headline carries neither
    assert spread in _workings_html(render_html(report)) and spread in _workings_md(render_markdown(report))
    assert spread not in render_html(report, full=False)


def test_a_lever_says_why_it_ranks_ahead_of_the_figure_it_fixes_in_app_and_reports() -> None:
    """The care agency losing its carers: keeping them ranks ahead of "doubling would take months", and
    every place that shows the finding says why, by the figure's words, never its id."""
    from readiness.summary import finding_markdown

    q = load_questionnaire(GROWTH)
    case = yaml.safe_load((ROOT / "tests" / "cases" / "home-care-agency-turning-away-referrals.yaml").read_text())
    answers, _ = parse_answers(q, {"business": "Carers", "answers": case["answers"]})
    result = score(q, answers)
    turnover = next(f for f in result.findings if f.question_id == "staff_turnover")
    figure = next(f for f in result.findings if f.question_id == "weeks_to_double")
    why = f"One of the ways to fix “{figure.title.rstrip('.')}”."
    assert ".”" not in why  # the figure's words end inside the quote without a full stop before the colon
    assert turnover.lever_of == figure.title and figure.lever_of is None
    assert why in finding_markdown(result, turnover, 1, q, answers.answers)
    report = build_report(q, result, answers)
    assert next(f for f in report.findings if f.question == turnover.title).why_here.endswith(why)
    html = render_html(report)
    levered = [f for f in report.findings if f.lever_here]
    assert len(levered) >= 2 and all(f.lever_here == why and why in f.why_here for f in levered)  # several levers
    assert html.count(why) == 2 * len(levered)  # in the first fixes and in the appendix of every finding
    assert "weeks_to_double" not in why and why in render_markdown(report)


def test_a_plan_says_when_the_event_ahead_falls_among_its_periods() -> None:
    """A consultant's reviewer: "the 5 January start is never mentioned, so fixes land after the event they are
    meant to prepare for". The event's lead time is set against the 30/60/90-day periods, in every format."""
    from readiness.answers import Answer
    from readiness.summary import deadline_text

    q, result, answers = _growth_case("school-meals-caterer-winning-contract")
    weeks = result.balance.event_weeks
    assert weeks is not None and weeks * 7 < 60  # the case's contract starts within two periods
    said = deadline_text(result) or ""
    assert f"about {round(weeks)} weeks away" in said and "after it" in said
    report = build_report(q, result, answers)
    assert report.deadline == said and render_html(report).count(said) == 2 and said in render_markdown(report)
    # no event ahead (or one a quarter or more away): nothing is said
    far = answers.answers | {"event_weeks": Answer("event_weeks", "value", 30)}
    assert deadline_text(score(q, far)) is None
    _, steady, _ = _growth_case("dental-lab-growing-in-step")
    assert steady.balance.event_weeks is None and deadline_text(steady) is None


def test_the_summary_never_says_behind_by_nothing_nor_all_met_above_a_list_of_fixes() -> None:
    """A consultant's review: "Furthest behind its target: Capacity (75 against 75)" and "Every scored dimension
    meets its target" followed by nine fixes. Every calibration case's report is read for both."""
    cases = sorted((ROOT / "tests" / "cases").glob("*.yaml"))
    met = named = 0
    for path in cases:
        if "questionnaire: growth-readiness" not in path.read_text(encoding="utf-8"):
            continue  # _growth_case reads the growth questionnaire
        q, result, answers = _growth_case(path.stem)
        report = build_report(q, result, answers)
        for line in report.summary:
            if line.startswith("Furthest behind its target:"):
                score_, target = re.search(r"\((\S+) against (\S+)\)", line).groups()
                assert score_ != target, (path.stem, line)
            if line.startswith("Every scored dimension meets its target"):
                met += 1
                # the fixes that follow are announced, critical ones as such (the ninth blind review)
                assert ("below" in line) == bool(result.findings), (path.stem, line)
                if result.findings and ", but" not in line:  # not reassurance: the first fix, named (review 24)
                    first = result.findings[0]
                    assert f"first “{(first.title or first.text).rstrip('.')}”" in line, (path.stem, line)
                    named += 1
    assert met and named  # some calibration businesses meet every target


def test_a_churn_answer_is_read_by_its_band_not_as_a_leaking_bucket() -> None:
    _, result, _ = _growth_case("laptop-refurbisher-ready-for-summer-peak")  # 12% a year
    churn = next((f for f in result.findings if f.question_id == "customer_churn"), None)
    assert churn is not None and "almost as fast" not in churn.title and "Some regular customers leave" in churn.title


@pytest.mark.parametrize(
    ("case", "part"),
    [
        # the cash area a queue cannot relieve while each order loses money (its `controllable` condition)
        ("tenement-pressing-honest-queue-seven-weeks-cash", "cash and working capital, in Capacity"),
        # a failing critical question there (weeks of cash once a year's growth is paid for)
        ("larkfield-ecology-honest-queue-five-weeks-cash", "cash and working capital, in Capacity"),
    ],
)
def test_a_danger_zone_that_holds_demand_back_well_says_what_a_queue_cannot_protect(case: str, part: str) -> None:
    """The sixth blind review struck out "nothing holds it back" beside a demand-management score of 99 for a
    pressing plant quoting an honest sixteen weeks. Since 2.4.2 a queue protects cash while each order makes
    money, so both businesses as written are under control; were each order to lose money, the verdict is
    the danger zone and the words say why, and name the part."""
    growth, result, answers = _growth_case(case, gross_margin=0)
    b = result.balance
    control = result.dimension(b.control_dimension).score
    assert b.quadrant == "danger_zone" and control >= growth.balance.control
    assert "nothing holds it back" not in b.meaning
    assert f"You hold demand back well, but a queue does not protect {part}" in b.meaning
    report = build_report(growth, result, answers, WHEN)
    assert b.meaning in render_markdown(report)
    # a business that does not hold demand back well keeps the plain words: "too little", not "nothing" (an
    # exploratory browser pass read "nothing holds it back" beside a brake it had answered at its best)
    _, plain, _ = _growth_case("bathroom-fitter-callbacks-during-ad-push")
    assert plain.balance.quadrant == "danger_zone" and "too little holds it back" in plain.balance.meaning


def test_the_headline_says_the_pressure_the_verdict_weighs_beside_the_measured_one() -> None:
    """Both reviewers of the eighth blind review read "Demand pressure: 37" in the headline above "the balance
    weighs demand pressure as 84" as a contradiction (a firewood merchant whose lorries are full in a cold
    snap). The headline now says both, with the reason, in the Markdown and the HTML;
    shown here for a children's shoe shop whose fitting slots are full while orders grow 30% (since 2.4.8 the
    firewood merchant's full step under steady growth raises nothing)."""
    growth, result, answers = _growth_case("childrens-shoe-shop-fitting-slots-full-after-rival-closed")
    b = result.balance
    assert b.pressure is not None and b.demand is not None and b.pressure > b.demand + 10
    report = build_report(growth, result, answers, WHEN)
    why = "the busiest step is already full while orders keep growing"
    assert report.demand_why == f"weighed higher than measured: {why}"
    markdown = render_markdown(report)
    assert f"**Demand pressure:** {report.demand} / 100 (weighed higher than measured: {why})" in markdown
    assert why in render_html(report, full=False)
    # the figure weighed is a working, not a second headline figure (later reviews read "weighed as 84" in the
    # headline as the tool adjusting its own numbers): it is said where the verdict's workings are, with where it
    # comes from (three more reviews read "as 64, not the measured 44" as a figure raised with no reason): a lead
    # over the weakest link, which a reader can add up
    link, index = round(b.link or 0), round(b.pressure) - round(b.link or 0)
    weighed = (
        f"So the verdict weighs demand pressure as {round(b.pressure)}, {index} points above what operations can "
        f"carry where they would break first ({link})"
    )
    assert f"whatever the demand answers measure ({report.demand})" in _workings_md(markdown)
    assert weighed not in _headline(markdown) and weighed in _workings_md(markdown)
    assert weighed in _workings_html(render_html(report))
    assert f"The difference is the balance index: +{index}" in _workings_md(markdown)
    # a business whose verdict weighs what was measured says nothing more
    _, plain, plain_answers = _growth_case("vet-practice-eyeing-second-site")
    assert build_report(growth, plain, plain_answers, WHEN).demand_why is None


def test_the_lead_a_full_step_adds_is_said_as_the_most_when_it_is() -> None:
    """The nineteenth blind review read an index of exactly +40 in three reports as a cap posing as a
    measurement, beside "the fuller the step …, the further above": at the most the evidence adds, it says so."""
    from readiness.summary import overrun_text

    _, full, _ = _growth_case("mobile-tyre-fitter-fleet-contract-overload")
    assert full.balance.full == pytest.approx(1.0) and round(full.balance.index) == 40
    said = overrun_text(full) or ""
    assert "40 points above what operations can carry" in said
    assert "the most a full step adds, reached when it is this full while orders grow this fast" in said
    _, filling, _ = _growth_case("home-care-agency-turning-away-referrals")
    assert 0.5 < (filling.balance.full or 0) < 1
    said = overrun_text(filling) or ""
    assert "the fuller the step and the faster orders grow, the further above" in said and "the most" not in said


def test_a_business_on_target_with_a_critical_weak_spot_is_not_told_all_is_well() -> None:
    """The ninth blind review: "Every scored dimension meets its target" above two findings marked critical (a
    chimney sweep whose key person and cash are critical answers still weak)."""
    growth, result, answers = _growth_case("blackstone-chimney-sweeps-honest-season-queue")
    assert all(d.gap is None or d.gap < 0.5 for d in result.dimensions)
    critical = sum(1 for f in result.findings[:10] if f.critical)
    assert critical == 2
    summary = " ".join(build_report(growth, result, answers, WHEN).summary)
    assert "Every scored dimension meets its target, but 2 critical answers are still weak inside them" in summary
    assert "the fixes below are what is still weak" not in summary


def test_a_trade_months_from_a_useful_newcomer_is_not_told_to_aim_at_a_month() -> None:
    """Both blind reviews 8 and 9: "Next: Up to a month" to make a conservation mason, a licensed taxi driver or
    a lift engineer useful, and "Next: About a month" to double. A band may name its own next step
    (`next_step`): beyond four months it is hiring, or preparing, ahead. Nearer bands keep the good band."""
    growth, result, answers = _growth_case("lychgate-stone-conservation-honest-list-five-weeks-cash")
    text = render_markdown(build_report(growth, result, answers, WHEN))
    assert "Next: Up to a month" not in text and "Next: About a month" not in text
    assert "Next: Someone hired and learning ahead of the need" in text
    assert "Next: The slowest step prepared ahead" in text
    case = "lychgate-stone-conservation-honest-list-five-weeks-cash"
    _, nearer, _ = _growth_case(case, weeks_to_productive=10)
    finding = next(f for f in nearer.findings if f.question_id == "weeks_to_productive")
    assert finding.next == "Up to a month"


def test_the_markdown_report_carries_the_plan_the_html_report_does() -> None:
    """`readiness score --format markdown` stopped after the findings: a founder pasting it into a shared doc
    lost the 30/60/90-day plan the HTML report ends with. Each period's actions, in order, and the backlog."""
    growth, result, answers = _growth_case("creamery-before-tv-spot")
    report = build_report(growth, result, answers, WHEN)
    text = render_markdown(report)
    plan = text.split("## 30/60/90-day action plan", 1)[1]
    assert report.actions and any(report.actions.values())
    at = 0
    for horizon, actions in report.actions.items():
        at = plan.index(f"**Within {horizon} days**", at)
        for n, action in enumerate(actions, start=1):
            at = plan.index(f"{n}. {md_text(action.text)} _({action.dimension};", at)
    if report.backlog:
        assert f"{len(report.backlog)} more action" in plan


def test_the_headline_is_named_operations_readiness_whatever_the_owner_ticked_as_going_wrong() -> None:
    """The thirteenth blind review read "Work went out late, or customers waited longer than we told them:
    33 / 100" as the headline of three reports: a loop over the owner's complaints reused the headline's name,
    so every report whose findings quote one (the HTML and PDF too) was headed by the last complaint quoted."""
    growth, result, answers = _growth_case("coldharbour-garden-rooms")
    assert any(f.named_by for f in result.findings)  # the owner ticked what has gone wrong lately
    report = build_report(growth, result, answers, WHEN)
    assert report.headline_label == "Operations readiness"
    assert f"- **Operations readiness:** {report.operations_out_of}" in render_markdown(report)
    assert '<div class="label">Operations readiness</div>' in render_html(report)


def test_an_empty_period_after_a_full_plan_says_to_finish_the_actions_above() -> None:
    """A browser pass read "Within 90 days: nothing planned" beside a backlog, as a plan that stopped: every
    first action had fitted in the first sixty days. The page, the HTML and the Markdown say what to do."""
    from readiness.summary import plan_markdown

    from .test_calibration import run_case

    path = ROOT / "tests" / "cases" / "bike-shop-owner-does-everything.yaml"
    _, result = run_case(path)
    assert result.plan.period(30) and result.plan.period(60) and not result.plan.period(90)
    assert result.plan.backlog
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    questionnaire = load_questionnaire(ROOT / "questionnaires" / f"{case['questionnaire']}.yaml")
    answers, _ = parse_answers(questionnaire, {"answers": case["answers"]}, "bike shop")
    report = build_report(questionnaire, result, answers)
    said = "Nothing new: finish the actions above first, then start on the backlog."
    for text in (render_html(report), render_markdown(report), plan_markdown(result)):
        assert said in text and "Nothing planned" not in text


@pytest.mark.parametrize(
    "case",
    [
        "ashgrove-joinery-waiting-list",  # demand ahead, under control; Team counts below its score
        "childrens-shoe-shop-fitting-slots-full-after-rival-closed",  # pressure weighed above the measured
        "family-locksmith-records-on-one-old-pc",  # quiet demand names the part in the worst state
        "nixta-tortilleria-weighing-a-second-unit",  # the link named where its levers are
    ],
)
def test_the_headline_says_the_verdict_and_the_workings_follow_the_plan(case: str) -> None:
    """Four blind reviews in a row struck the workings from a client's first page ("weighed as 72", "so it
    counts as only 27", the balance index and "7 points past the point where…"), asking for them where a
    consultant checking the verdict looks. The headline says the zone first, then the three figures a client
    reads in the table; every working is under "How the verdict was reached", after the plan, and still adds up
    there (the index is the pressure weighed minus the figure it names)."""
    growth, result, answers = _growth_case(case)
    b = result.balance
    report = build_report(growth, result, answers, WHEN)
    markdown = render_markdown(report)
    headline = _headline(markdown)
    assert headline.index("**Zone:**") < headline.index("**Operations readiness:**")
    for working in (
        "Balance index",
        "counts as",
        "it can carry",
        "weighed as",
        "weighs demand",
        "point where",
        " minus ",
    ):
        assert working not in headline, (working, headline)
    workings = _workings_md(markdown)
    assert markdown.index("## 30/60/90-day action plan") < markdown.index("## How the verdict was reached")
    assert f"The difference is the balance index: {report.balance_index}" in workings
    pressure = b.pressure if b.pressure is not None else b.demand
    assert int(report.balance_index.replace("\u2212", "-")) == round(pressure) - round(b.link)
    assert f"That puts the business in the zone “{b.label}”" in workings
    page = render_html(report, full=False)  # the HTML and PDF summary say the verdict first too (a browser pass)
    assert page.index('<div class="zone') < page.index('<div class="metrics">')


def test_the_top_of_a_report_names_what_the_workings_explain() -> None:
    """The fourteenth blind review counted 170 words of reasoning at the top of a cleaning firm's report (why
    two parts that score lower are not the weakest link, a sentence per failing critical answer) and found the
    workings at its end undefined ("Balance index", "the bar") and silent on what separates a danger zone from
    an honest queue. The top now names the lower parts and the failing answers in a sentence each and points to
    "How the verdict was reached", which says each figure with what it is, the zone's rule with its thresholds
    and this business's figure against them, and each critical answer with its cap."""
    growth, result, answers = _growth_case("cleaning-company-churning-cleaners")
    b = result.balance
    assert b.quadrant == "danger_zone" and b.weakest == "capacity"
    report = build_report(growth, result, answers, WHEN)
    summary = " ".join(report.summary)
    assert "Technology and Demand management score lower but would not break first" in summary
    assert "(see “How the verdict was reached”)" in summary
    assert "2 critical answers are failing (in Capacity and Demand management)" in summary
    assert "so it would not break first" not in summary and "Critical: " not in summary
    workings = _workings_md(render_markdown(report))
    assert "Technology scores lower (17), but the demand coming loads less of it" in workings
    control = round(result.dimension("demand_management").score)
    assert (
        "It is held back, under control, only while Demand management scores 60 or more and no critical answer "
        f"fails: Demand management scores {control}, and a critical answer fails."
    ) in workings
    assert workings.count("- Critical: ") == 2
    assert "how much demand is coming and how fast it can jump" in workings
    growth, roaster, roaster_answers = _growth_case("coffee-roaster-aiming-to-double")
    said = _workings_md(render_markdown(build_report(growth, roaster, roaster_answers, WHEN)))
    assert roaster.balance.quadrant == "scale_ready" and "the bar" not in said
    assert "above the line for scale-ready (what operations can carry: 60)" in said


def test_the_plans_deadline_names_the_event_in_the_owners_words() -> None:
    """ "The event ahead (the contract, launch or feature you named)" read as a form letter that never named it
    (the fourteenth blind review). The deadline quotes the owner's note on the event, else names the kind they
    chose; a note on the date alone ("Ten weeks away.") is not a name. The page escapes the quote: it is typed
    text."""
    from readiness.summary import deadline_text

    _, cleaner, _ = _growth_case("cleaning-company-churning-cleaners")
    said = deadline_text(cleaner) or ""
    assert said.startswith(
        "The event ahead (“Three office contracts and a clinic portfolio starting within six weeks”) is about 3 weeks"
    ), said
    _, roaster, _ = _growth_case("coffee-roaster-aiming-to-double")
    assert "(“A regional deli chain listing starts in ten weeks”)" in (deadline_text(roaster) or "")
    _, plain, _ = _growth_case(
        "coffee-roaster-aiming-to-double", event_ahead="contract", event_weeks=6
    )  # no note: the kind chosen
    assert (deadline_text(plain) or "").startswith("The event ahead (a big contract or listing starting) is about 6")
    _, typed, _ = _growth_case(
        "coffee-roaster-aiming-to-double", event_ahead={"value": "contract", "note": "*Big* [launch](http://x)"}
    )
    assert "“*Big* [launch](http://x)”" in (deadline_text(typed) or "")


def test_a_figure_read_in_another_band_says_so_in_words() -> None:
    """ "Now: 5 weeks – Four weeks or less (danger) once a year's growth is paid for" read as the report
    contradicting the owner's figure (the fourteenth blind review), and "7 weeks, which is four weeks or less
    (danger) once a year's growth is paid for" read the same way (the sixteenth). A number read in another band
    once other answers are weighed says which is today's and which is later's: "7 weeks today; four weeks or
    less (danger) once a year's growth is paid for"; a figure in its own band keeps "3 weeks – Four weeks or
    less (danger)"."""
    growth, result, answers = _growth_case("cleaning-company-churning-cleaners")
    report = build_report(growth, result, answers, WHEN)
    cash = next(f for f in report.findings if f.question.startswith("Cash would run out"))
    assert cash.now == "7 weeks today; four weeks or less (danger) once a year's growth is paid for", cash.now


def test_idle_capacitys_distance_names_the_figure_it_is_judged_on() -> None:
    """ "10 points inside the zone" beside a balance index of −34 and a line at −20 read as wrong arithmetic (the
    fifteenth blind review): idle capacity is judged with the weakest link's routines counted, and the distance
    now says that figure, so the reader's own subtraction agrees."""
    from readiness.summary import distance_text

    _, result, _ = _growth_case("wensum-energy-surveys-idle-assessors-after-scheme-closed")
    b = result.balance
    assert b.quadrant == "idle_capacity" and b.whole_link is not None and b.whole_link < b.link - 0.5
    said = distance_text(result) or ""
    whole, pressure = round(b.whole_link), round(b.pressure)
    # its cash is named (idle room on a short runway), so the routines are said to be where a load would bind
    assert b.runway_named and b.weakest == "capacity" and b.held_in == "process"
    assert f"judged with every part's routines counted ({whole} against demand pressure {pressure})" in said
    assert said.startswith(f"{whole - pressure - 20} points inside the zone"), said
    # where the link binds is the part named, the figure is the weakest link's own
    _, plain, _ = _growth_case("dunmore-beds-idle-line-padded-forecasts")
    b = plain.balance
    assert b.whole_link is not None and b.link is not None and b.whole_link < b.link - 0.5
    assert not (b.runway_named or b.worst_named)
    assert "judged with the weakest link's routines counted" in (distance_text(plain) or "")


def test_a_critical_finding_says_whether_it_fails() -> None:
    """The seventeenth blind review read "(critical)" beside a fix while the workings said "no critical answer
    fails" as the report contradicting itself. A finding whose answer caps its dimension is "critical:
    failing"; one on a critical question that is weak but above that line is a "critical question", in the
    Markdown, the HTML and the results page's block alike."""
    from readiness.summary import finding_markdown

    for case in ("creamery-before-tv-spot", "hotel-laundry-new-group-contract-falling-behind"):
        growth, result, answers = _growth_case(case)
        report = build_report(growth, result, answers, WHEN)
        markdown = render_markdown(report)
        page = render_html(report)
        for rank, (f, item) in enumerate(zip(result.findings[:10], report.findings[:10], strict=True), 1):
            tag = "critical: failing" if f.failing else "critical question" if f.critical else ""
            assert item.critical_tag == tag, (case, f.question_id)
            fixes = markdown[markdown.index("## Fix these first") : markdown.index("## 30/60/90-day action plan")]
            line = next(x for x in fixes.splitlines() if x.startswith(f"{rank}. **"))
            assert (f"({tag})" in line) == bool(tag), line
            assert ("critical" in finding_markdown(result, f, rank).split("\n")[0]) == bool(tag)
            if tag:
                assert f'<span class="badge critical">{tag}</span>' in page
    assert any(f.failing for f in result.findings)  # the laundry's four weeks of cash: one of each kind was seen


def test_a_report_made_weeks_after_the_answers_says_when_the_event_was_counted_from() -> None:
    """The seventeenth blind review read "about a week away" for a rule change on 1 April in a report dated
    30 November: the weeks to an event are the owner's count on the day they answered. A report made a week
    or more after the answers were saved says when that was, and that the event has passed once it has."""
    from datetime import date, timedelta

    from readiness.summary import deadline_text

    q, result, answers = _growth_case("school-meals-caterer-winning-contract")
    weeks = result.balance.event_weeks
    assert weeks is not None and 4 <= weeks * 7 < 60
    saved = date(2026, 11, 2)
    fresh = deadline_text(result, saved, saved + timedelta(days=3)) or ""
    assert fresh == deadline_text(result) and "is about" in fresh  # the same day or nearly: as the owner said
    later = deadline_text(result, saved, saved + timedelta(days=14)) or ""
    assert "when these answers were last saved, on 2026-11-02" in later and "counts its days from then" in later
    gone = deadline_text(result, saved, saved + timedelta(days=round(weeks * 7) + 1)) or ""
    assert "has passed by now: update the answer" in gone
    stale = dataclasses.replace(answers, date="2026-11-02")
    report = build_report(q, result, stale, datetime(2026, 11, 30, tzinfo=UTC))
    assert report.deadline == deadline_text(result, saved, date(2026, 11, 30))
    assert report.deadline in render_markdown(report)
    assert build_report(q, result, dataclasses.replace(answers, date="not a date"), WHEN).deadline  # still made


def test_a_finding_quotes_the_owners_own_note_on_its_answer() -> None:
    """The seventeenth blind review found findings generic ("your bottleneck", "one key person") where the owner
    had named the kettle line, the vans or the only estimator. A finding quotes the owner's note on its answer,
    in every format, escaped as typed; a finding whose answer has no note says nothing."""
    from readiness.summary import finding_markdown

    growth, result, answers = _growth_case("keelson-first-aid-training-basics")
    typed = "The <b>registers</b> went missing & the *audit* found them"
    qid = result.findings[0].question_id
    noted = dataclasses.replace(
        answers, answers={**answers.answers, qid: dataclasses.replace(answers.answers[qid], note=typed)}
    )
    result = score(growth, noted.answers)
    report = build_report(growth, result, noted, WHEN)
    first = report.findings[0]
    assert first.note == f"Your note: “{typed}”"
    fixes = render_markdown(report).split("## 30/60/90-day action plan")[0]
    assert "Your note: “The <b>registers</b>" not in fixes  # escaped: no HTML reaches a Markdown viewer
    assert html.escape(typed, quote=False) in render_html(report)
    assert "Your note:" in finding_markdown(result, result.findings[0], 1, growth, noted.answers).replace("\\", "")
    unnoted = [
        (item, f)
        for item, f in zip(report.findings, result.findings, strict=True)
        if not (noted.answers.get(f.question_id) and noted.answers.get(f.question_id).note)
    ]
    assert unnoted and all(item.note == "" for item, _ in unnoted)


def test_a_weakest_link_above_its_target_says_its_average_is_not_what_breaks() -> None:
    """The home-care agency on its own target ("Steady growth", 55): Team scores 66, 11 above, and is still the
    weakest link, named where its levers are. Every reviewer of the twenty-second review read that as wrong; the
    headline now names what in Team holds Capacity's throughput back and says the average is not it. A Team below
    its target (a tattoo studio's) needs no such sentence."""
    growth, result, answers = _growth_case("home-care-agency-turning-away-referrals")
    team = result.dimension("team")
    assert result.balance.weakest == "team" and team.gap is not None and team.gap < 0
    summary = " ".join(build_report(growth, result, answers, WHEN).summary)
    assert "done in Team: people leave faster than they can be replaced and trained, and it takes too long" in summary
    assert f"Team scores {team.score:.0f} as a whole, above its target: what holds the business back is those " in (
        summary
    )
    growth, result, answers = _growth_case("tattoo-studio-books-open-quarterly")
    assert result.balance.weakest == "team" and result.balance.held_in == "capacity"
    summary = " ".join(build_report(growth, result, answers, WHEN).summary)
    assert "done in Team: it takes too long to add a useful pair of hands" in summary
    assert "as a whole, above its target" not in summary


@pytest.mark.parametrize(
    ("business", "named"),
    [
        ("Café Zürich & Sons", "readiness-cafe-zurich-sons-2026-12-01.pdf"),
        ("Frost & Co", "readiness-frost-co-2026-12-01.pdf"),
        ("Øresund Ålesund Bakeri", "readiness-oresund-alesund-bakeri-2026-12-01.pdf"),
        ("東京ラーメン", "readiness-assessment-2026-12-01.pdf"),
        (None, "readiness-assessment-2026-12-01.pdf"),
    ],
)
def test_a_download_is_named_after_the_business_with_its_accents_read_as_letters(business, named) -> None:
    """An exploratory browser pass downloaded "Café Zürich & Sons" as readiness-caf-z-rich-sons-…: an accented
    letter is its plain letter in a file name; a name with no Latin letters falls back to "assessment"."""
    from readiness.report import file_name

    assert file_name(business, "pdf", datetime(2026, 12, 1, tzinfo=UTC)) == named


@pytest.mark.parametrize(
    ("case", "full"),
    [
        ("coquet-smokehouse-salmon-kiln-full-food-hall-listing", True),  # cash named, the kiln at 92%
        ("totterdown-bread-deck-oven-full-clifton-shop", True),  # cash named, the oven at 96%
        ("strathbeg-oatcakes-full-tunnel-oven-gluten-free-range", False),  # the oven's own area is named
    ],
)
def test_a_capacity_named_in_its_cash_says_its_busiest_step_is_full_too(case: str, full: bool) -> None:
    """The twenty-fourth review: "where it would break first: cash and working capital" for a smokehouse whose
    salmon kiln is 92% busy and a bakery whose oven is at 96% read as the report overlooking what its own first
    fixes are about. Where the named area is not the full step's, the words say the step is full too."""
    growth, result, answers = _growth_case(case)
    assert result.balance.weakest == "capacity"
    said = render_markdown(build_report(growth, result, answers, WHEN))
    assert ("with its busiest step already full" in said) is full
    assert (result.balance.full_at == ("capacity", "throughput")) is True  # all three: a full step
    emptier = _growth_case(case, utilization=40)
    assert emptier[1].balance.full_at is None
    assert "with its busiest step already full" not in render_markdown(build_report(*emptier, WHEN))


def test_the_two_page_summary_points_to_the_workings_in_the_full_report() -> None:
    """A browser pass read "(see “How the verdict was reached”)" in the two-page PDF, which has no such section:
    there the pointer says the full report; the full report, which has it, says it as before."""
    growth = load_questionnaire(GROWTH)
    _, result, answers = _growth_case("kelham-pasta-sheffield-idle-ravioli-line-meal-kit-quote")
    report = build_report(growth, result, answers)
    summary = html.unescape(render_html(report, full=False))
    full = html.unescape(render_html(report))
    assert "How the verdict was reached</h3>" not in summary and "How the verdict was reached</h3>" in full
    assert "(see “How the verdict was reached” in the full report)" in summary
    assert "(see “How the verdict was reached”)" not in summary
    assert "(see “How the verdict was reached”)" in full


def test_a_question_the_form_did_not_show_is_said_as_not_shown_not_as_not_applying() -> None:
    """A browser pass: a cleaning firm's answers sheet said "Not asked (does not apply)" beside its typical order
    value and net margin, which the form shows only to an owner who opts into the surge test's details: they
    apply to any business. The answers table says they were not shown for these answers."""
    from .test_scoring_causes import case_answers

    growth = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    answers = case_answers(growth, "gower-otters-swim-school-waiting-list-weighing-neath-pool")
    assert answers["surge_detail"].value is False
    report = build_report(growth, score(growth, answers), AnswerSet(answers=answers), WHEN)
    said = {row.question_id: row.answer for row in report.answers}
    assert said["net_margin"] == said["average_order_value"] == "Not asked (not shown for these answers)"
    assert not any("does not apply" in text for text in said.values())


def test_a_campaign_advised_to_an_idle_business_reads_as_work_brought_in_not_a_bigger_push_or_a_gain() -> None:
    """The twenty-eighth review: a brewery on seven weeks of cash, its usual campaigns planned, read "Next: Bigger
    than before: A campaign, sponsorship or launch bigger than any we have run. Adds +6 points to demand
    pressure.": a push beyond anything before, and points to chase. The next step is one of the usual campaigns
    made bigger, and the points say the size of the work brought in for the room that stands idle."""
    growth, result, answers = _growth_case("gatebeck-brewing-kendal-dead-cans-and-hop-contracts")
    assert result.balance.quadrant == "idle_capacity"
    text = " ".join(render_markdown(build_report(growth, result, answers, WHEN)).split())
    assert "Next: One of the usual campaigns, made bigger on purpose." in text
    assert "bigger than any we have run" not in text and "to demand pressure." not in text
    assert "Brings in work for the capacity that stands idle (+" in text
