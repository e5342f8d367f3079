"""Surge test: if orders jump, what breaks first, when, and what does it cost?"""

from __future__ import annotations

import streamlit as st

from readiness import charts, surge
from readiness.errors import ReadinessError
from ui import scores, session, shell, survival

shell.app_shell()

cur = session.current(required=False)
shell.sidebar(cur)
st.title("Surge test")
st.write(
    "What happens if orders suddenly jump? Pick a scenario; the model runs your business day by day and "
    "tells you what breaks first, when, and how many orders and how much cash it costs."
)

if cur is not None:
    answers = session.answers_of(cur.assessment)
    base_inputs, base_assumptions = surge.inputs_from_answers(cur.questionnaire, answers)
    st.caption(
        f"Inputs prefilled from the assessment of {cur.assessment.business_name or 'this business'}; "
        "anything not answered is an assumption you can edit below."
    )
else:
    answers = {}
    base_inputs, base_assumptions = surge.inputs_from_values({})
    st.info(
        "No assessment is open, so every input is an assumption. Open or start an assessment to prefill "
        "them from your answers.",
        icon=":material/info:",
    )

presets = list(surge.PRESETS)
left, middle, right = st.columns([2, 1, 1])
preset = left.selectbox("Scenario", presets, format_func=lambda k: surge.PRESETS[k].label, key="surge_preset")
chosen = surge.PRESETS[preset]
st.caption(chosen.description)
multiplier = middle.slider(
    "Size (× normal orders)", 1.0, 30.0, float(chosen.multiplier), 0.5, key=f"surge_multiplier_{preset}"
)
days = right.slider("Length (days)", 1, 60, int(min(60, chosen.days)), key=f"surge_days_{preset}")

edits_key = f"surge_edits_{cur.assessment.id[:10] if cur else 'none'}"
edits: dict[str, float | None] = st.session_state.setdefault(edits_key, {})
with st.expander("Inputs and assumptions", icon=":material/tune:"):
    with st.form("surge_inputs", border=False):
        columns = st.columns(2)
        values = {}
        for index, item in enumerate(base_assumptions):
            knob = surge.KNOBS[item.name]
            shown = edits.get(item.name, item.value)
            origin = {"answer": "from your answers", "assumption": "assumption"}.get(item.source, item.source)
            values[item.name] = columns[index % 2].number_input(
                f"{item.label} ({item.unit})" if item.unit else item.label,
                value=None if shown is None else float(shown),
                help=f"{knob.help} — {origin}.",
                key=f"surge_knob_{item.name}",
            )
        if st.form_submit_button("Run with these inputs", type="primary"):
            edits.clear()
            edits.update(
                {k: v for k, v in values.items() if v != next(a.value for a in base_assumptions if a.name == k)}
            )
    if st.button("Back to the prefilled inputs", key="surge_reset"):
        edits.clear()
        st.rerun()

try:
    assumptions = surge.edit_assumptions(base_assumptions, edits)
    inputs = surge.inputs_from_assumptions(assumptions)
    scenario = surge.scenario_from_preset(preset, multiplier, days)
    result = surge.simulate(inputs, scenario)
except ReadinessError as exc:
    st.error(f"These inputs cannot be simulated: {exc}")
    st.stop()

s = result.summary
box = {"copes": st.success, "strained": st.warning, "breaks": st.error}[s.outcome]
box(result.verdict())
a, b, c, d = st.columns(4)
lost = s.lost_technology + s.lost_patience
a.metric("Orders lost", f"{lost:,.0f}", help="Turned away by the website, or cancelled after waiting too long.")
b.metric("Sales lost", f"{lost * s.price:,.0f}")
c.metric(
    "First to break",
    s.first_bind.label if s.first_bind else "nothing",
    help=f"on day {s.first_bind.day}" if s.first_bind else None,
)
d.metric("Cash low point", f"{s.cash_low:,.0f}", help=f"day {s.cash_low_day}")

st.vega_lite_chart(charts.spec(charts.surge_flow(result)), width="stretch", key="surge_flow")
x, y = st.columns(2)
x.vega_lite_chart(charts.spec(charts.surge_backlog(result)), width="stretch", key="surge_backlog")
y.vega_lite_chart(charts.spec(charts.surge_cash(result)), width="stretch", key="surge_cash")

if s.first_bind is not None and cur is not None:
    resource = s.first_bind.resource
    findings = surge.related_findings(scores.cached_result(cur, cur.assessment.profile, answers), resource)
    if findings:
        st.subheader(f"Fix first: {surge.dimension_title(cur.questionnaire, resource)}")
        for finding in findings:
            advice = finding.recommendations[0].text if finding.recommendations else ""
            st.markdown(f"- **{finding.text}** {advice}")

st.subheader("What if you raised one limit?")
factor = st.select_slider(
    "Raise one step's capacity by",
    [1.5, 2.0, 3.0, 5.0],
    value=2.0,
    format_func=lambda f: f"× {f:g}",
    key="surge_whatif_factor",
)
options = surge.what_if(inputs, scenario, factor)
rows = []
for key, run in options:
    after = run.summary.lost_technology + run.summary.lost_patience
    rows.append(
        {
            "Raise": surge.RESOURCES[key].label,
            "Orders lost": f"{after:,.0f}",
            "Saved": f"{lost - after:,.0f}",
            "Outcome": run.summary.outcome,
        }
    )
st.table(rows)
best_key, best_run = options[0]
best_lost = best_run.summary.lost_technology + best_run.summary.lost_patience
st.write(
    f"With {surge.RESOURCES[best_key].label.lower()} × {factor:g}: **{best_lost:,.0f} orders lost** "
    f"instead of {lost:,.0f}."
)
st.caption(best_run.verdict())

st.subheader("Which surges do you survive?")
grid_sizes = [1.5, 2, 3, 4, 5, 7, 10, 15, 20, 30]
grid_days = [1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60]
spec = survival.survival_spec(
    inputs.model_dump_json(), scenario.model_dump_json(), tuple(grid_sizes), tuple(grid_days), multiplier, days
)
st.vega_lite_chart(spec, width="stretch", key="surge_map")
