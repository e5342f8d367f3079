"""The surge stress test: what breaks first when demand jumps, and when.

A day-by-day model a non-specialist can follow (docs/surge.md tells it in
plain words, with every assumption). The package reads as its data flow:

* :mod:`~readiness.surge.resources` — the steps an order passes that can break;
* :mod:`~readiness.surge.inputs` — named inputs, answers and assumptions, and
  the capacities, costs and cash derived from them;
* :mod:`~readiness.surge.scenarios` — how demand moves, and the presets;
* :mod:`~readiness.surge.engine` — the one day loop, over many cells at once;
* :mod:`~readiness.surge.results` — a single run and the survival map;
* :mod:`~readiness.surge.analysis` — what-ifs;
* :mod:`~readiness.surge.words` and :mod:`~readiness.surge.formatting` — the
  verdict and the one-page summary.

Pure functions, no I/O, no Streamlit. ``from readiness import surge`` gives the
public names below.
"""

from __future__ import annotations

from readiness.surge.analysis import raise_capacity, what_if
from readiness.surge.inputs import (
    DEFAULT_HORIZON,
    KNOBS,
    MAX_HORIZON,
    Assumption,
    Constraint,
    Knob,
    Materials,
    Policy,
    Source,
    SurgeInputs,
    assumptions_from_values,
    default_assumptions,
    edit_assumptions,
    inputs_from_answers,
    inputs_from_assumptions,
    inputs_from_document,
    inputs_from_values,
    parse_inputs,
)
from readiness.surge.resources import RESOURCE_KEYS, RESOURCES, Resource
from readiness.surge.results import (
    Binding,
    Expansion,
    Outcome,
    SurgeResult,
    SurgeSummary,
    SurvivalMap,
    simulate,
    survival_map,
)
from readiness.surge.scenarios import MAP_SCENARIO, PRESETS, Scenario, Shape, demand_multipliers, scenario_from_preset
from readiness.surge.words import dimension_title, markdown, related_findings, verdict

__all__ = [
    "DEFAULT_HORIZON",
    "KNOBS",
    "MAP_SCENARIO",
    "MAX_HORIZON",
    "PRESETS",
    "RESOURCES",
    "RESOURCE_KEYS",
    "Assumption",
    "Binding",
    "Constraint",
    "Expansion",
    "Knob",
    "Materials",
    "Outcome",
    "Policy",
    "Resource",
    "Scenario",
    "Shape",
    "Source",
    "SurgeInputs",
    "SurgeResult",
    "SurgeSummary",
    "SurvivalMap",
    "assumptions_from_values",
    "default_assumptions",
    "demand_multipliers",
    "dimension_title",
    "edit_assumptions",
    "inputs_from_answers",
    "inputs_from_assumptions",
    "inputs_from_document",
    "inputs_from_values",
    "markdown",
    "parse_inputs",
    "raise_capacity",
    "related_findings",
    "scenario_from_preset",
    "simulate",
    "survival_map",
    "verdict",
    "what_if",
]
