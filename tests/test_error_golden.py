"""Every error code, as a user sees it: the message, the location, the caret, the fix.

Each ``tests/data/golden/errors/*.out`` starts with the command it records
(``$ readiness validate RQ202-unknown-scale.yaml``), then what the command
prints, then ``[exit N]``. The commands run in a copy of that folder, so the
files they name are the ones next to the golden file. To re-record after an
intended change of wording, run with ``READINESS_UPDATE_GOLDEN=1`` and read the
diff before committing it: a golden file is a promise about what users read.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
from pathlib import Path

import pytest

from readiness.cli import main
from readiness.errors import CATALOGUE
from readiness.yamlsource import MAX_BYTES

from .conftest import DATA

GOLDEN = DATA / "golden" / "errors"
CASES = sorted(GOLDEN.glob("*.out"))
UPDATE = os.environ.get("READINESS_UPDATE_GOLDEN") == "1"


def record(command: str, folder: Path) -> str:
    """Run ``command`` (a ``readiness ...`` line) in ``folder``; what it prints, and its exit code."""
    args = shlex.split(command)
    assert args[0] == "readiness"
    out, err = io.StringIO(), io.StringIO()
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args[1:])
    finally:
        os.chdir(cwd)
    return f"$ {command}\n{out.getvalue()}{err.getvalue()}[exit {code}]\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the golden folder, plus the one input too large to commit."""
    copy = tmp_path / "errors"
    shutil.copytree(GOLDEN, copy)
    (copy / "RQ002-too-large.yaml").write_text("title: '" + "a" * MAX_BYTES + "'\n")
    return copy


@pytest.mark.parametrize("golden", CASES, ids=[p.stem for p in CASES])
def test_error_output_matches_its_golden_file(golden: Path, folder: Path) -> None:
    expected = golden.read_text(encoding="utf-8")
    command = expected.splitlines()[0].removeprefix("$ ")
    actual = record(command, folder)
    if UPDATE:
        golden.write_text(actual, encoding="utf-8")
    assert actual == expected


def test_every_code_of_the_catalogue_has_a_golden_file() -> None:
    shown = {code for path in CASES for code in re.findall(r": (R[QA]\d{3}) ", path.read_text(encoding="utf-8"))}
    missing = sorted(set(CATALOGUE) - shown)
    assert not missing, f"no golden file shows {missing}; add a case under {GOLDEN}"


def test_every_input_in_the_golden_folder_has_its_golden_file() -> None:
    inputs = {p.stem for p in GOLDEN.iterdir() if p.suffix in (".yaml", ".json") and p.name != "questionnaire.yaml"}
    assert inputs <= {p.stem for p in CASES}, sorted(inputs - {p.stem for p in CASES})
