"""Workshop, facilitator side: create a workshop, watch people join, reveal, discuss, agree."""

from __future__ import annotations

import streamlit as st

from readiness import charts, scale
from readiness.decision import room_step_words
from readiness.errors import ReadinessError
from readiness.forms import progress
from readiness.markup import md_literal
from readiness.model import tr
from readiness.report import file_name
from readiness.storage import NotFound
from readiness.workshop import (
    Participant,
    aggregate,
    agreed_list,
    alike_answers,
    reveal_words,
    thin_words,
    waiting_words,
)
from readiness.workshop_report import counted_words, gaps_note, render_workshop, room_balance_text
from readiness.workshop_store import DEFAULT_ROLES
from ui import downloads, faults, links, resources, room, shell
from ui.question import Target, end_of_run, show

shell.app_shell()

key = st.query_params.get("w", "")
if not key:
    st.title("Run a workshop")
    st.write(
        "Several people of one business answer at once, each on their own phone or laptop. Their answers stay "
        "hidden until you reveal them, so nobody anchors on the boss; then you see where they agree, where "
        "they don't, and record what the room agrees on."
    )
    entries = [e for e in resources.catalog() if e.questionnaire is not None]
    name = st.text_input("Workshop name", key="workshop_name", placeholder="e.g. Leadership day, March")
    business = st.text_input("Business", key="workshop_business", placeholder="e.g. Frost & Co Ice Cream")
    entry = st.selectbox("Questionnaire", entries, format_func=lambda e: e.title, key="workshop_questionnaire")
    questionnaire = entry.questionnaire
    profile = st.selectbox(
        "Target profile",
        [p.id for p in questionnaire.profiles],
        index=[p.id for p in questionnaire.profiles].index(questionnaire.profile().id),
        format_func=lambda pid: tr(questionnaire.profile(pid).title),
        key="workshop_profile",
    )
    roles_text = st.text_area("Roles to collect (one per line)", "\n".join(DEFAULT_ROLES), key="workshop_roles")
    anonymous = st.toggle(
        "Anonymous answers (only roles are shown)",
        value=True,
        key="workshop_anonymous",
        help="Names are never stored. A role with one person still shows that person's answers as the role's: "
        "for real anonymity, collect roles that at least two people share.",
    )
    if st.button("Create workshop", type="primary", key="workshop_create"):
        if not business.strip():
            st.error("Name the business the workshop is about.")
        else:
            try:
                new_key, _ = resources.workshops().create(
                    questionnaire, name, business, profile, roles_text.splitlines(), anonymous
                )
            except ReadinessError as exc:
                st.error(str(exc))
            else:
                st.switch_page(links.PAGES["workshop"], query_params={"w": new_key})
    st.stop()

try:
    workshop = resources.workshops().by_key(key)
except NotFound:
    st.title("Workshop")
    st.error("This facilitator link does not open any workshop. Check that it was copied whole.")
    st.stop()

questionnaire = resources.store().questionnaire(workshop.questionnaire_hash)
st.title(md_literal(workshop.name), anchor=False)
kind = "anonymous" if workshop.anonymous else "named"
st.caption(f"{md_literal(workshop.business_name)} · {md_literal(tr(questionnaire.title))} · {kind} answers")

join_link = links.join_link(workshop.join_code)
if workshop.revealed:
    # The join code, link and QR code stood on the page after the reveal, when nobody can join (a browser pass).
    st.caption("Joining is closed: the answers are revealed, so nobody can join or change an answer now.")
else:
    left, right = st.columns([3, 1])
    with left:
        st.markdown(f"### Join code: `{workshop.join_code}`")
        st.write("Participants open this link (or the Join page and type the code):")
        st.code(join_link, language=None, wrap_lines=True)
        st.page_link(
            links.PAGES["room"],
            # short: a page link is one line, and a phone cut the longer one at "the QR" (a browser pass)
            label="Open the room display",
            icon=":material/cast:",
            query_params={"j": workshop.join_code},
        )
        st.caption(
            "The room display shows the join code, the QR code and live progress, and no key: project it, not "
            "this page, whose address is your key to the answers."
        )
    with right:
        st.image(links.qr_image(join_link), caption="Scan to join", width=180)
with st.expander("Your facilitator link: save it before you close this tab", icon=":material/key:"):
    st.write(
        "This link is the only way back into this view (the key is stored scrambled, so nobody can look it "
        "up for you). Bookmark it or keep it somewhere private; do not show it on the room's screen."
    )
    st.code(f"{links.base_url()}/workshop?w={key}", language=None, wrap_lines=True)


st.subheader("Live progress")
room.live_progress(workshop, questionnaire, names=True)

if not workshop.revealed:
    st.info("Answers are hidden from everyone until you reveal them.", icon=":material/visibility_off:")
    # One tap froze everyone's answers for good, at 7% progress, with nothing asking (an exploratory browser
    # pass): the reveal is asked once more, saying what it does.
    confirm_key = f"workshop_confirm_reveal_{workshop.id}"
    finished_ids = resources.workshops().finished(workshop.id)
    finished = len(finished_ids)
    if not st.session_state.get(confirm_key):
        if st.button("Reveal the answers", type="primary", key="workshop_reveal"):
            st.session_state[confirm_key] = True
            st.rerun()
    else:
        # The reveal was asked once more with the same words whether all had finished or nobody had joined
        # (a browser pass revealed an empty room): the question says who would be frozen half-way.
        st.warning(
            "Reveal now? "
            + reveal_words(
                len(joined := resources.workshops().participants(workshop.id)),
                finished,
                # how far each of the others got, as the progress table above counts it
                [progress(questionnaire, answers).fraction for p, answers in joined if p.id not in finished_ids],
            )
            + " Everyone's answers freeze for good: nobody can change an answer or join after this.",
            icon=":material/lock:",
        )
        # one row on a phone too: two columns stacked "Not yet" below the fold under "Yes" (a browser pass)
        row = st.container(horizontal=True)
        if row.button("Yes, reveal the answers", type="primary", key="workshop_reveal_confirmed"):
            st.session_state.pop(confirm_key, None)
            with faults.reported("The answers were not revealed"):
                resources.workshops().reveal(workshop.id)
                st.rerun()
        if row.button("Not yet", key="workshop_reveal_cancel"):
            st.session_state.pop(confirm_key, None)
            st.rerun()
    st.stop()

people = resources.workshops().participants(workshop.id)
participants = [Participant(p.id, p.role, answers, p.name) for p, answers in people]
result = aggregate(questionnaire, participants, workshop.profile, anonymous=workshop.anonymous, roles=workshop.roles)

st.header("What the room says")
if not participants:
    st.warning("Nobody has answered yet.")
    st.stop()
sc = questionnaire.score_scale


def said(figure: str) -> dict[str, object]:
    """The metric's delta line: how many people the mean is over (someone who answered nothing on the demand
    side has no demand pressure: "mean of 3 people" over one person's figure misled a browser pass), and how
    many are left out as still answering, so a room watched while it fills in knows the figure is not yet all."""
    n = result.counted.get(figure, result.participants)
    # "mean of 2 people; 1 not counted: too few answers yet" was cut at a laptop's width (a browser pass): the
    # card says "2 of 3", and the caption under the cards says who is left out and why.
    delta = (
        f"mean of {n} of {result.participants} people"
        if result.waiting.get(figure, 0)
        else counted_words(result, figure)
    )
    # "– / 100 · mean of 0 people" said nothing of why (a browser pass); the longer "waits for answers on the
    # demand side" and "nobody has answered this side yet" were cut at a laptop's width (the next pass)
    if figure == "link" and result.link is None:
        delta = "needs demand answers"
    elif n == 0:
        delta = "no answers here yet"
    return {"delta": delta, "delta_color": "off", "delta_arrow": "off", "border": True}


# Every figure here is the mean of the people's own scores (each scored as a business alone); the chart
# below draws the same figures per dimension. The delta line says so under each figure (a long label is cut).
if scale.has_demand(questionnaire):
    a, w, b, c = st.columns(4)
    a.metric(scale.headline_label(questionnaire), scale.out_of(result.operations, sc), **said("operations"))
    w.metric(
        "Weakest link",
        scale.out_of(result.link, sc),
        help="What the group balance weighs demand against: each person's operations dimension that would "
        "break first, as it counts under the demand coming (as on each person's results), averaged over those "
        "who have answered enough of every operations dimension, blanks at their worst"
        + (f" (here {', '.join(result.weakest)})" if result.weakest else "")
        + "."
        + (
            " Where someone's results name another part first while demand is quiet (their cash, or the part in "
            "the worst state), the room counts them where a load would bind, as their results also say."
            if result.named_elsewhere
            else ""
        ),
        **said("link"),
    )
    b.metric("Demand pressure", scale.out_of(result.demand, sc), **said("demand"))
else:
    a, c = st.columns(2)
    a.metric(scale.headline_label(questionnaire), scale.out_of(result.operations, sc), **said("operations"))
c.metric("People", result.participants, border=True)
if waiting := waiting_words(result, scale.headline_label(questionnaire), questionnaire.balance.coverage):
    st.caption(md_literal(waiting))
if result.message and scale.has_demand(questionnaire):
    st.warning(f"**Group balance: not placed.** {md_literal(result.message or '')}")
elif result.quadrant_label:
    weighed = room_balance_text(result, questionnaire)
    # coloured as the results page colours the same zone (a browser pass saw a danger zone in yellow here)
    box = shell.zone_box(result.quadrant)
    box(f"**Group balance: {result.quadrant_label}.**" + (f"  \n{md_literal(weighed)}" if weighed else ""))
if result.step is not None:  # the step the people are weighing, read against the room's verdict
    head, rest = room_step_words(result.step).split(": ", 1)
    st.info(f"**{md_literal(head)}:** {md_literal(rest)}", icon=":material/alt_route:")
st.vega_lite_chart(
    charts.spec(charts.workshop_dimensions(result, questionnaire.score_scale)), width="stretch", key="workshop_dims"
)
picked = st.vega_lite_chart(
    charts.spec(charts.disagreement_heatmap(result, questionnaire, pickable=True)),
    width="stretch",
    key=f"workshop_heatmap_{workshop.id[:8]}",  # a pick is the chart's key's: never carried to another workshop
    on_select="rerun",
    selection_mode=charts.ROOM_PICK,
)
# A tap shows no tooltip, and a phone cuts a row's name to two lines: the square tapped is written out here.
if said := charts.picked_room_square(result, questionnaire, picked.selection.get(charts.ROOM_PICK)):
    st.info(md_literal(said), icon=":material/touch_app:")
else:
    st.caption("Hover over a square, or tap it on a phone, for the whole question and what that role said.")

st.subheader("Perception gaps between roles")
st.caption(
    "Each person's view of a dimension counts the questions they answered; a question someone left blank "
    "is not read as a bad answer here. The group balance above still counts blanks at their worst."
)
if result.gaps:
    st.table(
        [
            {
                "Dimension": md_literal(g.title),
                "Roles": f"{md_literal(g.role_a)} vs {md_literal(g.role_b)}",
                "Means": f"{scale.number(g.mean_a, sc)} vs {scale.number(g.mean_b, sc)}",
                "Gap": scale.signed(scale.between(g.mean_a, g.mean_b, sc), sc),
                **({"Note": md_literal(thin_words(g))} if any(x.thin for x in result.gaps[:10]) else {}),
            }
            for g in result.gaps[:10]
        ]
    )
else:
    st.caption(gaps_note(result))

st.header("Discussion queue and consensus")
st.caption(
    "Widest disagreement first. Record what the room agrees on: the agreed answers form the "
    "workshop's official assessment."
)
consensus_answers = resources.store().answers(workshop.consensus_assessment_id)
target = Target(workshop.consensus_assessment_id, questionnaire.content_hash, f"consensus_{workshop.id[:8]}_")
if result.settle:  # they score nothing, so the queue never holds them; they decide which questions apply
    st.markdown(
        "**Settle first.** These change no score, but decide which questions apply to the business or which "
        "fixes come first:"
    )
    for item in result.settle:
        agreed = consensus_answers.get(item.id)
        with st.expander(md_literal(item.text) + ("  ✓ agreed" if agreed else ""), expanded=agreed is None):
            st.markdown(", ".join(f"{md_literal(label)}: {count}" for label, count in item.distribution.items()))
            show(questionnaire, questionnaire.question(item.id), agreed, target)
if not result.queue and not result.settle:  # an empty section read as the page failing to load (a browser pass)
    st.info(
        "Nothing to settle: "
        + (
            "only one person has answered, so there is nobody to disagree with yet."
            if result.participants < 2
            else "nobody answered any question differently from the others."
        )
    )
QUEUE_FIRST = 12  # listed at once; the rest behind a toggle under them, so a long queue does not bury the page


def disputed(index: int, question_id: str) -> None:
    q_agg = result.question(question_id)
    agreed = consensus_answers.get(question_id)
    with st.expander(f"{index}. {md_literal(q_agg.text)}" + ("  ✓ agreed" if agreed else ""), expanded=index == 1):
        spread = "–" if q_agg.stats.spread is None else f"{q_agg.stats.spread:.0f}"
        st.markdown(
            f"Spread {spread} points · "
            + " · ".join(f"{md_literal(role)}: {q_agg.role_said(role)}" for role in q_agg.role_means)
            + "  \n"
            + ", ".join(f"{md_literal(label)}: {count}" for label, count in q_agg.distribution.items())
        )
        show(questionnaire, questionnaire.question(question_id), agreed, target)


for index, question_id in enumerate(result.queue[:QUEUE_FIRST], start=1):
    disputed(index, question_id)
if len(result.queue) > QUEUE_FIRST and st.toggle(
    f"Show the other {len(result.queue) - QUEUE_FIRST} disputed questions",
    key=f"workshop_whole_queue_{workshop.id[:8]}",
    help="Every question the room answered differently can be agreed here; the agreed result counts only "
    "agreed answers.",
):
    # a browser pass agreed everything the page offered and stopped at 19 of 44: the queue beyond twelve was
    # counted but shown nowhere
    for index, question_id in enumerate(result.queue[QUEUE_FIRST:], start=QUEUE_FIRST + 1):
        disputed(index, question_id)
end_of_run()

# The agreed result is scored on the agreed answers alone; the queue holds only the disagreements, so the
# answers everyone gave alike are offered in one click (a browser pass scored "2% complete" after the queue).
alike = alike_answers(participants, consensus_answers)
to_agree = result.to_agree(alike, consensus_answers)
st.caption(
    f"Agreed so far: {len(consensus_answers)} of the {len(to_agree)} questions to agree (the queue, what to settle "
    "first and the answers given alike). The agreed result is scored on these alone: a question nobody "
    "agreed counts as unanswered."
)
just_agreed = f"workshop_agreed_alike_{workshop.id[:8]}"


def agree_alike() -> None:
    resources.store().save_answers(workshop.consensus_assessment_id, alike)
    st.session_state[just_agreed] = len(alike)


if alike:
    st.button(
        # "everyone" read as all three people where one had left the question blank (a browser pass)
        f"Agree the {len(alike)} answers given alike by all who answered them",
        key="workshop_agree_alike",
        icon=":material/done_all:",
        help="Records, for each question not agreed yet, the answer every person who answered it gave "
        "(two people at least; 'Don't know' left out).",
        on_click=agree_alike,
    )
if n := st.session_state.pop(just_agreed, 0):
    st.success(
        f"Agreed {n} {'answer' if n == 1 else 'answers'} given alike by all who answered: see what is agreed so "
        "far below.",
        icon=":material/done_all:",
    )
if consensus_answers:
    with st.expander(f"What is agreed so far ({len(consensus_answers)})", icon=":material/fact_check:"):
        # an arrow, not a colon: "…when something goes wrong?: Partly in place" read wrong (a browser pass)
        st.markdown(
            "\n".join(
                f"- {md_literal(text)} → **{md_literal(words)}**"
                for text, words in agreed_list(questionnaire, consensus_answers)
            )
        )

st.page_link(
    links.PAGES["results"],
    label="Score and report the agreed answers",
    icon=":material/insights:",
    query_params={"w": key},
)

st.subheader("Workshop report")
st.caption(
    "The room's scores, the disagreement heatmap, the role gaps, the discussion queue with what was agreed, and "
    "the agreed result scored. The spreadsheet adds every individual answer"
    + (" with roles only (answers were anonymous)." if workshop.anonymous else ", with names.")
)


def workshop_file(fmt_name: str) -> bytes:
    return render_workshop(
        fmt_name,
        questionnaire,
        result,
        participants,
        workshop_name=workshop.name,
        business=workshop.business_name,
        anonymous=workshop.anonymous,
        consensus_answers=consensus_answers,
    )


downloads.file_buttons(
    {fmt_name: (lambda f=fmt_name: workshop_file(f)) for fmt_name in downloads.REPORT_LABELS},
    lambda fmt_name: file_name(f"workshop {workshop.business_name}", fmt_name),
    "workshop",
)
