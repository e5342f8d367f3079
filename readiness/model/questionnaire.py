"""The questionnaire itself: everything a file declares, and the lookups the engine asks of it.

:class:`Questionnaire` holds the frame, the questions and the settings, with
the few parts only it holds (contradiction rules, retired questions and
their successors), and answers by id what a question, scale, dimension, level
or profile is. Its content hash is what stored assessments are checked against.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field, PrivateAttr

from readiness.model.base import Id, Slug, Text, _Model, rescale
from readiness.model.frame import Dimension, Level, Profile, Scale
from readiness.model.questions import (
    NumberQuestion,
    Question,
    ScaleQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    YesNoQuestion,
)
from readiness.model.settings import BalanceSettings, PlanSettings, ScoreScale, ScoringPolicy

SCHEMA_VERSION = 1


class Contradiction(_Model):
    """Answers that cannot both be true: a warning when ``when`` holds over the answers."""

    id: Id
    when: str = Field(description="A condition over question ids, as in `show_if`.")
    message: Text = Field(description="What looks contradictory, and which answer to check.")


class CarryBand(_Model):
    """One band of a retired number question's answers, and the successor's answer it carries as."""

    up_to: float | None = Field(default=None, description="Old answers up to this value; leave out on the last band.")
    value: Any = Field(description="The successor's answer for old answers in this band.")


class Successor(_Model):
    """Where a retired question's answer goes when a returning client's answers are carried over.

    A merge must not lose what the client said: ``readiness migrate-answers``
    turns the retired answer into an answer to ``to``. When the client also
    answered ``to`` itself, the lower of the two is kept, because the merged
    question asks for both halves and the weaker half is what holds.
    """

    to: Id = Field(description="The question that now asks the retired one's topic.")
    values: dict[str, Any] = Field(
        default_factory=dict,
        description="Old answer (an option id, `yes`/`no`, or a scale value) to the answer it carries as; "
        "an old answer not listed is not carried.",
    )
    bands: list[CarryBand] = Field(
        default_factory=list, description="For a retired number question: old answers by band, in increasing order."
    )


@dataclass(frozen=True)
class Step:
    """One rung of a question's ladder: the answer, what it scores, its label."""

    value: Any
    score: float
    label: Text
    anchor: Text | None = None


class Questionnaire(_Model):
    schema_version: Literal[1] = Field(description="Version of this file format. Currently 1.")
    id: Slug
    version: str = Field(min_length=1, max_length=40)
    title: Text
    description: Text | None = None
    languages: list[str] = Field(default_factory=lambda: ["en"], min_length=1)
    dimensions: list[Dimension] = Field(min_length=1)
    scales: list[Scale] = Field(default_factory=list)
    levels: list[Level] = Field(min_length=1)
    profiles: list[Profile] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)
    scoring: ScoringPolicy = Field(default_factory=ScoringPolicy)
    balance: BalanceSettings = Field(default_factory=BalanceSettings)
    plan: PlanSettings = Field(default_factory=PlanSettings)
    contradictions: list[Contradiction] = Field(default_factory=list)
    retired: dict[Id, Text] = Field(
        default_factory=dict,
        description="Question ids of earlier versions that are no longer asked, each with where its "
        "topic went; `readiness migrate-answers` shows it when it cannot carry such an answer over.",
    )
    successors: dict[Id, Successor] = Field(
        default_factory=dict,
        description="Retired question ids whose answers `readiness migrate-answers` carries to the question "
        "that absorbed them, and how (see Successor).",
    )
    score_scale: ScoreScale = Field(
        default_factory=ScoreScale,
        description="How scores are shown (range, decimals, unit); levels and targets are written on it.",
    )

    _questions: dict[str, Any] = PrivateAttr(default_factory=dict)
    _scales: dict[str, Scale] = PrivateAttr(default_factory=dict)
    _dimensions: dict[str, Dimension] = PrivateAttr(default_factory=dict)
    _hash: str = PrivateAttr(default="")

    def model_post_init(self, context: Any, /) -> None:
        self._questions = {q.id: q for q in self.questions}
        self._scales = {s.id: s for s in self.scales}
        self._dimensions = {d.id: d for d in self.dimensions}
        # Defaults left out: a setting added to the format later does not change every existing hash.
        canonical = json.dumps(self.model_dump(mode="json", exclude_defaults=True), sort_keys=True, ensure_ascii=False)
        self._hash = hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    # Lookups -----------------------------------------------------------------
    @property
    def content_hash(self) -> str:
        """SHA-256 of the questionnaire's meaning (not its formatting).

        Stored with every assessment so a later edit of the questionnaire is
        detected instead of silently re-scoring old answers.
        """
        return self._hash

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def question(self, question_id: str) -> Any:
        return self._questions[question_id]

    def has_question(self, question_id: str) -> bool:
        return question_id in self._questions

    def described(self, question_id: str) -> bool:
        """True when an optional note names this question's answer in the owner's words (the step weighed)."""
        return any(isinstance(q, TextQuestion) and q.describes == question_id for q in self.questions)

    def dimension(self, dimension_id: str) -> Dimension:
        return self._dimensions[dimension_id]

    def scale(self, scale_id: str) -> Scale:
        return self._scales[scale_id]

    def profile(self, profile_id: str | None = None) -> Profile:
        """The named profile, or the default one (the first if none is marked)."""
        if profile_id is None:
            return next((p for p in self.profiles if p.default), self.profiles[0])
        for p in self.profiles:
            if p.id == profile_id:
                return p
        from readiness.errors import UnknownProfileError

        known = ", ".join(p.id for p in self.profiles)
        raise UnknownProfileError(f"unknown target profile {profile_id!r}; choose one of: {known}")

    def questions_in(self, dimension_id: str) -> list[Any]:
        return [q for q in self.questions if q.dimension == dimension_id]

    def level_for(self, score: float) -> Level:
        """The level of an internal (0..100) score; level starts are written on the native scale."""
        from readiness.scale import to_internal

        chosen = self.levels[0]
        for level in self.levels:
            if score + 1e-9 >= to_internal(level.min, self.score_scale):
                chosen = level
        return chosen

    def level_start(self, level: Level) -> float:
        """Where a level starts on the internal 0..100 scale (``min`` is written on the native one)."""
        from readiness.scale import to_internal

        return to_internal(level.min, self.score_scale)

    def target(self, profile: Profile, dimension_id: str) -> float:
        """A profile's target for a dimension on the internal 0..100 scale (written natively)."""
        from readiness.scale import to_internal

        return to_internal(profile.targets.get(dimension_id, self.score_scale.min), self.score_scale)

    def steps(self, question: Any) -> list[Step]:
        """The ordered answers of a ladder-like question, worst first.

        Multiple choice and text questions have no ladder and return ``[]``.
        """
        if isinstance(question, ScaleQuestion):
            scale = self.scale(question.scale)
            steps = [
                Step(o.value, scale.option_score(o), question.label_for(o), question.anchors.get(o.value))
                for o in scale.options
            ]
        elif isinstance(question, YesNoQuestion):
            both = [question.no_score, question.yes_score]
            steps = [
                Step(False, rescale(question.no_score, both), "No", question.anchors.get("no")),
                Step(True, rescale(question.yes_score, both), "Yes", question.anchors.get("yes")),
            ]
        elif isinstance(question, SingleChoiceQuestion):
            values = [o.value for o in question.options]
            steps = [Step(o.id, rescale(o.value, values), o.label, o.description) for o in question.options]
        elif isinstance(question, NumberQuestion):
            scores = [b.score for b in question.bands]
            steps = [Step(b.bound, rescale(b.score, scores), b.label) for b in question.bands]
        else:
            return []
        return sorted(steps, key=lambda s: s.score)
