"""What every part of the questionnaire format is built from: ids, display text, the strict base model.

The frame, the questions and the settings all use these, so they live below
all three: an id is an identifier because conditions name questions by it, a
text may carry every language, and an unknown key is an error everywhere.
:func:`tr` and :func:`rescale` are here because a text and a ladder are read
the same way wherever they appear.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

#: Question, scale, dimension ... ids: also the names used in conditions, so
#: they must be identifiers.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
#: A questionnaire id may read like a slug.
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]
#: Display text: a plain string, or a mapping of language code to string.
Text = str | dict[str, str]
Weight = Annotated[float, Field(ge=0, le=1000)]
Fraction = Annotated[float, Field(ge=0, le=1)]
Effort = Literal["low", "medium", "high"]


def tr(text: Text | None, lang: str = "en", fallback: str = "en") -> str:
    """Pick the text for ``lang``; fall back to the default language, then any."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    for key in (lang, fallback):
        if key in text:
            return text[key]
    return next(iter(text.values()), "")


def rescale(value: float, among: list[float]) -> float:
    """Place ``value`` on 0..1 between the lowest and highest of ``among``.

    Every ladder is rescaled like this so that the best possible answer is
    worth full marks and the worst none, whatever numbers an author chose.
    A ladder whose rungs are all equal cannot change a score and counts as 1.
    """
    low, high = min(among), max(among)
    return 1.0 if high == low else (value - low) / (high - low)


class _Model(BaseModel):
    # Unknown keys are errors: a typo such as `wieght:` must not be silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)
