"""Cross-reference check of translations: every display text in every language the file declares.

A missing translation is a warning, not an error: the text falls back to the
default language, so the questionnaire still loads.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from readiness.loader.context import Context
from readiness.yamlsource import PathKey

_TEXT_KEYS = frozenset(
    {"title", "description", "text", "help", "label", "name", "unit", "dont_know_advice", "finding"}
    | {"dont_know_finding", "elsewhere"}
    | {"next_step"}
    | {"message"}
)


def check(ctx: Context) -> None:
    """Every display text has a text in each language listed under `languages`."""
    languages = ctx.data.get("languages")
    if not isinstance(languages, list) or len(languages) < 1:
        return
    wanted = [str(lang) for lang in languages]
    for path, text in _texts(ctx.data, ()):
        if isinstance(text, dict):
            missing = [lang for lang in wanted if lang not in text]
        elif isinstance(text, str) and len(wanted) > 1:
            missing = wanted[1:]
        else:
            continue
        if missing:
            ctx.add("RQ300", f"no {', '.join(missing)} text", path)


def _texts(node: Any, path: PathKey) -> Iterator[tuple[PathKey, Any]]:
    """Every display text in the raw document, with its key path."""
    if isinstance(node, dict):
        for key, value in node.items():
            child = (*path, key)
            if key in _TEXT_KEYS or (len(path) >= 1 and path[-1] in ("anchors", "labels", "verdicts", "findings")):
                yield child, value
            elif (key in ("anchors", "labels", "verdicts", "findings") and isinstance(value, dict)) or (
                isinstance(value, dict | list) and key not in ("targets",)
            ):
                yield from _texts(value, child)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _texts(item, (*path, index))
