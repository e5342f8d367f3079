"""A website that has already carried the rush coming is not told to load-test for it (growth questionnaire
2.4.19, ``matters_if`` on ``website_spike`` and ``website_peak``, docs/scoring.md §4, round 38).

Twelve of the experts' cases ruled out a load test that the tool advised: a school-uniform supplier whose site
took nine times a normal day last August, before an August that brings eight; a coffee roaster whose
subscriptions peaked at nine times, on a site that took it. A season is a spike, so the precaution was given.
The rule, declared before round 38: while the website's measured peak is at least the biggest recent peak and
the size of a contract or new event ahead, and no push "far beyond anything before" is planned, the business
is not exposed to what those questions guard against. The score is unchanged; an unknown figure keeps the
finding.
"""

from __future__ import annotations

import pytest

from readiness import score
from readiness.answers import Answer
from readiness.loader import load_questionnaire
from readiness.model import Questionnaire
from readiness.results import ScoreResult

from .casework import case_answers, with_values
from .conftest import ROOT
from .test_calibration import advised

UNIFORMS = "school-uniform-supplier-dead-stock"  # site took 9x a normal day; August brings 8x; a season ahead
WEBSITE = {"website_spike", "website_peak"}


@pytest.fixture(scope="module")
def growth() -> Questionnaire:
    return load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")


def result(growth: Questionnaire, **values: object) -> ScoreResult:
    return score(growth, with_values(case_answers(growth, UNIFORMS), **values))


def website_advice(r: ScoreResult) -> set[str]:
    questions, _ = advised(r)
    return WEBSITE & questions


def test_a_site_that_took_the_season_s_peak_is_not_told_to_load_test(growth: Questionnaire) -> None:
    r = result(growth)
    assert not website_advice(r), "the site has taken 9x; the season brings 8x"
    _, texts = advised(r)
    assert not [t for t in texts if "load test" in t.lower()]


@pytest.mark.parametrize(
    ("changed", "why"),
    [
        ({"recent_peak": 12}, "last peak bigger than the site has been seen to take"),
        ({"event_ahead": "new_event", "event_multiple": 20}, "a TV spot bringing 20x"),
        ({"event_ahead": "contract", "event_multiple": 10}, "a contract bringing 10x"),
        ({"campaigns_planned": "biggest"}, "a push far beyond anything before"),
        ({"website_peak": 7.5}, "the site's measured peak below the season's 8x"),
    ],
)
def test_a_rush_bigger_than_the_site_has_carried_still_gets_the_precaution(
    growth: Questionnaire, changed: dict, why: str
) -> None:
    assert "website_peak" in website_advice(result(growth, **changed)), why


def test_an_unknown_peak_keeps_the_precaution(growth: Questionnaire) -> None:
    answers = case_answers(growth, UNIFORMS)
    answers["website_peak"] = Answer("website_peak", "dont_know", None)
    assert "website_peak" in website_advice(score(growth, answers)), "nobody knows what the site takes"
    answers = case_answers(growth, UNIFORMS)
    answers.pop("recent_peak")
    assert website_advice(score(growth, answers)), "the rush coming is unknown"


def test_the_rule_moves_advice_not_scores(growth: Questionnaire) -> None:
    carried, short = result(growth, website_peak=9), result(growth, website_peak=7.5)  # one band: up to 10x
    assert website_advice(short) and not website_advice(carried)
    assert [d.score for d in carried.dimensions] == [d.score for d in short.dimensions]
    assert carried.balance == short.balance
