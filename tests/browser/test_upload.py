"""Bring your own framework in a real browser: a broken file, then the fixed one, then an assessment with it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from readiness.storage import Store

from .conftest import ROOT, settled

pytestmark = pytest.mark.browser

SAMM = ROOT / "tests" / "data" / "frameworks" / "samm-governance.yaml"


def test_upload_a_broken_framework_then_the_fixed_one_and_assess_with_it(
    server: str, page: Page, server_store: Store, tmp_path: Path
) -> None:
    broken = tmp_path / "samm.yaml"
    broken.write_text(SAMM.read_text().replace("side: operations", "side: operatons", 1))
    page.goto(f"{server}/questionnaires")
    expect(page.get_by_role("heading", name="Questionnaires", exact=True)).to_be_visible()
    page.locator("input[type=file]").set_input_files(broken)
    expect(page.get_by_text("has 1 problem")).to_be_visible()
    expect(page.get_by_text("line 15, column 11")).to_be_visible()  # where it is, and what is wrong there
    expect(page.get_by_text("operatons").first).to_be_visible()
    expect(page.get_by_role("button", name="Keep this questionnaire")).to_have_count(0)
    assert server_store.uploads() == []

    fixed = tmp_path / "fixed" / "samm.yaml"
    fixed.parent.mkdir()
    fixed.write_text(SAMM.read_text())
    page.locator("input[type=file]").set_input_files(fixed)
    expect(page.get_by_text("is valid")).to_be_visible()
    expect(page.get_by_text("has 1 problem")).to_have_count(0)
    page.get_by_role("button", name="Keep this questionnaire").click()
    expect(page.get_by_text("Kept OWASP SAMM Governance")).to_be_visible()
    assert [u.questionnaire_id for u in server_store.uploads()] == ["samm-governance"]

    page.get_by_role("link", name="Start an assessment").click()
    page.get_by_label("Business name").fill("Browser Security Team")
    settled(page)
    page.get_by_label("Questionnaire").click()
    page.get_by_role("option", name="OWASP SAMM Governance (2.0, uploaded)").click()
    settled(page)
    page.get_by_role("button", name="Start assessment").click()
    expect(page.get_by_role("heading", name="Browser Security Team")).to_be_visible()
    # one practice fully in place ("Yes for most or all" to each of its six questions), the others blank
    for stream in ("Create and promote", "Measure and improve"):
        for level in (1, 2, 3):
            group = page.get_by_role("radiogroup", name=re.compile(re.escape(f"{stream}, maturity level {level}")))
            group.get_by_text("Yes for most or all", exact=True).click()
            settled(page)
    expect(page.get_by_text(re.compile(r"^6 of 18 questions answered")).first).to_be_visible()
    page.goto(page.url.replace("/assess", "/results"))
    # SAMM's toolbox: practices 3, 0 and 0 (blanks count 0), business function 1.00 of 3; no balance
    expect(page.get_by_text("SAMM Governance maturity").first).to_be_visible()
    expect(page.get_by_text("1.00 / 3").first).to_be_visible()
    expect(page.get_by_text("Demand strength")).to_have_count(0)
    expect(page.get_by_text("Not enough answers to place the business")).to_have_count(0)
