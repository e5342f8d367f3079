"""Two `streamlit run` servers on one PostgreSQL behind nginx (deploy/), in a real browser.

Each browser context is pinned to one server with the proxy's own cookie, as a
returning visitor would be, and the cookie the proxy hands back proves which
server answered. A person starts on one server and resumes on the other; a
workshop's participants land on both; the QR code and the downloads work on
both; and a server restarting mid-session (an upgrade) loses nobody's work.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.databases import ScratchDatabase
from tests.deployment import Cluster, ProxyDidNotStart, ServerDidNotStart, cluster, nginx_binary

from ..conftest import leave_out, postgres_or_leave_out
from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser

Q_COVER = "If your most important person (you included) were suddenly away for two weeks"
Q_ROLES = "Does everyone know what they are responsible for"
Q_BUSY = "Think of your last really busy spell"


@pytest.fixture(scope="module")
def deployment(postgres_database: ScratchDatabase | str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """docs/deploy.md's layout: nginx, two servers, one PostgreSQL database."""
    database = postgres_or_leave_out(postgres_database)
    if nginx_binary() is None:
        leave_out("nginx", "it is not installed", "Debian/Ubuntu: apt-get install nginx (.ci/run does)")
    url, schema = database.schema_url("cluster")
    log = tmp_path_factory.mktemp("cluster") / "servers.log"
    try:
        with cluster(url, servers=2, log=log) as group:
            yield group
    except (ServerDidNotStart, ProxyDidNotStart) as exc:
        pytest.fail(f"{exc}\n{log.read_text() if log.exists() else ''}", pytrace=False)
    finally:
        database.drop_schema(schema)


def pinned(browser: Browser, proxy: str, server: str, phone: bool = False) -> tuple[BrowserContext, Page]:
    """A browser that the proxy already knows, pinned to ``server`` ("a" or "b")."""
    size = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 1000}
    context = browser.new_context(viewport=size)
    context.add_cookies([{"name": "readiness_server", "value": server, "url": proxy}])
    context.set_default_timeout(30_000)
    return context, context.new_page()


def served_by(context: BrowserContext) -> str:
    """The server that answered this browser last, as the proxy wrote it into the cookie."""
    return next(c["value"] for c in context.cookies() if c["name"] == "readiness_server")


def answer(page: Page, question: str, option: str, answered: int) -> None:
    page.get_by_role("radiogroup", name=re.compile(re.escape(question))).get_by_text(option, exact=True).click()
    expect(page.get_by_text(re.compile(rf"^{answered} of \d+ questions answered"))).to_be_visible()


def checked(page: Page, question: str) -> str:
    group = page.get_by_role("radiogroup", name=re.compile(re.escape(question)))
    return group.locator("label:has(input:checked)").inner_text()


def download(page: Page, button: str) -> str:
    """The downloaded file's text; a zip of CSV tables reads as all its files' text."""
    with page.expect_download(timeout=60_000) as file:
        page.get_by_role("button", name=button).click()
    path = Path(file.value.path())
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(name).decode("utf-8-sig") for name in archive.namelist())
    return path.read_text(encoding="utf-8")


def test_start_on_one_server_resume_on_the_other_and_download_on_both(deployment: Cluster, browser: Browser) -> None:
    laptop_context, laptop = pinned(browser, deployment.proxy, "a")
    laptop.goto(deployment.proxy)
    laptop.get_by_label("Business name").fill("Two Server Bakery")
    laptop.get_by_role("button", name="Start assessment").click()
    expect(laptop.get_by_role("heading", name="Team")).to_be_visible()
    answer(laptop, Q_COVER, "Ad hoc", 1)
    answer(laptop, Q_ROLES, "In place", 2)
    resume = laptop.url

    phone_context, phone = pinned(browser, deployment.proxy, "b", phone=True)
    phone.goto(resume)
    expect(phone.get_by_role("heading", name="Team")).to_be_visible()
    assert checked(phone, Q_COVER).startswith("Ad hoc") and checked(phone, Q_ROLES).startswith("In place")
    answer(phone, Q_BUSY, "Got through on heroics", 3)
    laptop.reload()
    expect(laptop.get_by_role("heading", name="Team")).to_be_visible()
    assert checked(laptop, Q_BUSY).startswith("Got through on heroics")

    results = resume.replace("/assess?", "/results?")
    laptop.goto(results)
    phone.goto(results)
    expect(laptop.get_by_text("Fix these first")).to_be_visible()
    expect(phone.get_by_text("Fix these first")).to_be_visible()
    on_a = json.loads(download(laptop, "JSON"))  # made by server a, fetched from server a
    on_b = download(phone, "CSV")  # made by server b, fetched from server b
    assert len(on_a["answers"]) == 3 and on_a["questionnaire"]["id"] == "growth-readiness"
    assert "Two Server Bakery" in on_b
    assert (served_by(laptop_context), served_by(phone_context)) == ("a", "b")  # nobody crossed over
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "multiserver-phone-results.png"))
    laptop_context.close()
    phone_context.close()


def test_a_workshop_whose_people_land_on_both_servers(deployment: Cluster, browser: Browser) -> None:
    room_context, room = pinned(browser, deployment.proxy, "a")
    room.goto(f"{deployment.proxy}/workshop")
    room.get_by_label("Workshop name").fill("Split room")
    room.get_by_label("Business").fill("Frost & Co")
    room.get_by_role("button", name="Create workshop").click()
    expect(room.get_by_text("0 joined")).to_be_visible()
    join_url = room.locator("code").filter(has_text="/join?j=").inner_text().replace("\n", "").strip()
    assert join_url.startswith(deployment.proxy)  # the link and QR code name the proxy, not a server
    facilitator_url = room.url

    people = []
    for server, role, level in (("a", "Finance", "Not in place"), ("b", "Sales / marketing", "Proven under pressure")):
        context, phone = pinned(browser, deployment.proxy, server, phone=True)
        phone.goto(join_url)
        phone.get_by_text(role, exact=True).click()
        phone.get_by_role("button", name="Join and start answering").click()
        expect(phone.get_by_role("heading", name="Team")).to_be_visible()
        answer(phone, Q_COVER, level, 1)
        people.append(context)
    expect(room.get_by_text("2 joined")).to_be_visible(timeout=20_000)  # the live view, on server a, counts both

    # the facilitator's second screen, on the other server: the same room and a QR code that shows
    other_context, other = pinned(browser, deployment.proxy, "b")
    other.goto(facilitator_url)
    expect(other.get_by_text("2 joined")).to_be_visible()
    for screen in (room, other):
        qr = screen.get_by_role("img", name="Scan to join").or_(screen.locator("img[src^='data:image/png']")).first
        expect(qr).to_be_visible()
        assert qr.evaluate("img => img.complete && img.naturalWidth > 100 && img.src.startsWith('data:image/png')")
    ARTIFACTS.mkdir(exist_ok=True)
    other.screenshot(path=str(ARTIFACTS / "multiserver-qr-on-b.png"))
    other.get_by_role("button", name="Reveal the answers").click()
    other.get_by_role("button", name="Yes, reveal the answers").click()
    expect(other.get_by_role("heading", name="What the room says")).to_be_visible()
    report = download(other, "CSV")  # the workshop report's table, with both servers' participants
    assert Q_COVER in report and "Mean: Finance" in report and "Mean: Sales / marketing" in report
    room.reload()
    expect(room.get_by_role("heading", name="What the room says")).to_be_visible()
    assert [served_by(c) for c in (room_context, *people, other_context)] == ["a", "a", "b", "b"]
    for context in (room_context, *people, other_context):
        context.close()


def test_a_server_restarting_mid_session_loses_nothing(deployment: Cluster, browser: Browser) -> None:
    """A rolling upgrade, as a person at server a lives it: a's restart moves them to b and back."""
    context, page = pinned(browser, deployment.proxy, "a")
    page.goto(deployment.proxy)
    page.get_by_label("Business name").fill("Restart Ltd")
    page.get_by_role("button", name="Start assessment").click()
    expect(page.get_by_role("heading", name="Team")).to_be_visible()
    answer(page, Q_COVER, "Ad hoc", 1)

    deployment.stop(0)  # the upgrade takes server a down; the page stays open in the browser
    try:
        # Streamlit notices, reconnects by itself, and the proxy sends the new websocket to b: its
        # answer carries the new pin.
        for _ in range(300):
            if served_by(context) == "b":
                break
            page.wait_for_timeout(200)
        assert served_by(context) == "b"
        # The page still on screen was drawn by a's session. Its first click after the reconnect
        # is lost, on one server restarting as on two (the question widgets seed their values
        # before Streamlit has matched the browser's state to their keys; reported to the form
        # stream, which owns ui/question.py). Reloading starts a clean session on b.
        page.reload()
        expect(page.get_by_role("heading", name="Team")).to_be_visible()
        assert checked(page, Q_COVER).startswith("Ad hoc")  # b drew it afresh from the database
        answer(page, Q_ROLES, "In place", 2)
        page.goto(page.url.replace("/assess?", "/results?"))
        expect(page.get_by_text("Fix these first")).to_be_visible()
        assert "Restart Ltd" in download(page, "CSV")
    finally:
        deployment.start(0)  # a is back (upgraded): later tests and visitors use it again
    page.goto(page.url.replace("/results?", "/assess?"))
    expect(page.get_by_role("heading", name="Team")).to_be_visible()
    assert checked(page, Q_ROLES).startswith("In place")
    context.close()
