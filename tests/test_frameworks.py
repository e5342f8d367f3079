"""Established frameworks, written as questionnaires, score exactly as their own methods do.

Each expected number is computed in the test from the framework's published rule (cited where
it is used), straight from the raw answers, never from the engine's own output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readiness.answers import Answer, AnswerSet
from readiness.errors import QuestionnaireError
from readiness.loader import load_questionnaire_with_warnings, parse_questionnaire
from readiness.model import ScoringPolicy
from readiness.report import build_report, render, render_markdown
from readiness.scale import headline_label, out_of, to_native
from readiness.scoring import score

DATA = Path(__file__).parent / "data" / "frameworks"
SAMM = DATA / "samm-governance.yaml"
EOS = DATA / "eos-checkup.yaml"

# SAMM answers: stream A and B of each practice, maturity levels 1..3 (the toolbox's 0/0.25/0.5/1).
SAMM_ANSWERS = {
    "sm_a1": 1, "sm_a2": 1, "sm_a3": 0.5, "sm_b1": 0.5, "sm_b2": 0.25, "sm_b3": 0.25,
    "pc_a1": 1, "pc_a2": 0.5, "pc_a3": 0.25, "pc_b1": 0.5, "pc_b2": 0.25, "pc_b3": 0,
    "eg_a1": 0.5, "eg_a2": 0.25, "eg_a3": 0, "eg_b1": 0.25, "eg_b2": 0, "eg_b3": 0,
}  # fmt: skip


def _answers(values: dict[str, object]) -> dict[str, Answer]:
    return {qid: Answer(qid, "value", value) for qid, value in values.items()}


def samm_practice(answers: dict[str, float], prefix: str) -> float:
    """OWASP SAMM v2 toolbox: a practice's score is the sum over maturity levels 1..3 of the mean
    of its two streams' answers at that level; a blank counts as 0."""
    return sum((answers.get(f"{prefix}_a{lvl}", 0) + answers.get(f"{prefix}_b{lvl}", 0)) / 2 for lvl in (1, 2, 3))


def test_samm_loads_without_warnings_and_scores_like_the_samm_toolbox() -> None:
    loaded = load_questionnaire_with_warnings(SAMM)
    assert loaded.warnings == []  # no demand side is not a warning
    q = loaded.questionnaire
    result = score(q, _answers(SAMM_ANSWERS))
    practices = {"strategy_metrics": "sm", "policy_compliance": "pc", "education_guidance": "eg"}
    expected = {dim: samm_practice(SAMM_ANSWERS, prefix) for dim, prefix in practices.items()}
    assert expected == {"strategy_metrics": 1.75, "policy_compliance": 1.25, "education_guidance": 0.5}
    for dim_id, value in expected.items():
        assert to_native(result.dimension(dim_id).score, q.score_scale) == pytest.approx(value, abs=0.005)
    # SAMM: the business function's score is the mean of its practices' scores
    function = sum(expected.values()) / 3
    assert to_native(result.overall, q.score_scale) == pytest.approx(function, abs=0.005)
    assert out_of(result.overall, q.score_scale) == "1.17 / 3"
    data = result.to_dict()
    assert data["native"]["overall"] == pytest.approx(1.17, abs=0.005)
    assert data["overall"] == pytest.approx(100 * function / 3, abs=0.01)  # 0..100 kept beside it
    # SAMM streams are the areas: stream A of Strategy and Metrics is (1 + 1 + 0.5) of 3
    stream = next(a for a in result.dimension("strategy_metrics").areas if a.id == "sm_a")
    assert to_native(stream.score, q.score_scale) == pytest.approx(2.5, abs=0.005)


def test_samm_counts_a_blank_as_zero_where_left_out_would_double_the_score() -> None:
    q = load_questionnaire_with_warnings(SAMM).questionnaire
    partial = {"sm_a1": 1, "sm_a2": 0.25, "sm_b1": 0}  # three of the practice's six answered
    toolbox = samm_practice(partial, "sm")  # blanks count 0: (0.5 + 0.125 + 0) = 0.625 of 3
    result = score(q, _answers(partial))
    dim = result.dimension("strategy_metrics")
    assert dim.score == pytest.approx(100 * toolbox / 3, abs=0.01) == pytest.approx(20.83, abs=0.01)
    left_out = score(q, _answers(partial), policy=ScoringPolicy(unanswered="exclude"))
    assert left_out.dimension("strategy_metrics").score == pytest.approx(41.67, abs=0.01)
    assert any("count as their worst answer" in w.message for w in result.warnings)


# EOS Organizational Checkup: twenty statements rated 1..5; the score is the total, 20..100.
EOS_RATINGS = [5, 5, 4, 4, 3, 2, 2, 3, 3, 3, 2, 2, 2, 4, 3, 2, 3, 4, 3, 4]


def test_eos_checkup_total_is_the_sum_of_its_twenty_ratings() -> None:
    loaded = load_questionnaire_with_warnings(EOS)
    assert loaded.warnings == []
    q = loaded.questionnaire
    answers = _answers({f"s{i:02d}": rating for i, rating in enumerate(EOS_RATINGS, start=1)})
    result = score(q, answers)
    total = sum(EOS_RATINGS)  # the EOS checkup's rule: add up the twenty ratings
    assert total == 63
    assert to_native(result.overall, q.score_scale) == pytest.approx(total)
    assert out_of(result.overall, q.score_scale) == "63 / 100"
    # Vision (statements 1-4, rated 5, 5, 4, 4) on the same 20..100 reading: 18 of 4..20 points
    assert to_native(result.dimension("vision").score, q.score_scale) == pytest.approx(20 + 80 * (18 - 4) / 16)
    # a mean of the six components would weigh Vision's four statements like Data's three: not EOS's total
    mean = score(q, answers, policy=ScoringPolicy(rollup="mean"))
    assert to_native(mean.overall, q.score_scale) != pytest.approx(total, abs=0.5)


def test_eos_worst_and_best_read_20_and_100_without_a_fake_zero_option() -> None:
    q = load_questionnaire_with_warnings(EOS).questionnaire
    worst = score(q, _answers({f"s{i:02d}": 1 for i in range(1, 21)}))
    best = score(q, _answers({f"s{i:02d}": 5 for i in range(1, 21)}))
    assert (out_of(worst.overall, q.score_scale), out_of(best.overall, q.score_scale)) == ("20 / 100", "100 / 100")
    assert [o.value for o in q.scale("rating").options] == [1, 2, 3, 4, 5]


def test_a_framework_without_a_demand_side_is_headed_by_its_own_label_everywhere() -> None:
    q = load_questionnaire_with_warnings(SAMM).questionnaire
    result = score(q, _answers(SAMM_ANSWERS))
    assert headline_label(q) == result.overall_label == "SAMM Governance maturity"
    answer_set = AnswerSet(answers=_answers(SAMM_ANSWERS), business="Acme")
    report = build_report(q, result, answer_set)
    # The Markdown export once headed SAMM "Operations readiness: 1.17 / 100" beside an empty zone.
    text = render_markdown(report)
    assert "**SAMM Governance maturity:** 1.17 / 3" in text
    for words in ("Operations readiness", "Demand strength", "Demand pressure", "Balance index", "Zone"):
        assert words not in text
    assert "| ↳ Create and promote | | 2.50 |" in text  # streams shown under their practice
    html = render("html", q, result, answer_set).decode("utf-8")
    for words in ("Not enough answers to place the business", "Operations readiness", "Demand strength"):
        assert words not in html
        assert words not in json.dumps(report.summary)
    assert "SAMM Governance maturity" in html and "1.17 / 3" in html and "Create and promote" in html


def test_without_a_label_the_title_heads_the_score() -> None:
    text = EOS.read_text().replace("label: Organizational Checkup score", "unit: points")
    q = parse_questionnaire(text).questionnaire
    result = score(q, _answers({f"s{i:02d}": r for i, r in enumerate(EOS_RATINGS, start=1)}))
    assert result.overall_label == "EOS Organizational Checkup"
    assert out_of(result.overall, q.score_scale) == "63 / 100 points"


def test_min_rollup_is_the_weakest_dimension() -> None:
    text = SAMM.read_text().replace("rollup: mean", "rollup: min")
    q = parse_questionnaire(text).questionnaire
    result = score(q, _answers(SAMM_ANSWERS))
    assert to_native(result.overall, q.score_scale) == pytest.approx(0.5, abs=0.005)  # Education and Guidance


DORA_LIKE = """
schema_version: 1
id: dora-lead-time
version: "1"
title: Lead time
dimensions: [{id: delivery, title: Delivery, side: operations}]
levels: [{id: low, name: Low, min: 0}, {id: elite, name: Elite, min: 100}]
profiles: [{id: p, title: P, targets: {delivery: 100}}]
questions:
  - id: lead_time
    dimension: delivery
    type: number
    text: Lead time for changes, in hours?
    bands:
      - {below: 1, score: 1, label: Less than one hour}
      - {below: 24, score: 0.5, label: Less than one day}
      - {score: 0, label: A day or more}
"""


@pytest.mark.parametrize(
    ("hours", "label"), [(0.5, "Less than one hour"), (1, "Less than one day"), (24, "A day or more")]
)
def test_exclusive_band_bounds_put_the_bound_itself_into_the_next_band(hours: float, label: str) -> None:
    q = parse_questionnaire(DORA_LIKE).questionnaire
    result = score(q, _answers({"lead_time": hours}))
    assert result.questions[0].label == label


def test_a_band_with_both_bounds_is_an_error_at_its_line() -> None:
    text = DORA_LIKE.replace("{below: 24,", "{below: 24, up_to: 24,")
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(text, "dora.yaml")
    assert "dora.yaml:16:17: RQ208" in str(caught.value)  # the second band's line (the text starts with a newline)


def _doc_example(name: str) -> str:
    """The YAML block of docs/bring-your-framework.md marked ``<!-- framework: NAME -->``."""
    page = (Path(__file__).resolve().parent.parent / "docs" / "bring-your-framework.md").read_text(encoding="utf-8")
    after = page.split(f"<!-- framework: {name} -->", 1)[1]
    return after.split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_how_to_samm_example_scores_as_the_page_says() -> None:
    q = parse_questionnaire(_doc_example("samm")).questionnaire
    answers = {"sm_a1": 1, "sm_a2": 0.5, "sm_b1": 0.25}
    result = score(q, _answers(answers))
    assert samm_practice(answers, "sm") == 0.875  # SAMM: (1 + .25)/2 + (.5 + 0)/2 + 0, blanks as 0
    assert out_of(result.overall, q.score_scale) == "0.88 / 3"
    left_out = score(q, _answers(answers), policy=ScoringPolicy(unanswered="exclude"))
    assert out_of(left_out.overall, q.score_scale) == "1.75 / 3"
    areas = {a.title: out_of(a.score, q.score_scale) for a in result.dimension("strategy").areas}
    assert areas == {"Create and promote": "1.50 / 3", "Measure and improve": "0.25 / 3"}


def test_the_how_to_eos_example_scores_as_the_page_says() -> None:
    q = parse_questionnaire(_doc_example("eos")).questionnaire
    ratings = [5, 5, 5, 5, 4, 4, 4, 1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 2, 2]
    answers = _answers({f"s{i:02d}": r for i, r in enumerate(ratings, start=1)})
    assert sum(ratings) == 63  # EOS: the checkup's score is the total of the twenty ratings
    assert out_of(score(q, answers).overall, q.score_scale) == "63 / 100"
    mean = score(q, answers, policy=ScoringPolicy(rollup="mean"))
    assert out_of(mean.overall, q.score_scale) == "59 / 100"


def test_samm_business_function_counts_a_practice_nobody_answered_as_zero() -> None:
    q = load_questionnaire_with_warnings(SAMM).questionnaire
    answers = {"sm_a1": 1, "sm_a2": 1, "sm_a3": 1, "sm_b1": 1, "sm_b2": 1, "sm_b3": 1}  # one practice, all "most"
    result = score(q, _answers(answers))
    # SAMM toolbox: practices 3, 0 and 0 (blanks count 0); the business function is their mean, 1.00
    expected = sum(samm_practice(answers, p) for p in ("sm", "pc", "eg")) / 3
    assert expected == 1.0
    assert out_of(result.overall, q.score_scale) == "1.00 / 3"


def test_a_workshop_on_samm_reads_the_room_and_the_agreed_result_on_samms_scale() -> None:
    from readiness.workshop import Participant, aggregate
    from readiness.workshop_report import build_workshop_report, render_workshop_html

    q = load_questionnaire_with_warnings(SAMM).questionnaire
    high = dict.fromkeys(SAMM_ANSWERS, 1)  # everything "most or all": 3 of 3 everywhere
    room = [Participant("a", "Security", _answers(SAMM_ANSWERS)), Participant("b", "Engineering", _answers(high))]
    result = aggregate(q, room, roles=["Security", "Engineering"])
    report = build_workshop_report(
        q, result, workshop_name="SAMM day", business="Acme", anonymous=True, consensus_answers=_answers(SAMM_ANSWERS)
    )
    # the room's mean of the two people's business-function scores: (1.17 + 3) / 2 on SAMM's 0..3
    assert report.operations_out_of == f"{(sum([1.75, 1.25, 0.5]) / 3 + 3) / 2:.2f} / 3"
    assert report.headline_label == "SAMM Governance maturity" and not report.has_balance
    assert report.consensus is not None and report.consensus.operations_out_of == "1.17 / 3"
    html = render_workshop_html(report)
    assert "Demand strength" not in html and "Not enough answers to place the business" not in html
    assert "SAMM Governance maturity (room mean)" in html
    from readiness import charts

    chart = json.dumps(charts.spec(charts.workshop_dimensions(result, q.score_scale)), ensure_ascii=False)
    assert '"domain": [0.0, 3.0]' in chart and "Score (0–3)" in chart  # the room's chart on SAMM's scale


def test_the_json_schema_knows_the_framework_keys() -> None:
    from readiness.schema import json_schema

    schema = json_schema()
    defs = schema["$defs"]
    assert {"up_to", "below"} <= set(defs["Band"]["properties"])
    assert {"min", "max", "decimals", "unit", "label"} <= set(defs["ScoreScale"]["properties"])
    assert defs["ScoringPolicy"]["properties"]["unanswered"]["enum"] == ["exclude", "lowest"]
    assert defs["ScoringPolicy"]["properties"]["rollup"]["enum"] == ["mean", "sum", "min"]
    assert "score_scale" in schema["properties"]
