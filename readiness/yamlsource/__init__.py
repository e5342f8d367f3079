"""Read YAML and JSON safely, remember where every key came from, and say what went wrong in plain words.

Three dangers shape this package:

* **Parsers that recurse or take quadratic time.** PyYAML's composer (in C,
  when libyaml is present) recurses once per nesting level and crashes the
  process on a 60 KB file nesting 30,000 levels; libyaml's scanner spends time
  quadratic in the depth of ``[[[[...``; Python's ``json`` raises
  ``RecursionError``. So nothing here composes a tree: documents are read as a
  stream of *events* (YAML) or tokens (JSON), and the values are built by a loop
  with an explicit stack that stops at :data:`MAX_DEPTH` before the parser has
  read any further.
* **Values that expand or overflow.** Aliases are counted as if expanded (a
  "billion laughs" file stops at :data:`MAX_NODES`), integers are bounded before
  Python converts them (a 5,000-digit integer is a ``ValueError``, a 400-digit
  one overflows ``float``), and an impossible date (``2020-02-30``) or a tag
  that lies (``!!int abc``) is a located problem, never an exception.
* **Messages that read like a parser.** libyaml says "mapping values are not
  allowed in this context"; a person needs "this line is indented more than the
  one above", at the right line, and the fix. :mod:`.words` translates the
  common syntax errors, and after one, the file is read again section by section
  (:mod:`.recover`) so the other problems in it are reported in the same run.

Every key path's line and column is recorded, so an error can say
``questions[12].scale`` *and* ``line 140``.
"""

from __future__ import annotations

import yaml

from readiness.errors import Problem
from readiness.yamlsource.events import FAST_LOADER, Builder
from readiness.yamlsource.jsonreader import JsonReader
from readiness.yamlsource.recover import recover
from readiness.yamlsource.source import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_INTEGER,
    MAX_NODES,
    PathKey,
    Source,
    Stop,
    format_path,
)
from readiness.yamlsource.words import explain, explain_reader

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_INTEGER",
    "MAX_NODES",
    "PathKey",
    "Source",
    "format_path",
    "parse_json",
    "parse_yaml",
    "read_text",
]


def parse_yaml(text: str, file: str) -> tuple[Source, list[Problem]]:
    """Parse ``text``; return the source and every problem (fatal ones leave ``data`` None).

    After a syntax error the rest of the file is still read where it can be
    (see :mod:`.recover`): ``data`` then holds what was readable and
    ``source.broken`` the paths that were not.
    """
    source = Source(data=None, file=file)
    if len(text) > MAX_BYTES and len(text.encode("utf-8")) > MAX_BYTES:
        return source, [Problem("RQ002", f"larger than {MAX_BYTES // 1024} KiB", file)]
    source.lines = text.splitlines()
    builder = Builder(source)
    try:
        source.data = builder.build(yaml.parse(text, Loader=FAST_LOADER))
    except Stop as stop:
        return source, [*builder.problems, stop.problem]
    except yaml.MarkedYAMLError as exc:
        source, problems = recover(text, file, explain(exc, source.lines, 0, file))
        source.lines = text.splitlines()
        return source, problems
    except yaml.reader.ReaderError as exc:
        source, problems = recover(text, file, explain_reader(exc, text, 0, file))
        source.lines = text.splitlines()
        return source, problems
    except yaml.YAMLError as exc:  # pragma: no cover - every parser error carries a mark or a position
        return source, [Problem("RQ003", str(exc), file)]
    if builder.count == 0:
        return source, [*builder.problems, Problem("RQ006", "the file is empty", file)]
    return source, builder.problems


def parse_json(text: str, file: str, syntax_code: str = "RQ003") -> tuple[Source, list[Problem]]:
    """Parse JSON with the same guarantees as :func:`parse_yaml`: bounded depth and
    numbers, duplicate keys reported, every key located."""
    source = Source(data=None, file=file)
    if len(text) > MAX_BYTES and len(text.encode("utf-8")) > MAX_BYTES:
        return source, [Problem("RQ002", f"larger than {MAX_BYTES // 1024} KiB", file)]
    reader = JsonReader(text, source, syntax_code)
    try:
        source.data = reader.read()
    except Stop as stop:
        source.data = None
        return source, [*reader.problems, stop.problem]
    return source, reader.problems


def read_text(path: str, code: str = "RQ001") -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 file with a size cap, reporting problems instead of raising."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [Problem(code, exc.strerror or str(exc), path)]
    if len(raw) > MAX_BYTES:
        return None, [Problem("RQ002", f"larger than {MAX_BYTES // 1024} KiB", path)]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        shown = raw[raw.rfind(b"\n", 0, exc.start) + 1 :].split(b"\n", 1)[0].decode("utf-8", "replace")
        return None, [
            Problem(
                "RQ007",
                f"not UTF-8 text: byte 0x{raw[exc.start]:02x} cannot be read",
                path,
                line,
                column,
                fix="Save the file as UTF-8 (most editors offer it under 'Save as' or 'Encoding').",
                excerpt=((line, shown[:100]),),
                caret=min(column, 101),
            )
        ]
