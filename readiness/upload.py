"""Reading what someone uploads: a questionnaire (YAML or a workbook), or an answers file to start an
assessment from; every problem at its place.

The app's upload page shows what this returns; it never writes the file
anywhere (an accepted questionnaire is kept in the database by
:meth:`readiness.storage.Store.save_upload`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePath

from readiness.answers import AnswerSet, parse_answers
from readiness.errors import AnswersError, Problem, ProblemsError
from readiness.loader import parse_questionnaire
from readiness.model import Questionnaire
from readiness.yamlsource import parse_json, parse_yaml

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
    if too_large := _too_large(data):
        return UploadResult(name, kind, problems=(_place_file(name, too_large),))
    if kind == "xlsx":
        from readiness.xlsform import WorkbookError, import_workbook

        try:
            text, questionnaire = import_workbook(data, name)
        except WorkbookError as exc:
            places = tuple(Place(p.location(), p.message) for p in exc.problems)
            return UploadResult(name, kind, problems=places)
        return UploadResult(name, kind, questionnaire, text)
    text, unreadable = _text(data)
    if text is None:
        return UploadResult(name, kind, problems=(_place_file(name, unreadable),))
    if _answers_file(text):
        return UploadResult(
            name,
            kind,
            problems=(
                _place_file(
                    name,
                    "this is an answers file, not a questionnaire: this page takes questionnaires. Load it "
                    "on the start page (Load an answers file), or score it with the readiness score or "
                    "readiness report command (see the README)",
                ),
            ),
        )
    try:
        loaded = parse_questionnaire(text, name)
    except ProblemsError as exc:
        return UploadResult(name, kind, problems=tuple(_place(p) for p in exc.problems))
    warnings = tuple(_place(p) for p in loaded.warnings)
    return UploadResult(name, kind, loaded.questionnaire, text, warnings)


def _too_large(data: bytes) -> str | None:
    """Why a file is refused before it is read, or None: larger than any real questionnaire or answers."""
    return f"the file is {len(data) / 1_000_000:.1f} MB; the limit is 2 MB" if len(data) > MAX_BYTES else None


def _text(data: bytes) -> tuple[str | None, str]:
    """(the file as text, "") or (None, why it cannot be read as text)."""
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        return None, f"not UTF-8 text (byte {exc.start})"


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


@dataclass(frozen=True)
class AnswersUpload:
    """An answers file someone uploads to start an assessment from: its questionnaire and answers, or
    every problem with it (each naming the question and line, as the CLI says them)."""

    file_name: str
    questionnaire: Questionnaire | None = None
    answers: AnswerSet | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.answers is not None


ANSWER_FORMATS = (".yaml", ".yml", ".json")


def read_answers_upload(
    file_name: str, data: bytes, offered: Mapping[str, Questionnaire], default: Questionnaire | None = None
) -> AnswersUpload:
    """The answers in an uploaded file, checked against the questionnaire it names (``questionnaire:``, as
    ``readiness template`` writes it) among those ``offered``, else against ``default``."""
    name = PurePath(file_name or "answers").name
    if PurePath(name).suffix.lower() not in ANSWER_FORMATS:
        return AnswersUpload(name, problems=(Problem("RA001", "upload a .yaml, .yml or .json answers file", name),))
    if too_large := _too_large(data):
        return AnswersUpload(name, problems=(Problem("RA001", too_large, name),))
    text, unreadable = _text(data)
    if text is None:
        return AnswersUpload(name, problems=(Problem("RA001", unreadable, name),))
    peek = parse_json(text, name)[0] if text.lstrip().startswith("{") else parse_yaml(text, name)[0]
    wanted = peek.data.get("questionnaire") if isinstance(peek.data, dict) else None
    questionnaire = offered.get(wanted) if isinstance(wanted, str) else default
    if questionnaire is None:
        known = ", ".join(f"`{qid}`" for qid in offered) or "none"
        what = f"`{wanted}`, which this app does not offer" if wanted else "no questionnaire"
        message = f"the answers are for {what}; the questionnaires offered here are {known}"
        return AnswersUpload(name, problems=(Problem("RA106", message, name),))
    try:
        answers, warnings = parse_answers(questionnaire, text, name)
    except AnswersError as exc:
        return AnswersUpload(name, questionnaire, problems=tuple(exc.problems))
    return AnswersUpload(name, questionnaire, answers, tuple(warnings))
