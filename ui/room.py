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


def _plural(n: int, word: str, words: str) -> str:
    return f"{n} {word if n == 1 else words}"


@st.fragment(run_every=3)
def live_progress(workshop: Workshop, questionnaire: Questionnaire, names: bool) -> None:
    """Joined, finished and how much each role has answered; refreshes by itself every few seconds.

    Every role offered is listed, so the room sees who is still missing, but a role nobody chose yet is
    greyed and says so instead of "0%". A person may finish with questions left blank: the note under the
    table says how many, so "1 finished" beside "62% answered" is not a puzzle.

    ``names`` lists who joined (named workshops, facilitator only): never on the room's screen.
    """
    people = workshops().participants(workshop.id)
    finished = workshops().finished(workshop.id)
    rows = []
    blanks = []
    for role in workshop.roles:
        mine = [(p, answers) for p, answers in people if p.role == role]
        if not mine:
            rows.append(
                {
                    "Role": f":gray[{md_literal(role)}]",
                    "Joined": 0,
                    "Finished": 0,
                    "Answered on average": ":gray[nobody yet]",
                }
            )
            continue
        # the same count each phone shows: answered out of the questions that person is shown
        counts = [(p, progress(questionnaire, answers)) for p, answers in mine]
        done = [count for p, count in counts if p.id in finished]
        left = sum(count.shown - count.answered for count in done)
        if left:
            short = sum(1 for count in done if count.answered < count.shown)
            blanks.append(
                f"{md_literal(role)}: {_plural(short, 'person', 'people')} finished with "
                f"{_plural(left, 'question', 'questions')} left blank"
            )
        rows.append(
            {
                "Role": md_literal(role),
                "Joined": len(mine),
                "Finished": len(done),
                "Answered on average": f"{sum(c.fraction for _, c in counts) / len(counts):.0%}",
            }
        )
    st.markdown(f"**{len(people)} joined**, {len(finished)} finished")
    st.table(rows, hide_index=True)
    if blanks:
        st.caption("Finishing does not need every answer. " + "; ".join(blanks) + ".")
    if names and not workshop.anonymous and people:
        st.caption("People: " + ", ".join(f"{md_literal(p.name or '')} ({md_literal(p.role)})" for p, _ in people))
