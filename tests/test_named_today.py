"""Harm already done (docs/scoring.md §4): what the owner says has gone wrong lately ranks its fixes ahead
of risks of the same weight, says so on the finding, and never moves a score or a verdict."""

from __future__ import annotations

import textwrap

import pytest
import yaml

from readiness import score
from readiness.answers import parse_answers
from readiness.errors import QuestionnaireError
from readiness.findings import named_today
from readiness.loader import load_questionnaire, parse_questionnaire
from readiness.model import Questionnaire
from readiness.report import build_report
from readiness.report_html import render_html
from readiness.report_markdown import render_markdown

from .casework import case_answers, with_values
from .conftest import HEADER, ROOT


@pytest.fixture(scope="module")
def growth() -> Questionnaire:
    return load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")


def ids(result) -> list[str]:
    return [f.question_id for f in result.findings]


def test_every_option_points_to_questions_an_owner_can_act_on(growth: Questionnaire) -> None:
    pains = growth.question("pains_today")
    assert pains.weight == 0  # a lens on the findings, never a score
    operations = {d.id for d in growth.dimensions if d.side == "operations"}
    for option in pains.options:
        assert option.points_to, option.id
        for name in option.points_to:
            target = growth.question(name)
            # a fix lives on the operations side, or is a demand lever (advised only while capacity is idle)
            assert target.dimension in operations or target.grows == "demand", (option.id, name)


def test_a_garage_with_comebacks_is_told_to_fix_the_comebacks_first_when_the_owner_says_so(
    growth: Questionnaire,
) -> None:
    answers = case_answers(growth, "village-garage-with-comebacks")
    answers.pop("pains_today", None)
    before = score(growth, answers)
    said = with_values(answers, pains_today=("redo",))
    after = score(growth, said)
    fixes = {"quality_checks", "return_rate", "order_process"}
    rank_before = min(ids(before).index(q) for q in fixes if q in ids(before))
    rank_after = min(ids(after).index(q) for q in fixes if q in ids(after))
    assert rank_after < rank_before
    assert rank_after < 3  # among the first fixes, which lead the plan's first 30 days
    # the score, the verdict and the set of findings are what they were: only the order moved
    assert [d.score for d in after.dimensions] == [d.score for d in before.dimensions]
    assert after.balance.quadrant == before.balance.quadrant
    assert set(ids(after)) == set(ids(before))


def test_the_finding_says_why_it_moved_in_app_and_reports(growth: Questionnaire) -> None:
    from readiness.summary import finding_markdown

    case = yaml.safe_load((ROOT / "tests" / "cases" / "village-garage-with-comebacks.yaml").read_text())
    answers, _ = parse_answers(growth, {"business": "Garage", "answers": {**case["answers"], "pains_today": ["redo"]}})
    result = score(growth, answers)
    moved = [f for f in result.findings if f.named_by]
    assert moved and {f.question_id for f in moved} <= {"quality_checks", "return_rate", "order_process"}
    said = "You said this has gone wrong lately: “Work came back: complaints, returns, redos or callbacks”."
    assert said in finding_markdown(result, moved[0], 1, growth, answers.answers)  # the results page
    report = build_report(growth, result, answers)
    assert said in render_markdown(report)
    html = render_html(report)
    assert said in html  # the appendix says it in words
    first = [f for f in report.findings[:3] if f.named]
    assert first and html.count(">gone wrong<") >= len(first)  # the summary, as a badge


def test_a_report_quotes_what_the_owner_said_once_and_later_fixes_point_back(growth: Questionnaire) -> None:
    """The seventh blind review found one owner's complaint quoted under five fixes. The first fix it names
    quotes it; a later fix for the same thing points back to that fix by number."""
    case = yaml.safe_load((ROOT / "tests" / "cases" / "village-garage-with-comebacks.yaml").read_text())
    answers, _ = parse_answers(growth, {"business": "Garage", "answers": {**case["answers"], "pains_today": ["redo"]}})
    result = score(growth, answers)
    named = [i for i, f in enumerate(result.findings, start=1) if f.named_by]
    assert len(named) >= 2  # quality checks and the return rate both fix work that comes back
    report = build_report(growth, result, answers)
    markdown = render_markdown(report)
    said = "You said this has gone wrong lately: “Work came back: complaints, returns, redos or callbacks”."
    assert markdown.count(said) == 1
    assert f"You said this has gone wrong lately too (fix {named[0]})." in markdown
    assert report.findings[named[1] - 1].why_here.startswith("You said this has gone wrong lately too")


def test_nothing_named_changes_nothing(growth: Questionnaire) -> None:
    answers = case_answers(growth, "village-garage-with-comebacks")
    answers.pop("pains_today", None)
    none = with_values(answers, pains_today=())
    assert ids(score(growth, none)) == ids(score(growth, answers))
    assert named_today(growth, none) == {}


def test_a_named_pain_never_advises_what_the_context_rules_out(growth: Questionnaire) -> None:
    # A quiet dental lab: no rush coming, so its website's spike readiness is not advised even when the
    # owner says the website went down (a failing critical question would still be said).
    answers = case_answers(growth, "dental-lab-growing-in-step")
    said = score(growth, with_values(answers, pains_today=("systems_down",)))
    quiet = score(growth, answers)
    for qid in ("website_spike", "website_peak"):
        assert (qid in ids(said)) == (qid in ids(quiet))


@pytest.mark.parametrize(
    ("points_to", "words"),
    [("[nowhere]", "points to unknown question `nowhere`"), ("[pains]", "points to itself")],
)
def test_an_option_pointing_nowhere_is_named_with_its_file_line_and_key(points_to: str, words: str) -> None:
    questions = textwrap.dedent(
        f"""
        questions:
          - {{id: a, dimension: ops, type: scale, scale: four, text: A?}}
          - id: pains
            dimension: ops
            type: multiple_choice
            weight: 0
            text: What went wrong?
            options:
              - {{id: x, label: X, points_to: {points_to}}}
        """
    )
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(textwrap.dedent(HEADER) + questions, "inline.yaml")
    (problem,) = [p for p in caught.value.problems if p.code == "RQ205"]
    assert words in problem.message
    assert problem.file == "inline.yaml" and problem.line is not None
    assert problem.path == "questions[1].options[0].points_to[0]"


@pytest.mark.parametrize(
    ("case", "tick", "fixed_in"),
    [
        ("keelson-first-aid-training-basics", "warned", "quality_checks"),
        ("hotel-laundry-new-group-contract-falling-behind", "broke_down", "contingency_plans"),
        ("web-design-agency-hosting-on-one-server", "paperwork", "order_process"),
    ],
)
def test_a_harm_an_owner_described_with_no_box_to_tick_now_has_one(
    growth: Questionnaire, case: str, tick: str, fixed_in: str
) -> None:
    """Blind reviews read harms in the owners' own words that no option named: a training firm's warning from
    its awarding body, a laundry's ironer broken down twice, an electrical firm's seventy quotes never sent (here
    an agency's, whose other answers already name the fixes the firm's would). Ticked, each moves the finding
    where it is fixed up the list and says why; the scores do not move."""
    answers = case_answers(growth, case)
    before = score(growth, answers)
    ticked = answers["pains_today"].value
    after = score(growth, with_values(answers, pains_today=(*ticked, tick)))
    label = next(o.label for o in growth.question("pains_today").options if o.id == tick)
    assert ids(after).index(fixed_in) < ids(before).index(fixed_in)
    finding = next(f for f in after.findings if f.question_id == fixed_in)
    assert label in finding.named_by
    assert [d.score for d in after.dimensions] == [d.score for d in before.dimensions]
    assert after.balance.quadrant == before.balance.quadrant
