"""The `readiness` command as a user runs it: exit codes, messages, outputs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from readiness.cli import main

from .conftest import DATA, SAMPLE


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "readiness", *args], capture_output=True, text=True, timeout=60)


def test_help_documents_every_command() -> None:
    out = run("--help")
    assert out.returncode == 0
    for command in ("validate", "template", "score", "schema"):
        assert command in out.stdout
        assert run(command, "--help").returncode == 0


def test_validate_exit_codes_and_located_messages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SAMPLE)]) == 0
    assert "OK" in capsys.readouterr().out
    broken = DATA / "broken" / "many_problems.yaml"
    assert main(["validate", str(SAMPLE), str(broken)]) == 1
    out = capsys.readouterr().out
    assert f"{broken}:26:" in out and "RQ202" in out and "hint:" in out
    assert "INVALID (3 error(s)" in out


def test_template_then_score_round_trip(tmp_path: Path) -> None:
    template = tmp_path / "answers.yaml"
    assert run("template", str(SAMPLE), "-o", str(template)).returncode == 0
    text = template.read_text()
    assert "cover: null" in text and "0 = Not at all: Work stops until they are back." in text
    filled = (
        text.replace("business_type: null", "business_type: goods")
        .replace("  cover: null", "  cover: 2")
        .replace("surge_plan: null", "surge_plan: yes")
        .replace('business: ""', "business: Acme Ices")
    )
    template.write_text(filled)
    out = run("score", str(SAMPLE), str(template))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    team = next(d for d in data["dimensions"] if d["id"] == "team")
    # (2/3 + 1) / 2 = 83.33, but the critical `cover` at 2/3 sits in "Developing" (40..75): capped at 75
    assert team["uncapped"] == pytest.approx(100 * (2 / 3 + 1) / 2, abs=0.01)
    assert team["score"] == 75 and team["capped_by"] == ["cover"]
    assert {"id", "score", "level", "target", "gap"} <= set(team)
    assert set(data["balance"]) >= {"demand", "operations", "index", "quadrant"}
    assert data["business"] == "Acme Ices"
    assert "unanswered" in out.stderr  # the skipped questions are mentioned


def test_json_template_is_a_valid_answers_file(tmp_path: Path) -> None:
    out = run("template", str(SAMPLE), "--format", "json")
    data = json.loads(out.stdout)
    data["answers"]["cover"] = 3
    data["answers"]["surge_plan"] = True
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data))
    result = json.loads(run("score", str(SAMPLE), str(path)).stdout)
    assert next(d for d in result["dimensions"] if d["id"] == "team")["score"] == 100


def test_markdown_summary_reads_like_a_report(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("business: Acme\nanswers:\n  cover: 0\n  surge_plan: no\n  channels: [ads, partners]\n")
    out = run("score", str(SAMPLE), str(path), "--format", "markdown", "--profile", "surge")
    assert out.returncode == 0
    assert "# Sample readiness check" in out.stdout
    assert "Survive a 10x spike" in out.stdout
    assert "Cross-train one back-up for each key role." in out.stdout
    assert "| Team (weakest link) | Operations | 0 |" in out.stdout


GROWTH = DATA.parent.parent / "questionnaires" / "growth-readiness.yaml"
DEMO = DATA.parent.parent / "questionnaires" / "demo" / "frost-and-co.yaml"


def test_markdown_reads_as_sentences_with_titles_and_plain_words() -> None:
    """No `minutes.; +10.0 points in technology`, no `(capped by cover_plan)`, no next step twice."""
    from readiness import load_answers, load_questionnaire, score
    from readiness.report import build_report

    out = run("score", str(GROWTH), str(DEMO), "--format", "markdown")
    assert out.returncode == 0, out.stderr
    page = out.stdout
    assert not re.search(r"[.!?]\s*[;,]", page)  # no stray punctuation after a sentence ends
    assert ".." not in page.replace("…", "")
    q = load_questionnaire(GROWTH)
    result = score(q, load_answers(q, DEMO)[0])
    ids = {d.id for d in q.dimensions} | {question.id for question in q.questions}
    words = set(re.findall(r"[a-z][a-z0-9_]*_[a-z0-9_]+|\b[a-z]+\b", page))
    assert not (words & {i for i in ids if "_" in i}), words & ids  # no question ids
    assert "points in technology" not in page and "points in Technology" in page  # titles, not ids
    assert "capped" not in page
    report = build_report(q, result, load_answers(q, DEMO)[0])
    held = [d.held_back for d in report.dimensions if d.held_back]
    shown = [line.rstrip(".") for line in page.splitlines() if line.startswith("Held back: ")]
    assert shown == [f"Held back: {h}".rstrip(".") for h in held]
    for h in held:  # each names its critical question by its text
        assert any(f"“{qs.text}”" in h for qs in result.questions)
    for finding in result.findings[:10]:
        if finding.next:  # said once, as where to go next; never again as a piece of advice
            # as itself, not as the start of a longer phrase ("A few" is a band, "A few weeks per item" advice)
            said = re.findall(re.escape(finding.next) + r"(?! ?[a-z])", page)
            assert len(said) == 1, finding.next
    # the owner's figure beside its band, for a number question among the findings shown
    numbers = [f for f in result.findings[:10] if getattr(q.question(f.question_id), "unit", None)]
    assert numbers, [f.question_id for f in result.findings[:10]]
    first = numbers[0]
    value = load_answers(q, DEMO)[0].answers[first.question_id].value
    assert f"Now: {value:g} {q.question(first.question_id).unit} ({first.current})" in page


def test_report_writes_a_csv_zip_one_table_or_the_full_pdf(tmp_path: Path) -> None:
    import io
    import zipfile

    from pypdf import PdfReader

    out = run("report", str(GROWTH), str(DEMO), "--format", "csv", "-o", str(tmp_path / "t.zip"))
    assert out.returncode == 0, out.stderr
    assert zipfile.ZipFile(tmp_path / "t.zip").namelist() == [
        "summary.csv",
        "scores.csv",
        "areas.csv",
        "findings.csv",
        "actions.csv",
        "answers.csv",
    ]
    out = run("report", str(GROWTH), str(DEMO), "--format", "csv", "--table", "scores", "-o", "-")
    assert out.returncode == 0 and out.stdout.lstrip("\ufeff").startswith('"Dimension","Side","Score"')
    out = run("report", str(GROWTH), str(DEMO), "--format", "pdf", "--full", "-o", str(tmp_path / "f.pdf"))
    assert out.returncode == 0, out.stderr
    assert len(PdfReader(io.BytesIO((tmp_path / "f.pdf").read_bytes())).pages) > 2
    # wrong usage is exit 2, saying what to do instead
    for args, says in [
        (("--format", "xlsx", "--table", "scores"), "--table"),
        (("--format", "html", "--full"), "--full"),
        (("--format", "csv", "-o", str(tmp_path / "t.csv")), "*.zip"),
        (("--format", "csv", "--table", "score"), "invalid choice"),
    ]:
        out = run("report", str(GROWTH), str(DEMO), *args)
        assert out.returncode == 2 and says in out.stderr, (args, out.stderr)


def test_bad_answers_print_every_problem_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("answers:\n  cover: 12\n  who: 1\n")
    out = run("score", str(SAMPLE), str(path))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "a.yaml:2:10: RA101 question `cover`" in out.stderr  # the caret goes under the value
    assert "a.yaml:3:3: RA100 `who`" in out.stderr


def test_unknown_profile_and_missing_file_are_messages_not_tracebacks(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("answers: {cover: 1}\n")
    out = run("score", str(SAMPLE), str(path), "--profile", "moon")
    # A wrong command line is wrong usage (exit 2, as the README says), not a problem in a file.
    assert out.returncode == 2 and "unknown target profile 'moon' (choose from steady, surge)" in out.stderr
    out = run("score", str(SAMPLE), str(tmp_path / "missing.yaml"))
    assert out.returncode == 1 and "RA001" in out.stderr and "Traceback" not in out.stderr


def test_schema_accepts_the_shipped_questionnaires_and_rejects_a_typo() -> None:
    out = run("schema")
    schema = json.loads(out.stdout)
    assert schema["properties"]["questions"]
    for path in [SAMPLE, *sorted((DATA.parent.parent / "questionnaires").glob("*.yaml"))]:
        document = json.loads(json.dumps(yaml.safe_load(path.read_text()), default=str))
        jsonschema.validate(document, schema)
    bad = json.loads(json.dumps(yaml.safe_load(SAMPLE.read_text())))
    bad["questions"][1]["wieght"] = 2
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_the_template_reads_for_an_owner_filling_it_in(tmp_path: Path) -> None:
    """Each choice with its label and what it looks like in practice, each number with its unit."""
    growth = str(DATA.parent.parent / "questionnaires" / "growth-readiness.yaml")
    text = run("template", growth).stdout
    assert "#     ask_around = We would ask around: Friends, family and staff contacts" in text
    assert "#     0 = Not in place: Work stops or goes wrong." in text  # the level and its anchor
    assert "#     0 = Broke down: In busy weeks mistakes pile up" in text  # a question's own level name
    assert "#   Answer a number in weeks from 0 to 52." in text  # weeks_to_productive, with its unit
    assert "#   Answer a number in % a year from 0 to 300." in text  # staff_turnover
    assert "1e+07" not in text and "from 0 to 10,000,000." in text  # average_order_value
    assert "#   Asked only if: business_type in ['goods', 'both']" in text
    # every line that is not a comment is the YAML of an answers file
    data = yaml.safe_load(text)
    assert len(data["answers"]) > 60 and all(value is None for value in data["answers"].values())


def test_schema_carries_the_balance_plan_and_contradiction_settings() -> None:
    """Every setting issue 11 added is in the JSON Schema, so editors check it as people type."""
    schema = json.loads(run("schema").stdout)
    defs = schema["$defs"]
    assert {"gap", "high", "quiet", "softness", "control_dimension", "control", "coverage", "critical_fail"} <= set(
        defs["BalanceSettings"]["properties"]
    )
    assert "per_period" in defs["PlanSettings"]["properties"]
    assert {"id", "when", "message"} <= set(defs["Contradiction"]["properties"])
    assert {"peak_share", "peak_questions"} <= set(defs["Dimension"]["properties"])
    assert {"finding", "pressure", "grows", "matters_if"} <= set(defs["ScaleQuestion"]["properties"])
    assert "needs" in defs["Recommendation"]["properties"]
    bad = json.loads(json.dumps(yaml.safe_load(SAMPLE.read_text())))
    bad["balance"] = {"coverage": 1.5}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_report_names_its_files_by_what_they_hold(tmp_path: Path) -> None:
    """Without -o: the zip says it is CSV tables, the full PDF says it is full, one table says which."""
    for args in (("--format", "csv"), ("--format", "csv", "--table", "answers"), ("--format", "pdf", "--full")):
        done = subprocess.run(
            [sys.executable, "-m", "readiness", "report", str(GROWTH), str(DEMO), *args],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
        assert done.returncode == 0, done.stderr
    names = sorted(path.name for path in tmp_path.iterdir())
    assert [re.sub(r"\d{4}-\d\d-\d\d", "DATE", name) for name in names] == [
        "readiness-frost-co-ice-cream-demo-DATE-answers.csv",
        "readiness-frost-co-ice-cream-demo-DATE-full.pdf",
        "readiness-frost-co-ice-cream-demo-DATE.csv.zip",
    ]
