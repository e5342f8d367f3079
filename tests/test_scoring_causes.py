"""Issue 11's five causes, each pinned by a test on the shipped questionnaire.

1. demand strength measured marketing, so brakes and honest promises raised the danger;
2. the operations side was an average, so a strong part hid a broken one;
3. critical questions only renamed the level;
4. skipping paid;
5. findings were ranked by points added to one dimension.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from readiness import score
from readiness.answers import Answer
from readiness.loader import load_questionnaire
from readiness.model import Questionnaire
from readiness.scoring import SEVERITY, ScoreResult

from .casework import case_answers, with_values
from .conftest import ROOT

CASES = ROOT / "tests" / "cases"


@pytest.fixture(scope="module")
def growth() -> Questionnaire:
    return load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")


def severity(result: ScoreResult) -> int:
    return SEVERITY.index(result.balance.leaning or result.balance.quadrant)


# 1 ----------------------------------------------------------------------------------------------
def braked_answers(answers: dict[str, Answer]) -> dict[str, Answer]:
    """Brakes on demand and honest promises, nothing else changed."""
    return with_values(
        answers,
        when_full="waiting_list",
        promises_match=4,
        promise_kept_rate=99,
        campaigns_with_ops=4,
    )


def test_cause_1_brakes_and_honest_promises_lower_the_danger_never_raise_it(growth: Questionnaire) -> None:
    before_answers = case_answers(growth, "creamery-before-tv-spot")
    before = score(growth, before_answers)
    braked = score(growth, braked_answers(before_answers))
    # the demand side measures the demand coming, which braking does not change
    assert braked.balance.demand == before.balance.demand
    assert braked.balance.index <= before.balance.index
    assert severity(braked) >= severity(before)
    assert before.balance.quadrant == "danger_zone"
    # the brakes queue orders honestly, and while each order makes money the queue keeps the cash tied up in
    # orders to what the kitchen can deliver, five weeks of cash included (docs/scoring.md §3; version 2.4.2,
    # adopted on a blind round): demand ahead, under control, with the cash it still has to fix named
    assert braked.balance.quadrant == "demand_ahead_controlled"
    assert braked.balance.guarded_title == "cash and working capital, in Capacity"
    assert "fix cash and working capital, in Capacity first" in (braked.balance.meaning or "")
    # a queue of orders that each lose money is still owed: the same brakes leave it in the danger zone
    losing = score(growth, with_values(braked_answers(before_answers), gross_margin=0))
    assert losing.balance.quadrant == "danger_zone"
    funded = score(growth, with_values(braked_answers(before_answers), cash_runway=13, growth_funding=3))
    assert funded.balance.quadrant == "demand_ahead_controlled"
    # and none of those questions sits on the demand side any more
    moved = {"when_full", "promises_match", "promise_kept_rate", "campaigns_with_ops"}
    assert all(growth.dimension(growth.question(m).dimension).side == "operations" for m in moved)


# 2 ----------------------------------------------------------------------------------------------
def test_cause_2_a_strong_part_does_not_hide_a_broken_one(growth: Questionnaire) -> None:
    # v2 asks whether backups were ever restored, which the case's description does not say; a
    # strong technology part here means a tested restore too
    answers = with_values(case_answers(growth, "saas-fragile-support"), restore_tested=True)
    result = score(growth, answers)
    team = result.dimension("team")
    technology = result.dimension("technology")
    # v2's new team questions (turnover, the owner in sales) lift the case's team a little, above 30
    # but still below "managed"; what matters is a scale-ready part beside one that is not
    assert technology.level == "scale_ready" and team.level in {"fragile", "reactive"}
    assert technology.score - team.score > 45  # as wide as the v1 test's 75 against 30
    # the link is team, judged on its own weakest part (docs/scoring.md §3): the strong technology
    # does not lift it towards the average
    assert result.balance.weakest == "team" and result.balance.weakest_area == "roles_and_cover"
    assert result.balance.link < technology.score - 45
    # the headline still shows the weighted operations score, beside the weakest link
    assert result.overall > result.balance.link + 10
    # perfect technology changes the average, not the balance
    every = ("confirmations", "status_updates", "invoicing", "accounting_sync", "availability", "alerts")
    perfect = with_values(answers, order_system=4, booking_system=4, automation=every, website_spike=4)
    better = score(growth, perfect)
    assert better.overall > result.overall
    assert better.balance.index == result.balance.index
    assert better.balance.quadrant == "danger_zone"


# 3 ----------------------------------------------------------------------------------------------
def test_cause_3_critical_failures_cap_the_score_and_forbid_scale_ready(growth: Questionnaire) -> None:
    strong = case_answers(growth, "hvac-steady-grower")
    assert score(growth, strong).balance.quadrant == "scale_ready"
    broken = with_values(strong, cash_runway=1, key_person_cover=0, supplier_payment=0)
    result = score(growth, broken)
    assert result.balance.quadrant != "scale_ready"
    failing = {f.question_id: f for f in result.balance.critical_failures}
    assert set(failing) == {"cash_runway", "key_person_cover", "supplier_payment"}
    for f in failing.values():
        dim = result.dimension(f.dimension)
        assert f.cap is not None and dim.score <= f.cap
        assert f.question_id in dim.capped_by
        assert dim.uncapped > dim.score  # the cap did the work, and the result says so
    # and they lead the findings
    assert {f.question_id for f in result.findings[:3]} == set(failing)


# 4 ----------------------------------------------------------------------------------------------
def test_cause_4_skipping_the_worst_answers_does_not_pay(growth: Questionnaire) -> None:
    answers = case_answers(growth, "creamery-before-tv-spot")
    full = score(growth, answers)
    worst = sorted(
        (
            q
            for q in full.questions
            if q.status == "answered" and q.counted and full.dimension(q.dimension).side == "operations"
        ),
        key=lambda q: q.score,
    )[:20]
    skipped = score(growth, {k: v for k, v in answers.items() if k not in {q.id for q in worst}})
    assert skipped.overall <= full.overall
    for d in skipped.dimensions:
        if d.side == "operations" and d.score is not None:
            assert d.score <= full.dimension(d.id).score + 1e-6
            assert d.low <= d.score <= d.high
    assert severity(skipped) <= severity(full)


def test_cause_4_nobody_answered_process_or_technology_means_not_placed(growth: Questionnaire) -> None:
    answers = case_answers(growth, "hvac-steady-grower")
    gone = {q.id for q in growth.questions if q.dimension in ("process", "technology") and q.id != "business_type"}
    result = score(growth, {k: v for k, v in answers.items() if k not in gone})
    assert result.balance.quadrant == "not_placed"
    assert result.balance.message == "Not enough answers in Process and Technology to place the business."
    assert result.balance.label != "Scale-ready engine"
    assert result.dimension("process").score is None and result.dimension("process").coverage == 0


def test_cause_4_every_question_answered_with_many_dont_knows_says_which_answers_are_missing(
    growth: Questionnaire,
) -> None:
    """A skincare brand answered all 75 questions, 17 of them "don't know": "Not enough answers" beside "75 of
    75 answered" read as a bug to a consultant. The message says the answers missing are real ones, where."""
    result = score(growth, case_answers(growth, "skincare-brand-dont-know"))
    b = result.balance
    assert b.quadrant == "not_placed" and all(d.unanswered == 0 for d in result.dimensions)
    assert b.message == "Too many “don't know” answers in Process and Capacity to place the business."
    assert result.dimension("process").dont_know >= 5 and result.dimension("capacity").dont_know >= 5


def test_cause_4_a_verdict_whose_range_straddles_a_line_is_borderline(growth: Questionnaire) -> None:
    answers = case_answers(growth, "hvac-steady-grower")
    # a few team answers left open: placed, but the range crosses the scale-ready line
    open_ = {"key_person_cover", "weeks_to_productive", "surge_plan"}
    result = score(growth, {k: v for k, v in answers.items() if k not in open_})
    b = result.balance
    assert b.quadrant != "not_placed"
    assert b.borderline and b.could_be == "scale_ready" and b.quadrant != "scale_ready"
    assert b.margin is not None and b.line


# 5 ----------------------------------------------------------------------------------------------
FAIR = """
- {id: yn, dimension: ops, type: yes_no, text: Yes or no}
- {id: sc, dimension: ops, type: scale, scale: four, text: A scale}
- {id: crit, dimension: ops, type: scale, scale: four, text: Critical, critical: true, weight: 2}
- {id: plain, dimension: ops, type: scale, scale: four, text: Plain, weight: 2}
- {id: d, dimension: demand, type: scale, scale: four, text: D}
"""


def test_cause_5_steps_compare_fairly_and_criticality_counts_once(inline) -> None:
    q = inline(FAIR)
    result = score(
        q,
        {
            "yn": Answer("yn", "value", False),
            "sc": Answer("sc", "value", 0),
            "crit": Answer("crit", "value", 1),
            "plain": Answer("plain", "value", 1),
            "d": Answer("d", "value", 1),
        },
    )
    by_id = {f.question_id: f for f in result.findings}
    # worst answer of a yes/no and of a four-level scale: the same impact
    assert by_id["yn"].priority == pytest.approx(by_id["sc"].priority)
    # a critical question of weight 2 weighs as much as any question of weight 2: criticality counts once
    assert by_id["crit"].priority == pytest.approx(by_id["plain"].priority)


def test_cause_5_good_is_good_enough_an_answer_at_a_good_level_is_no_finding(inline) -> None:
    """An answer already at a level good in itself (three quarters up) is where a finding would aim: it is
    neither a finding nor a plan or backlog action; just below that level, or not known, it is."""
    q = inline(
        """
        - {id: sc, dimension: ops, type: scale, scale: four, text: A scale}
        - id: days
          dimension: ops
          type: number
          text: Days to get paid
          bands:
            - {up_to: 10, score: 1, label: Fast}
            - {up_to: 30, score: 0.75, label: Within a month}
            - {up_to: 45, score: 0.7, label: Six weeks}
            - {score: 0, label: Slow}
        - {id: d, dimension: demand, type: scale, scale: four, text: D}
        """
    )

    def advised(days: Answer) -> set[str]:
        result = score(q, {"sc": Answer("sc", "value", 0), "days": days, "d": Answer("d", "value", 1)})
        actions = [*result.plan.actions, *result.plan.backlog]
        return {f.question_id for f in result.findings} | {a.question_id for a in actions}

    assert advised(Answer("days", "value", 20)) == {"sc"}
    assert advised(Answer("days", "value", 40)) == {"sc", "days"}
    assert advised(Answer("days", "dont_know")) == {"sc", "days"}


def test_cause_5_a_failing_critical_leads_and_dont_know_never_outranks_it(inline) -> None:
    q = inline(FAIR)
    result = score(
        q,
        {
            "yn": Answer("yn", "dont_know"),
            "sc": Answer("sc", "dont_know"),
            "crit": Answer("crit", "value", 0),
            "plain": Answer("plain", "value", 3),
            "d": Answer("d", "value", 3),
        },
    )
    assert result.findings[0].question_id == "crit" and result.findings[0].failing
    assert all(f.kind == "dont_know" for f in result.findings[1:])


def test_cause_5_no_grow_demand_advice_while_demand_is_ahead(growth: Questionnaire) -> None:
    result = score(growth, case_answers(growth, "consultancy-waiting-list"))
    assert result.balance.quadrant == "demand_ahead_controlled"
    demand_side = {q.id for q in growth.questions if growth.dimension(q.dimension).side == "demand"}
    assert not demand_side & {f.question_id for f in result.findings}
    texts = " ".join(a.text.lower() for f in result.findings for a in f.recommendations)
    assert "new channel" not in texts and "grow demand" not in texts


def test_cause_5_no_capacity_advice_while_capacity_stands_idle(growth: Questionnaire) -> None:
    result = score(growth, case_answers(growth, "liquor-maker-dead-stock"))
    assert result.balance.quadrant == "idle_capacity"
    grows = {q.id for q in growth.questions if q.grows == "capacity"}
    assert not grows & {f.question_id for f in result.findings}


def test_cause_5_the_plan_is_small_ordered_and_respects_dependencies(growth: Questionnaire) -> None:
    answers = case_answers(growth, "creamery-before-tv-spot")
    answers = with_values(answers, website_spike=1, website_peak=2)
    result = score(growth, answers)
    plan = result.plan
    assert all(len(actions) <= growth.plan.per_period for _, actions in plan.periods)
    assert len(plan.actions) + len(plan.backlog) >= len(result.findings)
    order = [a.question_id for a in plan.actions]
    # "move to hosting that scales" waits for "measure the website's peak"
    assert "website_spike" in order and "website_peak" in order
    assert order.index("website_peak") < order.index("website_spike")
    spike = next(a for a in plan.actions if a.question_id == "website_spike")
    assert spike.after == ("website_peak",)
    # findings read as findings, with dimension titles
    assert all(f.dimension_title and f.dimension_title[0].isupper() for f in result.findings)
    website = next(f for f in result.findings if f.question_id == "website_spike")
    assert website.title.startswith("Your website")


def test_an_event_inside_the_plan_sets_its_clock(growth: Questionnaire) -> None:
    """A yarn studio six weeks from a knit-along launch: the most urgent fixes fill the first 30 days, before
    the launch, instead of quicker low-ranked ones; the plan never contradicts the deadline printed above it."""
    answers = case_answers(growth, "hand-dyed-yarn-studio-knit-along-launch")
    result = score(growth, answers)
    assert result.balance.event_weeks == 6
    first = {a.question_id for a in dict(result.plan.periods)[30]}
    # in the plan's order: failing critical findings, then (in the danger zone) the brakes, then the rest
    from readiness.findings import plan_brakes

    by_id = {f.question_id: f for f in result.findings}
    brakes = [q for q in plan_brakes(result.findings, result.balance) if not by_id[q].failing]
    ids = [f.question_id for f in result.findings if f.recommendations]
    failing = [q for q in ids if by_id[q].failing]
    leading = list(dict.fromkeys([*failing, *brakes, *ids]))[: growth.plan.per_period]
    assert set(leading) == first  # cash runway and the second source included, though they take longer
    # the same studio with no event ahead: a longer action asks for its own period, after quicker ones
    calm = score(growth, with_values(answers, event_ahead="none"))
    assert calm.balance.event_weeks is None
    calm_first = {a.question_id for a in dict(calm.plan.periods)[30]}
    calm_leading = [f.question_id for f in calm.findings if f.recommendations][: growth.plan.per_period]
    assert set(calm_leading) != calm_first


def test_next_step_never_points_at_a_bad_state(growth: Questionnaire) -> None:
    answers = case_answers(growth, "liquor-maker-dead-stock")
    result = score(growth, answers)
    stock = next(f for f in result.findings if f.question_id == "stock_cover")
    assert stock.next == "Two to six weeks"  # back towards the middle, never across it to "under a week"
    assert "dead stock" not in (stock.next or "").lower()
    assert any("Too much stock" in a.text for a in stock.recommendations)
    bare = [a.text for f in result.findings for a in f.recommendations if a.text.startswith("Aim for:")]
    bad_words = ("ad hoc", "not in place", "guessing", "full or beyond", "tight")
    assert not [t for t in bare if any(w in t.lower() for w in bad_words)]
    # and what a finding aims for is a good level, not the next rung of trouble
    chosen = {q.id for q in growth.questions if q.type == "multiple_choice"}  # their next is an option to add
    ladders = [f for f in result.findings if f.kind == "improve" and f.next and f.question_id not in chosen]
    for f in ladders:
        question = growth.question(f.question_id)
        if hasattr(question, "bands"):
            band = next(b for b in question.bands if b.label == f.next)
            assert band.score >= 0.75 or band.score == max(b.score for b in question.bands), (f.question_id, f.next)


def test_contradictions_in_the_questionnaire_give_warnings(growth: Questionnaire) -> None:
    answers = case_answers(growth, "saas-fragile-support")
    result = score(growth, with_values(answers, website_spike=4, website_peak=2))
    assert any(w.code == "RA120" and "proven under pressure" in w.message for w in result.warnings)
    assert not any(w.code == "RA120" for w in score(growth, answers).warnings)


def test_a_website_measured_at_a_rush_but_answered_untested_is_warned_about(growth: Questionnaire) -> None:
    """Review 25: a roaster's shop seen at nine times a normal day without slowing, answered "probably copes,
    untested", was told it "has never been tested at the load a TV mention or viral post sends"."""
    answers = case_answers(growth, "kelham-roast-co-online-coffee-subscriptions-roaster-full")
    warned = [w.message for w in score(growth, answers).warnings if w.code == "RA120"]
    assert any("A day like that is a test" in m for m in warned), warned
    tested = score(growth, with_values(answers, website_spike=3)).warnings
    assert not any("A day like that is a test" in w.message for w in tested)
    small = score(growth, with_values(answers, website_peak=3)).warnings
    assert not any("A day like that is a test" in w.message for w in small)


def test_every_calibration_case_has_a_file() -> None:
    assert len(list(Path(CASES).glob("*.yaml"))) >= 8


BOTH_ENDS = """
- id: stock
  dimension: ops
  type: number
  pressure: spike
  text: Days of stock
  min: 0
  max: 400
  bands:
    - {up_to: 7, score: 0.25, label: Too little}
    - {up_to: 45, score: 1, label: Right}
    - {score: 0.25, label: Too much, pressure: slack}
- {id: other, dimension: ops, type: yes_no, text: Other}
- {id: spike, dimension: demand, type: yes_no, text: A spike coming, pressure: spike}
"""


def test_the_kind_of_pressure_follows_the_side_of_a_two_sided_band(inline) -> None:
    """Too much stock guards against slack (supply ahead of demand), too little against a spike."""
    q = inline(BOTH_ENDS)
    quiet = {"other": Answer("other", "value", True), "spike": Answer("spike", "value", False)}
    too_much = score(q, {**quiet, "stock": Answer("stock", "value", 300)})
    too_little = score(q, {**quiet, "stock": Answer("stock", "value", 3)})
    assert too_much.dimension("ops").score == too_little.dimension("ops").score  # the same share either way
    much, little = too_much.findings[0], too_little.findings[0]
    # demand is quiet and operations far ahead: slack is at its strongest, spike pressure is nil
    assert much.priority == pytest.approx(3 * little.priority)  # (0.5 + 1) / (0.5 + 0)


def test_a_finding_says_what_the_answer_given_means(growth: Questionnaire) -> None:
    """A middle answer is not the worst one, and a question that punishes both extremes says which one
    the answer is (QA: 'usually on time' read 'Suppliers are paid late'; 85% busy read 'near or past its
    limit (or, far below half, capacity stands idle)')."""
    base = case_answers(growth, "creamery-before-tv-spot")

    def title(qid: str, value: object) -> str:
        result = score(growth, with_values(base, **{qid: value}))
        return next(f.title for f in result.findings if f.question_id == qid)

    late, usual = title("supplier_payment", 0), title("supplier_payment", 2)
    assert late == growth.question("supplier_payment").finding
    assert usual.startswith("Suppliers are usually paid on time") and "paid late" not in usual
    assert "takes days" in title("when_full", "slow_down")
    assert "takes days" not in title("when_full", "take_all")
    busy, idle = title("utilization", 90), title("utilization", 20)
    assert busy == "Your busiest step is near or past its limit." and "stands idle" in idle
    short, dead = title("stock_cover", 2), title("stock_cover", 400)
    assert "rush" in short and "cash" not in short
    assert "dead" in dead and "rush" not in dead
    # "don't know" has no answer of its own, so no finding is said as a fact beside "Now: Don't know"
    # (a consultant's review: "Don't know" then "Your forecasts run high"): the open question is the finding
    result = score(growth, {**base, "utilization": Answer("utilization", "dont_know", None)})
    unknown = next(f.title for f in result.findings if f.question_id == "utilization")
    # said in a clause of its own, not "Not known:" and the whole question (thirteenth review)
    assert unknown == "Not known: how busy the busiest step is."
    assert growth.question("utilization").finding not in unknown
    # a questionnaire of one's own without the short clause still names the question
    from readiness import parse_questionnaire

    text = (ROOT / "questionnaires" / "growth-readiness.yaml").read_text(encoding="utf-8")
    line = '    dont_know_finding: "Not known: how busy the busiest step is."\n'
    assert text.count(line) == 1
    bare = parse_questionnaire(text.replace(line, ""), "growth.yaml").questionnaire
    result = score(bare, {**base, "utilization": Answer("utilization", "dont_know", None)})
    unknown = next(f.title for f in result.findings if f.question_id == "utilization")
    assert unknown == f"Not known: {growth.question('utilization').text.strip()}"


def test_a_level_finding_for_a_level_the_scale_lacks_is_refused() -> None:
    from readiness import parse_questionnaire
    from readiness.errors import QuestionnaireError

    text = (ROOT / "questionnaires" / "growth-readiness.yaml").read_text(encoding="utf-8")
    level_two = "    findings:\n      2: Suppliers are usually"
    broken = text.replace(level_two, level_two.replace("2:", "7:"))
    assert broken != text
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(broken, "broken.yaml")
    [problem] = [p for p in caught.value.errors if p.code == "RQ211"]
    assert "gives a finding for level 7" in problem.message and problem.line is not None


def test_a_plan_starts_with_its_first_fixes_and_in_the_danger_zone_with_the_brakes(growth: Questionnaire) -> None:
    """The fifteenth blind review read "hire ahead of it", a joinery's first fix, planned "within 90 days" as the
    report not meaning it, and a hamper firm a week from its biggest order told to "decide now what happens when
    you are full" within 60 days. The first three fixes start in the first period with room; in the danger zone
    the brakes come right after the failing critical findings. The findings keep their order."""
    from readiness.findings import plan_brakes

    joinery = score(growth, case_answers(growth, "ashgrove-joinery-waiting-list"))
    first = [f for f in joinery.findings if f.recommendations][:3]
    assert any(f.recommendations[0].horizon == 90 for f in first)  # one of them asks for 90 days on its own
    assert {f.question_id for f in first} <= {a.question_id for a in dict(joinery.plan.periods)[30]}
    publisher = score(growth, case_answers(growth, "board-game-publisher-kickstarter-backlog"))
    assert publisher.balance.quadrant == "danger_zone"
    brakes = plan_brakes(publisher.findings, publisher.balance)
    assert "when_full" in brakes
    ranks = [f.question_id for f in publisher.findings]
    assert ranks.index("when_full") >= 5  # ranked sixth or later: the plan, not the rank, moves it
    assert "when_full" in {a.question_id for a in dict(publisher.plan.periods)[30]}
    calm = score(growth, case_answers(growth, "coffee-roaster-aiming-to-double"))
    assert calm.balance.quadrant != "danger_zone" and plan_brakes(calm.findings, calm.balance) == ()


def test_before_a_dated_event_the_plan_gets_ready_for_it_first(growth: Questionnaire) -> None:
    """The sixteenth blind review: a hotel laundry whose new contract starts in ten weeks had "agree the start
    with the customer" planned 90 days out, under a banner saying the 90-day actions come after the event.
    With the event inside the plan, the rush preparations (findings guarding against a spike) come right
    after the first fixes, so they fill the periods before it; the findings keep their order."""
    from readiness.findings import event_preparations

    given = case_answers(growth, "hotel-laundry-new-group-contract-falling-behind")
    laundry = score(growth, given)
    weeks = laundry.balance.event_weeks
    assert weeks is not None and 60 <= weeks * 7 < 90  # the periods of 30 and 60 days end before it
    before = {a.question_id for p, actions in laundry.plan.periods if p <= 60 for a in actions}
    assert "surge_plan" in before  # the start is agreed with the buyer before the contract starts
    ready = set(event_preparations(growth, laundry.findings, given))
    assert {"surge_plan", "when_full", "supplier_capacity"} <= ready and "payment_days" not in ready  # growth kind
    assert "cash_runway" in ready  # growth kind too, but critical: a critical weakness prepares for any event
    ranks = [f.question_id for f in laundry.findings]
    assert ranks.index("surge_plan") > 10  # the rank did not move: the plan did
    # With the event beyond the plan, the plan keeps the findings' order.
    far = score(growth, {**given, "event_weeks": Answer("event_weeks", "value", 20)})
    assert "surge_plan" not in {a.question_id for p, actions in far.plan.periods if p <= 60 for a in actions}


def test_a_contract_starting_gets_hiring_and_cash_ready_before_it_and_a_tv_spot_does_not(
    growth: Questionnaire,
) -> None:
    """The seventeenth blind review found a bodyshop's and a plant-care firm's cash, funding and hiring planned
    after the contracts they were for. A contract starting is a rush and volume that lasts: its kind says
    `prepares: [spike, growth]`, so growth findings are preparations too; a one-off event is a rush only."""
    from readiness.events import event_prepares
    from readiness.findings import event_preparations

    given = case_answers(growth, "hotel-laundry-new-group-contract-falling-behind")
    assert given["event_ahead"].value == "contract"
    contract = score(growth, given)
    ready = event_preparations(growth, contract.findings, given, ("spike", "growth"))
    assert {"cash_runway", "payment_days", "staff_turnover"} <= set(ready)  # growth kinds: ready before it
    before = {a.question_id for p, actions in contract.plan.periods if p <= 60 for a in actions}
    assert {"payment_days", "staff_turnover"} <= before  # a rush alone would have left them until after it
    spot = with_values(given, event_ahead="new_event")
    tv = score(growth, spot)
    assert tv.balance.event_weeks == contract.balance.event_weeks
    assert event_prepares(growth, list(contract.questions)) == ("spike", "growth")
    assert event_prepares(growth, list(tv.questions)) == ("spike",)


def test_a_critical_fix_the_results_list_first_is_in_the_plan_whatever_event_is_coming() -> None:
    """A browser pass: a cleaning firm with a contract ahead saw "the business stops when one key person is
    away" (critical) fourth under "Fix these first", its only action "in the backlog", while lower-ranked
    preparations for the contract filled the plan. A critical weakness prepares for any event, so across every
    calibration business each critical finding the results page lists (its first eight) has its action planned."""
    from .test_calibration import CASES, run_case

    planned_before_event = 0
    for path in CASES:
        _, result = run_case(path)
        planned = {a.question_id for _, actions in result.plan.periods for a in actions}
        texts = {a.text for _, actions in result.plan.periods for a in actions}
        for rank, f in enumerate(result.findings[:8], start=1):
            if f.critical and f.recommendations:
                # the same advice planned under another finding counts as planned (the plan says it once)
                said = f.question_id in planned or f.recommendations[0].text in texts
                assert said, f"{path.stem}: critical fix #{rank} {f.question_id} not planned"
            planned_before_event += f.critical and f.question_id in planned and result.balance.event_weeks is not None
    assert planned_before_event > 20  # the businesses with an event ahead are among them


def test_the_five_fixes_a_summary_lists_first_are_all_in_the_plan() -> None:
    """The PDF summary lists up to five first fixes. Nine calibration businesses with an event ahead had their
    fourth or fifth fix only in the backlog, behind fifteen planned actions, most of them preparations ranked far
    below it (a tea blender's stock clean-up, fourth, behind a drill for the team ranked 31st). Such a fix now
    takes the last place in the plan of an action the plan need not keep (not a first fix, a failing critical
    one or a brake, and nothing another action needs first), so every business's five first fixes are planned,
    and the preparations before the event stay where they were."""
    from readiness.findings import PLANNED_FIXES

    from .test_calibration import CASES, run_case

    topic = {q.id: q.topic for q in load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml").questions}
    moved = 0
    for path in CASES:
        _, result = run_case(path)
        planned = {a.question_id: p for p, actions in result.plan.periods for a in actions}
        texts = {a.text for _, actions in result.plan.periods for a in actions}
        topics = {topic.get(q) for q in planned} - {None}
        listed = [f for f in result.findings if f.recommendations][:PLANNED_FIXES]
        for rank, f in enumerate(listed, start=1):
            # planned, or planned as the same piece of work as a finding of its topic (the forecast table)
            said = f.question_id in planned or f.recommendations[0].text in texts or topic.get(f.question_id) in topics
            assert said, f"{path.stem}: fix #{rank} {f.question_id} not planned"
        for _, actions in result.plan.periods:
            assert len(actions) <= result.plan.per_period
            for a in actions:  # nothing planned before, or without, what it needs
                assert all(n in planned and planned[n] <= planned[a.question_id] for n in a.after), (path.stem, a)
        moved += any(planned.get(f.question_id) == 90 for f in listed[3:]) and result.balance.event_weeks is not None
    assert moved >= 3  # the businesses the rule is for are among them


@pytest.mark.parametrize(
    "case",
    [
        "northpour-cold-brew-supermarket-listing",
        "hebble-skip-hire-short-of-drivers-wants-a-lorry",
        "irwell-damp-mould-remediation-awaabs-law-yes-to-everything",
    ],
)
def test_agreeing_a_contracts_start_comes_first_among_its_preparations(growth: Questionnaire, case: str) -> None:
    """The eighteenth blind review still found "agree the start with the customer before it comes" 90 days out
    for contracts seven to nine weeks away: other preparations outranked it. Advice that only helps before the
    event says `before_event: true`, and leads the preparations, so it falls before the event."""
    from readiness.events import event_prepares
    from readiness.findings import event_preparations, make_plan, plan_brakes

    given = case_answers(growth, case)
    result = score(growth, given)
    days = result.balance.event_weeks * 7
    before = max([p for p in (30, 60, 90) if p <= days] or [30])
    assert given["event_ahead"].value == "contract" and before < 90
    surge = next(f for f in result.findings if f.question_id == "surge_plan")
    assert surge.recommendations[0].before_event and surge.recommendations[0].text.startswith("Agree the start")
    placed = {a.question_id: p for p, actions in result.plan.periods for a in actions}
    assert placed["surge_plan"] <= before
    # Without the flag (the preparations in the findings' order alone), it fell after the event.
    unflagged = [
        replace(f, recommendations=tuple(replace(r, before_event=False) for r in f.recommendations))
        for f in result.findings
    ]
    ready = event_preparations(growth, unflagged, given, event_prepares(growth, list(result.questions)))
    plain = [f.question_id for f in unflagged if f.question_id in ready]
    old = make_plan(growth, unflagged, days, plan_brakes(unflagged, result.balance), plain)
    assert {a.question_id: p for p, actions in old.periods for a in actions}["surge_plan"] > before


@pytest.mark.parametrize(
    "case",
    [
        "corporate-hamper-firm-record-christmas-order",  # 2,600 hampers due in nine days
        "bakery-wholesaler-supermarket-contract",  # a supermarket's first deliveries in five weeks
    ],
)
def test_agreeing_the_start_comes_before_first_fixes_that_can_wait_a_month(growth: Questionnaire, case: str) -> None:
    """The thirty-second blind review found "agree the start with the customer before it comes" within 60 days
    for a delivery nine days away and a contract starting in five weeks: leading the preparations, it still
    came after the first fixes, which filled the first 30 days. Before a dated event inside the plan it comes
    right after the failing critical answers, in the first period."""
    given = case_answers(growth, case)
    result = score(growth, given)
    assert given["event_ahead"].value == "contract" and result.balance.event_weeks * 7 < 60
    placed = {a.question_id: p for p, actions in result.plan.periods for a in actions}
    assert placed["surge_plan"] == 30
    assert next(f for f in result.findings if f.question_id == "surge_plan").recommendations[0].before_event


def test_a_listed_fix_moved_into_the_plan_keeps_what_it_needs_first_and_the_event_preparations() -> None:
    """A review of the rule above: a fourth fix that needs another action first (measure the website's peak
    before moving hosting) could push that very action out of the plan, the last in its period, and be planned
    without it. Built by hand: five fixes, the fourth needing a sixth finding's action, eleven preparations for
    an event 45 days away filling all fifteen places."""
    from readiness.findings import make_plan
    from readiness.results import Advice, Finding

    def finding(qid: str, horizon: int = 30, needs: tuple[str, ...] = ()) -> Finding:
        advice = Advice(f"Do {qid}.", "low", "high", horizon, needs)
        return Finding(
            question_id=qid, dimension="process", text=qid, kind="improve", critical=False, current=None, next=None,
            points=1.0, overall_points=1.0, priority=1.0, recommendations=(advice,), title=f"{qid} title",
        )  # fmt: skip

    fixes = [finding(f"f{i}", needs=("x",) if i == 4 else ()) for i in range(1, 6)]
    preparations = [finding(f"p{i}") for i in range(1, 12)]
    found = [*fixes, *preparations, finding("x", horizon=90)]
    growth = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    plan = make_plan(growth, found, 45, (), [p.question_id for p in preparations])
    placed = {a.question_id: p for p, actions in plan.periods for a in actions}
    assert {"f1", "f2", "f3", "f4", "f5"} <= set(placed), placed
    assert "x" in placed and placed["x"] <= placed["f4"]  # what the fourth fix needs first is planned, first
    before = [a.question_id for p, actions in plan.periods if p <= 30 for a in actions]
    assert before == ["f1", "f2", "f3", "p1", "p2"]  # the places before the event keep their preparations
    assert all(len(actions) <= plan.per_period for _, actions in plan.periods)
