"""What the cross-reference checks share: the file as written, its sound items, and the problems found.

The loader checks cross-references even in a file that is not sound as a
whole, so a typo in one question does not hide an unknown scale in another.
:class:`Context` gathers once what every check reads for that: each section's
structurally sound items, every id as written (even a broken item's, so it
causes no false "unknown id"), and the sections a syntax error left unsure.
The checks themselves live beside it, one module for each part of the file.
"""

from __future__ import annotations

import contextlib
from typing import Any

from pydantic import TypeAdapter, ValidationError

from readiness import expr
from readiness.errors import Problem
from readiness.model import Dimension, Level, Profile, Question, Questionnaire, Scale
from readiness.structure import get_at as _get
from readiness.yamlsource import PathKey, Source

#: The sections of items with ids, each with what validates one item on its own.
ITEM_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "dimensions": TypeAdapter(Dimension),
    "scales": TypeAdapter(Scale),
    "levels": TypeAdapter(Level),
    "profiles": TypeAdapter(Profile),
    "questions": TypeAdapter(Question),
}


class Context:
    """Cross-reference checks over every structurally sound item: what they read, and where they say it."""

    def __init__(self, source: Source, questionnaire: Questionnaire | None = None) -> None:
        self.source = source
        self.data: dict[str, Any] = source.data
        self.problems: list[Problem] = []
        self.items: dict[str, list[tuple[int, Any]]] = {}
        for section, adapter in ITEM_ADAPTERS.items():
            if questionnaire is not None:  # structurally sound: every item is valid already
                self.items[section] = list(enumerate(getattr(questionnaire, section)))
                continue
            valid: list[tuple[int, Any]] = []
            raw = self.data.get(section)
            for index, item in enumerate(raw if isinstance(raw, list) else []):
                with contextlib.suppress(ValidationError):
                    valid.append((index, adapter.validate_python(item)))
            self.items[section] = valid
        # Ids as written (even of broken items), so a broken item does not also
        # cause a false "unknown id" everywhere it is referenced.
        self.raw_ids = {section: self._raw_ids(section) for section in ITEM_ADAPTERS}
        self.demand_dimensions = {d.id for _, d in self.items["dimensions"] if d.side == "demand"}
        # Sections a syntax error left partly unread: an id missing from them may
        # just be unreadable, so "unknown id" is not said about them.
        broken = [b for b in source.broken if b]
        self.unsure = {str(b[0]) for b in broken if len(b) == 1 or not isinstance(_get(self.data, b[:2]), dict)}
        self.partial = {str(b[0]) for b in broken if len(b) <= 2}  # whole items missing, not one bad value
        # Questions other questions' show_if or advice read: weight 0 is normal for them
        # (e.g. "do you sell goods or services?"), so it earns no warning.
        self.gates: set[str] = set()
        for _, q in self.items["questions"]:
            variants = [v.when for o in getattr(q, "options", None) or [] for v in getattr(o, "variants", [])]
            for condition in [q.show_if, q.matters_if, *(r.when for r in q.recommendations), *variants]:
                if condition:
                    with contextlib.suppress(expr.ExpressionError):
                        self.gates.update(expr.parse(condition).names)

    def _raw_ids(self, section: str) -> list[str]:
        raw = self.data.get(section)
        return [i.get("id") for i in raw if isinstance(i, dict)] if isinstance(raw, list) else []

    def add(self, code: str, message: str, path: PathKey, *, value: bool = True, within: str | None = None) -> None:
        """Record a problem; it points at the value written at ``path`` unless ``value`` is False."""
        self.problems.append(self.source.problem(code, message, path, value=value, within=within))

    def raw_list(self, section: str) -> list[Any]:
        raw = self.data.get(section)
        return raw if isinstance(raw, list) else []
