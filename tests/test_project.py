"""The project's promises to a newcomer: the README's two commands, CI running the same one."""

from __future__ import annotations

import re

from .conftest import ROOT


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.S)]


def test_quick_start_has_exactly_two_single_line_commands() -> None:
    commands = quick_start_commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    launch, test = commands
    assert "requirements.txt" in launch and "streamlit run streamlit_app.py" in launch
    assert "requirements-dev.txt" in test and "pytest" in test


def test_ci_runs_the_readme_test_command_and_fails_on_no_tests() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert quick_start_commands()[1] in ci
    assert '"$status" -eq 5' in ci


def test_requirements_are_pinned() -> None:
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text().splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "-r", "-e")):
                assert "==" in line, f"{name}: {line} is not pinned"
