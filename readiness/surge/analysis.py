"""What-ifs: the same business with one step raised, ranked by what each saves."""

from __future__ import annotations

from readiness.errors import SurgeInputError
from readiness.surge.inputs import SurgeInputs
from readiness.surge.resources import RESOURCE_KEYS
from readiness.surge.results import SurgeResult, simulate
from readiness.surge.scenarios import Scenario


def raise_capacity(inputs: SurgeInputs, resource: str, factor: float) -> SurgeInputs:
    """What-if: the same business with one step's capacity (and its ceiling) multiplied by ``factor``."""
    if resource not in RESOURCE_KEYS:
        raise SurgeInputError(f"unknown step {resource!r}; choose one of: {', '.join(RESOURCE_KEYS)}")
    if factor <= 0:
        raise SurgeInputError("the factor must be above 0")
    constraint = getattr(inputs, resource)

    def scaled(value: float | None) -> float | None:
        return None if value is None else value * factor

    changed = constraint.model_copy(
        update={"capacity": scaled(constraint.capacity), "max_capacity": scaled(constraint.max_capacity)}
    )
    return inputs.model_copy(update={resource: changed})


def what_if(
    inputs: SurgeInputs, scenario: Scenario | str, factor: float = 2.0, horizon: int = 180
) -> list[tuple[str, SurgeResult]]:
    """Each step raised by ``factor`` in turn, best first (fewest orders lost, then least cash strain).

    Raising the step that breaks first is not always what helps: if the next
    step is nearly as tight, the orders it lets in are lost a little later.
    This answers "which single fix moves the line the most".
    """
    runs = [(key, simulate(raise_capacity(inputs, key, factor), scenario, horizon)) for key in RESOURCE_KEYS]

    def lost(run: SurgeResult) -> float:
        return run.summary.lost_technology + run.summary.lost_patience

    return sorted(runs, key=lambda item: (lost(item[1]), -item[1].summary.cash_low))
