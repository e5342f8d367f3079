"""Shared fixtures: the sample questionnaire and inline questionnaires written in tests."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from readiness import Questionnaire, parse_questionnaire

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = DATA / "sample.yaml"


@pytest.fixture(scope="session")
def sample() -> Questionnaire:
    return parse_questionnaire(SAMPLE.read_text(), str(SAMPLE)).questionnaire


HEADER = """
schema_version: 1
id: inline
version: "1"
title: Inline
dimensions:
  - {id: ops, title: Operations, side: operations}
  - {id: demand, title: Demand, side: demand}
scales:
  - id: four
    options:
      - {value: 0, label: None}
      - {value: 1, label: Some}
      - {value: 2, label: Most}
      - {value: 3, label: All}
levels:
  - {id: low, name: Low, min: 0}
  - {id: mid, name: Mid, min: 40}
  - {id: high, name: High, min: 75}
profiles:
  - {id: p, title: P, targets: {ops: 60, demand: 60}}
"""


@pytest.fixture
def inline() -> Callable[[str], Questionnaire]:
    """Build a questionnaire from just its `questions:` block (plus optional overrides)."""

    def build(questions: str, header: str = HEADER) -> Questionnaire:
        text = textwrap.dedent(header) + "questions:\n" + textwrap.indent(textwrap.dedent(questions), "  ")
        return parse_questionnaire(text, "inline.yaml").questionnaire

    return build
