"""YAML events to plain Python values, with a loop and an explicit stack (never recursion).

PyYAML's composer recurses once per nesting level (in C, with no recursion
limit: a 60 KB file nesting 30,000 levels crashes the process), and libyaml's
scanner slows down with the square of the depth of ``[[[[...``. Reading the
*event* stream instead lets the walk stop at :data:`MAX_DEPTH` before the
parser has read any further; the same walk counts aliases as if expanded,
bounds numbers before Python converts them, and records where every key and
value was written.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import yaml

from readiness.errors import Problem
from readiness.yamlsource.source import MAX_DEPTH, MAX_INTEGER, MAX_NODES, PathKey, Source, Stop, format_path, shown

#: libyaml's parser when PyYAML was built with it (about 10x faster); same safe semantics.
FAST_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_STR_TAG = _TAG + "str"
_MERGE_TAG = _TAG + "merge"
_VALUE_TAG = _TAG + "value"  # a bare `=`: YAML 1.1's "default value" key, which is text to a person
_COLLECTION_TAGS = frozenset({None, "!", _TAG + "map", _TAG + "seq"})
_SCALAR_TAGS = frozenset(_TAG + name for name in ("null", "bool", "int", "float", "timestamp"))
_TAG_WORDS = {"int": "a whole number", "float": "a number", "timestamp": "a date", "bool": "true or false"}

_MERGE = object()  # the `<<` key


class _Frame:
    __slots__ = ("anchor", "count", "has_key", "is_map", "key", "mark", "merges", "path", "value")

    def __init__(self, value: Any, path: PathKey, anchor: str | None, count: int, mark: tuple[int, int]) -> None:
        self.value = value
        self.path = path
        self.anchor = anchor
        self.count = count
        self.mark = mark
        self.is_map = isinstance(value, dict)
        self.has_key = False
        self.key: Any = None
        self.merges: list[tuple[Any, tuple[int, int]]] = []


class Builder:
    """Turns a YAML event stream into plain Python values with a loop, never recursion.

    ``root``/``first_index`` let a recovered piece of a file (one list item, one
    key) be built at its real place in the document.
    """

    def __init__(self, source: Source, line_offset: int = 0, root: PathKey = (), first_index: int = 0) -> None:
        self.source = source
        self.offset = line_offset
        self.root = root
        self.first_index = first_index
        self.count = 0
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        #: Keys of the top mapping and where each was written (to merge recovered sections).
        self.top_keys: dict[Any, tuple[int, int]] = {}
        self.resolver = yaml.SafeLoader("")

    def mark(self, mark: yaml.Mark) -> tuple[int, int]:
        return (mark.line + 1 + self.offset, mark.column + 1)

    def fail(self, code: str, message: str, where: tuple[int, int], fix: str | None = None) -> Problem:
        return Problem(code, message, self.source.file, where[0], where[1], fix=fix)

    def build(self, events: Iterator[yaml.Event]) -> Any:
        stack: list[_Frame] = []
        root: Any = None
        documents = 0
        offset = self.offset + 1
        positions = self.source.positions
        values = self.source.values
        # Resolution only matters for plain scalars whose first character could start
        # a number, bool, null or date; the others are text (the common case, kept fast).
        typed_starts = frozenset(self.resolver.yaml_implicit_resolvers)
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent and stack and event.anchor is None and event.tag is None:
                text = event.value
                if not event.implicit[0] or (text and text[0] not in typed_starts):
                    mark = event.start_mark
                    where = (mark.line + offset, mark.column + 1)
                    self.count += 1
                    if self.count > MAX_NODES:
                        self.counted(0, where)
                    parent = stack[-1]
                    if parent.is_map and parent.has_key and parent.key is not _MERGE:  # a text value
                        path = (*parent.path, _path_part(parent.key))
                        values.setdefault(path, where)
                        parent.value[parent.key] = text
                        parent.has_key = False
                        continue
                    if parent.is_map and not parent.has_key and text not in parent.value and len(stack) > 1:
                        parent.has_key = True  # a key seen for the first time
                        parent.key = text
                        positions.setdefault((*parent.path, text), where)
                        continue
                    self.child_path(stack, where)
                    root = self.deliver(stack, text, where)
                    continue
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.problems.append(
                        self.fail(
                            "RQ003",
                            "a second YAML document starts here; a file holds one document",
                            self.mark(event.start_mark),
                            fix="Remove the `---` line and what follows it, or move it to a file of its own.",
                        )
                    )
                    break
                continue
            if kind is yaml.StreamStartEvent or kind is yaml.StreamEndEvent or kind is yaml.DocumentEndEvent:
                continue
            where = self.mark(event.start_mark)
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self.counted(1, where)
                if len(stack) >= MAX_DEPTH:
                    raise Stop(self.fail("RQ004", f"the document nests deeper than {MAX_DEPTH} levels here", where))
                if event.tag not in _COLLECTION_TAGS:
                    raise Stop(self.not_allowed(event.tag, where))
                path = self.child_path(stack, where)
                is_map = kind is yaml.MappingStartEvent
                frame = _Frame({} if is_map else [], path, event.anchor, self.count, where)
                if is_map and event.flow_style:
                    self.source.flow.add(path)
                stack.append(frame)
                continue
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                value = self.merged(frame) if frame.merges else frame.value
                if frame.anchor:
                    self.anchors[frame.anchor] = (value, self.count - frame.count + 1)
                root = self.deliver(stack, value, frame.mark)
                continue
            if kind is yaml.AliasEvent:
                if event.anchor not in self.anchors:
                    raise Stop(
                        self.fail(
                            "RQ003",
                            f"`*{event.anchor}` refers to no anchor `&{event.anchor}` written above it",
                            where,
                            fix=f"Define `&{event.anchor}` on a value above this line, or quote the text if "
                            "the `*` is meant literally.",
                        )
                    )
                value, size = self.anchors[event.anchor]
                self.counted(size, where)
                self.child_path(stack, where)
                root = self.deliver(stack, value, where)
                continue
            self.counted(1, where)
            path = self.child_path(stack, where)
            is_key = bool(stack) and stack[-1].is_map and not stack[-1].has_key
            count = len(self.problems)
            value = self.scalar(event, where, is_key=is_key)
            if len(self.problems) > count and not is_key and path:
                self.source.broken.add(path)  # unreadable: a "wrong type" error here would only echo it
            if event.anchor:
                self.anchors[event.anchor] = (value, 1)
            root = self.deliver(stack, value, where)
        return root

    def counted(self, size: int, where: tuple[int, int]) -> None:
        self.count += size
        if self.count > MAX_NODES:
            raise Stop(self.fail("RQ004", f"the document expands to more than {MAX_NODES:,} values", where))

    def child_path(self, stack: list[_Frame], where: tuple[int, int]) -> PathKey:
        """The path of the node starting at ``where``, recording where its value is written."""
        if not stack:
            path = self.root
            if not self.root:
                self.source.positions.setdefault((), where)
            return path
        parent = stack[-1]
        if not parent.is_map:
            index = len(parent.value) + (self.first_index if len(stack) == 1 else 0)
            path = (*parent.path, index)
            self.source.positions.setdefault(path, where)
        elif not parent.has_key:
            return (*parent.path, "?")  # a key: it has no path of its own
        elif parent.key is _MERGE:
            return parent.path
        else:
            path = (*parent.path, _path_part(parent.key))
        self.source.values.setdefault(path, where)
        return path

    def deliver(self, stack: list[_Frame], value: Any, where: tuple[int, int]) -> Any:
        if not stack:
            return value
        parent = stack[-1]
        if not parent.is_map:
            parent.value.append(value)
        elif not parent.has_key:
            parent.has_key = True
            parent.key = value if value is _MERGE or not isinstance(value, list | dict) else str(value)
            if parent.key is _MERGE:
                return None
            child = (*parent.path, _path_part(parent.key))
            if parent.key in parent.value:
                self.problems.append(
                    Problem(
                        "RQ005",
                        f"key `{parent.key}` appears more than once; the later value would silently win",
                        self.source.file,
                        where[0],
                        where[1],
                        format_path(child),
                        fix=f"Keep one `{parent.key}:` (the first is on line {self.source.positions[child][0]}).",
                    )
                )
            self.source.positions.setdefault(child, where)
            if len(stack) == 1:
                self.top_keys.setdefault(parent.key, where)
        else:
            if parent.key is _MERGE:
                parent.merges.append((value, where))
            else:
                parent.value[parent.key] = value
            parent.has_key = False
        return None

    def merged(self, frame: _Frame) -> dict[Any, Any]:
        """Apply `<<: *defaults`: keys written in the mapping win over merged ones."""
        result: dict[Any, Any] = {}
        for value, where in reversed(frame.merges):
            sources = value if isinstance(value, list) else [value]
            if not all(isinstance(s, dict) for s in sources):
                self.problems.append(
                    self.fail(
                        "RQ003",
                        "`<<` merges mappings only",
                        where,
                        fix="Merge an anchored mapping (`<<: *defaults`), or rename the `<<` key.",
                    )
                )
                continue
            for part in reversed(sources):
                for key, item in part.items():
                    result[key] = item
                    self.source.positions.setdefault((*frame.path, _path_part(key)), where)
        result.update(frame.value)
        return result

    def scalar(self, event: yaml.ScalarEvent, where: tuple[int, int], is_key: bool) -> Any:
        text = event.value
        tag = event.tag
        if tag == "!":
            return text
        if tag is None:
            tag = self.resolver.resolve(yaml.ScalarNode, text, event.implicit)
        if tag in (_STR_TAG, _VALUE_TAG):
            return text
        if tag == _MERGE_TAG:
            return _MERGE if is_key else text
        if tag not in _SCALAR_TAGS:
            self.problems.append(self.not_allowed(tag, where))
            return None
        kind = tag[len(_TAG) :]
        explicit = event.tag is not None
        if kind == "int" and len(text) > 24:
            self.problems.append(self.too_large(text, where))
            return None
        try:
            node = yaml.ScalarNode(tag, text, event.start_mark, event.end_mark, event.style)
            value = yaml.SafeLoader.yaml_constructors[tag](self.resolver, node)
        # PyYAML's constructors assume a well-formed scalar: `!!int` with nothing after it is an
        # IndexError, `!!bool maybe` a KeyError, `!!timestamp x` an AttributeError.
        except (ValueError, OverflowError, TypeError, IndexError, KeyError, AttributeError, yaml.YAMLError) as exc:
            self.problems.append(self.unreadable(text, kind, explicit, exc, where))
            return None
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= MAX_INTEGER:
            self.problems.append(self.too_large(text, where))
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.problems.append(
                self.fail(
                    "RQ008",
                    f"`{shown(text)}` is not a finite number",
                    where,
                    fix="Write a number such as 12 or 0.5, or quote the value to keep it as text.",
                )
            )
            return None
        return value

    def not_allowed(self, tag: str, where: tuple[int, int]) -> Problem:
        shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
        return self.fail(
            "RQ003",
            f"the tag `{shown}` is not allowed; write plain YAML",
            where,
            fix="Remove the tag; plain text, numbers, true/false, dates, lists and mappings are all a file needs.",
        )

    def too_large(self, text: str, where: tuple[int, int]) -> Problem:
        digits = sum(c.isdigit() for c in text)
        return self.fail(
            "RQ008",
            f"`{shown(text)}` ({digits} digits) is too large; numbers are read up to 15 digits",
            where,
            fix=f'Write a smaller number, or quote it if it is text: "{shown(text)}".',
        )

    def unreadable(self, text: str, kind: str, explicit: bool, exc: Exception, where: tuple[int, int]) -> Problem:
        reason = str(exc).split("\n")[0]
        if kind == "timestamp" and not explicit:
            return self.fail(
                "RQ008",
                f"`{shown(text)}` looks like a date but is not one ({reason})",
                where,
                fix=f'Write a real date (YYYY-MM-DD), or quote it to keep it as text: "{shown(text)}".',
            )
        return self.fail(
            "RQ008",
            f"`{shown(text)}` is not {_TAG_WORDS.get(kind, kind)}, as its tag `!!{kind}` says",
            where,
            fix=f"Remove the tag `!!{kind}`, or write {_TAG_WORDS.get(kind, kind)}.",
        )


def _path_part(key: Any) -> str | int:
    return key if isinstance(key, str | int) else str(key)
