"""Entry point of the Readiness app: page config and navigation, nothing else."""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="Readiness", page_icon="📈", layout="wide")

navigation = st.navigation([st.Page("pages/home.py", title="Home", icon="🏠", default=True)])
navigation.run()
