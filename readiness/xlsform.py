"""Questionnaires authored in a spreadsheet: an XLSForm-style workbook to YAML (the way back: xlsform_export).

Consultants write forms in spreadsheets, and XLSForm (ODK, KoboToolbox) is the
common convention for that: a ``survey`` sheet (one question a row: ``type``,
``name``, ``label``, ``hint``, ``relevant``), a ``choices`` sheet (answer lists:
``list_name``, ``name``, ``label``) and a ``settings`` sheet (``form_id``,
``version``, ``form_title``). Readiness reads that convention and adds what
scoring needs: columns (``dimension``, ``weight``, ``critical``, ``anchors``
...) and sheets (``dimensions``, ``levels``, ``profiles``, ``bands``,
``recommendations``). docs/bring-your-framework.md lists every one.

The XLSForm side is checked by pyxform, the reference XLSForm converter, so a
workbook that imports here is also a form ODK tools accept; Readiness' own rules
are then checked by the questionnaire loader. Every problem, from either, is
reported at its sheet, row and column, because that is where the author fixes it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from readiness.balance import QUADRANTS
from readiness.errors import ProblemsError, ReadinessError
from readiness.loader import parse_questionnaire
from readiness.model import (
    QUESTION_TYPES,
    Area,
    Band,
    Dimension,
    Level,
    Profile,
    Questionnaire,
    Recommendation,
)

#: The sheets, in the order a workbook lists them; survey, choices and settings are XLSForm's own.
SHEETS = ("survey", "choices", "settings", "dimensions", "areas", "levels", "profiles", "bands", "recommendations")
SURVEY_COLUMNS = (
    "type",
    "name",
    "label",
    "hint",
    "relevant",
    "dimension",
    "area",
    "weight",
    "critical",
    "allow_na",
    "allow_dont_know",
    "unit",
    "min",
    "max",
    "yes_score",
    "no_score",
    "anchors",
    "dont_know_advice",
    "dont_know_finding",
    "surge_input",
)
SETTINGS_COLUMNS = (
    "form_id",
    "version",
    "form_title",
    "description",
    "languages",
    "score_min",
    "score_max",
    "score_decimals",
    "score_unit",
    "score_label",
    "dont_know",
    "not_applicable",
    "unanswered",
    "rollup",
)
#: What an option tells an owner weighing that step, one text column per verdict (``verdict_danger_zone``).
VERDICT_COLUMNS = tuple(f"verdict_{verdict}" for verdict in QUADRANTS)
COLUMNS: dict[str, tuple[str, ...]] = {
    "survey": SURVEY_COLUMNS,
    # `score`, not `value`: XLSForm reads `value` as another name for `name`
    "choices": (
        *("list_name", "name", "label", "score", "weight", "description", "finding", "next_step"),
        *("points_to", "prepares"),
        *VERDICT_COLUMNS,
        *("relieves", "spends", "elsewhere", "variants"),
        "list_label",
    ),
    "settings": SETTINGS_COLUMNS,
    "dimensions": ("name", "label", "side", "weight", "description"),
    "areas": ("dimension", "name", "label", "description"),
    "levels": ("name", "label", "min", "description"),
    "profiles": ("name", "label", "description", "default"),
    "bands": ("question", "up_to", "below", "score", "label"),
    "recommendations": ("question", "when", "text", "effort", "impact", "horizon"),
}
_QUESTION_FIELDS = frozenset().union(*(m.model_fields for m in QUESTION_TYPES.values()))
#: Model fields a sheet has no column of its own for: written as a YAML value in a column named
#: after the field, so keys the format gains later survive a round trip without a change here.
_HANDLED = {
    "dimensions": frozenset({"id", "title", "description", "side", "weight", "areas"}),
    "areas": frozenset({"id", "title", "description"}),
    "levels": frozenset({"id", "name", "min", "description"}),
    "profiles": frozenset({"id", "title", "description", "targets", "default"}),
    "survey": frozenset(
        {"id", "dimension", "area", "text", "help", "weight", "critical", "show_if", "allow_na", "allow_dont_know"}
        | {"recommendations", "dont_know_advice", "dont_know_finding", "surge_input", "type", "scale", "anchors"}
        | {"yes_score"}
        | {"no_score", "options", "min", "max", "integer", "unit", "bands"}
    ),
    "recommendations": frozenset({"text", "when", "effort", "impact", "horizon"}),
    "bands": frozenset({"up_to", "below", "score", "label"}),
    "settings": frozenset(
        {"schema_version", "id", "version", "title", "description", "languages", "dimensions", "scales"}
        | {"levels", "profiles", "questions", "scoring", "score_scale"}
    ),
}
_MODEL_FIELDS = {
    "dimensions": frozenset(Dimension.model_fields),
    "areas": frozenset(Area.model_fields),
    "levels": frozenset(Level.model_fields),
    "profiles": frozenset(Profile.model_fields),
    "survey": _QUESTION_FIELDS,
    "recommendations": frozenset(Recommendation.model_fields),
    "bands": frozenset(Band.model_fields),
    "settings": frozenset(Questionnaire.model_fields),
}
EXTRA_COLUMNS = {sheet: fields - _HANDLED[sheet] for sheet, fields in _MODEL_FIELDS.items()}
#: Display texts that may have one column per language (``label::de``), as in XLSForm.
TEXT_COLUMNS = frozenset(
    {"label", "hint", "description", "unit", "text", "form_title", "score_label", "score_unit", "list_label"}
)
TEXT_COLUMNS = TEXT_COLUMNS | {"dont_know_advice", "dont_know_finding", "finding", *VERDICT_COLUMNS, "elsewhere"}
TEXT_COLUMNS = TEXT_COLUMNS | {"next_step"}
YES_NO_LIST = "yes_no"
#: Far above any real questionnaire (the default one has ~130 questions); read no further than this.
MAX_ROWS = 5_000
MAX_COLUMNS = 200
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@dataclass(frozen=True)
class SheetProblem:
    """A problem in a workbook, where the author can find it."""

    sheet: str
    row: int | None
    column: str | None
    message: str
    file: str = "<workbook>"

    def location(self) -> str:
        parts = [f"sheet {self.sheet}"]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.file}: {self.location()}: {self.message}"


class WorkbookError(ReadinessError):
    """The workbook cannot become a questionnaire; ``problems`` says where and why, every one."""

    def __init__(self, problems: list[SheetProblem], file: str) -> None:
        self.problems = problems
        self.file = file
        super().__init__(f"{file}: {len(problems)} problem(s) in the workbook")

    def __str__(self) -> str:
        return "\n".join([f"{self.args[0]}:", *(f"  {p}" for p in self.problems)])


# --- reading ------------------------------------------------------------------------------


@dataclass
class _Row:
    sheet: str
    number: int  # the spreadsheet's row number (header is 1)
    cells: dict[str, Any]
    letters: dict[str, str]  # header -> column letter

    def get(self, key: str) -> Any:
        value = self.cells.get(key)
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def column(self, key: str) -> str:
        letter = self.letters.get(key)
        return f"{key} ({letter})" if letter else key


def _read_sheets(data: bytes, file: str) -> tuple[dict[str, list[_Row]], list[SheetProblem]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise WorkbookError(
            [SheetProblem("-", None, None, f"not an Excel workbook (.xlsx): {exc}", file)], file
        ) from exc
    sheets: dict[str, list[_Row]] = {}
    problems: list[SheetProblem] = []
    names = {name.strip().lower(): name for name in book.sheetnames}
    for wanted in ("survey", "choices", "settings"):
        if wanted not in names:
            problems.append(SheetProblem(wanted, None, None, f"the workbook has no `{wanted}` sheet", file))
    for key, name in names.items():
        if key not in SHEETS:
            continue
        rows = []
        for row in book[name].iter_rows(values_only=True, max_col=MAX_COLUMNS):
            rows.append(row)
            if len(rows) > MAX_ROWS:  # a sheet this long is not a questionnaire (or is a zip bomb): stop reading
                problems.append(
                    SheetProblem(key, MAX_ROWS + 1, None, f"the sheet has more than {MAX_ROWS:,} rows", file)
                )
                break
        if not rows:
            sheets[key] = []
            continue
        from openpyxl.utils import get_column_letter

        headers = [str(h).strip() if h is not None else "" for h in rows[0]]
        letters = {h: get_column_letter(i + 1) for i, h in enumerate(headers) if h}
        known = set(COLUMNS[key])
        for header, letter in letters.items():
            base = header.split("::", 1)[0]
            allowed = base in known or (key == "profiles" and base.startswith("target_"))
            allowed = allowed or base in EXTRA_COLUMNS.get(key, ())
            allowed = allowed and ("::" not in header or base in TEXT_COLUMNS)
            if not allowed:
                hint = _close(header, list(known))
                problems.append(SheetProblem(key, 1, f"{header} ({letter})", f"unknown column `{header}`{hint}", file))
        out = []
        for offset, values in enumerate(rows[1:], start=2):
            cells = {h: v for h, v in zip(headers, values, strict=False) if h}
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells.values()):
                continue
            out.append(_Row(key, offset, cells, letters))
        sheets[key] = out
    return sheets, problems


def _close(word: str, options: list[str]) -> str:
    import difflib

    match = difflib.get_close_matches(word, options, n=1)
    return f"; did you mean `{match[0]}`?" if match else ""


#: Choice cells that speak to a step the owner is weighing: read only on a select_one list of named options.
STEP_COLUMNS = (*VERDICT_COLUMNS, "relieves", "spends", "elsewhere", "variants")


def _step_cells_refused(list_name: str, rows: list[_Row], problems: list[SheetProblem], file: str) -> None:
    """A scale's or a yes/no list's rows become levels, which cannot speak to a verdict: a `verdict_*`,
    `relieves` or `elsewhere` cell there would be dropped without a word, so it is named instead."""
    kind = "the yes/no list" if list_name == YES_NO_LIST else f"list `{list_name}`, a scale (its names are numbers)"
    for r in rows:
        for column in STEP_COLUMNS:
            if _text(r, column) is not None:
                problems.append(
                    SheetProblem(
                        "choices",
                        r.number,
                        r.column(column),
                        f"`{column}` is read only on the named options of a select_one list (a step the owner "
                        f"is weighing); {kind} cannot speak to a verdict: move it or leave the cell empty",
                        file,
                    )
                )


def _text(row: _Row, key: str) -> Any:
    """A display text: the plain column, or one column per language (``label::de``) as a mapping."""
    languages = {}
    for header in row.cells:
        if header.startswith(f"{key}::"):
            value = row.get(header)
            if value is not None:
                lang = header.split("::", 1)[1]
                match = re.search(r"\(([A-Za-z-]+)\)\s*$", lang)  # XLSForm's `label::English (en)`
                languages[(match.group(1) if match else lang).strip()] = str(value)
    if languages:
        return languages
    value = row.get(key)
    return None if value is None else str(value)


def _number(row: _Row, key: str, problems: list[SheetProblem], file: str) -> Any:
    value = row.get(key)
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() and isinstance(value, int) else value
    if isinstance(value, str) and _NUMBER.match(value):
        return float(value) if "." in value else int(value)
    problems.append(SheetProblem(row.sheet, row.number, row.column(key), f"`{value}` is not a number", file))
    return None


def _flag(row: _Row, key: str, problems: list[SheetProblem], file: str) -> bool | None:
    value = row.get(key)
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("yes", "true", "1", "true()"):
        return True
    if text in ("no", "false", "0", "false()"):
        return False
    problems.append(SheetProblem(row.sheet, row.number, row.column(key), f"`{value}` is not yes or no", file))
    return None


def relevant_to_show_if(relevant: str) -> str:
    """An XLSForm ``relevant`` condition in Readiness' condition language.

    ``${q} = 'x'`` becomes ``q == 'x'``; ``selected(${q}, 'x')`` becomes ``'x' in q``;
    ``not(...)`` keeps its meaning. Anything the language does not accept is then
    reported by the loader at the cell, like any condition.
    """
    text = re.sub(r"selected\(\s*\$\{(\w+)\}\s*,\s*('[^']*'|\"[^\"]*\")\s*\)", r"\2 in \1", relevant)
    text = re.sub(r"\$\{(\w+)\}", r"\1", text)
    text = re.sub(r"(?<![=!<>])=(?!=)", "==", text)
    text = re.sub(r"\bnot\(", "not (", text)
    text = text.replace("true()", "true").replace("false()", "false")
    return text


def show_if_to_relevant(show_if: str, names: Iterable[str]) -> str:
    """Readiness' condition written the XLSForm way (the inverse of :func:`relevant_to_show_if`)."""
    known = set(names)
    text = re.sub(
        r"('[^']*'|\"[^\"]*\")\s+in\s+(\w+)\b", lambda m: f"selected(${{{m.group(2)}}}, {m.group(1)})", show_if
    )

    def name(match: re.Match[str]) -> str:
        word = match.group(0)
        return f"${{{word}}}" if word in known else word

    # question ids outside quotes become ${id}
    parts = re.split(r"('[^']*'|\"[^\"]*\"|\$\{\w+\})", text)
    parts = [p if p.startswith(("'", '"', "${")) else re.sub(r"\b[a-z]\w*\b", name, p) for p in parts]
    text = "".join(parts)
    return re.sub(r"==", "=", text)


def workbook_to_data(
    data: bytes, file: str = "<workbook>"
) -> tuple[dict[str, Any], dict[str, tuple[str, int]], list[SheetProblem]]:
    """The questionnaire data of a workbook, where each item came from (to locate problems), and the
    problems found on the way (the data is still built, so the loader can find the rest too)."""
    sheets, problems = _read_sheets(data, file)
    if not any("more than" in p.message and "rows" in p.message for p in problems):
        problems += _pyxform_problems(data, file)  # pyxform reads the whole workbook: not one that is too long
    where: dict[str, tuple[str, int]] = {}
    out: dict[str, Any] = {"schema_version": 1}

    settings = sheets.get("settings") or []
    s = settings[0] if settings else _Row("settings", 2, {}, {})
    for key, target in (("form_id", "id"), ("version", "version"), ("form_title", "title")):
        value = _text(s, key) if key == "form_title" else s.get(key)
        if value is None:
            problems.append(SheetProblem("settings", 2, key, f"`{key}` is required", file))
        out[target] = str(value) if isinstance(value, int | float) else value
    where["settings"] = ("settings", s.number)
    if (description := _text(s, "description")) is not None:
        out["description"] = description
    if (languages := s.get("languages")) is not None:
        out["languages"] = [x.strip() for x in str(languages).split(",") if x.strip()]

    dims: list[dict[str, Any]] = []
    for i, row in enumerate(sheets.get("dimensions") or []):
        item: dict[str, Any] = {"id": row.get("name"), "title": _text(row, "label"), "side": row.get("side")}
        if (w := _number(row, "weight", problems, file)) is not None:
            item["weight"] = w
        if (d := _text(row, "description")) is not None:
            item["description"] = d
        item.update(_extras(row, problems, file))
        dims.append(item)
        where[f"dimensions[{i}]"] = ("dimensions", row.number)
    by_dim = {d["id"]: d for d in dims}
    for row in sheets.get("areas") or []:
        dim = by_dim.get(row.get("dimension"))
        if dim is None:
            hint = _close(str(row.get("dimension")), [str(k) for k in by_dim])
            problems.append(
                SheetProblem(
                    "areas",
                    row.number,
                    row.column("dimension"),
                    f"unknown dimension `{row.get('dimension')}`{hint}",
                    file,
                )
            )
            continue
        area: dict[str, Any] = {"id": row.get("name"), "title": _text(row, "label")}
        if (d := _text(row, "description")) is not None:
            area["description"] = d
        area.update(_extras(row, problems, file))
        dim.setdefault("areas", []).append(area)
        where[f"dimensions[{dims.index(dim)}].areas[{len(dim['areas']) - 1}]"] = ("areas", row.number)
    out["dimensions"] = dims

    # settings that are Readiness' own
    scale: dict[str, Any] = {}
    for key, target in (("score_min", "min"), ("score_max", "max"), ("score_decimals", "decimals")):
        if (v := _number(s, key, problems, file)) is not None:
            scale[target] = v
    for key, target in (("score_unit", "unit"), ("score_label", "label")):
        if (v := _text(s, key)) is not None:
            scale[target] = v
    policy = {k: s.get(k) for k in ("dont_know", "not_applicable", "unanswered", "rollup") if s.get(k) is not None}

    # answer lists
    lists: dict[str, list[_Row]] = {}
    for row in sheets.get("choices") or []:
        lists.setdefault(str(row.get("list_name")), []).append(row)
    scales = []
    scale_lists: dict[str, int] = {}
    for list_name, rows in lists.items():
        if list_name == YES_NO_LIST or all(_is_number(r.get("name")) for r in rows):
            _step_cells_refused(list_name, rows, problems, file)
        if list_name == YES_NO_LIST or not all(_is_number(r.get("name")) for r in rows):
            continue
        options = []
        for r in rows:
            option: dict[str, Any] = {"value": _as_number(r.get("name")), "label": _text(r, "label")}
            if (w := _number(r, "weight", problems, file)) is not None:
                option["weight"] = w
            if (d := _text(r, "description")) is not None:
                option["description"] = d
            options.append(option)
        scale_lists[list_name] = len(scales)
        where[f"scales[{len(scales)}]"] = ("choices", rows[0].number)
        scale_item: dict[str, Any] = {"id": list_name}
        if (title := _text(rows[0], "list_label")) is not None:
            scale_item["title"] = title
        scale_item["options"] = options
        scales.append(scale_item)
    if scales:
        out["scales"] = scales

    levels = []
    for i, row in enumerate(sheets.get("levels") or []):
        level: dict[str, Any] = {"id": row.get("name"), "name": _text(row, "label")}
        level["min"] = _number(row, "min", problems, file)
        if (d := _text(row, "description")) is not None:
            level["description"] = d
        level.update(_extras(row, problems, file))
        levels.append(level)
        where[f"levels[{i}]"] = ("levels", row.number)
    out["levels"] = levels

    profiles = []
    for i, row in enumerate(sheets.get("profiles") or []):
        profile: dict[str, Any] = {"id": row.get("name"), "title": _text(row, "label")}
        if (d := _text(row, "description")) is not None:
            profile["description"] = d
        targets = {}
        for header in row.cells:
            if header.startswith("target_") and (v := _number(row, header, problems, file)) is not None:
                targets[header.removeprefix("target_")] = v
        profile["targets"] = targets
        if (flag := _flag(row, "default", problems, file)) is not None:
            profile["default"] = flag
        profile.update(_extras(row, problems, file))
        profiles.append(profile)
        where[f"profiles[{i}]"] = ("profiles", row.number)
    out["profiles"] = profiles

    bands: dict[str, list[dict[str, Any]]] = {}
    for row in sheets.get("bands") or []:
        band: dict[str, Any] = {}
        for key in ("up_to", "below"):
            if (v := _number(row, key, problems, file)) is not None:
                band[key] = v
        band["score"] = _number(row, "score", problems, file)
        band["label"] = _text(row, "label")
        band.update(_extras(row, problems, file))
        bands.setdefault(str(row.get("question")), []).append(band)
    recommendations: dict[str, list[dict[str, Any]]] = {}
    for row in sheets.get("recommendations") or []:
        rec: dict[str, Any] = {}
        if row.get("when") is not None:
            rec["when"] = str(row.get("when"))
        rec["text"] = _text(row, "text")
        for key in ("effort", "impact"):
            if row.get(key) is not None:
                rec[key] = row.get(key)
        if (h := _number(row, "horizon", problems, file)) is not None:
            rec["horizon"] = h
        rec.update(_extras(row, problems, file))
        recommendations.setdefault(str(row.get("question")), []).append(rec)

    questions = []
    seen_questions: set[str] = set()
    for row in sheets.get("survey") or []:
        kind = str(row.get("type") or "")
        parts = kind.split()
        base = parts[0] if parts else ""
        if base in ("begin_group", "end_group", "begin", "end", "note", "calculate", "start", "end_survey"):
            continue
        question: dict[str, Any] = {"id": row.get("name"), "dimension": row.get("dimension")}
        if row.get("area") is not None:
            question["area"] = row.get("area")
        list_name = parts[1] if len(parts) > 1 else None
        if base == "select_one" and list_name == YES_NO_LIST:
            question["type"] = "yes_no"
        elif base == "select_one" and list_name in scale_lists:
            question["type"] = "scale"
            question["scale"] = list_name
        elif base in ("select_one", "select_multiple"):
            question["type"] = "single_choice" if base == "select_one" else "multiple_choice"
            rows = lists.get(str(list_name))
            if rows is None:
                problems.append(
                    SheetProblem(
                        "survey",
                        row.number,
                        row.column("type"),
                        f"no list `{list_name}` on the choices sheet{_close(str(list_name), list(lists))}",
                        file,
                    )
                )
                rows = []
            options = []
            for r in rows:
                option = {"id": r.get("name"), "label": _text(r, "label")}
                if (v := _number(r, "score", problems, file)) is not None:
                    option["value"] = v
                if (d := _text(r, "description")) is not None:
                    option["description"] = d
                if (f := _text(r, "finding")) is not None:  # what this answer means, instead of the question's
                    option["finding"] = f
                if (n := _text(r, "next_step")) is not None:  # where a finding at it aims, instead of the next option
                    option["next_step"] = n
                if ids := str(r.get("points_to") or "").replace(",", " ").split():  # harm named: where it is fixed
                    option["points_to"] = ids
                if kinds := str(r.get("prepares") or "").replace(",", " ").split():  # what an event needs ready
                    option["prepares"] = kinds
                said = {c.removeprefix("verdict_"): t for c in VERDICT_COLUMNS if (t := _text(r, c)) is not None}
                if said:  # a step the owner is weighing: what each verdict means for it
                    option["verdicts"] = said
                if parts := str(r.get("relieves") or "").replace(",", " ").split():  # what the step adds to
                    option["relieves"] = parts
                if paid := str(r.get("spends") or "").replace(",", " ").split():  # what the step is paid from
                    option["spends"] = paid
                if (e := _text(r, "elsewhere")) is not None:  # said while the queue waits on another part
                    option["elsewhere"] = e
                if (v := _yaml_cell(r, "variants", problems, file)) is not None:  # said in the owner's terms
                    option["variants"] = v
                options.append(option)
            question["options"] = options
        elif base in ("integer", "decimal"):
            question["type"] = "number"
            if base == "integer":
                question["integer"] = True
        elif base == "text":
            question["type"] = "text"
        else:
            problems.append(
                SheetProblem(
                    "survey",
                    row.number,
                    row.column("type"),
                    f"question type `{kind}` is not one Readiness scores; use select_one LIST, "
                    "select_multiple LIST, integer, decimal or text",
                    file,
                )
            )
            continue
        question["text"] = _text(row, "label")
        if (h := _text(row, "hint")) is not None:
            question["help"] = h
        for key in ("weight", "min", "max", "yes_score", "no_score"):
            if (v := _number(row, key, problems, file)) is not None:
                question[key] = v
        for key in ("critical", "allow_na", "allow_dont_know"):
            if (flag := _flag(row, key, problems, file)) is not None:
                question[key] = flag
        if (unit := _text(row, "unit")) is not None:
            question["unit"] = unit
        if (relevant := row.get("relevant")) is not None:
            question["show_if"] = relevant_to_show_if(str(relevant))
        if (anchors := row.get("anchors")) is not None:
            try:
                parsed = yaml.safe_load(str(anchors))
            except yaml.YAMLError:
                parsed = None
            if not isinstance(parsed, dict):
                problems.append(
                    SheetProblem(
                        "survey",
                        row.number,
                        row.column("anchors"),
                        "anchors are one `value: what it looks like` a line",
                        file,
                    )
                )
            else:
                question["anchors"] = {
                    ("yes" if k is True else "no" if k is False else k): v for k, v in parsed.items()
                }
        if (advice := _text(row, "dont_know_advice")) is not None:
            question["dont_know_advice"] = advice
        if (unknown := _text(row, "dont_know_finding")) is not None:
            question["dont_know_finding"] = unknown
        if row.get("surge_input") is not None:
            question["surge_input"] = row.get("surge_input")
        question.update(_extras(row, problems, file))
        qid = str(question["id"])
        if qid in bands:
            question["bands"] = bands[qid]
        if qid in recommendations:
            question["recommendations"] = recommendations[qid]
        where[f"questions[{len(questions)}]"] = ("survey", row.number)
        seen_questions.add(qid)
        questions.append(question)
    for sheet, table in (("bands", bands), ("recommendations", recommendations)):
        for qid in table:
            if qid not in seen_questions:
                first = next(r for r in sheets.get(sheet, []) if str(r.get("question")) == qid)
                problems.append(
                    SheetProblem(
                        sheet,
                        first.number,
                        first.column("question"),
                        f"no question `{qid}` on the survey sheet{_close(qid, sorted(seen_questions))}",
                        file,
                    )
                )
    out["questions"] = questions
    if policy:
        out["scoring"] = policy
    out.update(_extras(s, problems, file))  # balance, plan, contradictions ... as YAML values
    if scale:
        out["score_scale"] = scale
    return _drop_none(out), where, _unique(problems)


def _yaml_cell(row: _Row, key: str, problems: list[SheetProblem], file: str) -> Any:
    """A cell holding a YAML value (a list of variants), or None when empty or unreadable (said as a problem)."""
    value = row.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return yaml.safe_load(value) if isinstance(value, str) else value
    except yaml.YAMLError as exc:
        problems.append(SheetProblem(row.sheet, row.number, row.column(key), f"not a YAML value: {exc}", file))
        return None


def _extras(row: _Row, problems: list[SheetProblem], file: str) -> dict[str, Any]:
    """The row's columns for model fields without a column of their own, each a YAML value."""
    out: dict[str, Any] = {}
    for key in EXTRA_COLUMNS.get(row.sheet, ()):
        value = row.get(key)
        if value is None:
            continue
        # lists and mappings are written in YAML's flow style ([a, b], {k: v}); other text is text
        if isinstance(value, str) and value.startswith(("[", "{", '"', "'")):
            try:
                value = yaml.safe_load(value)
            except yaml.YAMLError as exc:
                problems.append(SheetProblem(row.sheet, row.number, row.column(key), f"not a YAML value: {exc}", file))
                continue
        out[key] = value
    return out


def _unique(problems: list[SheetProblem]) -> list[SheetProblem]:
    seen, out = set(), []
    for p in problems:
        key = (p.sheet, p.row, p.column, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _is_number(value: Any) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)) or (
        isinstance(value, str) and bool(_NUMBER.match(value.strip()))
    )


def _as_number(value: Any) -> float | int:
    number = float(value)
    return int(number) if number.is_integer() else number


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


_PYXFORM_ROW = re.compile(r"\[row\s*:\s*(\d+)\]")


def _pyxform_problems(data: bytes, file: str) -> list[SheetProblem]:
    """What pyxform, the reference XLSForm converter, finds wrong with the XLSForm side."""
    try:
        from pyxform.errors import PyXFormError
        from pyxform.xls2xform import convert
    except ImportError:  # pragma: no cover - pyxform is a requirement; without it only our checks run
        return []
    try:
        convert(xlsform=io.BytesIO(data), file_type=".xlsx", validate=False, warnings=[])
    except PyXFormError as exc:
        message = str(exc)
        on = re.search(r"[Oo]n the '(\w+)' sheet", message)
        sheet = on.group(1) if on and on.group(1) in COLUMNS else "survey"
        found = _PYXFORM_ROW.search(message)
        row = int(found.group(1)) if found else None
        text = _PYXFORM_ROW.sub("", message).strip(" :")
        named = [w for w in re.findall(r"'(\w+)'", text) if w in COLUMNS[sheet] and w != sheet]
        return [SheetProblem(sheet, row, named[0] if named else None, f"XLSForm: {text}", file)]
    except Exception:  # pyxform failing on something it does not expect is not the author's problem
        return []
    return []


def _locate(
    problem: Any, where: dict[str, tuple[str, int]], file: str, letters: dict[str, dict[str, str]]
) -> SheetProblem:
    """A loader problem (a YAML key path) at the sheet, row and column it came from."""
    path = problem.path or ""
    best = ("settings", None)
    best_key = ""
    for key, place in where.items():
        if (path == key or path.startswith(key + ".") or path.startswith(key + "[")) and len(key) > len(best_key):
            best, best_key = place, key
    rest = path[len(best_key) :].lstrip(".")
    column = _column_of(best[0], best_key, rest)
    letter = letters.get(best[0], {}).get(column or "")
    column = f"{column} ({letter})" if column and letter else column
    message = problem.message + ("" if problem.is_error else " (warning)")
    return SheetProblem(best[0], best[1], column, f"{problem.code} {message}", file)


_KEY_COLUMNS = {
    "text": "label",
    "title": "label",
    "name": "label",
    "help": "hint",
    "show_if": "relevant",
    "scale": "type",
    "type": "type",
    "id": "name",
    "options": "type",
    "targets": "target_…",
    "bands": "bands sheet",
    "recommendations": "recommendations sheet",
}


def _column_of(sheet: str, item: str, rest: str) -> str | None:
    if not rest:
        return None
    key = re.split(r"[.\[]", rest, maxsplit=1)[0]
    if sheet == "profiles" and key == "targets":
        sub = rest.split(".")
        return f"target_{sub[1]}" if len(sub) > 1 else "target_…"
    if sheet == "settings":
        return {"id": "form_id", "title": "form_title"}.get(key, key)
    return _KEY_COLUMNS.get(key, key)


def import_workbook(data: bytes, file: str = "<workbook>") -> tuple[str, Questionnaire]:
    """The questionnaire YAML of a workbook and the questionnaire it loads as.

    Raises :class:`WorkbookError` with every problem located by sheet, row and column.
    """
    out, where, problems = workbook_to_data(data, file)
    text = dump_yaml(out)
    try:
        loaded = parse_questionnaire(text, file)
    except ProblemsError as exc:
        letters = _letters(data)
        located = [_locate(p, where, file, letters) for p in exc.problems]
        raise WorkbookError(_unique(problems + located), file) from exc
    if problems:
        raise WorkbookError(problems, file)
    return text, loaded.questionnaire


def _letters(data: bytes) -> dict[str, dict[str, str]]:
    """Each sheet's header → column letter, to name a column the way the spreadsheet shows it."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    book = load_workbook(io.BytesIO(data), read_only=True)
    out: dict[str, dict[str, str]] = {}
    for name in book.sheetnames:
        first = next(book[name].iter_rows(max_row=1, values_only=True), ())
        out[name.strip().lower()] = {str(h).strip(): get_column_letter(i + 1) for i, h in enumerate(first) if h}
    return out


def dump_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def read_workbook(path: str | Path) -> tuple[str, Questionnaire]:
    path = Path(path)
    return import_workbook(path.read_bytes(), path.name)


# --- writing ------------------------------------------------------------------------------
