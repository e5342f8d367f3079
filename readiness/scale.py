"""Native score scales: the one place where 0..100 becomes the figure a framework's people read.

Scores are computed and stored on 0..100 so that every chart, comparison and
stored result means the same thing. A questionnaire may declare its own
``score_scale`` (SAMM reads 0-3, the EOS Checkup a total of 20-100); pages, the
CLI, reports and workshops all show scores through the functions here, so a
figure reads the same everywhere, and the JSON carries both numbers.

Levels and profile targets are written on the native scale (that is the point:
authors should not re-base their framework's thresholds by hand), so the
conversion runs both ways.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from readiness.model import Questionnaire, ScoreScale
    from readiness.results import ScoreResult

DASH = "–"


def _span(scale: ScoreScale) -> float:
    return scale.max - scale.min


def is_default(scale: ScoreScale) -> bool:
    """Whether the scale is the plain 0..100 with no unit (nothing to convert or explain)."""
    return scale.min == 0 and scale.max == 100 and scale.unit is None


def to_native(value: float | None, scale: ScoreScale) -> float | None:
    """An internal 0..100 score on the questionnaire's own scale (None stays None)."""
    if value is None:
        return None
    return scale.min + value * _span(scale) / 100


def to_internal(value: float, scale: ScoreScale) -> float:
    """A figure written on the native scale (a level start, a target) as 0..100."""
    span = _span(scale)
    return 0.0 if span == 0 else (value - scale.min) * 100 / span


def difference(value: float | None, scale: ScoreScale) -> float | None:
    """A difference of two internal scores (a gap, points gained) on the native scale: no offset."""
    return None if value is None else value * _span(scale) / 100


def shown(value: float | None, scale: ScoreScale) -> float | None:
    """A 0..100 score as the figure people read: on the native scale, rounded to its decimals."""
    native = to_native(value, scale)
    return None if native is None else round(native, scale.decimals)


def between(high: float | None, low: float | None, scale: ScoreScale) -> float | None:
    """The difference of two 0..100 scores as a reader would subtract their shown figures, as 0..100.

    Every displayed difference (a gap, the balance index, "N points ahead") goes through here, so
    "Target 2.00, Score 1.63" reads "+0.37" and "pressure 60, weakest link 8" reads "+52", never a
    figure rounded on its own that disagrees with the two beside it by one in the last digit.
    """
    a, b = shown(high, scale), shown(low, scale)
    if a is None or b is None:
        return None
    native = round(a - b, scale.decimals)
    span = _span(scale)
    return 0.0 if span == 0 else native * 100 / span


def gap(d: Any, scale: ScoreScale) -> float | None:
    """A dimension's gap (target minus score) as the reader subtracts the two figures shown beside it."""
    return None if d.gap is None else between(d.target, d.score, scale)


def balance_index(b: Any, scale: ScoreScale) -> float | None:
    """The balance index (pressure minus the weakest link's strength) as the difference of those two figures."""
    pressure = b.pressure if b.pressure is not None else b.demand
    if b.index is None or b.link is None or pressure is None:
        return b.index
    return between(pressure, b.link, scale)


def number(value: float | None, scale: ScoreScale, *, internal: bool = True) -> str:
    """The figure alone, with the scale's decimals: ``1.75``; a dash when there is none."""
    if value is None:
        return DASH
    native = to_native(value, scale) if internal else value
    return f"{native:.{scale.decimals}f}"


def short_of(value: float | None, scale: ScoreScale) -> str:
    """A gap (target minus score) as a reader says it: "20 below", "on target", "8 above" (a bare "+20"
    under "Gap" read the wrong way round to an owner)."""
    if value is None:
        return DASH
    text = signed(value, scale)
    if float(text) == 0:
        return "on target"
    # a no-break space: "45" and "below" never part in a narrow column
    return f"{text.lstrip('+')}\u00a0below" if text.startswith("+") else f"{text.lstrip('-')}\u00a0above"


def signed(value: float | None, scale: ScoreScale) -> str:
    """A difference (gap, balance index) on the native scale with its sign: ``+0.75``."""
    if value is None:
        return DASH
    native = difference(value, scale) or 0.0
    text = f"{native:.{scale.decimals}f}"
    if float(text) == 0:
        return text.lstrip("-")  # "-0" is no difference
    return ("+" + text) if native > 0 else text


def gain(points: float, scale: ScoreScale, digits: int = 0) -> str:
    """Points a finding would add, as people read them: ``+17`` on 0..100, ``+0.50`` on SAMM's 0..3."""
    native = difference(points, scale) or 0.0
    decimals = digits if is_default(scale) else scale.decimals + 1
    return f"+{native:.{decimals}f}"


def unit_text(scale: ScoreScale, lang: str = "en") -> str:
    from readiness.model import tr

    return tr(scale.unit, lang) if scale.unit is not None else ""


def out_of(value: float | None, scale: ScoreScale, lang: str = "en") -> str:
    """A score as people read it on this scale: ``63 / 100``, ``1.75 / 3``, ``63%``."""
    unit = unit_text(scale, lang)
    figure = number(value, scale)
    if unit == "%":
        return f"{figure}%"
    top = f"{scale.max:.{scale.decimals}f}" if scale.max != int(scale.max) else f"{scale.max:.0f}"
    return f"{figure} / {top}" + (f" {unit}" if unit else "")


def in_words(value: float | None, scale: ScoreScale, lang: str = "en") -> str:
    """A score inside a sentence: ``21 out of 100``, ``1.75 out of 3``, ``63%``."""
    text = out_of(value, scale, lang)
    return text if text.endswith("%") else text.replace(" / ", " out of ", 1)


def range_text(scale: ScoreScale, lang: str = "en") -> str:
    """The scale in words for a method section: ``0–3``, ``20–100 points``."""
    unit = unit_text(scale, lang)
    return f"{scale.min:g}–{scale.max:g}" + (f" {unit}" if unit and unit != "%" else unit if unit == "%" else "")


def headline_label(questionnaire: Questionnaire, lang: str = "en") -> str:
    """The name of the headline score.

    "Operations readiness" only means something when there is a demand side to
    weigh it against; a framework of its own (SAMM, EOS) is headed by its own
    label, or by its title.
    """
    from readiness.model import tr

    if questionnaire.score_scale.label is not None:
        return tr(questionnaire.score_scale.label, lang)
    if has_demand(questionnaire):
        return "Operations readiness"
    return tr(questionnaire.title, lang)


def has_demand(questionnaire: Questionnaire) -> bool:
    """Whether the questionnaire weighs operations against a demand side at all."""
    sides = {d.side for d in questionnaire.dimensions}
    return "demand" in sides and "operations" in sides


def native_dict(result: ScoreResult) -> dict[str, Any]:
    """The native figures of a result, for its JSON (which also keeps the 0..100 ones)."""
    sc = result.score_scale

    def n(value: float | None) -> float | None:
        native = to_native(value, sc)
        return None if native is None else round(native, max(sc.decimals, 2))

    def d(value: float | None) -> float | None:
        native = difference(value, sc)
        return None if native is None else round(native, max(sc.decimals, 2))

    return {
        "scale": {"min": sc.min, "max": sc.max, "decimals": sc.decimals, "unit": sc.unit},
        "label": result.overall_label,
        "overall": n(result.overall),
        "operations": n(result.balance.operations),
        "demand": n(result.balance.demand),
        "balance_index": d(result.balance.index),
        "dimensions": {
            dim.id: {
                "score": n(dim.score),
                "target": n(dim.target),
                "gap": d(dim.gap),
                "areas": {area.id: n(area.score) for area in dim.areas},
            }
            for dim in result.dimensions
        },
    }
