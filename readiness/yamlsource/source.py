"""The parsed document and where each of its parts was written; the limits every reader keeps."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from readiness.errors import Problem

MAX_BYTES = 2 * 1024 * 1024
#: Values the walk may produce, aliases expanded. A real questionnaire of 200
#: questions has a few thousand; a billion-laughs file hits this in milliseconds.
MAX_NODES = 200_000
MAX_DEPTH = 64
#: Integers are read up to 15 digits: every figure a business types fits, and
#: every such integer survives the conversion to float exactly.
MAX_INTEGER = 10**15
#: Syntax errors reported from one file before giving up on recovering more.
MAX_SYNTAX_ERRORS = 20

PathKey = tuple[str | int, ...]


def format_path(path: Iterable[str | int]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class Source:
    """Parsed data plus the position of every key path (1-based line and column).

    ``positions`` holds where each key was written, ``values`` where its value
    starts (an error about a value points at the value). ``flow`` lists the
    paths of one-line ``{...}`` mappings, where a comma ends a value. ``broken``
    lists the paths that could not be read because of a syntax error: problems
    under them would only be echoes of that error, so the loader drops them.
    """

    data: Any
    file: str
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    flow: set[PathKey] = field(default_factory=set)
    broken: set[PathKey] = field(default_factory=set)
    #: The text's lines, to point at a word inside a value (see :meth:`problem`).
    lines: list[str] = field(default_factory=list, repr=False)

    def locate(self, path: Iterable[str | int], value: bool = False) -> tuple[int | None, int | None]:
        """Position of ``path`` (its value's, if asked and known) or of its nearest ancestor in the file."""
        key = tuple(path)
        if value and key in self.values:
            return self.values[key]
        while True:
            if key in self.positions:
                return self.positions[key]
            if not key:
                return (None, None)
            key = key[:-1]

    def problem(
        self,
        code: str,
        message: str,
        path: Iterable[str | int] = (),
        *,
        fix: str | None = None,
        value: bool = False,
        within: str | None = None,
    ) -> Problem:
        """A problem at ``path`` (its value's position if ``value``); ``within`` moves the caret to
        that word inside the value, such as the unknown name in a condition."""
        path = tuple(path)
        line, column = self.locate(path, value)
        span = 0
        if within and line is not None and column is not None and line <= len(self.lines):
            found = self.lines[line - 1].find(within, column - 1)
            if found >= 0:
                column, span = found + 1, len(within)
        return Problem(
            code=code,
            message=message,
            file=self.file,
            line=line,
            column=column,
            path=format_path(path),
            fix=fix,
            span=span,
        )

    def is_broken(self, path: PathKey) -> bool:
        """Whether ``path`` lies in a part of the file that a syntax error made unreadable."""
        return any(path[: len(b)] == b for b in self.broken)


class Stop(Exception):
    """A fatal problem: the document cannot be read any further (too deep, too big)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def shown(text: str, limit: int = 24) -> str:
    """A value short enough to quote in a message (a 5,000-digit number is not)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
