"""Cross-reference checks of each question: what it names, its options and bands, and its conditions.

A question names a dimension, an area and a scale; its ``show_if``,
``matters_if`` and advice read other answers by question id; its options and
bands must be in order. Each is checked against the file as written, so a
misspelt name is said at its line instead of reading as unanswered for ever.
"""

from __future__ import annotations

from typing import Any

from readiness import expr
from readiness.loader.context import Context
from readiness.markup import quoted_names
from readiness.model import (
    RESERVED_IDS,
    SURGE_INPUT_NAMES,
    MultipleChoiceQuestion,
    NumberQuestion,
    Recommendation,
    ScaleQuestion,
    SingleChoiceQuestion,
)
from readiness.structure import did_you_mean as _did_you_mean
from readiness.structure import get_at as _get
from readiness.yamlsource import PathKey

#: Names a recommendation's `when` reads of its own question's answer; any other name is a question id.
_WHEN_NAMES = frozenset({"value", "score"})


def check(ctx: Context) -> None:
    """Every question, in file order, with what it names and the conditions it reads."""
    dims = {d.id: d for _, d in ctx.items["dimensions"]}
    dim_ids = [d for d in ctx.raw_ids["dimensions"] if isinstance(d, str)]
    scale_ids = [s for s in ctx.raw_ids["scales"] if isinstance(s, str)]
    scales = {s.id: s for _, s in ctx.items["scales"]}
    order = {qid: i for i, qid in enumerate(ctx.raw_ids["questions"]) if isinstance(qid, str)}
    valid = {q.id: q for _, q in ctx.items["questions"]}
    unread = "questions" in ctx.partial
    for index, q in ctx.items["questions"]:
        base: PathKey = ("questions", index)
        if q.dimension not in dim_ids:
            if "dimensions" not in ctx.unsure:
                ctx.add(
                    "RQ201",
                    f"question `{q.id}` names unknown dimension `{q.dimension}`{_did_you_mean(q.dimension, dim_ids)}",
                    (*base, "dimension"),
                )
        elif q.area is not None and q.dimension in dims:
            area_ids = [a.id for a in dims[q.dimension].areas]
            if q.area not in area_ids:
                ctx.add(
                    "RQ203",
                    f"question `{q.id}` names area `{q.area}`, not an area of "
                    f"`{q.dimension}`{_did_you_mean(q.area, area_ids)}",
                    (*base, "area"),
                )
        # Gates and surge inputs (facts such as orders per day, asked for the
        # surge stress test rather than scored) may have weight 0 on purpose.
        # (Not while a question is unreadable: its show_if may be the one reading this gate.)
        # A question naming harm (an option's points_to) orders the findings instead of scoring.
        # So does a question whose options speak to the verdict (a step the owner is weighing).
        names_harm = any(
            getattr(o, "points_to", None) or getattr(o, "verdicts", None) for o in getattr(q, "options", None) or []
        )
        if (
            q.weight == 0
            and q.scored
            and q.id not in ctx.gates
            and q.surge_input is None
            and not unread
            and not names_harm
        ):
            ctx.add("RQ301", f"question `{q.id}` has weight 0", (*base, "weight"))
        if q.surge_input is not None:
            _surge_input(ctx, q, base)
        if isinstance(q, ScaleQuestion):
            if q.scale not in scale_ids:
                if "scales" not in ctx.unsure:
                    ctx.add(
                        "RQ202",
                        f"question `{q.id}` names unknown scale `{q.scale}`{_did_you_mean(q.scale, scale_ids)}",
                        (*base, "scale"),
                    )
            elif q.scale in scales:
                values = {o.value for o in scales[q.scale].options}
                verbs = {"anchors": "describes", "labels": "names", "findings": "gives a finding for"}
                for part, verb in verbs.items():
                    for key in getattr(q, part):
                        if key not in values:
                            ctx.add(
                                "RQ211",
                                f"question `{q.id}` {verb} level {key:g}, which scale `{q.scale}` does not have",
                                (*base, part, _anchor_key(ctx.data, base, key, part)),
                                value=False,
                            )
        if isinstance(q, SingleChoiceQuestion | MultipleChoiceQuestion):
            _options(ctx, q, base)
        if isinstance(q, NumberQuestion):
            _bands(ctx, q, base)
        if q.show_if is not None:
            _show_if(ctx, q, base, order, valid)
        if getattr(q, "describes", None) is not None:
            _describes(ctx, q, (*base, "describes"), order, valid)
        if q.matters_if is not None:
            _matters_if(ctx, q, (*base, "matters_if"), order, valid)
        for r_index, rec in enumerate(q.recommendations):
            if rec.when is not None:
                _when(ctx, q, rec.when, (*base, "recommendations", r_index, "when"), order, valid)
            _quotes(ctx, q, rec, (*base, "recommendations", r_index), valid)


def _quotes(ctx: Context, q: Any, rec: Recommendation, base: PathKey, valid: dict[str, Any]) -> None:
    """Advice may quote a figure the owner gave (``{recent_peak}``): a number question its own `when` reads, so
    the advice is chosen knowing the figure is there and an owner without it gets other words. A misspelt id, a
    question that is no number, or a figure the `when` does not read would leave advice that is never given (or
    a hole in it), so each is an error at load, with the file, line and key."""
    texts = [rec.text] if isinstance(rec.text, str) else list(rec.text.values())
    names = dict.fromkeys(name for text in texts for name in quoted_names(text))
    if not names:
        return
    try:
        read = set(expr.parse(rec.when).names) if rec.when is not None else set()
    except expr.ExpressionError:
        return  # said as RQ204 by the `when` check; a quote is judged against a `when` that parses
    if "value" in read:  # a `when` on `value` reads the question's own figure
        read.add(q.id)
    path = (*base, "text")
    for name in names:
        if name not in valid:
            if "questions" in ctx.unsure:
                continue
            ctx.add(
                "RQ205",
                f"question `{q.id}` recommendation quotes unknown question `{{{name}}}`"
                f"{_did_you_mean(name, list(valid))}",
                path,
                within=f"{{{name}}}",
            )
        elif not (number := isinstance(valid[name], NumberQuestion)) or name not in read:
            why = "its `when` does not read" if number else "is not a number question"
            ctx.add(
                "RQ225",
                f"question `{q.id}` recommendation quotes `{{{name}}}`, which {why} "
                f'(quote a number the `when` reads, as in `when: "{name} >= 2"`)',
                path,
                within=f"{{{name}}}",
            )


def _describes(ctx: Context, q: Any, path: PathKey, order: dict[str, int], valid: dict[str, Any]) -> None:
    """A note naming another answer in the owner's words must name a question with options, asked before
    it: a misspelt id would leave the owner's words unused, and a note asked first names nothing yet."""
    target = q.describes
    if target not in order:
        if "questions" not in ctx.unsure:
            ctx.add(
                "RQ223",
                f"question `{q.id}` describes unknown question `{target}`{_did_you_mean(target, list(order))}",
                path,
            )
    elif target in valid and not getattr(valid[target], "options", None):
        ctx.add("RQ223", f"question `{q.id}` describes `{target}`, which has no options to name", path)
    elif order[target] > order[q.id]:
        ctx.add("RQ223", f"question `{q.id}` describes `{target}`, which is asked after it", path)


def _surge_input(ctx: Context, q: Any, base: PathKey) -> None:
    path = (*base, "surge_input")
    if not isinstance(q, NumberQuestion):
        ctx.add("RQ219", f"question `{q.id}` is a {q.type} question; only numbers can be surge inputs", path)
    elif q.surge_input not in SURGE_INPUT_NAMES:
        ctx.add(
            "RQ219",
            f"question `{q.id}` names unknown surge input `{q.surge_input}`"
            f"{_did_you_mean(q.surge_input, list(SURGE_INPUT_NAMES))}",
            path,
        )


def _options(ctx: Context, q: SingleChoiceQuestion | MultipleChoiceQuestion, base: PathKey) -> None:
    seen: set[str] = set()
    for o_index, option in enumerate(q.options):
        path = (*base, "options", o_index, "id")
        if option.id in RESERVED_IDS:
            ctx.add("RQ212", f"question `{q.id}` uses reserved option id `{option.id}`", path)
        if option.id in seen:
            ctx.add("RQ200", f"option id `{option.id}` is used twice in question `{q.id}`", path)
        seen.add(option.id)
    if isinstance(q, SingleChoiceQuestion) and len({o.value for o in q.options}) == 1 and q.weight:
        ctx.add(
            "RQ218",
            f"all options of `{q.id}` have the same value, so it cannot change the score",
            (*base, "options"),
        )


def _bands(ctx: Context, q: NumberQuestion, base: PathKey) -> None:
    if q.min is not None and q.max is not None and q.min >= q.max:
        ctx.add("RQ208", f"question `{q.id}`: min {q.min:g} is not below max {q.max:g}", (*base, "max"))
    previous: float | None = None
    previous_below = False
    for b_index, band in enumerate(q.bands):
        key = "below" if band.below is not None else "up_to"
        path = (*base, "bands", b_index, key)
        last = b_index == len(q.bands) - 1
        if band.up_to is not None and band.below is not None:
            ctx.add(
                "RQ208",
                f"question `{q.id}`: a band sets both `up_to` (inclusive) and `below` (exclusive); keep one",
                path,
            )
        bound = band.bound
        if bound is None:
            if not last:
                ctx.add("RQ208", f"question `{q.id}`: only the last band may leave out `up_to`/`below`", path)
            continue
        # `below: 1` then `up_to: 1` is fine (the second band holds exactly 1); anything else must rise
        same_allowed = previous_below and key == "up_to"
        if previous is not None and (bound < previous or (bound == previous and not same_allowed)):
            ctx.add(
                "RQ208",
                f"question `{q.id}`: band {key} {bound:g} does not follow {previous:g}; list bands in increasing order",
                path,
            )
        previous, previous_below = bound, key == "below"


def _show_if(ctx: Context, q: Any, base: PathKey, order: dict[str, int], valid: dict[str, Any]) -> None:
    path = (*base, "show_if")
    try:
        condition = expr.parse(q.show_if)
    except expr.ExpressionError as exc:
        ctx.add("RQ204", f"question `{q.id}`: {exc}", path)
        return
    for name in condition.names:
        if name == q.id:
            ctx.add("RQ207", f"question `{q.id}` is shown depending on its own answer", path)
        elif name not in order:
            if "questions" in ctx.unsure:
                continue
            ctx.add(
                "RQ205",
                f"question `{q.id}` is shown depending on unknown question `{name}`{_did_you_mean(name, list(order))}",
                path,
                within=name,
            )
        elif order[name] > order[q.id]:
            ctx.add("RQ206", f"question `{q.id}` depends on `{name}`, which is asked after it", path, within=name)
    option_literals(ctx, q, condition, path, valid)


def option_literals(
    ctx: Context,
    q: Any,
    condition: expr.Condition,
    path: PathKey,
    valid: dict[str, Any],
    own: frozenset[str] = frozenset(),
    *,
    reads_na: bool = False,
) -> None:
    """Warn where a condition compares a choice question with a word that is none of its options
    (`business_type == 'service'`): the comparison could never hold, so what it guards never happens.
    ``own``: names that mean the question's own answer here (`value` in a `when`), not a question.
    ``reads_na``: the condition sees "not applicable" as ``'na'`` (a recommendation's `when`, a decision's
    variant), so ``'na'`` is a word it can hold for a question that offers it."""
    for name, literal in condition.literal_comparisons():
        other = None if name in own else valid.get(name)
        if isinstance(other, SingleChoiceQuestion | MultipleChoiceQuestion) and isinstance(literal, str):
            ids = [o.id for o in other.options]
            if literal not in ids and not (reads_na and other.allow_na and literal == "na"):
                ctx.add(
                    "RQ216",
                    f"question `{q.id}` compares `{name}` with `{literal}`, which is not "
                    f"one of its options ({', '.join(ids)})",
                    path,
                )


def _when(ctx: Context, q: Any, source: str, path: PathKey, order: dict[str, int], valid: dict[str, Any]) -> None:
    """A recommendation's `when` reads `value`, `score` and other answers by question id.

    Advice is chosen once every answer is in, so unlike a `show_if` it may read any question, asked
    before or after it (the kind of business, so a service firm is not sent to a fulfilment firm). A
    name that is no question would read as unanswered for ever and silently pick the wrong advice,
    so it is an error, as in a `show_if`.
    """
    try:
        condition = expr.parse(source)
    except expr.ExpressionError as exc:
        ctx.add("RQ204", f"question `{q.id}` recommendation: {exc}", path)
        return
    for name in condition.names:
        if name in _WHEN_NAMES or name in order or "questions" in ctx.unsure:
            continue
        hint = _did_you_mean(name, [*_WHEN_NAMES, *order]) or (
            "; a `when` reads `value` (the answer), `score` (0..1) and other questions by id"
        )
        ctx.add("RQ205", f"question `{q.id}` recommendation reads unknown question `{name}`{hint}", path, within=name)
    option_literals(ctx, q, condition, path, valid, own=_WHEN_NAMES, reads_na=True)


def _matters_if(ctx: Context, q: Any, path: PathKey, order: dict[str, int], valid: dict[str, Any]) -> None:
    """A `matters_if` reads other answers by question id, like a `when`. Unchecked, a misspelt name read as
    unanswered for ever (the finding was kept or dropped whatever the business answered) and a condition
    that does not parse stopped scoring with a traceback; both are now said at load, where they are."""
    try:
        condition = expr.parse(q.matters_if)
    except expr.ExpressionError as exc:
        ctx.add("RQ204", f"question `{q.id}` matters_if: {exc}", path)
        return
    for name in condition.names:
        if name in order or "questions" in ctx.unsure:
            continue
        ctx.add(
            "RQ205",
            f"question `{q.id}` matters_if reads unknown question `{name}`{_did_you_mean(name, list(order))}",
            path,
            within=name,
        )
    option_literals(ctx, q, condition, path, valid, reads_na=True)  # read as exposure_values: 'na' is a word


def _anchor_key(data: Any, base: PathKey, key: float, part: str = "anchors") -> Any:
    """The anchor (or label) key as written (``2`` or ``2.0``), so its line can be found."""
    written = _get(data, (*base, part))
    return next((k for k in written if k == key), key) if isinstance(written, dict) else key
