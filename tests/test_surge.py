"""The surge model: hand-computed days for every mechanic, conservation, the grid equal to single runs.

Each hand-computed test sets up a business where only the mechanic under test
can bite (everything else is roomy), and its docstring or comments show the
arithmetic, so a failure says which rule changed.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness.errors import SurgeInputError
from readiness.surge import (
    Lever,
    Levers,
    Scenario,
    SurgeInputs,
    inputs_from_values,
    run_grid,
    simulate,
    survival_map,
)
from readiness.surge.scenarios import demand_multipliers

BIG = 1e6


def services(**changes: Any) -> SurgeInputs:
    """A service business of 10 orders a day where nothing limits, so a test sets only what it is about.

    Price 10, cost 4 per order paid the day it is delivered, fixed costs 50 a
    day: a normal day makes 10. Customers pay on delivery, wait as long as it
    takes, and nothing expands.
    """
    data: dict[str, Any] = {
        "kind": "services",
        "orders_per_day": 10,
        "price": 10,
        "unit_cost": 4,
        "fixed_cost_per_day": 50,
        "cash": 1000,
        "payment_days": 0,
        "supplier_payment_days": 0,
        "making": BIG,
        "patience_days": 1000,
        "wait_share": 1,
        "expansion": "never",
    }
    data.update(changes)
    return SurgeInputs(**data)


def goods(**changes: Any) -> SurgeInputs:
    """A goods maker of 10 orders a day, made to stock in daily batches, with materials to spare."""
    data: dict[str, Any] = {
        "kind": "goods",
        "make_to_stock": True,
        "stock": 0,
        "batch_days": 1,
        "materials": BIG,
        "supplier_lead_days": 1,
        "supplier_per_day": BIG,
    }
    data.update(changes)
    return services(**data)


def block(multiplier: float, days: int = 1000, start_day: int = 1, **extra: Any) -> Scenario:
    """N× normal orders for a block of days, back to normal at once."""
    return Scenario(shape="step", multiplier=multiplier, days=days, start_day=start_day, **extra)


# --- orders, queues and customers ---------------------------------------------------------


def test_a_normal_day_repeats_and_cash_grows_by_the_normal_profit() -> None:
    inputs, _ = inputs_from_values({}, kind="services")  # every documented default: room to spare
    result = simulate(inputs, block(1), horizon=60)
    s = result.summary
    assert not result.backlog.any() and not result.lost.any()
    np.testing.assert_allclose(result.delivered, result.demand)
    assert s.breaks == () and s.expansions == ()
    assert (s.recovery_day, s.outcome, s.crunch_day, s.peak_wait) == (1, "copes", None, 0)
    profit = inputs.orders_per_day * (inputs.price - inputs.unit_cost) - inputs.fixed_cost_per_day
    assert profit == pytest.approx(0.05 * inputs.orders_per_day * inputs.price)  # the default 5% margin
    np.testing.assert_allclose(result.cash, inputs.cash + profit * np.arange(1, 61))
    assert (s.cash_low, s.cash_low_day) == (inputs.cash, 0)  # never below where it started


def test_a_halved_step_grows_the_backlog_by_the_shortfall_every_day() -> None:
    result = simulate(services(making=5), block(1), horizon=30)
    np.testing.assert_array_equal(result.delivered, np.full(30, 5.0))
    np.testing.assert_array_equal(result.backlog, 5.0 * np.arange(1, 31))
    first = result.summary.first_break
    assert first is not None and (first.step, first.day) == ("people", 1)
    assert result.bottleneck_days() == {"people": 30}
    assert result.summary.recovery_day is None and result.summary.outcome == "strained"
    # half of each day's orders go out a day late: by tomorrow the oldest will have waited 1, 1, 2, 2, ... days
    np.testing.assert_array_equal(result.wait, (np.arange(30) + 2) // 2)


def test_cash_runs_out_on_the_computed_day() -> None:
    # Triple orders, paid 10 days after delivery: each day costs 4 × 30 + 50 = 170 and
    # brings in 10 × 10 = 100 (normal days' orders, delivered before the surge): -70 a day.
    # 500 - 7 × 70 = 10 after day 7; -60 after day 8. From day 11 the tripled orders pay: +130.
    result = simulate(services(cash=500, payment_days=10), block(3), horizon=20)
    s = result.summary
    assert s.crunch_day == 8
    assert (s.cash_low, s.cash_low_day) == (-200, 10)
    np.testing.assert_array_equal(result.cash[:11], [430, 360, 290, 220, 150, 80, 10, -60, -130, -200, -70])
    assert s.outcome == "breaks" and not s.lost
    assert [b.step for b in s.breaks] == ["cash"] and s.breaks[0].day == 8


def test_patience_cancels_exactly_the_orders_it_cannot_serve_in_time() -> None:
    # 100 orders on day 1, 20 a day of output, customers wait at most 2 days beyond the usual
    # (no waiting list): day 1's orders get days 1, 2 and 3 (60 served), the other 40 cancel
    # at the end of day 3.
    result = simulate(services(making=20, patience_days=2), block(10, days=1), horizon=10)
    np.testing.assert_array_equal(result.lost_patience, [0, 0, 40, 0, 0, 0, 0, 0, 0, 0])
    np.testing.assert_array_equal(result.delivered[:5], [20, 20, 20, 20, 20])
    np.testing.assert_array_equal(result.backlog[:5], [80, 70, 20, 10, 0])
    np.testing.assert_array_equal(result.wait[:5], [1, 2, 2, 1, 0])
    s = result.summary
    assert (s.lost_patience, s.peak_wait, s.recovery_day) == (40, 2, 5)


def test_only_the_share_willing_to_wait_stays_when_the_wait_grows() -> None:
    # 30 orders on day 1, 20 made: the 10 who would wait go half elsewhere at once.
    result = simulate(services(making=20, wait_share=0.5), block(3, days=1), horizon=4)
    np.testing.assert_array_equal(result.lost_leaving, [5, 0, 0, 0])
    np.testing.assert_array_equal(result.delivered, [20, 15, 10, 10])
    np.testing.assert_array_equal(result.backlog, [5, 0, 0, 0])


def test_zero_patience_drops_everything_not_served_the_same_day() -> None:
    result = simulate(services(making=12, patience_days=0), block(2, days=3), horizon=6)
    np.testing.assert_array_equal(result.lost_patience, [8, 8, 8, 0, 0, 0])
    assert not result.backlog.any()


def test_a_waiting_list_is_steady_and_a_surge_lengthens_it() -> None:
    # Normally 30 orders wait (3 days' worth) and 10 a day are served: those that came 3 days
    # ago. Two days at 20 add 20 to the list; at 10 a day of output it stays 50 long, so new
    # customers wait 5 days instead of 3. Everyone waits: nothing is lost.
    normal = simulate(services(making=10, waiting_list_days=3), block(1), horizon=20)
    np.testing.assert_array_equal(normal.delivered, np.full(20, 10.0))
    np.testing.assert_array_equal(normal.backlog, np.full(20, 30.0))
    assert set(normal.wait.tolist()) == {3} and normal.summary.outcome == "copes"

    surge = simulate(services(making=10, waiting_list_days=3), block(2, days=2), horizon=20)
    np.testing.assert_array_equal(surge.delivered, np.full(20, 10.0))
    np.testing.assert_array_equal(surge.backlog[:3], [40, 50, 50])
    assert surge.backlog[-1] == 50 and surge.wait[0] == 3 and surge.wait[-1] == 5
    s = surge.summary
    assert (s.lost, s.normal_wait, s.peak_wait, s.still_waiting - s.normal_waiting) == (0, 3, 5, 20)


def test_the_website_turns_away_online_orders_only() -> None:
    # Half the orders come online and the site takes 10 online orders a day: 50 orders on
    # day 1 are 25 online (15 turned away) and 25 in person (all taken).
    result = simulate(services(online_share=0.5, website=10), block(5, days=1), horizon=3)
    np.testing.assert_array_equal(result.lost_website, [15, 0, 0])
    np.testing.assert_array_equal(result.delivered, [35, 10, 10])
    assert [b.step for b in result.summary.breaks] == ["website"]


def test_a_walk_in_business_has_no_website_to_break() -> None:
    inputs, _ = inputs_from_values({"online_share": 0, "website_multiple": 1.1})
    result = simulate(inputs, "tv_spot")
    assert "website" not in {b.step for b in result.summary.breaks}
    assert not result.lost_website.any()


# --- stock, production and materials ------------------------------------------------------


def test_finished_stock_serves_orders_before_production_does() -> None:
    # Production makes 10 a day, exactly a normal day, so stock is never rebuilt.
    # Three days' stock (30): day 1 makes 10 and ships 30 (stock 10 left); day 2 makes 10,
    # ships 20, and 10 wait; from then on 10 wait for good.
    short = simulate(goods(making=10, stock=30), block(3, days=2), horizon=10)
    np.testing.assert_array_equal(short.delivered[:4], [30, 20, 10, 10])
    np.testing.assert_array_equal(short.stock[:3], [10, 0, 0])
    np.testing.assert_array_equal(short.backlog[:3], [0, 10, 10])
    steps = {b.step: b.day for b in short.summary.breaks}
    assert steps == {"production": 2, "stock": 2}
    # Ninety days' stock absorbs the same surge: 40 extra orders come out of the freezer.
    deep = simulate(goods(making=10, stock=900), block(3, days=2), horizon=10)
    np.testing.assert_array_equal(deep.delivered, deep.demand)
    np.testing.assert_array_equal(deep.stock[:3], [880, 860, 860])
    assert deep.summary.breaks == () and deep.summary.lost == 0 and short.backlog[-1] > 0


def test_stock_is_rebuilt_after_a_rush_when_production_has_room() -> None:
    # 20 a day of production, 30 of stock: after 3 days at 2× the stock (10) is refilled
    # at 10 a day, the room production has above a normal day.
    result = simulate(goods(making=20, stock=30), block(3, days=1), horizon=6)
    np.testing.assert_array_equal(result.delivered, [30, 10, 10, 10, 10, 10])
    np.testing.assert_array_equal(result.stock, [20, 30, 30, 30, 30, 30])


def test_materials_arrive_after_the_supplier_lead_time() -> None:
    # Made to order, 20 of materials on hand, suppliers deliver up to 10 a day, 3 days after
    # ordering (30 already on the way from normal days). Day 1 uses all 30 on hand;
    # from day 2 production is held to the 10 a day that arrives.
    inputs = goods(make_to_stock=False, making=100, materials=20, supplier_lead_days=3, supplier_per_day=10)
    never = simulate(inputs, block(3, days=3), horizon=8)
    np.testing.assert_array_equal(never.delivered, [30, 10, 10, 10, 10, 10, 10, 10])
    assert {b.step: b.day for b in never.summary.breaks} == {"materials": 2}
    # Asking suppliers for more (ready the next day, 30 a day) only helps once those
    # deliveries arrive, three days later: on day 6.
    more = inputs.model_copy(
        update={"expansion": "cautious", "levers": Levers(extra_supply=Lever(capacity=20, lead_days=1))}
    )
    faster = simulate(more, block(3, days=3), horizon=8)
    np.testing.assert_array_equal(faster.delivered[:6], [30, 10, 10, 10, 10, 30])
    (supply,) = faster.summary.expansions
    assert (supply.lever, supply.ordered_day, supply.ready_day) == ("extra_supply", 2, 3)


def test_suppliers_are_paid_after_their_terms() -> None:
    # Materials cost 4 an order's worth and are paid 5 days after they arrive (1 day after
    # ordering). Normal days before day 1 were paid the same way, so cash only moves when
    # the deliveries of the rush fall due: 10 extra orders' worth bought on day 1, paid on day 7.
    inputs = goods(making=100, supplier_payment_days=5, materials=0.0, supplier_lead_days=1)
    result = simulate(inputs, block(2, days=1), horizon=10)
    paid = result.payments - inputs.fixed_cost_per_day
    assert paid[6] == pytest.approx(paid[5] + 40)


def test_customers_pay_after_their_terms() -> None:
    result = simulate(services(payment_days=3), block(2, days=1), horizon=6)
    np.testing.assert_array_equal(result.receipts, [100, 100, 100, 200, 100, 100])


# --- added capacity: lead time, cost, commitment ------------------------------------------


def _expanding(commit: int = 1000, policy: str = "aggressive") -> SurgeInputs:
    expand = Lever(capacity=20, lead_days=4, cost_per_day=7, upfront=100, commit_days=commit)
    return services(making=10, expansion=policy, levers=Levers(expand=expand))


def test_added_capacity_works_from_its_lead_time_and_costs_from_then() -> None:
    # Ordered on day 1 (the first shortfall), working on day 5: 30 a day clears the 40 waiting.
    # Cash: +10 a day until day 4; day 5 pays 100 up front and 7 a day from then.
    result = simulate(_expanding(), block(2), horizon=8)
    np.testing.assert_array_equal(result.delivered, [10, 10, 10, 10, 30, 30, 30, 30])
    np.testing.assert_array_equal(result.cash, [1010, 1020, 1030, 1040, 1063, 1186, 1309, 1432])
    (e,) = result.summary.expansions
    assert (e.lever, e.ordered_day, e.ready_day, e.last_day) == ("expand", 1, 5, None)
    assert e.cost == 7 * 4 + 100
    assert e.committed_after == 7 * (4 + 1000 - 8)  # the rest of its commitment, after the run


def test_fixed_costs_run_after_the_rush_until_the_commitment_ends() -> None:
    # 20 orders on days 1-3, then 10: 30 wait after day 4. Working from day 5 (30 a day), it
    # serves 30 on day 5 and the last 20 on day 6; its 3-day commitment ends on day 8: let go
    # from day 9. Day 6 used half of it, days 7 and 8 none: 3.5 + 7 + 7 of its cost bought nothing.
    result = simulate(_expanding(commit=3), block(2, days=3), horizon=20)
    np.testing.assert_array_equal(result.delivered[:7], [10, 10, 10, 10, 30, 20, 10])
    (e,) = result.summary.expansions
    assert (e.ready_day, e.last_day, e.cost, e.committed_after) == (5, 8, 4 * 7 + 100, 0)
    assert result.summary.idle_cost == 3.5 + 7 + 7
    np.testing.assert_array_equal(result.capacity_making[7:9], [30, 10])


def test_the_worked_example_in_the_docs_is_what_the_model_does() -> None:
    """docs/surge.md, "A worked example": its table, row for row."""
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "surge.md").read_text()
    section = doc.split("## A worked example", 1)[1].split("##", 1)[0]
    rows = [
        [float(x.replace(",", "")) for x in re.findall(r"[\d,]+", line)]
        for line in section.splitlines()
        if re.match(r"^\| \d+ \|", line)
    ]
    result = simulate(_expanding(commit=3), block(2, days=3), horizon=len(rows))
    model = [
        [
            day + 1,
            result.demand[day],
            result.delivered[day],
            result.backlog[day],
            result.capacity_making[day],
            result.cash[day],
        ]
        for day in range(len(rows))
    ]
    assert rows == model and len(rows) == 9


def test_cautious_waits_for_demand_that_lasts_aggressive_does_not() -> None:
    spike = block(2, days=5)
    assert simulate(_expanding(policy="cautious"), spike, horizon=40).summary.expansions == ()
    assert simulate(_expanding(policy="aggressive"), spike, horizon=40).summary.expansions[0].ordered_day == 1
    # Demand above capacity for 14 days running: the cautious owner expands on day 14.
    lasting = simulate(_expanding(policy="cautious"), block(2), horizon=40)
    assert lasting.summary.expansions[0].ordered_day == 14


def test_overtime_costs_only_for_the_orders_made_with_it() -> None:
    overtime = Lever(capacity=10, lead_days=1, cost_per_order=2)
    result = simulate(services(making=10, expansion="cautious", levers=Levers(overtime=overtime)), block(2), 3)
    # day 1: 10 made, short; from day 2: 20 a day, 10 of them on overtime at 2 each
    np.testing.assert_array_equal(result.delivered, [10, 20, 20])
    np.testing.assert_array_equal(result.lever_cost, [0, 20, 20])


# --- shortfalls: plan above demand ----------------------------------------------------------


def test_stock_past_its_shelf_life_is_written_off() -> None:
    # 30 of normal stock plus 200 made the day before day 1, for normal demand; production
    # makes exactly a normal day. Stock keeps 10 days: on day 10 the 130 left of that
    # batch are written off (at 4 each), and production starts again.
    inputs = goods(making=10, stock=30, shelf_days=10)
    result = simulate(inputs, block(1, prebuild_days=20), horizon=15)
    np.testing.assert_array_equal(result.stock[:10], [220, 210, 200, 190, 180, 170, 160, 150, 140, 0])
    np.testing.assert_array_equal(result.delivered, np.full(15, 10.0))
    s = result.summary
    assert (s.written_off, s.written_off_value) == (130, 520)
    assert result.made[:10].sum() == 0 and result.made[10] == 10
    assert s.outcome == "strained" and s.cash_start == 1000 - 200 * 4  # the prebuilt stock was paid for


def test_a_padded_forecast_builds_stock_nobody_orders() -> None:
    # The forecast is twice the orders. Each 5-day batch plans 100: 50 for real orders,
    # 50 of padding, made with the room production has left. The padding sells to nobody:
    # 50 more dead stock every 5 days.
    inputs = goods(making=20, batch_days=5)
    padded = simulate(inputs, block(1, padding=100), horizon=20)
    np.testing.assert_array_equal(padded.dead[[4, 9, 14, 19]], [50, 100, 150, 200])
    np.testing.assert_array_equal(padded.delivered, np.full(20, 10.0))
    assert padded.summary.dead_end == 200 and padded.summary.outcome == "strained"
    honest = simulate(inputs, block(1), horizon=20)
    assert honest.summary.dead_end == 0 and honest.summary.outcome == "copes"
    # the padding's materials, 4 an order's worth, paid the day after they are reordered:
    # the 20 used on day 20 are paid after the run
    assert honest.cash[-1] - padded.cash[-1] == pytest.approx(180 * 4)


def test_smaller_batches_strand_less_of_a_failed_season() -> None:
    # Production planned for three times the orders over days 1-10; the orders stayed normal.
    # In one 10-day batch it makes all 300 and 200 are left over; in 2-day batches it nets
    # what is on the shelf every other day, so at most 50 sit there.
    season = Scenario(shape="step", multiplier=1, days=10, planned=3)
    big = simulate(goods(making=30, batch_days=10), season, horizon=40)
    small = simulate(goods(making=30, batch_days=2), season, horizon=40)
    assert big.stock.max() == 200 and small.stock.max() <= 50
    assert season.direction == "shortfall"
    assert big.summary.peak_excess > small.summary.peak_excess


# --- properties -------------------------------------------------------------------------------

money = st.floats(0, 50)
levers = st.builds(
    Levers,
    overtime=st.builds(Lever, capacity=st.floats(0, 30), lead_days=st.just(1), cost_per_order=money),
    partner=st.builds(Lever, capacity=st.floats(0, 30), lead_days=st.integers(1, 20), cost_per_order=money),
    expand=st.builds(
        Lever,
        capacity=st.floats(0, 60),
        lead_days=st.integers(1, 30),
        cost_per_day=money,
        upfront=st.floats(0, 500),
        commit_days=st.integers(0, 60),
    ),
    service_help=st.builds(
        Lever,
        capacity=st.floats(0, 30),
        lead_days=st.integers(1, 20),
        cost_per_day=money,
        commit_days=st.integers(0, 60),
    ),
    website_upgrade=st.builds(Lever, capacity=st.floats(0, 100), lead_days=st.integers(1, 10), cost_per_day=money),
    extra_supply=st.builds(Lever, capacity=st.floats(0, 30), lead_days=st.just(1)),
)


@st.composite
def businesses(draw: Any) -> SurgeInputs:
    kind = draw(st.sampled_from(["goods", "services", "software", "both"]))
    n = draw(st.floats(1, 50))
    data: dict[str, Any] = {
        "kind": kind,
        "orders_per_day": n,
        "price": draw(money),
        "unit_cost": draw(money),
        "fixed_cost_per_day": draw(st.floats(0, 500)),
        "cash": draw(st.floats(-1000, 5000)),
        "payment_days": draw(st.integers(0, 40)),
        "supplier_payment_days": draw(st.integers(0, 40)),
        "online_share": draw(st.floats(0, 1)),
        "website": draw(st.one_of(st.none(), st.floats(0, 100))),
        "making": draw(st.floats(0.1, 100)),
        "service": draw(st.one_of(st.none(), st.floats(0, 100))),
        "patience_days": draw(st.integers(0, 15)),
        "wait_share": draw(st.floats(0, 1)),
        "waiting_list_days": draw(st.integers(0, 10)),
        "levers": draw(levers),
        "expansion": draw(st.sampled_from(["never", "cautious", "aggressive"])),
    }
    if kind in ("goods", "both"):
        data.update(
            make_to_stock=draw(st.booleans()),
            stock=draw(st.floats(0, 200)),
            batch_days=draw(st.integers(1, 15)),
            shelf_days=draw(st.one_of(st.none(), st.integers(1, 60))),
            materials=draw(st.floats(0, 300)),
            supplier_lead_days=draw(st.integers(1, 15)),
            supplier_per_day=draw(st.floats(0, 100)),
        )
    return SurgeInputs(**data)


scenarios = st.builds(
    Scenario,
    shape=st.sampled_from(["spike", "step", "ramp", "seasonal"]),
    multiplier=st.floats(0, 20),
    days=st.integers(1, 60),
    decay_days=st.integers(0, 20),
    start_day=st.integers(1, 10),
    expected=st.booleans(),
    planned=st.one_of(st.none(), st.floats(0, 5)),
    padding=st.floats(0, 100),
    prebuild_days=st.floats(0, 20),
)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(businesses(), scenarios)
def test_every_order_is_delivered_waiting_or_lost_and_cash_moves_only_by_receipts_and_payments(
    inputs: SurgeInputs, scen: Scenario
) -> None:
    r = simulate(inputs, scen, horizon=60)
    s = r.summary
    scale = 1e-6 * (1 + np.cumsum(r.demand))
    waiting = r.backlog - s.normal_waiting  # the usual waiting list was there before day 1
    lost = np.cumsum(r.lost_website) + np.cumsum(r.lost_leaving) + np.cumsum(r.lost_patience)
    assert np.all(np.abs(np.cumsum(r.demand) - (np.cumsum(r.delivered) + waiting + lost)) <= scale)
    for series in (r.delivered, r.backlog, r.lost_website, r.lost_leaving, r.lost_patience, r.stock, r.dead):
        assert np.all(series >= -1e-6 * (1 + series.max()))
    assert np.all(r.wait <= inputs.waiting_list_days + inputs.patience_days)
    assert np.all(r.delivered <= r.capacity_service + 1e-9)
    if not inputs.goods:
        assert np.all(r.delivered <= r.capacity_making + 1e-9)
    flows = np.cumsum(r.receipts - r.payments)
    np.testing.assert_allclose(r.cash - s.cash_start, flows, rtol=1e-9, atol=1e-6 * (1 + np.abs(flows).max()))
    assert s.orders_in == pytest.approx(r.demand.sum())
    assert s.lost == pytest.approx(r.lost.sum())
    assert s.cash_low <= s.cash_start and s.cash_low == pytest.approx(min(s.cash_start, r.cash.min()))


@PROPERTY
@given(businesses(), scenarios, st.floats(0, 10))
def test_a_bigger_surge_never_brings_in_fewer_orders(inputs: SurgeInputs, scen: Scenario, more: float) -> None:
    small = simulate(inputs, scen, horizon=60).summary
    big = simulate(inputs, scen.model_copy(update={"multiplier": scen.multiplier + more}), horizon=60).summary
    assert big.orders_in >= small.orders_in - 1e-9


#: Every summary figure a grid keeps under the summary's own name.
GRID_FIGURES = (
    "orders_in",
    "delivered",
    "still_waiting",
    "peak_backlog",
    "peak_wait",
    "cash_low",
    "cash_end",
    "receipts",
    "payments",
    "idle_cost",
    "made",
    "written_off",
    "dead_end",
    "excess_end",
    "peak_excess",
    "peak_locked",
    "locked_end",
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(businesses(), scenarios), min_size=2, max_size=4))
def test_a_grid_of_variants_equals_each_single_run(cells: list[tuple[SurgeInputs, Scenario]]) -> None:
    kind = cells[0][0]
    same = [(i.model_copy(update={"kind": kind.kind, "make_to_stock": kind.make_to_stock}), s) for i, s in cells]
    same = [(SurgeInputs.model_validate(i.model_dump()), s) for i, s in same]
    grid = run_grid(same, horizon=50)
    for c, (inputs, scen) in enumerate(same):
        s = simulate(inputs, scen, horizon=50).summary
        # Exact, not approximate: a cell runs the same float operations in the same order
        # as its single run (engine.py), so any difference is a rule the two apply differently.
        assert grid.lost[c] == s.lost
        for name in GRID_FIGURES:
            assert grid[name][c] == getattr(s, name), name
        assert grid["lever_cost"][c] == s.expansion_cost
        assert (int(grid["crunch_day"][c]) or None) == s.crunch_day
        assert (int(grid["recovery_day"][c]) or None) == s.recovery_day


def _grid_cell_equals_single_run(cells: list[tuple[SurgeInputs, Scenario]], c: int, horizon: int = 40) -> None:
    grid = run_grid(cells, horizon=horizon)
    single = simulate(*cells[c], horizon=horizon).summary
    assert grid.lost[c] == single.lost and grid["cash_end"][c] == single.cash_end
    assert (int(grid["recovery_day"][c]) or None) == single.recovery_day


def test_a_cell_of_a_grid_does_not_depend_on_its_neighbours_size() -> None:
    # Almost nobody waits longer than usual: a billionth of day 1's late order stays, and
    # whether that counts as "still waiting" decides the recovery day. It must be judged
    # against this business's own normal day (1 order), not the biggest in the grid (10).
    tiny = services(orders_per_day=1, making=1, waiting_list_days=1, patience_days=0, wait_share=1e-9)
    spike = Scenario(shape="spike", multiplier=2, days=1)
    _grid_cell_equals_single_run([(tiny, spike), (services(), spike)], 0)


def test_a_grid_keeps_a_fractional_cost_beside_a_lever_left_at_its_default() -> None:
    # The first cell's expansion costs nothing a day (the default, an int 0); the second's
    # costs 7.5. The grid must charge 7.5, not 7.
    def hiring(cost: float | None) -> SurgeInputs:
        lever = Lever(capacity=20, lead_days=2) if cost is None else Lever(capacity=20, lead_days=2, cost_per_day=cost)
        return services(making=10, expansion="aggressive", levers=Levers(expand=lever))

    step = block(2, days=30)
    _grid_cell_equals_single_run([(hiring(None), step), (hiring(7.5), step)], 1)


def test_a_free_fixed_lever_is_let_go_when_calm_like_a_paid_one() -> None:
    # docs/surge.md: fixed levers are let go once their commitment has run and nothing
    # waits beyond the usual, whatever they cost. A hire that costs nothing a day (commit
    # 3 days, working from day 3) clears the queue on day 3 and goes from day 7, in a
    # single run and in a grid beside a paid one alike.
    def hiring(cost: float) -> SurgeInputs:
        expand = Lever(capacity=20, lead_days=2, cost_per_day=cost, commit_days=3)
        return services(making=10, expansion="aggressive", levers=Levers(expand=expand))

    rush = block(2, days=2)
    (free,) = simulate(hiring(0), rush, horizon=20).summary.expansions
    (paid,) = simulate(hiring(7), rush, horizon=20).summary.expansions
    assert (free.ready_day, free.last_day) == (paid.ready_day, paid.last_day) == (3, 6)
    _grid_cell_equals_single_run([(hiring(0), rush), (hiring(7), rush)], 0)


# --- the survival map ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def frost() -> SurgeInputs:
    inputs, _ = inputs_from_values(
        {
            "orders_per_day": 160,
            "order_value": 18,
            "utilization": 92,
            "stock_days": 5,
            "online_share": 25,
            "website_multiple": 2,
            "cash_weeks": 1,
        },
        kind="goods",
    )
    return inputs


@pytest.mark.parametrize("policy", ["never", "cautious", "aggressive"])
@pytest.mark.parametrize("shape", ["spike", "step", "ramp", "seasonal"])
def test_the_survival_map_equals_single_runs_cell_by_cell(frost: SurgeInputs, policy: str, shape: str) -> None:
    inputs = frost.model_copy(update={"expansion": policy})
    base = Scenario(shape=shape, multiplier=1, days=1, decay_days=4, start_day=3)  # type: ignore[arg-type]
    sizes, lengths = [1, 2.5, 6, 15], [1, 4, 20]
    grid = survival_map(inputs, sizes, lengths, horizon=90, scenario=base)
    outcomes = set()
    for i, n in enumerate(sizes):
        for j, d in enumerate(lengths):
            single = simulate(inputs, base.model_copy(update={"multiplier": n, "days": d}), horizon=90).summary
            cell = grid.cell(i, j)
            assert cell["outcome"] == single.outcome
            assert cell["lost"] == single.lost and cell["cash_low"] == single.cash_low
            assert cell["crunch_day"] == single.crunch_day and cell["recovery_day"] == single.recovery_day
            assert cell["first_bind_day"] == (min(b.day for b in single.breaks) if single.breaks else None)
            outcomes.add(cell["outcome"])
    assert len(outcomes) >= 2  # the grid is not trivially uniform


def test_a_survival_map_of_a_surge_production_planned_for_equals_single_runs_to_the_last_digit() -> None:
    # Production plans for the surge, padded by 10%: the map's plan must be made from the
    # same numbers as each single run's (13 × 1.7 / 13 is not 1.7 in floating point).
    inputs = goods(
        orders_per_day=13,
        making=19.5,
        stock=26,
        batch_days=3,
        materials=65,
        supplier_per_day=39,
        supplier_lead_days=2,
        patience_days=3,
        fixed_cost_per_day=130,
        cash=1300,
    )
    base = Scenario(shape="ramp", multiplier=1, days=1, expected=True, padding=10)
    sizes, lengths = [1.1, 1.7, 2.3], [5, 10]
    grid = survival_map(inputs, sizes, lengths, horizon=60, scenario=base)
    for i, n in enumerate(sizes):
        for j, d in enumerate(lengths):
            single = simulate(inputs, base.model_copy(update={"multiplier": n, "days": d}), horizon=60).summary
            cell = grid.cell(i, j)
            assert (cell["lost"], cell["cash_low"]) == (single.lost, single.cash_low)


def test_the_survival_map_answers_which_surges_we_survive(frost: SurgeInputs) -> None:
    grid = survival_map(frost.model_copy(update={"expansion": "never"}), [1, 2, 4, 8], [1, 7, 30, 90])
    assert grid.outcome.shape == (4, 4) and grid.survives.dtype == bool
    assert grid.outcome[0, 0] == 0 and grid.outcome[-1, -1] > 0
    assert np.all(grid.orders_in[1:] >= grid.orders_in[:-1])
    assert grid.step(3, 3) in {"production", "stock", "website", "materials"}


def test_survival_map_refuses_bad_grids(frost: SurgeInputs) -> None:
    for multipliers, durations in (([], [1]), ([1], [0]), ([-1], [1]), ([1], [1.5])):
        with pytest.raises(SurgeInputError):
            survival_map(frost, multipliers, durations)
    with pytest.raises(SurgeInputError, match="horizon"):
        survival_map(frost, [1], [1], horizon=0)


def test_scenario_shapes_follow_their_definitions() -> None:
    def days(shape: str, n: float, d: int, decay: int = 0, start: int = 1, horizon: int = 7) -> list[float]:
        return demand_multipliers(shape, [n], [d], decay, start, horizon)[:, 0].tolist()  # type: ignore[arg-type]

    assert days("spike", 4, 2, decay=3) == [4, 4, 3.25, 2.5, 1.75, 1, 1]
    assert days("step", 3, 2, start=3) == [1, 1, 3, 3, 1, 1, 1]
    assert days("ramp", 3, 4) == [1.5, 2, 2.5, 3, 3, 3, 3]
    season = days("seasonal", 3, 5)
    assert season[2] == 3 and season[0] == season[4] and season[5:] == [1, 1]


def test_a_scenario_below_normal_is_a_shortfall_not_a_surge() -> None:
    half = Scenario(shape="step", multiplier=0.5, days=2, label="National TV spot")
    assert half.direction == "shortfall"
    assert half.heading() == "Shortfall test: National TV spot"
    assert half.describe() == "orders fall to 0.5× normal for 2 days"
    assert "surge" not in half.heading().lower()
    assert Scenario(shape="spike", multiplier=10, days=2, label="X").heading() == "Surge test: X"
