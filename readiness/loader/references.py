"""Cross-reference checks between parts: what one part names elsewhere is a real thing of the right kind.

Contradiction rules, advice that must follow another question's, levers, the
harm an option points to, the verdicts a step speaks to and what it relieves,
the answers a cash or stock figure is read with, the balance's control
dimension and conditions, and the successors of retired questions: each names
a question, an option, a dimension or a verdict defined somewhere else.
"""

from __future__ import annotations

import re
from typing import Any

from readiness import expr
from readiness.balance import QUADRANTS
from readiness.loader.context import Context
from readiness.loader.questions import option_literals
from readiness.model import MultipleChoiceQuestion, NumberQuestion, SingleChoiceQuestion
from readiness.structure import did_you_mean as _did_you_mean
from readiness.yamlsource import PathKey


def check(ctx: Context) -> None:
    """Every check between parts, then the successors of retired questions."""
    _consistency(ctx)
    _successors(ctx)


def _consistency(ctx: Context) -> None:
    """Contradiction rules, recommendation `needs` and the control dimension name real things."""
    known = {q.id for _, q in ctx.items["questions"]}
    if "questions" in ctx.unsure:
        return
    for index, rule in enumerate(ctx.raw_list("contradictions")):
        path: PathKey = ("contradictions", index, "when")
        when = rule.get("when") if isinstance(rule, dict) else None
        if not isinstance(when, str):
            continue
        try:
            names = expr.parse(when).names
        except expr.ExpressionError as exc:
            ctx.add("RQ221", f"contradiction rule: {exc}", path)
            continue
        for name in names:
            if name not in known:
                ctx.add(
                    "RQ221",
                    f"contradiction rule reads unknown question `{name}`{_did_you_mean(name, sorted(known))}",
                    path,
                    within=name,
                )
    for q_index, q in ctx.items["questions"]:
        for r_index, rec in enumerate(q.recommendations):
            for n_index, name in enumerate(rec.needs):
                if name not in known:
                    ctx.add(
                        "RQ205",
                        f"question `{q.id}` recommendation needs unknown question `{name}`"
                        f"{_did_you_mean(name, sorted(known))}",
                        ("questions", q_index, "recommendations", r_index, "needs", n_index),
                    )
    for q_index, q in ctx.items["questions"]:
        options = [o.id for o in getattr(q, "options", None) or []]
        for r_index, rec in enumerate(q.recommendations):
            if rec.adds is not None and (not isinstance(q, MultipleChoiceQuestion) or rec.adds not in options):
                where = "is not a multiple-choice question" if not isinstance(q, MultipleChoiceQuestion) else ""
                ctx.add(
                    "RQ216",
                    f"question `{q.id}` recommendation adds "
                    + (f"option `{rec.adds}`, but `{q.id}` {where}" if where else f"unknown option `{rec.adds}`")
                    + (_did_you_mean(rec.adds, options) if not where else ""),
                    ("questions", q_index, "recommendations", r_index, "adds"),
                )
    for q_index, q in ctx.items["questions"]:
        for l_index, name in enumerate(q.levers):
            if name == q.id or name not in known:
                what = "itself" if name == q.id else f"unknown question `{name}`"
                ctx.add(
                    "RQ205",
                    f"question `{q.id}` names {what} as a lever"
                    f"{_did_you_mean(name, sorted(known)) if name not in known and name != q.id else ''}",
                    ("questions", q_index, "levers", l_index),
                )
    for q_index, q in ctx.items["questions"]:
        for o_index, option in enumerate(getattr(q, "options", None) or []):
            for p_index, name in enumerate(getattr(option, "points_to", [])):
                if name == q.id or name not in known:
                    what = "itself" if name == q.id else f"unknown question `{name}`"
                    ctx.add(
                        "RQ205",
                        f"option `{option.id}` of question `{q.id}` points to {what}"
                        f"{_did_you_mean(name, sorted(known)) if name not in known and name != q.id else ''}",
                        ("questions", q_index, "options", o_index, "points_to", p_index),
                    )
    _verdicts(ctx)
    numbers = {q.id for _, q in ctx.items["questions"] if isinstance(q, NumberQuestion)}
    for q_index, q in ctx.items["questions"]:
        reads = []
        if (allowance := getattr(q, "slack_allowance", None)) is not None:
            reads.append(("slack_allowance", "question", allowance.question))
        if (drag := getattr(q, "growth_drag", None)) is not None:
            reads += [("growth_drag", "growth", drag.growth), ("growth_drag", "days", drag.days)]
        for key, part, name in reads:
            if name in numbers:
                continue
            what = "is not a number question" if name in known else "is not a question in this file"
            ctx.add(
                "RQ205",
                f"question `{q.id}` {key} reads `{name}`, which {what}"
                f"{_did_you_mean(name, sorted(numbers)) if name not in known else ''}",
                ("questions", q_index, key, part),
            )
    balance = ctx.data.get("balance")
    control = balance.get("control_dimension") if isinstance(balance, dict) else None
    if isinstance(control, str):
        sides = {d.id: d.side for _, d in ctx.items["dimensions"]}
        if sides.get(control) != "operations":
            ctx.add(
                "RQ201",
                f"balance.control_dimension `{control}` is not an operations dimension",
                ("balance", "control_dimension"),
            )
    for key in ("idle_falling", "full_steady", "tight_steady", "falling_backlog"):
        source = balance.get(key) if isinstance(balance, dict) else None
        if isinstance(source, str):
            _balance_condition(ctx, key, source)
    idle = balance.get("idle_link") if isinstance(balance, dict) else None
    if isinstance(idle, dict):
        _idle_link(ctx, idle)


def _verdicts(ctx: Context) -> None:
    """What an option tells an owner weighing a step is keyed by the balance's verdicts and may name the
    weakest link only: a misspelt verdict would never be shown, and an unknown `{name}` would be printed
    to the owner as written."""
    for q_index, q in ctx.items["questions"]:
        for o_index, option in enumerate(getattr(q, "options", None) or []):
            said = getattr(option, "verdicts", {})
            if said and not isinstance(q, SingleChoiceQuestion):
                ctx.add(
                    "RQ222",
                    f"option `{option.id}` of question `{q.id}` speaks to verdicts, but only one answer can be "
                    "the step weighed: use a single choice",
                    ("questions", q_index, "options", o_index, "verdicts"),
                    value=False,
                )
            for key, text in said.items():
                path: PathKey = ("questions", q_index, "options", o_index, "verdicts", key)
                if key not in QUADRANTS:
                    ctx.add(
                        "RQ222",
                        f"option `{option.id}` of question `{q.id}` speaks to unknown verdict `{key}`"
                        f"{_did_you_mean(key, list(QUADRANTS))}",
                        path,
                        value=False,
                    )
                _names_only_weakest(ctx, text, path, f"option `{option.id}` of question `{q.id}` names", "")
            _relieves(ctx, q, q_index, option, o_index)
            _variants(ctx, q, q_index, option, o_index)


def _names_only_weakest(ctx: Context, text: Any, path: PathKey, who: str, where: str) -> None:
    """A verdict's text (in every language) may name only `{weakest}`: any other `{name}` would be printed to
    the owner as written."""
    for words in text.values() if isinstance(text, dict) else [text]:
        for name in re.findall(r"\{([^{}]*)\}", words):
            if name != "weakest":
                ctx.add(
                    "RQ222",
                    f"{who} `{{{name}}}`{where}; a verdict's text may name only `{{weakest}}`",
                    path,
                    within=f"{{{name}}}",
                )


def _variants(ctx: Context, q: Any, q_index: int, option: Any, o_index: int) -> None:
    """A variant of the step's advice reads real questions and speaks to verdicts its option speaks to: a
    misspelt name reads as unanswered for ever and a verdict the option is silent on is never reached, so either
    would leave the owner with the text the variant was written to replace."""
    known = [qid for qid in ctx.raw_ids["questions"] if isinstance(qid, str)]
    said = getattr(option, "verdicts", {})
    for v_index, variant in enumerate(getattr(option, "variants", None) or []):
        base: PathKey = ("questions", q_index, "options", o_index, "variants", v_index)
        try:
            condition = expr.parse(variant.when)
        except expr.ExpressionError as exc:
            ctx.add("RQ204", f"option `{option.id}` of question `{q.id}` variant: {exc}", (*base, "when"))
        else:
            # A choice compared with a word that is none of its options (`step == 'machin'`) never holds.
            option_literals(
                ctx, q, condition, (*base, "when"), {x.id: x for _, x in ctx.items["questions"]}, reads_na=True
            )
            for name in condition.names:
                if name not in known and "questions" not in ctx.unsure:
                    ctx.add(
                        "RQ205",
                        f"option `{option.id}` of question `{q.id}` variant reads unknown question "
                        f"`{name}`{_did_you_mean(name, known)}",
                        (*base, "when"),
                        within=name,
                    )
        for key, text in variant.verdicts.items():
            path: PathKey = (*base, "verdicts", key)
            if key not in said:
                ctx.add(
                    "RQ222",
                    f"option `{option.id}` of question `{q.id}` has a variant for verdict `{key}`, which its "
                    f"own `verdicts` do not speak to{_did_you_mean(key, list(said))}",
                    path,
                    value=False,
                )
            _names_only_weakest(ctx, text, path, f"option `{option.id}` of question `{q.id}` names", " in a variant")


def _relieves(ctx: Context, q: Any, q_index: int, option: Any, o_index: int) -> None:
    """A step that says what it relieves names real operations parts and says what to tell the owner when
    the weakest link lies elsewhere (and the other way round): half of the pair would never be shown."""
    relieves = getattr(option, "relieves", None) or []
    elsewhere = getattr(option, "elsewhere", None)
    base: PathKey = ("questions", q_index, "options", o_index)
    if bool(relieves) != (elsewhere is not None):
        given, missing = ("relieves", "elsewhere") if relieves else ("elsewhere", "relieves")
        ctx.add(
            "RQ222",
            f"option `{option.id}` of question `{q.id}` has `{given}` without `{missing}`: the step is read "
            "against the weakest link only with both",
            (*base, given),
            value=False,
        )
    if (relieves or elsewhere is not None) and not getattr(option, "verdicts", None):
        ctx.add(
            "RQ222",
            f"option `{option.id}` of question `{q.id}` says what it relieves but speaks to no verdict: add `verdicts`",
            (*base, "relieves" if relieves else "elsewhere"),
            value=False,
        )
    if "dimensions" not in ctx.unsure:
        parts = {d.id: [a.id for a in d.areas] for _, d in ctx.items["dimensions"] if d.side == "operations"}
        known = [*parts, *(f"{d}.{a}" for d, areas in parts.items() for a in areas)]
        for key in ("relieves", "spends"):
            for r_index, part in enumerate(getattr(option, key, None) or []):
                dim, _, area = part.partition(".")
                if dim not in parts or (area and area not in parts[dim]):
                    ctx.add(
                        "RQ222",
                        f"option `{option.id}` of question `{q.id}` {key} `{part}`, not an operations "
                        f"dimension or `dimension.area`{_did_you_mean(part, known)}",
                        (*base, key, r_index),
                    )
    if getattr(option, "spends", None) and not relieves:
        ctx.add(
            "RQ222",
            f"option `{option.id}` of question `{q.id}` has `spends` without `relieves`: what a step is paid "
            "from matters only for a step read against the weakest link",
            (*base, "spends"),
            value=False,
        )
    for said in (elsewhere.values() if isinstance(elsewhere, dict) else [elsewhere]) if elsewhere else []:
        for name in re.findall(r"\{([^{}]*)\}", said):
            if name not in ("weakest", "limit"):
                ctx.add(
                    "RQ222",
                    f"option `{option.id}` of question `{q.id}` names `{{{name}}}` in `elsewhere`; it may "
                    "name only `{weakest}` and `{limit}`",
                    (*base, "elsewhere"),
                    within=f"{{{name}}}",
                )


def _idle_link(ctx: Context, idle: dict[str, Any]) -> None:
    """`balance.idle_link` names a part by id and reads answers: a misspelt dimension or area would never be
    named, and a misspelt question would leave the condition unread for ever."""
    if isinstance(idle.get("when"), str):
        _balance_condition(ctx, "idle_link", idle["when"], ("balance", "idle_link", "when"))
    dims = {d.id: d for _, d in ctx.items["dimensions"]}
    dim_id, area = idle.get("dimension"), idle.get("area")
    if not isinstance(dim_id, str) or "dimensions" in ctx.unsure:
        return
    dim = dims.get(dim_id)
    if dim is None or dim.side != "operations":
        ctx.add(
            "RQ201",
            f"balance.idle_link.dimension `{dim_id}` is not an operations dimension"
            f"{_did_you_mean(dim_id, sorted(d for d in dims if dims[d].side == 'operations'))}",
            ("balance", "idle_link", "dimension"),
        )
    elif isinstance(area, str) and area not in {a.id for a in dim.areas}:
        ctx.add(
            "RQ201",
            f"balance.idle_link.area `{area}` is not an area of `{dim_id}`"
            f"{_did_you_mean(area, sorted(a.id for a in dim.areas))}",
            ("balance", "idle_link", "area"),
        )


def _balance_condition(ctx: Context, key: str, source: str, path: PathKey | None = None) -> None:
    """`balance.idle_falling`, `balance.full_steady`, `balance.tight_steady` and `balance.falling_backlog` read
    answers by question id: a misspelt name would read as unanswered for ever, so the condition would never hold,
    whatever the business answered."""
    path = path or ("balance", key)
    try:
        condition = expr.parse(source)
    except expr.ExpressionError as exc:
        ctx.add("RQ204", f"balance.{key}: {exc}", path)
        return
    known = [q for q in ctx.raw_ids["questions"] if isinstance(q, str)]
    for name in condition.names:
        if name not in known and "questions" not in ctx.unsure:
            ctx.add(
                "RQ205",
                f"balance.{key} reads unknown question `{name}`{_did_you_mean(name, known)}",
                path,
                within=name,
            )


def _successors(ctx: Context) -> None:
    """Each successor carries a retired question's answers to a question still asked."""
    raw = ctx.data.get("successors")
    if not isinstance(raw, dict) or "questions" in ctx.unsure:
        return
    retired = ctx.data.get("retired")
    retired_ids = set(retired) if isinstance(retired, dict) else set()
    known = {q.id for _, q in ctx.items["questions"]}
    for old_id, entry in raw.items():
        if old_id not in retired_ids:
            ctx.add(
                "RQ205",
                f"successors: `{old_id}` is not listed under `retired`; only a retired question's answers are carried",
                ("successors", old_id),
                value=False,
            )
        target = entry.get("to") if isinstance(entry, dict) else None
        if isinstance(target, str) and target not in known:
            ctx.add(
                "RQ205",
                f"successors: `{old_id}` is carried to unknown question `{target}`"
                f"{_did_you_mean(target, sorted(known))}",
                ("successors", old_id, "to"),
            )
