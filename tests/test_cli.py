"""The `readiness` command as a user runs it: exit codes, messages, outputs."""

from __future__ import annotations

import json
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
    assert "cover: null" in text and "allowed: 0 (Not at all)" in text
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
    assert "| Team | operations | 0 |" in out.stdout


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
