"""Hostile input through the real command: a located error from the catalogue and exit 1, never a crash.

Every file under ``tests/data/hostile/`` says, in its first line (or, for JSON,
in ``NAME.json.expect``), which command reads it and what that command must
report: ``# hostile: COMMAND CODE LINE:COL`` (``-`` when the problem has no
position, such as an empty file). Each is run as a separate process, so a
segmentation fault (a C parser recursing) shows as a failure, not as a
crashed test run.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from readiness import AnswersError, parse_answers
from readiness.cli import main
from readiness.yamlsource import MAX_BYTES, MAX_NODES, parse_json

from .conftest import DATA, SAMPLE

HOSTILE = DATA / "hostile"
CASES = sorted(p for p in HOSTILE.iterdir() if p.suffix in (".yaml", ".json"))
COMMANDS = {
    "validate": lambda path: ["validate", str(path)],
    "score": lambda path: ["score", str(SAMPLE), str(path)],
    "surge": lambda path: ["surge", str(path)],
}


def expectation(path: Path) -> tuple[str, str, int | None, int | None]:
    where = path.with_name(path.name + ".expect") if path.suffix == ".json" else path
    head = where.read_bytes().split(b"\n", 1)[0].decode("utf-8", "replace")
    match = re.search(r"hostile: (\w+) (R[QA]\d{3}) (\d+:\d+|-)", head)
    assert match, f"{path.name}: no '# hostile: COMMAND CODE LINE:COL' line"
    command, code, location = match.groups()
    if location == "-":
        return command, code, None, None
    line, column = location.split(":")
    return command, code, int(line), int(column)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readiness", *args], capture_output=True, text=True, timeout=120, errors="replace"
    )


def check(path: Path, exit_code: int, output: str) -> None:
    _, code, line, column = expectation(path)
    assert exit_code == 1, f"exit {exit_code} (negative: killed by a signal)\n{output[-2000:]}"
    assert "Traceback" not in output
    where = f"{path}:{line}:{column}" if line is not None else str(path)
    assert f"{where}: {code} " in output, output[-3000:]
    if line is not None:  # shown like a linter: the line, and a caret under the spot
        assert re.search(rf"^ *{line} \| ", output, re.M) and re.search(r"^ *\| *\^", output, re.M), output[-3000:]
    assert len(output) < 20_000, "a hostile file must not flood the terminal"


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_hostile_file_gets_a_located_catalogue_error_and_exit_1(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    command = expectation(path)[0]
    exit_code = main(COMMANDS[command](path))
    out = capsys.readouterr()
    check(path, exit_code, out.out + out.err)


#: The inputs that crashed the process (a segmentation fault from a C parser recursing),
#: and one of each kind that printed a traceback, run as a user runs them: a process each.
AS_A_PROCESS = [
    p
    for p in CASES
    if p.name.startswith("deep_")
    or p.name
    in (
        "int_400_digits_answer.yaml",
        "int_400_digits_surge.yaml",
        "int_5000_digits.json",
        "date_2020_02_30.yaml",
        "tag_int_abc.yaml",
        "duplicate_answer.json",
    )
]


@pytest.mark.parametrize("path", AS_A_PROCESS, ids=[p.name for p in AS_A_PROCESS])
def test_hostile_file_through_the_installed_command(path: Path) -> None:
    out = run(*COMMANDS[expectation(path)[0]](path))
    check(path, out.returncode, out.stdout + out.stderr)


def test_the_hostile_corpus_is_there() -> None:
    """Guards the parametrized test: an empty corpus would pass by testing nothing."""
    assert len(CASES) >= 40
    codes = {expectation(p)[1] for p in CASES}
    assert {"RQ003", "RQ004", "RQ005", "RQ007", "RQ008", "RA002"} <= codes


def test_a_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("answers:\n  comment: '" + "a" * MAX_BYTES + "'\n")
    out = run("score", str(SAMPLE), str(big))
    assert out.returncode == 1 and f"{big}: RQ002 larger than 2048 KiB" in out.stderr


def test_json_with_more_values_than_the_limit_stops_at_the_limit() -> None:
    text = json.dumps({"answers": {"comment": [1] * (MAX_NODES + 1)}})
    source, problems = parse_json(text, "many.json")
    assert source.data is None
    assert [(p.code, p.line) for p in problems] == [("RQ004", 1)]


def test_duplicate_answers_are_errors_not_last_one_wins(sample) -> None:
    for text in ("answers:\n  cover: 1\n  cover: 3\n", '{"answers": {"cover": 1, "cover": 3}}'):
        with pytest.raises(AnswersError) as info:
            parse_answers(sample, text, "a")
        assert [p.code for p in info.value.errors] == ["RQ005"]
