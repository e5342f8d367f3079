"""A small, safe condition language for ``show_if`` and recommendation ``when``.

Questionnaires come from consultants and strangers, so conditions are never
passed to ``eval``. They are parsed with :mod:`ast` (which only parses), checked
against a short allow-list of node types, and interpreted by walking the tree.
Anything outside the allow-list (calls, attributes, subscripts, lambdas,
comprehensions) is rejected at load time with a message, so a questionnaire
that loads can never run code.

Semantics chosen so that unanswered questions never crash a condition: a name
whose question has no usable answer is ``None``, and every ordering comparison
involving ``None`` is false. ``==``/``!=`` behave as in Python.
"""

from __future__ import annotations

import ast
import itertools
import operator
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MAX_LENGTH = 500
MAX_NODES = 200

_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: _contains(b, a),
    ast.NotIn: lambda a, b: not _contains(b, a),
}

_ALLOWED = (
    ast.Expression,
    ast.BoolOp,
    ast.And,
    ast.Or,
    ast.UnaryOp,
    ast.Not,
    ast.USub,
    ast.Compare,
    ast.Name,
    ast.Load,
    ast.Constant,
    ast.List,
    ast.Tuple,
    *_COMPARE,
)


#: YAML-style literals, so authors can write ``has_website == true``.
_WORDS: dict[str, Any] = {"true": True, "false": False, "null": None, "none": None}


class ExpressionError(ValueError):
    """The condition text is not in the allowed language."""


@dataclass(frozen=True)
class Condition:
    """A parsed condition: its source, the names it reads, and a checked tree."""

    source: str
    names: tuple[str, ...]
    tree: ast.Expression

    def evaluate(self, values: Mapping[str, Any]) -> bool:
        return bool(_eval(self.tree.body, values))

    def literal_comparisons(self) -> list[tuple[str, Any]]:
        """(name, literal) pairs compared in the condition, to check option ids at load time."""
        pairs: list[tuple[str, Any]] = []
        for node in ast.walk(self.tree):
            if not isinstance(node, ast.Compare):
                continue
            operands = [node.left, *node.comparators]
            for left, right in itertools.pairwise(operands):
                for a, b in ((left, right), (right, left)):
                    if isinstance(a, ast.Name):
                        for lit in _literals(b):
                            pairs.append((a.id, lit))
        return pairs


def _literals(node: ast.AST) -> list[Any]:
    if isinstance(node, ast.Constant):
        return [node.value]
    if isinstance(node, ast.List | ast.Tuple):
        return [e.value for e in node.elts if isinstance(e, ast.Constant)]
    return []


def _contains(container: Any, item: Any) -> bool:
    if container is None or item is None:
        return False
    if isinstance(container, list | tuple | set | frozenset | str):
        try:
            return item in container
        except TypeError:
            return False
    return False


@lru_cache(maxsize=4096)
def parse(source: str) -> Condition:
    """Parse and check a condition; raise :class:`ExpressionError` with a plain message."""
    if not isinstance(source, str) or not source.strip():
        raise ExpressionError("the condition is empty")
    if len(source) > MAX_LENGTH:
        raise ExpressionError(f"the condition is longer than {MAX_LENGTH} characters")
    try:
        with warnings.catch_warnings():  # `1and x` parses, with a SyntaxWarning printed to stderr: not ours to print
            warnings.simplefilter("ignore", SyntaxWarning)
            tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"cannot parse condition {_quoted(source)}: {exc.msg}") from None
    except (ValueError, UnicodeError, RecursionError, MemoryError):  # a NUL byte, a lone surrogate (found by fuzzing)
        raise ExpressionError(
            f"cannot parse condition {_quoted(source)}: it holds characters that are not text"
        ) from None
    names: list[str] = []
    count = 0
    for node in ast.walk(tree):
        count += 1
        if not isinstance(node, _ALLOWED):
            raise ExpressionError(f"{type(node).__name__.lower()} is not allowed in a condition ({_quoted(source)})")
        if isinstance(node, ast.Constant) and not isinstance(node.value, str | int | float | bool | type(None)):
            raise ExpressionError(f"literal {node.value!r} is not allowed in a condition")
        if isinstance(node, ast.Name) and node.id not in names and node.id not in _WORDS:
            names.append(node.id)
    if count > MAX_NODES:
        raise ExpressionError("the condition is too complex")
    return Condition(source=source, names=tuple(names), tree=tree)


def _quoted(source: str, limit: int = 60) -> str:
    """The condition as quoted in a message: whole when short, cut when it would flood the screen."""
    return repr(source if len(source) <= limit else source[: limit - 1] + "…")


def _eval(node: ast.AST, values: Mapping[str, Any]) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        if node.id in _WORDS:
            return _WORDS[node.id]
        return values.get(node.id)
    if isinstance(node, ast.List | ast.Tuple):
        return [_eval(e, values) for e in node.elts]
    if isinstance(node, ast.BoolOp):
        if isinstance(node.op, ast.And):
            return all(bool(_eval(v, values)) for v in node.values)
        return any(bool(_eval(v, values)) for v in node.values)
    if isinstance(node, ast.UnaryOp):
        operand = _eval(node.operand, values)
        if isinstance(node.op, ast.Not):
            return not operand
        if isinstance(operand, int | float) and not isinstance(operand, bool):
            return -operand
        return None
    if isinstance(node, ast.Compare):
        left = _eval(node.left, values)
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            right = _eval(comparator, values)
            if not _compare(op, left, right):
                return False
            left = right
        return True
    raise ExpressionError(f"unsupported element {type(node).__name__}")  # pragma: no cover


def _compare(op: ast.cmpop, left: Any, right: Any) -> bool:
    func = _COMPARE[type(op)]
    if isinstance(op, ast.Eq | ast.NotEq | ast.In | ast.NotIn):
        return func(left, right)
    if left is None or right is None:
        return False
    try:
        return func(left, right)
    except TypeError:
        return False
