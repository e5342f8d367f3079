"""The documentation works as written: every example loads (or fails as the page says it
does), the error table is the catalogue's, and the README's commands run as typed."""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from readiness import AnswersError, QuestionnaireError, load_questionnaire, parse_answers, parse_questionnaire
from readiness.errors import DOC_BEGIN, DOC_END, markdown_table

from .conftest import ROOT

FORMAT_DOC = ROOT / "docs" / "questionnaire-format.md"
EXAMPLE = re.compile(r"<!-- example: (?P<how>[^>]*?) -->\n(?P<indent> *)```yaml\n(?P<body>.*?)\n *```", re.S)

#: What the doc's fragments are placed into: the dimensions, scale, questions and
#: profiles its examples refer to. Questions a condition reads come first; the
#: examples' own keys go into `example_question`, asked last.
BASE: dict[str, Any] = yaml.safe_load(
    """
schema_version: 1
id: doc-examples
version: "1.0.0"
title: Doc examples
dimensions:
  - {id: team, title: Team, side: operations, areas: [{id: roles, title: Roles}, {id: surge, title: Surge}]}
  - {id: process, title: Process, side: operations}
  - {id: technology, title: Technology, side: operations}
  - {id: capacity, title: Capacity, side: operations}
  - {id: marketing, title: Marketing, side: demand}
scales:
  - id: maturity
    options:
      - {value: 0, label: Not in place}
      - {value: 1, label: Ad hoc}
      - {value: 2, label: Partly in place}
      - {value: 3, label: In place}
      - {value: 4, label: Proven under pressure}
levels:
  - {id: fragile, name: Fragile, min: 0}
  - {id: solid, name: Solid, min: 50}
profiles:
  - id: steady_growth
    title: Steady growth
    targets: {team: 55, process: 55, technology: 50, capacity: 55, marketing: 55}
questions:
  - id: business_type
    dimension: team
    type: single_choice
    weight: 0
    text: What do you sell?
    options: [{id: goods, label: Goods}, {id: services, label: Services}, {id: both, label: Both}]
  - {id: staff, dimension: team, type: number, text: "How many people work here?", bands: [{score: 1, label: Any}]}
  - {id: has_website, dimension: marketing, type: yes_no, text: "Do you have a website?"}
  - id: sales_channels
    dimension: marketing
    type: multiple_choice
    text: Where do you sell?
    options: [{id: shop, label: Shop, value: 1}, {id: marketplaces, label: Marketplaces, value: 1}]
  - {id: process_q, dimension: process, type: scale, scale: maturity, text: "Written steps?"}
  - {id: technology_q, dimension: technology, type: scale, scale: maturity, text: "Systems?"}
  - {id: capacity_q, dimension: capacity, type: scale, scale: maturity, text: "Headroom?"}
  - {id: example_question, dimension: marketing, type: scale, scale: maturity, text: An example}
"""
)
#: Sections an example replaces whole (a ladder, a set of profiles); the others merge by id.
REPLACED = {"levels", "profiles"}


def examples() -> list[tuple[str, str, int]]:
    text = FORMAT_DOC.read_text(encoding="utf-8")
    found = []
    for match in EXAMPLE.finditer(text):
        body = textwrap.dedent(textwrap.indent(match.group("body"), match.group("indent")))
        found.append((match.group("how").strip(), body, text[: match.start()].count("\n") + 2))
    return found


def merged(how: str, body: str) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    fragment = yaml.safe_load(body)
    if how == "question":
        data["questions"] += fragment
    elif how == "question-keys":
        data["questions"][-1].update(fragment)
    elif how == "top":
        for key, value in fragment.items():
            if isinstance(value, list) and key not in REPLACED:
                ids = [item["id"] for item in value]
                data[key] = [item for item in data.get(key, []) if item["id"] not in ids] + value
            else:
                data[key] = value
    else:
        raise AssertionError(f"unknown example kind {how!r}")
    return data


EXAMPLES = examples()


def test_every_yaml_block_of_the_format_doc_is_a_checked_example() -> None:
    assert len(EXAMPLES) == FORMAT_DOC.read_text(encoding="utf-8").count("```yaml") >= 15


@pytest.mark.parametrize(("how", "body", "line"), EXAMPLES, ids=[f"line-{e[2]}" for e in EXAMPLES])
def test_each_example_loads_or_fails_as_the_doc_says(how: str, body: str, line: int) -> None:
    kind, _, fails = how.partition(", fails ")
    if kind == "answers":
        questionnaire = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
        _, warnings = parse_answers(questionnaire, body, f"docs line {line}")
        assert warnings == [], [str(w) for w in warnings]
        return
    if not fails:
        text = body if kind == "document" else yaml.safe_dump(merged(kind, body), sort_keys=False, allow_unicode=True)
        parse_questionnaire(text, f"docs line {line}")
        return
    base, start = _base_before_fragment(kind, body)
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(base + body, f"docs line {line}")
    # The mistake the doc shows is the one reported, in the fragment, and nothing else is.
    assert [p.code for p in info.value.errors] == [fails], [str(p) for p in info.value.problems]
    assert info.value.errors[0].line is not None and info.value.errors[0].line > start


def _base_before_fragment(kind: str, body: str) -> tuple[str, int]:
    """The base as YAML, to paste the fragment after as written (a mistake in YAML syntax
    cannot go through a YAML round trip), and the number of lines it takes."""
    data = copy.deepcopy(BASE)
    if kind == "top":
        data.pop(body.split(":", 1)[0], None)
    elif kind != "question":
        raise AssertionError(f"a failing example must be `question` or `top`, not {kind!r}")
    text = yaml.safe_dump(data, sort_keys=False)
    if kind == "question":  # the dump ends with the questions list, items at column 0
        assert text.rstrip().split("\n")[-1].startswith(("- ", "  "))
    return text, text.count("\n")


def test_the_error_table_is_generated_from_the_catalogue() -> None:
    page = FORMAT_DOC.read_text(encoding="utf-8")
    table = page[page.index(DOC_BEGIN) + len(DOC_BEGIN) : page.index(DOC_END)].strip("\n") + "\n"
    assert table == markdown_table(), (
        "the table drifted from readiness/errors.py: run .venv/bin/python docs/error_table.py"
    )


def test_every_code_the_doc_mentions_exists() -> None:
    from readiness.errors import CATALOGUE

    for doc in (FORMAT_DOC, ROOT / "README.md"):
        mentioned = set(re.findall(r"\bR[QA]\d{3}\b", doc.read_text(encoding="utf-8")))
        assert mentioned <= set(CATALOGUE), (doc.name, sorted(mentioned - set(CATALOGUE)))


# --- the README --------------------------------------------------------------------------


def readme_cli_block() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Score from the command line", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "the README's command-line section has no sh block"
    return [line for line in block.group(1).splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_readme_commands_run_as_written(tmp_path: Path) -> None:
    """Typed into a shell at the top of a clone, after the quick start: no `command not found`,
    no activation step assumed, every command exits 0 and writes what it says."""
    commands = readme_cli_block()
    assert all(c.startswith(".venv/bin/readiness ") for c in commands), commands
    (tmp_path / ".venv").symlink_to(Path(sys.executable).parent.parent)
    (tmp_path / "questionnaires").symlink_to(ROOT / "questionnaires")
    for command in commands:
        out = subprocess.run(
            ["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True, timeout=300, env=dict(os.environ)
        )
        assert out.returncode == 0, f"{command}\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}"
        assert "Traceback" not in out.stderr
    for written in ("answers.yaml", "result.json", "report.pdf", "questionnaire.schema.json"):
        assert (tmp_path / written).stat().st_size > 0, written
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_readme_exit_codes_are_the_ones_the_command_returns(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "0\nsuccess, 1 a problem in your files" in readme or "0 success, 1 a problem in your files" in readme
    sample = ROOT / "tests" / "data" / "sample.yaml"
    answers = tmp_path / "a.yaml"
    answers.write_text("answers: {cover: 1}\n")

    def code(*args: str) -> int:
        return subprocess.run([sys.executable, "-m", "readiness", *args], capture_output=True, timeout=120).returncode

    assert code("score", str(sample), str(answers)) == 0
    answers.write_text("answers: {cover: 9}\n")
    assert code("score", str(sample), str(answers)) == 1  # a problem in your files
    assert code("score", str(sample), str(answers), "--format", "yaml") == 2  # wrong usage
    answers.write_text("answers: {cover: 1}\n")
    assert code("score", str(sample), str(answers), "--profile", "moonshot") == 2


def test_answers_example_in_the_doc_matches_the_shipped_version() -> None:
    version = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml").version
    body = next(body for how, body, _ in EXAMPLES if how == "answers")
    assert f'questionnaire_version: "{version}"' in body
    with pytest.raises(AnswersError):  # and the check is real: another version is a warning, a typo an error
        parse_answers(
            load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml"),
            body.replace("surge_plan: no", "surge_plan: nope"),
        )


def test_the_questionnaire_guide_accounts_for_every_question_and_every_retired_one() -> None:
    """A consultant judging the default questionnaire finds each question's source, and where each old one went."""
    guide = (ROOT / "docs" / "questionnaire-guide.md").read_text(encoding="utf-8")
    for name in ("growth-readiness.yaml", "quick-check.yaml"):
        questionnaire = load_questionnaire(ROOT / "questionnaires" / name)
        missing = [q.id for q in questionnaire.questions if f"`{q.id}`" not in guide]
        assert not missing, f"{name}: questions the guide does not mention: {missing}"
        assert f"({questionnaire.version})" in guide or f"version {questionnaire.version}" in guide
    retired = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml").retired
    assert retired and all(f"`{old}`" in guide for old in retired)
    for critical in (q for q in load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml").questions):
        if critical.critical:
            assert f"- **`{critical.id}`**" in guide, f"the guide does not say why {critical.id} is critical"


# --- every command block of the README and the docs ----------------------------------------

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
COMMAND_BLOCK = re.compile(r"^ *```(?:sh|bash|shell|console)\n(.*?)^ *```", re.S | re.M)

#: Blocks no test can run as written, by their first command, and why. Every other block is run.
NOT_RUN = {
    ".venv/bin/pip install -r requirements.txt": "installs from the network, then serves the app until stopped",
    ".venv/bin/pip install -r requirements-dev.txt": "installs from the network, then runs this very suite",
    ".venv/bin/ruff check .": "the suite's own lint step, and benchmarks and fuzzing that take minutes",
    "sudo install -m 640": "changes the machine (/etc), as root",
    "cd /srv/readiness": "needs a deployed server's /srv and /etc/readiness/env",
    "sqlite:////srv/readiness-old": "needs a deployed server's old database file",
    "sudo cp deploy/readiness@.service": "changes the machine (systemd), as root",
    "sudo apt-get install nginx": "changes the machine (packages, nginx), as root",
}


def command_blocks() -> list[tuple[str, int, list[str]]]:
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for match in COMMAND_BLOCK.finditer(text):
            lines = [line.strip() for line in match.group(1).splitlines()]
            commands = [line for line in lines if line and not line.startswith("#")]
            found.append((doc.name, text[: match.start()].count("\n") + 1, commands))
    return found


def test_every_command_block_calls_readiness_from_the_venv() -> None:
    """A bare `readiness` is "command not found" until the venv is activated, which no block says."""
    for doc, line, commands in command_blocks():
        for command in commands:
            assert not re.search(r"(^|[;&|]\s*)readiness\b", command), f"{doc}:{line}: {command}"


def test_every_command_block_is_run_or_says_why_not(tmp_path: Path) -> None:
    """Each page's blocks, in fresh shells at the top of a fresh clone (the venv and the
    repository's files linked in), exit 0; a block that cannot run here is listed in NOT_RUN
    with its reason."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("READINESS_", "DATABASE_URL"))}
    clones: dict[str, Path] = {}
    ran = 0
    for doc, line, commands in command_blocks():
        if any(start in commands[0] for start in NOT_RUN):
            continue
        clone = clones.get(doc) or _clone(tmp_path / doc)
        clones[doc] = clone
        for command in commands:
            out = subprocess.run(
                ["bash", "-c", command], cwd=clone, capture_output=True, text=True, timeout=300, env=env
            )
            assert out.returncode == 0, f"{doc}:{line}: {command}\n{out.stdout[-1500:]}\n{out.stderr[-1500:]}"
            assert "Traceback" not in out.stderr, f"{doc}:{line}: {command}"
            if "sample.yaml answers.yaml --format markdown" in command:
                _the_worked_example_prints_its_figures(out.stdout)
            ran += 1
    assert ran >= 13  # the README's command-line and database blocks, and the worked example
    readme = clones["README.md"]
    assert (readme / "copy.sqlite3").stat().st_size > 0
    assert zipfile.ZipFile(readme / "tables.zip").namelist()[1] == "scores.csv"
    assert (readme / "scores.csv").read_text(encoding="utf-8-sig").startswith('"Dimension"')


def _the_worked_example_prints_its_figures(page: str) -> None:
    """The worked example's bold results (`**Team** = ... = **16.7**`, `**Operations readiness** =
    ... = **20.8**`) are what the command prints for its answers, rounded as it prints them."""
    worked = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8").split("## Worked example", 1)[1]
    worked = worked.split("\n## ", 1)[0]
    figures = dict(re.findall(r"^- \*\*([A-Z][a-z ]+)\*\* = [^\n]*?= \*\*([+−-]?[\d.]+)\*\*", worked, re.M))
    assert {"Team", "Capacity", "Operations readiness"} <= set(figures), figures
    for title in ("Team", "Capacity"):
        assert re.search(
            rf"^\| {title}(?: \(weakest link\))? \| \w+ \| {round(float(figures[title]))} \|", page, re.M
        ), (title, page)
    operations = round(float(figures["Operations readiness"]))
    assert re.search(rf"Operations readiness\D{{0,40}}\b{operations}\b", page), page


def _clone(where: Path) -> Path:
    """A stand-in for a fresh clone after the quick start, with the worked example's answers
    saved as the scoring page tells its reader to."""
    where.mkdir()
    for name in ("questionnaires", "tests", "docs"):
        (where / name).symlink_to(ROOT / name)
    (where / ".venv").symlink_to(Path(sys.executable).parent.parent)
    if where.name == "scoring.md":
        worked = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8").split("## Worked example", 1)[1]
        block = re.search(r"```yaml\n(.*?)```", worked, re.S)
        assert block, "the worked example lost its answers"
        (where / "answers.yaml").write_text(block.group(1), encoding="utf-8")
    return where
