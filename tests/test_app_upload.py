"""The Questionnaires page: upload a framework, see its problems in place, keep it, use it."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from readiness.loader import load_questionnaire
from readiness.storage import Store
from readiness.xlsform_export import export_workbook

from .conftest import ROOT
from .test_app_pages import db

__all__ = ["db"]  # the app's database fixture, shared with the other page tests

APP = str(ROOT / "streamlit_app.py")
SAMM = ROOT / "tests" / "data" / "frameworks" / "samm-governance.yaml"
PAGE = "pages/questionnaires.py"


def page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="questionnaires_file").upload(name, data).run()
    assert not at.exception, at.exception
    return at


def plain(text: str) -> str:
    """Markdown as read: without the escapes that keep a file's text from being read as markdown."""
    return text.replace("\\", "")


def markdown_of(at: AppTest) -> str:
    return plain("\n".join(m.value for m in at.markdown))


def test_a_broken_file_shows_each_problem_at_its_line_and_keeps_nothing(db: Store) -> None:
    broken = SAMM.read_text().replace("side: operations", "side: operatons", 1).encode()
    at = upload(page(), "samm.yaml", broken)
    assert "samm.yaml** has 1 problem." in plain(at.error[0].body)
    said = markdown_of(at)
    assert "line 15, column 11" in said and "RQ101" in said and "operatons" in said
    assert [b for b in at.button if b.key == "questionnaires_keep"] == []
    assert db.uploads() == []


def test_an_answers_file_is_named_for_what_it_is_not_listed_as_fourteen_missing_keys(db: Store) -> None:
    answers = b"questionnaire: growth-readiness\nanswers:\n  business_type: goods\n  clear_roles: 3\n"
    at = upload(page(), "answers.yaml", answers)
    said = plain(at.error[0].body) + markdown_of(at)
    assert "this is an answers file, not a questionnaire" in said and "readiness score" in said
    assert "RQ100" not in said
    assert db.uploads() == []


def test_a_valid_file_is_kept_in_the_database_and_offered_for_assessments_and_workshops(
    db: Store, tmp_path: Path
) -> None:
    at = upload(page(), "samm.yaml", SAMM.read_bytes())
    assert "OWASP SAMM Governance" in plain(at.success[0].body) and "0–3" in at.success[0].body
    at.button(key="questionnaires_keep").click().run()
    assert not at.exception, at.exception
    [kept] = db.uploads()
    expected = load_questionnaire(SAMM)
    assert kept.hash == expected.content_hash and kept.source_format == "yaml"
    assert not list(tmp_path.glob("**/*.yaml")) and not list((ROOT / "questionnaires").glob("samm*"))
    # offered on the start page and the workshop page
    home = AppTest.from_file(APP, default_timeout=60)
    home.run()
    titles = [str(o) for o in home.selectbox(key="home_questionnaire").options]
    assert any("OWASP SAMM Governance (2.0, uploaded)" in t for t in titles)
    workshop = AppTest.from_file(APP, default_timeout=60)
    workshop.run()
    workshop.switch_page("pages/workshop.py").run()
    offered = [str(o) for o in workshop.selectbox(key="workshop_questionnaire").options]
    assert any("OWASP SAMM Governance (2.0, uploaded)" in t for t in offered)


def test_a_workbook_upload_reports_sheet_row_and_column_then_imports_once_fixed(db: Store) -> None:
    import io

    from openpyxl import load_workbook

    good = export_workbook(load_questionnaire(SAMM))
    book = load_workbook(io.BytesIO(good))
    survey = book["survey"]
    headers = [c.value for c in survey[1]]
    survey.cell(row=3, column=headers.index("dimension") + 1, value="strategy_metric")
    out = io.BytesIO()
    book.save(out)
    at = upload(page(), "samm.xlsx", out.getvalue())
    said = markdown_of(at)
    assert "sheet survey, row 3, column dimension" in said and "strategy_metric" in said
    at = upload(page(), "samm.xlsx", good)
    assert "is valid" in plain(at.success[0].body)
    at.button(key="questionnaires_keep").click().run()
    assert [u.source_format for u in db.uploads()] == ["xlsx"]
