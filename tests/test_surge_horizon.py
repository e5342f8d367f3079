"""The run contains what it judges, and the verdict reads the figures the charts draw.

Both found by QA on the tester's "Frost full lap" assessment (tests/data/surge/frost-full-lap.yaml):
a 40-week backlog (a waiting list of 280 days, 840 orders at 3 a day) and an event ten times a normal
day 40 weeks away. In a 180-day run the event (day 281) never happened and no order taken during the
run ever fell due, yet the verdict said "Copes: every order is delivered on time" beside charts of
840 orders waiting 280 days.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from readiness import load_answers, load_questionnaire
from readiness.demo import DEMO_QUESTIONNAIRE
from readiness.surge import (
    DEFAULT_HORIZON,
    KNOWN_EVENT,
    Analysis,
    Setup,
    analyse,
    known_event,
    markdown,
    scenario_from_preset,
    setup_from_values,
)
from readiness.surge.words import horizon_line, numbers

FROST = Path(__file__).parent / "data" / "surge" / "frost-full-lap.yaml"


@pytest.fixture(scope="module")
def frost() -> Setup:
    from readiness.surge import setup_from_answers

    questionnaire = load_questionnaire(DEMO_QUESTIONNAIRE)
    answers, _ = load_answers(questionnaire, FROST)
    return setup_from_answers(questionnaire, answers)


@pytest.fixture(scope="module")
def event_run(frost: Setup) -> Analysis:
    event = known_event(frost.values())
    assert event is not None
    return analyse(frost, event)


@pytest.fixture(scope="module")
def viral_run(frost: Setup) -> Analysis:
    return analyse(frost, "viral_post")


def test_the_testers_answers_are_a_long_backlog_and_a_distant_event(frost: Setup) -> None:
    values = frost.values()
    assert (values["orders_per_day"], values["waiting_list_weeks"]) == (3, 40)
    assert (values["event_multiple"], values["event_weeks"]) == (10, 40)
    assert frost.inputs().waiting_list_days == 280


def test_the_run_contains_the_event_ahead_and_its_orders_falling_due(event_run: Analysis) -> None:
    result = event_run.result
    start, wait = result.scenario.start_day, result.inputs.waiting_list_days
    assert start == 281
    # the event's orders come in, and fall due, inside the run, with room after them
    assert result.horizon >= start + wait + 60
    n = result.inputs.orders_per_day
    assert result.demand.max() == pytest.approx(10 * n)
    # the event's orders are delivered, not just waited on: a queue above its usual length is worked down
    # as fast as capacity allows (tests/test_surge_queue.py), so from the event on, not 280 days later
    assert result.delivered[start - 1 :].max() > 2 * n


def test_the_run_is_still_six_months_when_six_months_hold_the_event() -> None:
    plain = setup_from_values({"orders_per_day": 40})
    # (not the retail chain's year-long contract: six months do not hold it, see below)
    for preset in ("tv_spot", "viral_post", "holiday_season", "failed_season", "lost_contract"):
        assert analyse(plain, preset).result.horizon == DEFAULT_HORIZON, preset
    # a waiting list of 13 weeks: a post's orders fall due on day 92, with most of the run still to go
    consultancy = setup_from_values({"orders_per_day": 1, "waiting_list_weeks": 13}, "services")
    assert analyse(consultancy, "viral_post").result.horizon == DEFAULT_HORIZON


def test_a_run_that_cannot_hold_the_event_says_so_instead_of_a_verdict(frost: Setup) -> None:
    event = known_event(frost.values())
    assert event is not None
    short = analyse(frost, event, horizon=DEFAULT_HORIZON)  # as the page ran it before
    lines = short.verdict()
    assert short.untested is not None
    assert lines[0].startswith("Not tested:") and "day 281" in lines[0] and "day 180" in lines[0]
    assert "copes" not in " ".join(lines).lower() and "on time" not in " ".join(lines)
    # beyond the longest run the model makes: an event ten years away, behind a year's waiting list
    from readiness.surge.scenarios import run_horizon

    far = setup_from_values({"event_multiple": 5, "event_weeks": 520, "waiting_list_weeks": 52})
    far_event = known_event(far.values())
    assert far_event is not None
    assert run_horizon(far.inputs(), far_event) < far_event.start_day + far.inputs().waiting_list_days
    far_run = analyse(far, far_event)
    assert far_run.untested is not None and far_run.verdict()[0].startswith("Not tested:")


@pytest.mark.parametrize("which", ["event", "viral"])
def test_the_verdict_names_the_standing_queue_the_charts_draw(
    which: str, event_run: Analysis, viral_run: Analysis
) -> None:
    run = event_run if which == "event" else viral_run
    result, s = run.result, run.result.summary
    first = run.verdict()[0]
    # the charts: a queue of about 840 orders on every day, the oldest 280 days old (less while the extra
    # orders are worked down ahead of their usual wait, never more)
    assert result.backlog.min() > 0.9 * 840 and int(np.max(result.wait)) == 280
    assert "on time" not in first and not first.startswith("Copes")
    assert "280 days" in first and "840 orders" in first, first
    assert run.untested is None and s.normal_waiting == 840
    # and the tables say the same as the words
    table = dict(numbers(run))
    assert table["Orders waiting on a normal day"] == "840" and table["Longest wait"].startswith("280 days")
    assert "840 orders" in markdown(run)


def test_the_website_breaks_when_the_event_comes_not_when_its_orders_fall_due(event_run: Analysis) -> None:
    second = event_run.verdict()[1]
    assert second.startswith("The website runs short on day 281")
    assert "comes due" not in second  # orders are turned away the day they come, 280 days before they are due


def test_without_a_waiting_list_copes_still_means_on_time() -> None:
    roomy = {"orders_per_day": 40, "utilization": 20, "peak_multiple": 3, "online_share": 0, "service_multiple": 10}
    calm = analyse(setup_from_values(roomy, "services"), "viral_post")
    assert calm.result.summary.outcome == "copes"
    assert calm.verdict()[0] == "Copes: every order is delivered on time and cash holds."
    assert calm.untested is None


def test_the_event_scenario_key_is_offered_for_the_testers_answers(frost: Setup) -> None:
    event = known_event(frost.values())
    assert event is not None and event.label == "Your event ahead" and KNOWN_EVENT == "known_event"
    assert scenario_from_preset("viral_post").start_day == 1


def test_a_change_longer_than_six_months_is_run_to_its_end_and_the_page_says_why() -> None:
    """Two browser passes: a 365-day contract behind an eight-month waiting list was run for 305 days (the
    contract, a step with an end, counted as lasting for good), and without a waiting list for 180 days
    beside "2× normal orders for 365 days" ("Loses 541 of 18,000 orders": half a year's orders); a season
    stretched to 365 days was cut at day 201, before its peak, under a verdict for the whole season."""
    plain = analyse(setup_from_values({"orders_per_day": 100}), "retail_contract").result
    assert plain.horizon == 365 + 60 and plain.summary.orders_in == pytest.approx(365 * 200 + 60 * 100)
    assert horizon_line(plain) == (
        "The model runs 425 days here, not the usual 180: the surge lasts 365 days, and the run follows it "
        "60 days past its end."
    )
    season = scenario_from_preset("holiday_season", days=365)
    assert analyse(setup_from_values({"orders_per_day": 100}), season).result.horizon >= 365 + season.decay_days
    queue = setup_from_values({"orders_per_day": 10, "waiting_list_weeks": 35})
    run = analyse(queue, "retail_contract").result
    assert run.scenario.days == 365 and run.inputs.waiting_list_days == 245
    # the contract's orders fall due from day 246, and the run follows them to the contract's end and past it
    assert run.horizon == 245 + 365 + 60
    line = horizon_line(run)
    assert line is not None and "fall due on day 246; it lasts 365 days" in line
    # a change for good still ends its run a couple of months after its first orders fall due
    lasting = analyse(queue, "lost_contract").result
    assert lasting.horizon < 365, lasting.horizon
