"""Read YAML safely and remember where every key came from.

PyYAML's safe loader never builds arbitrary objects, but it happily expands
aliases (a "billion laughs" file exhausts memory) and forgets line numbers once
it has built Python values. Here the document is *composed* into nodes (which
does not expand aliases), then turned into plain Python values by a walk that
counts every node it produces and records the line and column of every key
path. Errors can then say ``questions[12].scale`` *and* ``line 140``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from readiness.errors import Problem

MAX_BYTES = 2 * 1024 * 1024
#: Nodes the walk may produce, aliases expanded. A real questionnaire of 200
#: questions has a few thousand; a billion-laughs file hits this in milliseconds.
MAX_NODES = 200_000
MAX_DEPTH = 64

#: libyaml's parser when PyYAML was built with it (about 10x faster); same safe semantics.
_FAST_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})

PathKey = tuple[str | int, ...]


def format_path(path: Iterable[str | int]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class Source:
    """Parsed data plus the position of every key path (1-based line and column)."""

    data: Any
    file: str
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Iterable[str | int]) -> tuple[int | None, int | None]:
        """Position of ``path`` or of its nearest ancestor that exists in the file."""
        key = tuple(path)
        while True:
            if key in self.positions:
                return self.positions[key]
            if not key:
                return (None, None)
            key = key[:-1]

    def problem(self, code: str, message: str, path: Iterable[str | int] = ()) -> Problem:
        path = tuple(path)
        line, column = self.locate(path)
        return Problem(code=code, message=message, file=self.file, line=line, column=column, path=format_path(path))


class _TooBig(Exception):
    def __init__(self, message: str, mark: yaml.Mark | None) -> None:
        super().__init__(message)
        self.mark = mark


class _Builder:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.count = 0
        self.problems: list[Problem] = []
        self.constructor = yaml.SafeLoader("")

    def build(self, node: yaml.Node, path: PathKey, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig(f"the document expands to more than {MAX_NODES:,} values", node.start_mark)
        if depth > MAX_DEPTH:
            raise _TooBig(f"the document nests deeper than {MAX_DEPTH} levels", node.start_mark)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
            raise yaml.constructor.ConstructorError(
                None, None, f"the tag {node.tag!r} is not allowed; write plain YAML", node.start_mark
            )
        if isinstance(node, yaml.MappingNode):
            self.constructor.flatten_mapping(node)  # honour `<<:` merge keys
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, path, depth + 1)
                if isinstance(key, list | dict):
                    key = str(key)
                child = (*path, key if isinstance(key, str | int) else str(key))
                mark = key_node.start_mark
                if key in result:
                    self.problems.append(
                        Problem(
                            "RQ005",
                            f"key {key!r} appears more than once; the later value would silently win",
                            self.source.file,
                            mark.line + 1,
                            mark.column + 1,
                            format_path(child),
                        )
                    )
                self.source.positions.setdefault(child, (mark.line + 1, mark.column + 1))
                result[key] = self.build(value_node, child, depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                child = (*path, index)
                mark = item.start_mark
                self.source.positions.setdefault(child, (mark.line + 1, mark.column + 1))
                items.append(self.build(item, child, depth + 1))
            return items
        if node.tag == _STR_TAG:  # most scalars are text: skip the constructor's dispatch
            return node.value
        return self.constructor.construct_object(node, deep=True)


def parse_yaml(text: str, file: str) -> tuple[Source, list[Problem]]:
    """Parse ``text``; return the source and any problems (fatal ones leave ``data`` None)."""
    source = Source(data=None, file=file)
    if len(text.encode("utf-8")) > MAX_BYTES:
        return source, [Problem("RQ002", f"larger than {MAX_BYTES // 1024} KiB", file)]
    try:
        node = yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        context = exc.context or ""
        if exc.context_mark is not None and exc.problem_mark is not None and context:
            context += f" (started at line {exc.context_mark.line + 1})"
        message = ": ".join(filter(None, [context, exc.problem])) or "invalid YAML"
        return source, [
            Problem(
                "RQ003",
                message,
                file,
                mark.line + 1 if mark else None,
                mark.column + 1 if mark else None,
            )
        ]
    except yaml.YAMLError as exc:
        return source, [Problem("RQ003", str(exc), file)]
    except RecursionError:
        return source, [Problem("RQ004", f"the document nests too deeply (over {MAX_DEPTH} levels)", file)]
    if node is None:
        return source, [Problem("RQ006", "the file is empty", file)]
    source.positions[()] = (node.start_mark.line + 1, node.start_mark.column + 1)
    builder = _Builder(source)
    try:
        source.data = builder.build(node, (), 0)
    except _TooBig as exc:
        mark = exc.mark
        return source, [
            Problem("RQ004", str(exc), file, mark.line + 1 if mark else None, mark.column + 1 if mark else None)
        ]
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        return source, [
            Problem("RQ003", str(exc.problem), file, mark.line + 1 if mark else None, mark.column + 1 if mark else None)
        ]
    except RecursionError:
        return source, [Problem("RQ004", "the document nests too deeply", file)]
    return source, builder.problems


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
        return None, [Problem("RQ007", f"not UTF-8 text (byte {exc.start})", path)]
