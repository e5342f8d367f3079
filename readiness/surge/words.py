"""The run in plain words: a verdict of at most three short lines, a one-page report, and the
findings a bottleneck points to.

The words are written from the same :class:`~readiness.surge.analysis.Analysis`
the tables show, with the same number formats, so the verdict can never name a
fix the what-if table does not rank first, or a figure the tables do not show.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from readiness.currency import unit as currency_unit
from readiness.errors import SurgeInputError
from readiness.figures import plain_number
from readiness.markup import md_text
from readiness.model import Questionnaire, tr
from readiness.surge.analysis import Analysis, Fix, Sensitivity
from readiness.surge.formatting import capital, count, days, join, money, orders, pct
from readiness.surge.inputs import DEFAULT_HORIZON, Assumption
from readiness.surge.knobs import KNOBS, knob_unit
from readiness.surge.resources import RESOURCES, has_goods
from readiness.surge.results import Break, SurgeSummary
from readiness.surge.scenarios import AFTERMATH_DAYS, change_span

if TYPE_CHECKING:
    from readiness.scoring import Finding, ScoreResult
    from readiness.surge.results import SurgeResult

POLICY_LABELS = {
    "never": "Add nothing",
    "cautious": "Cautious: overtime, partners and extra deliveries at once; equipment, space and hires "
    "only once demand has stayed up for two weeks",
    "aggressive": "Aggressive: everything the day a step falls short",
}
OUTCOME_LABELS = {"copes": "copes", "strained": "strained", "breaks": "runs out of cash"}
#: An outcome that 'copes' while cash is still falling at the run's end (a lost contract): "copes" in a
#: table beside "Cash runs out: after the run, around day 438" read as a contradiction (a browser pass).
FALLING_LABEL = "cash still falling"


def outcome_label(outcome: str, falling: bool) -> str:
    """The outcome as a table says it: "cash still falling" rather than "copes" when cash is."""
    return FALLING_LABEL if outcome == "copes" and falling else OUTCOME_LABELS[outcome]


def _fix_falling(f: Fix, analysis: Analysis) -> bool:
    """Whether a what-if row's cash is still falling when its run ends: its low point is its last day and it
    ends below where it started. A row keeps only its figures, not its cash day by day, so this is read from
    them; for the run itself :func:`still_falling` reads the days."""
    start = analysis.result.summary.cash_start
    return f.crunch_day is None and f.cash_end <= f.cash_low + 0.5 and f.cash_end < start - 0.5


#: How the verdict is to be shown: "good" only for an all-clear; "neutral" for a run that loses nothing but
#: says what customers go through (a page draws it as a plain note, neither green nor a warning).
Tone = Literal["good", "neutral", "warning", "bad"]


def verdict_lines(analysis: Analysis) -> list[str]:
    """At most three short lines: what happens, what breaks first and what to fix, what it rests on.

    A run that ends before the change's first orders fall due gets one line saying it was not
    tested, never a verdict: "copes" over days in which nothing happened would be a false all-clear.
    """
    if analysis.untested is not None:
        return [untested_line(analysis)]
    lines = [_shortfall_line(analysis) if analysis.shortfall else _outcome_line(analysis)]
    second = _savings_line(analysis) if analysis.shortfall else _break_line(analysis)
    if second:
        lines.append(second)
    lines.append(assumptions_line(analysis))
    return lines


def verdict_tone(analysis: Analysis) -> Tone:
    """How the verdict reads as a whole, for the box a page puts it in; decided here, beside the words.

    ``bad``: cash runs out. ``warning``: orders lost, stock nobody ordered, a queue not back to normal,
    cash still falling when the run ends (a lost contract that 'copes' for 180 days and closes the business
    in the ninth month), or a run that could not test the change at all. ``neutral``: nothing lost, but
    customers wait longer than usual, which the first line names ("The waiting list grows to 33 days",
    "customers wait up to 12 days"): a cost to the customers, not an all-clear. ``good``: nothing lost and
    no wait growing, a standing waiting list included (what it is, the words say).
    """
    s = analysis.result.summary
    if analysis.untested is not None:
        return "warning"
    if s.outcome == "breaks":
        return "bad"
    if s.outcome == "strained" or still_falling(analysis.result) is not None:
        return "warning"
    if not analysis.shortfall and s.peak_wait > s.normal_wait:  # the case _outcome_line names the wait in
        return "neutral"
    return "good"


def untested_line(analysis: Analysis) -> str:
    """Why a run says nothing about its scenario: the change starts, or its orders fall due, after its last day."""
    result = analysis.result
    scenario, horizon = result.scenario, result.horizon
    change = {"surge": "surge", "shortfall": "shortfall"}.get(scenario.direction, "change")
    if scenario.start_day > horizon:
        when = f"the {change} starts on day {scenario.start_day}"
    else:
        wait = days(result.inputs.waiting_list_days)
        when = f"with your usual wait of {wait}, the {change}'s first orders fall due on day {result.due_day}"
    return f"Not tested: {when}, after the run's last day (day {horizon}); nothing here says how it would go."


def horizon_line(result: SurgeResult) -> str | None:
    """Why a run lasts longer than six months, in words (None: it lasts the usual six months)."""
    if result.horizon <= DEFAULT_HORIZON or result.untested:
        return None
    scenario, wait = result.scenario, result.inputs.waiting_list_days
    change = {"surge": "surge", "shortfall": "shortfall"}.get(scenario.direction, "change")
    why = [f"the {change} starts on day {scenario.start_day}"] if scenario.start_day > 1 else []
    if wait:
        whose = "its" if why else f"the {change}'s"
        why.append(f"with your usual wait of {days(wait)}, {whose} first orders fall due on day {result.due_day}")
    said = " and, ".join(why)
    span = change_span(scenario)
    if span + AFTERMATH_DAYS > DEFAULT_HORIZON:  # the change alone outlasts six months: say so, or no reason shows
        lasts = f"{'it' if why else f'the {change}'} lasts {days(span)}, and the run follows it {days(AFTERMATH_DAYS)}"
        said = f"{said}; {lasts} past its end" if said else f"{lasts} past its end"
    return f"The model runs {result.horizon} days here, not the usual {DEFAULT_HORIZON}: {said}."


def standing_queue(result: SurgeResult) -> str:
    """The usual waiting list as the charts draw it: "840 orders always waiting" (or "on a normal day"
    when the run dips below it)."""
    s = result.summary
    always = float(min(result.backlog, default=0.0)) >= s.normal_waiting - 0.5
    return f"{count(s.normal_waiting)} orders {'always waiting' if always else 'waiting on a normal day'}"


def _outcome_line(analysis: Analysis) -> str:
    s, cur = analysis.result.summary, analysis.currency
    if s.crunch_day is not None:
        if s.lost_share < 0.05:
            return f"Survives in orders ({pct(s.lost_share)} lost) but runs out of cash on day {s.crunch_day}."
        lost = f"Loses {orders(s.lost)} of {orders(s.orders_in)} orders ({pct(s.lost_share)})"
        return f"{lost} and runs out of cash on day {s.crunch_day}."
    if s.normal_wait and s.peak_wait > s.normal_wait:
        lost = f"loses {orders(s.lost)} of {orders(s.orders_in)} orders ({pct(s.lost_share)})" if s.lost >= 0.5 else ""
        lost = lost or "loses no orders"
        return f"The waiting list grows to {days(s.peak_wait)} (usually {days(s.normal_wait)}); {lost}; cash holds."
    if s.normal_wait:
        # Nothing waits longer than usual, but the usual is a queue the charts draw on every day: say
        # it, never "every order is delivered on time" beside 840 orders waiting 280 days.
        queue = standing_queue(analysis.result)
        if s.lost >= 0.5:
            return (
                f"Loses {orders(s.lost)} of {orders(s.orders_in)} orders ({pct(s.lost_share)}), "
                f"{money(s.revenue_lost, cur)} of sales; the rest wait no longer than the usual {days(s.normal_wait)} "
                f"({queue}); cash holds."
            )
        return f"No order is lost or waits longer than usual, but usual is {days(s.normal_wait)} ({queue}); cash holds."
    if s.lost >= 0.5:
        return (
            f"Loses {orders(s.lost)} of {orders(s.orders_in)} orders ({pct(s.lost_share)}), "
            f"{money(s.revenue_lost, cur)} of sales; cash holds."
        )
    if s.peak_wait > s.normal_wait:
        usual = f" (usually {days(s.normal_wait)})" if s.normal_wait else ""
        return f"Loses no orders, but customers wait up to {days(s.peak_wait)}{usual}; cash holds."
    return "Copes: every order is delivered on time and cash holds."


def _names(breaks: Sequence[Break]) -> str:
    names = [RESOURCES[b.step].name for b in breaks]
    return capital(join(names))


def first_short(s: SurgeSummary) -> tuple[str, str | None]:
    """What "First to run short" shows, and its help: the first step, or the queue when orders are lost
    with no step short (customers who will not wait longer than usual); "Nothing" only when nothing is lost."""
    first = next((b for b in s.breaks if b.step != "cash"), None)
    if first is not None:
        return RESOURCES[first.step].short, f"{first.label}, on day {first.day}"
    if s.lost >= 0.5:
        return "The queue", queue_cause(s)
    return "Nothing", None


def queue_cause(s: SurgeSummary) -> str:
    """Orders lost with no step short: the customers' patience with the queue is what binds."""
    usual = f"the usual {days(s.normal_wait)}" if s.normal_wait else "the usual time"
    return f"Customers who will not wait longer than {usual} walk away: the queue, not a step, is what is short."


def _break_line(analysis: Analysis) -> str:
    s = analysis.result.summary
    steps = [b for b in s.breaks if b.step != "cash"]
    if not steps:
        # Never "nothing runs short" beside lost orders: say what loses them.
        return queue_cause(s) if s.lost >= 0.5 and s.lost_website < 0.5 else ""
    day = steps[0].day
    first = [b for b in steps if b.day == day]
    # a step named by a plural ("your people's hours", "materials") takes "run", as two steps do
    verb = "runs" if len(first) == 1 and not _names(first).endswith(("hours", "materials", "Materials")) else "run"
    # With a waiting list the extra work reaches production only when it falls due; a website turns
    # orders away the day they come, so its day is the event's, not the due day.
    due = ", when the extra work comes due" if s.normal_wait and day > 1 and day >= analysis.result.due_day else ""
    line = f"{_names(first)} {verb} short on day {day}{due}."
    if s.lost < 0.5 and s.peak_wait <= s.normal_wait:
        # A step short beside "no order is lost" read as a contradiction (a browser pass, behind a 365-day
        # queue): the shortage is real but costs no order and no wait, and the line says so.
        line += " It costs no order and no longer wait."
    fix = analysis.fix_first
    if fix is not None:
        gain = f"saves {orders(fix.saved)} orders" if fix.saved >= 0.5 else "avoids running out of cash"
        line += f" Fix first: {fix.label.lower()} ({gain})."
    return line


def stock_words(s: SurgeSummary) -> float:
    """Orders' worth of stock nobody ordered: dead, written off, or above the usual level at the end."""
    return s.dead_end + s.written_off + s.excess_end


def _shortfall_line(analysis: Analysis) -> str:
    s, cur, horizon = analysis.result.summary, analysis.currency, analysis.result.horizon
    cash = (
        f"cash runs out on day {s.crunch_day}"
        if s.crunch_day is not None
        else f"cash low point {money(s.cash_low, cur)}"
    )
    falling = still_falling(analysis.result)
    if falling is not None:  # "low point" alone would read as a floor reached; it is only where the run stopped
        per_week, out_day = falling
        cash = (
            f"cash is still falling when the run ends (about {money(per_week, cur)} a week): at this rate it "
            f"{runs_out_words(out_day, horizon)}"
        )
    built = stock_words(s)
    if built >= 0.5:
        return (
            f"Builds {count(built)} orders' worth of stock nobody ordered by day {horizon} "
            f"({money(built * s.unit_cost, cur)} at cost); {cash}."
        )
    if not has_goods(analysis.result.inputs.kind):  # no stock is modelled: "No stock piles up" says nothing
        return f"{capital(cash)}."
    return f"No stock piles up; {cash}."


def still_falling(result: SurgeResult, weeks: int = 4) -> tuple[float, int] | None:
    """(cash lost a week, the day it would run out at that rate) when cash has not run out yet but is
    still falling at the end of the run, at its low point; ``None`` otherwise. A lost contract that
    drains cash slowly 'copes' for 180 days and still closes the business in the ninth month."""
    cash = [float(c) for c in result.cash]
    span = min(7 * weeks, len(cash) - 1)
    if span < 7 or result.summary.crunch_day is not None or cash[-1] <= 0:
        return None
    per_day = (cash[-1 - span] - cash[-1]) / span
    if per_day <= 0 or cash[-1] > min(cash) + 1e-6:
        return None
    return per_day * 7, len(cash) + int(cash[-1] / per_day) + 1


#: How far past the run a slow fall in cash is still projected to a day.
YEAR_AFTER = 365


def cash_runs_out(analysis: Analysis, brief: bool = False) -> str:
    """When the cash runs out, as the figures table says it ("after the run: around day 438 at this rate");
    ``brief`` without "after the run:", for a page's card, where the words past a dozen characters are cut."""
    s, horizon = analysis.result.summary, analysis.result.horizon
    falling = still_falling(analysis.result)
    if falling is None:  # "never" only when cash is not still falling at the run's end
        return "never" if s.crunch_day is None else f"day {s.crunch_day}"
    if falling[1] - horizon > YEAR_AFTER:
        return "not within a year of the run's end"
    return f"around day {falling[1]} at this rate" if brief else f"after the run: around day {falling[1]} at this rate"


def runs_out_words(out_day: int, horizon: int) -> str:
    """When a slow fall in cash would empty it, as a day only while that is within a year of the run's end:
    a browser pass read "runs out around day 4401" (twelve years ahead) as the model's forecast."""
    if out_day - horizon <= YEAR_AFTER:
        return f"runs out around day {out_day}"
    return "lasts more than a year after the run ends"


def _savings_line(analysis: Analysis) -> str:
    s, cur = analysis.result.summary, analysis.currency
    if stock_words(s) < 0.5:
        return ""
    parts = []
    for fix in analysis.fixes:
        if fix.key in ("discipline", "batches"):
            if fix.saved * s.unit_cost >= 0.5:
                parts.append(f"{fix.label.lower()} would avoid {money(fix.saved * s.unit_cost, cur)} of it")
            else:
                parts.append(f"{fix.label.lower()} would not help")
    return capital("; ".join(parts)) + "." if parts else ""


def assumption_value(a: Assumption | Sensitivity, currency: str) -> str:
    """A named input as a person says it: "70% of customers", "$18 per order", "3 days"."""
    value = a.value
    if value is None:
        return "not applicable"
    knob = KNOBS[a.name]
    if knob.unit.startswith("{money}"):
        return money(value, currency) + knob.unit.removeprefix("{money}")
    unit = knob_unit(knob, currency_unit(currency))
    return f"{plain_number(value)}{unit}" if unit.startswith("%") else f"{plain_number(value)} {unit}"


def assumptions_line(analysis: Analysis) -> str:
    flagged = analysis.flagged
    if not analysis.assumptions:
        return "Inputs given in full; no assumptions."
    if not flagged:
        return "Every input comes from your answers."
    n = len(flagged)
    head = f"Rests on {n} assumption{'s' if n != 1 else ''}"
    top = analysis.most_sensitive
    if top is None:
        return head + ", none of which changes the result much."
    what = f"{top.label.lower()} ({assumption_value(top, analysis.currency)} assumed)"
    if len(set(top.outcomes)) > 1 or top.outcomes[0] != analysis.result.summary.outcome:
        effect = "it could change the outcome"
    elif top.by_cash:
        low, high = sorted(top.cash_low)
        effect = f"cash low point {money(low, analysis.currency)} to {money(high, analysis.currency)}"
    elif analysis.shortfall:
        low, high = sorted(top.stock)
        effect = f"stock nobody ordered {count(low)} to {count(high)} orders' worth"
    else:
        low, high = sorted(top.lost)
        effect = f"orders lost {count(low)} to {count(high)}"
    return f"{head}; most sensitive: {what}: {effect}."


# --- the one-page report --------------------------------------------------------------


def markdown(analysis: Analysis, title: str = "") -> str:
    """A readable one-page report of a run: the verdict, the tables behind it, the assumptions. ``title`` (the
    business's name, as typed) is escaped: it shows as written, never as a link or markup."""
    result, s, cur = analysis.result, analysis.result.summary, analysis.currency
    heading = analysis.scenario.heading()
    lines = [f"# {md_text(title) if title else heading}", ""]
    if title:
        lines += [f"**{heading}**", ""]
    lines += [f"*{capital(analysis.scenario.describe())}.* Money in {cur}; {result.horizon} days.", ""]
    longer = horizon_line(result)
    if longer:
        lines += [longer, ""]
    lines += [f"- {line}" for line in analysis.verdict()]
    flagged = analysis.flagged
    if flagged:
        names = ", ".join(a.label.lower() for a in flagged)
        lines += ["", f"> ⚑ Assumed, not answered ({len(flagged)}): {names}. See *Inputs* below."]
    lines += ["", "## In numbers", "", "| | |", "|---|---:|"]
    lines += [f"| {k} | {v} |" for k, v in numbers(analysis)]
    if s.breaks:
        lines += [
            "",
            "## What runs short",
            "",
            "| Step | From day | Orders lost to it | See findings in |",
            "|---|---:|---:|---|",
        ]
        for b in s.breaks:
            lost = "–" if b.step == "cash" else count(b.lost)
            lines.append(f"| {b.label} | {b.day} | {lost} | {b.dimension} |")
    if analysis.fixes:
        lines += ["", "## What if", ""]
        lines += what_if_table(analysis, markdown=True)
    lines += ["", "## Expansion policies", ""]
    lines += [f"- {POLICY_SHORT[k]}: {POLICY_LABELS[k].split(': ', 1)[-1]}." for k in POLICY_LABELS if k != "never"]
    lines += [""]
    lines += policy_table(analysis, markdown=True)
    for line in expansion_lines(analysis):
        lines.append(f"- {line}")
    if analysis.sensitivity:
        lines += ["", "## How much the assumptions matter", ""]
        lines += sensitivity_table(analysis, markdown=True)
    if analysis.assumptions:
        lines += ["", "## Inputs", "", "| Input | Value | Source |", "|---|---:|---|"]
        for a in analysis.assumptions:
            if not a.applies:
                continue
            flag = "⚑ " if a.flagged else ""
            lines.append(f"| {flag}{a.label} | {assumption_value(a, cur)} | {a.note or a.source} |")
    return "\n".join(lines) + "\n"


def numbers(analysis: Analysis) -> list[tuple[str, str]]:
    """The headline figures as (label, value) rows, in the words' own formats."""
    s, cur, horizon = analysis.result.summary, analysis.currency, analysis.result.horizon
    rows = [
        ("Outcome", outcome_label(s.outcome, still_falling(analysis.result) is not None)),
        ("Orders in", orders(s.orders_in)),
        ("Delivered", count(s.delivered)),
        ("Orders lost", f"{orders(s.lost)} ({pct(s.lost_share)})"),
    ]
    if s.lost_website >= 0.5:
        rows.append(("– turned away by the website", orders(s.lost_website)))
    if s.lost_leaving >= 0.5:
        rows.append(("– went elsewhere rather than wait", orders(s.lost_leaving)))
    if s.lost_patience >= 0.5:
        rows.append(("– cancelled after waiting too long", orders(s.lost_patience)))
    rows.append(("Sales lost", money(s.revenue_lost, cur)))
    wait = days(s.peak_wait) + (f" (usually {days(s.normal_wait)})" if s.normal_wait else "")
    rows.append(("Longest wait", wait))
    if s.normal_wait:
        rows.append(("Orders waiting on a normal day", count(s.normal_waiting)))
    rows.append(("Cash at the start", money(s.cash_start, cur)))
    when = "at the start" if s.cash_low_day == 0 else f"day {s.cash_low_day}"
    rows.append(("Cash low point", f"{money(s.cash_low, cur)} ({when})"))
    rows.append((f"Cash on day {horizon}", money(s.cash_end, cur)))
    rows.append(("Cash runs out", cash_runs_out(analysis)))
    falling = still_falling(analysis.result)
    if falling is not None:
        rows.append(("Cash still falling at the end", f"{money(falling[0], cur)} a week"))
    if s.expansion_cost > 0.5:
        rows.append(("Spent on added capacity", money(s.expansion_cost, cur)))
    if s.committed_after > 0.5:
        rows.append((f"Still committed after day {horizon}", money(s.committed_after, cur)))
    if analysis.result.inputs.goods:
        built = stock_words(s)
        rows.append(
            ("Stock nobody ordered", f"{count(built)} orders' worth ({money(built * s.unit_cost, cur)} at cost)")
        )
        rows.append(("Written off (past its shelf life)", money(s.written_off_value, cur)))
    back = "not within the run" if s.recovery_day is None else f"day {s.recovery_day}"
    rows.append(("Back to normal", back))
    return rows


def what_if_table(analysis: Analysis, markdown: bool = False) -> list[str] | list[dict[str, str]]:
    """The what-if rows as a table (markdown lines, or dicts for a page), best first."""
    s, cur = analysis.result.summary, analysis.currency
    rows: list[dict[str, str]] = [
        {
            "Change": "As it is",
            "Outcome": outcome_label(s.outcome, still_falling(analysis.result) is not None),
            **(
                {
                    "Stock nobody ordered": count(stock_words(s)),
                    "Saved": "–",
                    "Cash on the last day": money(s.cash_end, cur),
                }
                if analysis.shortfall
                else {"Orders lost": orders(s.lost), "Saved": "–", "Cash low point": money(s.cash_low, cur)}
            ),
        }
    ]
    for f in analysis.fixes:
        rows.append(_fix_row(f, analysis))
    if analysis.shortfall and not has_goods(analysis.result.inputs.kind):
        # No stock is modelled: its column is all zeros and a change to forecasts or batches moves nothing
        # (a browser pass read "Stock nobody ordered: 0" on a physiotherapy clinic's lost contract).
        moved = {rows[0]["Cash on the last day"]}
        rows = [
            {k: v for k, v in r.items() if k in ("Change", "Outcome", "Cash on the last day")}
            for n, r in enumerate(rows)
            if n == 0 or r["Cash on the last day"] not in moved
        ]
    if not markdown:
        return rows
    header = list(rows[0])
    out = ["| " + " | ".join(header) + " |", "|---|---|" + "---:|" * (len(header) - 2)]
    out += ["| " + " | ".join(r[h] for h in header) + " |" for r in rows]
    return out


def _fix_row(f: Fix, analysis: Analysis) -> dict[str, str]:
    cur = analysis.currency
    if analysis.shortfall:
        return {
            "Change": f.label,
            "Outcome": outcome_label(f.outcome, _fix_falling(f, analysis)),
            "Stock nobody ordered": count(f.stock_nobody_ordered),
            "Saved": count(f.saved),
            "Cash on the last day": money(f.cash_end, cur),
        }
    return {
        "Change": f.label,
        "Outcome": outcome_label(f.outcome, _fix_falling(f, analysis)),
        "Orders lost": orders(f.lost),
        "Saved": orders(f.saved),
        "Cash low point": money(f.cash_low, cur),
    }


POLICY_SHORT = {"never": "Add nothing", "cautious": "Cautious", "aggressive": "Aggressive"}


def policy_table(analysis: Analysis, markdown: bool = False) -> list[str] | list[dict[str, str]]:
    """Never, cautious and aggressive expansion side by side (one column each, so it fits a phone)."""
    cur, horizon = analysis.currency, analysis.result.horizon
    measures: list[tuple[str, str]] = [
        ("Orders lost", "lost"),
        ("Cash low point", "cash_low"),
        (f"Cash on day {horizon}", "cash_end"),
        ("Spent on added capacity", "expansion_cost"),
        ("Of it while idle", "idle_cost"),
        (f"Owed after day {horizon}", "committed_after"),
    ]
    rows = []
    for label, field in measures:
        row = {"": label}
        for policy, run in analysis.policies.items():
            value = getattr(run.summary, field)
            row[POLICY_SHORT[policy]] = count(value) if field == "lost" else money(value, cur)
        rows.append(row)
    if not markdown:
        return rows
    header = list(rows[0])
    out = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    out += ["| " + " | ".join(r[h] for h in header) + " |" for r in rows]
    return out


def sensitivity_table(analysis: Analysis, markdown: bool = False) -> list[str] | list[dict[str, str]]:
    """Each assumed input at its low and high value: what the run's own figures do."""
    cur = analysis.currency
    measure = "Stock nobody ordered" if analysis.shortfall else "Orders lost"
    # a shortfall where no stock is modelled moves only cash: no column of stock zeros (a browser pass)
    stockless = analysis.shortfall and not has_goods(analysis.result.inputs.kind)
    rows = []
    for x in analysis.sensitivity:
        pair = x.stock if analysis.shortfall else x.lost
        shown = count if analysis.shortfall else orders
        rows.append(
            {
                "Assumed input": x.label,
                "Assumed": assumption_value(x, cur),
                "Tried": f"{x.low:g} / {x.high:g}",
                **({} if stockless else {measure: f"{shown(pair[0])} / {shown(pair[1])}"}),
                "Cash low point": f"{money(x.cash_low[0], cur)} / {money(x.cash_low[1], cur)}",
                "Effect": sensitivity_effect(x, analysis),
            }
        )
    if not markdown or not rows:
        return rows
    header = list(rows[0])
    out = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    out += ["| " + " | ".join(r[h] for h in header) + " |" for r in rows]
    return out


def sensitivity_effect(x: Sensitivity, analysis: Analysis) -> str:
    """What trying an assumption at its low and high value moved, in the table's own formats.

    Identical rows would otherwise look like a broken table: when neither the orders (or stock)
    nor the cash low point moves as they are written, the row says "no effect in this run".
    """
    cur, s = analysis.currency, analysis.result.summary
    if len(set(x.outcomes)) > 1 or x.outcomes[0] != s.outcome:
        return "changes the outcome"
    if analysis.shortfall:
        pair, base = x.stock, stock_words(s)
    else:
        pair, base = x.lost, s.lost
    orders = len({count(pair[0]), count(pair[1]), count(base)}) > 1
    cash = len({money(x.cash_low[0], cur), money(x.cash_low[1], cur), money(s.cash_low, cur)}) > 1
    what = "stock" if analysis.shortfall else "orders lost"
    if orders and cash:
        return f"moves {what} and cash"
    if orders:
        return f"moves {what}"
    if cash:
        return "moves cash only"
    return "no effect in this run"


def expansion_lines(analysis: Analysis) -> list[str]:
    """What each policy added, when it worked, and what came after the rush (cost included)."""
    out = []
    cur = analysis.currency
    for policy, run in analysis.policies.items():
        s = run.summary
        over = s.recovery_day
        for e in s.expansions:
            if e.cost < 0.5 and e.ready_day is not None and e.lever in ("overtime", "partner", "extra_supply"):
                continue  # ordered, never used: nothing to say
            when = "never within the run" if e.ready_day is None else f"working on day {e.ready_day}"
            late = e.ready_day is not None and over is not None and e.ready_day >= over
            text = f"{capital(policy)}: {e.label.lower()} ordered on day {e.ordered_day}, {when}"
            if late:
                text += ", after the rush is over"
            text += f"; costs {money(e.cost, cur)}"
            if e.committed_after > 0.5:
                text += f" and {money(e.committed_after, cur)} more after day {run.horizon}"
            out.append(text + ".")
    return out


def late_expansions(analysis: Analysis, policy: str = "aggressive") -> list[str]:
    """Levers a policy ordered that only worked after everything was back to normal."""
    run = analysis.policies.get(policy)
    if run is None:
        return []
    over = run.summary.recovery_day
    return [
        e.step
        for e in run.summary.expansions
        if over is not None and (e.ready_day is None or e.ready_day >= over) and e.lever in ("expand", "service_help")
    ]


# --- findings --------------------------------------------------------------------------


def related_findings(result: ScoreResult, step: str, limit: int | None = 3) -> list[Finding]:
    """The assessment's findings for the part of the business a step belongs to."""
    if step not in RESOURCES:
        raise SurgeInputError(f"unknown step {step!r}; one of: {', '.join(RESOURCES)}")
    resource = RESOURCES[step]
    area_of = {q.id: f"{q.dimension}.{q.area}" for q in result.questions if q.area}
    areas = resource.areas
    found = sorted(
        (f for f in result.findings if area_of.get(f.question_id) in areas),
        key=lambda f: (areas.index(area_of[f.question_id]), -f.priority),
    )
    if not found and not any(a in areas for a in area_of.values()):  # a questionnaire without these areas
        dims = resource.dimensions
        found = sorted(
            (f for f in result.findings if f.dimension in dims), key=lambda f: (dims.index(f.dimension), -f.priority)
        )
    return found if limit is None else found[:limit]


def dimension_title(questionnaire: Questionnaire, step: str, lang: str = "en") -> str:
    """The questionnaire's name for the dimension a step links to (falls back to its id)."""
    dim = RESOURCES[step].dimensions[0]
    known = {d.id: d for d in questionnaire.dimensions}
    return tr(known[dim].title, lang) if dim in known else dim
