"""Scoring, checked against numbers worked out by hand."""

from __future__ import annotations

import pytest

from readiness import score
from readiness.answers import Answer, answers_from_pairs
from readiness.model import ScoringPolicy
from readiness.scoring import classify_balance

from .conftest import HEADER

FOUR_OPS_ONE_DEMAND = """
- {id: a, dimension: ops, type: scale, scale: four, text: A, weight: 2}
- {id: b, dimension: ops, type: scale, scale: four, text: B, allow_na: true}
- {id: c, dimension: ops, type: yes_no, text: C}
- {id: d, dimension: demand, type: scale, scale: four, text: D}
"""


def test_dimension_score_is_the_weighted_mean_of_question_scores(inline) -> None:
    q = inline(FOUR_OPS_ONE_DEMAND)
    # a: 2/3 (weight 2), b: 1/3, c: yes = 1  ->  (2*2/3 + 1/3 + 1) / 4 = 2/3 -> 66.67
    result = score(q, answers_from_pairs(q, [("a", 2), ("b", 1), ("c", "yes"), ("d", 3)]))
    ops = result.dimension("ops")
    assert ops.score == pytest.approx(66.67)
    assert ops.level == "mid"
    assert ops.target == 60 and ops.gap == pytest.approx(-6.67)
    assert result.overall == pytest.approx(66.67)
    assert result.balance.demand == 100
    assert result.balance.index == pytest.approx(33.33)
    assert result.balance.quadrant == "danger_zone"


def test_not_applicable_is_left_out_and_counted(inline) -> None:
    q = inline(FOUR_OPS_ONE_DEMAND)
    result = score(q, answers_from_pairs(q, [("a", 3), ("b", "na"), ("c", "no")]))
    ops = result.dimension("ops")
    assert ops.score == pytest.approx(100 * (2 * 1 + 0) / 3, abs=0.01)  # b excluded
    assert (ops.answered, ops.not_applicable, ops.unanswered) == (2, 1, 0)
    assert result.dimension("demand").score is None  # nothing answered there
    assert result.balance.quadrant is None


def test_dont_know_counts_as_lowest_by_default_and_is_a_finding(inline) -> None:
    q = inline(FOUR_OPS_ONE_DEMAND)
    answers = answers_from_pairs(q, [("a", 3), ("b", "dont_know"), ("c", "yes")])
    lowest = score(q, answers)
    assert lowest.dimension("ops").score == pytest.approx(75.0)  # (2*1 + 0 + 1) / 4
    assert lowest.dimension("ops").high == pytest.approx(75.0)  # an answer: no range
    assert lowest.dimension("ops").dont_know == 1
    dont_know = [f for f in lowest.findings if f.kind == "dont_know"]
    assert [f.question_id for f in dont_know] == ["b"]
    assert "Find out" in dont_know[0].recommendations[0].text

    # "exclude" treats it like a skipped question: worst in the score, best at the top of the range
    excluded = score(q, answers, policy=ScoringPolicy(dont_know="exclude"))
    assert excluded.dimension("ops").score == pytest.approx(75.0)
    assert excluded.dimension("ops").high == pytest.approx(100.0)  # (2*1 + 1 + 1) / 4
    assert [f.question_id for f in excluded.findings if f.kind == "dont_know"] == ["b"]


def test_unanswered_questions_count_as_worst_with_a_range_and_are_reported(inline) -> None:
    q = inline(FOUR_OPS_ONE_DEMAND)
    result = score(q, answers_from_pairs(q, [("a", 3)]))
    ops = result.dimension("ops")
    assert (ops.score, ops.low, ops.high) == (50, 50, 100)  # (2*1 + 0 + 0) / 4 .. (2*1 + 1 + 1) / 4
    assert ops.coverage == pytest.approx(1 / 3, abs=1e-3)
    assert result.completion == 0.25
    assert any(w.code == "RA109" and "3 question(s)" in w.message for w in result.warnings)


def test_a_low_critical_answer_caps_the_score_and_the_level(inline) -> None:
    q = inline("""
    - {id: a, dimension: ops, type: scale, scale: four, text: A, weight: 5}
    - {id: key, dimension: ops, type: scale, scale: four, text: Key person cover, critical: true}
    - {id: d, dimension: demand, type: scale, scale: four, text: D}
    """)
    result = score(q, answers_from_pairs(q, [("a", 3), ("key", 0), ("d", 3)]))
    ops = result.dimension("ops")
    # 5/6 = 83.33 would be "high"; `key` sits in "low" (0..40), so the score stops where "mid" starts
    assert ops.uncapped == pytest.approx(83.33)
    assert ops.score == 40 and ops.cap == 40
    assert ops.level == "low"
    assert ops.capped_by == ("key",)
    failure = result.balance.critical_failures[0]
    assert (failure.question_id, failure.cap) == ("key", 40)


def test_number_bands_and_multiple_choice_scores(inline) -> None:
    q = inline("""
    - id: util
      dimension: ops
      type: number
      text: Utilisation
      min: 0
      max: 200
      bands:
        - {up_to: 70, score: 1, label: Headroom}
        - {up_to: 90, score: 0.5, label: Tight}
        - {score: 0, label: Maxed}
    - id: ch
      dimension: demand
      type: multiple_choice
      text: Channels
      options:
        - {id: ads, label: Ads, value: 1}
        - {id: ref, label: Referrals, value: 3}
        - {id: none, label: Not tracked, value: -1}
    """)
    cases = [(70, 100.0), (70.5, 50.0), (90, 50.0), (150, 0.0)]
    for value, expected in cases:
        assert score(q, answers_from_pairs(q, [("util", value)])).dimension("ops").score == expected
    # (chosen - lowest) / (highest - lowest) = (3 - (-1)) / (4 - (-1)) = 0.8
    assert score(q, answers_from_pairs(q, [("ch", ["ref"])])).dimension("demand").score == 80
    assert score(q, answers_from_pairs(q, [("ch", [])])).dimension("demand").score == 20


def test_findings_rank_by_points_gained_with_critical_first_and_follow_the_answer(inline) -> None:
    q = inline("""
    - id: a
      dimension: ops
      type: scale
      scale: four
      text: A
      recommendations:
        - {when: "value == 0", text: Start from scratch, effort: high}
        - {when: "value >= 1", text: Finish the job, effort: low}
    - {id: b, dimension: ops, type: scale, scale: four, text: B, critical: true}
    - {id: c, dimension: ops, type: scale, scale: four, text: C, weight: 3}
    - {id: d, dimension: demand, type: scale, scale: four, text: D}
    """)
    result = score(q, answers_from_pairs(q, [("a", 0), ("b", 2), ("c", 2), ("d", 3)]))
    by_id = {f.question_id: f for f in result.findings}
    # a finding aims for the first good level (at least 3/4 up: "All" here); dimension weight total 5
    assert by_id["a"].points == pytest.approx(100 * 1 * 1 / 5, abs=0.01) and by_id["a"].next == "All"
    assert by_id["c"].points == pytest.approx(100 * 3 * (1 / 3) / 5, abs=0.01)
    # impact = weight / mean weight (5/3) x share missing: a 0.6 x 1, c 1.8 x 1/3, b 0.6 x 1/3 (criticality
    # is counted once, in its weight; b is not failing). a and c tie: the worst answer is as urgent as a
    # heavy question two-thirds done, and the questionnaire's order breaks the tie.
    assert [f.question_id for f in result.findings] == ["a", "c", "b"]
    assert result.findings[0].priority == pytest.approx(result.findings[1].priority)
    assert [r.text for r in by_id["a"].recommendations] == ["Start from scratch"]
    assert by_id["a"].recommendations[0].horizon == 90  # high effort -> 90 days
    assert "d" not in by_id  # already at the top
    later = score(q, answers_from_pairs(q, [("a", 2)]))
    assert [r.text for r in later.findings[0].recommendations] == ["Finish the job"]


def test_hidden_questions_keep_their_answer_but_do_not_score(sample) -> None:
    answers = answers_from_pairs(sample, [("business_type", "services"), ("stock_cover", 0), ("utilization", 50)])
    result = score(sample, answers)
    stock = next(q for q in result.questions if q.id == "stock_cover")
    assert stock.status == "hidden" and stock.value == 0.0 and not stock.counted
    assert result.dimension("capacity").score == 100


def test_switching_profile_changes_targets_and_gaps_only(sample) -> None:
    answers = answers_from_pairs(sample, [("cover", 2), ("surge_plan", "yes"), ("utilization", 80)])
    steady, surge = score(sample, answers, "steady"), score(sample, answers, "surge")
    assert steady.dimension("team").score == surge.dimension("team").score
    assert (steady.dimension("capacity").target, surge.dimension("capacity").target) == (60, 90)
    assert surge.dimension("capacity").gap == pytest.approx(40)


@pytest.mark.parametrize(
    ("demand", "operations", "quadrant"),
    [
        (80, 40, "danger_zone"),
        (20, 70, "idle_capacity"),
        (30, 70, "scale_ready"),  # strong operations and real demand: ready to grow, not idle
        (75, 70, "scale_ready"),
        (35, 30, "foundation"),
        (60, 41, "foundation"),
        (60, 40, "danger_zone"),
    ],
)
def test_balance_quadrants(demand: float, operations: float, quadrant: str) -> None:
    assert classify_balance(demand, operations) == quadrant


def test_the_weakest_link_not_the_average_meets_demand() -> None:
    # average 70 would be in step with demand 60; its weakest part (30) is far behind it
    assert classify_balance(60, 70, link=30) == "danger_zone"
    assert classify_balance(60, 70, link=30, controlled=True) == "demand_ahead_controlled"
    # in step and strong, but a failing critical question forbids scale-ready
    assert classify_balance(65, 70, link=65) == "scale_ready"
    assert classify_balance(65, 70, link=65, failing=True) == "foundation"


def test_result_is_frozen_and_serialisable(sample) -> None:
    result = score(sample, answers_from_pairs(sample, [("cover", 1), ("channels", ["ads"])]))
    with pytest.raises(AttributeError):
        result.overall = 100  # type: ignore[misc]
    data = result.to_dict()
    assert {"overall", "dimensions", "balance", "findings", "warnings"} <= set(data)
    assert data["questionnaire_hash"] == sample.content_hash


def test_the_worked_example_in_docs_scoring_md_is_what_the_engine_computes(sample) -> None:
    import re

    from readiness import parse_answers

    from .conftest import ROOT

    doc = (ROOT / "docs" / "scoring.md").read_text()
    block = re.search(r"```yaml\n(business: Frost.*?)```", doc, re.S).group(1)
    answers, _ = parse_answers(sample, block)
    result = score(sample, answers)
    assert result.dimension("team").score == pytest.approx(16.67)
    assert result.dimension("capacity").score == 25 and result.dimension("capacity").coverage == 0.5
    assert result.dimension("marketing").score == 75
    assert result.overall == pytest.approx(20.84, abs=0.01)
    b = result.balance
    # team's link is the soft minimum over its two groups of questions (roles 33.3, no area 0): 8.33
    assert (b.weakest, b.link, b.index) == ("team", pytest.approx(8.33), pytest.approx(66.67))
    assert b.quadrant == "not_placed" and b.leaning == "danger_zone"
    assert b.message == "Too many “don't know” answers in Capacity to place the business."
    assert b.margin == pytest.approx(46.67)
    assert [f.question_id for f in result.findings] == ["surge_plan", "stock_cover", "cover", "utilization"]
    assert [round(f.priority, 2) for f in result.findings] == [3.33, 3.0, 2.22, 1.5]
    assert [[a.question_id for a in acts] for _, acts in result.plan.periods] == [
        ["surge_plan", "stock_cover", "cover"],  # the first three fixes start now, whatever their horizon
        ["utilization"],
        [],
    ]
    # once the stock question is answered, the business is placed: the danger zone
    answered, _ = parse_answers(sample, block.replace("stock_cover: dont_know", "stock_cover: 1"))
    after = score(sample, answered)
    assert after.dimension("capacity").score == pytest.approx(41.67)
    assert after.overall == pytest.approx(29.17, abs=0.01)
    assert after.balance.quadrant == "danger_zone" and after.balance.weakest == "team"


def test_dont_know_also_gets_the_advice_for_the_worst_answer(inline) -> None:
    q = inline("""
    - id: a
      dimension: ops
      type: scale
      scale: four
      text: A
      dont_know_advice: Ask the warehouse lead how many days of stock you hold.
      recommendations:
        - {when: "value <= 1", text: Build a buffer of the five critical materials}
        - {when: "value == 2", text: Review the buffer every quarter}
    - {id: d, dimension: demand, type: scale, scale: four, text: D}
    """)
    result = score(q, answers_from_pairs(q, [("a", "dont_know")]))
    texts = [r.text for r in result.findings[0].recommendations]
    assert texts == [
        "Ask the warehouse lead how many days of stock you hold.",
        "Build a buffer of the five critical materials",
    ]


def test_a_when_reading_the_kind_of_business_picks_its_variant(inline) -> None:
    """Through the whole engine: the finding carries the advice worded for this business, and only it."""
    q = inline(
        """
        - id: business_type
          dimension: ops
          type: single_choice
          weight: 0
          text: What do you sell?
          options:
            - {id: goods, label: Goods}
            - {id: services, label: Services}
            - {id: both, label: Both}
        - id: overflow
          dimension: ops
          type: scale
          scale: four
          text: Who takes overflow work?
          recommendations:
            - {when: "value <= 1 and business_type != 'services'", text: Talk to two fulfilment firms.}
            - {when: "value <= 1 and business_type == 'services'", text: Talk to two practitioners nearby.}
            - {when: "value == 2", text: Try the partner on real work.}
        - {id: d, dimension: demand, type: scale, scale: four, text: D}
        """
    )

    def advice(kind: str | None, level: int = 0) -> list[str]:
        answers = {"overflow": Answer("overflow", "value", level), "d": Answer("d", "value", 2)}
        if kind is not None:
            answers["business_type"] = Answer("business_type", "value", kind)
        (finding,) = [f for f in score(q, answers).findings if f.question_id == "overflow"]
        return [a.text for a in finding.recommendations]

    assert advice("goods") == advice("both") == ["Talk to two fulfilment firms."]
    assert advice("services") == ["Talk to two practitioners nearby."]
    assert advice(None) == ["Talk to two fulfilment firms."]  # not said: the general wording, never nothing
    assert advice("services", 2) == advice("goods", 2) == ["Try the partner on real work."]
    unknown = {
        "overflow": Answer("overflow", "dont_know"),
        "business_type": Answer("business_type", "value", "services"),
        "d": Answer("d", "value", 2),
    }
    (finding,) = [f for f in score(q, unknown).findings if f.question_id == "overflow"]
    assert finding.recommendations[1].text == "Talk to two practitioners nearby."  # the worst answer's advice


def test_a_when_reads_other_answers_as_matters_if_does(inline) -> None:
    """Not applicable is 'na'; unanswered and "don't know" are null, which no ordering comparison holds for."""
    q = inline("""
    - id: online
      dimension: ops
      type: number
      weight: 0
      allow_na: true
      text: What share is sold online?
      bands: [{score: 1, label: Any}]
    - id: site
      dimension: ops
      type: yes_no
      text: Does the site survive a rush?
      recommendations:
        - {when: "value == false and online == 'na'", text: Nothing is sold online.}
        - {when: "value == false and online > 0", text: Test the checkout.}
        - {when: "value == false and online == null", text: Find out what is sold online.}
    - {id: d, dimension: demand, type: scale, scale: four, text: D}
    """)

    def advice(online: Answer | None) -> list[str]:
        answers = {"site": Answer("site", "value", False), "d": Answer("d", "value", 2)}
        if online is not None:
            answers["online"] = online
        (finding,) = [f for f in score(q, answers).findings if f.question_id == "site"]
        return [a.text for a in finding.recommendations]

    assert advice(Answer("online", "na")) == ["Nothing is sold online."]
    assert advice(Answer("online", "value", 40)) == ["Test the checkout."]
    assert advice(Answer("online", "dont_know")) == advice(None) == ["Find out what is sold online."]


def test_a_questionnaire_that_says_nothing_leaves_blanks_out(inline) -> None:
    """Issue 17's default: without `scoring.unanswered` a blank is left out, not counted as worst."""
    header = HEADER.replace("scoring: {unanswered: lowest}", "")
    q = inline(FOUR_OPS_ONE_DEMAND, header)
    assert q.scoring.unanswered == "exclude"
    result = score(q, answers_from_pairs(q, [("a", 3)]))
    assert result.dimension("ops").score == 100  # only the answered question counts: 3 of 3


def test_a_part_with_nothing_answered_has_no_score_of_its_own_as_its_dimension_has_none() -> None:
    """An incomplete assessment's table read "–" for Demand pressure beside "↳ Growth and backlog 100" and
    "↳ Reach 100" (an exploratory browser pass): the areas were scored from questions counted at their worst
    while nothing in them was answered. An area, like its dimension, has a score only once something in it is."""
    from pathlib import Path

    from readiness import load_questionnaire

    growth = load_questionnaire(Path(__file__).parents[1] / "questionnaires" / "growth-readiness.yaml")
    result = score(growth, {"key_person_cover": Answer("key_person_cover", "value", 2)})
    team, demand = result.dimension("team"), result.dimension("demand")
    assert demand.score is None and demand.areas and all(a.score is None for a in demand.areas)
    cover = next(a for a in team.areas if a.id == "roles_and_cover")
    assert team.score is not None and cover.score is not None  # answered: scored, the rest of it at its worst
    assert all(a.score is None for a in team.areas if a.id != "roles_and_cover")
