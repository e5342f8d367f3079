"""A questionnaire written out as an XLSForm-style workbook, the way back of :mod:`readiness.xlsform`.

A consultant adapting a shipped questionnaire starts from a workbook of it: every setting, dimension, area,
level, profile, question, option, band and recommendation on the sheets and in the columns the importer reads,
texts in every language as ``label::<lang>`` columns, and fields the sheets have no column of their own for
written as YAML in a column named after them, so importing the workbook gives the questionnaire back unchanged
(tests/test_xlsform.py holds the round trip for both shipped questionnaires).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import yaml

from readiness.model import (
    MultipleChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    ScaleQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    YesNoQuestion,
)
from readiness.xlsform import COLUMNS, EXTRA_COLUMNS, SHEETS, YES_NO_LIST, show_if_to_relevant


def _put_extras(row: dict[str, Any], sheet: str, item: Any) -> None:
    for key in sorted(EXTRA_COLUMNS[sheet]):
        field = type(item).model_fields.get(key)
        if field is None:
            continue
        value = getattr(item, key)
        if value == field.get_default(call_default_factory=True):
            continue
        plain = value if isinstance(value, str | int | float | bool) else _plain(value)
        if isinstance(plain, str) and plain.startswith(("[", "{", '"', "'")):
            plain = yaml.safe_dump(plain, width=1000).strip().removesuffix("\n...")  # quoted, so read back as text
        row[key] = (
            plain
            if isinstance(plain, str | int | float | bool)
            else yaml.safe_dump(plain, default_flow_style=True, width=1000).strip()
        )


def _plain(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", exclude_defaults=True)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _languages(values: Iterable[Any]) -> list[str]:
    langs: list[str] = []
    for value in values:
        if isinstance(value, dict):
            langs += [k for k in value if k not in langs]
    return langs


def _put_text(row: dict[str, Any], key: str, value: Any) -> None:
    if isinstance(value, dict):
        for lang, text in value.items():
            row[f"{key}::{lang}"] = text
    elif value is not None:
        row[key] = value


def _number_cell(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def questionnaire_to_tables(q: Questionnaire) -> dict[str, list[dict[str, Any]]]:
    """The questionnaire as the workbook's sheets (rows of column → value)."""
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in SHEETS}
    data = q.model_dump(mode="python")
    sc = q.score_scale
    settings: dict[str, Any] = {"form_id": q.id, "version": q.version}
    _put_text(settings, "form_title", q.title)
    _put_text(settings, "description", q.description)
    settings["languages"] = ", ".join(q.languages)
    settings.update(
        {
            "score_min": _number_cell(sc.min),
            "score_max": _number_cell(sc.max),
            "score_decimals": sc.decimals,
        }
    )
    _put_text(settings, "score_unit", sc.unit)
    _put_text(settings, "score_label", sc.label)
    settings.update(
        {
            "dont_know": q.scoring.dont_know,
            "not_applicable": q.scoring.not_applicable,
            "unanswered": q.scoring.unanswered,
            "rollup": q.scoring.rollup,
        }
    )
    _put_extras(settings, "settings", q)
    tables["settings"].append(settings)
    for d in q.dimensions:
        row: dict[str, Any] = {"name": d.id, "side": d.side, "weight": _number_cell(d.weight)}
        _put_text(row, "label", d.title)
        _put_text(row, "description", d.description)
        _put_extras(row, "dimensions", d)
        tables["dimensions"].append(row)
        for a in d.areas:
            arow: dict[str, Any] = {"dimension": d.id, "name": a.id}
            _put_text(arow, "label", a.title)
            _put_text(arow, "description", a.description)
            _put_extras(arow, "areas", a)
            tables["areas"].append(arow)
    for lv in q.levels:
        row = {"name": lv.id, "min": _number_cell(lv.min)}
        _put_text(row, "label", lv.name)
        _put_text(row, "description", lv.description)
        _put_extras(row, "levels", lv)
        tables["levels"].append(row)
    for p in q.profiles:
        row = {"name": p.id, "default": "yes" if p.default else "no"}
        _put_text(row, "label", p.title)
        _put_text(row, "description", p.description)
        for dim_id, target in p.targets.items():
            row[f"target_{dim_id}"] = _number_cell(target)
        _put_extras(row, "profiles", p)
        tables["profiles"].append(row)
    for s in q.scales:
        for index, o in enumerate(s.options):
            row = {"list_name": s.id, "name": _number_cell(o.value), "weight": _number_cell(o.weight)}
            if index == 0:
                _put_text(row, "list_label", s.title)
            _put_text(row, "label", o.label)
            _put_text(row, "description", o.description)
            tables["choices"].append(row)
    names = [qq.id for qq in q.questions]
    yes_no_written = False
    for question, raw in zip(q.questions, data["questions"], strict=True):
        row = {
            "name": question.id,
            "dimension": question.dimension,
            "area": question.area,
            "weight": _number_cell(question.weight),
            "critical": "yes" if question.critical else "no",
            "allow_na": "yes" if question.allow_na else "no",
            "allow_dont_know": "yes" if question.allow_dont_know else "no",
            "relevant": show_if_to_relevant(question.show_if, names) if question.show_if else None,
            "surge_input": question.surge_input,
        }
        _put_text(row, "label", question.text)
        _put_text(row, "hint", question.help)
        _put_text(row, "dont_know_advice", question.dont_know_advice)
        _put_text(row, "dont_know_finding", question.dont_know_finding)
        if isinstance(question, ScaleQuestion):
            row["type"] = f"select_one {question.scale}"
        elif isinstance(question, YesNoQuestion):
            row["type"] = f"select_one {YES_NO_LIST}"
            row["yes_score"], row["no_score"] = _number_cell(question.yes_score), _number_cell(question.no_score)
            if not yes_no_written:
                tables["choices"] += [
                    {"list_name": YES_NO_LIST, "name": "yes", "label": "Yes"},
                    {"list_name": YES_NO_LIST, "name": "no", "label": "No"},
                ]
                yes_no_written = True
        elif isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion):
            kind = "select_one" if isinstance(question, SingleChoiceQuestion) else "select_multiple"
            row["type"] = f"{kind} {question.id}"
            for o in question.options:
                orow: dict[str, Any] = {"list_name": question.id, "name": o.id, "score": _number_cell(o.value)}
                _put_text(orow, "label", o.label)
                _put_text(orow, "description", o.description)
                _put_text(orow, "finding", o.finding)
                _put_text(orow, "next_step", o.next_step)
                if o.points_to:  # space-separated ids, as XLSForm writes a list in one cell
                    orow["points_to"] = " ".join(o.points_to)
                if o.prepares:
                    orow["prepares"] = " ".join(o.prepares)
                for verdict, said in o.verdicts.items():
                    _put_text(orow, f"verdict_{verdict}", said)
                if o.relieves:
                    orow["relieves"] = " ".join(o.relieves)
                if o.spends:
                    orow["spends"] = " ".join(o.spends)
                _put_text(orow, "elsewhere", o.elsewhere)
                if o.variants:  # conditions with texts: one YAML value, as the extra columns are written
                    orow["variants"] = yaml.safe_dump(_plain(o.variants), default_flow_style=True, width=10**6).strip()
                tables["choices"].append(orow)
        elif isinstance(question, NumberQuestion):
            row["type"] = "integer" if question.integer else "decimal"
            row["min"], row["max"] = _number_cell(question.min), _number_cell(question.max)
            _put_text(row, "unit", question.unit)
            for b in question.bands:
                brow: dict[str, Any] = {
                    "question": question.id,
                    "up_to": _number_cell(b.up_to),
                    "below": _number_cell(b.below),
                    "score": _number_cell(b.score),
                }
                _put_text(brow, "label", b.label)
                _put_extras(brow, "bands", b)
                tables["bands"].append(brow)
        elif isinstance(question, TextQuestion):
            row["type"] = "text"
        anchors = raw.get("anchors") or {}
        if anchors:
            plain = {(_number_cell(k) if isinstance(k, float) else k): v for k, v in anchors.items()}
            row["anchors"] = yaml.safe_dump(plain, sort_keys=False, allow_unicode=True, width=1000).strip()
        for rec in question.recommendations:
            rrow: dict[str, Any] = {
                "question": question.id,
                "when": rec.when,
                "effort": rec.effort,
                "impact": rec.impact,
                "horizon": rec.horizon,
            }
            _put_text(rrow, "text", rec.text)
            _put_extras(rrow, "recommendations", rec)
            tables["recommendations"].append(rrow)
        _put_extras(row, "survey", question)
        tables["survey"].append(row)
    return tables


def export_workbook(q: Questionnaire) -> bytes:
    """The questionnaire as an XLSForm-style workbook that :func:`import_workbook` reads back."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for name, rows in questionnaire_to_tables(q).items():
        sheet = book.create_sheet(name)
        headers = list(COLUMNS[name])
        for row in rows:
            headers += [h for h in row if h not in headers]
        used = [h for h in headers if h in COLUMNS[name][:3] or any(r.get(h) is not None for r in rows)]
        for col, header in enumerate(used, start=1):
            sheet.cell(1, col, header).font = Font(bold=True)
        for number, row in enumerate(rows, start=2):
            for col, header in enumerate(used, start=1):
                value = row.get(header)
                if value is None:
                    continue
                cell = sheet.cell(number, col, value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text stays text: a label starting with `=` is not a formula
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
