"""The typed questionnaire model: what a questionnaire file means once loaded.

The model only describes the shape of a questionnaire. Whether its
cross-references hold (a question naming a declared scale, thresholds in
order, ...) is checked by :mod:`readiness.loader`, which can then report every
problem with its line instead of stopping at the first.

Ids are stable and separate from display text, so text can be reworded or
translated without breaking stored answers.

This module is the model's public face; the parts live beside it, each with one
job: :mod:`.base` (ids, display text, the strict base model), :mod:`.frame`
(scales, dimensions and areas, levels, profiles), :mod:`.questions` (the
question types and their parts), :mod:`.settings` (scoring policy, score scale,
balance, plan) and :mod:`.questionnaire` (the whole file and its lookups).
Import from ``readiness.model``: the parts may move.
"""

from readiness.model.base import Effort, Fraction, Id, Slug, Text, Weight, rescale, tr
from readiness.model.frame import Area, Dimension, Level, Profile, Scale, ScaleOption
from readiness.model.questionnaire import (
    SCHEMA_VERSION,
    CarryBand,
    Contradiction,
    Questionnaire,
    Step,
    Successor,
)
from readiness.model.questions import (
    DONT_KNOW,
    NOT_APPLICABLE,
    QUESTION_TYPES,
    RESERVED_IDS,
    SURGE_INPUT_NAMES,
    Band,
    ChoiceOption,
    GrowthDrag,
    MultipleChoiceQuestion,
    NumberQuestion,
    Question,
    Recommendation,
    ScaleQuestion,
    SingleChoiceQuestion,
    SlackAllowance,
    StepVariant,
    TextQuestion,
    YesNoQuestion,
)
from readiness.model.settings import BalanceSettings, PlanSettings, ScoreScale, ScoringPolicy

__all__ = [
    "DONT_KNOW",
    "NOT_APPLICABLE",
    "QUESTION_TYPES",
    "RESERVED_IDS",
    "SCHEMA_VERSION",
    "SURGE_INPUT_NAMES",
    "Area",
    "BalanceSettings",
    "Band",
    "CarryBand",
    "ChoiceOption",
    "Contradiction",
    "Dimension",
    "Effort",
    "Fraction",
    "GrowthDrag",
    "Id",
    "Level",
    "MultipleChoiceQuestion",
    "NumberQuestion",
    "PlanSettings",
    "Profile",
    "Question",
    "Questionnaire",
    "Recommendation",
    "Scale",
    "ScaleOption",
    "ScaleQuestion",
    "ScoreScale",
    "ScoringPolicy",
    "SingleChoiceQuestion",
    "SlackAllowance",
    "Slug",
    "Step",
    "StepVariant",
    "Successor",
    "Text",
    "TextQuestion",
    "Weight",
    "YesNoQuestion",
    "rescale",
    "tr",
]
