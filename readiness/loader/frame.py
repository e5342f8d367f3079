"""Cross-reference checks of the frame: unique ids, dimensions and their areas, scales, levels, profiles.

What the questions hang on is checked first: every id used once, each
dimension with questions, scales and levels in order, and levels and profile
targets inside the score scale they are written on.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import ValidationError

from readiness import expr
from readiness.loader.context import ITEM_ADAPTERS, Context
from readiness.model import Level, ScoreScale
from readiness.structure import did_you_mean as _did_you_mean
from readiness.yamlsource import PathKey


def check(ctx: Context) -> None:
    """Every check of the frame, each section in turn."""
    _unique_ids(ctx)
    _dimensions(ctx)
    _scales(ctx)
    _score_scale(ctx)
    _levels(ctx)
    _profiles(ctx)


def _unique_ids(ctx: Context) -> None:
    for section in ITEM_ADAPTERS:
        seen: dict[str, int] = {}
        for index, item_id in enumerate(ctx.raw_ids[section]):
            if not isinstance(item_id, str):
                continue
            if item_id in seen:
                ctx.add(
                    "RQ200",
                    f"{section[:-1]} id `{item_id}` is already used by {section}[{seen[item_id]}]",
                    (section, index, "id"),
                )
            else:
                seen[item_id] = index
    retired = ctx.data.get("retired")
    if isinstance(retired, dict):
        current = {q for q in ctx.raw_ids["questions"] if isinstance(q, str)}
        for old_id in retired:
            if old_id in current:
                ctx.add(
                    "RQ200",
                    f"question id `{old_id}` is listed as retired but is still a question; "
                    "a retired id must never be reused, or old answers would be read with a new meaning",
                    ("retired", old_id),
                    value=False,
                )


def _dimensions(ctx: Context) -> None:
    question_dims = {q.get("dimension") for q in ctx.data.get("questions") or [] if isinstance(q, dict)}
    dim_ids = [d for d in ctx.raw_ids["dimensions"] if isinstance(d, str)]
    for name in list(question_dims):  # a misspelt dimension is reported once, not also as an empty one
        if isinstance(name, str) and name not in dim_ids:
            question_dims.update(difflib.get_close_matches(name, dim_ids, n=1))
    for index, dim in ctx.items["dimensions"]:
        seen: set[str] = set()
        for a_index, area in enumerate(dim.areas):
            if area.id in seen:
                ctx.add(
                    "RQ200",
                    f"area id `{area.id}` is used twice in dimension `{dim.id}`",
                    ("dimensions", index, "areas", a_index, "id"),
                )
            seen.add(area.id)
            if isinstance(area.controllable, str):
                _controllable(ctx, dim.id, area, ("dimensions", index, "areas", a_index, "controllable"))
            if area.weighed_by is not None:
                _weighed_by(ctx, dim.id, area, ("dimensions", index, "areas", a_index, "weighed_by"))
        if dim.weight == 0:
            ctx.add("RQ301", f"dimension `{dim.id}` has weight 0", ("dimensions", index, "weight"))
        own = {
            q.get("id") for q in ctx.data.get("questions") or [] if isinstance(q, dict) and q.get("dimension") == dim.id
        }
        for p_index, qid in enumerate(dim.peak_questions):
            if qid not in own and "questions" not in ctx.partial:
                ctx.add(
                    "RQ220",
                    f"dimension `{dim.id}` lists `{qid}` in peak_questions, but it is not one of its questions",
                    ("dimensions", index, "peak_questions", p_index),
                )
        if dim.id not in question_dims and "questions" not in ctx.partial:
            ctx.add("RQ302", f"dimension `{dim.id}` has no questions", ("dimensions", index))
    # No demand side is a framework of its own (SAMM, EOS): scored and headed by its own title, no warning.


def _controllable(ctx: Context, dim_id: str, area: Any, path: PathKey) -> None:
    """An area's `controllable` condition reads answers by question id: unchecked, a misspelt name would read
    as unanswered for ever, so the queue would never be trusted with the area whatever the business said."""
    try:
        condition = expr.parse(area.controllable)
    except expr.ExpressionError as exc:
        ctx.add("RQ204", f"area `{area.id}` of dimension `{dim_id}` controllable: {exc}", path)
        return
    known = [q for q in ctx.raw_ids["questions"] if isinstance(q, str)]
    for name in condition.names:
        if name in known or "questions" in ctx.unsure:
            continue
        ctx.add(
            "RQ205",
            f"area `{area.id}` of dimension `{dim_id}` controllable reads unknown question "
            f"`{name}`{_did_you_mean(name, known)}",
            path,
            within=name,
        )


def _weighed_by(ctx: Context, dim_id: str, area: Any, path: PathKey) -> None:
    """An area's `weighed_by` names a number question answered in % of something: misspelt, or a question in
    another unit, the area's findings would rank by a share that is never there, or is not a share."""
    if "questions" in ctx.unsure:
        return
    questions = {q.get("id"): q for q in ctx.data.get("questions") or [] if isinstance(q, dict)}
    known = [q for q in questions if isinstance(q, str)]
    target = questions.get(area.weighed_by)
    where = f"area `{area.id}` of dimension `{dim_id}` is weighed by"
    if target is None:
        ctx.add(
            "RQ224",
            f"{where} unknown question `{area.weighed_by}`{_did_you_mean(area.weighed_by, known)}",
            path,
            within=area.weighed_by,
        )
    elif target.get("type") != "number" or not str(target.get("unit") or "").lstrip().startswith("%"):
        ctx.add("RQ224", f"{where} `{area.weighed_by}`, which is not a number question in %", path)


def _scales(ctx: Context) -> None:
    for index, scale in ctx.items["scales"]:
        path: PathKey = ("scales", index, "options")
        if len(scale.options) < 2:
            ctx.add("RQ217", f"scale `{scale.id}` has {len(scale.options)} option(s)", path)
            continue
        values = [o.value for o in scale.options]
        for o_index in range(1, len(values)):
            if values[o_index] <= values[o_index - 1]:
                ctx.add(
                    "RQ208",
                    f"scale `{scale.id}`: option value {values[o_index]:g} does not follow "
                    f"{values[o_index - 1]:g}; list options from worst to best with increasing values",
                    (*path, o_index, "value"),
                )
        scores = [scale.option_score(o) for o in scale.options]
        for o_index in range(1, len(scores)):
            if scores[o_index] < scores[o_index - 1]:
                ctx.add(
                    "RQ213",
                    f"scale `{scale.id}`: option {o_index} earns {scores[o_index]:g}, "
                    f"less than the option before it ({scores[o_index - 1]:g})",
                    (*path, o_index, "weight"),
                )


def _native(ctx: Context) -> tuple[float, float]:
    """The score scale's range as written (levels and targets are on it); 0..100 when unsure."""
    raw = ctx.data.get("score_scale")
    try:
        sc = ScoreScale.model_validate(raw if isinstance(raw, dict) else {})
    except ValidationError:
        return 0.0, 100.0
    return sc.min, sc.max


def _score_scale(ctx: Context) -> None:
    low, high = _native(ctx)
    if isinstance(ctx.data.get("score_scale"), dict) and low >= high:
        ctx.add(
            "RQ208",
            f"score_scale: min {low:g} is not below max {high:g}",
            ("score_scale", "max" if "max" in ctx.data["score_scale"] else "min"),
        )


def _levels(ctx: Context) -> None:
    levels = ctx.items["levels"]
    if not levels:
        return
    low, high = _native(ctx)
    first_index, first = levels[0]
    if first_index == 0 and first.min != low:
        ctx.add(
            "RQ215",
            f"the first level `{first.id}` starts at {first.min:g}, not at the score scale's {low:g}",
            ("levels", 0, "min"),
        )
    previous: Level | None = None
    for index, level in levels:
        if not low <= level.min <= high:
            ctx.add(
                "RQ209",
                f"level `{level.id}` starts at {level.min:g}, outside {low:g}..{high:g}",
                ("levels", index, "min"),
            )
        if previous is not None and level.min <= previous.min:
            ctx.add(
                "RQ208",
                f"level `{level.id}` starts at {level.min:g}, not above `{previous.id}` ({previous.min:g})",
                ("levels", index, "min"),
            )
        previous = level


def _profiles(ctx: Context) -> None:
    dims = [d for d in ctx.raw_ids["dimensions"] if isinstance(d, str)]
    low, high = _native(ctx)
    defaults = 0
    for index, profile in ctx.items["profiles"]:
        path: PathKey = ("profiles", index, "targets")
        defaults += profile.default
        if profile.default and defaults > 1:
            ctx.add("RQ214", f"profile `{profile.id}` is a second default", ("profiles", index, "default"))
        for dim_id, target in profile.targets.items():
            if dim_id not in dims:
                if "dimensions" not in ctx.unsure:
                    ctx.add(
                        "RQ201",
                        f"profile `{profile.id}` sets a target for unknown dimension `{dim_id}`"
                        f"{_did_you_mean(dim_id, dims)}",
                        (*path, dim_id),
                        value=False,
                    )
            elif not low <= target <= high:
                ctx.add(
                    "RQ209",
                    f"profile `{profile.id}`: target {target:g} for `{dim_id}` is outside {low:g}..{high:g}",
                    (*path, dim_id),
                )
        # A target is a level of readiness to reach: demand pressure has none.
        missing = [d for d in dims if d not in profile.targets and d not in ctx.demand_dimensions]
        if missing and "dimensions" not in ctx.unsure:
            ctx.add("RQ210", f"profile `{profile.id}` has no target for: {', '.join(missing)}", path)
