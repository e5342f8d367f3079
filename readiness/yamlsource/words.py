"""YAML syntax errors in plain words, at the line a person would look at, with the fix.

libyaml reports "mapping values are not allowed in this context" or "could not
find expected ':'" (on the line *after* the one missing its colon). These
functions look at the source lines around the parser's mark and say what a
person would: "this line is indented more than the one above; move `text:` 2
spaces left, under `id:` on line 3".
"""

from __future__ import annotations

import re

import yaml

from readiness.errors import Problem
from readiness.yamlsource.source import shown

KEY = re.compile(r"^\s*(?:-\s+)?([^\s:#'\"\[\]{}][^:#]*?|\"[^\"]*\"|'[^']*')\s*:(?:\s|$)")


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def meaningful(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def no_colon(lines: list[str], index: int, file: str) -> Problem:
    line = lines[index].rstrip("\r\n")
    stripped = line.strip()
    first, _, rest = stripped.partition(" ")
    fix = (
        f"Write `{_s(first)}: {_s(rest)}` if `{_s(first)}` is the key, or indent the line further if it continues "
        "the text above."
        if rest
        else f"Write `{_s(first)}:` with a colon, or indent the line further if it continues the text above."
    )
    return Problem("RQ003", "this line has no `:` after its key", file, index + 1, indent_of(line) + 1, fix=fix)


def explain_reader(exc: yaml.reader.ReaderError, text: str, offset: int, file: str) -> Problem:
    """A character YAML refuses (a NUL, a control character pasted from a word processor), located."""
    before = text[: max(0, exc.position)]
    line = len(before.splitlines()) + (1 if before.endswith(("\n", "\r")) or not before else 0)
    column = len(before) - max(before.rfind("\n"), before.rfind("\r")) if before else 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    return Problem(
        "RQ003",
        f"a control character (0x{code:02x}) that YAML does not allow in a file",
        file,
        line + offset,
        column,
        fix="Delete it; it is invisible in most editors (search for it, or retype the line).",
    )


def explain(exc: yaml.MarkedYAMLError, lines: list[str], offset: int, file: str) -> Problem:
    """Turn one of PyYAML's parser errors into a located problem in plain words, with a fix."""
    problem_mark = exc.problem_mark or exc.context_mark
    context_mark = exc.context_mark
    what = exc.problem or ""
    context = exc.context or ""

    def text_of(index: int) -> str:
        return lines[index].rstrip("\r\n") if 0 <= index < len(lines) else ""

    def at(index: int, column: int, message: str, fix: str) -> Problem:
        return Problem("RQ003", message, file, index + 1, column + 1, fix=fix)

    if problem_mark is None:  # pragma: no cover - PyYAML always marks parser errors
        return Problem("RQ003", f"{context}: {what}".strip(": "), file)
    row, col = problem_mark.line + offset, problem_mark.column
    line = text_of(row)
    char = line[col] if col < len(line) else ""
    starts_line = col <= indent_of(line)
    above = next((i for i in range(row - 1, -1, -1) if meaningful(text_of(i))), None)
    crow = context_mark.line + offset if context_mark else row
    ccol = context_mark.column if context_mark else col

    if "mapping values are not allowed" in what:
        if col > 1024 and ":" not in line[:col].strip():
            return at(
                row,
                indent_of(line),
                "this key is longer than 1,024 characters, the most YAML allows",
                "Shorten it: ids are short words such as `key_person_cover`.",
            )
        key_colon = KEY.match(line)
        if key_colon and key_colon.end() <= col:
            key = key_colon.group(1)
            value = line[key_colon.end() :].split(" #", 1)[0].strip()
            return at(
                row,
                col,
                "this value contains `: `, which YAML reads as the start of another key",
                f"Put the value in quotes: {_s(key)}: {_quoted(_s(value))}",
            )
        if above is not None and indent_of(line) > indent_of(text_of(above)):
            return _too_far_right(lines, row, above, file)
        return at(row, indent_of(line), "YAML does not allow a `key:` here", _indent_fix(lines, row))
    if "could not find expected ':'" in what:
        return no_colon(lines, crow, file)
    if "tab character" in what or ("cannot start any token" in what and char == "\t"):
        tab = line.find("\t")
        return at(
            row,
            tab if tab >= 0 else col,
            "a tab character here; YAML indents with spaces only",
            "Replace it with spaces.",
        )
    if "cannot start any token" in what:
        if char == "\t":
            return at(row, col, "a tab character here; YAML indents with spaces only", "Replace the tab with spaces.")
        key_colon = KEY.match(line)
        fix = (
            f"Put the value in quotes: {_s(key_colon.group(1))}: {_quoted(_s(line[key_colon.end() :].strip()))}"
            if key_colon
            else "Put the text in quotes."
        )
        shown = "a backquote (`)" if char == "`" else f"`{char}`"
        return at(row, col, f"{shown} cannot start a value that is not in quotes", fix)
    if "quoted scalar" in context:
        if "escape" in what or "hexdecimal" in what:
            return at(
                row,
                col,
                "a backslash in double quotes starts an escape YAML does not know",
                "Use single quotes for text with backslashes, or write each backslash twice (`\\\\`).",
            )
        return at(
            crow,
            ccol,
            "this quote is never closed",
            f"Close it with `{text_of(crow)[ccol : ccol + 1] or chr(34)}` at the end of the value.",
        )
    if "while parsing a flow" in context or "while scanning a flow" in context:
        opener = text_of(crow)[ccol : ccol + 1] or "["
        closer = {"[": "]", "{": "}"}.get(opener, "]")
        key_colon = KEY.match(text_of(crow))
        fix = f"Close it with `{closer}`."
        if key_colon and key_colon.end() == ccol:
            whole = _quoted(_s(text_of(crow)[ccol:].strip()))
            fix += f" If the `{opener}` is part of the text, put the value in quotes: {_s(key_colon.group(1))}: {whole}"
        return at(crow, ccol, f"this `{opener}` is never closed", fix)
    if "block sequence entries are not allowed" in what:
        key_colon = KEY.match(line)
        name = key_colon.group(1) if key_colon else "its key"
        return at(
            row,
            col,
            "a list cannot start on the same line as its key",
            f"Put `{_s(line[col:].strip())}` on the next line, indented under `{_s(name)}:`.",
        )
    if "while scanning an alias" in context or "while scanning an anchor" in context:
        sign = "*" if "alias" in context else "&"
        return at(
            crow,
            ccol,
            f"`{sign}` starts an {'alias' if sign == '*' else 'anchor'} here, not text",
            f"Put the value in quotes to write text that starts with `{sign}`.",
        )
    if "expected <document start>" in what and starts_line:
        return _misaligned(lines, row, file)
    if "did not find expected key" in what or "expected <block end>" in what:
        if not starts_line:
            previous = line[:col].rstrip()[-1:] if line[:col].rstrip() else ""
            if char in "]}":
                return at(row, col, f"this `{char}` closes nothing", f"Remove the `{char}`.")
            if previous in "\"'":
                return at(
                    row,
                    col,
                    "text after the closing quote",
                    "Put all of the value inside the quotes, or remove the quotes.",
                )
            return at(row, col, "unexpected text after the value", "Put the whole value in quotes.")
        if char == "-" and above is not None and indent_of(line) == indent_of(text_of(above)):
            return at(
                row,
                col,
                "a list item where a key was expected",
                "Start the list under a key of its own (`key:` on the line above, then the items indented "
                "below it), or remove the `-`.",
            )
        return _misaligned(lines, row, file)
    if "did not find expected '-' indicator" in what or "expected <block end>, but found '?'" in what:
        if line.lstrip().startswith("-"):
            return _misaligned(lines, row, file)
        return at(
            row,
            indent_of(line),
            "this line is among list items but does not start with `- `",
            "Start it with `- ` to make it an item, or indent it under the item it belongs to.",
        )
    return at(row, col, f"YAML cannot read this: {', '.join(filter(None, [context, what]))}", _indent_fix(lines, row))


def _s(text: str) -> str:
    """Source text short enough to quote in a fix."""
    return shown(text, 60)


def _quoted(value: str) -> str:
    if '"' not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _key_column(line: str) -> tuple[int, str]:
    """Column (0-based) and name of the key a line starts, looking past a leading `- `."""
    stripped = line.lstrip(" ")
    column = len(line) - len(stripped)
    while stripped.startswith("- "):
        rest = stripped[2:].lstrip(" ")
        column += len(stripped) - len(rest)
        stripped = rest
    match = KEY.match(stripped)
    return column, (match.group(1) if match else stripped.split(" ", 1)[0])


def _too_far_right(lines: list[str], row: int, above: int, file: str) -> Problem:
    line = lines[row].rstrip("\r\n")
    column, name = _key_column(line)
    target, other = _key_column(lines[above].rstrip("\r\n"))
    shift = column - target
    fix = (
        f"Move `{_s(name)}:` {shift} space{'s' if shift != 1 else ''} left, under `{_s(other)}:` on line {above + 1}; "
        f"or, if it continues the text on line {above + 1}, put that text in quotes."
    )
    return Problem("RQ003", "this line is indented more than the one above", file, row + 1, column + 1, fix=fix)


def _open_indents(lines: list[str], row: int) -> list[tuple[int, int]]:
    """(indent, line index) of the lines above ``row`` that are still open blocks, innermost first."""
    found: list[tuple[int, int]] = []
    limit = None
    for index in range(row - 1, -1, -1):
        text = lines[index].rstrip("\r\n")
        if not meaningful(text):
            continue
        column, _ = _key_column(text)
        if limit is None or column < limit:
            found.append((column, index))
            limit = column
            if column == 0:
                break
    return found


def _misaligned(lines: list[str], row: int, file: str) -> Problem:
    line = lines[row].rstrip("\r\n")
    here = indent_of(line)
    if line.lstrip().startswith("-"):  # a list item: it should line up with the items above it
        items = [i for i in range(row - 1, -1, -1) if lines[i].lstrip().startswith("-") and meaningful(lines[i])]
        other = next((i for i in items if indent_of(lines[i]) != here), None)
        if other is not None:
            there = indent_of(lines[other])
            side = "more" if here > there else "less"
            return Problem(
                "RQ003",
                f"this list item is indented {side} than the item on line {other + 1}",
                file,
                row + 1,
                here + 1,
                fix=f"Indent it {there} spaces, like the item on line {other + 1}.",
            )
    blocks = _open_indents(lines, row)
    deeper = [b for b in blocks if b[0] > here]
    shallower = [b for b in blocks if b[0] < here]
    options = []
    for column, index in [*deeper[-1:], *shallower[:1]]:
        _, name = _key_column(lines[index].rstrip("\r\n"))
        options.append(f"{column} spaces like `{_s(name)}` on line {index + 1}")
    fix = "Indent it " + " or ".join(options) + "." if options else _indent_fix(lines, row)
    message = (
        "this line is indented less than the line above, and does not line up with anything above it"
        if deeper
        else "this line does not line up with the lines above it"
    )
    return Problem("RQ003", message, file, row + 1, here + 1, fix=fix)


def _indent_fix(lines: list[str], row: int) -> str:
    return "Check this line's indentation against the lines above: items of one mapping or list line up exactly."
