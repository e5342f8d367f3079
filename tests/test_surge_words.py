"""The surge test tells one story: a short verdict with the tables' figures and fix, in the assessment's currency."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from readiness import load_answers, load_questionnaire
from readiness.currency import CurrencyError, check_currency, money
from readiness.demo import DEMO_ANSWERS, DEMO_QUESTIONNAIRE
from readiness.surge import (
    PRESETS,
    Analysis,
    analyse,
    markdown,
    scenario_from_preset,
    setup_from_answers,
    setup_from_values,
)
from readiness.surge.words import numbers, what_if_table

from .conftest import ROOT

DEMO = ROOT / "questionnaires" / "demo" / "frost-and-co.yaml"


@pytest.fixture(scope="module")
def demo_setup():  # type: ignore[no-untyped-def]
    questionnaire = load_questionnaire(DEMO_QUESTIONNAIRE)
    answers, _ = load_answers(questionnaire, DEMO_ANSWERS)
    return setup_from_answers(questionnaire, answers)


@pytest.fixture(scope="module", params=sorted(PRESETS))
def demo_run(request: pytest.FixtureRequest, demo_setup) -> Analysis:  # type: ignore[no-untyped-def]
    return analyse(demo_setup, request.param, currency="CNY")


FIGURE = re.compile(r"[¥$€£]?-?\d[\d,]*(?:\.\d+)?%?")


def test_the_verdict_is_at_most_three_short_lines(demo_run: Analysis) -> None:
    lines = demo_run.verdict()
    assert 1 <= len(lines) <= 3
    assert all(len(line) <= 200 for line in lines), lines
    assert all("inf" not in line and "nan" not in line for line in lines)


def test_every_figure_in_the_words_is_in_the_tables(demo_run: Analysis) -> None:
    page = markdown(demo_run)
    tables = page.split("## In numbers", 1)[1]
    for line in demo_run.verdict():
        for figure in FIGURE.findall(line):
            if re.fullmatch(r"\d{1,3}", figure):  # day numbers and small counts: checked by the tests below
                continue
            assert figure in tables, f"{figure!r} from {line!r} is not in the tables"


def test_fix_first_is_the_what_if_that_saves_most(demo_run: Analysis) -> None:
    fix = demo_run.fix_first
    rows = what_if_table(demo_run)
    if fix is None:
        assert all(f.saved <= 0.5 for f in demo_run.fixes) or demo_run.shortfall
        return
    assert rows[1]["Change"] == fix.label  # the first row after "As it is"
    best = max(demo_run.fixes, key=lambda f: f.saved)
    if not demo_run.shortfall and fix.outcome == demo_run.result.summary.outcome:
        assert fix.saved == best.saved
    assert fix.label.lower() in " ".join(demo_run.verdict()).lower()


def test_money_carries_the_assessments_currency(demo_run: Analysis) -> None:
    page = markdown(demo_run)
    assert "¥" in page and "$" not in page and " money" not in page
    assert dict(numbers(demo_run))["Cash at the start"].startswith("¥")


def test_the_cash_low_point_never_contradicts_the_start(demo_run: Analysis) -> None:
    s = demo_run.result.summary
    assert s.cash_low <= s.cash_start
    rows = dict(numbers(demo_run))
    if s.cash_low_day == 0:
        assert rows["Cash low point"] == f"{money(s.cash_start, 'CNY')} (at the start)"


def test_a_run_below_normal_is_never_headed_as_a_surge(demo_setup) -> None:  # type: ignore[no-untyped-def]
    half = analyse(demo_setup, scenario_from_preset("tv_spot", multiplier=0.5))
    page = markdown(half)
    assert page.startswith("# Shortfall test: National TV spot")
    assert "0.5× normal" in page and "Surge test" not in page


def test_every_assumption_is_flagged_and_the_verdict_names_the_one_that_matters_most(demo_setup) -> None:  # type: ignore[no-untyped-def]
    a = analyse(demo_setup, "tv_spot")
    flagged = a.flagged
    assert flagged and all(x.source == "assumption" and x.applies for x in flagged)
    page = markdown(a)
    assert f"Assumed, not answered ({len(flagged)})" in page
    for x in flagged:
        assert f"| ⚑ {x.label} |" in page
    top = a.most_sensitive
    assert top is not None and top.label.lower() in a.verdict()[-1]
    assert a.verdict()[-1].startswith(f"Rests on {len(flagged)} assumptions")


def test_answered_inputs_say_so() -> None:
    from readiness.surge import KNOBS

    setup = setup_from_values({k.name: k.default for k in KNOBS.values()}, kind="services")
    assert analyse(setup, "viral_post").verdict()[-1] == "Every input comes from your answers."


def test_currency_codes() -> None:
    assert check_currency(None) == "USD" and check_currency(" eur ") == "EUR"
    assert money(-5000, "CNY") == "-¥5,000" and money(1200, "CHF") == "CHF 1,200" and money(-0.2, "GBP") == "£0"
    with pytest.raises(CurrencyError, match="three letters"):
        check_currency("EURO")


# --- the command line ---------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readiness", "surge", *args], capture_output=True, text=True, timeout=120
    )


def test_surge_cli_reads_an_answers_file_and_flags_assumptions() -> None:
    out = run(str(DEMO), "--scenario", "retail_contract", "--currency", "GBP")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("# Frost & Co Ice Cream (demo)\n")
    assert "**Surge test: Retail chain contract**" in out.stdout and "£" in out.stdout and "⚑" in out.stdout
    data = json.loads(run(str(DEMO), "--format", "json", "--multiplier", "4", "--days", "30").stdout)
    assert data["scenario"]["multiplier"] == 4 and data["scenario"]["days"] == 30
    assert {a["source"] for a in data["assumptions"]} >= {"answer", "assumption"}
    assert (
        len(data["verdict"]) <= 3 and data["what_if"] and set(data["policies"]) == {"never", "cautious", "aggressive"}
    )


def test_surge_cli_heads_a_shortfall_as_one() -> None:
    out = run(str(DEMO), "--multiplier", "0.5")
    assert out.returncode == 0 and "**Shortfall test: National TV spot**" in out.stdout
    assert "Surge test" not in out.stdout
    padded = run(str(DEMO), "--scenario", "padded_forecast", "--padding", "50", "--format", "json")
    assert json.loads(padded.stdout)["heading"] == "Shortfall test: Padded forecast"


def test_wrong_usage_exits_2_and_says_what_would_be_right() -> None:
    bad = run(str(DEMO), "--scenario", "tv-spot")
    assert bad.returncode == 2 and "did you mean 'tv_spot'" in bad.stderr and "Traceback" not in bad.stderr
    for args in (["--scenario", "meteor"], ["--multiplier", "-2"], ["--currency", "EURO"], ["--policy", "bold"]):
        result = run(str(DEMO), *args)
        assert result.returncode == 2 and "Traceback" not in result.stderr, args


def test_named_values_and_a_broken_file(tmp_path: Path) -> None:
    values = tmp_path / "inputs.yaml"
    values.write_text("orders_per_day: 50\nkind: services\nwaiting_list_weeks: 4\n")
    out = run(str(values), "--scenario", "viral_post")
    assert out.returncode == 0 and "waiting list" in out.stdout.lower()
    values.write_text("orders_per_day: 50\nkind: robots\n")
    broken = run(str(values))
    assert broken.returncode == 1 and "kind of business" in broken.stderr and "Traceback" not in broken.stderr


def test_cli_help_lists_every_preset() -> None:
    help_text = run("--help").stdout
    flat = " ".join(help_text.split())
    for key in PRESETS:
        assert key in flat, key


def test_a_known_event_in_the_answers_becomes_a_scenario(tmp_path: Path) -> None:
    from readiness.surge import KNOWN_EVENT, known_event

    setup = setup_from_values({"event_multiple": 6, "event_weeks": 3})
    event = known_event(setup.values())
    assert event is not None and (event.multiplier, event.start_day, event.expected) == (6, 22, True)
    assert event.heading() == "Surge test: Your event ahead"
    assert known_event(setup_from_values({}).values()) is None
    assert not any(a.flagged for a in setup.assumptions if a.name.startswith("event_"))
    values = tmp_path / "event.yaml"
    values.write_text("orders_per_day: 40\nevent_multiple: 6\nevent_weeks: 3\n")
    out = run(str(values), "--scenario", KNOWN_EVENT)
    assert out.returncode == 0 and "**Surge test: Your event ahead**" not in out.stdout
    assert out.stdout.startswith("# Surge test: Your event ahead")
    values.write_text("orders_per_day: 40\n")
    none = run(str(values), "--scenario", KNOWN_EVENT)
    assert none.returncode == 1 and "no known event" in none.stderr


@pytest.mark.parametrize(
    ("step", "allowed"),
    [
        ("stock", {"capacity.supply", "process.stock_and_suppliers", "process.planning"}),
        ("cash", {"capacity.cash"}),
        ("website", {"technology.online_front"}),
    ],
)
def test_the_findings_beside_a_bottleneck_are_about_that_part(step: str, allowed: set[str]) -> None:
    """'Fix first: build stock' lists stock and supplier findings, not cash (the capacity dimension holds both)."""
    from readiness import score
    from readiness.surge.words import related_findings

    questionnaire = load_questionnaire(DEMO_QUESTIONNAIRE)
    answers, _ = load_answers(questionnaire, DEMO_ANSWERS)
    result = score(questionnaire, answers)
    area_of = {q.id: f"{q.dimension}.{q.area}" for q in result.questions}
    found = related_findings(result, step)
    assert found, f"the demo has findings about {step}"
    assert {area_of[f.question_id] for f in found} <= allowed


def test_a_plural_step_runs_short_in_the_plural() -> None:
    """QA: "Your people's hours runs short on day 1"."""
    from types import SimpleNamespace

    from readiness.surge import words

    people = SimpleNamespace(step="people", day=1)
    summary = SimpleNamespace(breaks=[people], lost=0.0, lost_website=0.0, normal_wait=0, peak_wait=3)
    analysis = SimpleNamespace(result=SimpleNamespace(summary=summary, due_day=1), fix_first=None)
    line = words._break_line(analysis)
    assert line.endswith("hours run short on day 1."), line


def test_a_slow_fall_in_cash_is_not_projected_years_ahead_to_a_day() -> None:
    """A browser pass read "at this rate it runs out around day 4401", twelve years past a run of 425 days,
    as the model's forecast. Within a year of the run's end the day is said; beyond, only that it lasts."""
    from readiness.surge import analyse, setup_from_values
    from readiness.surge.words import numbers

    near = analyse(setup_from_values({"orders_per_day": 20}), "lost_contract")
    assert "runs out around day 303" in near.verdict()[0]
    far = analyse(setup_from_values({"orders_per_day": 20, "cash_weeks": 200}), "lost_contract")
    said = far.verdict()[0]
    assert "still falling" in said and "lasts more than a year after the run ends" in said
    assert "around day" not in said
    assert dict(numbers(far))["Cash runs out"] == "not within a year of the run's end"


def test_orders_lost_are_counted_in_whole_orders() -> None:
    """A browser pass read "Loses 3.2 of 55,560 orders" and an "Orders lost" of 3.2: a total of customers is
    said in whole orders; a rate (orders a day) keeps its decimal."""
    from readiness.surge.formatting import count, orders

    assert (orders(3.2), orders(0.4), orders(12_345.6)) == ("3", "0", "12,346")
    assert count(7.5) == "7.5"


def test_each_step_has_a_short_name_that_fits_a_metric() -> None:
    """A browser pass saw "First to run short: People's ho…": the metric's value is the step's short name,
    cut past about ten characters in a quarter of a laptop's page."""
    from readiness.surge import RESOURCES

    assert all(r.short and len(r.short) <= 10 for r in RESOURCES.values()), [r.short for r in RESOURCES.values()]


def test_a_run_whose_cash_is_still_falling_is_not_said_to_cope_in_its_tables() -> None:
    """A browser pass read "copes" in the what-if table of a lost contract whose cash the verdict above says
    runs out after the run. Its outcome reads "cash still falling" in the figures and in every what-if row whose
    cash is lowest on its last day; a run whose cash recovers still copes."""
    from readiness.surge import analyse, setup_from_values
    from readiness.surge.words import numbers, what_if_table

    lost = analyse(setup_from_values({"orders_per_day": 20}), "lost_contract")
    assert "still falling" in lost.verdict()[0]
    assert dict(numbers(lost))["Outcome"] == "cash still falling"
    rows = what_if_table(lost)
    assert rows[0]["Change"] == "As it is" and rows[0]["Outcome"] == "cash still falling"
    assert all(r["Outcome"] != "copes" for r in rows)
    season = analyse(setup_from_values({"orders_per_day": 5}), "failed_season")
    assert "still falling" not in season.verdict()[0]
    assert dict(numbers(season))["Outcome"] == "copes" and what_if_table(season)[0]["Outcome"] == "copes"


def test_a_step_short_that_costs_nothing_says_so() -> None:
    """A browser pass read "Materials run short on day 254" beside "No order is lost or waits longer than usual"
    behind a 365-day queue as a contradiction: the shortage is said with what it costs, nothing."""
    from types import SimpleNamespace

    from readiness.surge import words

    materials = SimpleNamespace(step="materials", day=254)
    summary = SimpleNamespace(breaks=[materials], lost=0.0, lost_website=0.0, normal_wait=365, peak_wait=365)
    analysis = SimpleNamespace(result=SimpleNamespace(summary=summary, due_day=366), fix_first=None)
    assert words._break_line(analysis) == "Materials run short on day 254. It costs no order and no longer wait."
    summary.lost, summary.peak_wait = 12.0, 380  # a shortage that loses orders says nothing of the kind
    assert "costs no order" not in words._break_line(analysis)


def test_orders_lost_behind_a_waiting_list_leave_the_rest_waiting_no_longer_than_usual() -> None:
    """ "The rest wait the usual 112 days" read wrong beside a wait chart that dips below it during the season:
    no order waits longer, some wait less."""
    from readiness.surge import analyse, setup_from_values

    line = analyse(setup_from_values({"orders_per_day": 20, "waiting_list_weeks": 16}), "tv_spot").verdict()[0]
    assert "the rest wait no longer than the usual 112 days" in line, line
