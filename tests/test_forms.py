"""Forms: what widget values mean, steps and progress — checked without a browser."""

from __future__ import annotations

import pytest

from readiness import AnswerError
from readiness.answers import Answer
from readiness.forms import DK_KEY, NA_KEY, NONE_KEY, field_for, missing, progress, steps, to_answer, widget_value


def test_scale_field_lists_levels_with_this_questions_anchors(sample) -> None:
    field = field_for(sample, sample.question("cover"))
    assert field.widget == "choice" and field.critical
    assert [c.key for c in field.choices] == ["0", "1", "2", "3"]
    assert field.choices[0].caption == "Work stops until they are back."
    assert [c.key for c in field.special] == [DK_KEY]  # na not allowed on this question


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("cover", Answer("cover", "value", 2.0)),
        ("cover", Answer("cover", "dont_know")),
        ("surge_plan", Answer("surge_plan", "value", False)),
        ("business_type", Answer("business_type", "value", "goods")),
        ("channels", Answer("channels", "value", ("ads", "partners"))),
        ("channels", Answer("channels", "value", ())),
        ("utilization", Answer("utilization", "value", 85.0)),
        ("comment", Answer("comment", "value", "busy in May")),
    ],
)
def test_widget_values_round_trip_to_the_same_answer(sample, question, answer) -> None:
    field = field_for(sample, sample.question(question))
    value, special = widget_value(field, answer)
    assert to_answer(sample, field, value, special) == answer


def test_empty_widgets_mean_unanswered_and_none_of_these_is_explicit(sample) -> None:
    channels = field_for(sample, sample.question("channels"))
    assert to_answer(sample, channels, [], None) is None
    assert to_answer(sample, channels, [], NONE_KEY).value == ()
    assert to_answer(sample, field_for(sample, sample.question("utilization")), None) is None
    assert to_answer(sample, field_for(sample, sample.question("comment")), "   ") is None


def test_out_of_range_number_is_refused_with_the_question_named(sample) -> None:
    field = field_for(sample, sample.question("utilization"))
    with pytest.raises(AnswerError) as info:
        to_answer(sample, field, 400)
    assert "`utilization`" in info.value.problem.message and "outside the allowed range" in info.value.problem.message


def test_special_answers_from_widgets(sample) -> None:
    cover = field_for(sample, sample.question("cover"))
    assert to_answer(sample, cover, DK_KEY).kind == "dont_know"
    with pytest.raises(AnswerError):
        to_answer(sample, cover, NA_KEY)


def test_steps_follow_dimensions_and_show_if(sample) -> None:
    goods = {"business_type": Answer("business_type", "value", "goods")}
    services = {"business_type": Answer("business_type", "value", "services")}
    by_id = {s.id: s for s in steps(sample, goods)}
    assert [s.id for s in steps(sample, goods)] == ["team", "capacity", "marketing"]
    assert "stock_cover" in by_id["capacity"].questions
    assert "stock_cover" not in {s.id: s for s in steps(sample, services)}["capacity"].questions
    assert by_id["team"].answered == 1 and not by_id["team"].done


def test_progress_and_missing_summary(sample) -> None:
    answers = {
        "business_type": Answer("business_type", "value", "services"),
        "cover": Answer("cover", "value", 1.0),
    }
    done = progress(sample, answers)
    assert (done.answered, done.shown) == (2, 6)  # stock_cover hidden for services
    gaps = {step.id: [qid for qid, _ in items] for step, items in missing(sample, answers)}
    assert gaps == {"team": ["surge_plan"], "capacity": ["utilization"], "marketing": ["channels", "comment"]}
