"""Addresses a person can copy or scan: pages, resume, share and join links, and the join QR code.

Links are built from the address the browser used (``st.context.url``), so they
work behind a proxy or on another port without configuration.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

PAGES = {
    "home": "pages/home.py",
    "assess": "pages/assess.py",
    "results": "pages/results.py",
    "share": "pages/share.py",
    "workshop": "pages/workshop.py",
    "join": "pages/join.py",
    "surge": "pages/surge.py",
    "room": "pages/room.py",
    "questionnaires": "pages/questionnaires.py",
}


def base_url() -> str:
    """The app's address as the browser sees it, without page path or query."""
    url = st.context.url or "http://localhost:8501"
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    for page in PAGES:
        if path.endswith("/" + page):
            path = path[: -len(page) - 1]
    return f"{parts.scheme}://{parts.netloc}{path}"


def resume_link(assessment_id: str) -> str:
    return f"{base_url()}/assess?a={assessment_id}"


def share_link(token: str) -> str:
    return f"{base_url()}/?t={token}"


def join_link(code: str) -> str:
    return f"{base_url()}/join?j={code}"


def parse_link(text: str) -> str:
    """The assessment id in a pasted resume link, or the text itself when it is a bare id."""
    text = text.strip()
    if "a=" in text:
        text = text.split("a=", 1)[1].split("&", 1)[0]
    return text.strip().strip("/")


@st.cache_data(max_entries=64, show_spinner=False)
def qr_image(text: str) -> str:
    """A QR code of ``text`` for the room's screen, as a ``data:`` URL (made locally, no web service).

    Inline rather than bytes handed to ``st.image``: those are served from the memory of the
    one server that drew the page, so behind a proxy the image broke whenever the browser's
    request for it reached another server.
    """
    import base64
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=6, border=2)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
