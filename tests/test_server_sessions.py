"""Many sessions at once against a real `streamlit run` server, through Streamlit's own protocol."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.serve import streamlit_server
from tests.stclient import Session

#: "" is the default page (the start page); "home", hidden, sends its old address on to it
APP_PAGES = ("", "assess", "results", "surge", "workshop", "join", "questionnaires", "room", "home", "start")


async def _open_join_link(url: str, gate: asyncio.Event) -> Session:
    async with Session(url) as phone:
        await gate.wait()
        await phone.open("join", "j=NOSUCH")
        return phone


def test_a_room_scanning_the_join_code_at_once_on_a_fresh_server_all_get_the_app(tmp_path: Path) -> None:
    """Every phone, not just the first, gets streamlit_app.py's navigation and page config."""

    async def scenario(url: str) -> list[Session]:
        gate = asyncio.Event()
        phones = [asyncio.create_task(_open_join_link(url, gate)) for _ in range(8)]
        await asyncio.sleep(0.5)  # all connected, then all open the link together
        gate.set()
        return await asyncio.gather(*phones)

    # the clients run in a thread of their own: Playwright's sync API may already run an event loop in this one
    with streamlit_server(f"sqlite:///{tmp_path / 'room.sqlite3'}") as (url, _pid), ThreadPoolExecutor(1) as pool:
        phones = pool.submit(asyncio.run, scenario(url)).result(timeout=120)
    for phone in phones:
        assert "No workshop has that code" in phone.text()
        assert phone.navigation == APP_PAGES  # not Streamlit's list of files in pages/
        assert phone.page_title == "Readiness"
        assert not phone.exceptions
