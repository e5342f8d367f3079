"""Calibration: written business cases must get the verdict an expert wrote down before the tool ran.

Each file in tests/cases/ holds a business, its answers and ``expect:`` (never edited to match the
tool). What each expectation means, exactly (also in docs/scoring.md, "Calibration"):

* ``quadrant``: the balance verdict (``not_placed`` when a dimension has too few real answers).
* ``weakest``: the weakest-link dimension the balance names; a list means any of them is right.
* ``first_fixes``: three entries, each a question id or a list of acceptable ids. The first three
  findings must match them one to one, in any order: each entry is matched by a distinct one of
  the first three findings.
* ``must_not_advise``: ``questions`` appear in no finding and no action of the plan (the
  30/60/90-day periods and the backlog); ``phrases`` (case-insensitive) appear in no advice of any
  finding and no action of the plan.
"""

from __future__ import annotations

from functools import cache
from itertools import permutations
from pathlib import Path
from typing import Any

import pytest
import yaml

from readiness import score
from readiness.answers import parse_answers
from readiness.loader import load_questionnaire
from readiness.scoring import ScoreResult

from .conftest import ROOT

CASES = sorted((ROOT / "tests" / "cases").glob("*.yaml"))


@cache
def run_case(path: Path) -> tuple[dict[str, Any], ScoreResult]:
    """The case's expectation and its score, computed once per test run: each case is checked four ways here
    and read again by other modules, and a score is a frozen result nobody mutates."""
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    questionnaire = load_questionnaire(ROOT / "questionnaires" / f"{case['questionnaire']}.yaml")
    payload = {k: case[k] for k in ("questionnaire", "profile", "answers") if k in case}
    answers, problems = parse_answers(questionnaire, payload, str(path))
    assert not problems, [str(p) for p in problems]  # every case answer must load cleanly
    return case["expect"], score(questionnaire, answers)


def _options(entry: str | list[str]) -> set[str]:
    return {entry} if isinstance(entry, str) else set(entry)


def first_fixes_match(expected: list[str | list[str]], found: list[str]) -> bool:
    """Each expected entry is matched by a distinct one of the first len(expected) findings."""
    lead = found[: len(expected)]
    if len(lead) < len(expected):
        return False
    return any(all(q in _options(e) for q, e in zip(order, expected, strict=True)) for order in permutations(lead))


def advised(result: ScoreResult) -> tuple[set[str], list[str]]:
    """(question ids, advice texts) of every finding and every plan action, backlog included."""
    questions = {f.question_id for f in result.findings}
    texts = [a.text for f in result.findings for a in f.recommendations]
    actions = [*result.plan.actions, *result.plan.backlog]
    questions |= {a.question_id for a in actions}
    texts += [a.text for a in actions]
    return questions, texts


#: Expectations the rules do not meet yet, each with why (also in the issue 11 report). strict: a pass is news.
KNOWN_MISSES = {
    # --- Round 46 held back (eight cases by two consultants who never saw the tool's output, the declaration or
    # the candidate: small firms with room standing idle and a few weeks to three months of cash). Run once on
    # 2026-12-03 on 2.4.24 and on "the cash a short runway names weighs in full" (the findings of the area a
    # runway-named weakest link names get a kind-of-pressure factor of at least 1): the same 8 of 8 quadrants, 6
    # weakest links, 1 first-fix set, 7 clean, 12 fixes in three and 4 of 7 steps; 15 fixes in five against 14 (a
    # linen-hire laundry's cash forecast, first for its expert, moved from third to first and its costing into the
    # five). Adopted as neutral by its terms (nothing worse); these are the adopted rule's misses.
    ("fancy-dress-shop-with-padded-halloween-stock", "first_fixes"): (
        "round 46's rule (a seen case): its cash weighs in full and comes third, after its stock and its "
        "suppliers, both cash fixes for its expert; the expert's second, its forecasts, falls to fifth"
    ),
    ("bersham-laser-fold-wrexham-slow-payer-enclosure-contract", "first_fixes"): (
        "round 46, first run: first findings ['campaigns_planned', 'cash_runway', 'key_person_cover', "
        "'reach', 'payment_days']; the expert's first three [['payment_days', 'cash_runway'], "
        "['unit_economics', 'gross_margin', 'pricing_lever'], ['growth_funding', 'kpi_review', "
        "'sop_meeting']]"
    ),
    ("porth-linen-pwllheli-unpriced-packs-care-homes", "first_fixes"): (
        "round 46, first run: first findings ['cash_runway', 'campaigns_planned', 'promises_match', 'reach', "
        "'unit_economics']; the expert's first three [['cash_runway', 'growth_funding'], ['unit_economics', "
        "'gross_margin'], ['pricing_lever', 'plan_changes']]"
    ),
    ("porth-linen-pwllheli-unpriced-packs-care-homes", "must_not_advise"): (
        "round 46, first run: advised ['campaigns_planned', 'reach'], which the expert ruled out"
    ),
    ("venn-architects-exeter-lost-housebuilder-owner-never-sells", "first_fixes"): (
        "round 46, first run: first findings ['key_person_cover', 'campaigns_planned', 'owner_in_sales', "
        "'reach', 'cash_runway']; the expert's first three [['payment_days', 'cash_runway'], "
        "['owner_time_split', 'pipeline_visibility'], ['owner_in_sales', 'key_person_cover', "
        "'quarterly_priorities']]"
    ),
    ("brackaville-steel-coalisland-slow-payers-idle-beam-line", "first_fixes"): (
        "round 46, first run: first findings ['cash_runway', 'supplier_payment', 'payment_days', "
        "'unit_economics', 'growth_funding']; the expert's first three [['payment_days', 'automation', "
        "'clear_roles'], ['cash_runway', 'supplier_payment', 'contingency_plans'], ['unit_economics', "
        "'gross_margin', 'pricing_lever']]"
    ),
    ("girdle-ness-inspection-aberdeen-lost-frame-agreement", "first_fixes"): (
        "round 46, first run: first findings ['campaigns_planned', 'key_person_cover', 'cash_runway', "
        "'reach', 'payment_days']; the expert's first three [['key_person_cover', 'clear_roles', "
        "'contingency_plans'], ['owner_in_sales', 'pipeline_visibility', 'owner_time_split', "
        "'demand_channels'], ['staff_turnover', 'bottleneck_known', 'weeks_to_productive', 'extra_hands']]"
    ),
    ("long-walk-english-galway-broken-homestay-promises", "weakest"): (
        "round 46, first run: named capacity (cash); the expert names demand_management"
    ),
    ("long-walk-english-galway-broken-homestay-promises", "first_fixes"): (
        "round 46, first run: first findings ['cash_runway', 'campaigns_planned', 'growth_funding', 'reach', "
        "'return_rate']; the expert's first three [['promises_match', 'when_full', 'promise_kept_rate'], "
        "['sop_meeting', 'pipeline_visibility', 'campaigns_with_ops', 'booking_system', 'order_system'], "
        "['cash_runway', 'utilization', 'demand_channels']]"
    ),
    ("slitrig-knitwear-hawick-lost-brand-dead-yarn", "weakest"): (
        "round 46, first run: named process (stock_and_suppliers); the expert names capacity"
    ),
    ("slitrig-knitwear-hawick-lost-brand-dead-yarn", "first_fixes"): (
        "round 46, first run: first findings ['stock_cleanup', 'cash_runway', 'campaigns_planned', "
        "'forecast_bias', 'forecast_accountability']; the expert's first three [['cash_runway', "
        "'contingency_plans', 'kpi_review', 'growth_funding'], ['stock_cleanup', 'stock_cover', "
        "'forecast_accountability', 'plan_changes'], ['owner_time_split', 'owner_in_sales', "
        "'pipeline_visibility', 'demand_channels']]"
    ),
    # --- Round 45 held back (eight cases by two consultants who never saw the tool's output, the declaration or
    # the candidate: quiet or idle firms where the owner or one senior person does tasks nobody else can, and firms
    # with demand building where some key tasks rest on one person). Run once on 2026-12-02 on 2.4.23 and on "key-
    # person cover guards against growth" (key_person_cover gains pressure: growth, so it weighs less in quiet
    # times): the same 8 quadrants, 4 weakest links, 1 first-fix set, 8 clean and 8 steps, but 13 fixes in three
    # against 14 and 17 in five against 18 (an idle office-supplies dealer's expert names key-person cover third).
    # Rejected by its terms; these are 2.4.23's misses.
    ("braeside-botanicals-east-kilbride-chain-listing-weighing-wrapping-machine", "weakest"): (
        "round 45, first run: named team (roles_and_cover); the expert names capacity"
    ),
    ("fellfoot-hound-kendal-dog-coats-tv-feature-in-seven-weeks", "weakest"): (
        "round 45, first run: named team (surge); the expert names capacity"
    ),
    ("fellfoot-hound-kendal-dog-coats-tv-feature-in-seven-weeks", "first_fixes"): (
        "round 45, first run: first findings ['when_full', 'key_person_cover', 'promises_match', 'cash_runway', "
        "'website_spike']; the expert's first three [['when_full', 'promises_match'], ['supplier_lead_time', "
        "'supplier_capacity', 'single_source', 'stock_cover'], ['cash_runway', 'growth_funding']]"
    ),
    ("gower-otters-swim-school-waiting-list-weighing-neath-pool", "first_fixes"): (
        "round 45, first run: first findings ['key_person_cover', 'pricing_lever', 'fulfilment_partner', "
        "'weeks_to_productive', 'supplier_capacity']; the expert's first three [['pricing_lever'], ['utilization', "
        "'weeks_to_double', 'weeks_to_productive', 'extra_hands'], ['key_person_cover', 'clear_roles', "
        "'owner_time_split']]"
    ),
    ("moelwyn-slate-blaenau-idle-engraver-eight-months-of-gifts-weighing-worktop-router", "first_fixes"): (
        "round 45, first run: first findings ['stock_cleanup', 'forecast_bias', 'campaigns_planned', "
        "'forecast_accountability', 'stock_cover']; the expert's first three [['sop_meeting', "
        "'forecast_accountability', 'forecast_bias', 'kpi_review'], ['stock_cleanup', 'stock_cover'], "
        "['owner_in_sales', 'key_person_cover', 'customer_churn']]"
    ),
    ("mourne-removals-newry-flat-moves-only-the-owners-wife-surveys-weighing-belfast-depot", "weakest"): (
        "round 45, first run: named technology (data_and_resilience); the expert names team"
    ),
    ("mourne-removals-newry-flat-moves-only-the-owners-wife-surveys-weighing-belfast-depot", "first_fixes"): (
        "round 45, first run: first findings ['key_person_cover', 'automation', 'contingency_plans', 'return_rate', "
        "'order_process']; the expert's first three [['key_person_cover', 'owner_in_sales'], ['quality_checks', "
        "'return_rate', 'order_process'], ['pricing_lever']]"
    ),
    ("noe-valley-outdoor-centre-hope-half-empty-weekdays-owner-prices-and-pays-trust-offer", "first_fixes"): (
        "round 45, first run: first findings ['campaigns_planned', 'key_person_cover', 'automation', 'reach', "
        "'support_response_hours']; the expert's first three [['unit_economics', 'pricing_lever', 'gross_margin'], "
        "['key_person_cover', 'owner_in_sales'], ['customer_churn', 'campaigns_planned', 'reach', "
        "'pipeline_visibility']]"
    ),
    (
        "taybridge-office-supplies-dundee-half-full-vans-one-buyer-six-weeks-cash-cleaning-range",
        "first_fixes",
    ): (
        "round 45, first run: first findings ['forecast_bias', 'stock_cleanup', 'key_person_cover', "
        "'forecast_accountability', 'campaigns_planned']; the expert's first three [['cash_runway', 'payment_days', "
        "'supplier_payment'], ['unit_economics', 'gross_margin', 'pricing_lever'], ['key_person_cover', 'clear_roles',"
        " 'inventory_system']]"
    ),
    ("tiviot-it-stockport-academy-trust-starting-with-one-engineer-holding-the-keys", "weakest"): (
        "round 45, first run: named capacity (cash); the expert names team"
    ),
    ("tiviot-it-stockport-academy-trust-starting-with-one-engineer-holding-the-keys", "first_fixes"): (
        "round 45, first run: first findings ['key_person_cover', 'owner_in_sales', 'when_full', 'surge_plan', "
        "'promises_match']; the expert's first three [['key_person_cover'], ['surge_plan'], ['when_full', "
        "'promises_match']]"
    ),
    # --- Round 44 held back (eight cases by two consultants who never saw the tool's output, the declaration or
    # the candidate: makers, importers, wholesalers and shops with flat or falling sales and four to thirteen months
    # of stock, on three to fourteen weeks of cash). Run once on 2026-12-02 on 2.4.22 and on "the cash locked in
    # heavy stock names the cash" (balance.idle_link also when cash_runway <= 6 and stock_cover >= 240): alike in
    # every figure (7 of 8 quadrants, 7 weakest links, no first-fix set, 5 clean, 14 fixes in three, 18 in five, 5
    # steps); the branch fired once, naming a stove shop with thirteen months of stock by its cash where its expert
    # accepts Capacity or Process. Adopted by its terms (nothing worse; +3 weakest links on the seen cases).
    ("castle-and-kiln-homeware-padded-forecasts-nine-months-stock-weighing-second-unit", "first_fixes"): (
        "round 44, first run: first findings ['stock_cleanup', 'forecast_bias', 'key_person_cover', "
        "'stock_cover', 'forecast_accountability']; the expert's first three [['forecast_accountability', "
        "'forecast_bias', 'sop_meeting'], ['stock_cleanup', 'stock_cover'], ['kpi_review', 'cash_runway']]"
    ),
    ("hallam-knitwear-lost-biggest-customer-after-buying-yarn-on-its-forecast-weeks-of-cash", "weakest"): (
        "round 44, first run: named process (stock_and_suppliers); the expert names capacity"
    ),
    ("hallam-knitwear-lost-biggest-customer-after-buying-yarn-on-its-forecast-weeks-of-cash", "first_fixes"): (
        "round 44, first run: first findings ['supplier_payment', 'cash_runway', 'stock_cleanup', "
        "'forecast_bias', 'forecast_accountability']; the expert's first three [['cash_runway', "
        "'supplier_payment'], ['stock_cleanup', 'stock_cover'], ['unit_economics', 'gross_margin', "
        "'plan_changes', 'forecast_accountability']]"
    ),
    ("shah-haberdashery-range-doubled-flat-sales-offered-danish-yarn-brand", "first_fixes"): (
        "round 44, first run: first findings ['stock_cleanup', 'forecast_accountability', 'supplier_lead_time',"
        " 'stock_cover', 'plan_changes']; the expert's first three [['stock_cleanup', 'stock_cover'], "
        "['forecast_accountability', 'forecast_bias'], ['unit_economics', 'pricing_lever']]"
    ),
    ("coquet-valley-oak-lost-department-store-eight-months-stock-three-weeks-cash-weighing-showroom", "first_fixes"): (
        "round 44, first run: first findings ['cash_runway', 'supplier_payment', 'stock_cleanup', "
        "'campaigns_planned', 'stock_cover']; the expert's first three [['cash_runway', 'supplier_payment'], "
        "['stock_cover', 'stock_cleanup'], ['demand_channels', 'campaigns_planned', 'reach', "
        "'owner_time_split', 'owner_in_sales']]"
    ),
    (
        "ridings-garden-supply-wet-season-padded-rep-forecasts-six-months-stock-containers-due-weighing-import-loan",
        "quadrant",
    ): (
        "round 44, first run: read as idle_capacity (pressure 27, link 48, weakest process); the expert reads "
        "foundation"
    ),
    (
        "ridings-garden-supply-wet-season-padded-rep-forecasts-six-months-stock-containers-due-weighing-import-loan",
        "first_fixes",
    ): (
        "round 44, first run: first findings ['cash_runway', 'payment_days', 'key_person_cover', "
        "'growth_funding', 'supplier_payment']; the expert's first three [['forecast_bias', "
        "'forecast_accountability', 'sop_meeting', 'supplier_lead_time'], ['cash_runway', 'growth_funding', "
        "'supplier_payment'], ['stock_cleanup', 'stock_cover']]"
    ),
    (
        "vannucci-foods-well-run-italian-food-distributor-four-months-stock-after-pre-buy-and-shrinking-restaurant-trade-bidding-for-pizza-group",
        "first_fixes",
    ): (
        "round 44, first run: first findings ['stock_cover', 'forecast_bias', 'supplier_lead_time', "
        "'cash_runway', 'plan_changes']; the expert's first three [['unit_economics', 'pricing_lever', "
        "'payment_days', 'plan_changes'], ['growth_funding', 'cash_runway', 'stock_cover'], ['weeks_to_double',"
        " 'peak_multiple', 'utilization', 'extra_hands', 'fulfilment_partner', 'surge_plan']]"
    ),
    (
        "wherry-lane-distillery-gin-range-grown-to-seventeen-lines-over-a-year-of-stock-weighing-canned-gin-and-tonic",
        "first_fixes",
    ): (
        "round 44, first run: first findings ['stock_cleanup', 'forecast_bias', 'campaigns_planned', "
        "'forecast_accountability', 'stock_cover']; the expert's first three [['stock_cleanup', 'stock_cover', "
        "'unit_economics'], ['forecast_accountability', 'forecast_bias', 'sop_meeting', 'kpi_review'], "
        "['owner_time_split', 'owner_in_sales', 'clear_roles']]"
    ),
    (
        "wherry-lane-distillery-gin-range-grown-to-seventeen-lines-over-a-year-of-stock-weighing-canned-gin-and-tonic",
        "must_not_advise",
    ): ("round 44, first run: advised ['pressure_resilience', 'small buffer'], which the expert rules out"),
    # --- Round 43 held back (eight cases by two consultants who never saw the tool's output, the declaration or
    # the candidate: order books and waiting lists taken earlier while new orders fall, dip, or hold). Run once on
    # 2026-12-02 on 2.4.22 and on "a queue taken earlier leaves the peak" (while balance.falling_backlog holds, the
    # backlog leaves the demand side's peak in the pressure weighed): 6 of 8 quadrants against 5 (a precast maker
    # 92% busy on fourteen weeks of old orders, orders down 38%, now idle as its expert reads), 4 weakest links
    # against 3, 4 clean against 3, 11 fixes in three against 12, the same sets and steps. Adopted (docs/scoring.md
    # §3 and §7, round 43). An oak-frame maker (danger zone before) and a swim school (demand ahead before) moved
    # to idle capacity where their experts read foundations. Kept as found.
    ("calder-bathrooms-22-week-book-broken-start-dates", "weakest"): (
        "held back, round 43; first run: process (planning) is named; the expert names demand_management"
    ),
    ("calder-bathrooms-22-week-book-broken-start-dates", "first_fixes"): (
        "held back, round 43; first run: promises_match, pricing_lever, when_full lead; not among them: "
        "extra_hands or fulfilment_partner or weeks_to_double or weeks_to_productive"
    ),
    ("calder-bathrooms-22-week-book-broken-start-dates", "must_not_advise"): (
        "held back, round 43; first run: advises discount, which the expert rules out"
    ),
    ("nidd-valley-physio-shrinking-list-pilates-line", "weakest"): (
        "held back, round 43; first run: technology (online_front) is named; the expert names capacity"
    ),
    ("nidd-valley-physio-shrinking-list-pilates-line", "first_fixes"): (
        "held back, round 43; first run: utilization, weeks_to_productive, supplier_capacity lead; not among "
        "them: backups or contingency_plans or restore_tested"
    ),
    ("severn-precision-idle-machines-founder-sells", "first_fixes"): (
        "held back, round 43; first run: campaigns_planned, key_person_cover, owner_in_sales lead; not among "
        "them: pipeline_visibility or sop_meeting / gross_margin or pricing_lever or unit_economics"
    ),
    ("wyeside-oak-frames-full-workshop-falling-orders", "quadrant"): (
        "held back, round 43; first run: idle_capacity (demand pressure 13 against a weakest link of 25, "
        "capacity); the expert reads foundation"
    ),
    ("wyeside-oak-frames-full-workshop-falling-orders", "first_fixes"): (
        "held back, round 43; first run: cash_runway, growth_funding, key_person_cover lead; not among them: "
        "kpi_review or pipeline_visibility or sop_meeting / stock_cleanup or stock_cover"
    ),
    ("wyeside-oak-frames-full-workshop-falling-orders", "must_not_advise"): (
        "held back, round 43; first run: advises discount, waiting list, which the expert rules out"
    ),
    ("don-valley-precast-doncaster-working-off-an-old-order-book-weighing-a-casting-line", "first_fixes"): (
        "held back, round 43; first run: cash_runway, payment_days, growth_funding lead; not among them: "
        "kpi_review or pipeline_visibility or sop_meeting / demand_channels or owner_in_sales or owner_time_split"
        " or pricing_lever or unit_economics"
    ),
    ("kingswood-lofts-bristol-promising-16-weeks-against-a-30-week-queue-weighing-a-contracts-manager", "weakest"): (
        "held back, round 43; first run: team (owner_time) is named; the expert names demand_management"
    ),
    (
        "kingswood-lofts-bristol-promising-16-weeks-against-a-30-week-queue-weighing-a-contracts-manager",
        "first_fixes",
    ): (
        "held back, round 43; first run: promises_match, key_person_cover, owner_in_sales lead; not among them: "
        "pricing_lever"
    ),
    (
        "kingswood-lofts-bristol-promising-16-weeks-against-a-30-week-queue-weighing-a-contracts-manager",
        "must_not_advise",
    ): ("held back, round 43; first run: advises discount, which the expert rules out"),
    ("soar-valley-swim-school-loughborough-stale-waiting-list-falling-sign-ups-weighing-a-third-pool", "quadrant"): (
        "held back, round 43; first run: idle_capacity (demand pressure 12 against a weakest link of 26, "
        "technology); the expert reads foundation"
    ),
    ("soar-valley-swim-school-loughborough-stale-waiting-list-falling-sign-ups-weighing-a-third-pool", "first_fixes"): (
        "held back, round 43; first run: automation, order_system, booking_system lead; not among them: "
        "pipeline_visibility or promises_match / clear_roles or key_person_cover"
    ),
    (
        "soar-valley-swim-school-loughborough-stale-waiting-list-falling-sign-ups-weighing-a-third-pool",
        "must_not_advise",
    ): (
        "held back, round 43; first run: advises campaigns_planned, demand_channels, reach, which the expert rules out"
    ),
    ("wensum-dental-laboratory-norwich-flat-work-two-week-bench-weighing-a-dental-group-contract", "weakest"): (
        "held back, round 43; first run: technology (online_front) is named; the expert names team"
    ),
    ("wensum-dental-laboratory-norwich-flat-work-two-week-bench-weighing-a-dental-group-contract", "first_fixes"): (
        "held back, round 43; first run: weeks_to_productive, supplier_capacity, weeks_to_double lead; not among "
        "them: growth_funding or payment_days or promises_match / bottleneck_known or key_person_cover or "
        "sop_meeting or utilization"
    ),
    # Lost to round 43's rule (seen cases, measured before the round):
    ("holloway-precision-redditch-biggest-customer-gone-three-weeks-cash", "quadrant"): (
        "round 43's rule: its order book leaves the peak while orders fall, so it reads idle capacity (demand "
        "pressure 3 against a link of 25); its expert reads a foundation: the room is idle, but three and a half "
        "weeks of cash, a loss each month and quotes from a 2019 rate are a money side that has failed"
    ),
    ("hadley-park-fabrications-powder-line-full-on-last-years-order-regulars-falling", "weakest"): (
        "round 43's rule: now idle as its expert reads, ten weeks of cash and little stock name Capacity's cash "
        "(round 41's rule); its expert names Process: the biggest order was taken with no plan for the "
        "regulars, and the customer's forecasts, 35% high, believed for a year"
    ),
    # --- Round 42 held back (eight cases by two consultants who never saw the tool's output, the declaration or
    # the candidate: idle room while cash covers a few weeks to about ten, light stock or none). Declared before
    # it: "the cash named leads the fixes" (the runway-named part's findings weigh double). Run once on 2026-12-02
    # on 2.4.22 and on the candidate: alike in every check, because in none of the eight did the runway name the
    # link (two already named Capacity, a language school's Technology sat 21 points below it, a laundry's 41),
    # so the candidate was not tested and was left out (docs/scoring.md §7, round 42). Kept as found.
    ("chine-house-english-bournemouth-empty-winter-classrooms", "weakest"): (
        "held back, round 42; first run: technology (online_front) is named; the expert names capacity"
    ),
    ("chine-house-english-bournemouth-empty-winter-classrooms", "first_fixes"): (
        "held back, round 42; first run: cash_runway, campaigns_planned, growth_funding lead; not among them: "
        "demand_channels or utilization / forecast_accountability or forecast_bias or plan_changes"
    ),
    ("holloway-precision-redditch-biggest-customer-gone-three-weeks-cash", "first_fixes"): (
        "held back, round 42; first run: cash_runway, payment_days, growth_funding lead; not among them: "
        "pricing_lever or unit_economics / demand_channels or owner_in_sales or owner_time_split or "
        "pipeline_visibility"
    ),
    ("marshland-coaches-wisbech-parked-coaches-owner-quotes-everything", "weakest"): (
        "held back, round 42; first run: capacity (cash) is named; the expert names team"
    ),
    ("marshland-coaches-wisbech-parked-coaches-owner-quotes-everything", "first_fixes"): (
        "held back, round 42; first run: key_person_cover, campaigns_planned, cash_runway lead; not among them: "
        "owner_in_sales or owner_time_split or support_response_hours"
    ),
    ("tamar-valley-laundry-saltash-customers-lost-to-breakdown", "quadrant"): (
        "held back, round 42; first run: idle_capacity (demand pressure 6 against a weakest link of 22, process);"
        " the expert reads foundation"
    ),
    ("tamar-valley-laundry-saltash-customers-lost-to-breakdown", "first_fixes"): (
        "held back, round 42; first run: supplier_payment, promises_match, campaigns_planned lead; not among "
        "them: pricing_lever or unit_economics / contingency_plans or fulfilment_partner or order_process or "
        "quality_checks"
    ),
    ("tamar-valley-laundry-saltash-customers-lost-to-breakdown", "must_not_advise"): (
        "held back, round 42; first run: advises campaigns_planned, reach, which the expert rules out"
    ),
    ("avon-linen-bristol-half-used-ironer-after-lost-items", "weakest"): (
        "held back, round 42; first run: technology (data_and_resilience) is named; the expert names process"
    ),
    ("avon-linen-bristol-half-used-ironer-after-lost-items", "first_fixes"): (
        "held back, round 42; first run: campaigns_planned, key_person_cover, cash_runway lead; not among them: "
        "order_process or quality_checks / kpi_review or order_system or promise_kept_rate"
    ),
    ("hurleston-boats-nantwich-falling-orders-behind-late-launches", "weakest"): (
        "held back, round 42; first run: technology (operations_systems) is named; the expert names demand_management"
    ),
    ("hurleston-boats-nantwich-falling-orders-behind-late-launches", "first_fixes"): (
        "held back, round 42; first run: promises_match, when_full, key_person_cover lead; not among them: "
        "owner_time_split or pipeline_visibility / cash_runway or growth_funding"
    ),
    ("wrekin-precision-telford-idle-five-axis-on-hire-purchase", "first_fixes"): (
        "held back, round 42; first run: cash_runway, campaigns_planned, payment_days lead; not among them: "
        "pricing_lever or unit_economics / owner_in_sales or owner_time_split or pipeline_visibility"
    ),
    # --- Round 41 held back (eight cases by two consultants who never saw the tool's output, the declaration or
    # the candidate, each a business whose operations have more room than demand fills: short and long runways,
    # heavy stock, light stock and none). Run once on 2026-12-02 on 2.4.21 and on "idle with a short runway, the link
    # is the cash" (`balance.idle_link`): 6 of 8 weakest links as the experts against 5 (a brewery on six weeks of
    # cash, its canning line on hire purchase), nothing else different. Adopted (docs/scoring.md §3 and §7, round
    # 41). Kept as found.
    ("castellana-foods-half-empty-vans-orders-in-whatsapp", "quadrant"): (
        "held back, round 41; first run: idle_capacity (demand pressure 7 against a weakest link of 33, process);"
        " the expert reads foundation"
    ),
    ("castellana-foods-half-empty-vans-orders-in-whatsapp", "weakest"): (
        "held back, round 41; first run: process (planning) is named; the expert names technology"
    ),
    ("castellana-foods-half-empty-vans-orders-in-whatsapp", "first_fixes"): (
        "held back, round 41; first run: campaigns_planned, key_person_cover, stock_cleanup lead; not among them:"
        " automation or order_process or order_system / customer_churn or promise_kept_rate or quality_checks or "
        "return_rate"
    ),
    ("castellana-foods-half-empty-vans-orders-in-whatsapp", "must_not_advise"): (
        "held back, round 41; first run: advises campaigns_planned, demand_channels, reach, which the expert rules out"
    ),
    ("mersey-calibration-idle-benches-founder-sells-everything", "first_fixes"): (
        "held back, round 41; first run: campaigns_planned, owner_time_split, owner_in_sales lead; not among "
        "them: customer_churn or pipeline_visibility"
    ),
    ("mersey-calibration-idle-benches-founder-sells-everything", "must_not_advise"): (
        "held back, round 41; first run: advises growth_funding, credit line, which the expert rules out"
    ),
    ("soar-valley-swim-school-empty-daytime-pool-schools-contract", "first_fixes"): (
        "held back, round 41; first run: campaigns_planned, restore_tested, monitoring lead; not among them: "
        "extra_hands or weeks_to_productive / growth_funding or surge_plan or unit_economics"
    ),
    ("teviot-knitwear-idle-frames-yarn-locked-cash", "must_not_advise"): (
        "held back, round 41; first run: advises pricing_lever, raise prices, small buffer, which the expert rules out"
    ),
    ("helm-gill-brewery-kendal", "first_fixes"): (
        "held back, round 41; first run: stock_cleanup, forecast_accountability, campaigns_planned lead; not "
        "among them: cash_runway or growth_funding or payment_days / growth_funding or payment_days or "
        "pricing_lever or unit_economics"
    ),
    ("otters-swim-school-cheltenham", "first_fixes"): (
        "held back, round 41; first run: key_person_cover, owner_in_sales, support_response_hours lead; not among"
        " them: automation or booking_system or order_system"
    ),
    ("pennine-frame-consulting-huddersfield", "weakest"): (
        "held back, round 41; first run: process (planning) is named; the expert names demand_management"
    ),
    ("pennine-frame-consulting-huddersfield", "first_fixes"): (
        "held back, round 41; first run: campaigns_planned, pricing_lever, payment_days lead; not among them: "
        "forecast_accountability or pipeline_visibility or sop_meeting / owner_in_sales or owner_time_split / "
        "demand_channels or unit_economics"
    ),
    ("pennine-frame-consulting-huddersfield", "must_not_advise"): (
        "held back, round 41; first run: advises pricing_lever, which the expert rules out"
    ),
    ("teme-valley-farm-supplies-tenbury-wells", "first_fixes"): (
        "held back, round 41; first run: reach, key_person_cover, inventory_system lead; not among them: backups "
        "/ automation or payment_days"
    ),
    # --- Rounds 40 and 40b held back (sixteen cases by four consultants who never saw the tool's output or the
    # declaration, each business weighing a step: new lines and outlets in firms with idle room, heavy or ordinary
    # stock, services with none). Round 40 was written while the candidate's two variants stood, uncommitted, in
    # the questionnaire file the consultants read, so round 40b was written again against the clean file; both
    # were run once on 2026-12-02 on 2.4.20 and on "idle with months of stock, a new line or an outlet waits" (two
    # `holds` variants on decision_ahead, stock_cover > 90). Round 40b read 6 of 8 steps as the experts against 4,
    # losing none; round 40 5 against 4 (a brewery's taproom, which its expert takes to sell the slow cans, lost).
    # No verdict or finding differs between the runs: adopted (docs/scoring.md "The step the owner is weighing"
    # and §7, round 40). Kept as found.
    ("almond-valley-accounts-livingston-bookkeepers-under-used-weighing-charity-service", "first_fixes"): (
        "held back, round 40 (written with the candidate in view); first run: campaigns_planned, "
        "owner_time_split, owner_in_sales lead; not among them: customer_churn or pricing_lever / unit_economics "
        "or quarterly_priorities or kpi_review"
    ),
    ("bute-yarns-cardiff-online-yarn-shop-orders-falling-after-site-rebuild-weighing-arcade-shop", "first_fixes"): (
        "held back, round 40 (written with the candidate in view); first run: campaigns_planned, "
        "key_person_cover, backups lead; not among them: monitoring or website_spike / kpi_review or "
        "customer_churn or improve_loop"
    ),
    ("croftlands-brewery-slow-cans-weighing-taproom", "first_fixes"): (
        "held back, round 40 (written with the candidate in view); first run: stock_cleanup, "
        "forecast_accountability, campaigns_planned lead; not among them: customer_churn"
    ),
    ("lugg-valley-cider-leominster-slow-cans-weighing-alcohol-free-for-foodservice", "first_fixes"): (
        "held back, round 40 (written with the candidate in view); first run: stock_cleanup, key_person_cover, "
        "forecast_bias lead; not among them: unit_economics or pipeline_visibility or growth_funding"
    ),
    ("neidpath-cycles-pre-season-stock-weighing-trail-centre-shop", "weakest"): (
        "held back, round 40 (written with the candidate in view); first run: capacity (supply) is named; the "
        "expert names team"
    ),
    ("neidpath-cycles-pre-season-stock-weighing-trail-centre-shop", "first_fixes"): (
        "held back, round 40 (written with the candidate in view); first run: stock_cover, restore_tested, "
        "supplier_capacity lead; not among them: weeks_to_productive or extra_hands or staff_turnover / "
        "growth_funding or cash_runway or unit_economics / key_person_cover or clear_roles or order_process"
    ),
    ("neidpath-cycles-pre-season-stock-weighing-trail-centre-shop", "must_not_advise"): (
        "held back, round 40 (written with the candidate in view); first run: advises stock_cover, too much "
        "stock, buying ahead of real orders, cutting back, which the expert rules out"
    ),
    ("saltmarsh-print-works-norwich-full-shelves-weighing-tableware-range", "first_fixes"): (
        "held back, round 40 (written with the candidate in view); first run: stock_cleanup, "
        "forecast_accountability, campaigns_planned lead; not among them: customer_churn or pipeline_visibility "
        "or demand_channels or unit_economics"
    ),
    ("wren-and-weft-falling-sales-heavy-stock-weighing-menswear", "weakest"): (
        "held back, round 40 (written with the candidate in view); first run: process (stock_and_suppliers) is "
        "named; the expert names capacity"
    ),
    ("bure-valley-home-aylsham-falling-sales-nine-months-stock-weighing-department-store-concession", "first_fixes"): (
        "held back, round 40b; first run: cash_runway, supplier_payment, stock_cleanup lead; not among them: "
        "sop_meeting or forecast_bias or forecast_accountability or unit_economics"
    ),
    ("castell-trading-caerphilly-dead-stock-weighing-trade-showroom", "first_fixes"): (
        "held back, round 40b; first run: cash_runway, stock_cleanup, supplier_payment lead; not among them: "
        "forecast_bias or forecast_accountability or sop_meeting"
    ),
    ("clee-botanics-ludlow-skincare-salons-lapsed-storeroom-full-weighing-pro-range", "first_fixes"): (
        "held back, round 40b; first run: stock_cleanup, forecast_accountability, campaigns_planned lead; not "
        "among them: customer_churn or owner_in_sales or owner_time_split or demand_channels / sop_meeting or "
        "cash_runway or growth_funding or kpi_review"
    ),
    ("coburg-street-wines-leith-flat-merchant-ageing-cellar-weighing-tasting-room", "quadrant"): (
        "held back, round 40b; first run: a foundation (demand pressure 18 against a weakest link of 50, "
        "technology); the expert reads scale-ready"
    ),
    ("coburg-street-wines-leith-flat-merchant-ageing-cellar-weighing-tasting-room", "first_fixes"): (
        "held back, round 40b; first run: utilization, supplier_capacity, supplier_lead_time lead; not among "
        "them: order_system or inventory_system or automation or website_spike / growth_funding or unit_economics"
        " or cash_runway / key_person_cover or owner_in_sales or clear_roles"
    ),
    ("ketley-precision-telford-quiet-machines-weighing-own-fixture-range", "first_fixes"): (
        "held back, round 40b; first run: key_person_cover, campaigns_planned, backups lead; not among them: "
        "demand_channels or owner_in_sales or owner_time_split or customer_churn or pipeline_visibility / "
        "order_system or pipeline_visibility or automation"
    ),
    ("priestpopple-cheese-hexham-owner-does-everything-weighing-corbridge-shop", "first_fixes"): (
        "held back, round 40b; first run: key_person_cover, when_full, promises_match lead; not among them: "
        "kpi_review or customer_churn"
    ),
    ("tremorfa-signs-cardiff-idle-printers-fitters-booked-six-weeks-weighing-van-wraps", "weakest"): (
        "held back, round 40b; first run: process (planning) is named; the expert names capacity or demand_management"
    ),
    ("tremorfa-signs-cardiff-idle-printers-fitters-booked-six-weeks-weighing-van-wraps", "first_fixes"): (
        "held back, round 40b; first run: promises_match, when_full, pricing_lever lead; not among them: "
        "fulfilment_partner or extra_hands or weeks_to_productive or weeks_to_double or utilization or "
        "bottleneck_known"
    ),
    ("wensum-garden-furniture-yard-full-weighing-pub-range", "first_fixes"): (
        "held back, round 40b; first run: cash_runway, growth_funding, stock_cleanup lead; not among them: "
        "sop_meeting or forecast_bias or forecast_accountability / customer_churn"
    ),
    # --- Round 39 held back (eight cases by two consultants who never saw the tool's output or the declaration,
    # though the candidate's one line stood, uncommitted, in the questionnaire file they read: not blind to it,
    # asked for a maker whose fallen orders hide behind an old queue, a service firm booked months ahead while
    # enquiries slow, a firm whose orders dipped but whose key step is full on a short queue, a fast grower
    # weighing a step, a trades firm whose big customer left with jobs signed to January, a manufacturer full on
    # last year's order, a flat, fully booked service firm with thin systems, and an online shop with falling
    # orders and piling stock), run once on 2026-12-02 on the rules of 2.4.19 and on "a queue taken earlier is not
    # demand coming" (balance.falling_backlog, no brake while idle), declared before the round was written. Both
    # runs placed 2 of 8 where the experts did; the candidate moved two danger-zone reads to a foundation (the
    # hut maker's and the heating firm's, whose experts read idle) and one expert fix into the first five, and lost
    # nothing: adopted (docs/scoring.md §3 and §7, round 39). Kept as found.
    # Lost on round 39's rule (seen case): now read as idle capacity, as its expert does, it is advised what idle
    # capacity is told (campaigns, channels, reach), which the expert rules out: enquiries hold, the leak is the
    # founder's three-week proposals.
    ("fenwick-hale-architects-founder-writes-every-proposal", "must_not_advise"): (
        "since 2.4.20 (a queue taken earlier is not demand coming), read as idle capacity and advised "
        "campaigns_planned, demand_channels and reach; the expert rules out more enquiries while proposals wait "
        "three to four weeks for the founder"
    ),
    ("brighouse-powder-coater-oven-full-jobs-down-six-percent", "quadrant"): (
        "held back; first run: scale-ready (demand 17 against a link of 61); the expert reads a foundation: the one "
        "oven is 98% full with no overflow partner and a burner that failed twice"
    ),
    ("brighouse-powder-coater-oven-full-jobs-down-six-percent", "first_fixes"): (
        "held back; first run: utilization, peak_multiple, bottleneck_known lead, all the oven's headroom (the "
        "expert's overflow partner and pricing by oven time are fourth and not in the first five)"
    ),
    ("corvedale-huts-busy-on-spring-queue-orders-down-a-third", "weakest"): (
        "held back; first run: capacity (throughput) is named; the expert names demand management: nobody counts "
        "enquiries and the website still promises a wait that no longer exists"
    ),
    ("corvedale-huts-busy-on-spring-queue-orders-down-a-third", "first_fixes"): (
        "held back; first run: cash_runway, growth_funding, weeks_to_productive lead (the expert's honest lead "
        "times and a look at the enquiries coming are not in the first five)"
    ),
    ("courtside-padel-online-orders-falling-ten-months-of-stock-weighing-pickleball", "first_fixes"): (
        "held back; first run: stock_cleanup, supplier_payment, forecast_bias lead, two of the expert's three (the "
        "third, margin per order and the channels, is not in the first five)"
    ),
    ("exe-valley-heat-pumps-growing-a-third-grant-cash-stuck-housing-contract", "first_fixes"): (
        "held back; first run: cash_runway, supplier_payment, when_full lead, two of the expert's three (the grant "
        "claims unsent, payment_days or the order process, are not in the first five)"
    ),
    ("hadley-park-fabrications-powder-line-full-on-last-years-order-regulars-falling", "first_fixes"): (
        "held back; first run: pricing_lever, stock_cleanup, key_person_cover lead (the expert's joint sales and "
        "production plan and winning back the regulars are not in the first five)"
    ),
    ("haldon-bookkeeping-full-and-flat-deadlines-on-a-whiteboard", "quadrant"): (
        "held back; first run: the danger zone (staff time 93% booked weighs a measured 30 as 78 against a link of "
        "54 in Technology); the expert reads a foundation: clients flat, new ones already turned away"
    ),
    ("haldon-bookkeeping-full-and-flat-deadlines-on-a-whiteboard", "must_not_advise"): (
        "held back; first run: a surge plan for a bureau that has stopped taking clients"
    ),
    ("holywood-wedding-studio-booked-a-year-ahead-enquiries-down-a-fifth", "quadrant"): (
        "held back; first run: the danger zone (bookings 12-18 months ahead weigh demand as 67 against a link of 26 "
        "in Team, the owner answering every enquiry); the expert reads a foundation: a long book is the trade's "
        "normal, and enquiries are down a fifth"
    ),
    ("holywood-wedding-studio-booked-a-year-ahead-enquiries-down-a-fifth", "first_fixes"): (
        "held back; first run: key_person_cover, owner_in_sales, pricing_lever lead, two of the expert's three (the "
        "third, seeing the pipeline, is not in the first five)"
    ),
    ("holywood-wedding-studio-booked-a-year-ahead-enquiries-down-a-fifth", "must_not_advise"): (
        "held back; first run: when_full, weeks_to_double and a double-up plan for a studio whose enquiries fall"
    ),
    ("skerne-valley-heating-housing-association-gone-crews-full-until-january", "weakest"): (
        "held back; first run: process (planning) is named; the expert names demand management: no work seen past "
        "January, private customers waiting twice as long as quoted"
    ),
    ("skerne-valley-heating-housing-association-gone-crews-full-until-january", "first_fixes"): (
        "held back; first run: promises_match, when_full, key_person_cover lead (none of the expert's three: seeing "
        "the pipeline, new channels, cash, the last fourth and fifth)"
    ),
    # --- Round 38 held back (eight cases by two consultants who never saw the tool's output or the declaration,
    # asked for a firm booked by phone before its season, a growing firm whose cash looks tight for another
    # reason, an online seller before a dated feature, a food maker whose orders fall behind an old backlog, a
    # software firm with overworked onboarding, a distributor paid in 60-90 days, a practice whose owner does the
    # skilled work, and a trades firm that took every job), run once on 2026-12-01 on the rules of 2.4.18 and on
    # "the website has carried this rush" (matters_if on website_spike and website_peak), declared before the
    # round was read. Both runs gave the same verdicts and findings on all eight (5 quadrants, 3 weakest links,
    # 15 of 24 expert fixes in the first three), so the candidate lost nothing here and was adopted on the seen
    # cases it mends (docs/scoring.md §4 and §7, round 38). Kept as found.
    ("dee-valley-oven-cleaning-christmas-diary-overbooked", "quadrant"): (
        "held back; first run: a foundation (demand 45 against a link of 38 in Technology: a paper diary); the "
        "expert reads the danger zone: 352 Christmas cleans booked against about 290 the technicians can do, with "
        "nothing stopping more"
    ),
    ("dee-valley-oven-cleaning-christmas-diary-overbooked", "weakest"): (
        "held back; first run: technology (the paper diary) is named; the expert names capacity (four technicians "
        "cannot do the cleans booked)"
    ),
    ("dee-valley-oven-cleaning-christmas-diary-overbooked", "first_fixes"): (
        "held back; first run: key_person_cover, promises_match, when_full lead (the expert's extra hours and "
        "the peak price are not among the first three)"
    ),
    ("kestle-vane-packaging-avonmouth-funded-growth-full-warehouse", "quadrant"): (
        "held back; first run: demand ahead under control (the warehouse 94% full weighs a measured 51 as 91, "
        "against a link of 67); the expert reads scale-ready: debts funded and insured, suppliers paid on the day, "
        "a 13-week cash forecast; only the space is short"
    ),
    ("kestle-vane-packaging-avonmouth-funded-growth-full-warehouse", "weakest"): (
        "held back; first run: team (key person cover) is named; the expert names capacity (the warehouse)"
    ),
    ("kestle-vane-packaging-avonmouth-funded-growth-full-warehouse", "first_fixes"): (
        "held back; first run: key_person_cover, weeks_to_double, utilization lead (the expert's funded debtors "
        "and cash forecast, payment_days or cash_runway, are not among them)"
    ),
    ("kestle-vane-packaging-avonmouth-funded-growth-full-warehouse", "must_not_advise"): (
        "held back; first run: 'shorten terms' is advised on 60-90 day payment; the expert rules it out while the "
        "debts are funded and insured"
    ),
    ("wensum-valley-preserves-busy-kitchen-falling-orders", "weakest"): (
        "held back; first run: capacity (the kitchen) is named; the expert names team (nobody sells since the "
        "sales rep left)"
    ),
    ("wensum-valley-preserves-busy-kitchen-falling-orders", "first_fixes"): (
        "held back; first run: when_full, pricing_lever, promises_match lead (brakes for a full step); the "
        "expert's weekly numbers and selling to the lost shops are not among them"
    ),
    ("chilwell-electrical-late-invoices-not-short-of-cash", "weakest"): (
        "held back; first run: capacity (two weeks of cash, critical) is named; the expert names process: the "
        "cash is short because invoices go out three weeks late"
    ),
    ("chilwell-electrical-late-invoices-not-short-of-cash", "first_fixes"): (
        "held back; first run: cash_runway, supplier_payment, automation lead; the expert's invoicing on the day "
        "(automation) and cash are there, but weekly numbers or the third electrician's training (kpi_review, "
        "weeks_to_productive) are not, supplier_payment ranks above them"
    ),
    ("corve-street-dental-ludlow-owner-does-the-dentistry-weighing-second-site", "weakest"): (
        "held back; first run: capacity is named; the expert names team: the owner does 85% of the dentistry while "
        "the second surgery stands empty two days a week"
    ),
    ("haldon-solar-newton-abbot-took-every-job-callbacks-no-decision", "first_fixes"): (
        "held back; first run: promises_match, key_person_cover, cash_runway lead; the expert's handover "
        "checklist (quality_checks, order_process) is not among the first three"
    ),
    ("rotaweave-leeds-care-software-onboarding-queue-weighing-care-group", "first_fixes"): (
        "held back; first run: promises_match, key_person_cover, when_full lead; two of them fill the expert's "
        "first two fixes, and the weekly onboarding meeting (sop_meeting, pipeline_visibility) is not among them"
    ),
    ("snugline-curtain-liners-morning-live-founder-is-the-inbox", "first_fixes"): (
        "held back; first run: key_person_cover, clear_roles, surge_plan lead; two of them answer the expert's "
        "first fix (the founder is the inbox), and the stock and brakes for the TV day are not among them"
    ),
    # --- Round 37 held back (eight cases by two consultants who never saw the tool's output or the declaration,
    # asked for businesses whose busiest step runs about 85-95% busy, growing slowly or fast, with and without a
    # queue or a contract ahead), run once on 2026-12-01 on the rules of 2.4.17 and on "a tight step without a
    # queue" (balance.tight_steady), declared before the round was written (kept outside the consultants' reach).
    # The candidate placed six quadrants against five (a garage whose technicians are 90% booked, growing 5%,
    # read as demand ahead before) and put the same 14 expert fixes in the first three, so it met its terms and
    # was adopted (docs/scoring.md §3 and §7, round 37). Kept as found with it.
    ("leckhampton-physio", "quadrant"): (
        "held back; first run: demand ahead under control (rooms full at 38% growth weigh the pressure as 86, "
        "measured 47, against a link of 62); the expert reads scale-ready: promises kept and hiring keeping pace"
    ),
    ("leckhampton-physio", "first_fixes"): (
        "held back; first run: first findings weeks_to_productive, supplier_capacity, weeks_to_double (the "
        "expert's rooms and price, and the second clinic's funding, are not among them)"
    ),
    ("teme-valley-tree-care", "quadrant"): (
        "held back; first run: scale-ready (crews 91% booked at 8% growth with an eight-week queue, a link of "
        "62); the expert reads demand ahead under control: an honest queue waiting on climbers"
    ),
    ("teme-valley-tree-care", "weakest"): (
        "held back; first run: capacity is named; the expert names team (climbers are what the queue waits on)"
    ),
    ("teme-valley-tree-care", "first_fixes"): (
        "held back; first run: first findings weeks_to_productive, supplier_capacity, weeks_to_double (the "
        "expert's price rise and the crews' contingency are not among them)"
    ),
    ("kennet-swim-school-waiting-list-teachers", "weakest"): (
        "held back; first run: capacity (the hired pool, 90% full) is named; the expert names team (a third of "
        "the teachers leave each year and a new one takes four months)"
    ),
    ("dinedor-oak-garden-furniture-second-router", "first_fixes"): (
        "held back; first run: first findings peak_multiple, utilization, fulfilment_partner (two router fixes "
        "take two places; the expert's extra hands or surge plan is fourth and lower)"
    ),
    ("hellesdon-autos-garage-paper-job-cards", "first_fixes"): (
        "held back; first run: first findings supplier_payment, key_person_cover, cash_runway (the expert's weekly "
        "numbers are not among them)"
    ),
    ("hollin-beck-brewery", "first_fixes"): (
        "held back; first run: first findings key_person_cover, supplier_payment, forecast_bias (the expert's "
        "order or stock system and cash are not among them)"
    ),
    ("penhallow-kitchen", "first_fixes"): (
        "held back; first run: first findings cash_runway, when_full, promises_match (the expert's costing and "
        "surge plan are there; the kitchen's capacity is fifth and lower)"
    ),
    ("penhallow-kitchen", "must_not_advise"): (
        "held back; first run: a load test of the website, ruled out for a chutney maker selling 8% online, and "
        "'a new line must replace an old one' matching the expert's 'new line' (meant as launching one)"
    ),
    ("totterdown-ferments-kombucha-queue-supermarket", "first_fixes"): (
        "held back; first run: first findings cash_runway, promises_match, when_full (the expert's fermenter "
        "capacity is fourth and lower)"
    ),
    ("nidd-physio-knaresborough-insurer-billing-harrogate-clinic", "quadrant"): (
        "seen case lost by round 37's rule: practitioners 91% booked at 17% growth with two weeks waiting no "
        "longer weigh the pressure up, so it reads foundation (measured 28, link 43); its expert reads demand "
        "ahead under control"
    ),
    ("nidd-physio-knaresborough-insurer-billing-harrogate-clinic", "first_fixes"): (
        "seen case lost by round 37's rule: first findings key_person_cover, weeks_to_productive, cash_runway "
        "(the expert's order process or system, third before, is now lower)"
    ),
    # --- Round 36 held back (eight cases by two consultants who never saw the tool's output, asked for businesses
    # taking some of their orders online, from 10 to 87%, with a website never tested at a rush and weak spots
    # elsewhere), run once on 2026-12-01 on the rules of 2.4.16 and on "the website's findings weigh by the share
    # of orders that come online", declared before the round was written. Both consultants read the declaration
    # (it lay in the round's folder) and one wrote two cases against it on purpose. The candidate put 17 expert
    # fixes in the first three, as the rules without it, and matched the same two first-fix sets, so it met its
    # terms and was adopted (docs/scoring.md §4 and §7, round 36). Kept as found with it.
    ("calstock-clayworks-half-idle-kilns-january-seconds-sale", "weakest"): (
        "held back; first run: technology (website and payments: the shop crawled at six times a normal day) is "
        "named; the expert names process (stock made for a hotel order never signed, £85,000 of it)"
    ),
    ("calstock-clayworks-half-idle-kilns-january-seconds-sale", "first_fixes"): (
        "held back; first run: first findings stock_cleanup, cash_runway, website_spike (the expert's protected "
        "selling day for the owner is not among them)"
    ),
    ("harrop-drainage-diary-on-owners-phone-second-tanker", "must_not_advise"): (
        "held back; first run: the website's rush and peak are advised with a load test (fourth and lower), which "
        "the expert rules out for a firm booking one job in ten online"
    ),
    ("kelham-pasta-sheffield-idle-ravioli-line-meal-kit-quote", "first_fixes"): (
        "held back; first run: first findings campaigns_planned, key_person_cover, cash_runway (the expert's "
        "costing of every product and customer is not among them)"
    ),
    ("kelham-roast-co-online-coffee-subscriptions-roaster-full", "first_fixes"): (
        "held back; first run: first findings pricing_lever, cash_runway, growth_funding (the expert's first fix, "
        "widening the roaster at 94% now with a late shift, is not among them; the cash takes two places)"
    ),
    ("longton-signs-stoke-paper-job-bags-lost-artwork-coordinator", "weakest"): (
        "held back; first run: team (roles and cover) is named; the expert names technology (no backup, paper job bags)"
    ),
    ("longton-signs-stoke-paper-job-bags-lost-artwork-coordinator", "first_fixes"): (
        "held back; first run: first findings key_person_cover, owner_in_sales, promises_match (the expert's "
        "backups this week and one job list are fourth and lower)"
    ),
    ("pennard-hill-nursery-salvias-gardeners-world-feature", "first_fixes"): (
        "held back; first run: first findings when_full, website_spike, promises_match (the expert's plan for the "
        "fortnight after the broadcast is not among them; the brakes take two places)"
    ),
    # --- Round 35 held back (eight cases by two consultants who never saw the tool's output, asked for well-run
    # businesses whose busiest step is 84 to 97% busy in a normal week, each weighing a step: a big customer, a
    # new line, an outlet, capacity, work landing in the quiet season), run once on 2026-12-01 on the rules of
    # 2.4.15 and on "new work onto a step already 90% busy waits", declared before the round was written: the
    # candidate read 7 steps as their experts against 6 (a heating firm's heat-pump service on a 93% diary) and
    # lost none, so it was adopted (docs/scoring.md §5 and §7, round 35). Kept as found with it.
    ("claymoor-surveys-stockton-full-diary-housing-association-term-contract", "quadrant"): (
        "held back; first run: demand ahead under control: a diary 93% full and a contract adding 36% in 13 weeks "
        "weigh the pressure as 79 (measured 49) against a weakest link of 55 (capacity, throughput), Demand "
        "management 84; the expert reads scale-ready (the contract can still be refused or moved)"
    ),
    ("claymoor-surveys-stockton-full-diary-housing-association-term-contract", "first_fixes"): (
        "held back; first run: first findings weeks_to_productive, supplier_capacity, weeks_to_double (the "
        "expert's surveyor-days won back from failed access visits and the contract's cash gap are not among them)"
    ),
    ("crimple-grounds-crews-winter-gritting-tender", "quadrant"): (
        "held back; first run: demand ahead under control: crews 89% busy in a normal week weigh the pressure as "
        "78 (measured 46) against a weakest link of 54 (technology, data and resilience); the expert reads "
        "scale-ready (the tender's work lands in winter, when the crews run at about 60%)"
    ),
    ("crimple-grounds-crews-winter-gritting-tender", "first_fixes"): (
        "held back; first run: first findings backups, automation, order_system, all the expert's first fix (a "
        "job app for the one spreadsheet); the salt contract and the winter rota are not among the first three"
    ),
    ("meanwood-heating-engineers-diary-heat-pump-service", "first_fixes"): (
        "held back; first run: first findings key_person_cover, website_spike, weeks_to_productive (the expert's "
        "costing of a heat-pump install and its cash is not among them; the website's spike is third)"
    ),
    ("nidd-valley-hearing-knaresborough-care-home-group-visits", "weakest"): (
        "held back; first run: technology (online front) is named; the expert names capacity (audiologists' "
        "diary at 85%, full in October and November)"
    ),
    ("nidd-valley-hearing-knaresborough-care-home-group-visits", "first_fixes"): (
        "held back; first run: first findings peak_multiple, weeks_to_productive, weeks_to_double, all about the "
        "expert's first fix (a fourth audiologist); the weekly visit block and the care-home day's costing are not "
        "among them"
    ),
    ("ryburn-kitchens-cnc-router-housebuilder-contract", "first_fixes"): (
        "held back; first run: first findings peak_multiple, cash_runway, weeks_to_productive (the expert's "
        "twilight shift on the router and the contract's call-off terms are not among them)"
    ),
    ("spen-valley-embroidery-heads-full-third-machine", "quadrant"): (
        "held back; first run: scale-ready: heads 97% busy under steady growth are a season at capacity, demand 39 "
        "against a weakest link of 66 (team, roles and cover); the expert reads demand ahead under control (the "
        "quoted lead time moved from 10 to 15 days, three weeks of jobs wait and two accounts left over it)"
    ),
    ("spen-valley-embroidery-heads-full-third-machine", "weakest"): (
        "held back; first run: team (roles and cover) is named; the expert names capacity (the heads at 97%)"
    ),
    ("spen-valley-embroidery-heads-full-third-machine", "first_fixes"): (
        "held back; first run: first findings peak_multiple, utilization, weeks_to_productive, all about the "
        "expert's first fix (the third machine); price as a brake on the queue and what limits next are not "
        "among them"
    ),
    ("totterdown-bread-deck-oven-full-clifton-shop", "first_fixes"): (
        "held back; first run: first findings peak_multiple, cash_runway, utilization (the expert's costing and "
        "repricing of the wholesale accounts is not among them)"
    ),
    ("totterdown-bread-deck-oven-full-clifton-shop", "must_not_advise"): (
        "held back; first run: plan_changes (order cut-offs) is advised, where the bakery already closes orders "
        "the day before and the expert rules the advice out"
    ),
    ("wolds-rugworks-malton-sewing-room-fly-rug-range", "weakest"): (
        "held back; first run: team (roles and cover) is named; the expert names capacity (the sewing room, 88% "
        "in a normal week and 104% from August to November)"
    ),
    ("wolds-rugworks-malton-sewing-room-fly-rug-range", "first_fixes"): (
        "held back; first run: first findings supplier_lead_time, utilization, weeks_to_productive (the "
        "expert's costing of the fly rugs and sizing the build from pre-season orders are not among them)"
    ),
    # --- Round 34 held back (eight cases by two consultants who never saw the tool's output, asked for businesses
    # whose busiest step is full or nearly full while orders grow, some redoing a lot of their work, some hardly
    # any), run once on 2026-12-01 on the rules of 2.4.14 and on "rework is not demand: a busiest step's fullness
    # counts as demand ahead only for the work not redone", declared before the round was written: the candidate
    # placed 7 quadrants against 6 (a commercial cleaner re-cleaning 8% of its offices) and lost none, but it was
    # withdrawn: less rework raised the danger (docs/scoring.md §7, round 34). Kept as found on the rules.
    ("wrekin-fitted-furniture", "quadrant"): (
        "held back; first run: demand ahead under control: demand pressure 59 against a weakest link of 35 "
        "(process, planning), a nine-week lead time read as a queue; the expert reads foundation (a lead time "
        "unchanged for two years keeps pace with demand)"
    ),
    ("brightwell-commercial-cleaning", "weakest"): (
        "held back; first run: capacity (cash) is named; the expert names team (cleaners leaving) or process "
        "(re-cleans)"
    ),
    ("brightwell-commercial-cleaning", "first_fixes"): (
        "held back; first run: first findings staff_turnover, key_person_cover, return_rate (the expert's widening "
        "of the evening window is not among them)"
    ),
    ("wansbeck-heating-services", "weakest"): (
        "held back; first run: team (roles and cover) is named; the expert names capacity (a diary at 104%) or "
        "process (18% second visits)"
    ),
    ("wansbeck-heating-services", "first_fixes"): (
        "held back; first run: first findings promises_match, key_person_cover, weeks_to_productive (the expert's "
        "second visits and overflow engineers are not among them)"
    ),
    ("calder-crew-deliveries", "first_fixes"): (
        "held back; first run: first findings cash_runway, when_full, key_person_cover (the expert's double drops "
        "are not among them)"
    ),
    ("chelmer-it-support", "first_fixes"): (
        "held back; first run: first findings key_person_cover, owner_in_sales, when_full (the expert's hands for "
        "January, a contract engineer or a partner firm, are not among them)"
    ),
    ("cliffe-dessert-kitchen", "first_fixes"): (
        "held back; first run: first findings promises_match, key_person_cover, when_full (the expert's phased "
        "start for the farm-shop listing, with its cash, is not among them)"
    ),
    ("derwent-sourdough-bakery", "first_fixes"): (
        "held back; first run: first findings weeks_to_productive, supplier_capacity, weeks_to_double (the expert's "
        "price as a brake on oven time and the oven's plan B are not among them)"
    ),
    ("fellside-home-care", "first_fixes"): (
        "held back; first run: first findings weeks_to_productive, staff_turnover, fulfilment_partner (the expert's "
        "zoned runs to free carers' hours are not among them)"
    ),
    # --- Round 33 held back (eight cases by two consultants who never saw the tool's output, asked for businesses
    # growing or facing a rush that run without routines (no quarterly priorities, no weekly numbers, no plan B)
    # beside real operational weak spots, one where the consultant would put a routine among the first fixes),
    # run once on 2026-11-30 on the rules of 2.4.14 and on "a routine that carries no load ranks as an area no
    # pressure loads", declared before the round was written: the candidate put 17 expert fixes in the first
    # three against 16 and matched the same two first-fix sets, so it was adopted. Kept as found with it.
    ("fellside-brownie-co", "weakest"): (
        "held back; first run: process (24, stock and suppliers: the chocolate supplier paid late) is named; the "
        "expert names capacity (the ovens' daily limit before a TV gift-guide slot)"
    ),
    ("fellside-brownie-co", "first_fixes"): (
        "held back; first run: first findings cash_runway, supplier_payment, promises_match (the expert's plan for "
        "the TV week is not among them)"
    ),
    ("saltings-kitchen", "first_fixes"): (
        "held back; first run: first findings stock_cleanup, forecast_accountability, campaigns_planned (the "
        "expert's full costing of each soup and customer is not among them)"
    ),
    ("wardsend-knife-works", "quadrant"): (
        "held back; first run: danger zone: demand pressure 85 against a weakest link of 17 (team), Demand "
        "management 70 but key person cover, a critical answer, failing; the expert reads demand ahead under "
        "control (an honest 37-week list with deposits, closed past 40 weeks)"
    ),
    ("wardsend-knife-works", "first_fixes"): (
        "held back; first run: first findings key_person_cover, owner_in_sales, pricing_lever (the expert's plan B "
        "for the kiln, the grinder and the steel is not among them)"
    ),
    ("kelham-it-services", "weakest"): (
        "held back; first run: team (46, roles and cover) is named; the expert names process (27% of tickets are "
        "repeats) or capacity"
    ),
    ("kelham-it-services", "first_fixes"): (
        "held back; first run: first findings return_rate, surge_plan, promises_match (improve_loop, first with "
        "the rules of 2.4.14, fell to fourth; the expert's weekly numbers and quarterly priorities are not among "
        "them either way)"
    ),
    ("lansdown-sash-and-joinery", "first_fixes"): (
        "held back; first run: first findings key_person_cover, weeks_to_productive, owner_in_sales (the expert's "
        "first fix, raising prices and checking jobs against their quotes, is not among them)"
    ),
    ("longton-lane-home-care", "first_fixes"): (
        "held back; first run: first findings cash_runway, key_person_cover, growth_funding (the expert's first "
        "fix, a cap on new council hours with honest start dates, is not among them)"
    ),
    # --- Round 32 held back (eight cases by two consultants who never saw the tool's output, asked for businesses
    # weighing a step that adds capacity, a second site or a big machine, with demand ahead or basics weak: in some
    # the step adds to what runs out first, in others not, one owner believing wrongly that it does; the owner
    # answered a candidate question, "would the step add more of what you run out of first?"), run once on
    # 2026-11-30 on the rules of 2.4.10 and on "the owner's word that the step adds to what runs out first
    # outranks the rules' weakest link", declared before the round was written: the candidate told a garden-room
    # maker whose crews, not its workshop, run out first to take a second unit (its owner said the unit was the
    # limit; its expert: not), and followed no expert the rules without it missed, so it was rejected by its
    # terms and the question was not shipped (the owners' answers are kept as comments). Kept as found on the
    # rules of 2.4.10.
    ("coldharbour-garden-rooms", "weakest"): (
        "held back; first run: process (34, planning) is named; the expert names team"
    ),
    ("coldharbour-garden-rooms", "first_fixes"): (
        "held back; first run: first findings promises_match, when_full, pricing_lever"
    ),
    ("cowgate-rehearsal-rooms", "first_fixes"): (
        "held back; first run: first findings key_person_cover, automation, order_system"
    ),
    ("holbeck-lodge-care-home", "weakest"): (
        "held back; first run: capacity (45, throughput) is named; the expert names team"
    ),
    ("holbeck-lodge-care-home", "first_fixes"): (
        "held back; first run: first findings pricing_lever, weeks_to_productive, staff_turnover"
    ),
    ("irongate-security-training", "first_fixes"): (
        "held back; first run: first findings when_full, quarterly_priorities, return_rate"
    ),
    ("spinney-hill-foods", "first_fixes"): (
        "held back; first run: first findings cash_runway, weeks_to_productive, weeks_to_double"
    ),
    ("tidemark-seaweed", "first_fixes"): (
        "held back; first run: first findings key_person_cover, owner_in_sales, clear_roles"
    ),
    ("ure-valley-hydrotherapy", "first_fixes"): (
        "held back; first run: first findings utilization, contingency_plans, weeks_to_productive"
    ),
    # --- Round 31 held back (eight cases by two consultants who never saw the tool's output, asked for well-run
    # businesses whose busiest step is 85 to 100% busy while orders grow 5 to 20% with only their usual season
    # ahead, two weighing a step that adds demand, one a step that adds capacity, one of their own), run once on
    # 2026-11-30 on the rules of 2.4.9 and on "a full step under steady growth waits for room before a step that
    # adds demand", declared before the round was written: the candidate held back the two it was aimed at as
    # their experts did (a smokehouse's food-hall listing, an extract cleaner's grease-trap service) and a third
    # its expert would take (a bat maker's distributor, supplied in the summer lull), so it was rejected by its
    # terms. Kept as found on the rules of 2.4.9.
    ("baddow-brook-nursery-full-church-hall-room", "weakest"): (
        "held back; first run: team (65, hiring) is named; the expert names capacity"
    ),
    ("blackwater-bats-master-grader-australian-distributor", "first_fixes"): (
        "held back; first run: first findings key_person_cover, weeks_to_productive, fulfilment_partner"
    ),
    ("blackwater-bats-master-grader-australian-distributor", "must_not_advise"): (
        "held back; first run: advises stock cover; “stop making or buying ahead”, which the expert rules out"
    ),
    ("cathcart-asbestos-reports-retyped-third-microscope", "weakest"): (
        "held back; first run: capacity (45, cash) is named; the expert names technology"
    ),
    ("cathcart-asbestos-reports-retyped-third-microscope", "first_fixes"): (
        "held back; first run: first findings when_full, cash_runway, promises_match"
    ),
    ("clyne-driving-school-waiting-list-intensive-platform", "first_fixes"): (
        "held back; first run: first findings weeks_to_productive, pricing_lever, extra_hands"
    ),
    ("coquet-smokehouse-salmon-kiln-full-food-hall-listing", "first_fixes"): (
        "held back; first run: first findings utilization, fulfilment_partner, supplier_capacity"
    ),
    ("ladybrook-extract-hygiene-night-crews-full-grease-traps", "first_fixes"): (
        "held back; first run: first findings utilization, weeks_to_productive, supplier_capacity"
    ),
    ("lugg-valley-firewood-second-kiln-from-february-cash", "first_fixes"): (
        "held back; first run: first findings cash_runway, growth_funding, pricing_lever"
    ),
    ("lugg-valley-firewood-second-kiln-from-february-cash", "must_not_advise"): (
        "held back; first run: advises stock cover; “stop making or buying ahead”, which the expert rules out"
    ),
    ("tealby-forge-honest-queue-founder-quotes-every-job", "weakest"): (
        "held back; first run: capacity (51, throughput) is named; the expert names team"
    ),
    ("tealby-forge-honest-queue-founder-quotes-every-job", "first_fixes"): (
        "held back; first run: first findings key_person_cover, owner_in_sales, pricing_lever"
    ),
    # --- Round 30 held back (eight cases by two consultants who never saw the tool's output, asked for a well-run
    # business 85 to 100% busy in a normal week while orders grow 10 to 20% with only its usual season ahead, one as
    # busy with a big new contract or listing within six months, one as busy with mixed parts, and one of their own),
    # run once on 2026-11-30 on the rules of 2.4.7 and on "a full step under steady growth, with no contract or
    # launch ahead, is a season at capacity", declared before the round was written: it placed 8 of 8 quadrants
    # (the rules 6: a beehive maker and a sound-testing firm read as demand ahead) and lost none, so it was adopted
    # (2.4.8); "ready to grow is read on the whole" changed none (held over). Kept as found on the adopted rules.
    ("acomb-hive-works-building-stock-for-spring", "first_fixes"): (
        "held back; first run: weeks to productive, supplier capacity, weeks to double lead; the expert's "
        "bottleneck known, utilization … ranks 4"
    ),
    ("fenside-toilet-hire-two-tankers-full-one-failing", "weakest"): (
        "held back; first run: team (45, roles_and_cover) is named; the expert names capacity"
    ),
    ("fenside-toilet-hire-two-tankers-full-one-failing", "first_fixes"): (
        "held back; first run: key person cover, promises match, contingency plans lead; the expert's growth "
        "funding, weeks to double … ranks 5"
    ),
    ("irwell-damp-mould-remediation-awaabs-law-yes-to-everything", "weakest"): (
        "held back; first run: team (17, roles_and_cover) is named; the expert names capacity"
    ),
    ("irwell-damp-mould-remediation-awaabs-law-yes-to-everything", "first_fixes"): (
        "held back; first run: key person cover, cash runway, supplier payment lead; the expert's when full, "
        "promises match ranks 4; the expert's quality checks, return rate … ranks 24"
    ),
    ("northgate-boiler-spares-before-the-cold-snap", "first_fixes"): (
        "held back; first run: website spike, when full, promises match lead; the expert's surge plan, extra "
        "hands … ranks 14"
    ),
    ("penryn-rope-leads-pet-chain-listing-offer", "first_fixes"): (
        "held back; first run: utilization, peak multiple, website peak lead; the expert's single source, "
        "supplier capacity … ranks 5; the expert's growth funding, cash runway … ranks 11"
    ),
    ("solway-pet-wholesale-pickers-full-cash-in-slow-stock", "first_fixes"): (
        "held back; first run: cash runway, stock cleanup, surge plan lead; the expert's sop meeting, "
        "forecast bias … ranks 5"
    ),
    ("teme-valley-water-hygiene-housing-association-contract-april", "first_fixes"): (
        "held back; first run: weeks to productive, supplier capacity, weeks to double lead; the expert's "
        "growth funding, surge plan … ranks 4; the expert's promises match, when full is not among the "
        "findings"
    ),
    ("wharfedale-sound-air-testing-full-diary-sixth-van", "first_fixes"): (
        "held back; first run: surge plan, utilization, weeks to productive lead; the expert's fulfilment "
        "partner ranks 5"
    ),
    # --- Round 29 held back (eight cases by two consultants who never saw the tool's output, asked for a well-run
    # business whose busiest step is 85 to 100% busy in a normal week all year while orders grow 10 to 20%, one
    # growing 30% or more as busy, one with sound systems and a nearly full step facing a larger customer, and one
    # of their own), run once on 2026-11-30 on the rules of 2.4.7 and on the two candidates held over from round
    # 28: "a full step under steady growth is a season at capacity, not a queue" placed a podiatry clinic right
    # and lost an occupational-health firm facing a council contract on full nurses (its expert: the danger
    # zone), so it was rejected; "ready to grow is read on the whole" changed none (held over). Kept as found
    # on the rules.
    ("calder-occupational-health-council-contract-nurses-full", "first_fixes"): (
        "held back; first run: weeks to productive, utilization, supplier capacity lead; the expert's "
        "promises match, when full ranks 7; the expert's growth funding, cash runway ranks 8"
    ),
    ("hollin-art-casting-bronze-foundry-one-chaser-furnace-idea", "quadrant"): (
        "held back; first run: danger zone: demand pressure 52, weighed as 57 against a weakest link of 31 "
        "(team); the expert reads foundation"
    ),
    ("hollin-art-casting-bronze-foundry-one-chaser-furnace-idea", "first_fixes"): (
        "held back; first run: key person cover, owner in sales, pricing lever lead; the expert's order "
        "system, promises match … ranks 4"
    ),
    ("pennant-lighting-coating-oven-full-pub-company-refit", "quadrant"): (
        "held back; first run: demand ahead controlled: demand pressure 40, weighed as 74 against a weakest "
        "link of 50 (capacity); the expert reads danger zone"
    ),
    ("pennant-lighting-coating-oven-full-pub-company-refit", "first_fixes"): (
        "held back; first run: cash runway, bottleneck known, supplier capacity lead; the expert's promises "
        "match, payment days … ranks 9"
    ),
    ("redcliffe-pen-testing-seven-week-queue-one-signoff", "weakest"): (
        "held back; first run: capacity (51, throughput) is named; the expert names team"
    ),
    ("redcliffe-pen-testing-seven-week-queue-one-signoff", "first_fixes"): (
        "held back; first run: key person cover, weeks to productive, surge plan lead; the expert's staff "
        "turnover is not among the findings"
    ),
    ("strathbeg-oatcakes-full-tunnel-oven-gluten-free-range", "first_fixes"): (
        "held back; first run: utilization, peak multiple, supplier capacity lead; the expert's growth "
        "funding, weeks to double … ranks 5; the expert's bottleneck known, stock cleanup … is not among the "
        "findings"
    ),
    ("tamar-foot-clinic-rooms-full-weighing-fifth-room", "weakest"): (
        "held back; first run: technology (68, online_front) is named; the expert names capacity"
    ),
    ("tamar-foot-clinic-rooms-full-weighing-fifth-room", "first_fixes"): (
        "held back; first run: weeks to productive, utilization, fulfilment partner lead; the expert's weeks "
        "to double, growth funding ranks 5"
    ),
    ("wensum-energy-surveys-idle-assessors-after-scheme-closed", "first_fixes"): (
        "held back; first run: campaigns planned, key person cover, cash runway lead; the expert's quarterly "
        "priorities, kpi review ranks 6; the expert's payment days ranks 14"
    ),
    # --- Round 28 held back (eight cases by two consultants who never saw the tool's output, asked for a well-run
    # business whose busiest step runs full at its peak while orders grow 10 to 20% a year, one growing 30% or
    # more with its busiest step full most weeks, a well-organised one with one part clearly behind, and one of
    # their own), run once on 2026-11-30 on the rules of 2.4.6 and on two candidates declared before the round was
    # written ("a full step under steady growth is a season at capacity, not a queue"; "ready to grow is read on
    # the whole", held over from round 27): neither changed a quadrant of the round (4 of 8 either way), so both
    # were held over. Kept as found on the rules.
    ("bramblecot-climbing-frames-router-full-five-day-promise", "first_fixes"): (
        "held back; first run: promises match, when full, cash runway lead; the expert's fulfilment partner, "
        "bottleneck known … ranks 7"
    ),
    ("clearview-adhd-clinic-honest-wait-insurer-offer", "weakest"): (
        "held back; first run: capacity (23, supply) is named; the expert names team"
    ),
    ("clearview-adhd-clinic-honest-wait-insurer-offer", "first_fixes"): (
        "held back; first run: key person cover, weeks to productive, extra hands lead; the expert's staff "
        "turnover is not among the findings"
    ),
    ("clearview-adhd-clinic-honest-wait-insurer-offer", "must_not_advise"): (
        "held back; first run: advises website spike, website peak, 'load test', which the expert rules out"
    ),
    ("fellgate-puddings-steam-cabinets-full-each-autumn", "quadrant"): (
        "held back; first run: idle capacity: demand pressure 23 against a weakest link of 72 (technology); "
        "the expert reads scale ready"
    ),
    ("fellgate-puddings-steam-cabinets-full-each-autumn", "weakest"): (
        "held back; first run: technology (72, online_front) is named; the expert names capacity"
    ),
    ("fellgate-puddings-steam-cabinets-full-each-autumn", "first_fixes"): (
        "held back; first run: campaigns planned, monitoring, restore tested lead; the expert's growth "
        "funding, weeks to double ranks 8; the expert's forecast accountability, forecast bias … ranks 9; the "
        "expert's bottleneck known, utilization … is not among the findings"
    ),
    ("fellside-tax-kendal-full-january-retiring-accountants-book", "weakest"): (
        "held back; first run: team (62, hiring) is named; the expert names capacity"
    ),
    ("fellside-tax-kendal-full-january-retiring-accountants-book", "first_fixes"): (
        "held back; first run: surge plan, weeks to productive, extra hands lead; the expert's plan changes, "
        "promises match is not among the findings"
    ),
    ("glow-and-veil-bridal-makeup-founders-phone-academy", "quadrant"): (
        "held back; first run: danger zone: demand pressure 71 against a weakest link of 17 (process); the "
        "expert reads foundation"
    ),
    ("glow-and-veil-bridal-makeup-founders-phone-academy", "weakest"): (
        "held back; first run: process (17, planning) is named; the expert names team"
    ),
    ("glow-and-veil-bridal-makeup-founders-phone-academy", "first_fixes"): (
        "held back; first run: key person cover, automation, owner in sales lead; the expert's order process, "
        "quality checks … ranks 5"
    ),
    ("heathfield-cabinets-missing-parts-before-housebuilder-framework", "quadrant"): (
        "held back; first run: scale ready: demand pressure 25 against a weakest link of 70 (team); the "
        "expert reads foundation"
    ),
    ("heathfield-cabinets-missing-parts-before-housebuilder-framework", "weakest"): (
        "held back; first run: team (70, surge) is named; the expert names process"
    ),
    ("heathfield-cabinets-missing-parts-before-housebuilder-framework", "first_fixes"): (
        "held back; first run: return rate, surge plan, growth funding lead; the expert's quality checks ranks 7"
    ),
    ("tillwise-epos-brewery-rollout-five-weeks-cash", "quadrant"): (
        "held back; first run: foundation: demand pressure 61 against a weakest link of 50 (capacity); the "
        "expert reads danger zone"
    ),
    ("tillwise-epos-brewery-rollout-five-weeks-cash", "first_fixes"): (
        "held back; first run: cash runway, growth funding, payment days lead; the expert's contingency plans ranks 8"
    ),
    ("tynedale-stoves-idle-fitters-unsold-stock-heat-pump-idea", "first_fixes"): (
        "held back; first run: stock cleanup, supplier payment, forecast bias lead; the expert's campaigns "
        "planned, reach … ranks 6"
    ),
    # --- Round 27 held back (eight cases by two consultants who never saw the tool's output, asked for a well-run
    # business with one part a little stretched facing more work, a tidy one where more rests on the owner or one
    # system than it seems, one in step with a middling part, and one of their own), run once on 2026-11-30 on the
    # rules of 2.4.5 and on "ready to grow is read on the whole, the weakest part weighed most", declared before
    # the round was written: it changed no quadrant of the round (5 of 8 either way), so it was held over. Kept as
    # found on the rules.
    ("holmesfield-grounds-gritting-routes-at-the-edge", "weakest"): (
        "held back; first run: team (69, roles_and_cover) is named; the expert names capacity"
    ),
    ("holmesfield-grounds-gritting-routes-at-the-edge", "first_fixes"): (
        "held back; first run: weeks to productive, peak multiple, weeks to double lead; the expert's extra "
        "hands, pressure resilience ranks 7"
    ),
    ("wharncliffe-sock-mill-linking-room-before-chain-order", "quadrant"): (
        "held back; first run: demand ahead controlled: demand pressure 37, weighed as 93 because the linking "
        "room is full (90%), against a weakest link of 69 (capacity); the expert reads scale ready"
    ),
    ("wharncliffe-sock-mill-linking-room-before-chain-order", "first_fixes"): (
        "held back; first run: surge plan, weeks to productive, supplier capacity lead; the expert's bottleneck "
        "known, peak multiple … ranks 5"
    ),
    ("ouse-bridge-counselling-bookings-in-shared-calendars", "quadrant"): (
        "held back; first run: scale ready: demand pressure 19 against a weakest link of 63 (technology); the "
        "expert reads a foundation: room bookings in shared calendars are what would break first"
    ),
    ("calver-lime-works-orders-rekeyed-stock-on-fridays", "first_fixes"): (
        "held back; first run: promises match, stock cleanup, inventory system lead; the expert's automation, "
        "order system ranks 9"
    ),
    ("houndstooth-kitchen-dog-biscuits-owner-runs-the-bake-plan", "first_fixes"): (
        "held back; first run: key person cover, surge plan, quarterly priorities lead; the expert's promises "
        "match, when full ranks 10; the expert's order process, order system ranks 33"
    ),
    ("kerr-lettings-nantwich-portfolio-through-the-owner", "first_fixes"): (
        "held back; first run: key person cover, owner in sales, when full lead; the expert's extra hands, "
        "utilization … ranks 7; the expert's cash runway, growth funding ranks 18"
    ),
    ("lune-access-hire-idle-booms-after-hospital-build", "first_fixes"): (
        "held back; first run: campaigns planned, key person cover, campaigns with ops lead; the expert's "
        "demand channels, pricing lever ranks 5; the expert's cash runway, unit economics … ranks 9"
    ),
    ("marlpit-dairy-delisted-second-filling-line-idle", "first_fixes"): (
        "held back; first run: campaigns planned, key person cover, cash runway lead; the expert's demand "
        "channels, owner in sales ranks 5; the expert's gross margin, pricing lever … ranks 18"
    ),
    # --- Round 26 held back (eight cases by two consultants who never saw the tool's output, asked for a business
    # whose orders fell with the same team, one with flat demand and busy people on old systems, one well run
    # and growing, and one of their own), run once on 2026-11-30 on the rules of 2.4.2 and on "idle capacity
    # needs idle evidence from the busiest step", declared before the round was written: it placed 8 of 8
    # quadrants (the rules 7: a produce wholesaler whose people are busy on flat trade was read as idle) and
    # lost none, so it was adopted (2.4.3). Kept as found on the adopted rules.
    ("aireborough-lifts-housing-framework-bid", "first_fixes"): (
        "held back; first run: weeks to productive, weeks to double, peak multiple lead; the expert's growth "
        "funding, payment days ranks 5"
    ),
    ("dunstall-produce-wholesaler-orders-in-a-2007-database", "first_fixes"): (
        "held back; first run: key person cover, owner time split, backups lead; the expert's order system, "
        "automation ranks 4"
    ),
    ("dyffryn-agri-contractors-founders-paper-diary", "first_fixes"): (
        "held back; first run: key person cover, promises match, supplier payment lead; the expert's payment "
        "days, automation … ranks 7; the expert's backups, contingency plans ranks 11"
    ),
    ("dyffryn-agri-contractors-founders-paper-diary", "weakest"): (
        "held back; first run: technology (0, operations_systems) is named; the expert names team"
    ),
    ("fernlea-day-spa-bookings-falling-listing-offer", "first_fixes"): (
        "held back; first run: cash runway, campaigns planned, growth funding lead; the expert's pricing lever ranks 10"
    ),
    ("kingfield-flooring-ten-day-promise-six-week-queue", "first_fixes"): (
        "held back; first run: cash runway, supplier payment, promises match lead; the expert's extra hands, "
        "fulfilment partner … ranks 4"
    ),
    ("kingfield-flooring-ten-day-promise-six-week-queue", "weakest"): (
        "held back; first run: process (13, stock_and_suppliers) is named; the expert names capacity"
    ),
    ("marwood-immigration-rush-before-rule-change", "first_fixes"): (
        "held back; first run: key person cover, promises match, when full lead; the expert's order system, "
        "quality checks … ranks 11"
    ),
    ("tolland-trophies-orders-down-laser-idle", "first_fixes"): (
        "held back; first run: stock cleanup, forecast bias, campaigns planned lead; the expert's owner time "
        "split, owner in sales ranks 19"
    ),
    ("tolland-trophies-orders-down-laser-idle", "weakest"): (
        "held back; first run: process (39, planning) is named; the expert names team"
    ),
    ("wyebank-preserves-steady-grower-second-kettle", "first_fixes"): (
        "held back; first run: weeks to double, supplier lead time, single source lead; the expert's weeks to "
        "productive, extra hands … is not among the findings"
    ),
    ("garden-furniture-importer-overstocked", "quadrant"): (
        "since 2.4.3 (idle capacity needs idle evidence): idle capacity, its season 9% down with warehouse "
        "picking about 45% used, where the expert reads a foundation: seven months of stock and dead lines from "
        "padded forecasts are a process to fix, not room to fill. Seen before the rule was declared; lost on it"
    ),
    ("garden-furniture-importer-overstocked", "must_not_advise"): (
        "since 2.4.3, read as idle capacity: advises campaigns planned, reach, demand channels, which the expert "
        "rules out"
    ),
    ("physio-group-with-an-empty-third-clinic", "quadrant"): (
        "since 2.4.3 (idle capacity needs idle evidence): scale-ready, its busiest clinics answered 85% booked "
        "while the third runs at 40%, where the expert reads idle capacity. Seen before the rule was declared; "
        "lost on it: the busiest step's figure does not see a whole site standing half empty"
    ),
    ("physio-group-with-an-empty-third-clinic", "must_not_advise"): (
        "since 2.4.3, read as scale-ready: advises utilization, peak multiple, weeks to double, extra hands, surge "
        "plan, which the expert rules out"
    ),
    # --- Round 25 held back (eight cases by two consultants who never saw the tool's output, asked for businesses
    # as met in practice, a mix of states, no story targeted at any rule), run once on 2026-11-30 on the rules of
    # 2.4.2 as adopted on round 24, with no candidate: a measure of the rules on businesses they were not tuned
    # on. Kept as found.
    ("blackstone-chimney-sweeps-honest-season-queue", "first_fixes"): (
        "held back; first run: weeks to productive, fulfilment partner, weeks to double lead; the expert's key "
        "person cover ranks 4"
    ),
    ("etruria-stoneware-third-kiln-hotel-contract", "first_fixes"): (
        "held back; first run: supplier capacity, weeks to productive, weeks to double lead; the expert's growth "
        "funding, cash runway ranks 7"
    ),
    ("etruria-stoneware-third-kiln-hotel-contract", "quadrant"): (
        "held back; first run: foundation: demand pressure 65 against a weakest link of 58 (capacity); the expert "
        "reads scale ready"
    ),
    ("hatherleigh-perennials-sales-down-diy-chain-bid", "first_fixes"): (
        "held back; first run: stock cleanup, forecast accountability, customer churn lead; the expert's order "
        "system, inventory system … ranks 7; the expert's demand channels, campaigns planned … ranks 33"
    ),
    ("hearthwarm-heated-throws-oversold-after-tv-best-buy", "first_fixes"): (
        "held back; first run: cash runway, promises match, when full lead; the expert's support response hours, "
        "extra hands ranks 5"
    ),
    ("millstone-bouldering-idle-weekdays-booking-crashes", "first_fixes"): (
        "held back; first run: website spike, backups, monitoring lead; the expert's campaigns planned, demand "
        "channels … ranks 24; the expert's customer churn ranks 10"
    ),
    ("ribble-van-hire-sold-out-peak-days", "first_fixes"): (
        "held back; first run: fulfilment partner, weeks to double, utilization lead; the expert's pricing lever, "
        "growth funding ranks 5"
    ),
    ("swale-valley-cars-council-school-routes", "weakest"): (
        "held back; first run: capacity (25, cash) is named; the expert names team"
    ),
    ("tanhouse-saddlery-capped-queue-showroom-offer", "first_fixes"): (
        "held back; first run: key person cover, weeks to productive, owner in sales lead; the expert's pricing "
        "lever, unit economics ranks 4"
    ),
    # --- Round 24 held back (eight cases by two consultants who never saw the tool's output, asked for stories of
    # an honest queue on tight cash and a healthy margin, a business that takes every order on thin cash, and
    # falling orders or bookings while the range or the plans grow), run once on 2026-11-30 on the rules of 2.4.1
    # and on "a queue protects cash too, a failing runway included, unless each order loses money", declared
    # before the round was written: it placed two quadrants right the rules missed (a hut maker's and a stone
    # conservator's honest 22-week queues on five and six weeks of cash) and lost none, so it was adopted (2.4.2).
    # Kept as found on the adopted rules.
    ("dorran-plumbing-yes-to-every-job", "first_fixes"): (
        "held back; first run: cash runway, supplier payment, promises match lead; the expert's staff turnover, "
        "pressure resilience … ranks 11; the expert's pricing lever, unit economics … ranks 4"
    ),
    ("dorran-plumbing-yes-to-every-job", "weakest"): (
        "held back; first run: process (15, stock_and_suppliers) is named; the expert names team"
    ),
    ("fellbrook-firewood-drivers-not-lorries", "first_fixes"): (
        "held back; first run: key person cover, weeks to productive, extra hands lead; the expert's pressure "
        "resilience, fulfilment partner … ranks 10"
    ),
    ("fellbrook-firewood-drivers-not-lorries", "must_not_advise"): (
        "held back; first run: advises stock cover, 'sell it off', 'write it down', which the expert rules out"
    ),
    ("hopscotch-play-barn-falling-visits-second-venue", "first_fixes"): (
        "held back; first run: campaigns planned, cash runway, campaigns with ops lead; the expert's demand "
        "channels ranks 8"
    ),
    ("lanterna-fresh-pasta-takes-every-order-three-weeks-cash", "first_fixes"): (
        "held back; first run: cash runway, supplier payment, pricing lever lead; the expert's when full, plan "
        "changes … ranks 4"
    ),
    ("lanterna-fresh-pasta-takes-every-order-three-weeks-cash", "weakest"): (
        "held back; first run: process (25, stock_and_suppliers) is named; the expert names capacity"
    ),
    ("lychgate-stone-conservation-honest-list-five-weeks-cash", "first_fixes"): (
        "held back; first run: cash runway, payment days, growth funding lead; the expert's pricing lever, unit "
        "economics ranks 10"
    ),
    ("sterling-pane-window-cleaning-high-rise-bid", "first_fixes"): (
        "held back; first run: staff turnover, supplier capacity, weeks to double lead; the expert's growth "
        "funding, payment days … is not among the findings"
    ),
    ("sterling-pane-window-cleaning-high-rise-bid", "weakest"): (
        "held back; first run: technology (51, online_front) is named; the expert names team"
    ),
    ("wyvern-shepherds-huts-honest-queue-six-weeks-cash", "first_fixes"): (
        "held back; first run: cash runway, growth funding, pricing lever lead; the expert's key person cover, "
        "bottleneck known … ranks 4"
    ),
    ("fabricator-paid-in-90-days", "quadrant"): (
        "since 2.4.2 (a queue protects cash, a short runway included, while each order makes money): demand "
        "ahead under control, where the expert reads the danger zone: customers pay in 100 days and a second "
        "shift is planned for the spring increase, so growth the firm has chosen, not the queue, ties up the cash. "
        "The rule was declared before round 24 and adopted on it; this case was seen, and lost, before adoption"
    ),
    # --- Round 23 held back (eight cases by two consultants who never saw the tool's output, asked for stories of
    # orders fallen, an honest queue on tight cash and orders that lose money), run once on 2026-11-29 on the
    # rules of 2.4.1 and on two held-over candidates (falling orders as quiet demand; a queue protects cash too,
    # unless each order loses money): neither changed any case, so both are held over. Kept as found.
    ("brindle-appliance-repair-unanswered-phones", "first_fixes"): (
        "held back; first run: key person cover, promises match, kpi review lead; the expert's support response "
        "hours, order system ranks 12; the expert's return rate, order process … ranks 6; the expert's booking "
        "system, order system … ranks 7"
    ),
    ("brindlewood-pressery-pasteuriser-nobody-checks", "first_fixes"): (
        "held back; first run: key person cover, stock cover, campaigns planned lead; the expert's quality checks, "
        "order process ranks 7; the expert's return rate, improve loop ranks 4"
    ),
    ("kingfisher-drainage-panel-jobs-at-a-loss", "first_fixes"): (
        "held back; first run: cash runway, supplier payment, pricing lever lead; the expert's when full, promises "
        "match ranks 5"
    ),
    ("kingfisher-drainage-panel-jobs-at-a-loss", "weakest"): (
        "held back; first run: process (25, stock_and_suppliers) is named; the expert names capacity"
    ),
    ("larkfield-ecology-honest-queue-five-weeks-cash", "first_fixes"): (
        "held back; first run: cash runway, payment days, growth funding lead; the expert's pricing lever ranks 4; "
        "the expert's weeks to double, extra hands … ranks 5"
    ),
    ("pennine-workwell-weighing-a-leeds-clinic", "first_fixes"): (
        "held back; first run: weeks to productive, weeks to double, peak multiple lead; the expert's growth "
        "funding ranks 4; the expert's owner in sales ranks 10"
    ),
    ("tregaron-trailers-allocating-on-five-weeks-cash", "first_fixes"): (
        "held back; first run: cash runway, growth funding, pricing lever lead; the expert's weeks to productive, "
        "extra hands … ranks 5"
    ),
    # --- Round 22 held back (eight cases by two consultants who never saw the tool's output, asked for stories of
    # the kinds the two held-over candidates judge: orders fallen while demand still shows, a full step held back
    # honestly on tight cash, a machine or a second site weighed), run once on 2026-11-29 on the rules of 2.4.0,
    # on the two held-over candidates (neither changed any case: held over again) and on "a step that does not
    # relieve the limit" (adopted: step advice only). Kept as found.
    ("ashcombe-tithe-barn-thinning-book-slow-replies", "first_fixes"): (
        "held back; first run: key person cover, owner in sales, automation lead; the expert's support response "
        "hours, order system ranks 4; the expert's kpi review, forecast accountability … ranks 8"
    ),
    ("emberstone-pizza-ovens-backlog-hides-falling-orders", "first_fixes"): (
        "held back; first run: stock cleanup, cash runway, growth funding lead; the expert's forecast bias, "
        "forecast accountability … ranks 13; the expert's owner time split, customer churn … ranks 18"
    ),
    ("emberstone-pizza-ovens-backlog-hides-falling-orders", "weakest"): (
        "held back; first run: team (51, surge) is named; the expert names process or capacity"
    ),
    ("furrow-and-seed-stock-in-an-evening-spreadsheet", "first_fixes"): (
        "held back; first run: when full, promises match, inventory system lead; the expert's support response "
        "hours, return rate ranks 4"
    ),
    ("furrow-and-seed-stock-in-an-evening-spreadsheet", "weakest"): (
        "held back; first run: capacity (72, supply) is named; the expert names technology"
    ),
    ("greaseguard-extract-cleaning-full-crews-four-weeks-cash", "first_fixes"): (
        "held back; first run: cash runway, pricing lever, payment days lead; the expert's weeks to productive, "
        "extra hands ranks 5"
    ),
    ("hebble-skip-hire-short-of-drivers-wants-a-lorry", "first_fixes"): (
        "held back; first run: key person cover, promises match, when full lead; the expert's extra hands, weeks to"
        " productive … ranks 4"
    ),
    ("lanyard-crowd-services-festival-bid", "first_fixes"): (
        "held back; first run: staff turnover, cash runway, payment days lead; the expert's gross margin, pricing "
        "lever … ranks 4"
    ),
    ("lanyard-crowd-services-festival-bid", "must_not_advise"): (
        "held back; first run: advises when full; “waiting list”, “later date”, which the expert rules out"
    ),
    ("nixta-tortilleria-weighing-a-second-unit", "first_fixes"): (
        "held back; first run: weeks to productive, weeks to double, peak multiple lead; the expert's single source"
        " ranks 8"
    ),
    ("tenement-pressing-honest-queue-seven-weeks-cash", "first_fixes"): (
        "held back; first run: cash runway, pricing lever, weeks to productive lead; the expert's single source, "
        "key person cover … ranks 4"
    ),
    ("tenement-pressing-honest-queue-seven-weeks-cash", "must_not_advise"): (
        "held back; first run: advises surge plan, which the expert rules out"
    ),
    # --- Round 21 held back (eight cases by two consultants who never saw the tool's output, each answering what
    # has gone wrong lately and the step the owner is weighing), run once on 2026-11-29 on the rules of 2.4.0 and
    # on two candidates declared beforehand (the cash test weighing measured demand; falling orders as quiet
    # demand), each to be adopted if it lost nothing there and held over if it changed no case: neither changed
    # any, so both are held over. Kept as found.
    ("bellhouse-honey-farm-run-from-one-phone", "first_fixes"): (
        "held back; first run: key person cover, clear roles, order system lead; the expert's unit economics, gross"
        " margin … ranks 19"
    ),
    ("bellhouse-honey-farm-run-from-one-phone", "must_not_advise"): (
        "held back; first run: advises monitoring, which the expert rules out"
    ),
    ("calderbrook-sofas-upholstery-bench-sets-the-pace", "first_fixes"): (
        "held back; first run: cash runway, weeks to productive, when full lead; the expert's quality checks, "
        "return rate ranks 15"
    ),
    ("clapperboard-location-caterer-third-truck", "first_fixes"): (
        "held back; first run: pricing lever, unit economics, key person cover lead; the expert's peak multiple, "
        "weeks to double … ranks 4"
    ),
    ("clapperboard-location-caterer-third-truck", "must_not_advise"): (
        "held back; first run: advises when full; “waiting list”, which the expert rules out"
    ),
    ("clapperboard-location-caterer-third-truck", "quadrant"): (
        "held back; first run: foundation: demand pressure 69 against a weakest link of 58 (capacity); the expert "
        "reads scale ready"
    ),
    ("fenwick-hale-architects-founder-writes-every-proposal", "first_fixes"): (
        "held back; first run: key person cover, owner in sales, cash runway lead; the expert's pipeline visibility"
        " ranks 8; the expert's kpi review ranks 11"
    ),
    ("redline-riderwear-warehouse-full-of-returns", "first_fixes"): (
        "held back; first run: stock cleanup, return rate, forecast bias lead; the expert's demand channels, reach "
        "… ranks 9"
    ),
    ("stoneleigh-fire-doors-two-inspectors-behind", "first_fixes"): (
        "held back; first run: when full, weeks to productive, pricing lever lead; the expert's supplier capacity, "
        "single source ranks 10"
    ),
    ("voltgate-charging-queue-waits-on-one-designer", "first_fixes"): (
        "held back; first run: key person cover, owner in sales, pricing lever lead; the expert's order process "
        "ranks 20"
    ),
    ("wheatcroft-flour-mill-tendering-for-a-chain", "first_fixes"): (
        "held back; first run: cash runway, single source, growth funding lead; the expert's weeks to double, weeks"
        " to productive … is not a finding"
    ),
    # --- Round 20 held back (eight cases by two consultants who never saw the tool's output, each answering what
    # has gone wrong lately and the step the owner is weighing), run once on 2026-11-29 on the rules of 2.4.0 and
    # on "one fix, one place" (declared beforehand: adopted if it lost no set, no clean case and no expected fix in
    # the first three, held over if it changed the first three of no case; it changed one, a pet crematorium's,
    # and lost nothing: 12 expected fixes in the first three, one set and seven clean cases either way). Kept as
    # found.
    ("dunmore-beds-idle-line-padded-forecasts", "first_fixes"): (
        "held back; first run: stock cleanup, supplier payment, reach lead; the expert's forecast bias, forecast "
        "accountability … ranks 4; the expert's demand channels ranks 14"
    ),
    ("keelson-first-aid-training-basics", "first_fixes"): (
        "held back; first run: key person cover, kpi review, quarterly priorities lead; the expert's booking "
        "system, order system … ranks 9; the expert's order process, quality checks ranks 13"
    ),
    ("larkspur-inks-author-collab-launch", "first_fixes"): (
        "held back; first run: website spike, when full, monitoring lead; the expert's supplier lead time, "
        "supplier capacity … ranks 17"
    ),
    ("meadowrest-pet-cremation-weighing-third-cremator", "first_fixes"): (
        "held back; first run: campaigns planned, contingency plans, monitoring lead; the expert's growth "
        "funding, cash runway ranks 6; the expert's pipeline visibility ranks 7"
    ),
    ("penhallow-plastering-housebuilder-collapse", "first_fixes"): (
        "held back; first run: cash runway, growth funding, key person cover lead; the expert's demand channels, "
        "campaigns planned … ranks 5; the expert's pipeline visibility, sop meeting ranks 15"
    ),
    ("quillon-health-phlebotomy-cash-squeeze", "first_fixes"): (
        "held back; first run: cash runway, key person cover, when full lead; the expert's weeks to productive, "
        "extra hands … ranks 6"
    ),
    ("sorrel-bistro-before-tv-cooking-final", "first_fixes"): (
        "held back; first run: key person cover, supplier payment, cash runway lead; the expert's booking system, "
        "order system … ranks 4; the expert's plan changes, when full … ranks 13"
    ),
    ("sorrel-bistro-before-tv-cooking-final", "must_not_advise"): (
        "held back; first run: advises weeks to double, which the expert rules out"
    ),
    # --- Round 19 held back (eight cases by two consultants who never saw the tool's output, each answering what
    # has gone wrong lately), run once on 2026-11-29 on the rules of 2.3.3 and on "one demand fix at a time"
    # (declared beforehand: adopted if it lost nothing there, held over if it fired on no case; it fired on none,
    # the one business read as idle having a single demand finding among its first three, and is held over). Kept
    # as found.
    ("brookfield-speech-therapy-waiting-list", "first_fixes"): (
        "held back; first run: weeks to productive, pricing lever, extra hands lead; the expert's key person "
        "cover, published lead time ranks 7"
    ),
    ("brookfield-speech-therapy-waiting-list", "must_not_advise"): (
        "held back; first run: advises surge plan, which the expert rules out"
    ),
    ("cargo-bike-courier-doubling-on-one-dispatcher", "first_fixes"): (
        "held back; first run: cash runway, key person cover, when full lead; the expert's staff turnover, extra "
        "hands … ranks 5"
    ),
    ("cargo-bike-courier-doubling-on-one-dispatcher", "weakest"): (
        "held back; first run: capacity (25, cash) is named; the expert names team or technology"
    ),
    ("glenmuir-haggis-burns-night-listing", "first_fixes"): (
        "held back; first run: restore tested, single source, pricing lever lead; the expert's contingency plans, "
        "bottleneck known … ranks 7; the expert's plan changes, promises match … ranks 8"
    ),
    ("oakline-tree-care-broken-start-dates", "first_fixes"): (
        "held back; first run: promises match, when full, quarterly priorities lead; the expert's booking system, "
        "order system … ranks 19; the expert's surge plan, contingency plans ranks 12"
    ),
    ("oakline-tree-care-broken-start-dates", "must_not_advise"): (
        "held back; first run: advises weeks to double, which the expert rules out"
    ),
    ("oakline-tree-care-broken-start-dates", "weakest"): (
        "held back; first run: technology (23, data_and_resilience) is named; the expert names demand_management"
    ),
    ("outsourced-support-agency-before-retailer-contract", "first_fixes"): (
        "held back; first run: cash runway, payment days, growth funding lead; the expert's quality checks ranks "
        "4; the expert's campaigns with ops, plan changes … ranks 11"
    ),
    ("outsourced-support-agency-before-retailer-contract", "quadrant"): (
        "held back; first run: foundation: demand pressure 62 against a weakest link of 50 (capacity); the expert "
        "reads scale ready"
    ),
    ("penrose-conveyancing-lost-referrers", "first_fixes"): (
        "held back; first run: customer churn, forecast bias, forecast accountability lead; the expert's owner "
        "time split, demand channels … ranks 16; the expert's clear roles, quarterly priorities … ranks 4; the "
        "expert's unit economics, pricing lever ranks 5"
    ),
    ("penrose-conveyancing-lost-referrers", "weakest"): (
        "held back; first run: technology (50, online_front) is named; the expert names team or process"
    ),
    ("riding-school-weighing-indoor-arena", "first_fixes"): (
        "held back; first run: key person cover, order system, booking system lead; the expert's kpi review, unit "
        "economics … ranks 7"
    ),
    # --- Round 18 held back (eight cases by two consultants who never saw the tool's output, each answering what
    # has gone wrong lately), run once on 2026-11-29 on the rules of 2.3.2 and on "quiet demand names the part in
    # the worst state" (declared beforehand on strict terms, its margin being tuned: adopted only if it named
    # strictly more weakest links right, losing no quadrant, no set and no expected fix in the first three: 7
    # against 6, the rest unchanged). Kept as found.
    ("framing-wholesaler-half-idle-dead-moulding-stock", "first_fixes"): (
        "held back; first run: stock cleanup, supplier payment, forecast bias lead; the expert's campaigns "
        "planned, reach … ranks 5"
    ),
    ("hardware-timber-merchant-on-1998-system", "first_fixes"): (
        "held back; first run: stock cleanup, forecast bias, forecast accountability lead; the expert's "
        "backups, contingency plans ranks 4; the expert's order system, inventory system ranks 11"
    ),
    ("ice-lolly-maker-festival-contract-freezer-full", "first_fixes"): (
        "held back; first run: when full, inventory system, key person cover lead; the expert's growth "
        "funding, cash runway … ranks 5; the expert's utilization, weeks to double … ranks 11"
    ),
    ("medical-sample-courier-dispatch-on-one-server", "first_fixes"): (
        "held back; first run: restore tested, monitoring, supplier capacity lead; the expert's contingency "
        "plans ranks 7; the expert's weeks to double, fulfilment partner ranks 4"
    ),
    ("medical-sample-courier-dispatch-on-one-server", "quadrant"): (
        "held back; first run: foundation: demand pressure 25 against a weakest link of 50 (technology); the "
        "expert reads scale ready"
    ),
    ("soap-and-candle-workshop-etsy-slump-full-shelves", "first_fixes"): (
        "held back; first run: stock cleanup, forecast accountability, forecast bias lead; the expert's "
        "campaigns planned, demand channels … ranks 6; the expert's inventory system, kpi review ranks 12"
    ),
    ("wedding-dress-alterations-one-seamstress-does-the-lace", "first_fixes"): (
        "held back; first run: key person cover, weeks to productive, promises match lead; the expert's extra "
        "hands, fulfilment partner ranks 6; the expert's booking system, bottleneck known ranks 5"
    ),
    ("wedding-dress-alterations-one-seamstress-does-the-lace", "must_not_advise"): (
        "held back; first run: advises surge plan, which the expert rules out"
    ),
    ("windscreen-franchisee-three-vans-before-frost-season", "first_fixes"): (
        "held back; first run: pricing lever, cash runway, peak multiple lead; the expert's bottleneck known, "
        "single source ranks 6; the expert's weeks to double, weeks to productive … ranks 5; the expert's "
        "when full, promises match is no finding"
    ),
    # --- Round 17 held back (eight cases by two consultants who never saw the tool's output, each answering what
    # has gone wrong lately), run once on 2026-11-29 on the rules of 2.3.2 and on "load tests need a rush"
    # (declared beforehand, adopted if it lost no clean case, no expected fix in the first three and no first-fix
    # set: 5 clean against 4, 12 expected fixes in the first three and one set either way). Kept as found.
    ("brewery-taproom-christmas-parties-and-tv-airing", "first_fixes"): (
        "held back; first run: website spike, key person cover, cash runway lead; the expert's sop meeting, "
        "inventory system … ranks 9; the expert's when full, surge plan … ranks 6"
    ),
    ("brewery-taproom-christmas-parties-and-tv-airing", "weakest"): (
        "held back; first run: technology (15, online_front) is named; the expert names process"
    ),
    ("childrens-shoe-shop-fitting-slots-full-after-rival-closed", "first_fixes"): (
        "held back; first run: supplier capacity, weeks to productive, fulfilment partner lead; the expert's "
        "growth funding, cash runway … ranks 6; the expert's when full, promises match … is no finding"
    ),
    ("custom-frame-builder-capped-order-book-after-youtube-feature", "first_fixes"): (
        "held back; first run: key person cover, supplier capacity, single source lead; the expert's pricing "
        "lever ranks 4"
    ),
    ("custom-frame-builder-capped-order-book-after-youtube-feature", "must_not_advise"): (
        "held back; first run: advises fulfilment partner, surge plan; “fulfilment firm”, which the expert rules out"
    ),
    ("electrical-alarm-maintenance-retail-contract-mobilising", "first_fixes"): (
        "held back; first run: when full, quarterly priorities, kpi review lead; the expert's order process, "
        "booking system … ranks 13"
    ),
    ("electrical-alarm-maintenance-retail-contract-mobilising", "must_not_advise"): (
        "held back; first run: advises owner in sales, which the expert rules out"
    ),
    ("electrical-alarm-maintenance-retail-contract-mobilising", "weakest"): (
        "held back; first run: capacity (54, throughput) is named; the expert names process"
    ),
    ("holiday-cottage-agency-empty-weeks-old-booking-site", "first_fixes"): (
        "held back; first run: automation, booking system, order system lead; the expert's reach, campaigns "
        "planned … ranks 10; the expert's kpi review ranks 12"
    ),
    ("independent-opticians-second-room-half-empty", "first_fixes"): (
        "held back; first run: campaigns planned, reach, forecast bias lead; the expert's automation, backups "
        "ranks 6; the expert's booking system, support response hours ranks 18"
    ),
    ("independent-opticians-second-room-half-empty", "must_not_advise"): (
        "held back; first run: advises pressure resilience; “waiting list”, which the expert rules out"
    ),
    ("plant-protein-brand-creator-launch-cash-tight", "first_fixes"): (
        "held back; first run: cash runway, growth funding, pricing lever lead; the expert's supplier lead "
        "time, stock cover … ranks 5; the expert's surge plan, contingency plans … ranks 7"
    ),
    ("plant-protein-brand-creator-launch-cash-tight", "quadrant"): (
        "held back; first run: danger zone: demand pressure 86 against a weakest link of 50 (capacity); the "
        "expert reads scale ready. Since 2.4.2 (a queue protects cash while orders make money) it reads demand "
        "ahead under control: still not the expert's verdict"
    ),
    # --- Round 16 held back (eight cases by two consultants who never saw the tool's output, each answering what
    # has gone wrong lately), run once on 2026-11-29 on the rules of 2.3.1, on "over-supply needs evidence" and on
    # "price is a brake" (both declared beforehand: the first adopted if it lost nothing, 9 expected fixes in the
    # first three either way; the second only if it put strictly more there than the first alone, no set and no
    # clean case lost: 10 against 9). Four profiles were story words and were mapped to the questionnaire's before
    # the run. Kept as found, on version 2.3.2.
    ("accounting-addon-saas-before-january-feature", "first_fixes"): (
        "held back; first run: surge plan, peak multiple, contingency plans lead; the expert's weeks to "
        "productive, extra hands ranks 4; the expert's owner in sales ranks 16"
    ),
    ("accounting-addon-saas-before-january-feature", "quadrant"): (
        "held back; first run: foundation: demand pressure 78 against a weakest link of 59 (team); the expert "
        "reads scale ready"
    ),
    ("cleaning-supplies-distributor-idle-vans-orders-by-phone", "first_fixes"): (
        "held back; first run: stock cleanup, forecast bias, forecast accountability lead; the expert's order "
        "system, inventory system … ranks 17; the expert's backups ranks 18"
    ),
    ("craft-bakery-cafe-round-orders-by-whatsapp", "first_fixes"): (
        "held back; first run: cash runway, key person cover, when full lead; the expert's order system, plan "
        "changes … ranks 8; the expert's unit economics, pricing lever … ranks 12"
    ),
    ("craft-bakery-cafe-round-orders-by-whatsapp", "weakest"): (
        "held back; first run: capacity (25, cash) is named; the expert names process"
    ),
    ("dental-practice-waiting-list-hygiene-chair-full", "first_fixes"): (
        "held back; first run: pricing lever, weeks to productive, fulfilment partner lead; the expert's "
        "utilization, bottleneck known … ranks 7; the expert's promises match, promise kept rate ranks 11"
    ),
    ("dental-practice-waiting-list-hygiene-chair-full", "must_not_advise"): (
        "held back; first run: advises website spike, website peak; “load test”, “invoice financing”, which "
        "the expert rules out"
    ),
    ("ebike-shop-idle-workshop-aged-stock", "must_not_advise"): (
        "held back; first run: advises growth funding, which the expert rules out"
    ),
    ("fish-smokery-christmas-press-overload", "first_fixes"): (
        "held back; first run: cash runway, single source, growth funding lead; the expert's when full, "
        "promises match ranks 4; the expert's bottleneck known, fulfilment partner … ranks 7"
    ),
    ("home-physio-paper-notes-waiting-list", "first_fixes"): (
        "held back; first run: backups, cash runway, key person cover lead; the expert's booking system, "
        "order system ranks 13; the expert's automation, payment days ranks 9"
    ),
    ("home-physio-paper-notes-waiting-list", "weakest"): (
        "held back; first run: capacity (50, cash) is named; the expert names technology"
    ),
    ("marquee-hire-company-ahead-of-full-season", "first_fixes"): (
        "held back; first run: key person cover, staff turnover, fulfilment partner lead; the expert's weeks "
        "to double, growth funding … ranks 5"
    ),
    ("marquee-hire-company-ahead-of-full-season", "quadrant"): (
        "held back; first run: demand ahead controlled: demand pressure 76 against a weakest link of 47 "
        "(technology); the expert reads scale ready"
    ),
    ("marquee-hire-company-ahead-of-full-season", "weakest"): (
        "held back; first run: technology (47, online_front) is named; the expert names team"
    ),
    # --- Round 15 held back (eight cases by a consultant who never saw the tool's output, answering what has gone wrong
    # lately themselves), run once on 2026-11-29 on the rules of 2.3, and on "the link is named where its levers are"
    # (declared beforehand, on stricter terms: adopted only if it named strictly more weakest links right, losing no
    # quadrant and no first-fix set: 8 against 7, quadrants 6 and sets 1 either way; 13 expected fixes in the first
    # three against 14). Kept as found.
    ("dog-daycare-full-with-waiting-list", "first_fixes"): (
        "held back; first run: fulfilment partner, weeks to productive, weeks to double lead; the expert's "
        "pricing lever ranks 6"
    ),
    ("family-haulage-firm-planning-in-founders-head", "first_fixes"): (
        "held back; first run: key person cover, owner time split, campaigns planned lead; the expert's extra "
        "hands, weeks to productive is no finding; booking system, kpi review … ranks 11"
    ),
    ("family-haulage-firm-planning-in-founders-head", "weakest"): (
        "since 2.4.0 (published_lead_time retired): Process's planning area lost a good answer and binds at 35, "
        "below Team's owner time (38); quiet demand then names Technology (25), the part in the worst state, "
        "more than 10 points below Process (45); the expert names Team"
    ),
    ("hotel-laundry-new-group-contract-falling-behind", "first_fixes"): (
        "held back; first run: cash runway, promises match, growth funding lead; the expert's bottleneck "
        "known, fulfilment partner … ranks 8"
    ),
    ("landscaper-booked-six-months-start-dates-slipping", "first_fixes"): (
        "held back; first run: promises match, key person cover, when full lead; the expert's order process, "
        "quality checks ranks 9"
    ),
    ("returns-processor-half-empty-second-shift", "first_fixes"): (
        "held back; first run: campaigns planned, reach, demand channels lead; the expert's owner in sales, "
        "owner time split ranks 4"
    ),
    ("school-photographers-adding-a-closed-rivals-schools", "first_fixes"): (
        "held back; first run: single source, pricing lever, owner in sales lead; the expert's extra hands, "
        "weeks to productive is no finding; bottleneck known, supplier capacity … is no finding; pipeline "
        "visibility, sop meeting ranks 4"
    ),
    ("school-photographers-adding-a-closed-rivals-schools", "quadrant"): (
        "held back; first run: demand ahead controlled: demand pressure 91 against a weakest link of 71 "
        "(team); the expert reads scale ready"
    ),
    ("tea-cafe-roaster-doubling-wholesale", "first_fixes"): (
        "held back; first run: supplier capacity, contingency plans, single source lead; the expert's "
        "bottleneck known, utilization … ranks 11; forecast accountability, forecast bias … ranks 13"
    ),
    # --- Rounds 13 and 14 held back (sixteen cases by two consultants who never saw the tool's output; what has
    # gone wrong lately answered from each description by a third, docs/scoring.md §7), run once on 2026-11-29 on
    # the rules of 2.2, and on "harm already done" (declared beforehand, adopted by its terms: 26 expected fixes in
    # the first three against 20, one first-fix set against none, 13 of 16 clean either way). Kept as found, on
    # version 2.3.
    ("boutique-hotel-new-owners-chef-holds-the-kitchen", "first_fixes"): (
        "held back; first run: key person cover, staff turnover, stock cleanup lead; the expert's kpi review, "
        "quarterly priorities … ranks 8"
    ),
    ("car-valeting-chain-after-losing-dealer-contract", "first_fixes"): (
        "held back; first run: campaigns planned, reach, forecast bias lead; the expert's automation, booking "
        "system … ranks 13; cash runway, kpi review … ranks 9"
    ),
    ("childrens-activity-camps-doubled-summer", "first_fixes"): (
        "held back; first run: website spike, monitoring, when full lead; the expert's extra hands, staff "
        "turnover … ranks 10"
    ),
    ("childrens-activity-camps-doubled-summer", "weakest"): (
        "held back; first run: technology (25, online_front) is named; the expert names team"
    ),
    ("commercial-kitchen-installer-after-chain-paused", "first_fixes"): (
        "held back; first run: key person cover, stock cleanup, forecast bias lead; the expert's demand "
        "channels, owner in sales … ranks 7; campaigns planned, reach is no finding"
    ),
    ("dental-aligner-lab-growing-in-step", "first_fixes"): (
        "held back; first run: website peak, payment days, growth funding lead; the expert's single source, "
        "stock cover … ranks 4; peak multiple, utilization … is no finding"
    ),
    ("electrical-contractor-ready-for-university-framework", "first_fixes"): (
        "held back; first run: weeks to productive, supplier capacity, weeks to double lead; the expert's "
        "cash runway, growth funding … ranks 5"
    ),
    ("electrical-contractor-ready-for-university-framework", "quadrant"): (
        "held back; first run: demand ahead controlled: demand pressure 69 against a weakest link of 45 "
        "(capacity); the expert reads scale ready"
    ),
    ("electrical-contractor-ready-for-university-framework", "weakest"): (
        "held back; first run: capacity (59, throughput) is named; the expert names team"
    ),
    ("handmade-candle-brand-viral-video-backlog", "first_fixes"): (
        "held back; first run: promises match, when full, support response hours lead; the expert's single "
        "source, stock cover … ranks 7"
    ),
    ("independent-gym-members-leaving-by-spring", "first_fixes"): (
        "held back; first run: key person cover, when full, sop meeting lead; the expert's clear roles, order "
        "process ranks 15; customer churn, improve loop … ranks 8"
    ),
    ("independent-gym-members-leaving-by-spring", "weakest"): (
        "held back; first run: team (38, roles_and_cover) is named; the expert names process"
    ),
    ("marine-engine-yard-before-spring-launch-rush", "weakest"): (
        "held back; first run: process (31, planning) is named; the expert names team"
    ),
    ("music-school-capped-waiting-list", "first_fixes"): (
        "held back; first run: fulfilment partner, weeks to productive, supplier capacity lead; the expert's "
        "pricing lever ranks 13; pipeline visibility, promises match is no finding"
    ),
    ("print-on-demand-tee-shop-viral-design-backlog", "first_fixes"): (
        "held back; first run: promises match, when full, support response hours lead; the expert's "
        "fulfilment partner, single source … ranks 4"
    ),
    ("print-on-demand-tee-shop-viral-design-backlog", "weakest"): (
        "held back; first run: process (24, order_to_delivery) is named; the expert names capacity"
    ),
    ("rail-recruitment-agency-framework-cash-gap", "first_fixes"): (
        "held back; first run: cash runway, payment days, growth funding lead; the expert's order process, "
        "quality checks ranks 23; automation, order system ranks 33"
    ),
    ("specialist-cheesemaker-half-empty-maturing-store", "first_fixes"): (
        "held back; first run: campaigns planned, reach, key person cover lead; the expert's owner in sales, "
        "owner time split ranks 14; cash runway, contingency plans … ranks 6"
    ),
    ("specialist-cheesemaker-half-empty-maturing-store", "weakest"): (
        "held back; first run: team (49, roles_and_cover) is named; the expert names capacity"
    ),
    ("web-design-agency-hosting-on-one-server", "first_fixes"): (
        "held back; first run: key person cover, backups, contingency plans lead; the expert's pricing lever, "
        "unit economics ranks 9"
    ),
    ("web-design-agency-hosting-on-one-server", "must_not_advise"): (
        "held back; first run: advises surge plan; “surge plan”, which the expert rules out"
    ),
    ("web-design-agency-hosting-on-one-server", "weakest"): (
        "held back; first run: team (38, roles_and_cover) is named; the expert names technology"
    ),
    ("wedding-photography-studio-booked-two-seasons", "first_fixes"): (
        "held back; first run: key person cover, promises match, weeks to productive lead; the expert's "
        "backups ranks 24"
    ),
    ("wedding-photography-studio-booked-two-seasons", "must_not_advise"): (
        "held back; first run: advises surge plan, which the expert rules out"
    ),
    ("wedding-photography-studio-booked-two-seasons", "quadrant"): (
        "held back; first run: danger zone: demand pressure 72 against a weakest link of 32 (capacity); the "
        "expert reads demand ahead controlled"
    ),
    ("wedding-photography-studio-booked-two-seasons", "weakest"): (
        "held back; first run: capacity (52, throughput) is named; the expert names team"
    ),
    # --- Version 2.3 (what has gone wrong lately; top_customer_share no longer asked): seen cases it now misses.
    ("bakery-wholesaler-supermarket-contract", "first_fixes"): (
        "2.3: the owner's 'cash is tight' puts growth funding second, beside cash runway, where the expert "
        "counts the two as one fix; the brakes (when full, the expert's second) drop to fifth"
    ),
    # --- Round 12 held back (eight cases by a consultant who never saw the tool's output), run once on
    # 2026-11-29 at 12:12 on the rules of round 11, and on "routines carry no load" (declared beforehand,
    # adopted by its terms: as many quadrants, weakest links and first-fix sets, 5, 3 and 0 either way; it names
    # the tyre fitter's weakest link right and the bookshop's wrong). On the adopted rules: 5 of 8 quadrants, 3 of
    # 8 weakest links, 0 of 8 first fixes, 6 of 8 clean of ruled-out advice. Kept as found.
    ("board-game-publisher-kickstarter-backlog", "weakest"): (
        "held back; first run: process (18.0, planning) is named; the expert names capacity (25: packing in a "
        "40 m² unit, the cash to post 2,000 pledges)"
    ),
    ("board-game-publisher-kickstarter-backlog", "first_fixes"): (
        "held back; first run: cash runway (the expert's third), honest promises and the brake (the first) lead; "
        "a fulfilment partner is not in the first six"
    ),
    ("countertop-fabricator-second-saw-idle", "first_fixes"): (
        "held back; first run: the campaign lever and reach (the expert's second) lead, then the stock clean-up; "
        "cash runway (the first) ranks fourth, the price review is not in the first six"
    ),
    ("family-locksmith-records-on-one-old-pc", "first_fixes"): (
        "held back; first run: the stock clean-up, forecasts and pipeline visibility lead; backups, one job "
        "system and invoicing from the job are not in the first six"
    ),
    ("food-testing-lab-after-competitor-closed", "first_fixes"): (
        "held back; first run: key person cover, cash runway (the expert's second) and weeks to productive (the "
        "third) lead; the price rise is not in the first six"
    ),
    ("market-town-bookshop-cafe-till-total-only", "first_fixes"): (
        "held back; first run: key person cover (the expert's third) and forecasts lead; the weekly numbers and "
        "quarterly priorities are not in the first six"
    ),
    ("mobile-tyre-fitter-fleet-contract-overload", "first_fixes"): (
        "held back; first run: honest promises, key person cover and the brake lead (the expert's first and "
        "third); the fitter pipeline (pressure resilience) ranks fifth"
    ),
    ("pest-control-contracts-growing-in-step", "first_fixes"): (
        "held back; first run: weeks to productive and weeks to double (both the expert's first) then "
        "utilization lead; staff turnover and cover are not in the first six"
    ),
    ("tattoo-studio-books-open-quarterly", "first_fixes"): (
        "held back; first run: key person cover (the expert's third), weeks to productive (the second) and a "
        "surge plan lead; the owners' bookings (owner in sales, bottleneck known) are not in the first six"
    ),
    # --- Routines carry no load (2.2, declared before round 12 and adopted by its terms): the two weakest links
    # it lost among the cases of rounds 1 to 11 (it gained thirteen).
    ("aquarium-plant-shop-finding-its-feet", "weakest"): (
        "since 2.2: team (39.8, cover for the owner) is named; the expert names technology or process, and "
        "process was named before routines stopped counting as where a business breaks"
    ),
    # --- Round 11 held back (eight cases by a consultant who never saw the tool's output), run once on
    # 2026-11-29 at 12:02 on the rules of round 10, and on "load tests need a load" (declared beforehand,
    # adopted: 7 of 8 clean of ruled-out advice against 6, 14 of 24 expected fixes in the first three against
    # 12, one first-fix set against none). On the adopted rules: 7 of 8 quadrants, 3 of 8 weakest links, 1 of 8
    # first fixes (the pool service), 7 of 8 clean of ruled-out advice. Kept as found.
    ("driving-school-selling-lessons-it-cannot-teach", "weakest"): (
        "held back; first run: process (27.5, bound by its routines) is named; the expert names demand "
        "management (selling lessons it cannot teach), which by design is the control and never the weakest link"
    ),
    ("pickleball-paddle-brand-before-pro-signature-launch", "weakest"): (
        "held back; first run: team (29.7: no surge plan, heroics) by half a point; the expert names capacity "
        "(one factory's rush reorder, the cash to fund it)"
    ),
    ("pottery-studio-tv-rush-on-waiting-list", "weakest"): (
        "held back; first run: capacity (31.5, the kilns and wheels full) is named; the expert names team (one "
        "person can run the kilns), and says capacity is nearly as weak"
    ),
    ("corporate-video-company-founder-sells-everything", "first_fixes"): (
        "held back; first run: key person cover, plan B and the founder's selling (the expert's second) lead; the "
        "written project process is not in the first six, the weekly numbers sixth"
    ),
    ("driving-school-selling-lessons-it-cannot-teach", "first_fixes"): (
        "held back; first run: honest promises (the expert's first), key person cover and weeks to productive (the "
        "third) lead; a booking system that knows instructors' hours is not in the first six"
    ),
    ("microgreens-farm-orders-by-text", "first_fixes"): (
        "held back; first run: key person cover, the stock clean-up and plan B lead; one order system, backups "
        "and a packing check are not in the first six"
    ),
    ("pallet-maker-allocating-full-line", "first_fixes"): (
        "held back; first run: cash runway and a partner lead (the expert's second and first), then staff "
        "turnover; the sawmills' written volumes (supplier capacity) come fourth"
    ),
    ("pickleball-paddle-brand-before-pro-signature-launch", "first_fixes"): (
        "held back; first run: the brake (the expert's first), key person cover and cash runway (the second) "
        "lead; the website's spike and the surge plan (the third) come fourth and sixth"
    ),
    ("spice-subscription-half-empty-unit", "first_fixes"): (
        "held back; first run: the stock clean-up, key person cover (the expert's second) and the campaign lever "
        "(the third) lead; why subscribers leave (customer churn) is not in the first six"
    ),
    ("driving-school-selling-lessons-it-cannot-teach", "must_not_advise"): (
        "held back; first run: the expert's phrase 'discount' (meant as discounts to book ahead) matches the "
        "unit-economics advice to cost 'discounts, small orders, changes and returns'"
    ),
    # --- Round 10 held back (eight cases by a consultant who never saw the tool's output; early on the
    # consultant ran one script to list the questionnaire's ids, never the tool), run once on 2026-11-29 at
    # 12:05 on the rules of round 9, and on candidate P' (declared beforehand), which lost a quadrant and was
    # not adopted. On these rules: 7 of 8 quadrants, 3 of 8 weakest links, 1 of 8 first fixes (the yarn studio),
    # 5 of 8 clean of ruled-out advice. Kept as found.
    ("hand-dyed-yarn-studio-knit-along-launch", "weakest"): (
        "held back; first run: team (25.7, its surge plan and pressure resilience) by a point and a half; the "
        "expert names capacity (base yarn from one mill, dyeing hours)"
    ),
    ("online-tutoring-agency-after-viral-tiktok", "weakest"): (
        "held back; first run: process (18.8, planning) is named; the expert names team (the founder vets and "
        "matches every tutor)"
    ),
    ("shared-commercial-kitchen-half-empty", "weakest"): (
        "held back; first run: process (46.9, bound by its routines) is named; the expert names capacity (the "
        "loan payments on half-empty stations)"
        "; with routines carrying no load (2.2): team (the owner's time) is named"
    ),
    ("coffee-machine-servicing-run-from-owners-head", "first_fixes"): (
        "held back; first run: the stock clean-up, plan B (the expert's third) and weeks to productive lead; the "
        "weekly scorecard (kpi_review) ranks seventh, the quarterly priorities sixth"
    ),
    ("cornish-guesthouse-bookings-slipping", "first_fixes"): (
        "held back; first run: key person cover, plan B and customer churn (the expert's third) lead; one booking "
        "system is not in the first six, and winning guests back is no finding (placed in foundation, not idle)"
    ),
    ("moving-company-planned-summer-peak", "first_fixes"): (
        "held back; first run: key person cover (the expert's second), utilization and plan B lead; staff "
        "turnover (the expert's first) ranks seventh"
        "; with load tests needing a load (2.1.4): staff turnover ranks sixth"
    ),
    ("online-tutoring-agency-after-viral-tiktok", "first_fixes"): (
        "held back; first run: honest promises, the brake and key person cover lead (the expert's first and "
        "second); tutor supply (weeks to productive, extra hands) is not in the first six"
    ),
    ("shared-commercial-kitchen-half-empty", "first_fixes"): (
        "held back; first run: key person cover and forecasts lead; the campaign lever (the expert's first) ranks "
        "fourth, the cash plan and the price review are not in the first six"
    ),
    ("van-wrap-shop-ten-week-lead-time", "first_fixes"): (
        "held back; first run: weeks to productive, a partner and extra hands lead (the expert's second), moved "
        "ahead of doubling time (the expert's first, fifth) as its levers; the price rise is not in the first six"
    ),
    ("village-butcher-christmas-on-paper-slips", "first_fixes"): (
        "held back; first run: key person cover (the expert's third), the website's spike and forecasts lead; one "
        "order list (order system) is not in the first six"
        "; with load tests needing a load (2.1.4): key person cover and forecasts lead"
    ),
    # --- Round 9 held back (eight cases by a consultant who never saw the tool's output), run once on
    # 2026-11-29 at 11:42 on the rules of round 8, and on candidate P (routines carry no load, idle needs
    # stalled orders; declared beforehand), which lost a quadrant and was not adopted. On these rules: 5 of 8
    # quadrants, 3 of 8 weakest links, 0 of 8 first fixes, 6 of 8 clean of ruled-out advice. Kept as found.
    ("garment-factory-new-line-half-idle", "quadrant"): (
        "held back; first run: scale-ready: demand pressure 28 is just above the quiet line (25), so a weakest "
        "link of 63 far ahead of it reads as ready to grow; the expert reads a new line half idle as idle capacity"
    ),
    ("roofing-contractor-storm-canvassers-overpromise", "weakest"): (
        "held back; first run: process (28.3, planning); the expert names demand management (promises that "
        "canvassers break), which by design is the control and never the weakest link"
    ),
    ("bridal-atelier-capped-commissions", "first_fixes"): (
        "held back; first run: weeks to productive, a partner and supplier capacity lead (the expert's second "
        "and third); the price rise (pricing lever, unit economics) is not in the first six"
    ),
    ("frame-shop-quiet-steady-growth", "first_fixes"): (
        "held back; first run: the stock clean-up (the expert's second), key person cover and forecasts lead; the "
        "price review and the monthly numbers are not in the first six"
    ),
    ("garment-factory-new-line-half-idle", "first_fixes"): (
        "held back; first run: the owner's selling (the expert's first), quarterly priorities and forecasts lead "
        "(not idle, so no demand lever is a finding); the pricing lever ranks fourth"
    ),
    ("language-school-student-numbers-halved", "first_fixes"): (
        "held back; first run: key person cover, the website's spike and cash runway (the expert's first) lead; "
        "new channels are not findings (placed in foundation, not idle), and idle rooms (utilization) rank 22nd"
        "; with load tests needing a load (2.1.4): key person cover, cash runway and quarterly priorities lead"
    ),
    ("laptop-refurbisher-ready-for-summer-peak", "first_fixes"): (
        "held back; first run: payment days and growth funding (both the expert's first), then the website's "
        "peak; supplier volumes and the bench plan are not in the first six"
    ),
    ("roofing-contractor-storm-canvassers-overpromise", "first_fixes"): (
        "held back; first run: honest promises and the brake lead as the expert wants, then key person cover; "
        "the weekly sales and production meeting is not in the first six"
    ),
    # --- Round 8 held back (eight cases by a consultant who never saw the tool's output), run once on
    # 2026-11-29 at 11:20, on the rules of round 7 and on "levers before the figure" (declared beforehand
    # in writing, adopted because it put as many expected fixes in the first three: 8 of 24 either way; in the
    # first five 13 against 15). On the adopted rules: 8 of 8 quadrants, 5 of 8 weakest links, 0 of 8 first
    # fixes, 7 of 8 clean of ruled-out advice. Kept as found.
    ("vw-camper-parts-retailer-ready-to-double", "weakest"): (
        "held back; first run: capacity (73.2, twelve weeks of sea freight from single-source makers) is named; "
        "the expert names team (fitment knowledge in two technicians' heads)"
    ),
    ("bathroom-fitter-callbacks-during-ad-push", "first_fixes"): (
        "held back; first run: honest promises, cash runway and the brake lead (the expert's first); the "
        "callbacks (quality checks, return rate, the order process) are not in the first six"
    ),
    ("coach-hire-firm-after-losing-school-routes", "first_fixes"): (
        "held back; first run: key person cover, campaigns and reach lead (the expert's second); the owner's "
        "selling time and the cash plan are not in the first six"
    ),
    ("corporate-hamper-firm-record-christmas-order", "first_fixes"): (
        "held back; first run: cash runway and the brake lead as the expert wants, then key person cover; "
        "securing packing supplies (supplier capacity, single source) ranks fifth"
    ),
    ("cycling-club-kit-one-italian-factory", "first_fixes"): (
        "held back; first run: key person cover, the brake and honest promises lead (the expert's third); the "
        "factory's slots (supplier capacity) are not in the first six, a second factory ranks fourth"
        "; with routines carrying no load (2.2): the factory's slots rank sixth"
    ),
    ("florist-orders-in-whatsapp-and-a-diary", "first_fixes"): (
        "held back; first run: key person cover and forecasts lead; one order system (booking system) ranks "
        "sixth, automation and backups later"
    ),
    ("knife-maker-capped-drops-waitlist", "first_fixes"): (
        "held back; first run: weeks to productive (the expert's second), supplier capacity and a partner lead, "
        "moved ahead of doubling time as its levers; the expert's first is the second oven (doubling time, peak "
        "headroom: fifth and sixth), the price rise is not in the first six"
    ),
    ("vw-camper-parts-retailer-ready-to-double", "first_fixes"): (
        "held back; first run: supplier capacity, lead time and single source lead (the expert's second), then "
        "growth funding (the expert's third, fourth); key person cover (answered In place) is not a finding, nor "
        "weeks to productive (it grows capacity, and the busiest step has room)"
    ),
    ("florist-orders-in-whatsapp-and-a-diary", "must_not_advise"): (
        "held back; first run: four days of stock is advised a two-week buffer (in the 90-day plan): the advice "
        "does not know flowers keep a week (the shelf life is asked only with the surge details)"
    ),
    # --- Round 7 held back (eight cases by a consultant who never saw the tool's output), run once on the
    # rules of round 6 (unchanged since) on 2026-11-29, 09:00: 7 of 8 quadrants, 6 of 8 weakest links, 1 of 8
    # first fixes, 7 of 8 clean of ruled-out advice. Kept as found. (The consultant, not told the quadrant
    # ids, wrote "untapped_capacity" and "ready_to_scale"; they were renamed idle_capacity and scale_ready,
    # the same verdicts, before the run.)
    ("accident-repair-bodyshop-taking-on-insurer-contract", "quadrant"): (
        "held back; first run: foundation: the insurer contract (55% more in six weeks) puts demand pressure "
        "at 45 against a weakest link (team) of 39, short of the gap of 20; the expert reads an owner who "
        "writes every estimate, before a contract that adds half again, as the danger zone"
    ),
    ("accident-repair-bodyshop-taking-on-insurer-contract", "first_fixes"): (
        "held back; first run: key person cover and the brake (when_full) lead as the expert wants, then cash "
        "runway; hiring a painter (weeks_to_productive, extra_hands) is not in the first six"
    ),
    ("escape-room-venue-with-empty-weekdays", "first_fixes"): (
        "held back; first run: key person cover, the campaign lever and forecasts lead; the expert wants one "
        "booking system, a backup and monitoring, then the corporate offer (the campaign lever, second here)"
    ),
    ("family-funeral-director-owner-on-call", "first_fixes"): (
        "held back; first run: key person cover (the expert's first), weeks to productive and weeks to double "
        "lead; the expert wants clear roles or the owner's time, then a winter surge plan"
        "; with levers before the figure (2.1.3): key person cover, weeks to productive and extra hands lead "
        "(two of the expert's three)"
    ),
    ("jigsaw-puzzle-shop-before-tv-gift-guide", "first_fixes"): (
        "held back; first run: website spike, the brake and the website's measured peak lead (two of the "
        "expert's three, the website twice); stock linked to the shop (inventory_system) is not in the first six"
    ),
    ("office-plant-care-firm-winning-coworking-contract", "first_fixes"): (
        "held back; first run: cash runway, weeks to double and peak headroom lead (two of the expert's "
        "three); the second grower (single_source) ranks fourth"
    ),
    ("sign-maker-with-idle-printers-after-losing-big-client", "first_fixes"): (
        "held back; first run: the campaign and reach levers lead, then supplier payment; the expert's cash "
        "first (cash_runway) ranks sixth and more channels are not in the first six"
    ),
    ("tea-blender-ahead-of-supermarket-listing", "first_fixes"): (
        "held back; first run: supplier payment (the expert's first), the brake and contingency plans lead; "
        "the planning meeting and forecasts and the label checks are not in the first six"
    ),
    # --- Round 6 held back (eight cases by a consultant who never saw the tool's output), run once on the
    # rules of round 5 (nothing in the verdict or the ranking changed since; only advice wording) on
    # 2026-11-29, 07:00: 7 of 8 quadrants, 6 of 8 weakest links, 0 of 8 first fixes, 8 of 8 clean of
    # ruled-out advice. Kept as found.
    ("coffee-roaster-aiming-to-double", "first_fixes"): (
        "held back; first run: monitoring, restore testing and supplier lead time lead; the expert wants the "
        "order system, then stock and automation, then doubling or hiring; none is in the first five"
    ),
    ("day-nursery-with-long-waiting-list", "first_fixes"): (
        "held back; first run: weeks to double, cash runway and staff turnover lead; the expert wants "
        "turnover, then weeks to productive (fifth), then cover"
        "; with levers before the figure (2.1.3): turnover and weeks to productive lead as the expert wants, "
        "then weeks to double"
    ),
    ("garden-furniture-importer-overstocked", "first_fixes"): (
        "held back; first run: key person cover, stock clean-up and supplier payment lead; the expert's "
        "forecast accountability ranks fifth and the planning meeting later"
    ),
    ("hot-sauce-brand-before-tv-feature", "first_fixes"): (
        "held back; first run: the website's spike and peak (both the expert's first fix) and the brake lead; "
        "the stock and order systems rank fifth and sixth"
    ),
    ("school-meals-caterer-winning-contract", "weakest"): (
        "held back; first run: process (stock and suppliers: the one wholesaler paid late) is named; the "
        "expert names capacity"
    ),
    ("school-meals-caterer-winning-contract", "first_fixes"): (
        "held back; first run: cash runway, supplier payment (both the expert's first fix) and the brake "
        "lead; the kitchen's capacity and the extra staff come later"
    ),
    ("village-garage-with-comebacks", "first_fixes"): (
        "held back; first run: stock clean-up, key person cover and forecast bias lead; the expert wants "
        "quality checks and comebacks, then the written job process, then a weekly look at the numbers"
    ),
    # --- Round 5 held back (eight cases by a consultant who never saw the tool's output), run once when the
    # one-slack rule was declared done (2026-11-29, 06:55): 8 of 8 quadrants, 7 of 8 weakest links, 0 of 8
    # first fixes, 4 of 8 clean of ruled-out advice. Kept as found.
    ("home-care-agency-turning-away-referrals", "first_fixes"): (
        "held back; first run: weeks to double, cash runway and utilization lead (capacity is the weakest "
        "dimension, so demand-ahead urgency lifts all its findings); staff turnover ranks seventh"
        "; with levers before the figure (2.1.3): turnover, an overflow partner, weeks to productive and "
        "extra hands lead (two of three in the first three, all in the first four)"
    ),
    ("linen-laundry-idle-new-line", "first_fixes"): (
        "held back; first run: the campaign and reach levers lead, then pipeline visibility; the expert wants "
        "more customers and less dependence on one (channels, customer share), the owner's selling, then "
        "pricing"
    ),
    ("made-to-measure-blinds-ad-push", "first_fixes"): (
        "held back; first run: promises, the brake and key person cover lead; the expert's order process and "
        "quality checks, and published lead time, come later"
    ),
    ("scaffolding-contractor-hospital-contract", "first_fixes"): (
        "held back; first run: cash runway, weeks to double and payment days lead; the expert's third, "
        "supplier payment or supplier capacity, ranks sixth"
    ),
    ("scaffolding-contractor-hospital-contract", "must_not_advise"): (
        "held back; first run: the brake's advice mentions a waiting list and the stock system's advice an "
        "online shop, phrases the expert rules out for a contractor"
    ),
    ("school-uniform-supplier-dead-stock", "first_fixes"): (
        "held back; first run: the brake (when full), stock clean-up and return rate lead; the expert wants "
        "stock, forecasts, then the order process"
    ),
    ("swim-school-waiting-list-pool-hours", "first_fixes"): (
        "held back; first run: weeks to double, utilization and a fulfilment partner lead; the expert wants "
        "pool hours (supplier capacity, single source) first, then a plan B"
        "; with levers before the figure (2.1.3): a partner, single source and supplier capacity lead (the "
        "expert's first), the plan B is not in the first six"
    ),
    ("swim-school-waiting-list-pool-hours", "must_not_advise"): (
        "held back; first run: weeks to productive (10th) and extra hands (13th) are advised; the expert rules "
        "out hiring more teachers while pool hours bind"
    ),
    ("vintage-clothing-drops-crash", "first_fixes"): (
        "held back; first run: the website's spike, the brake and monitoring lead; the expert's stock sync "
        "(inventory or order system) ranks sixth"
    ),
    # --- Round 4 held back (six cases by a consultant who never saw the tool's output), run once when the
    # idle-capacity advice (band grows) and full-step rules were declared done (2026-11-29, 06:40): 5 of 6
    # quadrants, 6 of 6 weakest links, 1 of 6 first fixes, 6 of 6 clean of ruled-out advice. Kept as found.
    ("kestrel-precision-idle-machines", "first_fixes"): (
        "held back; first run: stock clean-up, forecast bias and forecast accountability lead (slack findings "
        "of a foundation verdict); the expert wants cash, then the owner's selling or new customers, then "
        "pricing; cash runway ranks sixth"
    ),
    ("ashgrove-joinery-waiting-list", "first_fixes"): (
        "held back; first run: key person cover, weeks to productive and the owner's selling lead; the first "
        "two answer the same expert fix (the core makers), and extra hands or a partner workshop rank later"
    ),
    ("ledgerline-bookkeeping-bureau", "first_fixes"): (
        "held back; first run: key person cover, forecast bias and forecast accountability lead; the expert "
        "wants one written way of doing the work, then honest lead times, then a weekly handful of numbers"
    ),
    ("northpour-cold-brew-supermarket-listing", "first_fixes"): (
        "held back; first run: cash runway, the brake (when full) and peak capacity lead; the expert's supply "
        "fix (supplier capacity, single source) is not in the first five"
    ),
    ("tallyroute-scheduling-saas", "first_fixes"): (
        "held back; first run: surge plan, weeks to productive and weeks to double lead; the expert's "
        "bottleneck or utilization fix ranks fifth and sixth"
    ),
    # --- Round 3 held back (five more cases by a consultant who never saw the tool's output), run once when
    # the overrun, idle-demand-lever and earlier rules were declared done (2026-11-29, 04:05): 4 of 5 quadrants,
    # 1 of 5 weakest links, 0 of 5 first fixes, 3 of 5 clean of ruled-out advice. Kept as found.
    ("vet-practice-eyeing-second-site", "first_fixes"): (
        "held back; first run: key person cover leads as expected, then stock clean-up and forecast bias; the "
        "expert's staff turnover and KPI review come later"
    ),
    ("furniture-workshop-after-trade-show", "weakest"): (
        "held back; first run: capacity (throughput) is named; the expert names team"
    ),
    ("furniture-workshop-after-trade-show", "first_fixes"): (
        "held back; first run: the website's spike, peak capacity and doubling time lead; the expert wants "
        "hands first, then the order process or bottleneck, then honest promises"
        "; with levers before the figure (2.1.3): the website's spike, weeks to productive and single source lead"
    ),
    ("furniture-workshop-after-trade-show", "must_not_advise"): (
        "held back; first run: unit economics' advice mentions discounts ('discounts, small orders, changes and "
        "returns all cost'), a phrase the expert rules out"
    ),
    ("pet-food-subscription-after-viral-video", "weakest"): (
        "held back; first run: team (surge area) is named; the expert names capacity"
    ),
    ("pet-food-subscription-after-viral-video", "first_fixes"): (
        "held back; first run: the brake leads as expected, then key person cover and single source; the "
        "expert's third, quality and support under the surge, ranks fourth to sixth"
    ),
    ("print-shop-idle-presses", "first_fixes"): (
        "held back; first run: stock clean-up, key person cover and the campaign lever lead; the expert wants "
        "channels or the owner's selling, systems, then pricing"
    ),
    ("electronics-assembler-customer-ramp", "first_fixes"): (
        "held back; first run: payment days, pricing and supplier capacity lead; the expert wants supply, "
        "then funding, then customer concentration (top_customer_share is a demand question, never advised)"
    ),
    # --- Round 2 held back (five cases by a consultant who never saw the tool's output), run once when the
    # levers, slack allowance, event and growth-drag rules were declared done (2026-11-29): 1 of 5 quadrants,
    # 3 of 5 weakest links, 1 of 5 first fixes, 5 of 5 clean of ruled-out advice. Kept as found.
    ("bakery-wholesaler-supermarket-contract", "weakest"): (
        "held back; first run: process (its improvement area: no priorities, no plan B) is named; the expert "
        "names capacity (five weeks of cash against 60-day terms, ovens at 88%)"
        "; with routines carrying no load (2.2): technology (its order and stock systems) is named"
    ),
    ("bookkeeping-firm-partner-listing", "quadrant"): (
        "held back; first run: foundation: the untested sign-up form and portal (critical website_spike) hold "
        "technology's link at 42; the expert reads a strong firm with one thing to test: scale-ready"
    ),
    ("bookkeeping-firm-partner-listing", "first_fixes"): (
        "held back; first run: the website's spike and peak lead, then doubling time; the expert wants people "
        "first (academy intake and freelancers), then the website, then the planning meeting"
    ),
    ("brewery-tank-allocation", "first_fixes"): (
        "held back; first run: doubling time, cash runway and utilization lead; the expert's overflow partner "
        "(fulfilment_partner, supplier_capacity) comes later"
        "; with levers before the figure (2.1.3): weeks to productive, supplier capacity and a partner lead, "
        "ahead of doubling time (the expert's first)"
    ),
    ("cleaning-company-churning-cleaners", "weakest"): (
        "held back; first run: capacity (cash runway caps it at 25) is named; the expert names team (110% "
        "turnover, no induction, no relief pool)"
    ),
    ("cleaning-company-churning-cleaners", "first_fixes"): (
        "held back; first run: cash runway, promises and key person cover lead; the expert's turnover fix "
        "(staff_turnover) ranks lower"
    ),
    ("engraved-gifts-shop-quiet-demand", "first_fixes"): (
        "held back; first run: pipeline visibility, key person cover and utilization lead; the expert's fixes "
        "are the owner's time and the demand side (channels, reach, campaigns), which the tool never advises"
    ),
    # --- Held back until the rules were declared done (2026-11-29), then run once: 2 of 4 quadrants,
    # 3 of 4 weakest links, 0 of 4 first fixes, 0 of 4 clean of ruled-out advice. Kept as found.
    ("machine-shop-with-one-programmer", "first_fixes"): (
        "held back; first run: key person cover leads as expected, then the owner in sales and cash runway; no "
        "finding says 'work ahead before the absence' (no question asks it)"
    ),
    ("physio-group-with-an-empty-third-clinic", "weakest"): (
        "held back; first run: process is named; the expert names demand management (bookings never move "
        "between sites), which is the control dimension and never counts as the weakest link"
        "; with routines carrying no load (2.2): team (cover for key people) is named"
    ),
    ("physio-group-with-an-empty-third-clinic", "first_fixes"): (
        "held back; first run: key person cover, promises and forecast bias lead; no question asks whether "
        "bookings are routed between sites"
    ),
    ("aquarium-plant-shop-finding-its-feet", "first_fixes"): (
        "held back; first run: key person cover, the website's spike and cash lead; the expert's stock system "
        "and written process come later"
        "; with load tests needing a load (2.1.4): key person cover, cash and plan B lead"
    ),
    ("aquarium-plant-shop-finding-its-feet", "must_not_advise"): (
        "held back; first run: brakes (order caps, waiting list), a fulfilment firm and headroom advice are given "
        "to a shop with little demand pressure: they come from the website's own advice and the spike profile; "
        "since brakes need a load and a half-idle step counts as room, only the utilization finding (50%, 'much "
        "spare room') and the website advice's 'waiting list' remain"
    ),
    ("dental-lab-growing-in-step", "first_fixes"): (
        "held back; first run: the surge plan, supplier payment and plan changes lead; the expert's hiring lead "
        "time and capacity headroom come later (weakest link team is right); now the surge plan, plan "
        "changes and contingency plans lead: with the mills at a healthy 60%, capacity-growing findings outside "
        "the binding area (team's surge) are left out, so hiring lead time (weeks_to_productive) is not advised"
    ),
    ("dental-lab-growing-in-step", "must_not_advise"): (
        "held back; first run: low-priority findings on cash runway, payment days, the order process and system "
        "remain in the backlog, which the must-not rule counts; since 'good is good enough' only payment days "
        "(30 days, 'within a month', 0.7 of its points, just below a good level) remains"
    ),
    ("chocolate-maker-one-cocoa-cooperative", "quadrant"): (
        "foundation: pressure 49.9 against a link of 39.6; the supply area (26) is judged half with the rest "
        "of capacity (area_softness 0.5), so demand does not lead it by the gap of 20; the expert reads the "
        "16-week single source as a ceiling on what can be delivered, which no question measures as such"
    ),
    ("chocolate-maker-one-cocoa-cooperative", "first_fixes"): (
        "placed in the foundation stage, findings weigh by gap to target and the spike kind (last December's "
        "6.7x peak): the website's spike readiness leads, ahead of the two supply fixes; no brake comes third"
    ),
    ("creamery-before-tv-spot", "first_fixes"): (
        "v2.0: the two brakes (throttle_demand, when_full) led as the expert wants but took two of the three "
        "places, and single_source ranked above the surge plan (team's surge area, 3.42 against 3.49); v2.1 "
        "merged the brakes into when_full, which leads, but key person cover (weight 3 with cross-training "
        "merged in) and single_source now rank above the surge plan"
    ),
    ("consultancy-waiting-list", "first_fixes"): (
        "three team findings tie (key person cover, weeks to productive, the owner in sales at 2.98) and take "
        "all three places; the expert's third fix is overflow capacity (weeks to double ranks fourth)"
    ),
    ("liquor-maker-dead-stock", "weakest"): (
        "since 2.3.2 (quiet demand names the part in the worst state): Technology, at 23 more than 10 points "
        "below Process (38), is named, and Process is said to be where a load would bind; the expert names "
        "Process, where the padded forecasts and dead stock are"
    ),
    ("liquor-maker-dead-stock", "first_fixes"): (
        "the planning findings lead as the expert wants, but forecast bias, plan changes and the long tail "
        "miss their whole share and tie first; forecast accountability (answered one step up) ranks seventh"
    ),
    ("skincare-brand-dont-know", "first_fixes"): (
        "'don't know' on supplier payment (critical, weight 2) and promises_match outrank 'don't know' on "
        "supplier capacity; the expert relies on the note that she has heard of no payment problem, which the "
        "tool does not read"
    ),
    ("solar-installer-paid-in-90-days", "first_fixes"): (
        "cash runway and payment days lead as the expert wants, but key person cover (team, weight 2, the "
        "owner prices every bid) ranks third, above the brakes on the framework's ramp-up"
    ),
}


def cases_for(check: str) -> list[Any]:
    return [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[(p.stem, check)]))
        if (p.stem, check) in KNOWN_MISSES
        else p
        for p in CASES
    ]


def _report(result: ScoreResult) -> str:
    b = result.balance
    found = [f.question_id for f in result.findings]
    return (
        f"quadrant {b.quadrant} (leaning {b.leaning}), weakest {b.weakest}, pressure {b.demand}, "
        f"link {b.link}, operations {b.operations}; first findings {found[:6]}"
    )


@pytest.mark.parametrize("path", cases_for("quadrant"), ids=[p.stem for p in CASES])
def test_case_gets_the_experts_quadrant(path: Path) -> None:
    expect, result = run_case(path)
    assert result.balance.quadrant == expect["quadrant"], _report(result)


@pytest.mark.parametrize("path", cases_for("weakest"), ids=[p.stem for p in CASES])
def test_case_gets_the_experts_weakest_link(path: Path) -> None:
    expect, result = run_case(path)
    assert result.balance.weakest in _options(expect["weakest"]), _report(result)


@pytest.mark.parametrize("path", cases_for("first_fixes"), ids=[p.stem for p in CASES])
def test_case_gets_the_experts_first_fixes(path: Path) -> None:
    expect, result = run_case(path)
    found = [f.question_id for f in result.findings]
    assert first_fixes_match(expect["first_fixes"], found), _report(result)


@pytest.mark.parametrize("path", cases_for("must_not_advise"), ids=[p.stem for p in CASES])
def test_case_is_not_given_the_advice_the_expert_rules_out(path: Path) -> None:
    expect, result = run_case(path)
    questions, texts = advised(result)
    banned = set(expect["must_not_advise"].get("questions", []))
    assert not banned & questions, f"advised: {sorted(banned & questions)}"
    for phrase in expect["must_not_advise"].get("phrases", []):
        hits = [t for t in texts if phrase.lower() in t.lower()]
        assert not hits, f"{phrase!r} advised: {hits[0]}"


def test_there_are_at_least_eight_cases_and_each_is_complete() -> None:
    assert len(CASES) >= 8
    for path in CASES:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert {"name", "description", "questionnaire", "answers", "expect"} <= set(case), path.name
        assert {"quadrant", "weakest", "first_fixes", "must_not_advise", "why"} <= set(case["expect"]), path.name
        assert len(case["expect"]["first_fixes"]) == 3, path.name


def test_first_fixes_matching_is_one_to_one() -> None:
    """The matcher itself: one finding cannot satisfy two entries, and order does not matter."""
    assert first_fixes_match(["a", ["b", "c"], "d"], ["d", "c", "a", "x"])
    assert not first_fixes_match([["a", "b"], ["a", "b"], "c"], ["a", "c", "x"])
    assert not first_fixes_match(["a", "b", "c"], ["a", "b", "x", "c"])


def _figures() -> dict[str, int]:
    """The calibration's totals, as docs/scoring.md section 7 and the README state them."""
    found = {"cases": len(CASES), "quadrant": 0, "weakest": 0, "sets": 0, "clean": 0, "named": 0, "in3": 0, "in5": 0}
    for path in CASES:
        expect, result = run_case(path)
        ids = [f.question_id for f in result.findings]
        questions, texts = advised(result)
        banned = set(expect["must_not_advise"].get("questions", []))
        phrases = [p.lower() for p in expect["must_not_advise"].get("phrases", [])]
        found["quadrant"] += result.balance.quadrant == expect["quadrant"]
        found["weakest"] += result.balance.weakest in _options(expect["weakest"])
        found["sets"] += first_fixes_match(expect["first_fixes"], ids)
        found["clean"] += not (banned & questions) and not any(p in t.lower() for p in phrases for t in texts)
        found["named"] += len(expect["first_fixes"])
        found["in3"] += sum(any(q in _options(e) for q in ids[:3]) for e in expect["first_fixes"])
        found["in5"] += sum(any(q in _options(e) for q in ids[:5]) for e in expect["first_fixes"])
    return found


def test_the_figures_the_docs_state_are_the_calibrations() -> None:
    """The README and docs/scoring.md say how far to trust the verdict; a round added or a rule changed without
    updating them would leave a reader trusting figures the tool no longer earns."""
    f = _figures()
    scoring = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    of = f"of {f['cases']} |"
    for row, key in (
        ("| quadrant |", "quadrant"),
        ("| weakest link |", "weakest"),
        ("| first three fixes, one to one |", "sets"),
        ("| nothing the expert ruled out advised |", "clean"),
    ):
        assert f"{row} {f[key]} {of}" in scoring, (row, f)
    assert f"Of the {f['named']} fixes the experts named first, {f['in3']} are among the tool's first three" in (
        " ".join(scoring.split())
    ), f
    assert f"and {f['in5']} among its first five" in " ".join(scoring.split()), f
    assert f"{f['cases']} businesses written by consultants" in readme, f
    assert f"The tool places {f['quadrant']} of them where the consultant did" in readme, f
    assert f"weakest part in {f['weakest']};" in readme, f
    assert f"exactly in {f['sets']} ({f['in3']} of the {f['named']} fixes" in readme, f
