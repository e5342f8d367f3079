"""Fuzzing the three parsers a stranger's text reaches: questionnaires, answers files, conditions.

Each target mutates the committed seed corpus (``tests/fuzz/corpus/``: real
files, the golden error cases and hostile inputs) with the edits that break
YAML and conditions in practice (a stray colon, a tab, a bracket, a line
indented one space off, a giant number, an alias) and checks what must hold
for *any* input:

* the loader and the answers parser raise only their own error, and every
  problem has a catalogue code, a location inside the file, and renders;
* where PyYAML reads the same text without complaint and we report nothing,
  we read the same values (a differential check against the reference);
* accepted answers survive a round trip; a condition that parses evaluates
  without error for any answers.

Hypothesis drives the mutations. Each target runs for a bounded time: a few
seconds in CI (``READINESS_FUZZ_SECONDS``, default 4 per target), as long as
you like locally (``READINESS_FUZZ_SECONDS=600``). A failure prints the input
that broke it; add it to the corpus with the fix.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from readiness import AnswersError, QuestionnaireError, parse_answers, parse_questionnaire, score
from readiness.errors import CATALOGUE, Problem
from readiness.expr import ExpressionError
from readiness.expr import parse as parse_condition
from readiness.yamlsource import parse_yaml

from .conftest import ROOT

CORPUS = ROOT / "tests" / "fuzz" / "corpus"
SECONDS = float(os.environ.get("READINESS_FUZZ_SECONDS", "4"))


def seeds(folder: str) -> list[str]:
    return [p.read_bytes().decode("utf-8", "replace") for p in sorted((CORPUS / folder).iterdir())]


QUESTIONNAIRES = seeds("questionnaires")
ANSWERS = seeds("answers")
CONDITIONS = [line for line in (CORPUS / "conditions" / "seeds.txt").read_text().splitlines() if line]

#: What people (and attackers) type into YAML that changes its meaning.
YAML_PIECES = [
    ":", ": ", " #", "- ", "-", "?", "[", "]", "{", "}", ",", "&a ", "*a", "!!int ", "!!str ", "!!python/name:os ",
    "|", ">", "'", '"', "%", "@", "`", "\t", "\n", "\r\n", "  ", "   ", "---\n", "...\n", "<<: *a\n", "yes", "no",
    "~", "null", ".inf", ".nan", "2020-02-30", "0x1F", "1_000", "190:20:30", "9" * 30, "1e400", "\\u0000", "\x00",
    "\x07", "\ufeff", "é", "\u2028", "\\", "=", "key: value\n",
]  # fmt: skip
CONDITION_PIECES = [
    " and ", " or ", "not ", " in ", " not in ", "==", "!=", "<", "<=", ">", ">=", "(", ")", "[", "]", "'", '"',
    ",", "1", "1.5", "-", "true", "null", "value", "score", "cover", "__import__", ".", "lambda x: x", "*", "+",
    "if", "\x00", "\ud800", "9" * 50, "((((((((((", "\n", "#",
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, corpus: list[str], pieces: list[str]) -> str:
    """A seed with a few of the edits that break files in practice."""
    text = draw(st.sampled_from(corpus))
    for _ in range(draw(st.integers(0, 5))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "replace", "line", "indent", "splice", "repeat"]))
        if edit == "insert":
            text = text[:at] + draw(st.sampled_from(pieces) | st.text(max_size=3)) + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif edit == "replace":
            text = text[:at] + draw(st.sampled_from(pieces)) + text[at + 1 :]
        elif edit == "line":  # duplicate or drop a whole line
            lines = text.split("\n")
            index = at % len(lines)
            lines[index : index + 1] = [lines[index]] * draw(st.integers(0, 2))
            text = "\n".join(lines)
        elif edit == "indent":  # the most common YAML mistake: one line one or two spaces off
            start = text.rfind("\n", 0, at) + 1
            shift = draw(st.sampled_from([-2, -1, 1, 2]))
            text = text[:start] + " " * shift + text[start:] if shift > 0 else text[:start] + text[start - shift :]
        elif edit == "splice":
            other = draw(st.sampled_from(corpus))
            cut = draw(st.integers(0, len(other)))
            text = text[:at] + other[cut:]
        else:  # nesting and size
            piece = draw(st.sampled_from(["[", "{a: ", "- ", "(", "not ", "&x [*x, "]))
            text = text[:at] + piece * draw(st.integers(10, 200)) + text[at:]
    return text


def run_for(seconds: float, test: Callable[[], None]) -> int:
    """Run a Hypothesis test again and again until the time is up; how many rounds ran.

    Under CI's derandomized profile (tests/conftest.py) every round would try the same
    examples, so round k runs from seed k: each round is new, and round k is the same on
    every machine (a slower one runs fewer rounds).
    """
    fixed = settings.default.derandomize
    deadline = time.monotonic() + seconds
    rounds = 0
    while True:
        if fixed:
            seed(rounds)(test)
        test()
        rounds += 1
        if time.monotonic() >= deadline:
            return rounds


FUZZ = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)


def check_problems(problems: list[Problem], text: str) -> None:
    assert problems, "an error must say what is wrong"
    lines = max(1, len(text.splitlines()) + 1)
    for problem in problems:
        assert problem.code in CATALOGUE, problem
        if problem.line is not None:
            assert 1 <= problem.line <= lines, (problem, lines)
            assert problem.column is None or problem.column >= 1, problem
        assert len(problem.render()) < 5_000, "a message must not flood the screen"


def same(a: Any, b: Any) -> bool:
    """Equal as data, where NaN equals NaN (PyYAML reads `.nan`; we refuse it, but be exact)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def reference(text: str) -> Any:
    """PyYAML's own reading (its pure-Python loader: a hostile depth cannot crash it)."""
    return yaml.load(text, Loader=yaml.SafeLoader)


# --- the targets ------------------------------------------------------------------------


@FUZZ
@given(mutated(QUESTIONNAIRES, YAML_PIECES))
def questionnaire_target(text: str) -> None:
    try:
        result = parse_questionnaire(text, "fuzz.yaml")
    except QuestionnaireError as exc:
        check_problems(exc.problems, text)
    else:
        score(result.questionnaire, {})  # whatever loads can be scored
    source, problems = parse_yaml(text, "fuzz.yaml")
    if problems or source.data is None or len(text) > 20_000 or text.count("[") + text.count("{") > 40:
        return
    try:
        expected = reference(text)
    except (yaml.YAMLError, ValueError, OverflowError, TypeError, RecursionError):
        return  # PyYAML refuses or crashes where we read: we may be more lenient (`=`), never less safe
    assert same(source.data, expected), "read differently from PyYAML"


@FUZZ
@given(mutated(ANSWERS, YAML_PIECES))
def answers_target(text: str) -> None:
    sample = parse_questionnaire((ROOT / "tests" / "data" / "sample.yaml").read_text()).questionnaire
    try:
        answers, warnings = parse_answers(sample, text, "fuzz.yaml")
    except AnswersError as exc:
        check_problems(exc.problems, text)
        return
    for warning in warnings:
        assert warning.code in CATALOGUE
    again, _ = parse_answers(sample, answers.to_plain())  # what was accepted can be written back and read
    assert again.answers == answers.answers
    score(sample, answers)


VALUES = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5)
VALUES = VALUES | st.lists(VALUES, max_size=3)


@FUZZ
@given(mutated(CONDITIONS, CONDITION_PIECES) | st.text(max_size=60), st.data())
def condition_target(text: str, data: st.DataObject) -> None:
    try:
        condition = parse_condition(text)
    except ExpressionError as exc:
        assert str(exc)
        return
    values = {name: data.draw(VALUES) for name in condition.names}
    assert condition.evaluate(values) in (True, False)
    condition.literal_comparisons()


@pytest.mark.parametrize(
    "target", [questionnaire_target, answers_target, condition_target], ids=["questionnaire", "answers", "condition"]
)
def test_fuzz(target: Callable[[], None]) -> None:
    assert run_for(SECONDS, target) >= 1


def test_the_seed_corpus_is_there() -> None:
    assert len(QUESTIONNAIRES) >= 10 and len(ANSWERS) >= 10 and len(CONDITIONS) >= 30
    assert parse_questionnaire((CORPUS / "questionnaires" / "sample.yaml").read_text()).questionnaire


#: Inputs the targets above found crashing the engine, kept so they stay fixed.
FOUND = [
    ("answers", "answers:\n  covre: !!int \n", "RQ008"),  # PyYAML's int constructor: IndexError
    ("answers", "  profile: \nanswers:\n  co\x07ver: 1\n", "RQ003"),  # a mapping as profile: unhashable
    ("answers", "answers:\n  covre: 2\n[", "RQ003"),  # a syntax error on a last line without a newline
    ("questionnaire", "profiles:\n  - \u2028id: steady\n!!python/name:os ", "RQ003"),  # a broken root value
]


@pytest.mark.parametrize(("kind", "text", "code"), FOUND)
def test_inputs_the_fuzzers_found_get_located_errors(sample, kind: str, text: str, code: str) -> None:
    error = AnswersError if kind == "answers" else QuestionnaireError
    with pytest.raises(error) as info:
        parse_answers(sample, text, "f.yaml") if kind == "answers" else parse_questionnaire(text, "f.yaml")
    assert code in [p.code for p in info.value.problems]
    check_problems(info.value.problems, text)


def test_nul_bytes_and_lone_surrogates_in_a_condition_are_refused_not_crashes() -> None:
    """Found by the condition target: `ast.parse` raises ValueError or UnicodeEncodeError for these."""
    for text in ("a == 1\x00", "a == '\ud800'"):
        with pytest.raises(ExpressionError):
            parse_condition(text)
