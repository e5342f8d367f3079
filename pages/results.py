"""Results: where the business stands, the balance, the charts, and what to fix first."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from readiness import charts, scale
from readiness.link_text import link_differs_text, link_shown, link_where, weakest_plain
from readiness.markup import md_literal
from readiness.model import tr
from readiness.summary import (
    cap_texts,
    deadline_text,
    decision_words,
    dimension_markdown,
    finding_markdown,
    no_findings_text,
    open_critical_text,
    placement_text,
    plan_markdown,
    pressure_note,
    workings,
)
from ui import downloads, faults, links, resources, scores, session, shell

shell.app_shell()

cur = session.current()
if cur is None:
    st.stop()
q, a, lang = cur.questionnaire, cur.assessment, cur.lang
db = resources.store()
answers = session.answers_of(a)
shell.sidebar(cur, answers)

st.title(f"Results · {md_literal(a.business_name) or 'Assessment'}", anchor=False)

profiles = [p.id for p in q.profiles]
profile_key = f"results_profile_{a.id[:10]}"
if profile_key not in st.session_state:
    st.session_state[profile_key] = a.profile if a.profile in profiles else q.profile().id
profile = st.selectbox(
    "Target profile",
    profiles,
    format_func=lambda pid: tr(q.profile(pid).title, lang),
    key=profile_key,
    help="What the business is getting ready for. Targets per dimension change; scores do not.",
)
if profile != a.profile:
    a = db.update_assessment(a.id, profile=profile)
    cur = session.Current(a, q, cur.key)
description = tr(q.profile(profile).description, lang)
if description:
    st.caption(description)

result = scores.cached_result(cur, profile, answers)
if result.completion < 1:
    st.warning(
        f"This assessment is {result.completion:.0%} complete. "
        + (
            # Only questions with no points left open (the season's date): saying they count as their worst
            # answer read as a contradiction beside scores with no range (a blind review).
            (
                "The question left open carries no points: it changes no score, and only sizes the advice, the "
                "plan's dates or the surge test."
                if result.left_open == 1
                else "The questions left open carry no points: they change no score, and only size the advice, "
                "the plan's dates or the surge test."
            )
            if not any(qs.status == "unanswered" and qs.weight > 0 for qs in result.questions)
            else "Unanswered questions count as their worst answer; the table of every dimension, and “How the "
            "verdict was reached”, show how far the open questions could move them."
            if result.policy.get("unanswered", "lowest") == "lowest"
            else "Unanswered questions are left out, as this questionnaire's scoring policy says."
        ),
        icon=":material/edit_note:",
    )
    if cur.key:
        st.page_link(
            links.PAGES["assess"], label="Continue answering", icon=":material/edit:", query_params={"a": cur.key}
        )

b = result.balance
named: str | None = None  # the caption naming where the weakest link's levers are, when the page shows one
sc = result.score_scale
if scale.has_demand(q):
    # As the reports say it: the verdict first, then the three figures a reader finds in the table; the figures
    # the balance weighs (its index, "counts as", "weighed as", the distance to the line) are under "How the
    # verdict was reached" below the charts, not in the headline (four blind reviews struck them from it).
    if b.quadrant:
        box = shell.zone_box(b.quadrant)
        placement = placement_text(result, with_distance=False)
        extra = f"  \n{placement}" if placement and b.quadrant != "not_placed" else ""
        box(f"**{b.label}.** {b.meaning}{extra}")
    else:  # nothing answered on one side yet: say why the weakest link and the balance show dashes
        st.info(
            "Not enough answers to place the business yet: the balance needs answers on both the demand side "
            "and the operations side.",
            icon=":material/help:",
        )
    left, weakest, middle = st.columns(3)
    left.metric(
        result.overall_label,
        scale.out_of(result.overall, sc, lang),
        border=True,
        help="The weighted average of the operations dimensions.",
    )
    weakest.metric(
        "Weakest link",
        scale.out_of(link_shown(result), sc, lang),
        delta=b.weakest_title or "–",  # the name under the figure: a long one in the label is cut off
        delta_color="off",
        delta_arrow="off",
        border=True,
        help="The operations dimension that would break first, shown with its own score, as in the table. "
        + (
            f"Demand is quiet, so the part in the worst state is named; the balance weighs demand against where a "
            f"load would bind first: {b.held_in_title}, which holds {scale.number(b.link, sc)}."
            if b.worst_named and b.held_in_title
            else f"Operations stand idle on a short runway, so the part that runs out first is named; the balance "
            f"weighs demand against where a load would bind first: {b.held_in_title}, which holds "
            f"{scale.number(b.link, sc)}."
            if b.runway_named and b.held_in_title
            else f"The balance weighs demand against the part that binds under the pressure present: "
            f"{link_where(result)}, which holds {scale.number(b.link, sc)}."
            if b.link is not None
            else ""
        ),
    )
    note = pressure_note(result)
    middle.metric(
        "Demand pressure",
        scale.out_of(b.demand, sc, lang),
        border=True,
        help="How much demand is coming and how fast it can jump. High is pressure, not praise."
        + (f" It is {note}." if note else ""),
    )
    if note:  # why the verdict weighs more than measured, in words (the figure weighed is among the workings)
        st.caption(md_literal(f"Demand pressure is {note}."))
    named = weakest_plain(result) if b.held_in_title and not b.worst_named else None
    if named:
        # named where its levers are: the card's figure is the dimension's own, maybe above its target; say why
        st.caption(md_literal(named))
else:  # a framework of its own (no demand side): its own headline, no balance to place the business on
    st.metric(
        result.overall_label,
        scale.out_of(result.overall, sc, lang),
        border=True,
        help=f"Scores read on this questionnaire's own scale, {scale.range_text(sc, lang)}.",
    )

for text in cap_texts(result):
    st.error(text, icon=":material/block:")
if open_critical := open_critical_text(result):
    st.warning(open_critical, icon=":material/help:")
if decision := decision_words(result):  # the step the owner came with, read against the verdict
    st.info(f"**{md_literal(decision[0])}.** {md_literal(decision[1])}", icon=":material/alt_route:")

specs = scores.chart_specs(result)
first, second = st.columns([3, 2])
first.vega_lite_chart(specs["bars"], width="stretch", key="results_chart_bars")
second.vega_lite_chart(specs["radial"], width="content", key="results_chart_radial")
if scale.has_demand(q):
    st.vega_lite_chart(specs["quadrant"], width="stretch", key="results_chart_quadrant")
    if not named and (differs := link_differs_text(result)):
        # The card shows the dimension's own score (17), the dot the figure the balance weighs (8): two numbers
        # for one weakest link, explained only in the folded workings (a browser pass on a phone).
        st.caption(md_literal(differs))
    if b.quadrant == "idle_capacity" and b.line == "falling demand":
        # The dot sits outside the idle band, which the figures alone draw (a browser pass read it as the chart
        # disagreeing with the verdict).
        st.caption(
            "The chart's zones follow the figures alone: falling orders, with room at the busiest step, place "
            "this business in Idle capacity (see “How the verdict was reached”)."
        )
    if said := workings(result, q.balance):
        with st.expander("How the verdict was reached", icon=":material/calculate:"):
            st.markdown("\n".join(f"- {md_literal(line)}" for line in said))

st.header("Fix these first")
if not result.findings:
    st.success(no_findings_text(result))
for rank, finding in enumerate(result.findings[:8], start=1):
    with st.container(border=True):
        # one markdown element per finding: each element costs rerun time
        st.markdown(finding_markdown(result, finding, rank, q, answers))
if len(result.findings) > 8:
    with st.expander(f"{len(result.findings) - 8} more findings"):
        for finding in result.findings[8:]:
            title = finding.title or finding.text
            st.markdown(
                f"- **{md_literal(title)}** ({md_literal(finding.dimension_title)}, "
                f"{scale.gain(finding.points, sc)} points)"
            )

st.header("Your 30/60/90-day plan")
st.caption(f"At most {result.plan.per_period} actions in each 30 days, in order; an action waits for the one it needs.")
if deadline := deadline_text(result, a.updated_at.date(), datetime.now(UTC).date()):
    st.info(md_literal(deadline), icon=":material/event:")  # it quotes the owner's note on the event
st.markdown(plan_markdown(result))

st.header("Every dimension")
if any(d.low is not None and d.high is not None and d.high - d.low >= 0.5 for d in result.dimensions):
    st.caption("In brackets: where a score could land once the open questions are answered.")
shell.phone_hint("The table is wider than a phone: swipe it sideways for the gap and the count of answers.")
st.markdown(dimension_markdown(result))
picked = st.vega_lite_chart(
    specs["heatmap"],
    width="stretch",
    key="results_chart_heatmap",
    on_select="rerun",
    selection_mode=charts.HEATMAP_PICK,
)
# Numbers alone named the squares: a browser pass on a phone could not tell which question a red one was; and
# a tap shows no tooltip, so the square tapped is written out here.
if said := charts.picked_square(result, picked.selection.get(charts.HEATMAP_PICK)):
    st.info(md_literal(said), icon=":material/touch_app:")
st.caption(
    "Each square is one question, numbered in the order asked within its part: hover over it, or tap it, for "
    "the question and your answer. Every answer is listed under “Your answers and notes” below."
)

with st.expander(f"Your answers and notes ({result.completion_text})", icon=":material/list_alt:"):
    rows = scores.answer_rows(cur, result, answers, (a.id, a.updated_at.isoformat(), profile, lang))
    st.table(rows, hide_index=True, border="horizontal")  # cells are escaped: notes show exactly as typed
if cur.key:  # agreed answers reached by a facilitator's key alone are changed on the workshop page
    st.page_link(links.PAGES["assess"], label="Change answers", icon=":material/edit:", query_params={"a": cur.key})

st.header("Download and share")
st.caption("Reports are self-contained: they open anywhere, offline, and match the scores above.")
downloads.download_buttons(cur, result, answers, "results")

st.subheader("Read-only share links")
st.caption(
    "A share link shows this report and nothing else: no editing, no other assessment. "
    "It is different from your resume link. Revoke it at any time."
)
with st.form("results_share_form", border=False):
    expiry = st.selectbox(
        "Link expires",
        [None, 7, 30, 90],
        format_func=lambda d: "never" if d is None else f"after {d} days",
        key="results_share_expiry",
    )
    create = st.form_submit_button("Create share link", icon=":material/share:")
if create:
    with faults.reported("The share link was not created"):
        token, _ = db.create_share(a.id, expiry)
        st.session_state["results_new_share"] = links.share_link(token)
if st.session_state.get("results_new_share"):
    st.success("Share link created. Copy it now: for safety it is shown only once.")
    st.code(st.session_state["results_new_share"], language=None, wrap_lines=True)
for link in db.shares(a.id):
    left, right = st.columns([4, 1])
    expires = "never expires" if link.expires_at is None else f"expires {link.expires_at:%Y-%m-%d}"
    left.markdown(f"`{link.id}` · created {link.created_at:%Y-%m-%d %H:%M} · {expires} · **{link.status}**")
    if link.status == "active" and right.button("Revoke", key=f"results_revoke_{link.id}"):
        with faults.reported("The link was not revoked"):
            db.revoke_share(a.id, link.id)
            st.session_state.pop("results_new_share", None)
            st.rerun()
