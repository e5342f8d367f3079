"""Turn a questionnaire file into a :class:`~readiness.model.Questionnaire`, or say why not.

Every problem in a file is reported, each with file, line, column, key path and
a catalogue code, so an author fixes a file in one pass instead of one error
per run. Structural checks come from pydantic (converted at the boundary, in
:mod:`readiness.structure`, into problems); cross-reference checks run on every
part that is structurally sound, so a typo in one question does not hide an
unknown scale in another.

This module is the loader's public face and its pipeline: read, check the
structure, check the cross-references, sort. The cross-reference checks live
beside it, one module for each part of the file they read: :mod:`.frame`
(ids, dimensions, scales, levels, profiles), :mod:`.questions` (each question
and its conditions), :mod:`.references` (what one part names in another) and
:mod:`.translations`, all over the :class:`~.context.Context` they share.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from readiness.errors import Problem, QuestionnaireError, with_excerpts
from readiness.loader import frame, questions, references, translations
from readiness.loader.context import Context
from readiness.model import SCHEMA_VERSION, Questionnaire
from readiness.structure import check_structure as _structure
from readiness.yamlsource import Source, format_path, parse_yaml, read_text

#: The cross-reference checks, in the order they run (problems are sorted by place afterwards).
_CHECKS = (frame.check, questions.check, references.check, translations.check)


@dataclass
class LoadResult:
    """A loaded questionnaire and the warnings that did not stop it."""

    questionnaire: Questionnaire
    warnings: list[Problem] = field(default_factory=list)
    path: str | None = None


def load_questionnaire(path: str | Path) -> Questionnaire:
    """Load and validate a questionnaire file; raise :class:`QuestionnaireError` on errors."""
    return load_questionnaire_with_warnings(path).questionnaire


def load_questionnaire_with_warnings(path: str | Path) -> LoadResult:
    text, problems = read_text(str(path))
    if text is None:
        raise QuestionnaireError(problems, f"cannot load questionnaire {path}")
    return parse_questionnaire(text, str(path))


def parse_questionnaire(text: str, file: str = "<questionnaire>") -> LoadResult:
    """Validate questionnaire text; errors raise, warnings come back with the model."""
    problems, questionnaire = _check(text, file)
    errors = [p for p in problems if p.is_error]
    if errors or questionnaire is None:
        raise QuestionnaireError(problems, f"{file}: {len(errors)} error(s) in questionnaire")
    return LoadResult(questionnaire, [p for p in problems if not p.is_error], file)


def check_text(text: str, file: str) -> list[Problem]:
    """Every problem of a questionnaire text, errors and warnings, in file order."""
    return _check(text, file)[0]


def _check(text: str, file: str) -> tuple[list[Problem], Questionnaire | None]:
    problems, questionnaire = _problems(text, file)
    return with_excerpts(problems, text, file), questionnaire


def _problems(text: str, file: str) -> tuple[list[Problem], Questionnaire | None]:
    source, problems = parse_yaml(text, file)
    if source.data is None:
        return problems, None
    data = source.data
    if not isinstance(data, dict):
        return [*problems, source.problem("RQ006", "the top level must be a mapping of keys to values")], None
    version = data.get("schema_version")
    if "schema_version" in data and version != SCHEMA_VERSION:
        message = f"schema_version {version!r} is not supported; this Readiness reads version {SCHEMA_VERSION}"
        return [*problems, source.problem("RQ010", message, ("schema_version",), value=True)], None
    questionnaire, structural = _structure(source)
    if any(p.is_error for p in problems):
        questionnaire = None  # a syntax error: what was read is checked, but never used
    problems += structural
    problems += _cross_references(source, questionnaire)
    problems = _without_echoes(source, problems)
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0, p.code)), questionnaire


def _without_echoes(source: Source, problems: list[Problem]) -> list[Problem]:
    """Drop problems inside a part a syntax error made unreadable: they would only repeat that error."""
    if not source.broken:
        return problems
    broken = [format_path(path) for path in source.broken]

    def echo(problem: Problem) -> bool:
        if problem.code.startswith("RQ0"):
            return False  # the syntax errors themselves, and other reading problems
        return any(problem.path == b or problem.path.startswith((b + ".", b + "[")) for b in broken if problem.path)

    return [p for p in problems if not echo(p)]


# --- meaning (cross-references) ---------------------------------------------


def _cross_references(source: Source, questionnaire: Questionnaire | None) -> list[Problem]:
    """Every cross-reference problem, over every structurally sound item."""
    ctx = Context(source, questionnaire)
    for check in _CHECKS:
        check(ctx)
    return ctx.problems
