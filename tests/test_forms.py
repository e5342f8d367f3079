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


LABELLED = """
- id: resilience
  dimension: ops
  type: scale
  scale: four
  text: In your last busy spell, what happened to quality?
  labels: {0: Broke down, 3: Held up}
  anchors: {0: Mistakes piled up., 3: Nothing slipped.}
- id: ads
  dimension: demand
  type: yes_no
  text: Do you advertise?
"""


def test_a_question_names_its_own_levels_where_the_scales_words_read_wrong(inline) -> None:
    from readiness.answers import validate_answer

    q = inline(LABELLED)
    field = field_for(q, q.question("resilience"))
    assert [c.label for c in field.choices] == ["Broke down", "Some", "Most", "Held up"]
    assert validate_answer(q, "resilience", "broke down").value == 0  # its own word is accepted
    assert validate_answer(q, "resilience", "None").value == 0  # and the shared scale's still is
    assert q.steps(q.question("resilience"))[0].label == "Broke down"  # findings use it too


def test_labels_for_a_level_the_scale_lacks_are_refused_where_written(inline) -> None:
    from readiness.errors import QuestionnaireError

    with pytest.raises(QuestionnaireError) as caught:
        inline(LABELLED.replace("{0: Broke down, 3: Held up}", "{0: Broke down, 7: Held up}"))
    assert [(p.code, p.path) for p in caught.value.errors] == [("RQ211", "questions[0].labels[7]")]


def test_time_to_answer_counts_numbers_as_slower_than_choices(sample) -> None:
    from readiness.forms import SECONDS_PER_CHOICE, SECONDS_PER_NUMBER, minutes_asked, minutes_range

    # goods: business_type, cover, surge_plan, stock_cover (choices); utilization (number);
    # channels (choice); comment (text, timed like a number)
    goods = (5 * SECONDS_PER_CHOICE + 2 * SECONDS_PER_NUMBER) / 60
    assert minutes_asked(sample, "goods") == max(1, round(goods))
    assert minutes_range(sample)[0] <= minutes_asked(sample, "goods") <= minutes_range(sample)[1]


def test_an_empty_note_naming_the_step_is_never_left_to_answer() -> None:
    """Picking a step opens a box for it in the owner's words (2.4.6). It is optional: left empty, the step is
    not "1 left", the review does not list it, and the assessment can be complete."""
    from readiness.forms import review
    from readiness.loader import load_questionnaire

    from .conftest import ROOT

    q = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    team = [x.id for x in q.questions_in("team")]
    answers = {qid: Answer(qid, "dont_know", None) for qid in team if q.question(qid).allow_dont_know}
    answers |= {
        "business_type": Answer("business_type", "value", "goods"),
        "decision_ahead": Answer("decision_ahead", "value", "equipment"),
    }
    answers |= {
        qid: Answer(qid, "value", 1)
        for qid in team
        if qid not in answers and qid != "decision_detail" and q.question(qid).type in ("scale", "number")
    }
    step = next(s for s in steps(q, answers) if s.id == "team")
    assert "decision_detail" in step.questions  # drawn, once a step is picked
    assert step.left == 0 and step.done, [qid for qid in step.questions if qid not in answers]
    assert all(qid != "decision_detail" for _, items in review(q, answers).unanswered for qid, _ in items)
    words = {**answers, "decision_detail": Answer("decision_detail", "value", "a third kiln")}
    assert progress(q, words).answered == progress(q, answers).answered  # and filling it in is not counted


def test_the_review_says_what_a_dont_know_does_on_each_side() -> None:
    """A browser pass: a bakery answered its order growth "Don't know" and the review said it "counts as the
    lowest answer and is listed as a finding"; no finding named it (demand is the weather, never a finding) and
    it counted as the most growth. The caption says what it does on the side it is on."""
    from readiness.forms import dont_know_words, review
    from readiness.loader import load_questionnaire

    from .conftest import ROOT

    q = load_questionnaire(ROOT / "questionnaires" / "quick-check.yaml")
    unknown = Answer("order_growth", "dont_know")
    demand = dont_know_words(q, review(q, {"order_growth": unknown}))
    assert demand.startswith("Each counts as the most demand, the cautious reading")
    assert "finding" not in demand
    operations = dont_know_words(q, review(q, {"cash_runway": Answer("cash_runway", "dont_know")}))
    assert operations.startswith("Each counts as the lowest answer and is listed as a finding")
    both = dont_know_words(q, review(q, {"order_growth": unknown, "cash_runway": Answer("cash_runway", "dont_know")}))
    assert "On your operations, each counts as the lowest answer" in both
    assert "On the demand side, each counts as the most demand" in both
