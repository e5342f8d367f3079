"""The score report as plain tables: a CSV file each (zipped) or a sheet each in Excel.

Figures stay numbers to the end; every text cell a spreadsheet could run as a formula is
neutralised (user text is untrusted).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from typing import Any

from readiness.errors import ReportError
from readiness.report_model import Report

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


class Signed(float):
    """A number shown with its sign, +43 or −12 (a gap, the balance index): still a number a sheet
    can sum, formatted to show the sign instead of being stored as the text "+43"."""


#: How Excel shows a :class:`Signed` number: +43, -12, 0.
SIGNED_FORMAT = "+0;-0;0"
#: Table names as file names inside the CSV zip, and as `--table` choices.
REPORT_TABLES = ("Summary", "Scores", "Findings", "Actions", "Answers")


def table_slug(name: str) -> str:
    """A table's name as a file or option name: "Discussion queue" -> "discussion-queue"."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "table"


def tables(report: Report) -> dict[str, list[dict[str, Any]]]:
    """The report's data as plain tables: one sheet each in Excel, one file each in the CSV zip.

    Figures are numbers (rounded as the report prints them, so the sheet and the PDF agree);
    a missing figure is an empty cell, never a dash a sum would trip over.
    """
    balance = None if report.balance_value is None else Signed(report.balance_value)
    return {
        "Summary": [
            {"Item": "Business", "Value": report.business},
            {"Item": "Date", "Value": report.date},
            {"Item": "Questionnaire", "Value": f"{report.questionnaire_id} {report.questionnaire_version}"},
            {"Item": "Questionnaire hash", "Value": report.questionnaire_hash},
            {"Item": "Target profile", "Value": report.profile},
            {"Item": f"{report.headline_label} ({report.scale_range})", "Value": report.operations_value},
            *(
                [
                    {
                        "Item": f"Weakest link: {report.weakest_link or '–'} ({report.scale_range})",
                        "Value": report.weakest_link_value,
                    },
                    {"Item": f"Demand pressure ({report.scale_range})", "Value": report.demand_value},
                    {"Item": f"Balance index (pressure minus {report.index_of})", "Value": balance},
                    {"Item": "Zone", "Value": report.quadrant},
                ]
                if report.has_balance
                else []
            ),
            *([{"Item": report.decision_heading, "Value": report.decision}] if report.decision else []),
            {"Item": "Completion", "Value": report.completion},
        ],
        "Scores": [
            {
                "Dimension": d.title,
                "Side": d.side,
                "Score": d.score_value,
                "Level": d.level.replace(" (held back: see below)", " (held back)"),
                "Target": d.target_value,
                "Gap": None if d.gap_value is None else Signed(d.gap_value),
                "Answered": d.answered,
                "Held back by": d.held_back,
            }
            for d in report.dimensions
        ],
        **(
            {
                "Areas": [
                    {"Dimension": d.title, "Area": title, "Score": _printed_number(value)}
                    for d in report.dimensions
                    for title, value in d.areas
                ]
            }
            if any(d.areas for d in report.dimensions)
            else {}
        ),
        "Findings": [
            {
                "Rank": f.rank,
                "Question": f.question,
                "Dimension": f.dimension,
                "Critical": f.critical_tag,
                "Now": f.now,
                "Next": f"{f.next}: {f.next_detail}" if f.next_detail else f.next,
                "Points": f.points_value,
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
                "Figure": a.figure,
                "Level (0-100)": a.level_value,
                "Note": a.note,
            }
            for a in report.answers
        ],
    }


def render_csv(report: Report, table: str | None = None) -> bytes:
    """Every table as its own CSV file in one zip; or, given ``table``, that one table's CSV."""
    named = tables(report)
    if table is not None:
        return csv_table(pick_table(named, table))
    return csv_zip(named, report.date)


def render_xlsx(report: Report) -> bytes:
    """An Excel workbook, one sheet per table, text cells that can never run as formulas."""
    return tables_xlsx(tables(report))


def pick_table(named: dict[str, list[dict[str, Any]]], table: str) -> list[dict[str, Any]]:
    """One table by its name or slug ("scores", "Discussion queue", "discussion-queue")."""
    by_slug = {table_slug(name): rows for name, rows in named.items()}
    if table_slug(table) not in by_slug:
        raise ReportError(f"unknown table {table!r}; choose one of: {', '.join(by_slug)}")
    return by_slug[table_slug(table)]


def _csv_value(value: Any) -> Any:
    """A CSV cell: numbers bare (a whole number without ".0"; a gap as -12 or 43, the sign a
    sheet would read as a formula left to the format), text neutralised and quoted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        value = float(value)  # a Signed number is written like any other
        return int(value) if value.is_integer() else round(value, 2)
    if isinstance(value, int):
        return value
    return _csv_cell(value)


def csv_table(rows: list[dict[str, Any]], columns: list[str] | None = None) -> bytes:
    """One table as one CSV file: a header row, then a row per record; UTF-8 with a BOM."""
    out = io.StringIO()
    # Every text cell in quotes (RFC 4180 and OWASP's advice), so a comma, semicolon or line
    # break in a note never moves the cells after it; numbers stay bare, so they stay numbers.
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
    columns = columns or (list(rows[0]) if rows else [])
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_value(row.get(c)) for c in columns])
    return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def csv_zip(named: dict[str, list[dict[str, Any]]], date: str) -> bytes:
    """One CSV per table (``scores.csv``, ``answers.csv``...), zipped: tables with different
    columns never share a file, and each opens in a spreadsheet as it is."""
    import zipfile

    try:
        day = datetime.strptime(date, "%Y-%m-%d")
        stamp = (day.year, day.month, day.day, 0, 0, 0)
    except ValueError:
        stamp = (1980, 1, 1, 0, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in named.items():
            # A fixed time stamp (the report's date): the same report zips to the same bytes.
            info = zipfile.ZipInfo(f"{table_slug(name)}.csv", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, csv_table(rows))
    return buffer.getvalue()


def _xlsx_safe(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def tables_xlsx(named: dict[str, list[dict[str, Any]]]) -> bytes:
    """One sheet per table (sheet names cut to Excel's 31 characters): numbers stored as numbers
    (signed ones shown +43 by a number format, not as the text "'+43"), text stored as text that
    can never run as a formula."""
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
            for index, column in enumerate(columns, start=1):
                value = row[column]
                if isinstance(value, str):
                    # Text that starts like a formula gets its quote (it is user text, and other
                    # tools re-read the sheet); text is stored as text, never as a formula.
                    # (Reaching the row through `sheet[sheet.max_row]` scanned every cell
                    # written so far: an 18,000-question report took minutes.)
                    cell = sheet.cell(row=number, column=index, value=_xlsx_safe(neutralise(value)))
                    cell.data_type = "s"
                elif isinstance(value, bool):
                    sheet.cell(row=number, column=index, value="yes" if value else "no")
                else:
                    cell = sheet.cell(row=number, column=index, value=value)
                    if isinstance(value, Signed):
                        cell.number_format = SIGNED_FORMAT
        sheet.freeze_panes = "A2"  # the header stays in view while scrolling
        sheet.auto_filter.ref = sheet.dimensions  # and each column can be filtered and sorted
        for index, column in enumerate(columns, start=1):
            width = max(len(str(column)), *(len("" if r[column] is None else str(r[column])) for r in rows))
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(60, max(10, width + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _printed_number(text: str) -> float | None:
    """A printed score ("1.75", "33", "–") back as the number it shows, for a sheet's cell."""
    try:
        return float(text)
    except ValueError:
        return None
