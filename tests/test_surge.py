"""The surge stress test: hand-computed days, conservation, monotonicity, the map, the inputs."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness import QuestionnaireError, load_answers, load_questionnaire, parse_questionnaire, score
from readiness.answers import Answer, answers_from_pairs
from readiness.demo import DEMO_ANSWERS, DEMO_QUESTIONNAIRE
from readiness.errors import CATALOGUE, SurgeInputError
from readiness.model import SURGE_INPUT_NAMES, NumberQuestion, Questionnaire
from readiness.surge import (
    KNOBS,
    PRESETS,
    RESOURCE_KEYS,
    RESOURCES,
    Constraint,
    Materials,
    Scenario,
    SurgeInputs,
    SurgeResult,
    assumptions_from_values,
    demand_multipliers,
    edit_assumptions,
    inputs_from_answers,
    inputs_from_assumptions,
    inputs_from_document,
    inputs_from_values,
    markdown,
    parse_inputs,
    related_findings,
    scenario_from_preset,
    simulate,
    survival_map,
)

from .conftest import HEADER, ROOT

NO_LIMIT = Constraint(capacity=None)


def roomy(**changes: Any) -> SurgeInputs:
    """A normal day of 10 orders where nothing limits, so a test sets only what it is about.

    Price 10, cost 4 per order, fixed costs 50 a day: a normal day makes 10.
    Customers pay on delivery and wait up to 1,000 days; nothing expands.
    """
    data: dict[str, Any] = {
        "orders_per_day": 10,
        "price": 10,
        "cost_per_order": 4,
        "fixed_cost_per_day": 50,
        "cash": 1000,
        "payment_days": 0,
        "patience_days": 1000,
        "technology": NO_LIMIT,
        "people": NO_LIMIT,
        "production": NO_LIMIT,
        "materials": Materials(capacity=None),
        "service": NO_LIMIT,
        "expansion": "never",
    }
    data.update(changes)
    return SurgeInputs(**data)


def block(multiplier: float, days: int = 1000, start_day: int = 1) -> Scenario:
    """N× normal orders for a block of days, back to normal at once."""
    return Scenario(shape="step", multiplier=multiplier, days=days, start_day=start_day)


@pytest.fixture(scope="module")
def growth() -> Questionnaire:
    return load_questionnaire(DEMO_QUESTIONNAIRE)


@pytest.fixture(scope="module")
def frost(growth: Questionnaire) -> tuple[SurgeInputs, list[Any]]:
    answers, _ = load_answers(growth, DEMO_ANSWERS)
    return inputs_from_answers(growth, answers)


# --- hand-computed days --------------------------------------------------------------


def test_no_surge_means_no_backlog_and_cash_grows_by_the_normal_profit() -> None:
    inputs, _ = inputs_from_values({})  # every documented default: a business with room to spare
    result = simulate(inputs, block(1), horizon=60)
    s = result.summary
    assert not result.backlog.any() and not result.lost_technology.any() and not result.lost_patience.any()
    assert np.array_equal(result.delivered, result.demand)
    assert s.first_bind is None and s.binding_order == () and s.expansions == ()
    assert (s.recovery_day, s.outcome, s.crunch_day, s.peak_wait) == (1, "copes", None, 0)
    profit = inputs.orders_per_day * (inputs.price - inputs.cost_per_order) - inputs.fixed_cost_per_day
    assert profit == pytest.approx(0.05 * inputs.orders_per_day * inputs.price)  # the default 5% margin
    np.testing.assert_allclose(result.cash, inputs.cash + profit * np.arange(1, 61))
    assert "Nothing falls short" in result.verdict()


def test_a_halved_step_grows_the_backlog_by_the_shortfall_every_day() -> None:
    result = simulate(roomy(production=Constraint(capacity=5)), block(1), horizon=30)
    np.testing.assert_array_equal(result.delivered, np.full(30, 5.0))
    np.testing.assert_array_equal(result.backlog, 5.0 * np.arange(1, 31))
    assert result.summary.first_bind is not None
    assert (result.summary.first_bind.resource, result.summary.first_bind.day) == ("production", 1)
    assert (result.bottleneck == RESOURCE_KEYS.index("production")).all()
    assert result.summary.recovery_day is None and result.summary.outcome == "strained"
    # half of each day's orders go out a day late, so the oldest waits one more day every other day
    np.testing.assert_array_equal(result.wait, (np.arange(30) + 1) // 2)


def test_cash_runs_out_on_the_computed_day() -> None:
    # Triple orders, paid 10 days after delivery: each day costs 4 × 30 + 50 = 170 and
    # brings in 10 × 10 = 100 (normal days' orders, delivered before the surge): -70 a day.
    # 500 - 7 × 70 = 10 after day 7; -60 after day 8. From day 11 the tripled orders pay: +130.
    result = simulate(roomy(cash=500, payment_days=10), block(3), horizon=20)
    s = result.summary
    assert s.crunch_day == 8
    assert (s.cash_low, s.cash_low_day) == (-200, 10)
    np.testing.assert_array_equal(result.cash[:11], [430, 360, 290, 220, 150, 80, 10, -60, -130, -200, -70])
    assert s.outcome == "breaks" and not s.lost
    assert "You run out of cash on day 8, however good the sales" in result.verdict()


def test_patience_cancels_exactly_the_orders_it_cannot_serve_in_time() -> None:
    # 100 orders on day 1, 20 a day of output, customers wait at most 2 days:
    # day 1's orders get days 1, 2 and 3 (60 served), the other 40 cancel at the end of day 3.
    inputs = roomy(production=Constraint(capacity=20), patience_days=2)
    result = simulate(inputs, block(10, days=1), horizon=10)
    np.testing.assert_array_equal(result.lost_patience, [0, 0, 40, 0, 0, 0, 0, 0, 0, 0])
    np.testing.assert_array_equal(result.delivered[:5], [20, 20, 20, 20, 20])
    np.testing.assert_array_equal(result.backlog[:5], [80, 70, 20, 10, 0])
    np.testing.assert_array_equal(result.wait[:5], [0, 1, 2, 2, 1])
    s = result.summary
    assert (s.lost_patience, s.peak_wait, s.recovery_day) == (40, 2, 5)


def test_zero_patience_drops_everything_not_served_the_same_day() -> None:
    result = simulate(roomy(production=Constraint(capacity=12), patience_days=0), block(2, days=3), horizon=6)
    np.testing.assert_array_equal(result.lost_patience, [8, 8, 8, 0, 0, 0])
    assert not result.backlog.any() and result.summary.peak_wait == 0


def test_extra_capacity_works_from_its_lead_time_day() -> None:
    production = Constraint(capacity=10, max_capacity=30, lead_days=4)
    react = simulate(roomy(production=production, expansion="react"), block(2), horizon=8)
    np.testing.assert_array_equal(react.delivered, [10, 10, 10, 10, 30, 30, 30, 30])  # clears the 40 waiting
    (expansion,) = react.summary.expansions
    assert (expansion.resource, expansion.ordered_day, expansion.ready_day) == ("production", 1, 5)
    assert (expansion.capacity_before, expansion.capacity_after) == (10, 30)
    np.testing.assert_array_equal(react.capacity["production"], [10, 10, 10, 10, 30, 30, 30, 30])

    never = simulate(roomy(production=production, expansion="never"), block(2), horizon=8)
    np.testing.assert_array_equal(never.delivered, np.full(8, 10.0))
    ahead = simulate(roomy(production=production, expansion="ahead"), block(2, start_day=3), horizon=8)
    np.testing.assert_array_equal(ahead.delivered, [10, 10, 20, 20, 20, 20, 20, 20])


def test_the_website_turns_orders_away_instead_of_queueing_them() -> None:
    result = simulate(roomy(technology=Constraint(capacity=15)), block(5, days=1), horizon=3)
    np.testing.assert_array_equal(result.lost_technology, [35, 0, 0])
    np.testing.assert_array_equal(result.delivered, [15, 10, 10])
    assert not result.backlog.any()
    assert result.verdict().count("turns away 35 orders: 70% of those placed on day 1") == 1


def test_materials_run_short_when_the_stock_is_gone() -> None:
    # 25 orders a day against 10 a day of deliveries and 30 in stock.
    result = simulate(roomy(materials=Materials(stock=30, capacity=10)), block(2.5), horizon=5)
    np.testing.assert_array_equal(result.delivered, [25, 25, 10, 10, 10])
    np.testing.assert_array_equal(result.stock, [15, 0, 0, 0, 0])
    assert result.summary.first_bind is not None
    assert (result.summary.first_bind.resource, result.summary.first_bind.day) == ("materials", 3)
    # extra deliveries (ordered when materials fall short) refill the stock to its usual level, no further
    extra = Materials(stock=30, capacity=10, max_capacity=40, lead_days=1)
    refill = simulate(roomy(materials=extra, expansion="react"), block(3, days=2), horizon=6)
    np.testing.assert_array_equal(refill.stock, [10, 0, 20, 30, 30, 30])


def test_extra_capacity_costs_only_for_the_orders_made_with_it() -> None:
    production = Constraint(capacity=10, max_capacity=30, lead_days=1, extra_cost_per_order=2)
    result = simulate(roomy(production=production, expansion="ahead"), block(2), horizon=2)
    # 20 orders: 80 for materials, 50 fixed, 2 × 10 for the ten made beyond today's 10; 200 comes in
    np.testing.assert_array_equal(result.cash, [1050, 1100])


def test_scenario_shapes_follow_their_definitions() -> None:
    def days(shape: str, n: float, d: int, decay: int = 0, start: int = 1, horizon: int = 7) -> list[float]:
        return demand_multipliers(shape, [n], [d], decay, start, horizon)[:, 0].tolist()  # type: ignore[arg-type]

    assert days("spike", 4, 2, decay=3) == [4, 4, 3.25, 2.5, 1.75, 1, 1]
    assert days("step", 3, 2, start=3) == [1, 1, 3, 3, 1, 1, 1]
    assert days("ramp", 3, 4) == [1.5, 2, 2.5, 3, 3, 3, 3]
    season = days("seasonal", 3, 5)
    assert season[2] == 3 and season[0] == season[4] and season[5:] == [1, 1]
    assert np.all(np.diff(season[:3]) > 0)


# --- properties -------------------------------------------------------------------------

capacities = st.one_of(st.none(), st.floats(0, 60, allow_nan=False))
constraints = st.builds(
    lambda cap, extra, lead, cost: Constraint(
        capacity=cap, max_capacity=None if cap is None else cap + extra, lead_days=lead, extra_cost_per_order=cost
    ),
    capacities,
    st.floats(0, 60),
    st.integers(1, 20),
    st.floats(0, 5),
)
materials = st.builds(
    lambda cap, extra, lead, stock: Materials(
        capacity=cap, max_capacity=None if cap is None else cap + extra, lead_days=lead, stock=stock
    ),
    capacities,
    st.floats(0, 60),
    st.integers(1, 20),
    st.floats(0, 200),
)
surge_inputs = st.builds(
    SurgeInputs,
    orders_per_day=st.floats(1, 50),
    price=st.floats(0, 50),
    cost_per_order=st.floats(0, 50),
    fixed_cost_per_day=st.floats(0, 500),
    cash=st.floats(-1000, 5000),
    payment_days=st.integers(0, 40),
    patience_days=st.integers(0, 15),
    technology=constraints,
    people=constraints,
    production=constraints,
    materials=materials,
    service=constraints,
    expansion=st.sampled_from(["react", "ahead", "never"]),
)
scenarios = st.builds(
    Scenario,
    shape=st.sampled_from(["spike", "step", "ramp", "seasonal"]),
    multiplier=st.floats(0, 20),
    days=st.integers(1, 60),
    decay_days=st.integers(0, 20),
    start_day=st.integers(1, 10),
)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(surge_inputs, scenarios)
def test_every_order_is_delivered_waiting_or_lost_on_every_day(inputs: SurgeInputs, scen: Scenario) -> None:
    r = simulate(inputs, scen, horizon=60)
    tol = 1e-6 * (1 + np.cumsum(r.demand))
    np.testing.assert_allclose(r.accepted + r.lost_technology, r.demand, rtol=0, atol=1e-9 * r.demand.max())
    accounted = np.cumsum(r.delivered) + r.backlog + np.cumsum(r.lost_technology) + np.cumsum(r.lost_patience)
    assert np.all(np.abs(np.cumsum(r.demand) - accounted) <= tol)
    for series in (r.delivered, r.backlog, r.lost_technology, r.lost_patience, r.stock):
        assert np.all(series >= -1e-9)
    assert np.all(r.wait <= inputs.patience_days)
    capacity = np.minimum.reduce([r.capacity[k] for k in ("people", "production", "materials", "service")])
    assert np.all(r.delivered <= capacity + 1e-9)
    s = r.summary
    assert s.orders_in == pytest.approx(r.demand.sum())
    assert s.lost == pytest.approx(r.lost_technology.sum() + r.lost_patience.sum())


@PROPERTY
@given(surge_inputs, scenarios, st.floats(0, 10), st.sampled_from(["never", "ahead"]))
def test_a_bigger_surge_never_loses_fewer_orders(inputs: SurgeInputs, scen: Scenario, more: float, policy: str) -> None:
    inputs = inputs.model_copy(update={"expansion": policy})
    small = simulate(inputs, scen, horizon=60).summary
    big = simulate(inputs, scen.model_copy(update={"multiplier": scen.multiplier + more}), horizon=60).summary
    assert big.lost >= small.lost - 1e-9 * max(1.0, small.lost)
    assert big.orders_in >= small.orders_in


def test_reacting_to_shortfalls_can_make_a_slightly_bigger_surge_lose_fewer_orders() -> None:
    """The documented exception (docs/surge.md): a bigger surge raises the alarm a day earlier.

    Production makes 110 a day and can double in 5 days; customers do not wait.
    A ramp to 1.5× falls short on day 3 (help from day 8): 5+10+15+20+25 = 75 lost.
    A ramp to 1.6× falls short on day 2 (help from day 7): 2+8+14+20+26 = 70 lost.
    """
    inputs = roomy(
        orders_per_day=100,
        patience_days=0,
        production=Constraint(capacity=110, max_capacity=220, lead_days=5),
        expansion="react",
    )
    small = simulate(inputs, Scenario(shape="ramp", multiplier=1.5, days=10), horizon=30).summary
    big = simulate(inputs, Scenario(shape="ramp", multiplier=1.6, days=10), horizon=30).summary
    assert (small.lost, small.expansions[0].ready_day) == pytest.approx((75, 8))
    assert (big.lost, big.expansions[0].ready_day) == pytest.approx((70, 7))


# --- the survival map ---------------------------------------------------------------------


def _summary_of(result: SurgeResult) -> dict[str, Any]:
    s = result.summary
    return {
        "outcome": s.outcome,
        "orders_in": s.orders_in,
        "lost": s.lost,
        "lost_technology": s.lost_technology,
        "lost_patience": s.lost_patience,
        "lost_share": s.lost_share,
        "revenue_lost": s.revenue_lost,
        "peak_backlog": s.peak_backlog,
        "peak_wait": s.peak_wait,
        "cash_low": s.cash_low,
        "crunch_day": s.crunch_day,
        "recovery_day": s.recovery_day,
        "first_bind": s.first_bind.resource if s.first_bind else None,
        "first_bind_day": s.first_bind.day if s.first_bind else None,
    }


@pytest.mark.parametrize("policy", ["react", "ahead", "never"])
@pytest.mark.parametrize("shape", ["spike", "step", "ramp", "seasonal"])
def test_the_survival_map_equals_single_runs_cell_by_cell(
    frost: tuple[SurgeInputs, list[Any]], policy: str, shape: str
) -> None:
    inputs = frost[0].model_copy(update={"expansion": policy, "cash": 3000.0})  # thin cash: some cells break
    base = Scenario(shape=shape, multiplier=1, days=1, decay_days=4, start_day=3)  # type: ignore[arg-type]
    multipliers, durations = [0.5, 1, 1.1, 2, 5, 13.5], [1, 3, 10, 45, 400]
    grid = survival_map(inputs, multipliers, durations, horizon=90, scenario=base)
    outcomes = set()
    for i, n in enumerate(multipliers):
        for j, d in enumerate(durations):
            single = simulate(inputs, base.model_copy(update={"multiplier": n, "days": d}), horizon=90)
            cell = grid.cell(i, j)
            assert (cell["multiplier"], cell["days"]) == (n, d)
            expected = _summary_of(single)
            assert {k: cell[k] for k in expected} == expected, (n, d)  # exact: same floats, same order
            outcomes.add(cell["outcome"])
    assert len(outcomes) >= 2  # the grid is not trivially uniform


def test_the_survival_map_is_vectorized_and_answers_which_surges_we_survive(
    frost: tuple[SurgeInputs, list[Any]],
) -> None:
    inputs = frost[0].model_copy(update={"payment_days": 60, "cash": 20000.0, "expansion": "ahead"})
    grid = survival_map(inputs, [1, 2, 4, 8], [1, 7, 30, 90])
    assert grid.outcome.shape == (4, 4) and grid.survives.dtype == bool
    assert grid.survives[0, 0] and not grid.survives[-1, -1]
    assert np.all(grid.lost[1:] >= grid.lost[:-1])  # bigger never loses fewer (decisions fixed: `ahead`)
    assert np.all(grid.lost[:, 1:] >= grid.lost[:, :-1])  # longer never loses fewer
    json.dumps(grid.to_dict(), allow_nan=False)


def test_survival_map_refuses_bad_grids(frost: tuple[SurgeInputs, list[Any]]) -> None:
    for multipliers, durations in (([], [1]), ([1], [0]), ([-1], [1]), ([1], [1.5])):
        with pytest.raises(SurgeInputError):
            survival_map(frost[0], multipliers, durations)
    with pytest.raises(SurgeInputError, match="horizon"):
        survival_map(frost[0], [1], [1], horizon=0)


# --- presets, words, JSON ------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(PRESETS))
def test_every_preset_runs_and_reads_as_plain_words(frost: tuple[SurgeInputs, list[Any]], key: str) -> None:
    preset = PRESETS[key]
    assert preset.label and preset.description
    result = simulate(frost[0], key)
    text = result.verdict()
    assert text.startswith(f"{preset.label}: ") and "day" in text
    assert "inf" not in text and "nan" not in text
    data = result.to_dict()
    json.dumps(data, allow_nan=False)
    assert data["verdict"] == text and len(data["series"]["demand"]) == 180
    assert parse_inputs(json.loads(json.dumps(data["inputs"]))) == frost[0]
    page = markdown(result, frost[1], title="Frost & Co")
    assert page.startswith("# Frost & Co") and text in page and "| Stock cover |" in page


def test_presets_can_be_resized_and_typos_are_explained() -> None:
    spot = scenario_from_preset("tv_spot", multiplier=5, days=3)
    assert (spot.shape, spot.multiplier, spot.days, spot.decay_days) == ("spike", 5, 3, PRESETS["tv_spot"].decay_days)
    with pytest.raises(SurgeInputError, match="did you mean `tv_spot`"):
        scenario_from_preset("tv-spot")
    with pytest.raises(SurgeInputError, match="multiplier"):
        scenario_from_preset("tv_spot", multiplier=-2)


def test_the_demo_ice_cream_maker_after_a_tv_spot(growth: Questionnaire, frost: tuple[SurgeInputs, list[Any]]) -> None:
    inputs, assumptions = frost
    result = simulate(inputs, "tv_spot")
    s = result.summary
    # Its website fell over at twice a normal day: it fails first, on the day of the spot.
    assert s.first_bind is not None and (s.first_bind.resource, s.first_bind.day) == ("technology", 1)
    assert s.first_bind.dimension == "technology"
    # The kitchen runs at 92%: production limits deliveries long after the spot.
    assert np.bincount(result.bottleneck[result.bottleneck >= 0]).argmax() == RESOURCE_KEYS.index("production")
    assert 0 < s.lost_share < 0.5 and s.recovery_day is not None and s.recovery_day > 30
    text = result.verdict()
    assert text.startswith("National TV spot: 10× normal orders for 2 days")
    assert "Your website fails first, on day 1, and turns away" in text
    assert "Production is what limits deliveries" in text
    assert "after the rush is over" in text  # doubling the kitchen takes 20 weeks
    # The findings to show next to the website bottleneck are the technology ones.
    answers, _ = load_answers(growth, DEMO_ANSWERS)
    findings = related_findings(score(growth, answers), s.first_bind.resource)
    assert findings and {f.dimension for f in findings} == {"technology"}
    assert "website_spike" in {f.question_id for f in findings}
    by_name = {a.name: a for a in assumptions}
    assert by_name["utilization"].source == "answer" and by_name["patience_days"].source == "assumption"


# --- inputs from answers ---------------------------------------------------------------------


def test_a_partial_assessment_marks_everything_else_as_assumptions(growth: Questionnaire) -> None:
    answers = answers_from_pairs(
        growth, [("business_type", "goods"), ("utilization", 80), ("normal_orders_per_day", 200), ("stock_cover", "na")]
    )
    inputs, assumptions = inputs_from_answers(growth, answers)
    by_name = {a.name: a for a in assumptions}
    assert [a.name for a in assumptions] == list(KNOBS)
    assert {n for n, a in by_name.items() if a.source == "answer"} == {"utilization", "orders_per_day", "stock_days"}
    assert by_name["utilization"].question_id == "utilization" and by_name["utilization"].value == 80
    assert by_name["stock_days"].value is None and "not applicable" in by_name["stock_days"].note
    assert by_name["cash_weeks"].source == "assumption" and by_name["cash_weeks"].value == KNOBS["cash_weeks"].default
    assert "unanswered" in by_name["cash_weeks"].note
    assert by_name["patience_days"].note == "assumed: no question asks this"
    assert inputs.orders_per_day == 200
    assert inputs.production.capacity == pytest.approx(250)  # 200 ÷ 80%
    assert inputs.materials.capacity is None  # made to order: materials left out


def test_dont_know_and_hidden_questions_fall_back_to_labelled_assumptions(growth: Questionnaire) -> None:
    answers = {
        "business_type": Answer("business_type", "value", "services"),
        "website_peak": Answer("website_peak", "dont_know", None),
        "stock_cover": Answer("stock_cover", "value", 3.0),  # hidden for services: not used
    }
    inputs, assumptions = inputs_from_answers(growth, answers)
    by_name = {a.name: a for a in assumptions}
    assert by_name["website_multiple"].source == "assumption" and "don't know" in by_name["website_multiple"].note
    assert inputs.technology.capacity == pytest.approx(3 * inputs.orders_per_day)
    assert by_name["stock_days"].value is None and "not asked" in by_name["stock_days"].note
    assert inputs.materials.capacity is None


def test_zero_orders_a_day_cannot_size_the_test(growth: Questionnaire) -> None:
    answers = answers_from_pairs(growth, [("normal_orders_per_day", 0)])
    inputs, assumptions = inputs_from_answers(growth, answers)
    orders = next(a for a in assumptions if a.name == "orders_per_day")
    assert orders.source == "assumption" and "cannot" in orders.note
    assert inputs.orders_per_day == KNOBS["orders_per_day"].default
    with pytest.raises(SurgeInputError, match="above 0"):
        inputs_from_values({"orders_per_day": 0})


def test_derived_inputs_follow_the_documented_rules() -> None:
    inputs, _ = inputs_from_values(
        {
            "orders_per_day": 100,
            "order_value": 20,
            "cost_share": 40,
            "net_margin": 5,
            "cash_weeks": 2,
            "utilization": 80,
        }
    )
    assert (inputs.price, inputs.cost_per_order) == (20, 8)
    assert inputs.fixed_cost_per_day == pytest.approx(100 * 12 - 100 * 20 * 0.05)  # leaves 5% of sales as profit
    assert inputs.cash == pytest.approx(14 * (inputs.fixed_cost_per_day + 800))  # two weeks of normal outgoings
    assert inputs.production.capacity == pytest.approx(125) and inputs.production.max_capacity == pytest.approx(250)
    assert inputs.production.lead_days == 56 and inputs.people.lead_days == 28
    assert inputs.people.capacity == pytest.approx(150) and inputs.technology.capacity == pytest.approx(300)
    assert inputs.materials.stock == pytest.approx(700) and inputs.materials.capacity == pytest.approx(100)


def test_edited_assumptions_are_marked_and_change_the_inputs() -> None:
    base = assumptions_from_values({"utilization": 90})
    edited = edit_assumptions(base, {"patience_days": 2, "utilization": 90})
    by_name = {a.name: a for a in edited}
    assert by_name["patience_days"].source == "edited" and by_name["utilization"].source == "answer"
    assert inputs_from_assumptions(edited).patience_days == 2
    with pytest.raises(SurgeInputError, match="did you mean `patience_days`"):
        edit_assumptions(base, {"patience": 2})
    with pytest.raises(SurgeInputError, match="negative"):
        edit_assumptions(base, {"patience_days": -1})
    with pytest.raises(SurgeInputError, match="needs a number"):
        edit_assumptions(base, {"utilization": None})


def test_inputs_documents_answers_files_and_named_values_all_work(growth: Questionnaire) -> None:
    from_answers, assumptions = inputs_from_document({"answers": {"utilization": 50, "business_type": "goods"}}, growth)
    assert from_answers.production.capacity == pytest.approx(100) and assumptions
    named, _ = inputs_from_document({"orders_per_day": 7})
    assert named.orders_per_day == 7
    full, none = inputs_from_document(named.model_dump())
    assert full == named and none == []
    with pytest.raises(SurgeInputError, match="questionnaire"):
        inputs_from_document({"answers": {}})
    with pytest.raises(SurgeInputError, match="max_capacity"):
        parse_inputs({**named.model_dump(), "people": {"capacity": 10, "max_capacity": 5}})
    with pytest.raises(SurgeInputError, match="unknown surge input `order_per_day`"):
        inputs_from_document({"order_per_day": 7})


# --- the questionnaire format ---------------------------------------------------------------


def test_surge_inputs_are_checked_when_a_questionnaire_loads(inline: Callable[[str], Questionnaire]) -> None:
    number = """
        - id: busy
          dimension: ops
          type: number
          surge_input: {name}
          unit: "%"
          help: How busy.
          text: How busy?
          weight: {weight}
          bands: [{{score: 1, label: Any}}]
        - {{id: demand_q, dimension: demand, type: yes_no, text: Ads?}}
    """
    assert inline(number.format(name="utilization", weight=1)).question("busy").surge_input == "utilization"
    with pytest.raises(QuestionnaireError) as info:
        inline(number.format(name="utilisation", weight=1))
    (problem,) = info.value.errors
    assert problem.code == "RQ219" and "did you mean `utilization`" in problem.message
    with pytest.raises(QuestionnaireError) as info:
        inline("- {id: q, dimension: ops, type: yes_no, text: Q?, surge_input: utilization}\n")
    assert [p.code for p in info.value.errors] == ["RQ219"]


def test_an_unscored_surge_input_is_not_a_zero_weight_warning() -> None:
    questions = """
        - {id: orders, dimension: ops, type: number, weight: 0, surge_input: orders_per_day, text: Orders?,
           bands: [{score: 1, label: Any}]}
        - {id: other, dimension: ops, type: number, weight: 0, text: Other?, bands: [{score: 1, label: Any}]}
        - {id: demand_q, dimension: demand, type: yes_no, text: Ads?}
    """
    text = textwrap.dedent(HEADER) + "questions:\n" + textwrap.indent(textwrap.dedent(questions), "  ")
    warnings = parse_questionnaire(text, "inline.yaml").warnings
    assert [(w.code, w.path) for w in warnings] == [("RQ301", "questions[1].weight")]
    assert CATALOGUE["RQ219"].title == "invalid surge input"


def test_the_shipped_questionnaires_feed_the_surge_model(growth: Questionnaire) -> None:
    assert tuple(KNOBS) == SURGE_INPUT_NAMES
    marked = {q.surge_input: q.id for q in growth.questions if isinstance(q, NumberQuestion) and q.surge_input}
    assert set(marked) >= {
        "orders_per_day",
        "order_value",
        "payment_days",
        "utilization",
        "peak_multiple",
        "weeks_to_double",
        "weeks_to_productive",
        "stock_days",
        "cash_weeks",
        "website_multiple",
    }
    quick = load_questionnaire(ROOT / "questionnaires" / "quick-check.yaml")
    assert {q.surge_input for q in quick.questions if q.surge_input} == {"utilization", "cash_weeks"}


def test_every_input_preset_and_resource_is_documented() -> None:
    surge_doc = (ROOT / "docs" / "surge.md").read_text()
    format_doc = (ROOT / "docs" / "questionnaire-format.md").read_text()
    for name in KNOBS:
        assert f"`{name}`" in surge_doc and f"`{name}`" in format_doc, name
    for key in PRESETS:
        assert f"`{key}`" in surge_doc, key
    for key, resource in RESOURCES.items():
        assert resource.dimensions and resource.label in surge_doc, key


def test_the_surge_engine_does_not_import_ui_modules() -> None:
    code = (
        "import sys, readiness.surge;"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in {'streamlit', 'altair', 'pandas'})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_raise_capacity_scales_one_step_and_what_if_ranks_the_fixes() -> None:
    from readiness.surge import RESOURCE_KEYS, inputs_from_values, raise_capacity, simulate, what_if

    inputs, _ = inputs_from_values({})
    doubled = raise_capacity(inputs, "production", 2)
    assert doubled.production.capacity == 2 * inputs.production.capacity
    assert doubled.people == inputs.people
    ranked = what_if(inputs, "tv_spot", 3)
    assert sorted(key for key, _ in ranked) == sorted(RESOURCE_KEYS)

    def lost(run):
        return run.summary.lost_technology + run.summary.lost_patience

    assert [lost(r) for _, r in ranked] == sorted(lost(r) for _, r in ranked)
    assert lost(ranked[0][1]) <= lost(simulate(inputs, "tv_spot"))


def test_surge_cli_reads_an_answers_file_and_lists_assumptions(tmp_path) -> None:
    import json
    import subprocess
    import sys

    from .conftest import ROOT

    demo = ROOT / "questionnaires" / "demo" / "frost-and-co.yaml"
    run = [sys.executable, "-m", "readiness", "surge", str(demo), "--scenario", "retail_contract"]
    markdown = subprocess.run(run, capture_output=True, text=True, timeout=60)
    assert markdown.returncode == 0, markdown.stderr
    assert "Retail" in markdown.stdout and "first" in markdown.stdout
    data = json.loads(
        subprocess.run(
            [*run, "--format", "json", "--multiplier", "4", "--days", "30"], capture_output=True, text=True, timeout=60
        ).stdout
    )
    assert data["scenario"]["multiplier"] == 4 and data["scenario"]["days"] == 30
    assert {a["source"] for a in data["assumptions"]} >= {"answer", "assumption"}
    bad = subprocess.run(
        [sys.executable, "-m", "readiness", "surge", str(demo), "--scenario", "meteor"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 1 and "unknown scenario" in bad.stderr and "Traceback" not in bad.stderr
    values = tmp_path / "inputs.yaml"
    values.write_text("orders_per_day: 50\n")
    assert (
        subprocess.run(
            [sys.executable, "-m", "readiness", "surge", str(values)], capture_output=True, timeout=60
        ).returncode
        == 0
    )
