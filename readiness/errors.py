"""One exception family and one catalogue of problems for the whole engine.

Every mistake a user can make (in a questionnaire file, an answers file or a
single answer typed into the app) is reported as a :class:`Problem` with a code
from :data:`CATALOGUE`, a location and a hint on how to fix it. Shells (the CLI,
the Streamlit pages) catch :class:`ReadinessError` and print ``problems``; they
never show a traceback for a user's mistake.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """Errors stop loading or scoring; warnings are reported and work goes on."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Code:
    code: str
    title: str
    hint: str
    severity: Severity = Severity.ERROR


def _catalogue(*codes: Code) -> dict[str, Code]:
    return {c.code: c for c in codes}


W = Severity.WARNING

#: Every problem the engine can report. Codes are stable: documentation, tests
#: and users' scripts refer to them, so a code is never reused for another meaning.
CATALOGUE: dict[str, Code] = _catalogue(
    # Reading the file
    Code("RQ001", "file cannot be read", "Check the path and the file's permissions."),
    Code("RQ002", "file too large", "Questionnaires are text; split or trim the file."),
    Code("RQ003", "YAML syntax error", "Fix the YAML syntax at the position shown."),
    Code(
        "RQ004",
        "YAML expands too much",
        "Anchors and aliases expand to too many nodes or nest too deeply; write the content out or reduce the nesting.",
    ),
    Code("RQ005", "duplicate key", "Each key may appear once in a mapping; remove or rename one."),
    Code("RQ006", "not a mapping", "The file must be a YAML mapping (key: value pairs) at the top."),
    Code("RQ007", "file encoding", "Save the file as UTF-8 text."),
    Code(
        "RQ010",
        "unsupported schema_version",
        "Set schema_version to a version this Readiness supports (see docs/questionnaire-format.md).",
    ),
    # Shape of the content
    Code("RQ100", "required key missing", "Add the key; see docs/questionnaire-format.md."),
    Code("RQ101", "invalid value", "Change the value to the type and range the format expects."),
    Code("RQ102", "unknown key", "Remove the key or correct its spelling."),
    # Cross-references and meaning
    Code("RQ200", "duplicate id", "Ids must be unique within their list; rename one."),
    Code("RQ201", "unknown dimension", "Use the id of a dimension declared under `dimensions`."),
    Code("RQ202", "unknown scale", "Use the id of a scale declared under `scales`."),
    Code("RQ203", "unknown area", "Use the id of an area declared under the question's dimension."),
    Code(
        "RQ204",
        "invalid condition",
        "Conditions use question ids, literals, comparisons (== != < <= > >=), "
        "`in`, `not in`, `and`, `or`, `not` and parentheses only.",
    ),
    Code("RQ205", "condition names an unknown question", "Use the id of a question in this file."),
    Code(
        "RQ206",
        "condition names a later question",
        "A show_if may only depend on questions asked before it; move the question down.",
    ),
    Code("RQ207", "condition depends on itself", "A question's show_if cannot refer to the question itself."),
    Code("RQ208", "thresholds out of order", "List thresholds in strictly increasing order."),
    Code("RQ209", "target out of range", "Targets are scores from 0 to 100."),
    Code("RQ210", "profile misses a dimension", "Give every dimension a target in every profile."),
    Code("RQ211", "anchor for an unknown level", "Anchor keys must be values of the question's scale."),
    Code(
        "RQ212", "reserved option id", "`na` and `dont_know` are reserved for the special answers; rename the option."
    ),
    Code(
        "RQ213",
        "option weights go down",
        "An option further up the scale must earn at least as much as the one before.",
    ),
    Code("RQ214", "more than one default profile", "Mark at most one profile `default: true`."),
    Code("RQ215", "levels must start at 0", "The first maturity level's `min` must be 0 so every score has a level."),
    Code("RQ216", "condition compares with an unknown option", "Use one of the question's option ids.", W),
    Code("RQ217", "scale has too few options", "A scale needs at least two options."),
    Code("RQ218", "option has no effect", "Options of a choice question need distinct values to be scored.", W),
    Code(
        "RQ219",
        "invalid surge input",
        "`surge_input` goes on number questions and names one of the surge model's inputs (docs/surge.md).",
    ),
    Code("RQ300", "missing translation", "Add the text in every language listed under `languages`.", W),
    Code("RQ301", "zero weight", "A weight of 0 means the item never counts; remove it or give it a weight.", W),
    Code("RQ302", "dimension has no questions", "Add questions to the dimension or remove it.", W),
    Code("RQ303", "no demand dimension", "Without a `demand` dimension no balance index is computed.", W),
    # Answers
    Code("RA001", "answers file cannot be read", "Check the path; answers are YAML or JSON."),
    Code("RA002", "answers file malformed", "See 'Answers files' in docs/questionnaire-format.md."),
    Code("RA100", "unknown question", "Use a question id from the questionnaire (`readiness template` lists them)."),
    Code("RA101", "answer not allowed", "Use one of the allowed values listed for this question."),
    Code("RA102", "number out of range", "Enter a number within the range shown."),
    Code("RA103", "not applicable not allowed", "This question must be answered; 'not applicable' is not offered."),
    Code("RA104", "don't know not allowed", "This question must be answered; 'don't know' is not offered."),
    Code(
        "RA105",
        "answer to a hidden question",
        "The question is hidden by its show_if; the answer is kept but not scored.",
        W,
    ),
    Code(
        "RA106",
        "answers are for another questionnaire",
        "Score the answers with the questionnaire they were written for.",
    ),
    Code("RA107", "unknown target profile", "Use one of the profile ids of the questionnaire."),
    Code("RA108", "note is not text", "Notes are free text."),
    Code("RA109", "unanswered question", "Answer it, or mark it 'not applicable' where allowed.", W),
    Code(
        "RA110",
        "questionnaire version differs",
        "The answers were written for another version; check they still fit.",
        W,
    ),
)


@dataclass(frozen=True)
class Problem:
    """One located problem. ``path`` is the key path (``questions[12].scale``)."""

    code: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str = ""

    @property
    def severity(self) -> Severity:
        return CATALOGUE[self.code].severity

    @property
    def hint(self) -> str:
        return CATALOGUE[self.code].hint

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        where = f" at {self.path}" if self.path else ""
        kind = "" if self.is_error else "warning: "
        return f"{self.location()}: {self.code} {kind}{self.message}{where}"

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "hint": self.hint,
        }


class ReadinessError(Exception):
    """Base of every error the engine raises on purpose."""


@dataclass
class ProblemsError(ReadinessError):
    """Raised with *all* the problems found, not just the first."""

    problems: list[Problem] = field(default_factory=list)
    summary: str = "problems found"

    def __post_init__(self) -> None:
        super().__init__(self.summary)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def __str__(self) -> str:
        lines = [f"{self.summary}:"]
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)


class QuestionnaireError(ProblemsError):
    """A questionnaire file is broken; ``problems`` lists every error and warning."""


class AnswersError(ProblemsError):
    """Answers do not fit their questionnaire; each problem names the question."""


class AnswerError(ReadinessError):
    """One answer is not valid for its question (used when answering interactively)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class UnknownProfileError(ReadinessError):
    """The requested target profile does not exist in the questionnaire."""


class SurgeInputError(ReadinessError):
    """Inputs or a scenario of the surge stress test are not usable; the message says which and why."""
