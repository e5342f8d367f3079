"""The surge stress test: what breaks first when demand jumps or falls short, when, and what it costs.

A day-by-day model a non-specialist can follow (docs/surge.md tells it in
plain words, with every assumption). The package reads as its data flow:

* :mod:`~readiness.surge.resources` — the steps that can break, by kind of business;
* :mod:`~readiness.surge.knobs` — the named inputs a person gives, with defaults;
* :mod:`~readiness.surge.inputs` — answers and assumptions, and the capacities,
  levers, costs and cash derived from them;
* :mod:`~readiness.surge.scenarios` — how demand and the plan move, and the presets;
* :mod:`~readiness.surge.engine` — the one day loop, on one cell or a grid;
* :mod:`~readiness.surge.results` — a single run, grids of variants, the survival map;
* :mod:`~readiness.surge.analysis` — what-ifs, policies, sensitivity: the one story;
* :mod:`~readiness.surge.words` and :mod:`~readiness.surge.formatting` — the
  verdict and the one-page report.

Pure functions, no I/O, no Streamlit. ``from readiness import surge`` gives the
public names below.
"""

from __future__ import annotations

from readiness.surge.analysis import (
    PREBUILD_DAYS,
    Analysis,
    Fix,
    Sensitivity,
    analyse,
    compare_policies,
    sensitivity,
    what_if,
)
from readiness.surge.engine import LEVERS
from readiness.surge.inputs import (
    DEFAULT_HORIZON,
    MAX_HORIZON,
    POLICIES,
    Assumption,
    Lever,
    Levers,
    Policy,
    Setup,
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
    setup_from_answers,
    setup_from_document,
    setup_from_values,
)
from readiness.surge.knobs import KNOBS, Knob, knob_unit
from readiness.surge.resources import KINDS, RESOURCES, Kind, Resource, has_goods
from readiness.surge.results import (
    Break,
    Expansion,
    GridSummary,
    Outcome,
    SurgeResult,
    SurgeSummary,
    SurvivalMap,
    run_grid,
    simulate,
    survival_map,
)
from readiness.surge.scenarios import (
    KNOWN_EVENT,
    MAP_SCENARIO,
    PRESETS,
    STOCK_PRESETS,
    Scenario,
    Shape,
    demand_multipliers,
    known_event,
    presets_for,
    resized,
    scenario_from_preset,
)
from readiness.surge.words import dimension_title, markdown, related_findings, verdict_lines

__all__ = [
    "DEFAULT_HORIZON",
    "KINDS",
    "KNOBS",
    "KNOWN_EVENT",
    "LEVERS",
    "MAP_SCENARIO",
    "MAX_HORIZON",
    "POLICIES",
    "PREBUILD_DAYS",
    "PRESETS",
    "RESOURCES",
    "STOCK_PRESETS",
    "Analysis",
    "Assumption",
    "Break",
    "Expansion",
    "Fix",
    "GridSummary",
    "Kind",
    "Knob",
    "Lever",
    "Levers",
    "Outcome",
    "Policy",
    "Resource",
    "Scenario",
    "Sensitivity",
    "Setup",
    "Shape",
    "Source",
    "SurgeInputs",
    "SurgeResult",
    "SurgeSummary",
    "SurvivalMap",
    "analyse",
    "assumptions_from_values",
    "compare_policies",
    "default_assumptions",
    "demand_multipliers",
    "dimension_title",
    "edit_assumptions",
    "has_goods",
    "inputs_from_answers",
    "inputs_from_assumptions",
    "inputs_from_document",
    "inputs_from_values",
    "knob_unit",
    "known_event",
    "markdown",
    "parse_inputs",
    "presets_for",
    "related_findings",
    "resized",
    "run_grid",
    "scenario_from_preset",
    "sensitivity",
    "setup_from_answers",
    "setup_from_document",
    "setup_from_values",
    "simulate",
    "survival_map",
    "verdict_lines",
    "what_if",
]
