"""The shipped questionnaires: valid, complete, and written to the house standard."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness import load_questionnaire_with_warnings, score
from readiness.answers import Answer, visible_questions
from readiness.findings import _matching_advice
from readiness.model import MultipleChoiceQuestion, NumberQuestion, Questionnaire, ScaleQuestion

from .conftest import ROOT

FILES = sorted((ROOT / "questionnaires").glob("*.yaml"))
DIMENSIONS = {"team", "process", "technology", "capacity", "demand_management", "demand"}
PROFILES = {"steady_growth", "double_in_12_months", "survive_10x_spike"}


def load(name: str) -> Questionnaire:
    return load_questionnaire_with_warnings(ROOT / "questionnaires" / name).questionnaire


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_shipped_questionnaire_is_valid_without_warnings(path: Path) -> None:
    result = load_questionnaire_with_warnings(path)
    assert result.warnings == []
    q = result.questionnaire
    assert {d.id for d in q.dimensions} == DIMENSIONS
    assert {p.id for p in q.profiles} == PROFILES


@pytest.mark.parametrize("name", ["growth-readiness.yaml", "quick-check.yaml"])
def test_every_scale_question_is_anchored_and_advises_its_low_levels(name: str) -> None:
    q = load(name)
    for question in q.questions:
        if not isinstance(question, ScaleQuestion):
            continue
        values = {o.value for o in q.scale(question.scale).options}
        assert set(question.anchors) == values, f"{question.id} lacks anchors"
        lowest = Answer(question.id, "value", min(values))
        assert _matching_advice(question, lowest, 0.0, "en"), f"{question.id} has no advice for its lowest level"


def test_default_questionnaire_covers_the_domain() -> None:
    q = load("growth-readiness.yaml")
    assert len(q.questions) >= 40
    per_dimension = {d: len(q.questions_in(d)) for d in DIMENSIONS}
    # at least five per dimension: demand management asks five since version 2.1 merged three
    # overlapping pairs (brakes, campaign notice, pipeline horizon), one question per area or more
    assert min(per_dimension.values()) >= 5, per_dimension
    assert {type(x).__name__ for x in q.questions} >= {
        "ScaleQuestion",
        "YesNoQuestion",
        "SingleChoiceQuestion",
        "MultipleChoiceQuestion",
        "NumberQuestion",
    }
    assert any(x.critical for x in q.questions)
    numbers = [x for x in q.questions if isinstance(x, NumberQuestion)]
    assert all(x.unit and x.help for x in numbers), "numbers need a unit and help on how to count"


def gate(kind: str) -> dict[str, Answer]:
    return {"business_type": Answer("business_type", "value", kind)}


@pytest.mark.parametrize("name", ["growth-readiness.yaml", "quick-check.yaml"])
def test_goods_and_service_businesses_see_their_own_questions(name: str) -> None:
    q = load(name)
    goods = visible_questions(q, gate("goods"))
    services = visible_questions(q, gate("services"))
    assert goods - services, "no goods-only questions"
    if name == "growth-readiness.yaml":
        assert services - goods, "no service-only questions"


def extreme_answers(q: Questionnaire, kind: str, best: bool) -> dict[str, Answer]:
    answers = gate(kind)
    for question in q.questions:
        if not question.scored or question.id == "business_type":
            continue
        if isinstance(question, MultipleChoiceQuestion):
            value: object = tuple(o.id for o in question.options if (o.value > 0) == best and o.value != 0)
        elif isinstance(question, NumberQuestion):
            band = max(question.bands, key=lambda b: b.score) if best else min(question.bands, key=lambda b: b.score)
            index = question.bands.index(band)
            # the open-ended last band has no up_to: take just above the band before it
            value = band.up_to if band.up_to is not None else question.bands[index - 1].up_to + 1
        else:
            steps = q.steps(question)
            value = (steps[-1] if best else steps[0]).value
        answers[question.id] = Answer(question.id, "value", value)
    return answers


@pytest.mark.parametrize("name", ["growth-readiness.yaml", "quick-check.yaml"])
@pytest.mark.parametrize("kind", ["goods", "services", "both"])
def test_best_answers_score_100_and_worst_0_for_every_kind_of_business(name: str, kind: str) -> None:
    q = load(name)
    best = score(q, extreme_answers(q, kind, True))
    worst = score(q, extreme_answers(q, kind, False))
    assert best.overall == 100 and best.balance.demand == 100
    assert worst.overall == 0 and worst.balance.demand == 0
    assert best.balance.quadrant == "scale_ready"
    assert len(worst.findings) >= 10


def test_the_shipped_questionnaires_are_there() -> None:
    assert {p.name for p in FILES} >= {"growth-readiness.yaml", "quick-check.yaml"}


@pytest.mark.parametrize("name", ["growth-readiness.yaml", "quick-check.yaml"])
def test_every_operations_question_says_what_a_low_answer_means(name: str) -> None:
    """Findings read as findings (issue 11): every question that can become one carries its sentence."""
    q = load(name)
    missing = [
        x.id
        for x in q.questions
        if x.scored and x.weight > 0 and q.dimension(x.dimension).side == "operations" and not x.finding
    ]
    assert not missing


@pytest.mark.parametrize("name", ["growth-readiness.yaml", "quick-check.yaml"])
def test_the_demand_side_measures_pressure_and_advises_only_its_levers(name: str) -> None:
    """Demand questions measure how much demand is coming; what to do about it is demand management.

    The one exception is a lever (``grows: demand``: campaigns, reach, channels), advised only while
    capacity stands idle (docs/scoring.md section 4); outcomes such as growth or a backlog never advise."""
    q = load(name)
    demand = [x for x in q.questions if q.dimension(x.dimension).side == "demand"]
    sizing = {"order_growth", "event_ahead", "event_multiple", "event_weeks"}
    if name == "growth-readiness.yaml":  # quick-check v2 retired backlog_weeks: the full questionnaire asks it
        sizing.add("backlog_weeks")
    assert sizing <= {x.id for x in demand}
    assert not [x.id for x in demand if x.recommendations and x.grows != "demand"]
    assert not sizing & {x.id for x in demand if x.grows == "demand"}
    managed = {x.id for x in q.questions if x.dimension == "demand_management"}
    assert {"promises_match", "when_full"} <= managed
    assert q.balance.control_dimension == "demand_management"
