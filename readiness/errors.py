"""One exception family and one catalogue of problems for the whole engine.

Every mistake a user can make (in a questionnaire file, an answers file or a
single answer typed into the app) is reported as a :class:`Problem` with a code
from :data:`CATALOGUE`, a location and a hint on how to fix it. Shells (the CLI,
the Streamlit pages) catch :class:`ReadinessError` and print ``problems``; they
never show a traceback for a user's mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
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
    #: The heading the code is listed under in docs/questionnaire-format.md.
    group: str = ""


def _catalogue(*sections: tuple[str, tuple[Code, ...]]) -> dict[str, Code]:
    return {c.code: replace(c, group=group) for group, codes in sections for c in codes}


W = Severity.WARNING

#: Every problem the engine can report. Codes are stable: documentation, tests
#: and users' scripts refer to them, so a code is never reused for another meaning.
#: The error table of docs/questionnaire-format.md is generated from this (see
#: :func:`markdown_table`), so a title or hint written here is what users read.
CATALOGUE: dict[str, Code] = _catalogue(
    (
        "Reading a file (questionnaires, answers files and surge inputs alike)",
        (
            Code("RQ001", "file cannot be read", "Check the path and the file's permissions."),
            Code("RQ002", "file too large", "Files are read up to 2 MiB; split or trim the file."),
            Code(
                "RQ003",
                "YAML syntax error, or a tag that is not plain YAML",
                "Fix the YAML at the position shown; the message says what YAML expected there.",
            ),
            Code(
                "RQ004",
                "nests too deeply or expands too much",
                "Nest at most 64 levels, and do not let anchors and aliases expand to more than 200,000 values; "
                "write the content out.",
            ),
            Code("RQ005", "duplicate key", "Each key may appear once in a mapping; remove or rename one."),
            Code("RQ006", "not a mapping", "The file must be a YAML mapping (key: value pairs) at the top."),
            Code("RQ007", "file encoding", "Save the file as UTF-8 text."),
            Code(
                "RQ008",
                "value cannot be read",
                "Write a real date or number (at most 15 digits), or quote the value to keep it as text.",
            ),
        ),
    ),
    (
        "Questionnaires: format version and shape",
        (
            Code(
                "RQ010",
                "unsupported schema_version",
                "Set schema_version to a version this Readiness supports (1).",
            ),
            Code(
                "RQ100", "required key missing", "Add the key; docs/questionnaire-format.md says what each part needs."
            ),
            Code(
                "RQ101",
                "invalid value",
                "Change the value to what the format expects here: the type, the range, or one of the words listed.",
            ),
            Code("RQ102", "unknown key", "Remove the key, or correct its spelling."),
        ),
    ),
    (
        "Questionnaires: references and meaning",
        (
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
            Code(
                "RQ208",
                "thresholds out of order",
                "List levels, bands, scale values and min/max in strictly increasing order.",
            ),
            Code(
                "RQ209",
                "target out of range",
                "Targets and level starts are scores on the score scale (0..100 unless `score_scale` says otherwise).",
            ),
            Code(
                "RQ210",
                "profile misses a dimension",
                "Give every operations dimension a target in every profile (demand pressure needs none).",
            ),
            Code("RQ211", "anchor for an unknown level", "Anchor keys must be values of the question's scale."),
            Code(
                "RQ212",
                "reserved option id",
                "`na` and `dont_know` are reserved for the special answers; rename the option.",
            ),
            Code(
                "RQ213",
                "option weights go down",
                "An option further up the scale must earn at least as much as the one before.",
            ),
            Code("RQ214", "more than one default profile", "Mark at most one profile `default: true`."),
            Code(
                "RQ215",
                "levels must start at 0",
                "The first maturity level's `min` must be 0 so every score has a level.",
            ),
            Code(
                "RQ216",
                "condition compares with an unknown option",
                "Use one of the question's option ids.",
                W,
            ),
            Code("RQ217", "scale has too few options", "A scale needs at least two options."),
            Code(
                "RQ218",
                "option has no effect",
                "Options of a choice question need distinct values to be scored.",
                W,
            ),
            Code(
                "RQ219",
                "invalid surge input",
                "`surge_input` goes on number questions and names one of the surge model's inputs (docs/surge.md).",
            ),
            Code(
                "RQ220",
                "unknown peak question",
                "`peak_questions` lists questions of the same dimension (see docs/scoring.md).",
            ),
            Code(
                "RQ221",
                "invalid contradiction rule",
                "A `contradictions` rule needs a valid `when` condition over question ids and a `message`.",
            ),
            Code(
                "RQ222",
                "invalid verdict advice",
                "An option's `verdicts` are keyed by the balance's verdicts (danger_zone, demand_ahead_controlled, "
                "idle_capacity, foundation, scale_ready, not_placed); a text may name only `{weakest}`. An "
                "option's `relieves` names operations dimensions or `dimension.area`, and comes with `elsewhere` "
                "(which may name `{weakest}` and `{limit}`). A `variants` entry speaks only to verdicts its option's "
                "`verdicts` speak to.",
            ),
            Code(
                "RQ223",
                "invalid describes",
                "A text question's `describes` names a question with options, asked before it, whose answer the "
                "text names in the owner's words.",
            ),
            Code(
                "RQ224",
                "invalid weighed_by",
                "An area's `weighed_by` names a number question whose unit is a percentage (`%`, `% of orders`): "
                "the share of the business the area touches, by which its findings rank.",
            ),
            Code(
                "RQ225",
                "invalid quote in advice",
                "A recommendation's text may quote `{question_id}` of a number question that its `when` reads "
                '(`when: "recent_peak >= 2"`), so the advice is given only with the owner\'s figure in it.',
            ),
        ),
    ),
    (
        "Questionnaires: warnings",
        (
            Code("RQ300", "missing translation", "Add the text in every language listed under `languages`.", W),
            Code(
                "RQ301",
                "zero weight",
                "A weight of 0 means the item never counts; remove it or give it a weight "
                "(gate questions read by a `show_if` or a recommendation's `when`, and surge inputs, "
                "may have weight 0).",
                W,
            ),
            Code("RQ302", "dimension has no questions", "Add questions to the dimension or remove it.", W),
        ),
    ),
    (
        "Answers files and answers",
        (
            Code("RA001", "answers file cannot be read", "Check the path; answers are YAML or JSON."),
            Code(
                "RA002",
                "answers file malformed",
                "An answers file is a mapping with an `answers:` mapping of question id to answer; "
                "see 'Answers files' in docs/questionnaire-format.md.",
            ),
            Code(
                "RA100",
                "unknown question",
                "Use a question id from the questionnaire (`readiness template` lists them).",
            ),
            Code("RA101", "answer not allowed", "Use one of the allowed values listed for this question."),
            Code("RA102", "number out of range", "Enter a number within the range shown."),
            Code(
                "RA103",
                "not applicable not allowed",
                "This question must be answered; 'not applicable' is not offered.",
            ),
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
            Code(
                "RA112",
                "note too long",
                "A note is kept whole or not at all: shorten it, or put the full notes in a document and link to it.",
            ),
            Code(
                "RA109",
                "unanswered question",
                "Answer each one, or mark it 'not applicable' where that is offered.",
                W,
            ),
            Code(
                "RA110",
                "questionnaire version differs",
                "The answers were written for another version; check they still fit, then update "
                "`questionnaire_version`.",
                W,
            ),
            Code(
                "RA111",
                "answer to a retired question",
                "The question was asked by an earlier version and is no longer asked; the answer is "
                "ignored. `readiness migrate-answers` carries the rest of the file over to this version.",
                W,
            ),
            Code(
                "RA120",
                "answers contradict each other",
                "Check both answers the warning names: one of them is probably optimistic. The rule is "
                "written in the questionnaire's `contradictions`.",
                W,
            ),
        ),
    ),
)


@dataclass(frozen=True)
class Problem:
    """One located problem. ``path`` is the key path (``questions[12].scale``).

    ``fix`` is advice for this very problem (``quote the label: label: "Fully, even
    under pressure"``); without one, the catalogue's general hint is shown.
    ``excerpt`` holds the source lines to print above the caret (line number and
    text), attached by :func:`with_excerpts` once the file's text is known, so a
    problem can be shown the way a compiler shows one.
    """

    code: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str = ""
    fix: str | None = None
    excerpt: tuple[tuple[int, str], ...] = ()
    #: Where the caret goes in the excerpt's last line (1-based; the column unless
    #: a long line was cut) and how many characters it underlines.
    caret: int | None = None
    span: int = 0

    @property
    def severity(self) -> Severity:
        return CATALOGUE[self.code].severity

    @property
    def hint(self) -> str:
        return self.fix or CATALOGUE[self.code].hint

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
        path = self.path if len(self.path) <= 80 else self.path[:79] + "…"
        where = f" at {path}" if path else ""
        kind = "" if self.is_error else "warning: "
        return f"{self.location()}: {self.code} {kind}{self.message}{where}"

    def render(self) -> str:
        """The problem as a linter prints it: location and message, the source line
        with a caret under the spot, then what to do about it."""
        lines = [str(self)]
        width = len(str(max(number for number, _ in self.excerpt))) if self.excerpt else 1
        if self.excerpt:
            gutter = " " * width + " |"
            lines.append(gutter)
            for number, text in self.excerpt:
                lines.append(f"{number:>{width}} | {text.replace(chr(9), '    ')}".rstrip())
                if number == self.line and self.caret is not None:
                    before = text[: self.caret - 1].replace(chr(9), "    ")
                    lines.append(f"{gutter} {' ' * len(before)}{'^' * max(1, self.span)}")
            lines.append(gutter)
        lines.append(f"{' ' * width} = hint: {self.hint}")
        return "\n".join(lines)

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


#: Longest stretch of a source line shown in an excerpt: a minified file has one
#: line of two megabytes, and a message must stay readable.
EXCERPT_WIDTH = 100


def with_excerpts(problems: list[Problem], text: str, file: str | None) -> list[Problem]:
    """Attach the source line (and, for indentation problems, the line above) to each
    located problem of ``file``, so shells can print a caret under the spot."""
    if not problems:
        return problems
    source_lines = text.splitlines()
    out = []
    for problem in problems:
        if problem.file != file or problem.line is None or problem.excerpt or not 0 < problem.line <= len(source_lines):
            out.append(problem)
            continue
        numbers = [problem.line]
        if problem.code == "RQ003" and ("indented" in problem.message or "line up" in problem.message):
            above = next((n for n in range(problem.line - 1, 0, -1) if _meaningful(source_lines[n - 1])), None)
            if above is not None:
                numbers.insert(0, above)
        column = problem.column
        excerpt = []
        for number in numbers:
            line = source_lines[number - 1]
            if len(line) > EXCERPT_WIDTH:  # cut around the caret, and move the caret with the cut
                start = max(0, (column or 1) - 1 - EXCERPT_WIDTH // 2) if number == problem.line else 0
                line = ("…" if start else "") + line[start : start + EXCERPT_WIDTH] + "…"
                if number == problem.line and column is not None and start:
                    column = column - start + 1
            excerpt.append((number, line))
        span = problem.span or _span(excerpt[-1][1], column)
        out.append(replace(problem, excerpt=tuple(excerpt), caret=column, span=span))
    return out


def _meaningful(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _span(line: str, column: int | None) -> int:
    """Width of the token at ``column``: a quoted string, a word (key or id), else one character."""
    if column is None or column < 1 or column > len(line):
        return 1
    rest = line[column - 1 :]
    if rest[0] in "\"'":
        end = rest.find(rest[0], 1)
        return end + 1 if end > 0 else 1
    word = re.match(r"[\w.\-/]+", rest)
    if not word:
        return 1
    if rest[word.end() : word.end() + 1] == ":":
        return word.end()  # a key
    # A plain value runs to the end of the line, or to the `,` `}` `]` ending it in a {...} or [...].
    value = re.match(r"[^,}\]#]*", rest)
    return len(value.group(0).rstrip()) if value else word.end()


class ReadinessError(Exception):
    """Base of every error the engine raises on purpose."""

    @property
    def plain(self) -> str:
        """The message as a page shows it, beside fields that are labelled and carry no ids."""
        return str(self)


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
    """Inputs or a scenario of the surge stress test are not usable; the message says which and why.

    ``plain`` is the same message in a form's words ("Gross margin cannot be negative (-5)"), for pages that
    label their fields and show no input ids; the message itself names the id too, for the CLI and YAML
    files, where the id is what the user typed. Pages used to rewrite the message with a regular expression,
    which broke silently whenever its wording changed."""

    def __init__(self, message: str, plain: str | None = None) -> None:
        super().__init__(message)
        self._plain = plain

    @property
    def plain(self) -> str:
        return self._plain if self._plain is not None else str(self)


class ReportError(ReadinessError):
    """A report cannot be produced (e.g. the PDF engine's system library is missing)."""


# --- the documentation's table ----------------------------------------------------------

DOC_BEGIN = "<!-- error-codes: generated from readiness/errors.py by `.venv/bin/python docs/error_table.py` -->"
DOC_END = "<!-- /error-codes -->"


def markdown_table() -> str:
    """The error codes as docs/questionnaire-format.md lists them: written from the catalogue,
    so the documentation cannot promise a code the engine lacks, or miss one it has."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    out: list[str] = []
    for group in dict.fromkeys(code.group for code in CATALOGUE.values()):
        out += [f"**{group}**", "", "| code | kind | problem | what to do |", "|---|---|---|---|"]
        for code in (c for c in CATALOGUE.values() if c.group == group):
            out.append(f"| {code.code} | {code.severity.value} | {cell(code.title)} | {cell(code.hint)} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def with_table(document: str) -> str:
    """``document`` with the text between the error-code markers replaced by :func:`markdown_table`."""
    start = document.index(DOC_BEGIN) + len(DOC_BEGIN)
    end = document.index(DOC_END)
    return document[:start] + "\n" + markdown_table() + document[end:]
