"""Loading questionnaires: every problem is reported with code, file, line and key path."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from readiness import QuestionnaireError, load_questionnaire, load_questionnaire_with_warnings, parse_questionnaire
from readiness.errors import CATALOGUE

from .conftest import DATA, HEADER, SAMPLE

BROKEN = sorted((DATA / "broken").glob("*.yaml"))


def expectations(path: Path) -> list[tuple[str, int | None]]:
    found = []
    for line in path.read_text().splitlines():
        match = re.match(r"# expect: (R[QA]\d{3})(?: (\d+))?", line)
        if match:
            found.append((match.group(1), int(match.group(2)) if match.group(2) else None))
    return found


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_each_broken_questionnaire_reports_its_code_and_line(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} has no '# expect:' line"
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire(path)
    problems = info.value.problems
    for code, line in expected:
        matching = [p for p in problems if p.code == code]
        assert matching, f"{path.name}: expected {code}, got {[str(p) for p in problems]}"
        if line is not None:
            assert line in [p.line for p in matching], f"{path.name}: {code} not on line {line}: {matching}"
        assert all(p.file == str(path) for p in matching)


def test_error_lines_read_path_line_col_code_message_and_name_the_key_path() -> None:
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire(DATA / "broken" / "unknown_scale.yaml")
    text = str(info.value.problems[0])
    assert re.match(r"^.+unknown_scale\.yaml:24:\d+: RQ202 .*`maturity`.* at questions\[2\]\.scale$", text)


def test_every_problem_in_a_file_is_reported_not_just_the_first() -> None:
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire(DATA / "broken" / "many_problems.yaml")
    codes = sorted(p.code for p in info.value.errors)
    assert codes == ["RQ102", "RQ201", "RQ202"]


def test_typo_in_key_suggests_the_right_key() -> None:
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire(DATA / "broken" / "unknown_key_typo.yaml")
    assert "did you mean `weight`" in info.value.problems[0].message


def test_billion_laughs_is_rejected_quickly_without_expanding() -> None:
    started = time.perf_counter()
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire(DATA / "broken" / "billion_laughs.yaml")
    assert info.value.problems[0].code == "RQ004"
    # Not a speed test: a generous bound that only an actual expansion (minutes, GBs) breaks.
    assert time.perf_counter() - started < 10


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("x: '" + "a" * (3 * 1024 * 1024) + "'\n")
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire(big)
    assert info.value.problems[0].code == "RQ002"


def test_python_object_tags_are_not_constructed(tmp_path: Path) -> None:
    evil = tmp_path / "evil.yaml"
    evil.write_text("!!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire(evil)
    assert info.value.problems[0].code == "RQ003"


def test_missing_file_and_non_utf8_file_get_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire(tmp_path / "nope.yaml")
    assert info.value.problems[0].code == "RQ001"
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("title: caf\xe9\n".encode("latin-1"))
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire(latin)
    assert info.value.problems[0].code == "RQ007"


def test_missing_translation_is_a_warning_that_names_the_language() -> None:
    text = (
        HEADER.replace("title: Inline", "title: {en: Inline, de: Inline DE}\nlanguages: [en, de]")
        + """
questions:
  - {id: q1, dimension: ops, type: yes_no, text: {en: "Ready?", de: "Bereit?"}}
  - {id: q2, dimension: demand, type: yes_no, text: {en: "Busy?"}}
"""
    )
    result = parse_questionnaire(text, "t.yaml")
    missing = [w for w in result.warnings if w.code == "RQ300"]
    assert any(w.path == "questions[1].text" and "de" in w.message for w in missing)
    assert not any(w.path == "questions[0].text" for w in missing)


def test_every_code_has_a_title_and_a_hint() -> None:
    for code in CATALOGUE.values():
        assert code.title and code.hint.endswith((".", ")")), code


def test_content_hash_ignores_formatting_but_not_meaning() -> None:
    original = SAMPLE.read_text()
    reformatted = "# a comment\n" + original.replace("title: Team", "title:   Team")
    reworded = original.replace("title: Team", "title: People")
    q1 = parse_questionnaire(original).questionnaire
    assert parse_questionnaire(reformatted).questionnaire.content_hash == q1.content_hash
    assert parse_questionnaire(reworded).questionnaire.content_hash != q1.content_hash


def test_sample_loads_without_warnings() -> None:
    result = load_questionnaire_with_warnings(SAMPLE)
    assert result.warnings == []
    assert [d.id for d in result.questionnaire.dimensions] == ["team", "capacity", "marketing"]


def test_the_broken_corpus_is_there() -> None:
    """Guards the parametrized test above: an empty corpus would only be a silent skip."""
    assert len(BROKEN) >= 20


def test_bare_yes_and_no_anchor_keys_are_the_words_not_booleans() -> None:
    """YAML 1.1 reads `no:` as false; the format doc writes yes/no anchors bare, so they must load."""
    text = HEADER + (
        "questions:\n"
        "  - {id: plan, dimension: ops, type: yes_no, text: Plan?,\n"
        "     anchors: {no: Nobody has thought about it., yes: A one-page plan everyone knows.}}\n"
        "  - {id: demand_q, dimension: demand, type: yes_no, text: Busy?}\n"
    )
    question = parse_questionnaire(text, "t.yaml").questionnaire.question("plan")
    assert question.anchors == {"no": "Nobody has thought about it.", "yes": "A one-page plan everyone knows."}


def test_a_label_cut_at_a_comma_says_to_quote_it() -> None:
    text = HEADER.replace("{value: 3, label: All}", "{value: 3, label: Fully, even under pressure}") + (
        "questions:\n  - {id: q, dimension: ops, type: scale, scale: four, text: Q}\n"
        "  - {id: d, dimension: demand, type: scale, scale: four, text: D}\n"
    )
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(text, "t.yaml")
    [problem] = info.value.errors
    assert problem.code == "RQ102"
    assert "`even under pressure` looks like the rest of `label`, cut off at a comma" in problem.message
    assert problem.hint.endswith('put the value in quotes: label: "Fully, even under pressure"')
    assert "correct its spelling" not in problem.hint


def test_a_typo_in_a_nested_key_gets_a_suggestion() -> None:
    text = HEADER.replace("{value: 3, label: All}", "{value: 3, lable: All}") + (
        "questions:\n  - {id: q, dimension: ops, type: scale, scale: four, text: Q}\n"
        "  - {id: d, dimension: demand, type: scale, scale: four, text: D}\n"
    )
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(text, "t.yaml")
    assert any("unknown key `lable`; did you mean `label`?" in p.message for p in info.value.errors)


SYNTAX_AND_MORE = (
    HEADER
    + """questions:
  - id: q1
    dimension: ops
    type: scale
    scale: four
    text: One
      help: indented too far
  - id: q2
    dimension: demand
    type: scale
    scale: fuor
    text: Two
  - id: q3
    dimension: ops
    type: yes_no
    show_if: q1 >= 2
    text: Three
"""
)


def test_a_syntax_error_is_reported_with_the_other_problems_of_the_file() -> None:
    """Like a good linter: the indentation error, at its own line, in plain words, and the
    unknown scale further down, in one run; and nothing that only echoes the syntax error."""
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(SYNTAX_AND_MORE, "t.yaml")
    problems = info.value.problems
    lines = SYNTAX_AND_MORE.splitlines()
    help_line = next(i for i, text in enumerate(lines, 1) if "indented too far" in text)
    scale_line = next(i for i, text in enumerate(lines, 1) if "fuor" in text)
    assert [(p.code, p.line) for p in problems] == [("RQ003", help_line), ("RQ202", scale_line)]
    syntax, scale = problems
    assert syntax.message == "this line is indented more than the one above"
    assert syntax.column == 7 and "Move `help:` 2 spaces left, under `text:`" in syntax.hint
    assert "did you mean `four`?" in scale.message
    # q3's show_if reads q1, whose item could not be read: not an "unknown question" error.
    assert not any(p.code == "RQ205" for p in problems)


def test_a_missing_colon_is_reported_on_its_own_line_not_the_next() -> None:
    text = HEADER.replace("title: Inline", "title Inline") + (
        "questions:\n  - {id: q, dimension: ops, type: scale, scale: four, text: Q}\n"
        "  - {id: d, dimension: demand, type: scale, scale: four, text: D}\n"
    )
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(text, "t.yaml")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t == "title Inline")
    assert [(p.code, p.line, p.message) for p in info.value.problems] == [
        ("RQ003", line, "this line has no `:` after its key")
    ]  # and no "`title` is required": that would only echo the syntax error
    assert "Write `title: Inline`" in info.value.problems[0].hint


def test_problems_carry_their_source_line_for_a_caret() -> None:
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire(DATA / "broken" / "unknown_scale.yaml")
    rendered = info.value.problems[0].render().splitlines()
    source_line = next(line for line in rendered if line.startswith("24 | "))
    caret = rendered[rendered.index(source_line) + 1]
    assert source_line[caret.index("^") :].startswith("maturity")  # the caret is under the unknown id
    assert caret.count("^") == len("maturity")


def test_recovery_keeps_lists_written_at_their_keys_indentation() -> None:
    """`questions:` then `- id: ...` at column 0 is valid YAML (PyYAML writes it so); after a
    syntax error, those items must stay with their key, not be read as keys of their own."""
    import yaml

    data = yaml.safe_load(HEADER)
    data["questions"] = [
        {"id": "q", "dimension": "ops", "type": "scale", "scale": "fuor", "text": "Q"},
        {"id": "d", "dimension": "demand", "type": "scale", "scale": "four", "text": "D"},
    ]
    text = yaml.safe_dump(data, sort_keys=False) + "- id: broken\n  text: A\n    help: B\n"
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(text, "t.yaml")
    assert sorted(p.code for p in info.value.errors) == ["RQ003", "RQ202"]


def test_an_unreadable_question_does_not_make_its_gate_look_unused() -> None:
    """`kind` has weight 0 because the question after it reads it; when that question is
    unreadable, "weight 0" would only echo the syntax error."""
    text = HEADER + (
        "questions:\n"
        "  - {id: kind, dimension: ops, type: yes_no, weight: 0, text: Goods?}\n"
        "  - id: stock\n    dimension: ops\n    type: yes_no\n    show_if: kind == true\n    text: Stock\n"
        "      help: indented too far\n"
        "  - {id: d, dimension: demand, type: yes_no, text: D}\n"
    )
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(text, "t.yaml")
    assert [p.code for p in info.value.problems] == ["RQ003"]


def test_plan_needs_and_the_control_dimension_must_name_real_things() -> None:
    text = (
        HEADER
        + "balance: {control_dimension: demand}\n"
        + """questions:
  - id: a
    dimension: ops
    type: yes_no
    text: A
    recommendations:
      - {text: Do it, needs: [measure_first]}
  - {id: d, dimension: demand, type: yes_no, text: D}
"""
    )
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(text, "q.yaml")
    messages = [p.message for p in info.value.problems]
    assert any("needs unknown question `measure_first`" in m for m in messages), messages
    assert any("control_dimension `demand` is not an operations dimension" in m for m in messages), messages


def test_defaults_do_not_change_the_content_hash() -> None:
    """A setting added to the format later must not make every stored assessment look edited."""
    plain = parse_questionnaire(SAMPLE.read_text()).questionnaire
    explicit = parse_questionnaire(SAMPLE.read_text() + "plan: {per_period: 5}\n").questionnaire
    assert plain.content_hash == explicit.content_hash
    other = parse_questionnaire(SAMPLE.read_text() + "plan: {per_period: 3}\n").questionnaire
    assert other.content_hash != plain.content_hash


ADVICE_BY_KIND = """questions:
  - id: cover
    dimension: ops
    type: scale
    scale: four
    text: Does someone cover a key person?
    recommendations:
      - {when: "value <= 1 and business_type != 'services'", text: Call a temp agency.}
      - {when: "value <= 1 and business_type == 'services'", text: Call a trusted freelancer.}
  - id: business_type
    dimension: ops
    type: single_choice
    weight: 0
    text: What do you sell?
    options:
      - {id: goods, label: Goods}
      - {id: services, label: Services}
  - {id: d, dimension: demand, type: yes_no, text: D}
"""


def test_a_when_may_read_any_question_by_id_even_one_asked_later() -> None:
    """Advice is chosen once every answer is in, so a `when` may read a question asked after it (a `show_if`
    may not); the question it reads is a gate, so its weight 0 earns no warning."""
    result = parse_questionnaire(HEADER + ADVICE_BY_KIND, "advice.yaml")
    assert result.warnings == []


def test_a_when_that_reads_an_unknown_question_names_the_file_line_and_key() -> None:
    text = HEADER + ADVICE_BY_KIND.replace("business_type == 'services'", "busines_type == 'services'")
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(text, "advice.yaml")
    (problem,) = info.value.problems
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "busines_type" in t)
    assert (problem.code, problem.file, problem.line) == ("RQ205", "advice.yaml", line)
    assert problem.path == "questions[0].recommendations[1].when"
    assert "question `cover` recommendation reads unknown question `busines_type`" in problem.message
    assert "did you mean `business_type`?" in problem.message
    assert problem.span == len("busines_type")  # the caret is under the unknown name, not the whole condition


def test_a_when_that_reads_neither_its_answer_nor_a_question_says_what_a_when_reads() -> None:
    text = HEADER + ADVICE_BY_KIND.replace("value <= 1 and business_type != 'services'", "answer <= 1")
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(text, "advice.yaml")
    (problem,) = info.value.problems
    assert problem.code == "RQ205" and problem.path == "questions[0].recommendations[0].when"
    assert "reads `value` (the answer), `score` (0..1) and other questions by id" in problem.message


def test_a_when_comparing_a_choice_with_a_word_it_does_not_offer_warns() -> None:
    """`business_type == 'service'` could never hold: the services advice would never be given."""
    text = HEADER + ADVICE_BY_KIND.replace("business_type == 'services'", "business_type == 'service'")
    result = parse_questionnaire(text, "advice.yaml")
    assert [(w.code, w.path) for w in result.warnings] == [("RQ216", "questions[0].recommendations[1].when")]


def test_a_when_may_compare_a_choice_with_na_where_the_choice_offers_not_applicable() -> None:
    """A `when` reads "not applicable" as 'na' (docs/questionnaire-format.md): a nursery that answered "no outside
    firm could ever take our work" as not applicable gets the advice written for it, without a warning. Where
    the question does not offer "not applicable", 'na' could never hold, and that is still said."""
    offers = ADVICE_BY_KIND.replace("    weight: 0\n", "    weight: 0\n    allow_na: true\n")
    text = HEADER + offers.replace("business_type == 'services'", "business_type in ['services', 'na']")
    assert parse_questionnaire(text, "advice.yaml").warnings == []
    text = HEADER + ADVICE_BY_KIND.replace("business_type == 'services'", "business_type in ['services', 'na']")
    result = parse_questionnaire(text, "advice.yaml")
    assert [(w.code, w.path) for w in result.warnings] == [("RQ216", "questions[0].recommendations[1].when")]


QUOTING = """questions:
  - id: peak
    dimension: ops
    type: number
    text: How busy was your busiest day?
    bands: [{up_to: 1.5, score: 0, label: Flat}, {score: 1, label: Peaked}]
  - id: cover
    dimension: ops
    type: scale
    scale: four
    text: Does someone cover a key person?
    recommendations:
      - {when: "value <= 1 and peak > 1", text: "Plan for {peak} times a normal day."}
      - {when: "value <= 1 and not peak > 1", text: Plan for twice a normal day.}
  - {id: d, dimension: demand, type: yes_no, text: D}
"""


def test_advice_quotes_the_owners_figure_and_is_given_only_with_it() -> None:
    """The twenty-ninth review read "twice a normal day if you have no figure" to an owner whose busiest day was
    nine times a normal one: advice can quote the figure, and an owner without it gets the other words."""
    from readiness import score
    from readiness.answers import parse_answers

    loaded = parse_questionnaire(HEADER + QUOTING, "quote.yaml")
    assert loaded.warnings == []
    q = loaded.questionnaire

    def advice(**answers: object) -> list[str]:
        given, problems = parse_answers(q, {"answers": answers}, "answers.yaml")
        assert not problems
        (finding,) = [f for f in score(q, given).findings if f.question_id == "cover"]
        return [a.text for a in finding.recommendations]

    assert advice(cover=0, peak=9) == ["Plan for 9 times a normal day."]
    assert advice(cover=0, peak=2.5) == ["Plan for 2.5 times a normal day."]
    assert advice(cover=0) == ["Plan for twice a normal day."]  # unanswered: never "Plan for {peak} …"
    assert advice(cover=0, peak="dont_know") == ["Plan for twice a normal day."]


def test_a_quoted_figure_is_written_as_numbers_are_everywhere_and_only_a_number_fills_it() -> None:
    from readiness.markup import fill_quotes

    text = "Plan for {peak} times a normal day."
    assert fill_quotes(text, {"peak": 1200}) == "Plan for 1,200 times a normal day."
    assert fill_quotes(text, {"peak": -2.5}) == "Plan for −2.5 times a normal day."  # the typographic minus
    for missing in (None, True, float("nan"), float("inf"), "9", [9]):
        assert fill_quotes(text, {"peak": missing}) is None, missing
    assert fill_quotes("No quote, {Peak} or {} stays.", {}) == "No quote, {Peak} or {} stays."


@pytest.mark.parametrize(
    ("quote", "when", "code", "said"),
    [
        ("{peek}", "peak > 1", "RQ205", "quotes unknown question `{peek}`; did you mean `peak`?"),
        ("{peak}", "value <= 1", "RQ225", "quotes `{peak}`, which its `when` does not read"),
        ("{cover}", "cover <= 1", "RQ225", "quotes `{cover}`, which is not a number question"),
        ("{peak}", "value <= 1 and (peak > 1", "RQ204", "recommendation"),  # a `when` that does not parse: once
    ],
)
def test_a_quote_advice_cannot_fill_names_the_file_line_and_key(quote: str, when: str, code: str, said: str) -> None:
    written = 'value <= 1 and peak > 1", text: "Plan for {peak}'
    text = HEADER + QUOTING.replace(written, f'{when}", text: "Plan for {quote}')
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(text, "quote.yaml")
    (problem,) = info.value.problems
    line = next(i for i, t in enumerate(text.splitlines(), 1) if quote in t)
    assert (problem.code, problem.file, problem.line) == (code, "quote.yaml", line)
    assert problem.path == f"questions[1].recommendations[0].{'when' if code == 'RQ204' else 'text'}"
    assert said in problem.message


def test_a_matters_if_is_checked_like_a_when() -> None:
    """A misspelt name read as unanswered for ever, and a condition that does not parse stopped scoring with a
    traceback; both are said at load, with the file, line and key."""
    text = HEADER + (
        "questions:\n"
        "  - {id: online, dimension: ops, type: number, weight: 0, text: Online?, bands: [{score: 1, label: Any}]}\n"
        '  - {id: site, dimension: ops, type: yes_no, text: Site?, matters_if: "onlin != 0"}\n'
        '  - {id: shop, dimension: ops, type: yes_no, text: Shop?, matters_if: "online !="}\n'
        "  - {id: d, dimension: demand, type: yes_no, text: D}\n"
    )
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(text, "q.yaml")
    lines = text.splitlines()
    found = [(p.code, p.line, p.path) for p in info.value.errors]
    assert found == [
        ("RQ205", next(i for i, t in enumerate(lines, 1) if "onlin !=" in t), "questions[1].matters_if"),
        ("RQ204", next(i for i, t in enumerate(lines, 1) if "online !=" in t), "questions[2].matters_if"),
    ]
    assert "did you mean `online`?" in info.value.errors[0].message
    # read by a matters_if, `online` is a gate: its weight 0 earns no warning
    fixed = text.replace("onlin != 0", "online != 0").replace('online !="', 'online != 0"')
    assert parse_questionnaire(fixed, "q.yaml").warnings == []
