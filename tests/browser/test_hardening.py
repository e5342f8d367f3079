"""Hostile text, revoked links, a projected room and a server crash, in a real browser.

- Names, roles, notes and business names full of Markdown and HTML are shown
  as the characters typed on every page: no link, image or element comes out
  of them, and the browser fetches nothing from anywhere.
- A share link revoked while its tab is open gives that tab nothing more.
- The room display shows how to join, with no facilitator key and no control.
- A server killed before an answer was stored comes back agreeing with the
  database (the click that was lost shows as not given), and the next click counts.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from readiness import load_questionnaire
from readiness.answers import validate_answer
from readiness.storage import Store
from readiness.workshop_store import WorkshopStore
from tests.serve import free_port, streamlit_server

from .conftest import ARTIFACTS, ROOT
from .conftest import settled as wait_until_run_is_over

pytestmark = pytest.mark.browser

GROWTH = ROOT / "questionnaires" / "growth-readiness.yaml"
PAYLOADS = [
    "[Session expired – sign in](https://evil.example/login)",
    "![p](http://beacon.example/beacon.png)",
    "<img src=http://beacon.example/img.png>",
    "<a href='https://evil.example/a'>click</a>",
    "see https://evil.example/auto or www.evil.example",
    r"$\href{https://evil.example/tex}{x}$",
    ":red[**alarm**] :material/warning: `code`",
    "javascript:alert(1)",
]
FOUND_INJECTED = """() => {
  const bad = [];
  for (const a of document.querySelectorAll('a[href]'))
    if (/evil|beacon|javascript:/i.test(a.getAttribute('href'))) bad.push('link ' + a.getAttribute('href'));
  for (const i of document.querySelectorAll('img[src]'))
    if (/evil|beacon/i.test(i.getAttribute('src'))) bad.push('image ' + i.getAttribute('src'));
  return bad;
}"""


def settled(page: Page) -> None:
    wait_until_run_is_over(page)
    page.wait_for_timeout(300)


def test_typed_markup_shows_as_text_on_every_page(served: tuple[str, str], browser: Browser) -> None:
    server, database = served
    store = Store(database)
    rooms = WorkshopStore(store)
    q = load_questionnaire(GROWTH)
    assessment = store.create_assessment(q, "Acme " + PAYLOADS[0], business_kind="goods")
    for question, note in zip(("key_person_cover", "clear_roles", "pressure_resilience"), PAYLOADS, strict=False):
        store.save_answer(assessment.id, validate_answer(q, question, 1, note))
    token, _ = store.create_share(assessment.id)
    roles = [PAYLOADS[0][:60], PAYLOADS[1][:60], "javascript:alert(1)"]
    key, workshop = rooms.create(q, PAYLOADS[3], PAYLOADS[4], q.profile().id, roles, anonymous=False)
    people = [rooms.join(workshop, role, name) for role, name in zip(roles, PAYLOADS[5:], strict=False)]
    for person in people:
        store.save_answer(person.assessment_id, validate_answer(q, "key_person_cover", 2, PAYLOADS[1]))
    store.close()

    pages = [
        f"/?a={assessment.resume_key}",
        f"/assess?a={assessment.resume_key}",
        f"/results?a={assessment.resume_key}",
        f"/surge?a={assessment.resume_key}",
        f"/?t={token}",
        f"/workshop?w={key}",
        f"/room?j={workshop.join_code}",
        f"/join?j={workshop.join_code}",
        f"/join?a={people[0].resume_key}",
        f"/assess?a={people[0].resume_key}",
    ]
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    outside: list[str] = []
    context.on("request", lambda r: outside.append(r.url) if "example" in (urlsplit(r.url).hostname or "") else None)
    page = context.new_page()
    for path in pages:
        page.goto(server + path)
        settled(page)
        if "/results" in path:
            page.get_by_text(re.compile(r"^Your answers and notes")).click()
            settled(page)
        if "/workshop" in path:
            page.get_by_role("button", name="Reveal the answers").click()  # the queue, gaps and heatmap too
            page.get_by_role("button", name="Yes, reveal the answers").click()
            settled(page)
        assert page.evaluate(FOUND_INJECTED) == [], path
        # what was typed is there, character for character (word joiners keep addresses from linking)
        text = page.evaluate("() => document.body.innerText.replaceAll('\\u2060', '')")
        assert any(payload in text for payload in PAYLOADS[:5]), path
    assert outside == []  # nothing typed made the browser fetch anything
    context.close()


def test_a_share_link_revoked_while_its_tab_is_open_gives_nothing_more(
    served: tuple[str, str], server_store: Store, page: Page
) -> None:
    server, _ = served
    demo_q = load_questionnaire(GROWTH)
    assessment = server_store.create_assessment(demo_q, "Revoked Rentals")
    server_store.save_answer(assessment.id, validate_answer(demo_q, "key_person_cover", 2, "private note"))
    token, link = server_store.create_share(assessment.id)
    page.goto(f"{server}/?t={token}")
    expect(page.get_by_role("button", name="HTML report")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="HTML report").click()
    assert "private note" in Path(download.value.path()).read_text(encoding="utf-8")  # while the link is open

    server_store.revoke_share(assessment.id, link.id)
    received: list[str] = []
    page.on("download", lambda d: received.append(d.suggested_filename))
    page.get_by_role("button", name="HTML report").click()  # the tab still shows the button
    expect(page.get_by_text("This share link has been revoked")).to_be_visible(timeout=30_000)
    assert received == []  # the press after the revocation produced no file
    expect(page.get_by_role("button", name="HTML report")).to_have_count(0)


def test_the_room_display_shows_how_to_join_and_nothing_to_control(
    served: tuple[str, str], server_store: Store, page: Page
) -> None:
    server, _ = served
    rooms = WorkshopStore(server_store)
    q = load_questionnaire(GROWTH)
    key, workshop = rooms.create(q, "Planning day", "Frost & Co", q.profile().id, ["sales", "operations"], False)
    rooms.join(workshop, "sales", "Sam Seller")

    page.goto(f"{server}/workshop?w={key}")
    page.get_by_role("link", name=re.compile("Open the room display")).click()
    expect(page.get_by_text(f"Join code: {workshop.join_code}")).to_be_visible()
    expect(page.get_by_test_id("stImage").locator("img")).to_be_visible()  # the QR code
    expect(page.get_by_text("Scan to join")).to_be_visible()
    expect(page.get_by_text("1 joined")).to_be_visible()
    settled(page)
    assert key not in page.url and key not in page.content()  # nothing on the screen opens the answers
    assert page.get_by_text("Sam Seller").count() == 0  # names stay off the projected screen
    main = page.get_by_test_id("stMain")
    buttons = main.get_by_role("button").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label') || e.innerText)"
    )
    controls = [b for b in buttons if b not in ("Copy to clipboard", "Fullscreen: Scan to join")]
    assert not controls, controls  # copying the join link and enlarging the QR code are all it offers
    assert main.get_by_role("textbox").count() == 0 and main.get_by_role("radio").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "room-display.png"), full_page=True)


def test_after_a_crash_before_saving_the_page_agrees_with_the_database(browser: Browser, tmp_path: Path) -> None:
    """The server dies while an answer waits for the database; it comes back; nothing looks saved that is not."""
    database = tmp_path / "crash.sqlite3"
    store = Store(f"sqlite:///{database}")
    assessment = store.create_assessment(load_questionnaire(GROWTH), "Crash Cafe")
    store.close()
    port = free_port()
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    log = (tmp_path / "server.log").open("w")
    with streamlit_server(f"sqlite:///{database}", log, port=port) as (url, pid):
        page.goto(f"{url}/assess?a={assessment.resume_key}")
        cover = page.locator(".st-key-q_key_person_cover")
        expect(cover.get_by_text("Ad hoc", exact=True)).to_be_visible()
        settled(page)
        blocker = sqlite3.connect(database, isolation_level=None, timeout=1)
        blocker.execute("BEGIN IMMEDIATE")  # the database is busy: the save waits for it
        cover.get_by_text("Ad hoc", exact=True).click()
        time.sleep(1)
        os.kill(pid, signal.SIGKILL)  # the server dies before it could store the answer
        blocker.execute("ROLLBACK")
        blocker.close()
    with streamlit_server(f"sqlite:///{database}", log, port=port):
        answered = page.get_by_text(re.compile(r"^0 of \d+ questions answered"))
        expect(answered).to_be_visible(timeout=60_000)  # reconnected
        settled(page)
        expect(cover.get_by_role("radio", name=re.compile("^Ad hoc"))).not_to_be_checked()  # as stored: nothing
        expect(cover.get_by_text("✓ Saved")).to_have_count(0)  # nothing looks saved that is not
        check = Store(f"sqlite:///{database}")
        assert "key_person_cover" not in check.answers(assessment.id)
        cover.get_by_text("Partly in place", exact=True).click()  # the next click counts
        expect(cover.get_by_text("✓ Saved")).to_be_visible()
        assert check.answers(assessment.id)["key_person_cover"].value == 2.0
        check.close()
    context.close()
