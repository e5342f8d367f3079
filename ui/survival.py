"""The surge page's expensive chart, computed once per inputs and scenario."""

from __future__ import annotations

from typing import Any

import streamlit as st

from readiness import charts


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

    inputs = surge.SurgeInputs.model_validate_json(inputs_json)
    scenario = surge.Scenario.model_validate_json(scenario_json)
    survival = surge.survival_map(inputs, list(sizes), list(days), scenario=scenario)
    return charts.spec(charts.survival_heatmap(survival, multiplier, length))
