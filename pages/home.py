"""Home: what Readiness is, and the questionnaires it ships with."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from readiness.catalog import discover

QUESTIONNAIRES = Path(__file__).resolve().parent.parent / "questionnaires"

st.title("Readiness")
st.write(
    "Score how ready your business is to grow fast — team, process, technology and capacity "
    "set against the strength of your demand — and see where a sudden surge would break it."
)
st.subheader("Questionnaires")
for entry in discover(QUESTIONNAIRES):
    with st.container(border=True):
        if entry.error:
            st.error(f"{entry.path.name} cannot be loaded:\n\n{entry.error}")
            continue
        st.markdown(f"**{entry.title}** · `{entry.id}` {entry.version}")
        st.caption(entry.description)
        st.write(f"{entry.questions} questions over {', '.join(entry.dimensions)}")
