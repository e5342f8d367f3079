"""Everything a page or report says beside the run itself: what-ifs, policies, sensitivity, savings.

Each question is answered by running variants of the business side by side
in one engine pass (:func:`~readiness.surge.results.run_grid`), so "fix
first" is by construction the row of the what-if table that saves most, and
"how sensitive is this to an assumption" is the same model with that
assumption at its low and high value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from readiness.currency import DEFAULT_CURRENCY
from readiness.errors import SurgeInputError
from readiness.surge.inputs import POLICIES, Assumption, Policy, Setup, SurgeInputs
from readiness.surge.knobs import KNOBS
from readiness.surge.resources import RESOURCES
from readiness.surge.results import OUTCOMES, GridSummary, Outcome, SurgeResult, run_grid, simulate
from readiness.surge.scenarios import Scenario, run_horizon, scenario_from_preset

if TYPE_CHECKING:
    from readiness.surge.words import Tone

#: Days of normal sales a "build stock beforehand" what-if makes.
PREBUILD_DAYS = 14


@dataclass(frozen=True)
class Fix:
    """A what-if row: the same business with one thing changed, and what it gives.

    For a surge ``saved`` counts orders; for a shortfall it counts the orders'
    worth of stock nobody ordered that the change avoids.
    """

    key: str
    label: str
    step: str
    outcome: Outcome
    lost: float
    saved: float
    cash_low: float
    crunch_day: int | None
    stock_nobody_ordered: float
    cash_end: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "step": self.step,
            "outcome": self.outcome,
            "lost": self.lost,
            "saved": self.saved,
            "cash_low": self.cash_low,
            "crunch_day": self.crunch_day,
            "stock_nobody_ordered": self.stock_nobody_ordered,
            "cash_end": self.cash_end,
        }


@dataclass(frozen=True)
class Sensitivity:
    """How the run moves when one assumed input is at its low or high value instead."""

    name: str
    label: str
    unit: str
    value: float | None
    low: float
    high: float
    lost: tuple[float, float]
    cash_low: tuple[float, float]
    outcomes: tuple[Outcome, Outcome]
    score: float
    stock: tuple[float, float] = (0.0, 0.0)  # orders' worth of stock nobody ordered
    by_cash: bool = False  # the cash low point moved more than the orders (or stock) did

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "unit": self.unit,
            "assumed": self.value,
            "low": self.low,
            "high": self.high,
            "lost": list(self.lost),
            "cash_low": list(self.cash_low),
            "outcomes": list(self.outcomes),
            "score": self.score,
            "stock_nobody_ordered": list(self.stock),
        }


@dataclass(frozen=True)
class Analysis:
    """A run and everything said about it: the one story a page and a report tell."""

    result: SurgeResult
    fixes: tuple[Fix, ...]
    policies: dict[str, SurgeResult]
    sensitivity: tuple[Sensitivity, ...]
    assumptions: tuple[Assumption, ...] = ()
    factor: float = 2.0
    currency: str = DEFAULT_CURRENCY
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def scenario(self) -> Scenario:
        return self.result.scenario

    @property
    def shortfall(self) -> bool:
        return self.scenario.direction == "shortfall"

    @property
    def untested(self) -> int | None:
        """The day the change's first orders fall due when the run ends before it (it cannot judge
        the change, and the words say so instead of a verdict); None when the run holds it."""
        return self.result.due_day if self.result.untested else None

    @property
    def fix_first(self) -> Fix | None:
        """The what-if that helps most, when it helps at all."""
        if not self.fixes:
            return None
        best = self.fixes[0]
        base = self.result.summary
        better_outcome = OUTCOMES.index(best.outcome) < OUTCOMES.index(base.outcome)
        return best if best.saved > 0.5 or better_outcome else None

    @property
    def flagged(self) -> tuple[Assumption, ...]:
        return tuple(a for a in self.assumptions if a.flagged)

    @property
    def most_sensitive(self) -> Sensitivity | None:
        return self.sensitivity[0] if self.sensitivity and self.sensitivity[0].score > 0 else None

    def verdict(self) -> list[str]:
        from readiness.surge.words import verdict_lines

        return verdict_lines(self)

    def tone(self) -> Tone:
        """How the verdict reads as a whole: "good", "neutral", "warning" or "bad" (``words.verdict_tone``)."""
        from readiness.surge.words import verdict_tone

        return verdict_tone(self)

    def to_dict(self) -> dict[str, Any]:
        data = self.result.to_dict()
        data.update(
            currency=self.currency,
            heading=self.scenario.heading(),
            verdict=self.verdict(),
            tone=self.tone(),
            fix_first=None if self.fix_first is None else self.fix_first.key,
            what_if=[f.to_dict() for f in self.fixes],
            policies={k: v.summary.to_dict() for k, v in self.policies.items()},
            sensitivity=[s.to_dict() for s in self.sensitivity],
            assumptions=[a.to_dict() for a in self.assumptions],
        )
        return data


def stock_nobody_ordered(values: Any) -> Any:
    """Orders' worth of stock built beyond what sold: dead, written off, or above the usual level at the end."""
    return values["dead_end"] + values["written_off"] + values["excess_end"]


def _scaled(inputs: SurgeInputs, name: str, factor: float) -> SurgeInputs:
    """The same business with one step (and the levers that grow it) multiplied by ``factor``."""
    levers = inputs.levers
    if name == "making":
        changed: dict[str, Any] = {
            "making": inputs.making * factor,
            "levers": levers.model_copy(
                update={
                    k: getattr(levers, k).model_copy(update={"capacity": getattr(levers, k).capacity * factor})
                    for k in ("overtime", "partner", "expand")
                }
            ),
        }
    elif name == "service":
        changed = {
            "service": None if inputs.service is None else inputs.service * factor,
            "levers": levers.model_copy(
                update={
                    "service_help": levers.service_help.model_copy(
                        update={"capacity": levers.service_help.capacity * factor}
                    )
                }
            ),
        }
    elif name == "website":
        changed = {"website": None if inputs.website is None else inputs.website * factor}
    else:  # pragma: no cover - internal names only
        raise SurgeInputError(f"unknown step {name!r}")
    return inputs.model_copy(update=changed)


def _surge_fixes(
    inputs: SurgeInputs, scenario: Scenario, factor: float
) -> list[tuple[str, str, str, SurgeInputs, Scenario]]:
    """The fixes a founder could make before a surge: (key, label, step, inputs, scenario)."""
    making = "production" if inputs.goods else "people"
    out = [
        (
            "making",
            f"{RESOURCES[making].label} × {factor:g}",
            making,
            _scaled(inputs, "making", factor),
            scenario,
        )
    ]
    if inputs.service is not None and inputs.kind != "goods":
        out.append(
            ("service", f"Customer service × {factor:g}", "service", _scaled(inputs, "service", factor), scenario)
        )
    if inputs.online:
        out.append(("website", f"Website × {factor:g}", "website", _scaled(inputs, "website", factor), scenario))
    if inputs.goods and inputs.make_to_stock:
        more = scenario.model_copy(update={"prebuild_days": scenario.prebuild_days + PREBUILD_DAYS})
        out.append(("prebuild", f"Build {PREBUILD_DAYS} days of stock beforehand", "stock", inputs, more))
    if inputs.goods:
        faster = inputs.model_copy(
            update={
                "supplier_lead_days": max(1, round(inputs.supplier_lead_days / factor)),
                "materials": None if inputs.materials is None else inputs.materials * factor,
            }
        )
        out.append(
            ("suppliers", f"Materials × {factor:g}, suppliers {factor:g}× faster", "materials", faster, scenario)
        )
    runway = 4 * 7 * (inputs.fixed_cost_per_day + inputs.unit_cost * inputs.orders_per_day)
    out.append(
        (
            "cash",
            "Four more weeks of cash or credit",
            "cash",
            inputs.model_copy(update={"cash": inputs.cash + runway}),
            scenario,
        )
    )
    return out


def _shortfall_fixes(
    inputs: SurgeInputs, scenario: Scenario, factor: float
) -> list[tuple[str, str, str, SurgeInputs, Scenario]]:
    """What forecast discipline, smaller batches or a shorter stock life would have changed."""
    honest = scenario.model_copy(update={"padding": 0, "expected": True, "planned": None})
    out = [("discipline", "Forecasts that match the orders", "stock", inputs, honest)]
    if inputs.goods and inputs.make_to_stock and inputs.batch_days > 1:
        smaller = max(1, round(inputs.batch_days / 4))
        out.append(
            (
                "batches",
                f"Batches of {smaller} day{'s' if smaller != 1 else ''} instead of {inputs.batch_days}",
                "stock",
                inputs.model_copy(update={"batch_days": smaller}),
                scenario,
            )
        )
    runway = 4 * 7 * (inputs.fixed_cost_per_day + inputs.unit_cost * inputs.orders_per_day)
    out.append(
        (
            "cash",
            "Four more weeks of cash or credit",
            "cash",
            inputs.model_copy(update={"cash": inputs.cash + runway}),
            scenario,
        )
    )
    return out


Option = tuple[str, str, str, SurgeInputs, Scenario]


def _options(inputs: SurgeInputs, scenario: Scenario, factor: float) -> list[Option]:
    if factor <= 1:
        raise SurgeInputError("the factor must be above 1")
    shortfall = scenario.direction == "shortfall"
    return (_shortfall_fixes if shortfall else _surge_fixes)(inputs, scenario, factor)


def _fixes(grid: GridSummary, offset: int, options: Sequence[Option], shortfall: bool) -> list[Fix]:
    """Read the what-if cells (``offset`` onwards) against the run itself (cell 0), best first.

    For a surge: fewest orders lost first (a worse outcome always ranks last),
    then the least cash strain. For a shortfall: the least stock nobody
    ordered, then the most cash at the end.
    """
    values = grid.values
    lost, outcome, stock = grid.lost, grid.outcome, stock_nobody_ordered(values)
    fixes = []
    for index, (key, label, step, _, _) in enumerate(options):
        c = offset + index
        saved = stock[0] - stock[c] if shortfall else lost[0] - lost[c]
        fixes.append(
            Fix(
                key=key,
                label=label,
                step=step,
                outcome=OUTCOMES[int(outcome[c])],
                lost=float(lost[c]),
                saved=float(saved),
                cash_low=float(values["cash_low"][c]),
                crunch_day=int(values["crunch_day"][c]) or None,
                stock_nobody_ordered=float(stock[c]),
                cash_end=float(values["cash_end"][c]),
            )
        )

    def rank(f: Fix) -> tuple[float, ...]:
        severity = OUTCOMES.index(f.outcome)
        if shortfall:
            return (severity, f.stock_nobody_ordered, -f.cash_end)
        return (severity, f.lost, -f.cash_low)

    return sorted(fixes, key=rank)


def what_if(
    inputs: SurgeInputs, scenario: Scenario | str, factor: float = 2.0, horizon: int | None = None
) -> list[Fix]:
    """Each fix in turn, best first, in one engine pass with the run itself.

    Raising the step that breaks first is not always what helps: if the next
    one is nearly as tight, the orders it lets in are lost a little later.
    This answers "which single fix moves the line the most".
    """
    if isinstance(scenario, str):
        scenario = scenario_from_preset(scenario)
    options = _options(inputs, scenario, factor)
    grid = run_grid([(inputs, scenario)] + [(i, s) for _, _, _, i, s in options], horizon)
    return _fixes(grid, 1, options, scenario.direction == "shortfall")


def compare_policies(
    inputs: SurgeInputs, scenario: Scenario, horizon: int | None = None, base: SurgeResult | None = None
) -> dict[str, SurgeResult]:
    """The run under each expansion policy (never, cautious, aggressive), with every expansion's cost."""
    out = {}
    for policy in POLICIES:
        if base is not None and base.inputs.expansion == policy:
            out[policy] = base
        else:
            out[policy] = simulate(inputs.model_copy(update={"expansion": policy}), scenario, horizon)
    return out


Variant = tuple[Assumption, float, float, SurgeInputs, SurgeInputs]


def tried_values(name: str, value: float) -> tuple[float, float]:
    """The low and high values the sensitivity check tries instead of an assumed ``value``.

    The knob's own range when the value lies inside it; otherwise half and one and a half times the
    value (a percentage at most 100), so the values tried always bracket the assumed one: patience
    assumed from a 30-week waiting list (210 days) is tried at 105 and 315, not at 3 and 21.
    """
    knob = KNOBS[name]
    if knob.low < value < knob.high:
        return knob.low, knob.high
    low = value / 2
    high = value * 1.5
    if knob.percent:
        high = min(100.0, high)
    if knob.unit == "days" or name.endswith("_days"):
        low, high = float(math.floor(low)), float(math.ceil(high))
    return low, high


def _variants(setup: Setup, expansion: Policy) -> list[Variant]:
    """Each flagged assumption at its low and high value (those that keep the business's shape)."""
    base = setup.inputs(expansion)
    out = []
    for a in setup.flagged:
        if a.value is None:
            continue
        low, high = tried_values(a.name, a.value)
        if low == a.value and high == a.value:
            continue
        lo, hi = (setup.edit({a.name: value}).inputs(expansion) for value in (low, high))
        if any(v.kind != base.kind or v.goods != base.goods or v.make_to_stock != base.make_to_stock for v in (lo, hi)):
            continue
        out.append((a, low, high, lo, hi))
    return out


def _sensitivities(grid: GridSummary, offset: int, variants: Sequence[Variant], shortfall: bool) -> list[Sensitivity]:
    """Read the variant cells (two per assumption, from ``offset``) against the run (cell 0), most telling first.

    The score counts an outcome that changes (copes, strained, breaks) as 1,
    plus the larger relative spread of the verdict's own figures: orders lost
    (for a shortfall, stock nobody ordered) against what the run loses, and
    the cash low point against the run's.
    """
    values = grid.values
    lost, outcome, cash_low = grid.lost, grid.outcome, values["cash_low"]
    stock = stock_nobody_ordered(values)
    measure = stock if shortfall else lost
    floor = 0.01 * max(float(values["orders_in"][0]), 1.0)
    scale = max(float(measure[0]), floor)
    cash_scale = max(abs(float(cash_low[0])), 0.1 * abs(float(values["cash_start"][0])), 1.0)
    out = []
    for index, (a, low, high, _, _) in enumerate(variants):
        i, j = offset + 2 * index, offset + 2 * index + 1
        outcomes = (OUTCOMES[int(outcome[i])], OUTCOMES[int(outcome[j])])
        moved = float(len({outcomes[0], outcomes[1], OUTCOMES[int(outcome[0])]}) > 1)
        spread_orders = abs(measure[j] - measure[i]) / scale
        spread_cash = abs(cash_low[j] - cash_low[i]) / cash_scale
        spread = max(spread_orders, spread_cash)
        out.append(
            Sensitivity(
                name=a.name,
                label=a.label,
                unit=a.unit,
                value=a.value,
                low=low,
                high=high,
                lost=(float(lost[i]), float(lost[j])),
                cash_low=(float(cash_low[i]), float(cash_low[j])),
                outcomes=outcomes,
                score=moved + float(spread),
                stock=(float(stock[i]), float(stock[j])),
                by_cash=bool(spread_cash > spread_orders),
            )
        )
    return sorted(out, key=lambda x: -x.score)


def sensitivity(
    setup: Setup, scenario: Scenario | str, expansion: Policy = "cautious", horizon: int | None = None
) -> list[Sensitivity]:
    """Every flagged assumption at its low and high value, most telling first (one engine pass)."""
    if isinstance(scenario, str):
        scenario = scenario_from_preset(scenario)
    variants = _variants(setup, expansion)
    if not variants:
        return []
    cells = [(setup.inputs(expansion), scenario)]
    for _, _, _, lo, hi in variants:
        cells += [(lo, scenario), (hi, scenario)]
    return _sensitivities(run_grid(cells, horizon), 1, variants, scenario.direction == "shortfall")


def analyse(
    setup: Setup | SurgeInputs,
    scenario: Scenario | str,
    *,
    expansion: Policy | None = None,
    factor: float = 2.0,
    horizon: int | None = None,
    currency: str = DEFAULT_CURRENCY,
) -> Analysis:
    """The run, its what-ifs, the three expansion policies and the sensitivity to every assumption.

    The what-ifs and the sensitivity variants run as one grid with the run
    itself, so every figure compares like with like.
    """
    if isinstance(scenario, str):
        scenario = scenario_from_preset(scenario)
    if isinstance(setup, Setup):
        inputs = setup.inputs(expansion or "cautious")
        assumptions = setup.assumptions
        variants = _variants(setup, inputs.expansion)
    else:
        inputs = setup if expansion is None else setup.model_copy(update={"expansion": expansion})
        assumptions = ()
        variants = []
    shortfall = scenario.direction == "shortfall"
    # One horizon for the run, its what-ifs, variants and policies, so they compare like with like.
    horizon = run_horizon(inputs, scenario) if horizon is None else horizon
    result = simulate(inputs, scenario, horizon)
    options = _options(inputs, scenario, factor)
    cells = [(inputs, scenario)] + [(i, s) for _, _, _, i, s in options]
    for _, _, _, lo, hi in variants:
        cells += [(lo, scenario), (hi, scenario)]
    grid = run_grid(cells, horizon)
    fixes = _fixes(grid, 1, options, shortfall)
    sens = _sensitivities(grid, 1 + len(options), variants, shortfall) if variants else []
    policies = compare_policies(inputs, scenario, horizon, result)
    return Analysis(
        result=result,
        fixes=tuple(fixes),
        policies=policies,
        sensitivity=tuple(sens),
        assumptions=tuple(assumptions),
        factor=factor,
        currency=currency,
    )


def with_assumptions(analysis: Analysis, assumptions: Sequence[Assumption]) -> Analysis:
    return replace(analysis, assumptions=tuple(assumptions))
