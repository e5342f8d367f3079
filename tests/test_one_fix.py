"""One fix, one place: the first findings hold one finding per topic (docs/scoring.md §4).

A consultant reviewing reports blind found the same forecast table (from the forecast's bias and from who
answers for it), the same load test and the same stock clean-up taking two of the first three places, and
quiet businesses told to plan a campaign and to widen their reach as two separate first fixes. Questions
that share a ``topic`` are one fix: only the strongest stands among the first three; the others follow
them, in their order, and say which finding they are fixed with.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from readiness import score
from readiness.findings import FIRST_FIXES, one_fix_one_place
from readiness.loader import load_questionnaire
from readiness.results import Finding
from readiness.summary import why_here_words

from .casework import case_answers
from .conftest import ROOT

GROWTH = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")


def finding(qid: str, *, failing: bool = False) -> Finding:
    return Finding(
        question_id=qid, dimension="process", text=qid, kind="improve", critical=failing, current=None,
        next=None, points=1.0, overall_points=1.0, priority=1.0, recommendations=(), title=f"{qid} title",
        failing=failing,
    )  # fmt: skip


def test_a_second_finding_of_a_topic_waits_behind_the_first_three_and_says_why() -> None:
    found = [finding(q) for q in ("bias", "owner", "blame", "cash", "stock")]
    topics = {"bias": "forecast", "blame": "forecast"}
    ordered = one_fix_one_place(found, topics)
    assert [f.question_id for f in ordered] == ["bias", "owner", "cash", "blame", "stock"]
    blame = ordered[3]
    assert (blame.fixed_with, blame.fixed_with_rank) == ("bias title", 1)
    assert why_here_words(blame) == "Ranked after the first fixes: fix 1 above is the same piece of work."
    # said to have gone wrong, and quoted at that same fix: one sentence, not two pointing at fix 1 (the
    # twenty-ninth review read "You said this has gone wrong lately too (fix 1). Ranked after the first fixes:
    # fix 1 above is the same piece of work." as garbled)
    said = replace(blame, named_by=("Not enough work",))
    assert why_here_words(said, {"Not enough work": 1}, 4) == (
        "Part of fix 1 above: the same piece of work, for what you said has gone wrong."
    )
    assert why_here_words(said, {"Not enough work": 2}, 4) == (
        "You said this has gone wrong lately too (fix 2). "
        "Ranked after the first fixes: fix 1 above is the same piece of work."
    )
    assert all(f.fixed_with is None for f in ordered if f.question_id != "blame")
    # a held lever no longer sits just ahead of its figure, and does not say it does
    lever = replace(finding("blame"), lever_of="cash title")
    held = one_fix_one_place([found[0], found[1], lever, *found[3:]], topics)[3]
    assert held.question_id == "blame" and held.lever_of is None


def test_beyond_the_first_three_and_for_failing_critical_questions_nothing_moves() -> None:
    topics = {"a": "t", "b": "t", "c": "u", "d": "u"}
    late = [finding(q) for q in ("x", "y", "z", "a", "b")]  # the topic meets itself only after the first three
    assert one_fix_one_place(late, topics) == late
    critical = [finding("c"), finding("d", failing=True), finding("x"), finding("y")]
    assert [f.question_id for f in one_fix_one_place(critical, topics)] == ["c", "d", "x", "y"]
    few = [finding("a"), finding("b"), finding("x")]  # too few to fill the first places after holding b
    ordered = one_fix_one_place(few, topics)
    assert [f.question_id for f in ordered] == ["a", "x", "b"]
    assert all(f.fixed_with is None for f in ordered)  # b is third: it is not "after the first fixes"
    assert FIRST_FIXES == 3


def test_an_idle_e_bike_shop_gets_three_different_first_fixes() -> None:
    """Its expert: clear the aged stock, make the forecast honest, bring in work. Before the rule the forecast's
    bias and who answers for it took two of the three places, one forecast table between them."""
    result = score(GROWTH, case_answers(GROWTH, "ebike-shop-idle-workshop-aged-stock"))
    first = [f.question_id for f in result.findings[:3]]
    topics = [GROWTH.question(q).topic for q in first]
    assert len({t for t in topics if t}) == len([t for t in topics if t])  # no topic twice among them
    assert first == ["stock_cleanup", "forecast_bias", "campaigns_planned"]
    held = result.findings[3]
    assert held.question_id == "forecast_accountability" and held.fixed_with == result.findings[1].title
    assert held.fixed_with_rank == 2


def test_the_rule_moves_order_only() -> None:
    answers = case_answers(GROWTH, "ebike-shop-idle-workshop-aged-stock")
    ruled = score(GROWTH, answers)
    # the same questionnaire without topics
    plain_q = GROWTH.model_copy(update={"questions": [q.model_copy(update={"topic": None}) for q in GROWTH.questions]})
    plain = score(plain_q, answers)
    assert [f.question_id for f in plain.findings[:3]] == ["stock_cleanup", "forecast_bias", "forecast_accountability"]
    assert sorted(f.question_id for f in ruled.findings) == sorted(f.question_id for f in plain.findings)
    assert ruled.balance == plain.balance and [d.score for d in ruled.dimensions] == [d.score for d in plain.dimensions]


def test_one_piece_of_work_is_planned_once() -> None:
    """The thirty-second blind review read "start a monthly table of forecast against actual" twice in a row in
    one period of a pottery's plan: forecast bias and who answers for a miss, one topic, one table. The second
    waits in the backlog; an action that needs the first (hosting that scales, after measuring the peak) is the
    next step of that work and is planned after it. Over every calibration case, the plan holds two actions of
    one topic only where one needs the other, or one is a failing critical answer or a fix the summary lists
    (each planned in its own words)."""
    from .test_calibration import CASES, run_case

    result = score(GROWTH, case_answers(GROWTH, "calstock-clayworks-half-idle-kilns-january-seconds-sale"))
    planned = [a.question_id for _, actions in result.plan.periods for a in actions]
    assert "forecast_bias" in planned and "forecast_accountability" not in planned
    assert "forecast_accountability" in [a.question_id for a in result.plan.backlog]
    topic = {q.id: q.topic for q in GROWTH.questions}
    for path in CASES:
        _, scored = run_case(path)
        actions = [a for _, period in scored.plan.periods for a in period]
        for a in actions:
            mates = [
                b
                for b in actions
                if b is not a and topic.get(b.question_id) and topic.get(b.question_id) == topic.get(a.question_id)
            ]
            for b in mates:
                linked = b.question_id in a.after or a.question_id in b.after
                own = own_words(scored)
                assert linked or a.question_id in own or b.question_id in own, (path.stem, a.question_id, b.question_id)


def own_words(result: Any) -> set[str]:
    """The findings planned in their own words whatever their topic: failing critical ones, and the fixes the
    summary lists."""
    from readiness.findings import PLANNED_FIXES

    listed = [f.question_id for f in result.findings if f.recommendations][:PLANNED_FIXES]
    return {*listed, *(f.question_id for f in result.findings if f.failing)}
