"""The four businesses of issue 14 against what an expert expects (tests/data/surge/cases.yaml).

The expectations were written and committed before the model was run on the
businesses; this file only reads them. Each key of a case's ``expect`` is
one check below; a key this file does not know fails the test, so an
expectation can never be silently ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from readiness.surge import Analysis, analyse, markdown, scenario_from_preset, setup_from_values
from readiness.surge.resources import slots_of, step_key
from readiness.surge.words import stock_words

CASES = yaml.safe_load((Path(__file__).parent / "data" / "surge" / "cases.yaml").read_text())


def run_case(name: str) -> Analysis:
    case = CASES[name]
    setup = setup_from_values(case["values"], case["kind"])
    scenario = scenario_from_preset(case["scenario"], padding=case.get("padding"))
    return analyse(setup, scenario)


def steps_of(a: Analysis) -> set[str]:
    return {b.step for b in a.result.summary.breaks}


def fix(a: Analysis, key: str) -> Any:
    return next(f for f in a.fixes if f.key == key)


def nobody_ordered(a: Analysis) -> np.ndarray:
    """Orders' worth of stock nobody ordered, day by day: dead stock plus stock above its usual level."""
    inputs, r = a.result.inputs, a.result
    normal = inputs.stock + inputs.batch_days * inputs.orders_per_day
    return r.dead + np.maximum(r.stock - normal, 0.0)


def _first(a: Analysis) -> Any:
    return next(b for b in a.result.summary.breaks if b.step != "cash")


CHECKS: dict[str, Callable[[Analysis, Any], bool]] = {
    "breaks_on_day_1": lambda a, steps: set(steps) <= {b.step for b in a.result.summary.breaks_on(1)},
    "outcome": lambda a, value: a.result.summary.outcome == value,
    "outcome_not": lambda a, value: a.result.summary.outcome != value,
    "prebuild_saves_orders": lambda a, yes: (fix(a, "prebuild").saved > 0.5) == yes,
    "late_expansion_under_aggressive": lambda a, step: any(
        e.step == step
        and e.lever == "expand"
        and (e.ready_day is None or e.ready_day >= (a.policies["aggressive"].summary.recovery_day or 10**9))
        and e.cost + e.committed_after > 0
        for e in a.policies["aggressive"].summary.expansions
    ),
    "aggressive_ends_with_less_cash": lambda a, yes: (
        (a.policies["aggressive"].summary.cash_end < a.policies["cautious"].summary.cash_end) == yes
    ),
    "lost_share_below": lambda a, share: a.result.summary.lost_share < share,
    "excess_stock_grows": lambda a, yes: (nobody_ordered(a)[-1] > nobody_ordered(a)[a.result.horizon // 2] > 0) == yes,
    "locked_cash_positive": lambda a, yes: (a.result.summary.locked_end > 0) == yes,
    "discipline_saves_share_of_excess_above": lambda a, share: (
        fix(a, "discipline").saved / stock_words(a.result.summary) > share
    ),
    "discipline_saves_more_than_smaller_batches": lambda a, yes: (
        (fix(a, "discipline").saved > fix(a, "batches").saved) == yes
    ),
    "website_in_model": lambda a, yes: (
        (a.result.inputs.online and "website" in _model_steps(a)) == yes and (yes or "website" not in steps_of(a))
    ),
    "first_break": lambda a, step: _first(a).step == step,
    "first_break_day": lambda a, day: _first(a).day == day,
    "steps_absent": lambda a, steps: not (set(steps) & (_model_steps(a) | steps_of(a))),
    "website_breaks": lambda a, yes: ("website" in steps_of(a)) == yes,
    "cash_crunch": lambda a, yes: (a.result.summary.crunch_day is not None) == yes,
    "peak_wait_above_normal": lambda a, yes: (a.result.summary.peak_wait > a.result.summary.normal_wait > 0) == yes,
}


def _model_steps(a: Analysis) -> set[str]:
    inputs = a.result.inputs
    return {step_key(slot, inputs.kind) for slot in slots_of(inputs.kind, inputs.online)}


@pytest.fixture(scope="module")
def analyses() -> dict[str, Analysis]:
    return {name: run_case(name) for name in CASES}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_business_meets_what_the_expert_expected(analyses: dict[str, Analysis], name: str) -> None:
    a = analyses[name]
    failed = []
    for key, expected in CASES[name]["expect"].items():
        assert key in CHECKS, f"{name}: no check for expectation {key!r}"
        if not CHECKS[key](a, expected):
            failed.append(f"{key}: {expected!r}")
    assert not failed, f"{name} misses: {failed}\n\n" + markdown(a)


def test_the_ice_cream_report_says_what_breaks_what_stock_saves_and_what_a_late_factory_costs(
    analyses: dict[str, Analysis],
) -> None:
    """Issue 14, done when: production and stock break on day one; what pre-building stock saves;
    what a factory bought after the rush costs."""
    a = analyses["ice_cream"]
    lines = a.verdict()
    assert "Production" in lines[1] and "finished stock" in lines[1] and "day 1" in lines[1]
    page = markdown(a)
    saved = fix(a, "prebuild").saved
    assert "Build 14 days of stock beforehand | strained | " in page and f"{saved:,.0f}" in page
    factory = next(e for e in a.policies["aggressive"].summary.expansions if e.lever == "expand")
    assert "more equipment and space ordered on day 1" in page and "after the rush is over" in page
    assert f"${factory.cost:,.0f}" in page and f"${factory.committed_after:,.0f} more after day 180" in page


def test_the_liquor_report_shows_the_dead_stock_of_a_padded_forecast(analyses: dict[str, Analysis]) -> None:
    a = analyses["liquor"]
    line = a.verdict()[0]
    assert line.startswith("Builds ") and "stock nobody ordered" in line
    assert a.scenario.heading() == "Shortfall test: Padded forecast"
    assert a.verdict()[1].startswith("Forecasts that match the orders would avoid")


def test_the_consultancy_report_says_the_waiting_list_grows_and_little_is_lost(analyses: dict[str, Analysis]) -> None:
    a = analyses["consultancy"]
    s = a.result.summary
    assert a.verdict()[0].startswith(f"The waiting list grows to {s.peak_wait} days (usually 91 days)")
    patience = next(x for x in a.assumptions if x.name == "patience_days")
    assert patience.flagged and patience.value == 91 and "waiting list" in patience.note
