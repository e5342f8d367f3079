"""JSON with the guarantees of the YAML reader: bounded depth and numbers, duplicate keys
reported, every key located (Python's ``json`` recurses, and forgets positions)."""

from __future__ import annotations

import bisect
import json
import math
import re
from typing import Any

from readiness.errors import Problem
from readiness.yamlsource.source import MAX_DEPTH, MAX_INTEGER, MAX_NODES, PathKey, Source, Stop, format_path, shown

_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_JSON_WORDS = {"true": True, "false": False, "null": None}


class JsonReader:
    """A JSON reader with an explicit stack: bounded depth, located keys, duplicates reported."""

    def __init__(self, text: str, source: Source, syntax_code: str) -> None:
        self.text = text
        self.source = source
        self.code = syntax_code
        self.problems: list[Problem] = []
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.count = 0

    def where(self, pos: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, pos)
        return line, pos - self.line_starts[line - 1] + 1

    def syntax(self, pos: int, message: str, fix: str) -> Stop:
        line, column = self.where(pos)
        return Stop(Problem(self.code, message, self.source.file, line, column, fix=fix))

    def read(self) -> Any:
        text = self.text
        stack: list[list[Any]] = []  # [container, path, pending key]
        pos = _JSON_SPACE.match(text, 0).end()  # type: ignore[union-attr]
        if text.startswith("\ufeff"):
            pos = _JSON_SPACE.match(text, 1).end()  # type: ignore[union-attr]
        expect_value = True
        root: Any = None
        while True:
            pos = _JSON_SPACE.match(text, pos).end()  # type: ignore[union-attr]
            if expect_value:
                path = self.path(stack, pos)
                char = text[pos : pos + 1]
                if char in ("{", "["):
                    self.count += 1
                    if len(stack) >= MAX_DEPTH:
                        line, column = self.where(pos)
                        raise Stop(
                            Problem(
                                "RQ004",
                                f"the document nests deeper than {MAX_DEPTH} levels here",
                                self.source.file,
                                line,
                                column,
                            )
                        )
                    stack.append([{} if char == "{" else [], path, None])
                    pos += 1
                    after = _JSON_SPACE.match(text, pos).end()  # type: ignore[union-attr]
                    if text[after : after + 1] == ("}" if char == "{" else "]"):
                        pos = after + 1
                        value = stack.pop()[0]
                    elif char == "{":
                        pos = self.key(stack, after)
                        continue
                    else:
                        continue
                else:
                    value, pos = self.scalar(pos)
                if not stack:
                    root = value
                    break
                self.put(stack, value)
                expect_value = False
                continue
            container = stack[-1][0]
            char = text[pos : pos + 1]
            closer = "}" if isinstance(container, dict) else "]"
            if char == ",":
                pos += 1
                if isinstance(container, dict):
                    pos = self.key(stack, _JSON_SPACE.match(text, pos).end())  # type: ignore[union-attr]
                expect_value = True
                continue
            if char == closer:
                pos += 1
                value = stack.pop()[0]
                if not stack:
                    root = value
                    break
                self.put(stack, value)
                continue
            raise self.syntax(
                pos,
                f"expected `,` or `{closer}` after this value"
                if char
                else f"the file ends before the closing `{closer}`",
                f"Separate the items with `,` and close with `{closer}`.",
            )
        end = _JSON_SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if end < len(text):
            raise self.syntax(end, "more text after the end of the JSON value", "Remove it, or wrap both in a list.")
        return root

    def path(self, stack: list[list[Any]], pos: int) -> PathKey:
        if not stack:
            self.source.positions.setdefault((), self.where(pos))
            return ()
        container, parent, key = stack[-1]
        if isinstance(container, list):
            path = (*parent, len(container))
            self.source.positions.setdefault(path, self.where(pos))
        else:
            path = (*parent, key)
        self.source.values.setdefault(path, self.where(pos))
        return path

    def key(self, stack: list[list[Any]], pos: int) -> int:
        if self.text[pos : pos + 1] != '"':
            trailing = self.text[pos : pos + 1] == "}"
            raise self.syntax(
                pos,
                "JSON does not allow a `,` before `}`" if trailing else "expected a key in double quotes",
                "Remove the last `,`." if trailing else 'Write keys in double quotes: "key": value.',
            )
        key, end = self.string(pos)
        container, parent, _ = stack[-1]
        where = self.where(pos)
        if key in container:
            self.problems.append(
                Problem(
                    "RQ005",
                    f"key `{key}` appears more than once; the later value would silently win",
                    self.source.file,
                    where[0],
                    where[1],
                    format_path((*parent, key)),
                    fix=f"Keep one `{key}` (the first is on line {self.source.positions[(*parent, key)][0]}).",
                )
            )
        self.source.positions.setdefault((*parent, key), where)
        stack[-1][2] = key
        colon = _JSON_SPACE.match(self.text, end).end()  # type: ignore[union-attr]
        if self.text[colon : colon + 1] != ":":
            raise self.syntax(colon, "expected `:` after the key", 'Write "key": value.')
        return colon + 1

    def put(self, stack: list[list[Any]], value: Any) -> None:
        container, _, key = stack[-1]
        if isinstance(container, list):
            container.append(value)
        else:
            container[key] = value

    def string(self, pos: int) -> tuple[str, int]:
        try:
            return json.decoder.scanstring(self.text, pos + 1, True)  # type: ignore[attr-defined,no-any-return]
        except json.JSONDecodeError as exc:
            if exc.msg.startswith("Unterminated"):
                raise self.syntax(pos, "this string is never closed", 'Close it with `"`.') from None
            if exc.msg.startswith("Invalid control"):
                message, fix = "a line break or tab inside a string", "Write a line break as `\\n` and a tab as `\\t`."
            else:
                message, fix = "an escape JSON does not know", "Write a backslash as `\\\\`."
            raise self.syntax(exc.pos, message, fix) from None

    def scalar(self, pos: int) -> tuple[Any, int]:
        text = self.text
        self.count += 1
        if self.count > MAX_NODES:
            line, column = self.where(pos)
            raise Stop(
                Problem("RQ004", f"the document has more than {MAX_NODES:,} values", self.source.file, line, column)
            )
        char = text[pos : pos + 1]
        if char == '"':
            return self.string(pos)
        for word, value in _JSON_WORDS.items():
            if text.startswith(word, pos):
                return value, pos + len(word)
        number = _JSON_NUMBER.match(text, pos)
        if number and number.end() > pos:
            raw = number.group(0)
            line, column = self.where(pos)
            if not number.group(1) and not number.group(2):
                if len(raw) > 16 or abs(int(raw)) >= MAX_INTEGER:
                    self.problems.append(
                        Problem(
                            "RQ008",
                            f"`{shown(raw)}` ({sum(c.isdigit() for c in raw)} digits) is too large; "
                            "numbers are read up to 15 digits",
                            self.source.file,
                            line,
                            column,
                            fix=f'Write a smaller number, or quote it if it is text: "{shown(raw)}".',
                        )
                    )
                    return None, number.end()
                return int(raw), number.end()
            value = float(raw)
            if not math.isfinite(value):
                self.problems.append(
                    Problem(
                        "RQ008",
                        f"`{shown(raw)}` is too large to be a number",
                        self.source.file,
                        line,
                        column,
                        fix="Write a smaller number.",
                    )
                )
                return None, number.end()
            return value, number.end()
        for word in ("NaN", "Infinity", "-Infinity"):
            if text.startswith(word, pos):
                raise self.syntax(pos, f"`{word}` is not a number JSON allows", "Write a number, or null.")
        if not char:
            raise self.syntax(pos, "the file ends where a value was expected", "Complete the value, or remove the `,`.")
        if char in "]}" and text[:pos].rstrip().endswith(","):
            raise self.syntax(pos, f"JSON does not allow a `,` before `{char}`", "Remove the last `,`.")
        raise self.syntax(
            pos,
            "expected a value (text in double quotes, a number, true, false, null, `{` or `[`)",
            "Put text in double quotes.",
        )
