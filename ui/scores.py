"""Scores and chart specs of the open assessment, computed once per saved state and shared.

A page rerun costs what it draws; scoring and building chart specs are kept
out of that cost by caching them: the score on the assessment's last change,
the charts on the score itself.
"""

from __future__ import annotations

import hashlib
import pickle
from typing import Any

import streamlit as st

from readiness import charts
from readiness.answers import Answer
from readiness.markup import md_literal
from readiness.scoring import ScoreResult, score
from ui.resources import store
from ui.session import Current


def result_for(cur: Current, profile: str | None = None, answers: dict[str, Answer] | None = None) -> ScoreResult:
    answer_set = store().answer_set(cur.assessment, answers)
    return score(cur.questionnaire, answer_set, profile or cur.assessment.profile, language=cur.lang)


@st.cache_resource(max_entries=256, show_spinner=False)
def _result_cache(_cur: Current, _profile: str, _answers: dict[str, Answer], key: tuple[Any, ...]) -> ScoreResult:
    return result_for(_cur, _profile, _answers)


def cached_result(cur: Current, profile: str, answers: dict[str, Answer]) -> ScoreResult:
    """The score, computed once per saved state: any answer change moves ``updated_at``.

    Held as a shared resource (not copied per hit): results are frozen.
    """
    a = cur.assessment
    return _result_cache(cur, profile, answers, (a.id, a.updated_at.isoformat(), profile, cur.lang))


def chart_specs(result: ScoreResult) -> dict[str, dict[str, Any]]:
    """Vega-Lite specs of the result's charts, built once per result: keyed on what was scored, not on
    the assessment it came from.

    Building them was nine tenths of a results page's first load. Every visitor gets a fresh copy of the
    demo (readiness/demo.py), so a key on the assessment built the same four charts again for each of
    them; a key on the result's content builds them once per server. The result holds everything the
    charts draw (profile, language and scale included), so equal bytes mean equal charts.
    """
    return _chart_specs(result, hashlib.blake2b(pickle.dumps(result, protocol=5), digest_size=16).hexdigest())


@st.cache_data(max_entries=64, show_spinner=False)
def _chart_specs(_result: ScoreResult, content: str) -> dict[str, dict[str, Any]]:
    return {
        "bars": charts.spec(charts.dimension_bars(_result)),
        "radial": charts.spec(charts.radial(_result)),
        "quadrant": charts.spec(charts.quadrant(_result)),
        # a square can be picked: a tap on a phone shows no tooltip, so the page writes what it holds
        "heatmap": charts.spec(charts.question_heatmap(_result, pickable=True)),
    }


@st.cache_data(max_entries=64, show_spinner=False)
def answer_rows(
    _cur: Current, _result: ScoreResult, _answers: dict[str, Answer], cache_key: tuple[Any, ...]
) -> list[dict[str, str]]:
    """Every question shown to this business with the answer and note given: the report's answer table.

    Escaped for ``st.table``, which renders Markdown in its cells.
    """
    from readiness.report import build_report

    report = build_report(_cur.questionnaire, _result, store().answer_set(_cur.assessment, _answers))
    return [
        {
            k: md_literal(v)
            for k, v in {"Part": r.dimension, "Question": r.question, "Answer": r.answer, "Note": r.note}.items()
        }
        for r in report.answers
        if r.answer != "Not asked (does not apply)"
    ]
