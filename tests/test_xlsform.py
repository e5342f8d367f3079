"""Spreadsheet authoring: XLSForm-style workbooks in and out, every problem at its cell."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from readiness.cli import main
from readiness.loader import load_questionnaire, parse_questionnaire
from readiness.xlsform import WorkbookError, import_workbook, relevant_to_show_if
from readiness.xlsform_export import export_workbook

ROOT = Path(__file__).resolve().parent.parent
QUESTIONNAIRES = [
    ROOT / "questionnaires" / "growth-readiness.yaml",
    ROOT / "questionnaires" / "quick-check.yaml",
    ROOT / "tests" / "data" / "sample.yaml",
    ROOT / "tests" / "data" / "frameworks" / "samm-governance.yaml",
    ROOT / "tests" / "data" / "frameworks" / "eos-checkup.yaml",
]


def workbook(**sheets: list[tuple[object, ...]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = {
    "survey": [
        ("type", "name", "label", "dimension", "relevant", "weight", "critical"),
        ("select_one maturity", "cover", "Does someone cover?", "team", None, 2, "yes"),
        ("select_one yes_no", "plan", "Is there a plan?", "team", "${cover} >= 1", None, None),
        ("select_one channel", "channel", "Where do orders come from?", "team", None, None, None),
    ],
    "choices": [
        ("list_name", "name", "label", "score"),
        ("maturity", 0, "No", None),
        ("maturity", 1, "Some", None),
        ("maturity", 2, "Yes", None),
        ("yes_no", "yes", "Yes", None),
        ("yes_no", "no", "No", None),
        ("channel", "shop", "The shop", 1),
        ("channel", "web", "The website", 3),
    ],
    "settings": [("form_id", "version", "form_title", "score_min", "score_max"), ("bakery", "1.0", "Bakery", 0, 4)],
    "dimensions": [("name", "label", "side"), ("team", "Team", "operations")],
    "levels": [("name", "label", "min"), ("low", "Low", 0), ("high", "High", 2)],
    "profiles": [("name", "label", "target_team"), ("steady", "Steady", 3)],
}


@pytest.mark.parametrize("path", QUESTIONNAIRES, ids=[p.stem for p in QUESTIONNAIRES])
def test_yaml_to_workbook_to_yaml_is_the_same_questionnaire(path: Path) -> None:
    original = load_questionnaire(path)
    text, back = import_workbook(export_workbook(original), "book.xlsx")
    assert back.model_dump() == original.model_dump()
    assert back.content_hash == original.content_hash  # so stored assessments still match it
    # and the YAML written is itself a questionnaire that loads to the same thing
    assert parse_questionnaire(text).questionnaire.model_dump() == original.model_dump()


def test_an_xlsform_workbook_becomes_a_questionnaire() -> None:
    text, q = import_workbook(workbook(**GOOD), "bakery.xlsx")
    assert (q.id, q.version, q.title) == ("bakery", "1.0", "Bakery")
    cover, plan, channel = q.questions
    assert cover.type == "scale" and [o.value for o in q.scale("maturity").options] == [0, 1, 2]
    assert cover.weight == 2 and cover.critical is True
    assert plan.type == "yes_no" and plan.show_if == "cover >= 1"  # XLSForm's `relevant`
    assert channel.type == "single_choice" and [(o.id, o.value) for o in channel.options] == [("shop", 1), ("web", 3)]
    assert q.score_scale.max == 4 and q.levels[1].min == 2  # levels written on the native scale
    assert "show_if: cover >= 1" in text


def test_relevant_conditions_read_as_readiness_conditions() -> None:
    assert relevant_to_show_if("${a} = 'x' and ${b} != 2") == "a == 'x' and b != 2"
    assert relevant_to_show_if("selected(${tools}, 'crm')") == "'crm' in tools"
    assert relevant_to_show_if("not(${a} >= 3)") == "not (a >= 3)"


def test_every_problem_is_located_by_sheet_row_and_column() -> None:
    broken = {**GOOD}
    broken["survey"] = [
        ("type", "name", "label", "dimension", "relevant", "wieght"),
        ("select_one maturity", "cover", "Does someone cover?", "tem", None, None),
        ("select_one nolist", "plan", "Is there a plan?", "team", None, None),
        ("select_one channel", "channel", "Where?", "team", "${channel} = 'shop'", None),
    ]
    broken["profiles"] = [("name", "label", "target_team"), ("steady", "Steady", 9)]
    with pytest.raises(WorkbookError) as caught:
        import_workbook(workbook(**broken), "bakery.xlsx")
    said = [str(p) for p in caught.value.problems]
    expected = [
        "bakery.xlsx: sheet survey, row 1, column wieght (F): unknown column `wieght`; did you mean `weight`?",
        "bakery.xlsx: sheet survey, row 3, column type (A): no list `nolist` on the choices sheet",
        "bakery.xlsx: sheet survey, row 2, column dimension (D): RQ201 question `cover` names unknown dimension "
        "`tem`; did you mean `team`?",
        "bakery.xlsx: sheet survey, row 4, column relevant (E): RQ207",
        "bakery.xlsx: sheet profiles, row 2, column target_team (C): RQ209 profile `steady`: target 9 for `team` "
        "is outside 0..4",
    ]
    for words in expected:
        assert any(line.startswith(words) for line in said), (words, said)


def test_step_cells_on_a_scale_or_the_yes_no_list_are_named_not_dropped() -> None:
    """A `verdict_*`, `relieves` or `elsewhere` cell on a scale's row (or the yes/no list's) cannot be carried
    (levels speak to no verdict); before, the workbook loaded and the author's advice was silently lost."""
    broken = {**GOOD}
    broken["choices"] = [
        ("list_name", "name", "label", "score", "verdict_danger_zone", "relieves"),
        ("maturity", 0, "No", None, "Fix {weakest} first.", None),
        ("maturity", 1, "Some", None, None, None),
        ("maturity", 2, "Yes", None, None, None),
        ("yes_no", "yes", "Yes", None, None, "team"),
        ("yes_no", "no", "No", None, None, None),
        ("channel", "shop", "The shop", 1, None, None),
        ("channel", "web", "The website", 3, None, None),
    ]
    with pytest.raises(WorkbookError) as caught:
        import_workbook(workbook(**broken), "bakery.xlsx")
    said = [str(p) for p in caught.value.problems]
    assert any(
        line.startswith("bakery.xlsx: sheet choices, row 2, column verdict_danger_zone (E): `verdict_danger_zone`")
        and "list `maturity`, a scale" in line
        for line in said
    ), said
    assert any(
        line.startswith("bakery.xlsx: sheet choices, row 5, column relieves (F): `relieves`") and "yes/no" in line
        for line in said
    ), said


def test_pyxform_checks_the_xlsform_side() -> None:
    broken = {**GOOD}
    broken["survey"] = [*GOOD["survey"][:2], ("select_one yes_no", "plan", "Plan?", "team", "${nothere} = 'yes'")]
    with pytest.raises(WorkbookError) as caught:
        import_workbook(workbook(**broken), "bakery.xlsx")
    xlsform = [p for p in caught.value.problems if p.message.startswith("XLSForm:")]
    assert xlsform and xlsform[0].sheet == "survey" and xlsform[0].row == 3 and "nothere" in xlsform[0].message


def test_missing_sheets_and_a_file_that_is_not_a_workbook_are_named() -> None:
    with pytest.raises(WorkbookError) as caught:
        import_workbook(workbook(survey=GOOD["survey"]), "bakery.xlsx")
    assert {p.sheet for p in caught.value.problems} >= {"choices", "settings"}
    with pytest.raises(WorkbookError, match="not an Excel workbook"):
        import_workbook(b"name,label\n", "bakery.xlsx")


def test_cli_export_then_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = ROOT / "tests" / "data" / "frameworks" / "samm-governance.yaml"
    book = tmp_path / "samm.xlsx"
    assert main(["export", str(source), "--format", "xlsx", "-o", str(book)]) == 0
    sheets = load_workbook(book).sheetnames
    assert sheets[:3] == ["survey", "choices", "settings"]
    out = tmp_path / "samm.yaml"
    assert main(["import", str(book), "-o", str(out)]) == 0
    assert load_questionnaire(out).model_dump() == load_questionnaire(source).model_dump()
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(workbook(survey=GOOD["survey"]))
    capsys.readouterr()
    assert main(["import", str(bad)]) == 1
    assert "sheet settings" in capsys.readouterr().err


def test_a_sheet_far_too_long_is_refused_at_its_row_without_reading_on() -> None:
    rows = [GOOD["survey"][0]] + [
        ("select_one maturity", f"q{i}", f"Question {i}?", "team", None, None, None) for i in range(6_000)
    ]
    with pytest.raises(WorkbookError) as caught:
        import_workbook(workbook(**{**GOOD, "survey": rows}), "long.xlsx")
    assert any(
        p.sheet == "survey" and p.row == 5_001 and "more than 5,000 rows" in p.message for p in caught.value.problems
    )


def test_validate_checks_a_workbook_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = tmp_path / "good.xlsx", tmp_path / "bad.xlsx"
    good.write_bytes(workbook(**GOOD))
    broken = {**GOOD, "dimensions": [("name", "label", "side"), ("team", "Team", "operatons")]}
    bad.write_bytes(workbook(**broken))
    assert main(["validate", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert "good.xlsx: OK — bakery 1.0, 3 questions" in out
    assert "bad.xlsx: sheet dimensions, row 2, column side (C)" in out and "bad.xlsx: INVALID" in out
