"""Reading a file again, part by part, after a syntax error.

One syntax error must not hide every other problem in a file. After the
parser stops, the top-level keys are read one by one; a key whose part fails
is read again item by item (a list's items, or a mapping's keys). What cannot
be read is reported once and marked broken, so the loader can drop problems
that would only echo it; the rest is checked as usual.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from readiness.errors import Problem
from readiness.yamlsource.events import FAST_LOADER, Builder
from readiness.yamlsource.source import MAX_SYNTAX_ERRORS, PathKey, Source, Stop
from readiness.yamlsource.words import KEY, explain, explain_reader, indent_of, meaningful, no_colon


def _chunks(lines: list[str], lo: int, hi: int, indent: int, items: bool = False) -> list[tuple[int, int]]:
    """Split lines[lo:hi] where a meaningful line starts at exactly ``indent``: at each `- `
    item when ``items``, else at each key (a list written at its key's indentation,
    ``key:`` then ``- item`` at the same column, stays with its key)."""

    def starts_part(line: str) -> bool:
        if not meaningful(line) or indent_of(line) != indent or line[indent] in " \t":
            return False
        return _is_item(line) == items

    starts = [i for i in range(lo, hi) if starts_part(lines[i])]
    if not starts:
        return []
    starts[0] = lo
    return list(zip(starts, [*starts[1:], hi], strict=True))


def _is_item(line: str) -> bool:
    stripped = line.lstrip(" ")
    return stripped == "-" or stripped.startswith(("- ", "-\n", "-\r"))


_ID = re.compile(r"(?:^|[\s{,])id\s*:\s*['\"]?([A-Za-z_][\w.\-]*)", re.MULTILINE)


def recover(text: str, file: str, first: Problem) -> tuple[Source, list[Problem]]:
    """Read the file again part by part, so one syntax error does not hide every other problem.

    The top-level keys are read one by one; a key whose part fails is read again
    item by item (a list's items, or a mapping's keys). What cannot be read is
    reported once, with its syntax error, and marked broken; the rest is checked
    as usual. An unreadable list item keeps its place (and its ``id``, when one
    can be seen), so the items after it keep their numbers and other parts can
    still refer to it.
    """
    lines = text.splitlines(keepends=True)
    source = Source(data={}, file=file)
    problems: list[Problem] = []
    syntax = 0
    for lo, hi in _chunks(lines, 0, len(lines), 0):
        if syntax >= MAX_SYNTAX_ERRORS:
            break
        value, top, found, error = _read_part(lines, lo, hi, source, (), first=first)
        problems += found
        if error is None and isinstance(value, dict):
            for key, item in value.items():
                if key in source.data:
                    line, column = top[key]
                    problems.append(
                        Problem("RQ005", f"key `{key}` appears more than once", file, line, column, str(key))
                    )
                source.data[key] = item
            continue
        if error is None and value is None:
            continue  # only comments
        key_match = KEY.match(lines[first_meaningful(lines, lo, hi)])
        key = key_match.group(1).strip("'\"") if key_match else None
        if error is None:  # it parsed, but not as `key: value`
            error = no_colon(lines, first_meaningful(lines, lo, hi), file)
        if key is None and error.line is not None and error.line <= len(lines):
            # `title Foo`: the key is the first word, and is unreadable
            source.broken.add((lines[error.line - 1].strip().split(" ", 1)[0],))
        if key is None or key in source.data:
            problems.append(error)
            syntax += 1
            continue
        source.positions.setdefault((key,), (lo + 1, 1))
        part, errors = _recover_children(lines, lo, hi, source, key, error, first)
        problems += errors
        syntax += sum(1 for p in errors if p.code == "RQ003")
        if part is not None:
            source.data[key] = part
    home = next(((lo, hi) for lo, hi in _chunks(lines, 0, len(lines), 0) if lo < (first.line or 0) <= hi), None)
    if home is None or not any(p.code in ("RQ003", "RQ004") and home[0] < (p.line or 0) <= home[1] for p in problems):
        problems.append(first)  # the parser's own error is always reported
    if syntax >= MAX_SYNTAX_ERRORS:
        problems.append(
            Problem(
                "RQ003",
                f"more than {MAX_SYNTAX_ERRORS} syntax errors; the rest of the file was not read",
                file,
                fix="Fix the errors above first.",
            )
        )
    if not source.data:
        source.data = None
    return source, problems


def first_meaningful(lines: list[str], lo: int, hi: int) -> int:
    return next((i for i in range(lo, hi) if meaningful(lines[i])), lo)


def _read_part(
    lines: list[str],
    lo: int,
    hi: int,
    source: Source,
    root: PathKey,
    first_index: int = 0,
    first: Problem | None = None,
) -> tuple[Any, dict[Any, tuple[int, int]], list[Problem], Problem | None]:
    """Build lines[lo:hi] as a document of its own, placed at ``root``; the error, if any, is returned."""
    builder = Builder(source, line_offset=lo, root=root, first_index=first_index)
    chunk = "".join(lines[lo:hi])
    try:
        value = builder.build(yaml.parse(chunk, Loader=FAST_LOADER))
    except Stop as stop:
        return None, builder.top_keys, builder.problems, stop.problem
    except yaml.MarkedYAMLError as exc:
        error = explain(exc, lines, lo, source.file)
        # The whole file's parser saw more context than this part's: where both stop at the
        # same line, its explanation is the better one.
        if first is not None and first.line == error.line:
            error = first
        return None, builder.top_keys, builder.problems, error
    except yaml.reader.ReaderError as exc:
        return None, builder.top_keys, builder.problems, explain_reader(exc, chunk, lo, source.file)
    return value, builder.top_keys, builder.problems, None


def _recover_children(
    lines: list[str], lo: int, hi: int, source: Source, key: str, error: Problem, first: Problem
) -> tuple[Any, list[Problem]]:
    """Read the items of a broken top-level key one by one; ``(None, [error])`` when they cannot be split."""
    head = first_meaningful(lines, lo, hi)
    body = [i for i in range(head + 1, hi) if meaningful(lines[i])]
    inline = lines[head].split(":", 1)[1].split("#", 1)[0].strip() if ":" in lines[head] else ""
    if not body or inline or error.line == head + 1:
        source.broken.add((key,))
        return None, [error]
    indent = indent_of(lines[body[0]])
    is_list = _is_item(lines[body[0]])
    result: Any = [] if is_list else {}
    problems: list[Problem] = []
    parts = _chunks(lines, body[0], hi, indent, items=is_list)
    if not parts:  # e.g. indented with a tab: no line to split at
        source.broken.add((key,))
        return None, [error]
    for start, end in parts:
        top_line = first_meaningful(lines, start, end)
        if is_list != _is_item(lines[top_line]):
            source.broken.add((key,))
            return None, [error]
        value, top, found, part_error = _read_part(
            lines, start, end, source, (key,), len(result) if is_list else 0, first=first
        )
        problems += found
        if part_error is None and is_list and isinstance(value, list):
            result.extend(value)
            continue
        if part_error is None and not is_list and isinstance(value, dict):
            for child, item in value.items():
                if child in result:
                    line, column = top[child]
                    problems.append(
                        Problem(
                            "RQ005",
                            f"key `{child}` appears more than once",
                            source.file,
                            line,
                            column,
                            f"{key}.{child}",
                        )
                    )
                result[child] = item
            continue
        problems.append(part_error or no_colon(lines, top_line, source.file))
        text = "".join(lines[start:end])
        if is_list:
            seen = _ID.search(text)
            source.broken.add((key, len(result)))
            source.positions.setdefault((key, len(result)), (top_line + 1, indent + 1))
            result.append({"id": seen.group(1)} if seen else None)
        else:
            child_key = KEY.match(lines[top_line])
            if child_key:
                name = child_key.group(1).strip("'\"")
                source.broken.add((key, name))
                source.positions.setdefault((key, name), (top_line + 1, indent + 1))
                result.setdefault(name, None)
            else:
                source.broken.add((key,))
    if not any(p.code in ("RQ003", "RQ004") for p in problems):  # each part alone reads fine: no split helps
        source.broken.add((key,))
        return None, [error]
    return result, problems
