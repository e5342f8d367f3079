"""Idle room on a short runway names the cash, not the part a rush would find (growth questionnaire 2.4.22,
``balance.idle_link``, docs/scoring.md §3 and §7, round 41; with the cash locked in heavy stock, 2.4.23, round 44).

With demand quiet, the weakest link was the part in the worst state or the one a load would bind on first: a
pasta maker's Team (the owner sells and has stopped), a dairy's Team, a hire firm's Team. Their experts named
Capacity "in its cash sense": a half-idle line or fleet on finance, six to nine weeks of cash, and nothing coming
to fill it; what gives first if demand stays where it is, is the money. Declared before round 41: while the
verdict is idle capacity, cash covers ten weeks or less and no more than two months of stock is held, the link
named is Capacity's cash, unless another part scores 20 points below it. The verdict and its figures do not move.
"""

from __future__ import annotations

import pytest

from readiness import score
from readiness.answers import Answer, AnswerSet
from readiness.errors import QuestionnaireError
from readiness.loader import load_questionnaire, parse_questionnaire
from readiness.model import Questionnaire
from readiness.report_markdown import render_markdown
from readiness.report_model import build_report
from readiness.results import Balance

from .casework import case_answers, with_values
from .conftest import ROOT

PASTA = "kelham-pasta-sheffield-idle-ravioli-line-meal-kit-quote"  # ravioli line 55% used, 6 weeks of cash
DAIRY = "marlpit-dairy-delisted-second-filling-line-idle"  # second line two days a week, 9 weeks of cash
BOULDERING = "millstone-bouldering-idle-weekdays-booking-crashes"  # 8 weeks of cash, a booking system at 10
SOURCE = (ROOT / "questionnaires" / "growth-readiness.yaml").read_text(encoding="utf-8")
BLOCK = """  idle_link:
    when: "cash_runway <= 10 and not stock_cover > 60 or cash_runway <= 6 and stock_cover >= 240"
    dimension: capacity
    area: cash
    margin: 20
"""


@pytest.fixture(scope="module")
def growth() -> Questionnaire:
    return load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")


@pytest.fixture(scope="module")
def without_rule() -> Questionnaire:
    assert BLOCK in SOURCE
    return parse_questionnaire(SOURCE.replace(BLOCK, ""), "growth.yaml").questionnaire


def balance(q: Questionnaire, case: str, **values: object) -> Balance:
    return score(q, with_values(case_answers(q, case), **values)).balance


@pytest.mark.parametrize("case", [PASTA, DAIRY])
def test_idle_room_on_a_short_runway_names_the_cash(
    growth: Questionnaire, without_rule: Questionnaire, case: str
) -> None:
    b, before = balance(growth, case), balance(without_rule, case)
    assert (b.quadrant, b.weakest, b.weakest_area) == ("idle_capacity", "capacity", "cash")  # both experts' link
    assert b.runway_named and not b.worst_named
    assert before.weakest == "team"  # what the rule changes: the name
    # ... and nothing else: the verdict, the figure weighed and where a load binds are as they were
    assert (b.quadrant, b.link, b.index, b.margin) == (before.quadrant, before.link, before.index, before.margin)
    assert b.held_in == "team" and b.held_in_title is not None and b.held_in_title.endswith(", in Team")


@pytest.mark.parametrize(
    ("changed", "why"),
    [
        ({"cash_runway": 20}, "five months of cash: the runway is not what gives first"),
        ({"stock_cover": 150}, "five months of stock: what is wrong is what was bought, a process matter"),
        ({"order_growth": 40, "utilization": 97}, "orders growing into a full line: not idle, the rule is silent"),
    ],
)
def test_outside_the_rule_the_link_is_named_as_before(
    growth: Questionnaire, without_rule: Questionnaire, changed: dict, why: str
) -> None:
    b, before = balance(growth, PASTA, **changed), balance(without_rule, PASTA, **changed)
    assert not b.runway_named, why
    assert b.weakest == before.weakest, why


STOVES = "tynedale-stoves-idle-fitters-unsold-stock-heat-pump-idea"  # eight months of stock, six weeks of cash


def test_idle_with_the_cash_locked_in_heavy_stock_names_the_cash(
    growth: Questionnaire, without_rule: Questionnaire
) -> None:
    """Round 44: idle with eight months of stock or more on six weeks of cash or less, the cash is in the stock and
    runs out first; a stove shop's expert named Capacity where the tool named Process's stock. On a longer runway,
    or with less stock, heavy stock stays a buying and forecasting matter (Process), as before."""
    b, before = balance(growth, STOVES), balance(without_rule, STOVES)
    assert (b.quadrant, b.weakest, b.weakest_area) == ("idle_capacity", "capacity", "cash") and b.runway_named
    assert before.weakest == "process"
    assert (b.quadrant, b.link, b.index) == (before.quadrant, before.link, before.index)  # only the name moves
    for changed in ({"cash_runway": 8}, {"stock_cover": 200}):
        assert balance(growth, STOVES, **changed).weakest == "process", changed


def test_a_part_scoring_far_lower_stays_the_weakest_link(growth: Questionnaire) -> None:
    """A climbing wall whose booking system crashes (Technology 10) on eight weeks of cash: its expert names
    Technology, and the rule leaves a part twenty points or more below Capacity named."""
    b = balance(growth, BOULDERING)
    assert b.quadrant == "idle_capacity" and b.weakest == "technology" and not b.runway_named


@pytest.mark.parametrize("how", ["unanswered", "dont_know"])
def test_an_unknown_runway_names_nothing_new(growth: Questionnaire, without_rule: Questionnaire, how: str) -> None:
    """An unread condition does not hold; the verdict is the same either way, so not saying buys nothing."""
    answers = dict(case_answers(growth, PASTA))
    if how == "unanswered":
        del answers["cash_runway"]
    else:
        answers["cash_runway"] = Answer("cash_runway", "dont_know")
    b, before = score(growth, answers).balance, score(without_rule, answers).balance
    assert not b.runway_named
    assert (b.quadrant, b.weakest) == (before.quadrant, before.weakest)


def test_the_report_says_why_the_cash_is_named_and_where_a_load_would_bind(growth: Questionnaire) -> None:
    answers = case_answers(growth, PASTA)
    result = score(growth, answers)
    text = " ".join(render_markdown(build_report(growth, result, AnswerSet(answers=answers))).split())
    assert "Weakest link: Capacity, its cash and working capital: the room standing idle costs money" in text
    # the figure the balance weighs is said with where it binds, not as Capacity's
    held = f"Under load, {result.balance.held_in_title}, would give first: it holds"
    assert held in text
    assert f"({result.balance.held_in_title}, under load)" in text
    # Technology, the lowest score in the table, is explained, not left to read as a mistake
    assert "Technology scores lower (36), but with so little new demand no rush is coming to break it" in text


@pytest.mark.parametrize(
    ("old", "new", "said", "path"),
    [
        ("cash_runway <= 10", "cash_runways <= 10", "reads unknown question `cash_runways`", "balance.idle_link.when"),
        ("<= 10 and", "<=> 10 and", "balance.idle_link", "balance.idle_link.when"),
        ("capacity", "capasity", "`capasity` is not an operations dimension", "balance.idle_link.dimension"),
        ("dimension: capacity", "dimension: demand", "`demand` is not an operations", "balance.idle_link.dimension"),
        ("area: cash", "area: cashflow", "`cashflow` is not an area of `capacity`", "balance.idle_link.area"),
    ],
)
def test_a_broken_idle_link_is_named_with_its_file_line_and_key(old: str, new: str, said: str, path: str) -> None:
    block = BLOCK.replace(old, new)
    text = SOURCE.replace(BLOCK, block)
    key = path.rsplit(".", 1)[1]
    start = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip() == "idle_link:")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if n > start and row.strip().startswith(f"{key}:"))
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(text, "growth.yaml")
    (problem,) = [p for p in caught.value.problems if said in p.message]
    assert problem.file == "growth.yaml" and problem.line == line and problem.path == path


def test_the_table_note_and_the_headline_say_the_cash_is_named(growth: Questionnaire) -> None:
    """A review of round 41: the note under the table said the weakest link "is where the business would break
    first under the load coming" beside a summary saying a load would bind in Team, and the headline read
    "its weakest link Capacity at 48" beside lower Team and Process scores. Both now say it is the cash."""
    from readiness.summary import headline

    answers = case_answers(growth, PASTA)
    result = score(growth, answers)
    report = build_report(growth, result, AnswerSet(answers=answers))
    assert report.link_note.startswith("Capacity is marked as the weakest link though it does not score lowest: with")
    assert "its cash runs out first" in report.link_note and "under the load coming" not in report.link_note
    assert "its weakest link Capacity (cash and working capital) at 48" in headline(result)


def test_a_workshop_of_one_weighs_the_part_its_figure_belongs_to() -> None:
    """A room of one took the runway's name (Capacity) with the figure where a load binds (Team's 41): "Weakest
    link 41 (here Capacity)" beside a Capacity of 48. The room names the part its figure belongs to."""
    from readiness.workshop import Participant, aggregate

    growth = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    alone = aggregate(growth, [Participant("1", "Owner", case_answers(growth, PASTA))])
    own = alone.individual[0].balance
    assert own.runway_named and own.weakest == "capacity" and own.held_in == "team"
    assert alone.link == pytest.approx(own.link or 0.0, abs=0.01)
    assert alone.weakest == ("Team",)  # titles, as the room shows them


def test_the_cash_a_short_runway_names_is_among_the_first_fixes(growth: Questionnaire) -> None:
    """Round 46 (docs/scoring.md §4 and §7): where idle room on a short runway names the cash, the cash area's
    findings weigh in full. Their kind, growth, weighs half while demand is quiet, so a padel retailer on a
    short runway was told of its stock, its suppliers, its forecasts and its stock cover before its cash,
    the part its own results name as running out first. Checked on every calibration business so named (read
    in the test, not at collection, which would score every case whenever this file is collected)."""
    from .test_calibration import CASES, run_case

    cash = {q.id for q in growth.questions if q.dimension == "capacity" and q.area == "cash"}
    named = [(p.stem, result) for p in CASES if (result := run_case(p)[1]).balance.runway_named]
    assert len(named) >= 10
    for stem, result in named:
        assert (result.balance.weakest, result.balance.weakest_area) == ("capacity", "cash"), stem
        first = [f.question_id for f in result.findings[:5]]
        assert cash & set(first), (stem, first)
