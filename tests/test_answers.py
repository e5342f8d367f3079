"""Answers are checked against the questionnaire, and every bad one names its question."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness import AnswerError, AnswersError, load_answers, parse_answers, validate_answer
from readiness.answers import visible_questions


def test_values_are_normalised_by_question_type(sample) -> None:
    assert validate_answer(sample, "cover", 2).value == 2.0
    assert validate_answer(sample, "cover", "Mostly").value == 2.0  # label works too
    assert validate_answer(sample, "surge_plan", "yes").value is True
    assert validate_answer(sample, "business_type", "goods").value == "goods"
    assert validate_answer(sample, "channels", "partners, ads").value == ("ads", "partners")
    assert validate_answer(sample, "utilization", "75").value == 75.0
    assert validate_answer(sample, "comment", "  busy in May ").value == "busy in May"


@pytest.mark.parametrize(
    ("question", "raw", "code", "words"),
    [
        ("cover", 7, "RA101", "allowed: 0 (Not at all)"),
        ("surge_plan", "maybe", "RA101", "yes, no"),
        ("business_type", "robots", "RA101", "goods, services"),
        ("channels", ["ads", "tv"], "RA101", "'tv' is not an option"),
        ("utilization", 400, "RA102", "outside the allowed range"),
        ("utilization", "lots", "RA101", "not a number"),
        ("cover", "na", "RA103", "not applicable"),
        ("comment", "dont_know", "RA104", "don't know"),
        ("nonexistent", 1, "RA100", "not a question"),
    ],
)
def test_a_wrong_answer_names_the_question_and_what_is_allowed(sample, question, raw, code, words) -> None:
    with pytest.raises(AnswerError) as info:
        validate_answer(sample, question, raw)
    problem = info.value.problem
    assert problem.code == code
    assert f"`{question}`" in problem.message
    assert words in problem.message


def test_dont_know_and_notes_are_kept(sample) -> None:
    answer = validate_answer(sample, "cover", "don't know", note="ask Sam")
    assert (answer.kind, answer.value, answer.note) == ("dont_know", None, "ask Sam")


def test_show_if_hides_and_reveals_follow_up_questions(sample) -> None:
    goods = {"business_type": validate_answer(sample, "business_type", "goods")}
    services = {"business_type": validate_answer(sample, "business_type", "services")}
    assert "stock_cover" in visible_questions(sample, goods)
    assert "stock_cover" not in visible_questions(sample, services)
    assert "stock_cover" not in visible_questions(sample, {})


def test_answers_file_collects_every_problem_with_lines(sample, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("business: Acme\nanswers:\n  cover: 9\n  typo_question: 1\n  utilization: -5\n")
    with pytest.raises(AnswersError) as info:
        load_answers(sample, path)
    got = {(p.code, p.line) for p in info.value.errors}
    assert got == {("RA101", 3), ("RA100", 4), ("RA102", 5)}


def test_answer_to_a_hidden_question_is_a_warning_not_an_error(sample) -> None:
    answers, warnings = parse_answers(sample, "answers:\n  business_type: services\n  stock_cover: 2\n", "a.yaml")
    assert answers.get("stock_cover").value == 2.0  # kept, not lost
    assert [(w.code, w.line) for w in warnings] == [("RA105", 3)]


def test_answers_for_another_questionnaire_or_profile_are_refused(sample) -> None:
    with pytest.raises(AnswersError) as info:
        parse_answers(sample, {"questionnaire": "other", "profile": "moonshot", "answers": {}})
    assert sorted(p.code for p in info.value.errors) == ["RA106", "RA107"]


def test_json_answers_with_notes_and_metadata_round_trip(sample) -> None:
    text = (
        '{"business": "Acme", "profile": "surge", "date": "2026-11-01", '
        '"answers": {"cover": {"value": 1, "note": "only Sam"}, "surge_plan": "no"}}'
    )
    answers, _ = parse_answers(sample, text, "a.json")
    assert answers.business == "Acme" and answers.profile == "surge"
    assert answers.get("cover").note == "only Sam"
    again, _ = parse_answers(sample, answers.to_plain())
    assert again.answers == answers.answers


def test_blank_values_from_a_template_mean_unanswered(sample) -> None:
    answers, _ = parse_answers(sample, "answers:\n  cover: null\n  surge_plan: yes\n")
    assert list(answers.answers) == ["surge_plan"]


def test_malformed_json_names_its_line(sample) -> None:
    with pytest.raises(AnswersError) as info:
        parse_answers(sample, '{"answers": {\n "cover": 1,,\n}}', "bad.json")
    assert info.value.problems[0].code == "RA002" and info.value.problems[0].line == 2


def test_a_misspelt_question_id_or_option_gets_a_did_you_mean(sample) -> None:
    text = "answers:\n  covre: 1\n  business_type: servces\n  channels: [ads, partenrs]\n  cover: Mosty\n"
    with pytest.raises(AnswersError) as info:
        parse_answers(sample, text, "a.yaml")
    messages = {p.line: p.message for p in info.value.errors}
    assert "did you mean `cover`?" in messages[2]
    assert "did you mean `services`?" in messages[3]
    assert "did you mean `partners`?" in messages[4]
    assert "did you mean `Mostly`?" in messages[5]


def test_a_wrong_answer_to_a_gate_question_causes_no_second_warning(sample) -> None:
    """`stock_cover` is asked only for goods; a typo in `business_type` must not also say it is hidden."""
    text = "answers:\n  business_type: goodz\n  stock_cover: 2\n"
    with pytest.raises(AnswersError) as info:
        parse_answers(sample, text, "a.yaml")
    assert [(p.code, p.line) for p in info.value.problems] == [("RA101", 2)]


def test_json_answers_are_located_like_yaml_ones(sample) -> None:
    text = '{\n  "answers": {\n    "cover": 9,\n    "nope": 1\n  }\n}\n'
    with pytest.raises(AnswersError) as info:
        parse_answers(sample, text, "a.json")
    assert {(p.code, p.line, p.column) for p in info.value.errors} == {("RA101", 3, 14), ("RA100", 4, 5)}


def test_a_syntax_error_in_one_answer_does_not_hide_the_others(sample) -> None:
    text = "answers:\n  cover: [2\n  surge_plan: maybe\n  utilization: 40\n"
    with pytest.raises(AnswersError) as info:
        parse_answers(sample, text, "a.yaml")
    assert [(p.code, p.line) for p in info.value.problems] == [("RQ003", 2), ("RA101", 3)]


def test_a_note_too_long_to_keep_whole_is_refused_not_cut(sample, tmp_path: Path) -> None:
    """A pasted note longer than what is stored was cut silently at 5,000 characters, losing its end: now it
    is kept whole up to the storage limit, and beyond it refused with the question, line and limit named."""
    from readiness.answers import MAX_NOTE

    long_enough = "x" * (MAX_NOTE - 10) + " the end"
    kept = validate_answer(sample, "cover", 1, long_enough)
    assert kept.note == long_enough.strip() and kept.note.endswith("the end")
    path = tmp_path / "answers.yaml"
    path.write_text(f'answers:\n  surge_plan: no\n  cover: {{value: 1, note: "{"y" * (MAX_NOTE + 1)}"}}\n')
    with pytest.raises(AnswersError) as caught:
        load_answers(sample, path)
    [problem] = caught.value.problems
    assert problem.code == "RA112" and problem.line == 3 and "`cover`" in problem.message
    assert f"{MAX_NOTE:,}" in problem.message and "link to it" in problem.render()
