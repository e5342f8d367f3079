"""Room display: what a facilitator projects while people join. No key in its address, no controls.

Opened by the join code (``/room?j=CODE``), which everyone in the room has
anyway; it shows how to join and how far each role has got, and nothing that
reveals answers, names or the facilitator's link.
"""

from __future__ import annotations

import streamlit as st

from readiness.markup import md_literal
from readiness.storage import NotFound
from ui import links, resources, room, shell

shell.app_shell()

code = st.query_params.get("j", "")
try:
    workshop = resources.workshops().by_code(code)
except NotFound as exc:
    st.title("Room display", anchor=False)
    if code.strip():  # a code nobody has: say so, as the join page does, not that a code is missing
        st.error(f"{str(exc).capitalize()}: open the room display from the facilitator's page.")
    else:
        st.error("This room display needs a workshop's join code: open it from the facilitator's page.")
    st.stop()

questionnaire = resources.store().questionnaire(workshop.questionnaire_hash)
join_link = links.join_link(workshop.join_code)
st.title(md_literal(workshop.name), anchor=False)
st.caption(md_literal(workshop.business_name))
if workshop.revealed:  # no more joining: the room is looking at the answers now, on the facilitator's screen
    st.info(
        "The facilitator has revealed the answers: joining is closed. The group's results are on the "
        "facilitator's screen and on each person's own page.",
        icon=":material/lock:",
    )
    st.subheader("Who took part", anchor=False)
    room.live_progress(workshop, questionnaire, names=False)
    st.stop()
left, right = st.columns([3, 2], gap="large")
with left:
    st.markdown(f"## Join code: `{workshop.join_code}`")
    st.markdown("Scan the code with your phone's camera, or open this address and type the code:")
    st.code(join_link, language=None, wrap_lines=True)
    st.caption(
        "Your answers stay hidden until the facilitator reveals them"
        + (", and are then shown by role, never by name." if workshop.anonymous else ", and are then shown by name.")
    )
with right:
    st.image(links.qr_image(join_link), caption="Scan to join", width=260)
st.subheader("Who has joined", anchor=False)
room.live_progress(workshop, questionnaire, names=False)
