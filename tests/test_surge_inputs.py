"""Surge inputs: answers and named values become knobs, knobs become the model's inputs, defaults are flagged."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from typing import Any

import pytest

from readiness import QuestionnaireError, load_answers, load_questionnaire, parse_questionnaire
from readiness.answers import Answer, answers_from_pairs
from readiness.demo import DEMO_ANSWERS, DEMO_QUESTIONNAIRE
from readiness.errors import CATALOGUE, SurgeInputError
from readiness.model import SURGE_INPUT_NAMES, NumberQuestion, Questionnaire
from readiness.surge import (
    KNOBS,
    PRESETS,
    RESOURCES,
    edit_assumptions,
    inputs_from_answers,
    inputs_from_document,
    inputs_from_values,
    parse_inputs,
    setup_from_answers,
    setup_from_values,
)

from .casework import case_answers, with_values
from .conftest import HEADER, ROOT


@pytest.fixture(scope="module")
def growth() -> Questionnaire:
    return load_questionnaire(DEMO_QUESTIONNAIRE)


def by_name(assumptions: Any) -> dict[str, Any]:
    return {a.name: a for a in assumptions}


def test_a_partial_assessment_marks_everything_else_as_assumptions(growth: Questionnaire) -> None:
    answers = answers_from_pairs(
        growth,
        [
            ("business_type", "goods"),
            ("utilization", 80),
            ("surge_detail", True),  # orders a day is one of the figures behind the gate (v2.1)
            ("normal_orders_per_day", 200),
            ("stock_cover", "na"),
        ],
    )
    inputs, assumptions = inputs_from_answers(growth, answers)
    found = by_name(assumptions)
    assert [a.name for a in assumptions] == list(KNOBS)
    assert {n for n, a in found.items() if a.source == "answer"} == {"utilization", "orders_per_day", "stock_days"}
    assert found["utilization"].question_id == "utilization" and found["utilization"].value == 80
    assert found["stock_days"].value is None and "not applicable" in found["stock_days"].note
    assert found["cash_weeks"].flagged and found["cash_weeks"].value == KNOBS["cash_weeks"].default
    assert "unanswered" in found["cash_weeks"].note
    assert found["materials_days"].note == "assumed: no question asks this"
    # a goods business: no customer service step, so its knobs are neither used nor flagged
    assert not found["service_multiple"].applies and not found["service_multiple"].flagged
    assert inputs.kind == "goods" and inputs.orders_per_day == 200
    assert inputs.making == pytest.approx(250)  # 200 ÷ 80%
    assert not inputs.make_to_stock and inputs.stock == 0  # made to order: no finished stock


def test_dont_know_on_the_website_peak_is_a_flagged_assumption_not_a_silent_default(growth: Questionnaire) -> None:
    answers = {
        "business_type": Answer("business_type", "value", "services"),
        "website_peak": Answer("website_peak", "dont_know", None),
        "online_order_share": Answer("online_order_share", "value", 40.0),
        "stock_cover": Answer("stock_cover", "value", 3.0),  # hidden for services: not used
    }
    setup = setup_from_answers(growth, answers)
    found = by_name(setup.assumptions)
    assert found["website_multiple"].flagged and "don't know" in found["website_multiple"].note
    assert "website_multiple" in {a.name for a in setup.flagged}
    inputs = setup.inputs()
    assert inputs.website == pytest.approx(3 * 0.4 * inputs.orders_per_day)  # the default, on the online orders
    assert not found["stock_days"].applies and inputs.kind == "services" and inputs.materials is None


def test_a_walk_in_business_has_no_website_step(growth: Questionnaire) -> None:
    answers = answers_from_pairs(growth, [("business_type", "goods"), ("online_order_share", 0)])
    setup = setup_from_answers(growth, answers)
    found = by_name(setup.assumptions)
    assert not found["website_multiple"].applies and not found["website_upgrade_days"].applies
    assert not setup.inputs().online
    peak_na = answers_from_pairs(growth, [("business_type", "services"), ("website_peak", "na")])
    assert not setup_from_answers(growth, peak_na).inputs().online


def test_a_waiting_list_means_patient_customers_unless_answered() -> None:
    setup = setup_from_values({"waiting_list_weeks": 12})
    found = by_name(setup.assumptions)
    assert found["patience_days"].value == 84 and found["patience_days"].flagged
    assert found["wait_share"].value == 90 and "waiting list" in found["wait_share"].note
    inputs = setup.inputs()
    assert (inputs.waiting_list_days, inputs.patience_days, inputs.wait_share) == (84, 84, 0.9)
    answered = setup_from_values({"waiting_list_weeks": 12, "patience_days": 5})
    assert answered.inputs().patience_days == 5


def test_software_is_assumed_to_sell_online(growth: Questionnaire) -> None:
    setup = setup_from_values({}, kind="software")
    online = by_name(setup.assumptions)["online_share"]
    assert online.value == 100 and online.flagged and "software" in online.note
    inputs = setup.inputs()
    assert inputs.online_share == 1 and inputs.service is not None and not inputs.goods


def test_the_kind_of_business_comes_from_the_answers_or_the_start_form(growth: Questionnaire) -> None:
    assert setup_from_answers(growth, {}).kind == "goods"  # not answered: the documented default
    assert setup_from_answers(growth, {}, kind="services").kind == "services"
    answers = answers_from_pairs(growth, [("business_type", "both")])
    assert setup_from_answers(growth, answers, kind="services").kind == "both"  # the answer wins


def test_zero_orders_a_day_cannot_size_the_test(growth: Questionnaire) -> None:
    answers = answers_from_pairs(growth, [("surge_detail", True), ("normal_orders_per_day", 0)])
    inputs, assumptions = inputs_from_answers(growth, answers)
    orders = by_name(assumptions)["orders_per_day"]
    assert orders.source == "assumption" and "cannot" in orders.note
    assert inputs.orders_per_day == KNOBS["orders_per_day"].default
    with pytest.raises(SurgeInputError, match="above 0"):
        inputs_from_values({"orders_per_day": 0})


def test_derived_inputs_follow_the_documented_rules() -> None:
    inputs, _ = inputs_from_values(
        {
            "orders_per_day": 100,
            "order_value": 20,
            "gross_margin": 60,
            "net_margin": 5,
            "cash_weeks": 2,
            "utilization": 80,
            "peak_multiple": 1.5,
            "weeks_to_double": 8,
            "stock_days": 7,
            "materials_days": 5,
            "online_share": 50,
            "website_multiple": 3,
            "setup_weeks": 8,
        },
        kind="goods",
    )
    assert (inputs.price, inputs.unit_cost) == (20, 8)
    assert inputs.fixed_cost_per_day == pytest.approx(100 * 12 - 100 * 20 * 0.05)  # leaves 5% of sales as profit
    assert inputs.cash == pytest.approx(14 * (inputs.fixed_cost_per_day + 800))  # two weeks of normal outgoings
    assert inputs.making == pytest.approx(125)
    levers = inputs.levers
    assert levers.overtime.capacity == pytest.approx(150 - 125) and levers.overtime.cost_per_order == 2
    assert levers.expand.capacity == pytest.approx(125) and levers.expand.lead_days == 56
    share = 0.6 * inputs.fixed_cost_per_day / 125  # production's share of fixed costs per order a day
    assert levers.expand.cost_per_day == pytest.approx(share * 125)  # doubling costs that share again
    assert levers.expand.upfront == pytest.approx(8 * 7 * share * 125) and levers.expand.commit_days == 365
    assert levers.partner.capacity == 50 and levers.partner.cost_per_order == 5
    assert (inputs.stock, inputs.materials, inputs.batch_days) == (700, 500, 7)
    assert inputs.online_share == 0.5 and inputs.website == pytest.approx(150)
    assert inputs.service is None  # goods: no customer service step


def test_edited_assumptions_are_marked_and_change_the_inputs() -> None:
    setup = setup_from_values({"utilization": 90})
    edited = setup.edit({"patience_days": 2, "utilization": 90})
    found = by_name(edited.assumptions)
    assert found["patience_days"].source == "edited" and found["utilization"].source == "answer"
    assert edited.inputs().patience_days == 2 and not found["patience_days"].flagged
    assert setup.edit({}, kind="services").inputs().kind == "services"
    with pytest.raises(SurgeInputError, match="did you mean `patience_days`"):
        edit_assumptions(setup.assumptions, {"patience": 2})
    with pytest.raises(SurgeInputError, match="negative"):
        edit_assumptions(setup.assumptions, {"patience_days": -1})
    with pytest.raises(SurgeInputError, match="needs a number"):
        edit_assumptions(setup.assumptions, {"utilization": None})
    with pytest.raises(SurgeInputError, match="percentage"):
        edit_assumptions(setup.assumptions, {"gross_margin": 140})


def test_inputs_documents_answers_files_and_named_values_all_work(growth: Questionnaire) -> None:
    from_answers, assumptions = inputs_from_document({"answers": {"utilization": 50, "business_type": "goods"}}, growth)
    assert from_answers.making == pytest.approx(100) and assumptions
    named, _ = inputs_from_document({"orders_per_day": 7, "kind": "services"})
    assert named.orders_per_day == 7 and named.kind == "services"
    full, none = inputs_from_document(named.model_dump())
    assert full == named and none == []
    with pytest.raises(SurgeInputError, match="questionnaire"):
        inputs_from_document({"answers": {}})
    with pytest.raises(SurgeInputError, match="making"):
        parse_inputs({**named.model_dump(), "making": -1})
    with pytest.raises(SurgeInputError, match="unknown surge input `order_per_day`"):
        inputs_from_document({"order_per_day": 7})
    with pytest.raises(SurgeInputError, match="kind of business"):
        inputs_from_document({"kind": "robots"})


def test_the_demo_ice_cream_maker_is_read_from_its_answers(growth: Questionnaire) -> None:
    answers, _ = load_answers(growth, DEMO_ANSWERS)
    setup = setup_from_answers(growth, answers)
    found = by_name(setup.assumptions)
    assert setup.kind == "goods"
    assert {n for n, a in found.items() if a.source == "answer"} >= {
        "orders_per_day",
        "utilization",
        "weeks_to_double",
        "stock_days",
        "website_multiple",
        "cash_weeks",
    }
    assert found["patience_days"].value == 3 and found["online_share"].value == 25  # the surge facts it answers
    assert found["materials_days"].flagged and found["partner_lead_days"].flagged  # no question asks these


# --- the questionnaire format ---------------------------------------------------------------


def test_surge_inputs_are_checked_when_a_questionnaire_loads(inline: Callable[[str], Questionnaire]) -> None:
    number = """
        - id: busy
          dimension: ops
          type: number
          surge_input: {name}
          unit: "%"
          help: How busy.
          text: How busy?
          weight: {weight}
          bands: [{{score: 1, label: Any}}]
        - {{id: demand_q, dimension: demand, type: yes_no, text: Ads?}}
    """
    assert inline(number.format(name="utilization", weight=1)).question("busy").surge_input == "utilization"
    with pytest.raises(QuestionnaireError) as info:
        inline(number.format(name="utilisation", weight=1))
    (problem,) = info.value.errors
    assert problem.code == "RQ219" and "did you mean `utilization`" in problem.message
    with pytest.raises(QuestionnaireError) as info:
        inline("- {id: q, dimension: ops, type: yes_no, text: Q?, surge_input: utilization}\n")
    assert [p.code for p in info.value.errors] == ["RQ219"]


def test_an_unscored_surge_input_is_not_a_zero_weight_warning() -> None:
    questions = """
        - {id: orders, dimension: ops, type: number, weight: 0, surge_input: orders_per_day, text: Orders?,
           bands: [{score: 1, label: Any}]}
        - {id: other, dimension: ops, type: number, weight: 0, text: Other?, bands: [{score: 1, label: Any}]}
        - {id: demand_q, dimension: demand, type: yes_no, text: Ads?}
    """
    text = textwrap.dedent(HEADER) + "questions:\n" + textwrap.indent(textwrap.dedent(questions), "  ")
    warnings = parse_questionnaire(text, "inline.yaml").warnings
    assert [(w.code, w.path) for w in warnings] == [("RQ301", "questions[1].weight")]
    assert CATALOGUE["RQ219"].title == "invalid surge input"


def test_the_shipped_questionnaires_ask_what_the_surge_model_needs(growth: Questionnaire) -> None:
    assert tuple(KNOBS) == SURGE_INPUT_NAMES
    marked = {q.surge_input: q for q in growth.questions if isinstance(q, NumberQuestion) and q.surge_input}
    # the facts issue 14 found missing: customer service, patience, supplier lead time, margin, online share
    assert set(marked) >= {
        "orders_per_day",
        "order_value",
        "gross_margin",
        "net_margin",
        "payment_days",
        "supplier_payment_days",
        "cash_weeks",
        "utilization",
        "peak_multiple",
        "weeks_to_double",
        "weeks_to_productive",
        "stock_days",
        "supplier_lead_days",
        "batch_days",
        "shelf_days",
        "online_share",
        "website_multiple",
        "service_multiple",
        "patience_days",
        "wait_share",
    }
    added = ("net_margin", "supplier_payment_days", "batch_days", "shelf_days")
    for name in (*added, "online_share", "service_multiple", "patience_days", "wait_share"):
        q = marked[name]  # facts for the surge test: a unit, bands that read as anchors, no score
        assert q.unit and len(q.bands) >= 3 and q.weight == 0 and q.dont_know_advice, name
    for name in ("gross_margin", "supplier_lead_days", "payment_days"):
        q = marked[name]  # facts that are also readiness measures (issue 13): scored, with advice
        assert q.unit and len(q.bands) >= 3 and q.weight > 0 and q.recommendations and q.dont_know_advice, name
    quick = load_questionnaire(ROOT / "questionnaires" / "quick-check.yaml")
    assert {q.surge_input for q in quick.questions if q.surge_input} >= {"utilization", "cash_weeks"}


def test_every_input_preset_and_resource_is_documented() -> None:
    surge_doc = (ROOT / "docs" / "surge.md").read_text()
    format_doc = (ROOT / "docs" / "questionnaire-format.md").read_text()
    for name in KNOBS:
        assert f"`{name}`" in surge_doc and f"`{name}`" in format_doc, name
    for key in PRESETS:
        assert f"`{key}`" in surge_doc, key
    for key, resource in RESOURCES.items():
        assert resource.dimensions and resource.label in surge_doc, key


def test_the_surge_engine_does_not_import_ui_modules() -> None:
    code = (
        "import sys, readiness.surge;"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in {'streamlit', 'altair', 'pandas'})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_a_value_past_what_the_model_runs_is_refused_when_typed_and_said_when_answered(growth: Questionnaire) -> None:
    """A browser pass typed a waiting list of 1e12 weeks and a busiest step at 250%: both ran, the first quietly cut
    to a year ("wait no longer than the usual 365 days"). Typed, such a value is refused with the limit; answered
    (the questionnaire allows a backlog of up to 520 weeks), it runs at the model's longest and the note says so."""
    base = setup_from_values({})
    for name, value, words in (
        ("waiting_list_weeks", 1e12, "at most 52 weeks, not 1,000,000,000,000"),
        ("utilization", 250, "at most 200%, not 250"),
        ("payment_days", 5000, "at most 3,650 days, not 5,000"),
    ):
        with pytest.raises(SurgeInputError, match=re.escape(words)):
            base.edit({name: value}).inputs()
    assert base.edit({"utilization": 200}).inputs().making > 0  # a step on overtime, as the questionnaire asks
    answers = with_values(case_answers(growth, "ashgrove-joinery-waiting-list"), backlog_weeks=60)
    setup = setup_from_answers(growth, answers)
    waiting = by_name(setup.assumptions)["waiting_list_weeks"]
    assert waiting.value == 52 and "(60), run as 52 weeks, the most the model runs" in waiting.note
    assert setup.inputs().waiting_list_days == 364


def test_a_refused_input_reads_in_the_forms_words_on_a_page_and_by_its_id_in_a_file() -> None:
    """The surge page shows refusals beside labelled fields, so they name the label ("Gross margin"); the CLI and
    an inputs file are typed by id, so there the id leads. The page once rewrote the message with a regular
    expression, which would have shown raw ids the day a message was worded differently."""
    base = setup_from_values({})
    for name, value, plain in (
        ("gross_margin", 150, "Gross margin is a percentage: at most 100, not 150"),
        ("patience_days", -1, "Customer patience cannot be negative (-1)"),
        ("utilization", 250, "How busy the busiest step is: at most 200%, not 250"),
        ("orders_per_day", 0, "Normal orders per day must be above 0"),
    ):
        with pytest.raises(SurgeInputError) as info:
            base.edit({name: value}).inputs()
        assert info.value.plain == plain
        assert str(info.value) == plain.replace(KNOBS[name].label, f"`{name}` ({KNOBS[name].label})", 1)
