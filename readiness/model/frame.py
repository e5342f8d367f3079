"""The questionnaire's frame: answer scales, dimensions and their areas, maturity levels, target profiles.

Each is declared once and referenced by id: questions name a scale, a
dimension and an area; levels and profiles read the scores the dimensions
make. Kept apart from the questions, which hang on this frame.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from readiness.model.base import Fraction, Id, Text, Weight, _Model, rescale


class ScaleOption(_Model):
    value: float = Field(description="The level's number, stored as the answer (e.g. 0..4 or 1..5).")
    label: Text
    weight: Fraction | None = Field(
        default=None,
        description="Fraction of the question's points this option earns (0..1). "
        "Default: linear between the lowest and highest value of the scale.",
    )
    description: Text | None = None


class Scale(_Model):
    """An answer scale defined once and referenced by many questions."""

    id: Id
    title: Text | None = None
    options: list[ScaleOption] = Field(description="Ordered from worst to best.")

    def option_score(self, option: ScaleOption) -> float:
        """The option's share of the question's points, the lowest option 0 and the highest 1.

        Without weights the steps are even (by value); weights set uneven
        steps, rescaled so the best answer always earns full marks.
        """
        raw = [o.weight if o.weight is not None else o.value for o in self.options]
        mine = option.weight if option.weight is not None else option.value
        return rescale(mine, raw)


class Area(_Model):
    """A sub-area of a dimension, so multi-level maturity models fit."""

    id: Id
    title: Text
    description: Text | None = None
    pressure: list[Literal["spike", "growth", "slack"]] | None = Field(
        default=None,
        description="The kinds of pressure that load this area (e.g. a website: `spike`; hiring: `growth`; "
        "forecasts and stock: `slack`). An area is only as likely to break first as the pressure on it is "
        "strong. Left out, the area carries every kind, fully; `[]` says no demand pressure loads it "
        "(backups: a disk fails whatever the demand), so it carries only `exposure_floor` "
        "(docs/scoring.md, section 3).",
    )
    controllable: bool | str = Field(
        default=True,
        description="Whether holding demand back honestly (a waiting list, capped orders) protects this area. "
        "`false`: never; demand far ahead of such an area is never 'under control'. A condition over answers "
        "by question id, as in `show_if` (`gross_margin > 0` for cash: a queue keeps the money tied up in "
        "orders to what the business can deliver, unless each order loses money): the queue protects the area "
        "while the condition holds, a failing critical question in it included, and never when it does not "
        "or cannot be read (an unanswered question), so skipping never helps (docs/scoring.md, section 3).",
    )
    weighed_by: str | None = Field(
        default=None,
        description="A percentage question whose answer is the share of the business this area touches (the "
        "website's area: the share of orders that come online). Its findings rank by that share, never below "
        "`exposure_floor` of their impact: an untested website weighs less for a firm taking one booking in ten "
        "online than for an online shop (docs/scoring.md, section 4). Scores and verdicts are unchanged.",
    )
    carries_load: bool = Field(
        default=True,
        description="Whether demand loads this area, so that it can be where its dimension breaks first. "
        "`false` for management routines (priorities, weekly numbers, the improvement loop, plan B): they make "
        "a business resilient, but demand does not load them and break them. Such an area counts in its "
        "dimension's score and its findings, and in whether operations stand idle, never in where the business "
        "breaks first (docs/scoring.md, section 3).",
    )


class Dimension(_Model):
    id: Id
    title: Text
    description: Text | None = None
    side: Literal["operations", "demand"] = Field(
        description="`operations` (supply: team, process, technology, capacity, demand management) or "
        "`demand` (demand pressure: how much demand is coming; a high score is high pressure)."
    )
    weight: Weight = 1.0
    areas: list[Area] = Field(default_factory=list)
    peak_share: Fraction = Field(
        default=0.0,
        description="Share of the score taken by the highest of `peak_questions` instead of the weighted mean "
        "(0: a plain mean). For demand pressure: one big source of demand (a TV spot, a tripling pipeline) "
        "is enough to swamp a business, whatever the other answers say.",
    )
    peak_questions: list[Id] = Field(
        default_factory=list, description="Questions of this dimension whose highest share sets the peak."
    )


class Level(_Model):
    """A maturity level: scores from ``min`` up to the next level's ``min``."""

    id: Id
    name: Text
    min: float
    description: Text | None = None


class Profile(_Model):
    """A target profile: the score each dimension should reach for an ambition."""

    id: Id
    title: Text
    description: Text | None = None
    targets: dict[str, float]
    default: bool = False
