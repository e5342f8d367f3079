"""Surge test: if orders jump or fall short, what breaks first, when, and what does it cost?"""

from __future__ import annotations

import streamlit as st

from readiness import charts, currency, surge
from readiness.errors import ReadinessError
from readiness.figures import plain_number
from readiness.markup import md_literal, name_slug
from readiness.surge import charts as surge_charts
from readiness.surge.formatting import count, money, orders
from readiness.surge.scenarios import FOR_GOOD, PREBUILD_MOST
from readiness.surge.words import (
    cash_runs_out,
    expansion_lines,
    first_short,
    horizon_line,
    numbers,
    policy_table,
    sensitivity_table,
    stock_words,
    what_if_table,
)
from ui import faults, resources, scores, session, shell, survival


def stock_built_before(owner: str) -> tuple[float, str | None]:
    """The days of stock built beforehand to run with, and why a typed value was refused (then the last value
    that ran is kept, as the form keeps its last inputs)."""
    typed = st.session_state.get(f"surge_prebuild_{owner}", 0.0)
    kept_key = f"surge_prebuild_kept_{owner}"
    if typed is not None and 0 <= typed <= PREBUILD_MOST:
        st.session_state[kept_key] = float(typed)
        return float(typed), None
    kept = st.session_state.get(kept_key, 0.0)
    shown = "nothing" if typed is None else plain_number(typed, typographic=False)
    return kept, (
        f"Stock built beforehand: from 0 to {PREBUILD_MOST} days of sales, not {shown}. "
        f"The test runs with the last value that ran ({plain_number(kept)} days)."
    )


shell.app_shell()

cur = session.current(required=False)
shell.sidebar(cur)
st.title("Surge test")
st.write(
    "What happens if orders suddenly jump, or fall short of the forecast? The model runs your business day by "
    "day for six months (longer when your event or your waiting list needs it) and tells you what breaks first, "
    "when, what it costs in orders and cash, and which fix helps most."
)

owner = cur.assessment.id[:10] if cur else "none"
if cur is not None:
    answers = session.answers_of(cur.assessment)
    base = surge.setup_from_answers(cur.questionnaire, answers, cur.assessment.business_kind)
    money_code = cur.assessment.currency
else:
    answers = {}
    base = surge.setup_from_values({})
    money_code = st.session_state.get("surge_currency", currency.DEFAULT_CURRENCY)
    st.info(
        "No assessment is open, so every input is an assumption. Open or start an assessment to prefill "
        "them from your answers.",
        icon=":material/info:",
    )

# --- the scenario ------------------------------------------------------------------------
event = surge.known_event(base.values(), base.event_kind)
scenarios = {surge.KNOWN_EVENT: event} if event is not None else {}
scenarios.update(surge.presets_for(base.kind))
if st.session_state.get("surge_preset") not in scenarios:  # a stock preset chosen for a business that had goods
    st.session_state.pop("surge_preset", None)
preset = st.selectbox("Scenario", list(scenarios), format_func=lambda k: scenarios[k].label, key="surge_preset")
chosen = scenarios[preset]
st.caption(chosen.description)
size_col, days_col = st.columns(2)
multiplier = size_col.slider(
    "Size (× normal orders)",
    0.1,
    30.0,
    float(chosen.multiplier),
    0.1,
    format="%.1f",
    key=f"surge_multiplier_{preset}",
)
days = days_col.slider("Length (days)", 1, 365, int(min(365, chosen.days)), key=f"surge_days_{preset}")
if chosen.days >= FOR_GOOD and days == 365:
    days = chosen.days  # the slider's end stands for the preset's "for good", not for exactly a year
padding = None
if preset == "padded_forecast":
    padding = st.slider("Forecast padded by (%)", 0, 200, int(chosen.padding), 5, key="surge_padding")
policy = st.radio(
    "When a step falls short",
    list(surge.POLICIES),
    index=1,
    format_func={"never": "Add nothing", "cautious": "Cautious", "aggressive": "Aggressive"}.get,
    horizontal=True,
    key="surge_policy",
    help="Cautious: overtime, partners and extra deliveries at once; equipment, space and hires only once "
    "demand has stayed up for two weeks. Aggressive: everything the day a step falls short.",
)

edits_key = f"surge_edits_{owner}"
edits: dict[str, float | None] = st.session_state.setdefault(edits_key, {})
kind_key = f"surge_kind_{owner}"
try:
    setup = base.edit(edits, kind=st.session_state.get(kind_key))
    prebuild, prebuild_refused = stock_built_before(owner) if setup.inputs().goods else (0.0, None)
    scenario = surge.resized(chosen, multiplier, days, padding, prebuild)
    with st.spinner("Running your business day by day…"):
        analysis = survival.analysis(
            setup, survival.setup_key(setup), scenario.model_dump_json(), policy, money_code, 2.0
        )
except ReadinessError as exc:
    # Edits are checked before they are kept (below), so this is a setup the answers themselves cannot run: say
    # so with the way back, never a page with no form left to correct it (an exploratory browser pass).
    st.error(f"These inputs cannot be simulated: {exc.plain}", icon=":material/error:")
    if edits and st.button("Back to the prefilled inputs", key="surge_reset_failed", type="primary"):
        edits.clear()
        st.session_state.pop(kind_key, None)
        st.rerun()
    st.stop()

result, s = analysis.result, analysis.result.summary

# --- the verdict -------------------------------------------------------------------------------
st.subheader(scenario.heading())
st.caption(f"{scenario.describe()[:1].upper()}{scenario.describe()[1:]}.")
longer = horizon_line(result)
if longer:
    st.caption(longer)
# The engine says how the verdict reads (words.verdict_tone); the page only picks the box for it.
box = {"good": st.success, "neutral": st.info, "warning": st.warning, "bad": st.error}[analysis.tone()]
box("  \n".join(analysis.verdict()))
if analysis.flagged:
    st.caption(
        f"⚑ {len(analysis.flagged)} inputs are assumptions, not answers: they are marked ⚑ under "
        "*Inputs and assumptions* below, and the table *How much the assumptions matter* shows what each one moves."
    )

a, b, c, d = st.columns(4)
if analysis.shortfall and not surge.has_goods(analysis.result.inputs.kind):
    # no stock is modelled: "Stock nobody ordered 0" on a care home's lost contract said nothing (a browser pass)
    figures = dict(numbers(analysis))
    a.metric("Orders in", figures["Orders in"], help="The orders that still come, over the whole run.")
    b.metric("Cash on the last day", money(s.cash_end, money_code))
    c.metric("Cash runs out", cash_runs_out(analysis, brief=True))
elif analysis.shortfall:
    built = stock_words(s)
    a.metric("Stock nobody ordered", f"{count(built)}", help="Orders' worth: dead, written off, or above normal.")
    b.metric("At cost", money(built * s.unit_cost, money_code))
    c.metric("Written off", money(s.written_off_value, money_code))
else:
    a.metric("Orders lost", orders(s.lost), help="Turned away, gone elsewhere, or cancelled after waiting.")
    b.metric("Sales lost", money(s.revenue_lost, money_code))
    short, short_help = first_short(s)
    c.metric("First to run short", short, help=short_help)
low_day = "at the start" if s.cash_low_day == 0 else f"on day {s.cash_low_day}"
d.metric("Cash low point", money(s.cash_low, money_code), help=f"The lowest cash, {low_day}.")

# The charts' days: around the event (a short spike on six months was a sliver), or the whole run if asked.
# One container whether or not there is a window to say, so the charts keep their place in the page when
# the scenario changes (moved elements were redrawn, and the old charts lingered on screen meanwhile).
window = surge_charts.window(result)
cropped = surge_charts.window_caption(result, window)
with st.container():
    if cropped and st.toggle(f"Show all {result.horizon} days", key="surge_whole_run"):
        window, cropped = (1, result.horizon), None
    if cropped:
        st.caption(cropped)
st.markdown("**Orders in and delivered**, a day")
st.vega_lite_chart(charts.spec(surge_charts.orders(result, window)), width="stretch", key="surge_orders")
left, right = st.columns(2)
left.markdown("**Orders waiting**")
left.vega_lite_chart(charts.spec(surge_charts.waiting(result, window)), width="stretch", key="surge_waiting")
right.markdown("**Longest wait**, in days")
right.vega_lite_chart(charts.spec(surge_charts.wait(result, window)), width="stretch", key="surge_wait")
left, right = st.columns(2)
left.markdown(f"**Cash**, in {money_code}")
left.vega_lite_chart(charts.spec(surge_charts.cash(result, money_code, window)), width="stretch", key="surge_cash")
if result.inputs.goods:
    right.markdown("**Stock**, in orders' worth")
    right.vega_lite_chart(charts.spec(surge_charts.stock(result, window)), width="stretch", key="surge_stock")

# --- what to fix -------------------------------------------------------------------------------
fix = analysis.fix_first
if fix is not None:
    st.subheader(f"Fix first: {md_literal(fix.label)}")
    if cur is not None and fix.step in surge.RESOURCES:
        findings = surge.related_findings(scores.cached_result(cur, cur.assessment.profile, answers), fix.step)
        if findings:
            title = surge.dimension_title(cur.questionnaire, fix.step).lower()
            st.caption(f"From your assessment, on {md_literal(title)}:")
            for finding in findings:  # questionnaire text, which an uploaded questionnaire makes anyone's
                advice = finding.recommendations[0].text if finding.recommendations else ""
                st.markdown(f"- **{md_literal(finding.text)}**" + (f"  \n  {md_literal(advice)}" if advice else ""))

st.subheader("What if?")
st.caption(
    "The same run with one thing changed, best first."
    if not analysis.shortfall or not surge.has_goods(analysis.result.inputs.kind)
    else "The same run with the forecast or the batches changed, best first. Saved: orders' worth of stock."
)
shell.phone_hint("The table is wider than a phone: swipe it sideways for what each change saves.")
st.table(what_if_table(analysis), hide_index=True)

st.subheader("Cautious or aggressive?")
st.table(policy_table(analysis), hide_index=True)
for line in expansion_lines(analysis):
    st.markdown(f"- {md_literal(line)}")

if scenario.direction == "surge":
    st.subheader("Which surges do you survive?")
    st.caption("Each square is a surge of that size and length; ◆ marks this one.")
    sizes = (1.5, 2, 3, 4, 5, 7, 10, 15, 20, 30)
    lengths = (1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60)
    spec = survival.survival_spec(
        result.inputs.model_dump_json(), scenario.model_dump_json(), sizes, lengths, multiplier, days
    )
    st.vega_lite_chart(spec, width="stretch", key="surge_map")

with st.expander("In numbers", icon=":material/table:"):
    st.table([{"": k, "Value": v} for k, v in numbers(analysis)], hide_index=True)

if analysis.sensitivity:
    st.subheader("How much the assumptions matter")
    st.caption(
        "Each input you did not answer, at a low and a high value around the assumed one; *Effect* says what "
        'that moved ("no effect in this run": neither the orders nor the cash).'
    )
    shell.phone_hint("The table is wider than a phone: swipe it sideways for the cash and what each input moved.")
    st.table(sensitivity_table(analysis), hide_index=True)


# --- inputs ------------------------------------------------------------------------------------
def keep_currency(assessment_id: str, key: str) -> None:
    """Callback: keep the chosen currency with the assessment; a database fault is said, not raised."""
    try:
        resources.store().update_assessment(assessment_id, currency=st.session_state[key])
    except ReadinessError as exc:
        st.session_state["surge_currency_error"] = faults.message(exc)


# The label never changes: Streamlit rebuilds an expander whose label changed, closed, and an exploratory browser
# pass found the form folding shut under the user after a run that changed how many inputs are assumed.
with st.expander("Inputs and assumptions", icon=":material/tune:"):
    if analysis.flagged:
        st.caption(f"⚑ {len(analysis.flagged)} of the inputs below are assumed, not answered.")
    codes = list(dict.fromkeys([*currency.SYMBOLS, money_code]))
    if cur is not None:
        assessment_id = cur.assessment.id
        st.selectbox(
            "Currency",
            codes,
            index=codes.index(money_code),
            format_func=currency.label,
            key=f"surge_currency_{owner}",
            on_change=keep_currency,
            args=(assessment_id, f"surge_currency_{owner}"),
            help="Kept with the assessment; set when it was started on the home page.",
        )
    else:
        st.selectbox("Currency", codes, format_func=currency.label, key="surge_currency")
    if st.session_state.get("surge_currency_error"):
        st.error(st.session_state.pop("surge_currency_error"), icon=":material/error:")
    st.selectbox(
        "Kind of business",
        list(surge.KINDS),
        index=list(surge.KINDS).index(setup.kind),
        key=kind_key,
        help=f"From {setup.kind_note}." if setup.kind_note else None,
    )
    if result.inputs.goods:
        # No min or max on the field: the browser would refuse an out-of-range value only in a tooltip, and the
        # run would go on with a number the user no longer sees (the form's inputs are checked the same way).
        st.number_input("Stock built beforehand (days of sales)", value=0.0, step=1.0, key=f"surge_prebuild_{owner}")
        if prebuild_refused is not None:
            st.error(prebuild_refused, icon=":material/error:")
    with st.form("surge_inputs", border=False):
        columns = st.columns(2)
        values = {}
        shown = [x for x in setup.assumptions if x.applies]
        for index, item in enumerate(shown):
            knob = surge.KNOBS[item.name]
            flag = "⚑ " if item.flagged else ""
            unit = surge.knob_unit(knob, currency.unit(money_code))
            values[item.name] = columns[index % 2].number_input(
                f"{flag}{item.label} ({unit})",
                value=None if item.value is None else float(item.value),
                # No min or max here: Chromium refuses an out-of-range number in the field and the form then
                # submits nothing, saying why only in a tooltip (a browser pass); the model refuses it beside the
                # button instead, in words ("Gross margin is a percentage: at most 100, not 150").
                help=f"{knob.help} — {item.note or item.source}.",
                key=f"surge_knob_{item.name}",
            )
        refused_key = f"surge_refused_{owner}"
        if st.form_submit_button("Run with these inputs", type="primary"):
            before = {x.name: x.value for x in base.assumptions}
            wanted = {k: v for k, v in values.items() if v != before.get(k)}
            try:  # checked before it is kept: a value the model refuses leaves the last run and the form as they were
                base.edit(wanted, kind=st.session_state.get(kind_key)).inputs()
            except ReadinessError as exc:
                st.session_state[refused_key] = f"Not run: {exc.plain}. The last inputs are kept."
            else:
                st.session_state.pop(refused_key, None)
                edits.clear()
                edits.update(wanted)
                st.rerun()
        if st.session_state.get(refused_key):
            st.error(st.session_state[refused_key], icon=":material/error:")
    if st.button("Back to the prefilled inputs", key="surge_reset"):
        edits.clear()
        st.session_state.pop(kind_key, None)
        st.rerun()

name = cur.assessment.business_name if cur else "business"
st.download_button(
    "Download this surge report",
    data=surge.markdown(analysis, name if cur else ""),
    file_name=f"surge-{name_slug(name, 'business')}.md",
    mime="text/markdown",
    key="surge_download",
    icon=":material/download:",
    on_click="ignore",
)
