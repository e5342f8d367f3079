"""Structure: a questionnaire file checked against the model, each pydantic error turned into a located problem.

Pydantic knows what is wrong; only the file knows where. This module maps each validation error to the key
path an author wrote (without the tags pydantic inserts for tagged unions), names the key a typo meant, and
tells a value YAML cut at a comma from an unknown key, so the loader reports every structural problem with
file, line and key in one pass. The cross-reference checks that follow live in :mod:`readiness.loader`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from readiness.errors import Problem
from readiness.model import (
    QUESTION_TYPES,
    Area,
    BalanceSettings,
    Band,
    ChoiceOption,
    Contradiction,
    Dimension,
    Level,
    PlanSettings,
    Profile,
    Questionnaire,
    Recommendation,
    Scale,
    ScaleOption,
    ScoreScale,
    ScoringPolicy,
)
from readiness.yamlsource import PathKey, Source

_ITEM_MODELS: dict[str, Any] = {
    "dimensions": Dimension,
    "scales": Scale,
    "levels": Level,
    "profiles": Profile,
    "contradictions": Contradiction,
}
_NESTED_MODELS: dict[tuple[str, str], Any] = {
    ("scales", "options"): ScaleOption,
    ("dimensions", "areas"): Area,
    ("questions", "options"): ChoiceOption,
    ("questions", "bands"): Band,
    ("questions", "recommendations"): Recommendation,
}


def check_structure(source: Source) -> tuple[Questionnaire | None, list[Problem]]:
    try:
        return Questionnaire.model_validate(source.data), []
    except ValidationError as exc:
        problems = (_convert(source, err) for err in exc.errors(include_url=False))
        return None, [p for p in problems if p is not None]


def _convert(source: Source, err: Any) -> Problem | None:
    """Map a pydantic error to a catalogue problem at the right key path (None: already reported)."""
    path = _real_path(source.data, err["loc"])
    kind = err["type"]
    if kind == "missing":
        where = "at the top of the file" if len(path) == 1 else "to the mapping that starts here"
        return source.problem("RQ100", f"`{path[-1]}` is required", path, fix=f"Add `{path[-1]}:` {where}.")
    if kind == "extra_forbidden":
        key = str(path[-1])
        parent = get_at(source.data, path[:-1])
        allowed = _allowed_keys(parent, path[:-1])
        if path[:-1] in source.flow and isinstance(parent, dict):
            split = _comma_split(parent, path[-1], allowed)
            if split is not None:
                if not split:
                    return None  # a later piece of a value already reported at its first piece
                owner, text = split
                return source.problem(
                    "RQ102",
                    f"`{key}` looks like the rest of `{owner}`, cut off at a comma",
                    path,
                    fix=f"In a one-line {{...}} mapping a comma ends the value; put the value in quotes: "
                    f'{owner}: "{text}"',
                )
        close = difflib.get_close_matches(key, allowed, n=1)
        suggestion = f"; did you mean `{close[0]}`?" if close else ""
        fix = f"Rename it to `{close[0]}`." if close else None
        return source.problem("RQ102", f"unknown key `{key}`{suggestion}", path, fix=fix)
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        types = ", ".join(QUESTION_TYPES)
        return source.problem("RQ101", f"`type` must be one of: {types}", (*path, "type"), value=True)
    value = get_at(source.data, path)
    shown = f" (got {value!r})" if not isinstance(value, dict | list) else ""
    message = err["msg"][0].lower() + err["msg"][1:]
    return source.problem("RQ101", f"{message}{shown}", path, value=True)


def _comma_split(mapping: dict[Any, Any], key: Any, allowed: list[str]) -> tuple[str, str] | tuple[()] | None:
    """``(owner, whole text)`` when ``key`` is the rest of ``owner``'s text that YAML cut at a comma.

    In ``{value: 3, label: Fully, even under pressure}`` the comma ends the
    label, and ``even under pressure`` becomes a key with no value. ``()`` marks
    the second and later pieces of one cut value, which the first piece reports.
    """
    keys = list(mapping)
    index = keys.index(key)
    if mapping[key] is not None:
        return None
    start = index
    while start > 0 and mapping[keys[start - 1]] is None and keys[start - 1] not in allowed:
        start -= 1
    if start == 0 or not isinstance(mapping[keys[start - 1]], str | int | float):
        return None
    if start != index:
        return ()
    end = index + 1
    while end < len(keys) and mapping[keys[end]] is None and keys[end] not in allowed:
        end += 1
    owner = keys[start - 1]
    return str(owner), ", ".join([str(mapping[owner]), *(str(k) for k in keys[start:end])])


def _real_path(data: Any, loc: Iterable[Any]) -> PathKey:
    """Drop the discriminator tags pydantic inserts in ``loc`` for tagged unions."""
    path: list[str | int] = []
    node = data
    previous: Any = None
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str):
            # The tag comes right after the list index, even when the dict also
            # has a key of that name (a scale question has `scale: <id>`).
            if isinstance(previous, int) and node.get("type") == part:
                previous = part
                continue
            if part not in node and "[" in part:  # dict[float, ...] keys: "0.[key]"
                continue
        previous = part
        path.append(part)
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
    return tuple(path)


def get_at(data: Any, path: Iterable[Any]) -> Any:
    node = data
    for part in path:
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    return node


def _allowed_keys(parent: Any, path: PathKey) -> list[str]:
    """The keys a mapping at ``path`` may hold (for "did you mean" and to tell a typo from a cut value)."""
    if not path:
        return list(Questionnaire.model_fields)
    model = _model_at(parent, path)
    return list(model.model_fields) if model is not None else []


def _model_at(parent: Any, path: PathKey) -> Any:
    section = path[0]
    if len(path) == 1 and section in ("scoring", "balance", "plan", "score_scale"):
        models = {"scoring": ScoringPolicy, "balance": BalanceSettings, "plan": PlanSettings, "score_scale": ScoreScale}
        return models[str(section)]
    if len(path) == 2 and section == "questions":
        return QUESTION_TYPES.get(str(parent.get("type"))) if isinstance(parent, dict) else None
    if len(path) == 2:
        return _ITEM_MODELS.get(str(section))
    if len(path) == 4 and isinstance(path[2], str):
        return _NESTED_MODELS.get((str(section), path[2]))
    return None


def did_you_mean(key: str, options: list[str]) -> str:
    close = difflib.get_close_matches(key, options, n=1)
    return f"; did you mean `{close[0]}`?" if close else ""
