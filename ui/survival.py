"""The surge page's expensive work, computed once per inputs and scenario: the analysis and the survival map."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from readiness import charts


def setup_key(setup: Any) -> str:
    """A stable text for a surge setup: the kind and every named value with its source."""
    return json.dumps(
        [setup.kind, setup.kind_note, [(a.name, a.value, a.source, a.note, a.applies) for a in setup.assumptions]]
    )


@st.cache_resource(max_entries=64, show_spinner=False)
def analysis(_setup: Any, key: str, scenario_json: str, policy: str, currency: str, factor: float) -> Any:
    """The run, its what-ifs, policies and sensitivity (shared, read-only: results are frozen)."""
    from readiness import surge

    scenario = surge.Scenario.model_validate_json(scenario_json)
    return surge.analyse(_setup, scenario, expansion=policy, factor=factor, currency=currency)  # type: ignore[arg-type]


@st.cache_data(max_entries=32, show_spinner=False)
def survival_spec(
    inputs_json: str,
    scenario_json: str,
    sizes: tuple[float, ...],
    days: tuple[int, ...],
    multiplier: float,
    length: int,
) -> dict[str, Any]:
    """The survival-map chart for one set of inputs, computed once per inputs and scenario."""
    from readiness import surge
    from readiness.surge import charts as surge_charts

    inputs = surge.SurgeInputs.model_validate_json(inputs_json)
    scenario = surge.Scenario.model_validate_json(scenario_json)
    grid = surge.survival_map(inputs, list(sizes), list(days), scenario=scenario)
    return charts.spec(surge_charts.survival(grid, multiplier, length))
