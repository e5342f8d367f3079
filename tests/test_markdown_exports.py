"""User text in the Markdown exports (the score report from ``readiness score --format markdown`` and the surge
report the surge page downloads) shows as typed, in a renderer and read raw.

A business name or the owner's words for a step are typed by whoever fills in the form; the report then goes
to someone else, who opens it in GitHub, an editor's preview or a wiki. Rendered with a CommonMark parser
with GitHub's extensions (tables, strikethrough, bare-address links), the name must add no link, image, HTML,
code or structure, and read exactly as typed.
"""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from readiness import load_answers, load_questionnaire, score
from readiness.answers import Answer, AnswerSet
from readiness.cli import main
from readiness.demo import DEMO_ANSWERS, DEMO_QUESTIONNAIRE
from readiness.markup import JOINER, md_text
from readiness.report import build_report, render_markdown
from readiness.surge import analyse, markdown, setup_from_answers

from .casework import case_answers
from .conftest import ROOT

GROWTH = ROOT / "questionnaires" / "growth-readiness.yaml"
CASE = "vet-practice-eyeing-second-site"  # weighs a second site, so the step's own words are printed
PAYLOADS = [
    "[Session expired – sign in](https://evil.example/login)",
    "![p](http://beacon.example/beacon.png)",
    "<img src=http://beacon.example/img.png>",
    "<a href='https://evil.example/a'>click</a>",
    "see https://evil.example/auto or www.evil.example or ops@evil.example",
    "*Bold* _claims_ and `code` and ~~struck~~",
    "# 1. Heading | with a pipe",
    "1. Numbered & Co &amp; sons",
    "- Listed > quoted \\ slashed",
    "Acme\r# Call 0800 now\r",  # a bare carriage return ends a line in CommonMark
    "Fish Bar ##",  # a heading's closing marks would swallow the last word
    "visit www.evil.com, evil.com/x or ops@evil.com",  # a linkifying preview links bare domains
]
PLAIN = "Plain Trading"
MD = MarkdownIt("gfm-like")
FORBIDDEN = {"link_open", "image", "html_inline", "html_block", "code_inline", "s_open", "code_block", "fence"}


def _shape(text: str) -> list[str]:
    """The rendered structure: block tokens, and each inline run's kinds with runs of plain text merged."""
    shape: list[str] = []
    for token in MD.parse(text):
        shape.append(token.type)
        kinds: list[str] = []
        for child in token.children or []:
            if not (child.type == "text" and kinds and kinds[-1] == "text"):
                kinds.append(child.type)
        shape += kinds
    return shape


def _shown(text: str) -> str:
    """What a reader of the rendered page sees, as one string."""
    return html.unescape(re.sub(r"<[^>]+>", "", MD.render(text))).replace(JOINER, "")


def _report(name: str) -> str:
    q = load_questionnaire(GROWTH)
    answers = case_answers(q, CASE)
    answers["decision_detail"] = Answer("decision_detail", "value", f"{name}: the empty shop")
    result = score(q, answers)
    return render_markdown(build_report(q, result, AnswerSet(answers=answers, business=name)))


def _kinds(text: str) -> set[str]:
    return {t.type for block in MD.parse(text) for t in [block, *(block.children or [])]}


def _assert_as_typed(page: str, plain: str, typed: str) -> None:
    added = (_kinds(page) - _kinds(plain)) & FORBIDDEN  # the report's own markup may use some of them
    assert not added, sorted(added)
    assert _shape(page) == _shape(plain)  # no heading, list, table cell or emphasis added or lost
    said = " ".join(typed.splitlines())  # line breaks in a name are kept as spaces: it is written inside a line
    assert _shown(page).count(said) == _shown(plain).count(PLAIN) > 0  # as typed, wherever the name goes


@pytest.mark.parametrize("name", PAYLOADS)
def test_a_business_name_and_the_owners_step_reach_the_markdown_report_as_typed(name: str) -> None:
    page, plain = _report(name), _report(PLAIN)
    _assert_as_typed(page, plain, name)
    step = " ".join(f"{name}: the empty shop".split())  # the owner's words, spaces collapsed as the form does
    assert step in _shown(page)  # in the decision's heading


def test_the_report_reads_as_typed_raw_too_where_nothing_could_become_markup() -> None:
    """Escaping is kept to what would turn into markup, so a name read in the raw file is not littered."""
    name = "Frost & Co. (Leeds) – 'the' fish, 2nd site: 100% sure?"
    assert md_text(name) == name
    assert f"# Growth readiness: {name}" in _report(name)


def test_the_cli_markdown_report_escapes_the_name_from_the_answers_file(tmp_path: Path) -> None:
    written = yaml.safe_load((ROOT / "tests" / "cases" / f"{CASE}.yaml").read_text(encoding="utf-8"))
    answers = tmp_path / "answers.yaml"
    name = PAYLOADS[0]
    answers.write_text(
        yaml.safe_dump({"questionnaire": "growth-readiness", "business": name, "answers": written["answers"]}),
        encoding="utf-8",
    )
    out = tmp_path / "report.md"
    assert main(["score", str(GROWTH), str(answers), "--format", "markdown", "--output", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert not _kinds(page) & FORBIDDEN
    assert f"Growth readiness: {name}" in _shown(page)


@pytest.mark.parametrize("name", PAYLOADS)
def test_the_surge_report_heads_with_the_name_as_typed(name: str) -> None:
    q = load_questionnaire(DEMO_QUESTIONNAIRE)
    answers, _ = load_answers(q, DEMO_ANSWERS)
    analysis = analyse(setup_from_answers(q, answers), "viral_post", currency="GBP")
    page, plain = markdown(analysis, name), markdown(analysis, PLAIN)
    _assert_as_typed(page, plain, name)
    assert _shown(page).startswith(" ".join(name.splitlines()))


def _noted(note: str) -> str:
    """The case's report with ``note`` on the answer behind its first finding."""
    q = load_questionnaire(GROWTH)
    answers = case_answers(q, CASE)
    first = score(q, answers).findings[0].question_id
    answers[first] = dataclasses.replace(answers[first], note=note)
    return render_markdown(build_report(q, score(q, answers), AnswerSet(answers=answers, business="Vets")))


@pytest.mark.parametrize("note", PAYLOADS)
def test_the_owners_note_under_a_finding_reaches_the_markdown_report_as_typed(note: str) -> None:
    """A finding quotes the owner's note on its answer ("Your note: “…”"): typed text, so it reads as typed
    and never becomes a link, an image, a heading or a list in the report."""
    page, plain = _noted(note), _noted(PLAIN)
    assert "Your note: “" in page
    _assert_as_typed(page, plain, note)
