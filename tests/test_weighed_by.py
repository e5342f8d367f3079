"""An area that touches only part of the business ranks its findings by that share (growth questionnaire 2.4.17,
docs/scoring.md §4, "Weighed by its share").

Blind reviews 22 to 24 called the website's advice generic where few orders come online: an uptime monitor for
a nursery, "a TV mention or viral post" for a heating firm whose website takes 15% of its bookings, ranked second
of its first fixes. The website's area (`online_front`) is `weighed_by: online_order_share`.
"""

from __future__ import annotations

import pytest

from readiness import parse_questionnaire, score
from readiness.loader import load_questionnaire
from readiness.model import Questionnaire

from .casework import case_answers, with_values
from .conftest import ROOT

HEATING = "meanwood-heating-engineers-diary-heat-pump-service"  # 15% of bookings online, website untested


@pytest.fixture(scope="module")
def growth() -> Questionnaire:
    return load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")


def _rank(result: object, qid: str) -> int:
    ids = [f.question_id for f in result.findings]  # type: ignore[attr-defined]
    return ids.index(qid)


def test_the_website_ranks_lower_the_fewer_orders_come_online(growth: Questionnaire) -> None:
    answers = case_answers(growth, HEATING)
    few = score(growth, answers)
    most = score(growth, with_values(answers, online_order_share=90))
    assert _rank(few, "website_spike") > _rank(most, "website_spike")
    assert "website_spike" not in [f.question_id for f in few.findings[:3]]
    spike = next(f for f in few.findings if f.question_id == "website_spike")
    full = next(f for f in most.findings if f.question_id == "website_spike")
    floor = growth.balance.exposure_floor
    expected = full.priority * (floor + (1 - floor) * 0.15) / (floor + (1 - floor) * 0.9)
    assert spike.priority == pytest.approx(expected, abs=2e-3)  # priorities are kept to three decimals
    # the order moves, nothing else: the same scores, verdict and findings
    assert (few.overall, few.balance.quadrant) == (most.overall, most.balance.quadrant)
    assert {f.question_id for f in few.findings} == {f.question_id for f in most.findings}


def test_an_unanswered_share_weighs_the_website_in_full(growth: Questionnaire) -> None:
    """Skipping the share never makes the website matter less: unanswered, it ranks as for an online shop."""
    answers = case_answers(growth, HEATING)
    skipped = {k: v for k, v in answers.items() if k != "online_order_share"}
    all_online = score(growth, with_values(answers, online_order_share=100))
    unanswered = score(growth, skipped)
    spike = next(f for f in unanswered.findings if f.question_id == "website_spike")
    online = next(f for f in all_online.findings if f.question_id == "website_spike")
    assert spike.priority == pytest.approx(online.priority)


def test_weighed_by_must_name_a_question_in_percent() -> None:
    text = (ROOT / "tests" / "data" / "golden" / "errors" / "RQ224-weighed-by.yaml").read_text(encoding="utf-8")
    fixed = text.replace("weighed_by: online_shar\n", "weighed_by: online_share\n")
    assert [p.code for p in parse_questionnaire(fixed, "ok.yaml").warnings if p.code == "RQ224"] == []
    scale_named = text.replace("weighed_by: online_shar\n", "weighed_by: website_tested\n")
    with pytest.raises(Exception) as raised:
        parse_questionnaire(scale_named, "scale.yaml")
    assert "RQ224" in str(raised.value) and "not a number question in %" in str(raised.value)
