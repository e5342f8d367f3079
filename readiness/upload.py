"""Reading a questionnaire someone uploads: YAML or a workbook, every problem at its place.

The app's upload page shows what this returns; it never writes the file
anywhere (an accepted questionnaire is kept in the database by
:meth:`readiness.storage.Store.save_upload`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from readiness.errors import Problem, ProblemsError
from readiness.loader import parse_questionnaire
from readiness.model import Questionnaire
from readiness.yamlsource import parse_yaml

#: Larger than any real questionnaire (the default one is ~100 kB of YAML); refused before parsing.
MAX_BYTES = 2_000_000
FORMATS = {".yaml": "yaml", ".yml": "yaml", ".xlsx": "xlsx"}


@dataclass(frozen=True)
class Place:
    """One problem where the author will look for it: a line and column, or a sheet, row and column."""

    where: str
    message: str
    hint: str = ""
    excerpt: str = ""
    warning: bool = False


@dataclass(frozen=True)
class UploadResult:
    file_name: str
    source_format: str
    questionnaire: Questionnaire | None = None
    content: str = ""
    problems: tuple[Place, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.questionnaire is not None


def read_upload(file_name: str, data: bytes) -> UploadResult:
    """The questionnaire in an uploaded file, or every problem with it."""
    name = PurePath(file_name or "upload").name
    suffix = PurePath(name).suffix.lower()
    kind = FORMATS.get(suffix)
    if kind is None:
        return UploadResult(
            name, suffix.lstrip("."), problems=(_place_file(name, "upload a .yaml, .yml or .xlsx file"),)
        )
    if len(data) > MAX_BYTES:
        size = f"{len(data) / 1_000_000:.1f} MB"
        return UploadResult(name, kind, problems=(_place_file(name, f"the file is {size}; the limit is 2 MB"),))
    if kind == "xlsx":
        from readiness.xlsform import WorkbookError, import_workbook

        try:
            text, questionnaire = import_workbook(data, name)
        except WorkbookError as exc:
            places = tuple(Place(p.location(), p.message) for p in exc.problems)
            return UploadResult(name, kind, problems=places)
        return UploadResult(name, kind, questionnaire, text)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return UploadResult(name, kind, problems=(_place_file(name, f"not UTF-8 text (byte {exc.start})"),))
    if _answers_file(text):
        return UploadResult(
            name,
            kind,
            problems=(
                _place_file(
                    name,
                    "this is an answers file, not a questionnaire: this page takes questionnaires. Score an "
                    "answers file with `readiness score` or `readiness report` (see the README), or answer "
                    "in the app from the start page",
                ),
            ),
        )
    try:
        loaded = parse_questionnaire(text, name)
    except ProblemsError as exc:
        return UploadResult(name, kind, problems=tuple(_place(p) for p in exc.problems))
    warnings = tuple(_place(p) for p in loaded.warnings)
    return UploadResult(name, kind, loaded.questionnaire, text, warnings)


def _answers_file(text: str) -> bool:
    """Whether the text is an answers file (``answers:`` and none of a questionnaire's own keys): then
    fourteen "`id` is required" problems would only bury the one thing to say."""
    data = parse_yaml(text, "upload")[0].data  # the hardened reader: aliases, depth and size are limited
    own = {"schema_version", "id", "dimensions", "questions", "title"}
    return isinstance(data, dict) and "answers" in data and not own & set(data)


def _place_file(name: str, message: str) -> Place:
    return Place(name, message)


def _place(problem: Problem) -> Place:
    where = f"line {problem.line}" + (f", column {problem.column}" if problem.column else "") if problem.line else ""
    excerpt = "\n".join(problem.render().split("\n")[1:-1]) if problem.excerpt else ""
    return Place(
        where=where or problem.path or "the file",
        message=f"{problem.code} {problem.message}" + (f" (at {problem.path})" if problem.path and where else ""),
        hint=problem.hint,
        excerpt=excerpt,
        warning=not problem.is_error,
    )
