"""The run in plain words: the verdict, a one-page summary, and the findings a bottleneck points to."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from readiness.errors import SurgeInputError
from readiness.model import Questionnaire, tr
from readiness.surge.formatting import _capital, _count, _days, _join, _money, _pct
from readiness.surge.inputs import Assumption
from readiness.surge.resources import RESOURCE_KEYS, RESOURCES
from readiness.surge.results import Binding, Expansion, SurgeResult, SurgeSummary

if TYPE_CHECKING:
    from readiness.scoring import Finding, ScoreResult


def verdict(result: SurgeResult) -> str:
    """The run in a few plain sentences: what breaks, in what order, what it costs."""
    s, sc = result.summary, result.scenario
    sentences = [f"{sc.label or 'The surge'}: {sc.describe()}."]
    order = list(s.binding_order)
    if order:
        sentences.append(_first_to_fall_short(order[0], result))
        if len(order) > 1:
            items = [f"{RESOURCES[b.resource].name} (day {b.day})" for b in order[1:]]
            sentences.append("Next to fall short: " + _join(items) + ".")
        days_limited = np.bincount(result.bottleneck[result.bottleneck >= 0], minlength=5)
        if days_limited.any():
            worst = int(days_limited.argmax())
            name = RESOURCES[RESOURCE_KEYS[worst]].name
            sentences.append(
                f"{_capital(name)} is what limits deliveries on {days_limited[worst]} of the {result.horizon} days."
            )
    else:
        sentences.append("Nothing falls short: every order is delivered on time.")
    if s.peak_backlog > 0.5:
        waiting = f"Up to {_count(s.peak_backlog)} orders wait at once (day {s.peak_backlog_day})"
        patience = f"; {_count(s.lost_patience)} give up and cancel" if s.lost_patience > 0.5 else ""
        sentences.append(f"{waiting} and customers wait up to {_days(s.peak_wait)}{patience}.")
    if s.lost > 0.5:
        sentences.append(
            f"In all you lose about {_count(s.lost)} of {_count(s.orders_in)} orders over the "
            f"{result.horizon} days ({_pct(s.lost_share)}), {_money(s.revenue_lost)} of sales."
        )
    elif order:
        sentences.append("No order is lost: customers wait, but not beyond their patience.")
    sentences += _expansion_sentences(s)
    if s.crunch_day is not None:
        sentences.append(
            f"You run out of cash on day {s.crunch_day}, however good the sales: "
            f"the low point is {_money(s.cash_low)} on day {s.cash_low_day}."
        )
    elif s.cash_low >= s.cash_start:
        sentences.append(f"Cash holds: it never drops below where it started ({_money(s.cash_start)}).")
    else:
        sentences.append(f"Cash holds: its lowest point is {_money(s.cash_low)} on day {s.cash_low_day}.")
    if s.recovery_day is None:
        sentences.append(f"Orders are still backing up at the end of the {result.horizon} days.")
    elif s.recovery_day > 1:
        sentences.append(f"Everything is back to normal on day {s.recovery_day}.")
    return " ".join(sentences)


def _first_to_fall_short(b: Binding, result: SurgeResult) -> str:
    s = result.summary
    who = _capital(RESOURCES[b.resource].phrase)
    if b.resource == "technology":
        failing = result.lost_technology > 1e-9 * result.inputs.orders_per_day
        placed = float(result.demand[failing].sum())
        days = np.flatnonzero(failing) + 1
        if days.size == 1:
            span = f"day {days[0]}"
        elif days[-1] - days[0] + 1 == days.size:
            span = f"days {days[0]}–{days[-1]}"
        else:
            span = f"the {days.size} days it fails"
        return (
            f"{who} fails first, on day {b.day}, and turns away {_count(s.lost_technology)} orders: "
            f"{_pct(s.lost_technology / placed)} of those placed on {span}."
        )
    waiting = result.accepted[b.day - 1] + (result.backlog[b.day - 2] if b.day > 1 else 0.0)
    if b.resource == "materials":
        return (
            f"{who} run short first, on day {b.day}: stock and deliveries cover {_count(b.capacity)} orders "
            f"against {_count(waiting)} waiting."
        )
    return (
        f"{who} falls short first, on day {b.day}: it handles {_count(b.capacity)} orders a day "
        f"against {_count(waiting)} waiting."
    )


def _expansion_sentences(s: SurgeSummary) -> list[str]:
    """When the extra capacity ordered in the rush starts working, and what comes too late."""
    if not s.expansions:
        return []
    over = s.recovery_day
    in_time = [e for e in s.expansions if over is None or e.ready_day < over]
    late = [e for e in s.expansions if over is not None and e.ready_day >= over]

    def items(group: list[Expansion]) -> str:
        ordered = sorted(group, key=lambda e: e.ready_day)
        return _join([f"day {e.ready_day} ({RESOURCES[e.resource].name})" for e in ordered])

    out = []
    if in_time:
        out.append(f"Extra capacity starts working on {items(in_time)}.")
    if late:
        when = "also arrives" if in_time else "arrives"
        out.append(f"Extra capacity {when} on {items(late)}, after the rush is over.")
    return out


def markdown(result: SurgeResult, assumptions: Sequence[Assumption] = (), title: str = "") -> str:
    """A readable one-page summary of a run, with the assumptions behind it."""
    s = result.summary
    lines = [f"# {title or 'Surge stress test'}", "", result.verdict(), "", "## In numbers", ""]
    rows = [
        ("Outcome", {"copes": "copes", "strained": "strained", "breaks": "breaks (cash runs out)"}[s.outcome]),
        ("Orders in", _count(s.orders_in)),
        ("Delivered", _count(s.delivered)),
        ("Turned away by the website", _count(s.lost_technology)),
        ("Cancelled after waiting too long", _count(s.lost_patience)),
        ("Revenue lost", _money(s.revenue_lost)),
        ("Peak backlog", f"{_count(s.peak_backlog)}" + (f" (day {s.peak_backlog_day})" if s.peak_backlog_day else "")),
        ("Longest wait", _days(s.peak_wait)),
        ("Cash low point", f"{_money(s.cash_low)} (day {s.cash_low_day})"),
        ("Cash crunch", "none" if s.crunch_day is None else f"day {s.crunch_day}"),
        ("Back to normal", "not within the horizon" if s.recovery_day is None else f"day {s.recovery_day}"),
    ]
    lines += ["| | |", "|---|---:|", *(f"| {k} | {v} |" for k, v in rows)]
    if s.binding_order:
        lines += ["", "## What falls short, in order", "", "| Step | From day | Capacity then | See findings in |"]
        lines.append("|---|---:|---:|---|")
        for b in s.binding_order:
            lines.append(f"| {b.label} | {b.day} | {_count(b.capacity)} a day | {b.dimension} |")
    if s.expansions:
        lines += ["", "## Extra capacity", ""]
        for e in s.expansions:
            lines.append(
                f"- {RESOURCES[e.resource].label}: ordered day {e.ordered_day}, working day {e.ready_day}, "
                f"{_count(e.capacity_before)} → {_count(e.capacity_after)} a day"
            )
    if assumptions:
        lines += ["", "## Inputs", "", "| Input | Value | Source |", "|---|---:|---|"]
        for a in assumptions:
            value = "not applicable" if a.value is None else f"{a.value:g} {a.unit}"
            lines.append(f"| {a.label} | {value} | {a.note or a.source} |")
    return "\n".join(lines) + "\n"


def related_findings(result: ScoreResult, resource: str, limit: int | None = 3) -> list[Finding]:
    """The assessment's findings for the part of the business a bottleneck belongs to."""
    if resource not in RESOURCES:
        raise SurgeInputError(f"unknown resource {resource!r}; one of: {', '.join(RESOURCES)}")
    dims = RESOURCES[resource].dimensions
    found = sorted(
        (f for f in result.findings if f.dimension in dims), key=lambda f: (dims.index(f.dimension), -f.priority)
    )
    return found if limit is None else found[:limit]


def dimension_title(questionnaire: Questionnaire, resource: str, lang: str = "en") -> str:
    """The questionnaire's name for the dimension a resource links to (falls back to its id)."""
    dim = RESOURCES[resource].dimensions[0]
    known = {d.id: d for d in questionnaire.dimensions}
    return tr(known[dim].title, lang) if dim in known else dim
