"""Entry point of the Readiness app: page config and navigation, nothing else."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from readiness.errors import ReadinessError
from ui import faults
from ui.shell import app_entry

# The tab's icon is a file of the app: a `:material/...:` or emoji icon makes the browser
# fetch it from a font CDN on every page, which fails offline.
st.set_page_config(
    page_title="Readiness",
    page_icon=str(Path(__file__).parent / "static" / "icon.png"),
    layout="wide",
    initial_sidebar_state="auto",
)

if st.query_params.get("t"):
    # A share link: the read-only report alone, with no way to the other pages.
    navigation = st.navigation([st.Page("pages/share.py", title="Report", default=True)], position="hidden")
else:
    # Streamlit serves the default page at / only, never at its own url_path: /home and /start, typed by hand or
    # kept from an old link, opened its "Page not found" box over the start page. Hidden pages answer there and
    # send the reader on; the default page's own path is one nobody types.
    start = st.Page("pages/home.py", title="Start", icon=":material/home:", default=True, url_path="readiness-start")

    def start_again() -> None:
        st.switch_page(start)

    pages = [
        start,
        st.Page("pages/assess.py", title="Assess", icon=":material/edit_note:", url_path="assess"),
        st.Page("pages/results.py", title="Results", icon=":material/insights:", url_path="results"),
        st.Page("pages/surge.py", title="Surge test", icon=":material/bolt:", url_path="surge"),
        st.Page("pages/workshop.py", title="Run a workshop", icon=":material/groups:", url_path="workshop"),
        st.Page("pages/join.py", title="Join a workshop", icon=":material/login:", url_path="join"),
        st.Page(
            "pages/questionnaires.py", title="Questionnaires", icon=":material/upload_file:", url_path="questionnaires"
        ),
        st.Page("pages/room.py", title="Room display", icon=":material/cast:", url_path="room", visibility="hidden"),
        st.Page(start_again, title="Start", url_path="home", visibility="hidden"),
        st.Page(start_again, title="Start", url_path="start", visibility="hidden"),
    ]
    # The sidebar navigation is off in .streamlit/config.toml, so that the legacy one Streamlit draws for
    # pages/ on a fresh server's first run stays hidden; this one, the app's, is drawn (tests/browser/
    # test_navigation.py). Streamlit reads the option when st.navigation is called.
    st.set_option("client.showSidebarNavigation", True)
    navigation = st.navigation(pages)

with app_entry():
    try:
        navigation.run()
    except ReadinessError as exc:
        # The pages handle what they expect; anything the engine still refuses is said plainly here,
        # never as Streamlit's error box (and a database fault never with where the database lives).
        st.error(faults.message(exc), icon=":material/error:")
