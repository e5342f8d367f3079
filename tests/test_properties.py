"""Properties every score must keep, whatever the questionnaire and answers (hypothesis)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from readiness import parse_questionnaire, score
from readiness.answers import Answer
from readiness.model import Questionnaire

from .conftest import SAMPLE

DIMENSIONS = ("ops", "tech", "demand")


@st.composite
def questionnaires(draw: st.DrawFn) -> Questionnaire:
    """Random questionnaires mixing every scored question type, with random weights."""
    scale_values = sorted(draw(st.sets(st.integers(-5, 10), min_size=2, max_size=6)))
    questions = []
    for index in range(draw(st.integers(1, 12))):
        base = {
            "id": f"q{index}",
            "dimension": draw(st.sampled_from(DIMENSIONS)),
            "text": f"Question {index}",
            "weight": draw(st.floats(0.1, 10)),
            "critical": draw(st.booleans()),
        }
        kind = draw(st.sampled_from(["scale", "yes_no", "single_choice", "multiple_choice", "number"]))
        if kind == "scale":
            base |= {"type": "scale", "scale": "s"}
        elif kind == "yes_no":
            base |= {"type": "yes_no"}
        elif kind in ("single_choice", "multiple_choice"):
            values = draw(st.lists(st.integers(-3, 5), min_size=2, max_size=5))
            if len(set(values)) == 1 or not any(values):  # a ladder needs two different rungs
                values[-1] += 1
            base |= {
                "type": kind,
                "options": [{"id": f"o{i}", "label": f"O{i}", "value": v} for i, v in enumerate(values)],
            }
        else:
            bounds = sorted(draw(st.sets(st.integers(1, 100), min_size=1, max_size=4)))
            scores = sorted(draw(st.lists(st.floats(0, 1), min_size=len(bounds) + 1, max_size=len(bounds) + 1)))
            if scores[0] == scores[-1]:  # a ladder needs two different rungs
                scores[-1], scores[0] = 1.0, 0.0
            bands = [
                {"up_to": b, "score": s, "label": f"b{i}"} for i, (b, s) in enumerate(zip(bounds, scores, strict=False))
            ]
            bands.append({"score": scores[-1], "label": "top"})
            base |= {"type": "number", "min": 0, "max": 200, "bands": bands}
        questions.append(base)
    data = {
        "schema_version": 1,
        "id": "prop",
        "version": "1",
        "title": "Property",
        "dimensions": [
            {
                "id": d,
                "title": d,
                "side": "demand" if d == "demand" else "operations",
                "weight": draw(st.floats(0.1, 5)),
            }
            for d in DIMENSIONS
        ],
        "scales": [{"id": "s", "options": [{"value": v, "label": str(v)} for v in scale_values]}],
        "levels": [{"id": "l0", "name": "L0", "min": 0}, {"id": "l1", "name": "L1", "min": 50}],
        "profiles": [{"id": "p", "title": "P", "targets": dict.fromkeys(DIMENSIONS, 50)}],
        # Readiness's own rule (its questionnaires say so): a blank counts as worst, so skipping never pays.
        "scoring": {"unanswered": "lowest"},
        "questions": questions,
    }
    return Questionnaire.model_validate(data)


def possible_answers(q: Questionnaire, question) -> list:
    if question.type == "multiple_choice":
        ids = [o.id for o in question.options]
        return [(), *[(i,) for i in ids], tuple(ids)]
    if question.type == "number":
        return [0, 1, 50, 100, 200]
    return [s.value for s in q.steps(question)]


def random_answers(q: Questionnaire, rnd: random.Random) -> dict[str, Answer]:
    answers = {}
    for question in q.questions:
        if rnd.random() < 0.8:
            answers[question.id] = Answer(question.id, "value", rnd.choice(possible_answers(q, question)))
    return answers


def all_scores(result) -> list[float]:
    values = [d.score for d in result.dimensions] + [result.overall, result.balance.demand]
    return [v for v in values if v is not None]


@settings(max_examples=150, deadline=None)
@given(questionnaires(), st.randoms(use_true_random=False))
def test_scores_stay_between_0_and_100(q: Questionnaire, rnd: random.Random) -> None:
    result = score(q, random_answers(q, rnd))
    assert all(0 <= s <= 100 for s in all_scores(result))
    assert all(f.points >= 0 for f in result.findings)


@settings(max_examples=150, deadline=None)
@given(questionnaires(), st.randoms(use_true_random=False))
def test_raising_one_answer_never_lowers_its_dimension(q: Questionnaire, rnd: random.Random) -> None:
    answers = random_answers(q, rnd)
    question = rnd.choice(q.questions)
    if question.type == "multiple_choice":  # raising = ticking a positive option
        ids = [o.id for o in question.options]
        before_value = tuple(i for i in ids if rnd.random() < 0.5)
        positive = [o.id for o in question.options if o.value > 0 and o.id not in before_value]
        after_value = tuple(sorted({*before_value, *positive[:1]}, key=ids.index))
    elif question.type == "number":  # raising = moving to a band that scores more
        bands = question.bands
        ranked = sorted(range(len(bands)), key=lambda i: bands[i].score)
        pick = lambda i: bands[i].up_to if bands[i].up_to is not None else 200  # noqa: E731
        before_value, after_value = pick(ranked[0]), pick(ranked[-1])
    else:
        steps = q.steps(question)
        low, high = sorted(rnd.sample(range(len(steps)), 2))
        before_value, after_value = steps[low].value, steps[high].value
    before = score(q, {**answers, question.id: Answer(question.id, "value", before_value)})
    after = score(q, {**answers, question.id: Answer(question.id, "value", after_value)})
    dim = question.dimension
    assert after.dimension(dim).score >= before.dimension(dim).score - 1e-6


@settings(max_examples=100, deadline=None)
@given(questionnaires(), st.randoms(use_true_random=False), st.floats(0.01, 100))
def test_order_of_questions_and_a_common_scale_of_weights_do_not_matter(q, rnd, factor) -> None:
    answers = random_answers(q, rnd)
    data = q.model_dump()
    shuffled = list(data["questions"])
    rnd.shuffle(shuffled)
    for item in shuffled:
        item["weight"] *= factor
    for dim in data["dimensions"]:
        dim["weight"] *= factor
    other = Questionnaire.model_validate({**data, "questions": shuffled})
    a, b = score(q, answers), score(other, answers)
    for x, y in zip(a.dimensions, b.dimensions, strict=True):
        assert (x.score is None) == (y.score is None)
        if x.score is not None:
            assert abs(x.score - y.score) < 0.02
    assert (a.overall is None) or abs(a.overall - b.overall) < 0.02


def best_and_worst(q: Questionnaire, question) -> tuple:
    if question.type == "multiple_choice":
        best = tuple(o.id for o in question.options if o.value > 0)
        worst = tuple(o.id for o in question.options if o.value < 0)
        return best, worst
    if question.type == "number":
        bands = question.bands
        top = max(bands, key=lambda b: b.score)
        bottom = min(bands, key=lambda b: b.score)
        value = lambda b: b.up_to if b.up_to is not None else 200  # noqa: E731
        return value(top), value(bottom)
    steps = q.steps(question)
    return steps[-1].value, steps[0].value


def extreme(q: Questionnaire, best: bool) -> dict[str, Answer]:
    return {x.id: Answer(x.id, "value", best_and_worst(q, x)[0 if best else 1]) for x in q.questions if x.scored}


@settings(max_examples=100, deadline=None)
@given(questionnaires())
def test_all_best_answers_give_100_and_all_worst_give_0(q: Questionnaire) -> None:
    best, worst = score(q, extreme(q, True)), score(q, extreme(q, False))
    assert all(s == 100 for s in all_scores(best))
    assert all(s == 0 for s in all_scores(worst))
    assert best.findings == ()


def test_best_and_worst_on_the_sample_questionnaire() -> None:
    q = parse_questionnaire(SAMPLE.read_text()).questionnaire
    answers = extreme(q, True)
    answers["business_type"] = Answer("business_type", "value", "goods")
    assert score(q, answers).overall == 100
    worst = extreme(q, False)
    worst["business_type"] = Answer("business_type", "value", "goods")
    assert score(q, worst).overall == 0


def _raise(q: Questionnaire, question, rnd: random.Random) -> tuple:
    """Two answers to ``question``, the second scoring at least as high as the first."""
    if question.type == "multiple_choice":
        ids = [o.id for o in question.options]
        before_value = tuple(i for i in ids if rnd.random() < 0.5)
        positive = [o.id for o in question.options if o.value > 0 and o.id not in before_value]
        return before_value, tuple(sorted({*before_value, *positive[:1]}, key=ids.index))
    if question.type == "number":
        bands = question.bands
        ranked = sorted(range(len(bands)), key=lambda i: bands[i].score)
        pick = lambda i: bands[i].up_to if bands[i].up_to is not None else 200  # noqa: E731
        return pick(ranked[0]), pick(ranked[-1])
    steps = q.steps(question)
    low, high = sorted(rnd.sample(range(len(steps)), 2))
    return steps[low].value, steps[high].value


@settings(max_examples=150, deadline=None)
@given(questionnaires(), st.randoms(use_true_random=False))
def test_improving_an_operations_answer_never_raises_the_danger(q: Questionnaire, rnd: random.Random) -> None:
    operations = [x for x in q.questions if x.dimension != "demand"]
    if not operations:
        return
    answers = random_answers(q, rnd)
    question = rnd.choice(operations)
    worse, better = _raise(q, question, rnd)
    before = score(q, {**answers, question.id: Answer(question.id, "value", worse)})
    after = score(q, {**answers, question.id: Answer(question.id, "value", better)})
    if before.balance.index is None or after.balance.index is None:
        return
    assert after.balance.index <= before.balance.index + 1e-6
    if before.balance.quadrant != "danger_zone":
        assert after.balance.quadrant != "danger_zone"


@settings(max_examples=150, deadline=None)
@given(questionnaires(), st.randoms(use_true_random=False))
def test_the_range_contains_the_score(q: Questionnaire, rnd: random.Random) -> None:
    result = score(q, random_answers(q, rnd))
    for d in result.dimensions:
        if d.score is not None:
            assert d.low is not None and d.high is not None
            assert d.low - 1e-6 <= d.score <= d.high + 1e-6
            assert 0 <= d.low <= d.high <= 100


SEVERITY_ORDER = ("danger_zone", "demand_ahead_controlled", "foundation", "idle_capacity", "scale_ready")


def _verdict(result) -> str | None:
    """The verdict, or for a business not placed the one its answers lean to."""
    return result.balance.leaning or result.balance.quadrant


@settings(max_examples=200, deadline=None)
@given(questionnaires(), st.randoms(use_true_random=False))
def test_skipping_an_answer_never_improves_the_verdict(q: Questionnaire, rnd: random.Random) -> None:
    answers = random_answers(q, rnd)
    if not answers:
        return
    skipped = rnd.choice(sorted(answers))
    full = score(q, answers)
    fewer = score(q, {k: v for k, v in answers.items() if k != skipped})
    for a, b in zip(full.dimensions, fewer.dimensions, strict=True):
        if a.low is None or b.low is None:
            continue
        if a.side == "operations":  # the pessimistic end only falls
            assert b.low <= a.low + 1e-6
        else:  # pressure only rises
            assert b.high >= a.high - 1e-6
    if full.balance.index is not None and fewer.balance.index is not None:
        assert fewer.balance.index >= full.balance.index - 1e-6
    if full.balance.quadrant == "not_placed":
        assert fewer.balance.quadrant in ("not_placed", None)
    before, after = _verdict(full), _verdict(fewer)
    if before is not None and after is not None:
        assert SEVERITY_ORDER.index(after) <= SEVERITY_ORDER.index(before), (before, after)
