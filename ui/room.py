"""What the room sees of a workshop: who has joined and how far each role has got.

Shared by the facilitator's page and the room display (``/room?j=CODE``), the
screen that is projected: it carries no facilitator key and no controls, so a
photo of it gives nobody the power to reveal answers or record a consensus.
"""

from __future__ import annotations

import streamlit as st

from readiness.forms import progress
from readiness.markup import md_literal
from readiness.model import Questionnaire
from readiness.workshop_store import Workshop
from ui.resources import workshops


@st.fragment(run_every=3)
def live_progress(workshop: Workshop, questionnaire: Questionnaire, names: bool) -> None:
    """Joined, finished and average progress per role; refreshes by itself every few seconds.

    ``names`` lists who joined (named workshops, facilitator only): never on the room's screen.
    """
    people = workshops().participants(workshop.id)
    finished = workshops().finished(workshop.id)
    rows = []
    for role in workshop.roles:
        mine = [(p, answers) for p, answers in people if p.role == role]
        # the same count each phone shows: answered out of the questions that person is shown
        answered = [progress(questionnaire, answers).fraction for _, answers in mine]
        rows.append(
            {
                "Role": md_literal(role),
                "Joined": len(mine),
                "Finished": sum(1 for p, _ in mine if p.id in finished),
                "Average progress": f"{(sum(answered) / len(answered) if answered else 0):.0%}",
            }
        )
    st.markdown(f"**{len(people)} joined**, {len(finished)} finished")
    st.table(rows, hide_index=True)
    if names and not workshop.anonymous and people:
        st.caption("People: " + ", ".join(f"{md_literal(p.name or '')} ({md_literal(p.role)})" for p, _ in people))
