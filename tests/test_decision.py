"""The step the owner is weighing, read against the verdict.

Consultants reviewing reports blind found them silent on the decision the owner had come with: a second
site, a fifth room, a big contract. The growth questionnaire asks it (``decision_ahead``, not scored), and
each option says, per verdict, what the verdict means for that step (``verdicts``). These tests hold the
rule through the whole engine on businesses the consultants wrote, and the wording on every surface.
"""

from __future__ import annotations

import pytest

from readiness import parse_questionnaire, score
from readiness.answers import Answer, AnswerSet
from readiness.balance import QUADRANTS
from readiness.errors import QuestionnaireError
from readiness.loader import load_questionnaire
from readiness.report import build_report, render_markdown
from readiness.report_tables import tables
from readiness.summary import decision_words

from .casework import case_answers, with_values
from .conftest import ROOT

GROWTH = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")


def test_every_step_has_advice_for_every_verdict() -> None:
    """A step the owner can pick is never met with silence, whatever the verdict."""
    question = GROWTH.question("decision_ahead")
    steps = [o for o in question.options if o.id != "nothing_big"]
    assert len(steps) >= 5
    for option in steps:
        assert set(option.verdicts) == set(QUADRANTS), option.id
    assert not next(o for o in question.options if o.id == "nothing_big").verdicts


@pytest.mark.parametrize(
    ("case", "step", "verdict", "opens", "names"),
    [
        # A vet whose founder is the bottleneck, tempted by a second site: wait (its expert: "open the second
        # site now" must not be advised).
        ("vet-practice-eyeing-second-site", "second_site", "foundation", "Wait.", "Team"),
        # A print shop with idle presses weighing a new press: fill what you have.
        ("print-shop-idle-presses", "equipment", "idle_capacity", "Not now.", None),
        # A dog daycare with a waiting list weighing a key hire: yes, for the part holding the queue back.
        ("dog-daycare-full-with-waiting-list", "key_hire", "demand_ahead_controlled", "Yes:", "weakest"),
        # A skincare brand too full of "don't know" to place: answer them first.
        ("skincare-brand-dont-know", "big_customer", "not_placed", "Answer the open questions first", None),
    ],
)
def test_the_verdict_answers_the_step_the_owner_is_weighing(
    case: str, step: str, verdict: str, opens: str, names: str | None
) -> None:
    answers = case_answers(GROWTH, case)
    result = score(GROWTH, with_values(answers, decision_ahead=step))
    assert result.balance.quadrant == verdict
    assert result.decision is not None and result.decision.verdict == verdict
    assert result.decision.text.startswith(opens)
    if names == "weakest":  # the weakest link is named in the owner's words, not as an id
        assert result.balance.weakest_title and result.balance.weakest_title in result.decision.text
    elif names:
        assert names in result.decision.text
    assert "{" not in result.decision.text and result.balance.weakest not in result.decision.text.split()


def weighing_nothing(case: str) -> dict[str, Answer]:
    """The case's answers without the step its owner is weighing."""
    return {k: v for k, v in case_answers(GROWTH, case).items() if k != "decision_ahead"}


def test_the_step_changes_no_score_no_finding_and_no_verdict() -> None:
    answers = weighing_nothing("vet-practice-eyeing-second-site")
    plain = score(GROWTH, answers)
    weighing = score(GROWTH, with_values(answers, decision_ahead="second_site"))
    assert plain.decision is None
    assert weighing.overall == plain.overall and weighing.balance == plain.balance
    assert [f.question_id for f in weighing.findings] == [f.question_id for f in plain.findings]
    assert [d.score for d in weighing.dimensions] == [d.score for d in plain.dimensions]
    assert score(GROWTH, with_values(answers, decision_ahead="nothing_big")).decision is None


STEP = """
schema_version: 1
id: step
version: "1"
title: Step
dimensions:
  - {id: team, title: Team, side: operations}
  - {id: demand, title: Demand, side: demand}
scales:
  - id: four
    options:
      - {value: 0, label: None}
      - {value: 1, label: Some}
      - {value: 2, label: Most}
      - {value: 3, label: All}
levels:
  - {id: low, name: Low, min: 0}
profiles:
  - {id: p, title: P, targets: {team: 60}}
questions:
  - {id: cover, dimension: team, type: scale, scale: four, text: Cover}
  - {id: orders, dimension: demand, type: scale, scale: four, text: Orders, pressure: growth}
  - id: step
    dimension: team
    type: single_choice
    weight: 0
    text: Which step?
    options:
      - {id: none, label: None}
      - id: site
        label: A second site
        verdicts:
          danger_zone: Fix {weakest} first.
          idle_capacity: Fill the first one.
"""


def test_a_verdict_with_nothing_to_say_stays_silent_and_a_business_not_placed_is_read_by_its_leaning() -> None:
    loaded = parse_questionnaire(STEP, "step.yaml")
    assert not loaded.warnings, loaded.warnings  # weight 0 is right for a question that speaks to a verdict
    q = loaded.questionnaire

    def told(**values: object) -> str | None:
        result = score(q, {k: Answer(k, "value", v) for k, v in values.items()})
        return result.decision.text if result.decision else None

    assert told(cover=0, orders=3, step="site") == "Fix Team first."  # danger zone: the weakest link named
    assert told(cover=3, orders=0, step="site") == "Fill the first one."  # idle
    assert told(cover=1, orders=1, step="site") is None  # foundation: this questionnaire says nothing there
    # Nobody knows whether the cover holds: not placed, leaning to the danger zone, which is what it reads.
    unsure = {"cover": Answer("cover", "dont_know"), "orders": Answer("orders", "value", 3)}
    result = score(q, {**unsure, "step": Answer("step", "value", "site")})
    assert (result.balance.quadrant, result.balance.leaning) == ("not_placed", "danger_zone")
    assert result.decision is not None and result.decision.verdict == "danger_zone"
    assert result.decision.text == "Fix Team first."


def test_a_step_on_a_multiple_choice_or_in_a_framework_without_a_balance_is_refused_or_silent() -> None:
    many = STEP.replace(
        "type: single_choice\n    weight: 0\n    text: Which step?",
        "type: multiple_choice\n    weight: 0\n    text: Which step?",
    )
    assert many != STEP
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(many, "many.yaml")
    assert "RQ222" in str(caught.value) and "single choice" in str(caught.value)
    alone = STEP.replace("  - {id: demand, title: Demand, side: demand}\n", "").replace(
        "  - {id: orders, dimension: demand, type: scale, scale: four, text: Orders, pressure: growth}\n", ""
    )
    q = parse_questionnaire(alone, "alone.yaml").questionnaire
    result = score(q, {"cover": Answer("cover", "value", 3), "step": Answer("step", "value", "site")})
    assert result.decision is None  # no demand side, no verdict: no "answer the open questions first" either


RELIEVING = """
schema_version: 1
id: relieving
version: "1"
title: Relieving
dimensions:
  - {id: team, title: Team, side: operations, areas: [{id: cover, title: Cover and roles}]}
  - id: capacity
    title: Capacity
    side: operations
    areas: [{id: throughput, title: Throughput}, {id: cash, title: Cash}]
  - {id: demand, title: Demand, side: demand}
scales:
  - id: four
    options:
      - {value: 0, label: None}
      - {value: 1, label: Some}
      - {value: 2, label: Most}
      - {value: 3, label: All}
levels:
  - {id: low, name: Low, min: 0}
profiles:
  - {id: p, title: P, targets: {team: 60, capacity: 60}}
questions:
  - {id: cover, dimension: team, area: cover, type: scale, scale: four, text: Cover}
  - {id: machines, dimension: capacity, area: throughput, type: scale, scale: four, text: Machines}
  - {id: cash, dimension: capacity, area: cash, type: scale, scale: four, text: Cash}
  - {id: orders, dimension: demand, type: scale, scale: four, text: Orders, pressure: growth}
  - id: step
    dimension: team
    type: single_choice
    weight: 0
    text: Which step?
    options:
      - {id: none, label: None}
      - id: machine
        label: A big machine
        verdicts:
          danger_zone: Only if it is the step that limits output.
          idle_capacity: Fill what you have.
        relieves: [capacity.throughput]
        elsewhere: Not the fix; the limit is in {limit}, so fix {weakest} first.
"""


def test_a_step_that_does_not_relieve_the_weakest_link_is_not_the_fix_while_demand_is_ahead() -> None:
    """A charge-point installer's queue waits on one designer and a skip-hire firm's lorry stands parked for
    want of a driver: their experts rule out more vans, where "only if it is the step that limits output" left
    the owner to guess. The step says what it adds to; while demand is ahead and the weakest link lies
    elsewhere, the owner is told so, naming where it binds."""
    q = parse_questionnaire(RELIEVING, "relieving.yaml").questionnaire

    def told(**values: object) -> str | None:
        result = score(q, {k: Answer(k, "value", v) for k, v in values.items()})
        assert result.decision is not None
        return result.decision.text

    # Demand far ahead, the team weakest: a machine is not the fix, and the part that binds is named.
    assert told(cover=0, machines=3, cash=3, orders=3, step="machine") == (
        "Not the fix; the limit is in cover and roles, in Team, so fix Team first."
    )
    # The cash binds, inside the very dimension the machine adds to: still not the fix.
    assert told(cover=3, machines=3, cash=0, orders=3, step="machine").startswith(
        "Not the fix; the limit is in cash, in Capacity"
    )
    # The machines themselves bind: the verdict's own text, with its condition.
    assert told(cover=3, machines=0, cash=3, orders=3, step="machine") == "Only if it is the step that limits output."
    # Idle capacity: demand is not ahead, so what the step relieves does not matter.
    assert told(cover=3, machines=3, cash=3, orders=0, step="machine") == "Fill what you have."


def test_a_machine_for_a_full_step_while_cash_binds_is_told_how_to_pay_for_it() -> None:
    """A food-testing lab's incubators are 95% full while its cash binds: "not the fix for what breaks first"
    (cash) read as wrong to every reviewer of four blind reviews. A step that says what it is paid from
    (`spends`) hears the verdict's own text while the busiest step is full; with room at the step, or with the
    team binding, it is still not the fix."""
    paid = RELIEVING.replace(
        "        relieves: [capacity.throughput]\n",
        "        relieves: [capacity.throughput]\n        spends: [capacity.cash]\n",
    ).replace(
        "  - {id: cash, dimension: capacity, area: cash, type: scale, scale: four, text: Cash}\n",
        "  - {id: cash, dimension: capacity, area: cash, type: scale, scale: four, text: Cash}\n"
        "  - {id: room, dimension: capacity, area: throughput, type: scale, scale: four, text: Room, headroom: true}\n",
    )
    assert paid.count("spends:") == 1 and paid.count("headroom: true") == 1
    q = parse_questionnaire(paid, "paid.yaml").questionnaire

    def told(**values: object) -> str:
        result = score(q, {k: Answer(k, "value", v) for k, v in values.items()})
        assert result.decision is not None and result.balance.weakest == values.get("weakest", "capacity")
        return result.decision.text

    # the step is full and the cash binds: the verdict's text, which says how a step is paid for
    assert told(cover=3, machines=3, cash=0, room=0, orders=3, step="machine") == (
        "Only if it is the step that limits output."
    )
    # room to spare at the step: the machine adds cost first, and the cash is still the limit
    assert told(cover=3, machines=3, cash=0, room=3, orders=3, step="machine").startswith(
        "Not the fix; the limit is in cash, in Capacity"
    )
    # full, but the team binds: nobody to run a machine, whatever it is paid from
    assert told(cover=0, machines=3, cash=3, room=0, orders=3, step="machine", weakest="team").startswith(
        "Not the fix; the limit is in cover and roles, in Team"
    )


@pytest.mark.parametrize(
    ("broken", "said"),
    [
        ("relieves: [capacity.throughput]\n        elsewhere: Not the fix.", None),
        ("relieves: [capacity.thruput]\n        elsewhere: Not the fix.", "did you mean `capacity.throughput`"),
        ("relieves: [demand]\n        elsewhere: Not the fix.", "not an operations dimension"),
        ("relieves: [capacity]", "`relieves` without `elsewhere`"),
        ("elsewhere: Not the fix.", "`elsewhere` without `relieves`"),
        ("relieves: [team]\n        elsewhere: Not the fix at {site}.", "may name only `{weakest}` and `{limit}`"),
        ("relieves: [team]\n        spends: [capital.cash]\n        elsewhere: Not the fix.", "spends `capital.cash`"),
        ("spends: [capacity.cash]\n        elsewhere: Not the fix.", "`spends` without `relieves`"),
    ],
)
def test_what_a_step_relieves_names_real_parts_and_comes_with_what_to_say(broken: str, said: str | None) -> None:
    given = (
        "relieves: [capacity.throughput]\n"
        "        elsewhere: Not the fix; the limit is in {limit}, so fix {weakest} first."
    )
    text = RELIEVING.replace(given, broken)
    assert broken.startswith("relieves: [capacity.throughput]") or text != RELIEVING
    if said is None:
        assert parse_questionnaire(text, "ok.yaml").questionnaire
        return
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(text, "broken.yaml")
    message = str(caught.value)
    assert "RQ222" in message and said in message and "broken.yaml" in message


def test_the_step_reads_the_same_on_the_summary_the_report_and_its_markdown() -> None:
    answers = case_answers(GROWTH, "vet-practice-eyeing-second-site")
    answers = with_values(answers, decision_ahead="second_site")
    result = score(GROWTH, answers)
    heading, advice = decision_words(result) or ("", "")
    assert heading == (
        "The step you are weighing: A second site to deliver more (a unit, clinic, workshop, depot or territory)"
    )
    report = build_report(GROWTH, result, AnswerSet(answers=answers))
    assert (report.decision_heading, report.decision) == (heading, advice)
    assert f"**{heading}.** {advice}" in render_markdown(report)
    summary = {row["Item"]: row["Value"] for row in tables(report)["Summary"]}
    assert summary[heading] == advice  # the spreadsheet and the CSV carry it too


def test_the_step_is_named_in_the_owners_words_when_they_give_them() -> None:
    """Blind reviewers read "A new machine or piece of equipment" for a pottery's third kiln as a form letter:
    the owner's own words name the step on every surface, the category only when they give none, and the
    words change nothing else."""
    answers = with_values(case_answers(GROWTH, "vet-practice-eyeing-second-site"), decision_ahead="second_site")
    plain = score(GROWTH, answers)
    words = "  an empty shop eight miles away, offered for next spring. "
    named = with_values(answers, decision_detail=words)
    result = score(GROWTH, named)
    heading, advice = decision_words(result) or ("", "")
    assert heading == "The step you are weighing: an empty shop eight miles away, offered for next spring"
    assert advice == plain.decision.text if plain.decision else False  # the advice still follows the verdict
    report = build_report(GROWTH, result, AnswerSet(answers=named))
    assert f"**{heading}.** {advice}" in render_markdown(report)
    assert (result.balance.quadrant, [f.question_id for f in result.findings]) == (
        plain.balance.quadrant,
        [f.question_id for f in plain.findings],
    )
    # Words left over from a step since taken back ("Nothing big") name nothing: the note is not shown.
    dropped = score(GROWTH, with_values(named, decision_ahead="nothing_big"))
    assert dropped.decision is None


@pytest.mark.parametrize(
    ("describes", "said"),
    [
        ("stepp", "describes unknown question `stepp`; did you mean `step`?"),
        ("cover", "describes `cover`, which has no options to name"),
    ],
)
def test_a_note_naming_the_step_must_name_a_question_with_options_asked_before_it(describes: str, said: str) -> None:
    broken = STEP + (
        f"  - {{id: step_words, dimension: team, type: text, weight: 0, describes: {describes}, text: What step?}}\n"
    )
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(broken, "step.yaml")
    assert "RQ223" in str(caught.value) and said in str(caught.value)
    first = STEP.replace(
        "  - id: step\n",
        "  - {id: step_words, dimension: team, type: text, weight: 0, describes: step, text: What step?}\n"
        "  - id: step\n",
    )
    assert first != STEP
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(first, "first.yaml")
    assert "RQ223" in str(caught.value) and "which is asked after it" in str(caught.value)


def test_a_step_with_nothing_picked_leaves_every_surface_silent() -> None:
    answers = weighing_nothing("vet-practice-eyeing-second-site")
    result = score(GROWTH, answers)
    report = build_report(GROWTH, result, AnswerSet(answers=answers))
    assert not report.decision and "The step you are weighing:" not in render_markdown(report)


#: Calibration businesses whose owner is weighing a step (answered blind from the description) and whose
#: expert, writing before this rule existed, ruled out taking that step now (their words) ...
HOLD = {
    "ashgrove-joinery-waiting-list": "open a showroom",
    "boutique-hotel-new-owners-chef-holds-the-kitchen": "take on weddings or events now",
    "brewery-taproom-christmas-parties-and-tv-airing": "open a second bar or buy a bigger brewhouse now",
    "car-valeting-chain-after-losing-dealer-contract": "open the sixth site",
    "childrens-activity-camps-doubled-summer": "open the two extra sites this summer",
    "childrens-shoe-shop-fitting-slots-full-after-rival-closed": "take the unit next door before there are fitters",
    "cleaning-supplies-distributor-idle-vans-orders-by-phone": "buy another van",
    "craft-bakery-cafe-round-orders-by-whatsapp": "sign the coffee group for February",
    "custom-frame-builder-capped-order-book-after-youtube-feature": "launch the cheaper stock-geometry range now",
    "dental-medical-msp-onboarding-dental-group": "bid for the GP federation tender now",
    "ebike-shop-idle-workshop-aged-stock": "open the second rental point",
    "electrical-alarm-maintenance-retail-contract-mobilising": "win more contracts, bid harder",
    "escape-room-venue-with-empty-weekdays": "build a fifth room",
    "hardware-timber-merchant-on-1998-system": "buy the second delivery lorry now",
    "home-care-agency-turning-away-referrals": "bid for the rural lot or accept more council packages now",
    "hotel-laundry-new-group-contract-falling-behind": "sign the twelve-hotel group or chase more hotels now",
    "physio-group-with-an-empty-third-clinic": "open the fourth clinic or add capacity",
    "riding-school-weighing-indoor-arena": "borrow for and build the indoor arena now",
    "tattoo-studio-books-open-quarterly": "open the Seattle studio now",
    "vet-practice-eyeing-second-site": "open the second site now",
    "wedding-dress-alterations-one-seamstress-does-the-lace": "say yes to the boutique's referrals now",
    "windscreen-franchisee-three-vans-before-frost-season": "take on the neighbouring territory now",
    # Round 20, written after the advice and run once on it:
    "keelson-first-aid-training-basics": "add the new fire-marshal or food-hygiene courses now",
    "penhallow-plastering-housebuilder-collapse": "buy the spray-plaster rig or any new equipment now",
    "quillon-health-phlebotomy-cash-squeeze": "take on the third partner at full volume from February",
    # Round 21, the same:
    "bellhouse-honey-farm-run-from-one-phone": "open the Ludlow shop and café now",
    "calderbrook-sofas-upholstery-bench-sets-the-pace": "buy the £140,000 CNC router now",
    "clapperboard-location-caterer-third-truck": "buy the £90,000 truck outright now",
    "fenwick-hale-architects-founder-writes-every-proposal": "open the Bristol studio, now or as a small test",
    "redline-riderwear-warehouse-full-of-returns": "take the 40,000 sq ft unit",
    "stoneleigh-fire-doors-two-inspectors-behind": "bid for the 9,000-door framework now on the usual terms",
    "voltgate-charging-queue-waits-on-one-designer": "buy three more vans and hire four electricians now",
    # Round 22, the same (and the round "a step that does not relieve the limit" was declared for):
    "emberstone-pizza-ovens-backlog-hides-falling-orders": "cast a batch of commercial ovens for stock",
    "furrow-and-seed-stock-in-an-evening-spreadsheet": "sign the garden-centre racks for February",
    "greaseguard-extract-cleaning-full-crews-four-weeks-cash": "sign the £60,000 loan before prices rise",
    "hebble-skip-hire-short-of-drivers-wants-a-lorry": "buy the fourth lorry now",
    "tenement-pressing-honest-queue-seven-weeks-cash": "sign the fourth press now, before the price rise",
    # Round 23, the same:
    "brindle-appliance-repair-unanswered-phones": "open the reconditioned-appliance shop now",
    "brindlewood-pressery-pasteuriser-nobody-checks": "bid for an April start with the process as it is",
    "holmfirth-radiators-growing-on-uncosted-orders": "sign the £300,000 loan for three containers now",
    "kingfisher-drainage-panel-jobs-at-a-loss": "buy the second tanker and lining rig now",
    "larkfield-ecology-honest-queue-five-weeks-cash": "sign the housebuilder framework as offered",
    "merriott-cards-falling-orders-growing-range": "launch the gift-wrap and notebook range now",
    "tregaron-trailers-allocating-on-five-weeks-cash": "buy the £240,000 welding cell now with cash or overdraft",
    # Round 24, the same:
    "dorran-plumbing-yes-to-every-job": "start heat pumps in February, before the firm stops taking every job",
    "fellbrook-firewood-drivers-not-lorries": "buy the fourth lorry now (drivers, not lorries, are the limit)",
    "hopscotch-play-barn-falling-visits-second-venue": "take the Pontefract lease",
    "lanterna-fresh-pasta-takes-every-order-three-weeks-cash": "sign the £180,000 loan before prices and terms",
    "lychgate-stone-conservation-honest-list-five-weeks-cash": "borrow for a third gang before terms and prices",
    "rivermoor-tackle-falling-orders-growing-range": "launch the own-brand range",
    "wyvern-shepherds-huts-honest-queue-six-weeks-cash": "take sixteen huts for Easter at a discount",
    # Round 25, the same:
    "blackstone-chimney-sweeps-honest-season-queue": "add stove installation now",
    "hearthwarm-heated-throws-oversold-after-tv-best-buy": "take the £400,000 loan for three containers",
    "swale-valley-cars-council-school-routes": "take all nine school routes from January",
    "tanhouse-saddlery-capped-queue-showroom-offer": "open the showroom",
    # Round 26, the same:
    "dunstall-produce-wholesaler-orders-in-a-2007-database": "bid for the school contract for an early start",
    "dyffryn-agri-contractors-founders-paper-diary": "buy the £240,000 forage harvester now",
    "kingfield-flooring-ten-day-promise-six-week-queue": "open a second showroom now",
    "marwood-immigration-rush-before-rule-change": "open the Birmingham office",
    "tolland-trophies-orders-down-laser-idle": "buy the £46,000 UV printer",
    # Round 27:
    "holmesfield-grounds-gritting-routes-at-the-edge": "take on the landlord's 30 sites in January, mid-season",
    "houndstooth-kitchen-dog-biscuits-owner-runs-the-bake-plan": "sign the chain's listing for a March start",
    "kerr-lettings-nantwich-portfolio-through-the-owner": "sign the takeover for 1 February as it stands",
    "lune-access-hire-idle-booms-after-hospital-build": "buy the six booms or add machines",
    # Round 28:
    "clearview-adhd-clinic-honest-wait-insurer-offer": "join the insurer network on a six-week promise now",
    "fellgate-puddings-steam-cabinets-full-each-autumn": "buy the third cabinet for next season",
    "glow-and-veil-bridal-makeup-founders-phone-academy": "open the training academy now",
    "tynedale-stoves-idle-fitters-unsold-stock-heat-pump-idea": "move into heat pumps now",
    # Round 29:
    "hollin-art-casting-bronze-foundry-one-chaser-furnace-idea": "buy the bigger furnace now",
    "pennant-lighting-coating-oven-full-pub-company-refit": "sign the pub refit as drafted",
    "strathbeg-oatcakes-full-tunnel-oven-gluten-free-range": "launch the gluten-free range on the full oven",
    # Round 30:
    "irwell-damp-mould-remediation-awaabs-law-yes-to-everything": "join the fourth housing framework now",
    "northgate-boiler-spares-before-the-cold-snap": "open the Leeds trade counter before the cold snap",
    "solway-pet-wholesale-pickers-full-cash-in-slow-stock": "take the empty unit next door",
    # Round 31:
    "cathcart-asbestos-reports-retyped-third-microscope": "buy the third microscope",
    "clyne-driving-school-waiting-list-intensive-platform": "join the intensive-course platform",
    "coquet-smokehouse-salmon-kiln-full-food-hall-listing": "start the food-hall listing in April on the full kiln",
    "ladybrook-extract-hygiene-night-crews-full-grease-traps": "add grease traps to the full night crews now",
    "lugg-valley-firewood-second-kiln-from-february-cash": "pay for the second kiln from the February cash",
    # Round 32:
    "coldharbour-garden-rooms": "take the second unit (the crews, not the workshop, run out first)",
    "cowgate-rehearsal-rooms": "build the fourth room before bookings and deposits are fixed",
    "holbeck-lodge-care-home": "buy the closed 18-bed home while its own beds are closed for want of staff",
    "irongate-security-training": "open the Sheffield training unit",
    "spinney-hill-foods": "sign the Nottingham depot now, on cash that cannot carry the shops waiting",
    "tidemark-seaweed": "buy the heat-pump dryer this winter",
    # Round 33:
    "abbey-steps-toys": "open the third shop in Pickering now",
    "fellside-brownie-co": "buy the third oven on the overdraft before the TV slot",
    "lansdown-sash-and-joinery": "take the second workshop now",
    "longton-lane-home-care": "bid for the third council zone now",
    # Round 34:
    "calder-crew-deliveries": "sign the bed retailer's contract for March as it stands",
    "cliffe-dessert-kitchen": "take the farm-shop listing on 60-day terms now",
    "fellside-home-care": "take the council block contract in full",
    "wansbeck-heating-services": "start heat-pump installs now",
    "wrekin-fitted-furniture": "buy the second spray booth now",
    # Round 35:
    "claymoor-surveys-stockton-full-diary-housing-association-term-contract": "sign for a March start",
    "meanwood-heating-engineers-diary-heat-pump-service": "fit heat pumps before the new engineers work alone",
    "totterdown-bread-deck-oven-full-clifton-shop": "open the Clifton shop on the landlord's timetable",
    # Round 36:
    "brambling-seeds-ludlow-website-down-january-youtube-series": "buy the packeting machine now",
    "harrop-drainage-diary-on-owners-phone-second-tanker": "buy the second tanker now",
    "nidd-physio-knaresborough-insurer-billing-harrogate-clinic": "open the Harrogate clinic now",
    "pennard-hill-nursery-salvias-gardeners-world-feature": "lease the neighbour's polytunnels now",
    # Round 37:
    "hellesdon-autos-garage-paper-job-cards": "start EV and hybrid servicing in the new year",
    "hollin-beck-brewery": "buy two fermenters from the bank and the overdraft now",
    "kennet-swim-school-waiting-list-teachers": "take the Wokingham pool from January",
    "penhallow-kitchen": "sign the supermarket listing for February",
    "totterdown-ferments-kombucha-queue-supermarket": "sign the April supermarket listing on its terms",
    # Round 38:
    "corve-street-dental-ludlow-owner-does-the-dentistry-weighing-second-site": "buy the Church Stretton practice now",
    "rotaweave-leeds-care-software-onboarding-queue-weighing-care-group": "sign the care group on its terms",
    "wensum-valley-preserves-busy-kitchen-falling-orders": "buy the steam pan and hire the cook",
    # Round 39:
    "corvedale-huts-busy-on-spring-queue-orders-down-a-third": "rent the farm unit next door as a second workshop",
    "courtside-padel-online-orders-falling-ten-months-of-stock-weighing-pickleball": "order the pickleball range now",
    "exe-valley-heat-pumps-growing-a-third-grant-cash-stuck-housing-contract": "sign the 110-home contract for April",
    "hadley-park-fabrications-powder-line-full-on-last-years-order-regulars-falling": "buy a second powder line",
    # Rounds 40 and 40b:
    "bute-yarns-cardiff-online-yarn-shop-orders-falling-after-site-rebuild-weighing-arcade-shop": "sign the lease",
    "saltmarsh-print-works-norwich-full-shelves-weighing-tableware-range": "launch the tableware range now",
    "wren-and-weft-falling-sales-heavy-stock-weighing-menswear": "launch the menswear capsule",
    "castell-trading-caerphilly-dead-stock-weighing-trade-showroom": "build the showroom and trade counter",
    "priestpopple-cheese-hexham-owner-does-everything-weighing-corbridge-shop": "open the Corbridge shop now",
    "bure-valley-home-aylsham-falling-sales-nine-months-stock-weighing-department-store-concession": (
        "open the department-store concession"
    ),
    "clee-botanics-ludlow-skincare-salons-lapsed-storeroom-full-weighing-pro-range": "launch the salon range now",
    "tremorfa-signs-cardiff-idle-printers-fitters-booked-six-weeks-weighing-van-wraps": "start vehicle wraps now",
    # Round 41:
    "castellana-foods-half-empty-vans-orders-in-whatsapp": "open the Cardiff depot",
    "otters-swim-school-cheltenham": "open the Tewkesbury pool this year",
    "teme-valley-farm-supplies-tenbury-wells": "buy the crane lorry now",
    "teviot-knitwear-idle-frames-yarn-locked-cash": "launch the throws range now",
    # Round 42:
    "avon-linen-bristol-half-used-ironer-after-lost-items": "bid 10% under list for the hotel group now",
    "holloway-precision-redditch-biggest-customer-gone-three-weeks-cash": "borrow for the robot cell",
    "tamar-valley-laundry-saltash-customers-lost-to-breakdown": "bid for the care-home contract now",
    "wrekin-precision-telford-idle-five-axis-on-hire-purchase": "buy the sliding-head lathe on finance now",
    # Round 43:
    "calder-bathrooms-22-week-book-broken-start-dates": "sign the housebuilder's contract for a March start",
    "don-valley-precast-doncaster-working-off-an-old-order-book-weighing-a-casting-line": "sign for the casting line",
    "soar-valley-swim-school-loughborough-stale-waiting-list-falling-sign-ups-weighing-a-third-pool": (
        "sign the Shepshed pool contract now"
    ),
    "wyeside-oak-frames-full-workshop-falling-orders": "buy the CNC jointing machine",
    # Round 44:
    "castle-and-kiln-homeware-padded-forecasts-nine-months-stock-weighing-second-unit": "sign for the second unit",
    "coquet-valley-oak-lost-department-store-eight-months-stock-three-weeks-cash-weighing-showroom": (
        "take the Morpeth showroom lease"
    ),
    "ridings-garden-supply-wet-season-padded-rep-forecasts-six-months-stock-containers-due-weighing-import-loan": (
        "take the import loan as offered"
    ),
    "shah-haberdashery-range-doubled-flat-sales-offered-danish-yarn-brand": "take on the Danish brand's 640 lines now",
    "wherry-lane-distillery-gin-range-grown-to-seventeen-lines-over-a-year-of-stock-weighing-canned-gin-and-tonic": (
        "launch the canned gin and tonic now"
    ),
    # Round 45:
    "fellfoot-hound-kendal-dog-coats-tv-feature-in-seven-weeks": "launch the horse-rug range for Badminton",
    "moelwyn-slate-blaenau-idle-engraver-eight-months-of-gifts-weighing-worktop-router": "buy the bigger CNC router",
    "mourne-removals-newry-flat-moves-only-the-owners-wife-surveys-weighing-belfast-depot": "open the Belfast depot",
    "tiviot-it-stockport-academy-trust-starting-with-one-engineer-holding-the-keys": "bid for the council framework",
    # Round 46:
    "brackaville-steel-coalisland-slow-payers-idle-beam-line": "sign the schools framework as offered",
    "gatebeck-brewing-kendal-dead-cans-and-hop-contracts": "buy the canning line",
    "girdle-ness-inspection-aberdeen-lost-frame-agreement": "train six technicians for wind before a customer asks",
    "porth-linen-pwllheli-unpriced-packs-care-homes": "take on the care homes before a pack is costed",
    "venn-architects-exeter-lost-housebuilder-owner-never-sells": "take the £80,000 loan to carry salaries",
}
#: ... or ruled out holding it back.
GO = {
    "electrical-contractor-ready-for-university-framework": "turn down or delay the framework",
    "medical-sample-courier-dispatch-on-one-server": "hold back the bid for its own sake",
    "school-photographers-adding-a-closed-rivals-schools": "turn the new schools away",
    # Round 21:
    "wheatcroft-flour-mill-tendering-for-a-chain": "turn the tender down or hold back from bidding",
    # Round 22:
    "ashcombe-tithe-barn-thinning-book-slow-replies": "hold back the sales manager (its expert: yes to the hire)",
    "lanyard-crowd-services-festival-bid": "stay out of the festival tender",
    "nixta-tortilleria-weighing-a-second-unit": "hold off the second unit until basics are fixed",
    # Round 23:
    "pennine-workwell-weighing-a-leeds-clinic": "hold off the second site until the basics are fixed",
    # Round 24:
    "sterling-pane-window-cleaning-high-rise-bid": "stay out of the campus bid",
    # Round 25:
    "etruria-stoneware-third-kiln-hotel-contract": "hold back the third kiln",
    "hatherleigh-perennials-sales-down-diy-chain-bid": "stay out of the DIY chain bid",
    "millstone-bouldering-idle-weekdays-booking-crashes": "hold back the coordinator hire",
    "ribble-van-hire-sold-out-peak-days": "hold back the twenty vans",
    # Round 26:
    "aireborough-lifts-housing-framework-bid": "stay out of the housing framework bid",
    "fernlea-day-spa-bookings-falling-listing-offer": "turn down the spa-break listing",
    "wyebank-preserves-steady-grower-second-kettle": "hold back the second kettle",
    # Round 27:
    "calver-lime-works-orders-rekeyed-stock-on-fridays": "hold back the clay plasters (launch them in spring)",
    "marlpit-dairy-delisted-second-filling-line-idle": "stay out of the wholesaler bid",
    "ouse-bridge-counselling-bookings-in-shared-calendars": "stay out of the second university contract",
    "wharncliffe-sock-mill-linking-room-before-chain-order": "turn down or postpone the chain's order",
    # Round 28:
    "bramblecot-climbing-frames-router-full-five-day-promise": "hold back the second router (lease it, soon)",
    "fellside-tax-kendal-full-january-retiring-accountants-book": "turn down the retiring accountant's book",
    "heathfield-cabinets-missing-parts-before-housebuilder-framework": "turn down the housebuilder framework",
    "tillwise-epos-brewery-rollout-five-weeks-cash": "turn down the brewery rollout (take it on better terms)",
    # Round 29:
    "calder-occupational-health-council-contract-nurses-full": "turn down the council contract",
    "redcliffe-pen-testing-seven-week-queue-one-signoff": "hold back the head of delivery",
    "tamar-foot-clinic-rooms-full-weighing-fifth-room": "hold back the fifth room",
    "wensum-energy-surveys-idle-assessors-after-scheme-closed": "hold back the heat-loss survey line",
    "wildbone-freeze-dried-treats-dryers-full-stockist-waiting-list": "hold back the industrial dryer",
    # Round 30:
    "acomb-hive-works-building-stock-for-spring": "hold back the second jointing machine",
    "fenside-toilet-hire-two-tankers-full-one-failing": "hold back the third tanker",
    "penryn-rope-leads-pet-chain-listing-offer": "turn down the pet chain's listing",
    "teme-valley-water-hygiene-housing-association-contract-april": "turn down the housing-association contract",
    "wharfedale-sound-air-testing-full-diary-sixth-van": "hold back the sixth van",
    # Round 31:
    "baddow-brook-nursery-full-church-hall-room": "hold back the church-hall room",
    "blackwater-bats-master-grader-australian-distributor": "turn down the Australian distributor",
    "tealby-forge-honest-queue-founder-quotes-every-job": "hold back the design manager",
    # Round 32:
    "sandtoft-kettle-crisps": "hold back the second fryer",
    "ure-valley-hydrotherapy": "hold back the second treadmill",
    # Round 33:
    "saltings-kitchen": "turn the food-service tender down",
    "wardsend-knife-works": "hold off the apprentice",
    # Round 34:
    "brightwell-commercial-cleaning": "hold off the training and quality supervisor",
    "chelmer-it-support": "hold off the service desk lead",
    "derwent-sourdough-bakery": "hold off the third oven",
    # Round 35:
    "crimple-grounds-crews-winter-gritting-tender": "stay out of the winter gritting tender",
    "nidd-valley-hearing-knaresborough-care-home-group-visits": "turn down the care-home visits",
    "ryburn-kitchens-cnc-router-housebuilder-contract": "turn down the housebuilder contract",
    "spen-valley-embroidery-heads-full-third-machine": "hold off the third machine",
    "wolds-rugworks-malton-sewing-room-fly-rug-range": "hold back the fly-rug range",
    # Round 36:
    "calstock-clayworks-half-idle-kilns-january-seconds-sale": "hold off the trade salesperson",
    "kelham-pasta-sheffield-idle-ravioli-line-meal-kit-quote": "turn down the meal-kit quote",
    "kelham-roast-co-online-coffee-subscriptions-roaster-full": "hold off the bigger roaster",
    "longton-signs-stoke-paper-job-bags-lost-artwork-coordinator": "hold off the production coordinator",
    # Round 37:
    "dinedor-oak-garden-furniture-second-router": "hold off the second router",
    "leckhampton-physio": "hold off the Tewkesbury clinic",
    "teme-valley-tree-care": "hold off the fourth crew",
    # Round 38:
    "chilwell-electrical-late-invoices-not-short-of-cash": "hold off the third electrician",
    "kestle-vane-packaging-avonmouth-funded-growth-full-warehouse": "hold off the unit next door",
    # Round 39:
    "brighouse-powder-coater-oven-full-jobs-down-six-percent": "hold off the evening-shift supervisor",
    # Rounds 40 and 40b:
    "almond-valley-accounts-livingston-bookkeepers-under-used-weighing-charity-service": "hold off the charity service",
    "croftlands-brewery-slow-cans-weighing-taproom": "hold off the taproom",
    "lugg-valley-cider-leominster-slow-cans-weighing-alcohol-free-for-foodservice": "hold off the alcohol-free drink",
    "lyde-green-fabrications-idle-laser-weighing-cycle-shelters": "hold off the cycle-shelter range",
    "neidpath-cycles-pre-season-stock-weighing-trail-centre-shop": "hold off the trail-centre shop",
    "coburg-street-wines-leith-flat-merchant-ageing-cellar-weighing-tasting-room": "hold off the tasting room",
    "ketley-precision-telford-quiet-machines-weighing-own-fixture-range": "hold off the fixture range",
    "wensum-garden-furniture-yard-full-weighing-pub-range": "hold off the made-to-order pub range",
    # Round 41:
    "helm-gill-brewery-kendal": "turn the contract down or wait",
    "mersey-calibration-idle-benches-founder-sells-everything": "hold off the business development hire",
    "pennine-frame-consulting-huddersfield": "hold off the housing-association survey service",
    "soar-valley-swim-school-empty-daytime-pool-schools-contract": "turn the schools contract down",
    # Round 42:
    "chine-house-english-bournemouth-empty-winter-classrooms": "turn down the council's ESOL classes",
    "hurleston-boats-nantwich-falling-orders-behind-late-launches": "hold off refit and repair work",
    "marshland-coaches-wisbech-parked-coaches-owner-quotes-everything": "hold off the sales and bookings hire",
    "nidd-valley-physio-harrogate-unbilled-insurers-empty-rooms": "hold off the practice manager",
    # Round 43:
    "kingswood-lofts-bristol-promising-16-weeks-against-a-30-week-queue-weighing-a-contracts-manager": (
        "hold off the contracts manager"
    ),
    "nidd-valley-physio-shrinking-list-pilates-line": "hold off the Pilates line",
    "severn-precision-idle-machines-founder-sells": "hold off the sales engineer",
    "wensum-dental-laboratory-norwich-flat-work-two-week-bench-weighing-a-dental-group-contract": (
        "turn the dental group's contract down"
    ),
    # Round 44:
    "hallam-knitwear-lost-biggest-customer-after-buying-yarn-on-its-forecast-weeks-of-cash": (
        "turn the new customer's order down"
    ),
    "tyne-valley-stoves-market-moved-year-of-stock-idle-fitters-weighing-heat-pumps": "hold off heat-pump fitting",
    "vannucci-foods-well-run-italian-food-distributor-four-months-stock-after-pre-buy-and-shrinking-restaurant-trade-bidding-for-pizza-group": (  # noqa: E501
        "hold off the pizza group's bid"
    ),
    # Round 45:
    "braeside-botanicals-east-kilbride-chain-listing-weighing-wrapping-machine": "hold off the wrapping machine",
    "gower-otters-swim-school-waiting-list-weighing-neath-pool": "turn the Neath pool down",
    "noe-valley-outdoor-centre-hope-half-empty-weekdays-owner-prices-and-pays-trust-offer": (
        "turn the academy trust's three-year deal down"
    ),
    "taybridge-office-supplies-dundee-half-full-vans-one-buyer-six-weeks-cash-cleaning-range": (
        "hold off the cleaning range altogether"
    ),
    # Round 46:
    "bersham-laser-fold-wrexham-slow-payer-enclosure-contract": "turn the enclosure contract down",
    "long-walk-english-galway-broken-homestay-promises": "turn the ETB contract down",
}
#: Where the advice and the expert differ, and why. strict: a pass is news.
STEP_MISSES = {
    "girdle-ness-inspection-aberdeen-lost-frame-agreement": (
        "round 46, first run: idle, training for offshore wind 'It can fill capacity that stands idle, if it uses "
        "what stands idle…'; the expert waits for a named wind customer: £36,000 and a quarter of the cash spent "
        "on training before anyone has asked"
    ),
    "porth-linen-pwllheli-unpriced-packs-care-homes": (
        "round 46, first run: idle, care-home laundry 'It can fill capacity that stands idle…'; the expert waits "
        "until a pack is costed (a contract taken before its cost is how the caravan park lost money) and the "
        "infection-control flow is in place"
    ),
    "venn-architects-exeter-lost-housebuilder-owner-never-sells": (
        "round 46, first run: idle, the loan 'Borrow to sell, not to build…', which does not hold it; the expert "
        "would not borrow £80,000 to carry salaries while nobody goes out to win work"
    ),
    "ridings-garden-supply-wet-season-padded-rep-forecasts-six-months-stock-containers-due-weighing-import-loan": (
        "round 44, first run: read as idle capacity (orders down 11% behind seven weeks of spring orders booked for "
        "February, the falling-backlog rule), the loan 'Borrow to sell, not to build…', which does not hold it; the "
        "expert would not take a loan sized for nine containers ordered on a forecast two thirds too high"
    ),
    "shah-haberdashery-range-doubled-flat-sales-offered-danish-yarn-brand": (
        "round 44, first run: scale-ready, a new range 'A good time, if it is planned with the people who deliver "
        "it'; the expert waits until the tail of a range that doubled is cut: the new brand is the same habit"
    ),
    "tyne-valley-stoves-market-moved-year-of-stock-idle-fitters-weighing-heat-pumps": (
        "round 44, first run: 'Not now: more than three months of stock already holds the cash a new line would "
        "need'; the expert takes it, small and now: heat pumps bought per job add no stock and use idle fitters"
    ),
    "avon-linen-bristol-half-used-ironer-after-lost-items": (
        "round 42, first run: idle, a hotel group's work 'Yes: it fills capacity that stands idle. Check that its "
        "price covers the cost…'; the expert waits: a process that lost a care-home group over lost clothing needs "
        "three months of counted deliveries first, and 10% under list barely covers gas and labour"
    ),
    "tamar-valley-laundry-saltash-customers-lost-to-breakdown": (
        "round 42, first run: read as idle capacity (a quadrant miss: its expert reads a foundation), the care-home "
        "tender is 'Yes: it fills capacity that stands idle…'; the expert waits: three years at 2022 prices, paid "
        "at 60 days, ties up cash it does not have, and care-home linen needs routines it lacks; a pilot later"
    ),
    "croftlands-brewery-slow-cans-weighing-taproom": (
        "round 40, lost on its rule: idle with five months of cans, a taproom is 'Not now: more than three months "
        "of stock already holds the cash an outlet would need…'; the expert takes it, in the brewery's own back "
        "bay, paid for by selling the slow cans at retail: an outlet that sells the stock it is told to clear"
    ),
    "bute-yarns-cardiff-online-yarn-shop-orders-falling-after-site-rebuild-weighing-arcade-shop": (
        "round 40, first run: an outlet in idle capacity 'can fill what stands idle, if it reaches customers you do "
        "not reach today. Test it small first'; the expert rules out the arcade lease: 3% of orders come from "
        "Cardiff and the fall is national and online (the broken website)"
    ),
    "lugg-valley-cider-leominster-slow-cans-weighing-alcohol-free-for-foodservice": (
        "round 40, first run: a new line in a foundation waits 'until the first fixes are done'; the expert takes "
        "it against a written first order, costed, sized to that order"
    ),
    "coburg-street-wines-leith-flat-merchant-ageing-cellar-weighing-tasting-room": (
        "round 40b, first run: read as a foundation (a quadrant miss: its expert reads scale-ready), where an outlet "
        "waits for the first fixes; the expert takes the tasting room with its takings target and licence"
    ),
    "wensum-garden-furniture-yard-full-weighing-pub-range": (
        "round 40b, first run: read as a foundation (a quadrant miss), where a new line waits for the first fixes; "
        "since round 43 idle as its expert reads, with seven months of stock it is 'Not now: more than three months "
        "of stock already holds the cash…'; the expert takes a made-to-order pilot on deposits, nothing built for stock"
    ),
    "fenwick-hale-architects-founder-writes-every-proposal": (
        "since 2.4.20, read as idle capacity, as its expert does, where an outlet 'can fill what stands idle, if "
        "it reaches customers you do not reach today. Test it small first'; the expert rules out the Bristol "
        "studio even as a small test: enquiries hold, the leak is proposals waiting for the founder"
    ),
    "corve-street-dental-ludlow-owner-does-the-dentistry-weighing-second-site": (
        "round 38, first run: a second site for a queue is 'The queue says the demand is there. If it waits for "
        "room… a second site can be the fix; if it waits for people or for you… copies the shortage', which opens "
        "as a go; the expert says wait: the owner does 85% of the dentistry while her second surgery stands empty "
        "two days a week (as kennet-swim-school)"
    ),
    "kestle-vane-packaging-avonmouth-funded-growth-full-warehouse": (
        "round 38, first run: demand ahead under control with the link named in Team, the unit next door is 'Not "
        "the fix… a second site does not add to' Team; the expert takes it: the warehouse, 94% full with overflow "
        "outside, is the limit (a quadrant and weakest-link miss: the expert reads scale-ready, capacity)"
    ),
    "kennet-swim-school-waiting-list-teachers": (
        "round 37, first run: a second site for a queue is 'The queue says the demand is there. If it waits for "
        "room… a second site can be the fix; if it waits for people… copies the shortage. Fix Capacity… first', "
        "which opens as a go; the expert says wait: the queue waits for teachers, who take four months to train"
    ),
    "kelham-roast-co-online-coffee-subscriptions-roaster-full": (
        "round 36, first run: demand ahead under control with the queue trusted with cash, so the roaster is read "
        "as in the danger zone: 'Not from the cash the business runs on, and only for the step that is already "
        "full…'; the expert orders the bigger roaster now (on finance, as the advice goes on to say), but it "
        "opens with 'Not' (as round 29's freeze-dryer)"
    ),
    "crimple-grounds-crews-winter-gritting-tender": (
        "round 35, first run: read as demand ahead under control (a quadrant miss: crews 89% busy in a normal "
        "week weigh the pressure as 78), a big contract is 'Not now, unless it can start later…'; the expert bids, "
        "because the gritting lands from November to February, when the crews run at about 60%"
    ),
    "holbeck-lodge-care-home": (
        "round 32, first run: demand ahead under control, a second site is told 'The queue says the demand is "
        "there. If it waits for room…, a second site can be the fix; if it waits for people…, it copies the "
        "shortage', the rules naming Capacity; the expert holds the purchase back until staffing is stable (four "
        "of its own beds are closed for want of staff): conditional words, read as not holding it back"
    ),
    "baddow-brook-nursery-full-church-hall-room": (
        "round 31, first run: demand ahead under control with the link named in Team's hiring, a new room is 'Not "
        "the fix'; the expert names the rooms as the limit and would build it on a loan, staff hired ahead"
    ),
    "fellbrook-firewood-drivers-not-lorries": (
        "since 2.4.8 (a full step under steady growth is a season at capacity), read as scale-ready, as its "
        "expert, where a fourth lorry is 'Yes, for the step with the least room to spare'; before, read as demand "
        "ahead with the link in Team, it was 'Not the fix'. The expert holds the lorry back: drivers, not lorries, "
        "are the limit"
    ),
    "fenside-toilet-hire-two-tankers-full-one-failing": (
        "round 30, first run: a foundation, so a machine or vehicle waits 'until the first fixes are done'; the "
        "expert would buy the third tanker now, on asset finance, because the old one keeps breaking down with no "
        "back-up"
    ),
    "penryn-rope-leads-pet-chain-listing-offer": (
        "round 30, first run: demand ahead under control, a big listing is 'Not now, unless it can start later or "
        "ramp up at a pace you can meet'; the expert takes it with a phased start: the same condition, but the "
        "advice opens with 'Not'"
    ),
    "teme-valley-water-hygiene-housing-association-contract-april": (
        "round 30, first run: demand ahead under control, a big contract is 'Not now, unless it can start later "
        "or ramp up…'; the expert takes it on its phased terms: the same condition, opening with 'Not'"
    ),
    "calder-occupational-health-council-contract-nurses-full": (
        "round 29, first run: in the danger zone a big contract is told 'Not before Capacity is fixed… If you take "
        "it, agree a later start or a ramp-up you can meet'; the expert says yes, on condition of a phased start "
        "with hiring and cash arranged the same week: the same condition, but the advice opens with 'Not'"
    ),
    "wildbone-freeze-dried-treats-dryers-full-stockist-waiting-list": (
        "round 29, first run: the queue trusted with cash, the dryer is read as in the danger zone: 'Not from the "
        "cash the business runs on. If it is the step that limits output, decide now…'; the expert would take "
        "it in stages, as the advice goes on to say, but it opens with 'Not' (as round 28's climbing frames)"
    ),
    "bramblecot-climbing-frames-router-full-five-day-promise": (
        "round 28, first run: in the danger zone a machine is told 'Not from the cash the business runs on. If it "
        "is the step that limits output, decide now…', which is what the expert says (a second router soon, on a "
        "lease, not the overdraft) but opens with 'Not', so the check reads it as held back"
    ),
    "tillwise-epos-brewery-rollout-five-weeks-cash": (
        "round 28, first run: read as a foundation (a quadrant miss; its expert reads the danger zone on five "
        "weeks of cash), a big contract is told 'Wait, or bid only for a later start'; the expert would take it "
        "once hardware is financed and invoices fall due at install"
    ),
    "calver-lime-works-orders-rekeyed-stock-on-fridays": (
        "round 27, first run: a new line in a foundation waits until the first fixes are done; the expert would "
        "launch the clay plasters in spring, on mixers with room, once stock is in a system linked to the shop "
        "(one of its first fixes, done before spring)"
    ),
    "wharncliffe-sock-mill-linking-room-before-chain-order": (
        "round 27, first run: read as demand ahead under control (a quadrant miss: the linking room's 90% weighs "
        "the pressure as 93) with the queue trusted with cash, so the contract is read as in the danger zone, "
        "'Not before Capacity is fixed'; the expert reads scale-ready and would sign, ordering the third linking "
        "machine now"
    ),
    "physio-group-with-an-empty-third-clinic": (
        "since 2.4.3 (idle capacity needs idle evidence), read as scale-ready (a quadrant lost on the rule: its "
        "busiest clinics are 85% booked while the third stands at 40%), where its step is encouraged; the "
        "expert reads idle capacity and rules it out"
    ),
    "etruria-stoneware-third-kiln-hotel-contract": (
        "round 25, first run: read as a foundation (a quadrant miss), where equipment waits for the first fixes; "
        "the expert reads scale-ready and would order the kiln now, on asset finance, as the known bottleneck "
        "with a 20-week lead time"
    ),
    "electrical-contractor-ready-for-university-framework": (
        "read as demand ahead under control (a known quadrant miss), where a big contract waits for a later start; "
        "the expert reads scale-ready"
    ),
    "medical-sample-courier-dispatch-on-one-server": (
        "read as foundation (a known quadrant miss), where a big contract waits for the first fixes; the expert "
        "reads scale-ready"
    ),
    "school-photographers-adding-a-closed-rivals-schools": (
        "read as demand ahead under control (a known quadrant miss), where a big contract waits for a later start; "
        "the expert reads scale-ready"
    ),
}


def _step_cases(names: dict[str, str]) -> list[object]:
    return [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=STEP_MISSES[n])) if n in STEP_MISSES else n
        for n in sorted(names)
    ]


def _holds(case: str) -> bool:
    result = score(GROWTH, case_answers(GROWTH, case))
    assert result.decision is not None, f"{case}: its owner is weighing a step"
    return result.decision.text.startswith(("Not", "Wait"))


@pytest.mark.parametrize("case", _step_cases(HOLD))
def test_a_step_the_expert_ruled_out_for_now_is_not_encouraged(case: str) -> None:
    """The experts wrote what must not be advised before this rule existed (the texts were reworded once after
    reading them: docs/scoring.md, "The step the owner is weighing")."""
    assert _holds(case), HOLD[case]


@pytest.mark.parametrize("case", _step_cases(GO))
def test_a_step_the_expert_would_take_is_not_held_back(case: str) -> None:
    assert not _holds(case), GO[case]


def test_a_step_text_missing_in_a_listed_language_is_warned_about_like_any_other_text() -> None:
    """A questionnaire in two languages must say the step's advice in both: before, a verdict's text (a
    mapping under `verdicts`) and `elsewhere` were not among the texts checked for translations (RQ300)."""
    two = RELIEVING.replace("title: Relieving\n", "title: Relieving\nlanguages: [en, de]\n")
    assert two != RELIEVING
    warned = [str(w) for w in parse_questionnaire(two, "two.yaml").warnings if w.code == "RQ300"]
    said = " ".join(warned)
    assert "verdicts.danger_zone" in said and "verdicts.idle_capacity" in said and "elsewhere" in said


def test_the_room_reads_the_step_as_the_people_who_named_it_were_told() -> None:
    """A room whose people are each told "not the fix" (their cash binds, inside the Capacity a machine adds
    to) is told the same, naming the part they bind in; and everyone who picked the step is counted, even one
    whose own verdict has nothing to say for it."""
    from readiness.workshop import Participant, aggregate

    q = parse_questionnaire(RELIEVING, "relieving.yaml").questionnaire

    def person(pid: str, **values: object) -> Participant:
        return Participant(pid, "Leadership", {k: Answer(k, "value", v) for k, v in values.items()})

    short_of_cash = [person(str(i), cover=3, machines=3, cash=0, orders=3, step="machine") for i in range(2)]
    assert all(score(q, p.answers).decision.text.startswith("Not the fix") for p in short_of_cash)
    step = aggregate(q, short_of_cash).step
    assert step is not None and step.text == "Not the fix; the limit is in cash, in Capacity, so fix Capacity first."
    # a third person picked it too, in a foundation the option says nothing about: still counted
    quiet = person("9", cover=1, machines=1, cash=1, orders=1, step="machine")
    assert score(q, quiet.answers).decision is None
    assert aggregate(q, [*short_of_cash, quiet]).step.named_by == 3


def test_per_level_findings_are_checked_for_translations_too() -> None:
    growth = (ROOT / "questionnaires" / "growth-readiness.yaml").read_text(encoding="utf-8")
    two = growth.replace("\nlanguages: [en]\n", "\nlanguages: [en, de]\n", 1)
    assert two != growth
    warned = " ".join(str(w) for w in parse_questionnaire(two, "two.yaml").warnings if w.code == "RQ300")
    assert ".findings[" in warned and "elsewhere" in warned


VARIANT = """        elsewhere: Not the fix; the limit is in {limit}, so fix {weakest} first.
        variants:
          - when: "cover >= 2"
            verdicts:
              idle_capacity: Fill what you have; your cover lets you take on more.
              danger_zone: Only if it is for the machines, which you know limit output.
"""


def _with_variant(text: str = VARIANT) -> str:
    given = "        elsewhere: Not the fix; the limit is in {limit}, so fix {weakest} first.\n"
    assert given in RELIEVING
    return RELIEVING.replace(given, text)


def test_a_variant_says_the_verdict_in_the_terms_of_what_the_owner_answered() -> None:
    """Three blind reviews read the step's advice as a few lines chosen by zone ("find out which step limits
    output" to a firm that had just said so). A variant is said instead of the verdict's text when its condition
    holds on the owner's answers; otherwise the verdict's own text, and `elsewhere` still comes first."""
    q = parse_questionnaire(_with_variant(), "variant.yaml").questionnaire

    def told(**values: object) -> str:
        result = score(q, {k: Answer(k, "value", v) for k, v in values.items()})
        assert result.decision is not None
        return result.decision.text

    assert told(cover=3, machines=3, cash=3, orders=0, step="machine") == (
        "Fill what you have; your cover lets you take on more."
    )
    assert told(cover=1, machines=3, cash=3, orders=0, step="machine") == "Fill what you have."
    # Demand ahead and the machines bind: the variant for the danger zone, as the cover is good.
    assert told(cover=3, machines=0, cash=3, orders=3, step="machine") == (
        "Only if it is for the machines, which you know limit output."
    )
    # Demand ahead and the cash binds: not the fix, whatever the variant says.
    assert told(cover=3, machines=3, cash=0, orders=3, step="machine").startswith("Not the fix")


def test_a_variant_speaks_for_the_room_when_it_holds_for_most_of_those_who_named_the_step() -> None:
    from readiness.workshop import Participant, aggregate

    q = parse_questionnaire(_with_variant(), "variant.yaml").questionnaire

    def person(pid: str, cover: int) -> Participant:
        values = {"cover": cover, "machines": 3, "cash": 3, "orders": 0, "step": "machine"}
        return Participant(pid, "Leadership", {k: Answer(k, "value", v) for k, v in values.items()})

    covered = aggregate(q, [person("1", 3), person("2", 3), person("3", 1)]).step
    assert covered is not None and covered.text == "Fill what you have; your cover lets you take on more."
    split = aggregate(q, [person("1", 3), person("2", 1)]).step
    assert split is not None and split.text == "Fill what you have."  # half is not most


@pytest.mark.parametrize(
    ("broken", "code", "said"),
    [
        ('"cover >= 2"', "RQ205", "unknown question `cuver`"),
        ('"cover >="', "RQ204", "variant"),
        ("foundation: Wait.", "RQ222", "verdict `foundation`, which its own `verdicts` do not speak to"),
        ("idle_capacity: Fill {site}.", "RQ222", "names `{site}` in a variant"),
    ],
)
def test_a_variant_reads_real_questions_and_speaks_to_verdicts_its_option_does(
    broken: str, code: str, said: str
) -> None:
    """A misspelt question reads as unanswered for ever, and a verdict the option is silent on is never reached:
    either leaves the owner with the words the variant was written to replace, so both are refused at load."""
    if broken == '"cover >= 2"':
        text = _with_variant(VARIANT.replace('"cover >= 2"', '"cuver >= 2"'))
    elif broken == '"cover >="':
        text = _with_variant(VARIANT.replace('"cover >= 2"', '"cover >="'))
    else:
        line = (
            "              idle_capacity: Fill what you have; your cover lets you take on more.\n"
            if broken.startswith("idle")
            else "              danger_zone: Only if it is for the machines, which you know limit output.\n"
        )
        assert line in VARIANT
        text = _with_variant(VARIANT.replace(line, f"              {broken}\n"))
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(text, "broken.yaml")
    message = str(caught.value)
    assert code in message and said in message and "broken.yaml" in message


def test_a_variant_missing_in_a_listed_language_is_warned_about() -> None:
    two = _with_variant().replace("title: Relieving\n", "title: Relieving\nlanguages: [en, de]\n")
    warned = " ".join(str(w) for w in parse_questionnaire(two, "two.yaml").warnings if w.code == "RQ300")
    assert "variants[0].verdicts.idle_capacity" in warned or "variants.0.verdicts.idle_capacity" in warned, warned


def test_the_shipped_variants_change_the_words_not_the_direction() -> None:
    """A variant is worded for what the owner answered; it never turns a wait into a go or a go into a wait
    (the calibration's steps are read by that direction, and a variant is not a rule), unless it is marked
    ``holds``: then it is a rule argued in docs/scoring.md, and it must turn a go into a wait, never the
    other way round."""
    checked = rules = 0
    for question in GROWTH.questions:
        for option in getattr(question, "options", None) or []:
            for variant in option.variants:
                for key, said in variant.verdicts.items():
                    own = option.verdicts[key]
                    assert isinstance(said, str) and isinstance(own, str)
                    holds = own.startswith(("Not", "Wait")), said.startswith(("Not", "Wait"))
                    if variant.holds:
                        assert holds == (False, True), (option.id, key)
                        rules += 1
                    else:
                        assert holds[0] == holds[1], (option.id, key)
                    checked += 1
    assert checked >= 4 and rules == 5


def test_a_firm_that_knows_its_bottleneck_is_not_told_to_find_it() -> None:
    """The eleventh review: a welfare-hire firm whose two tankers run at 95%, weighing a third, read "find out
    which step limits output". Knowing it (bottleneck_known 2 or more), it hears to buy for that step only."""
    answers = case_answers(GROWTH, "fenside-toilet-hire-two-tankers-full-one-failing")
    result = score(GROWTH, answers)
    assert result.decision is not None and result.decision.verdict == "foundation"
    assert "find out which step" not in result.decision.text
    assert "the step you know limits output" in result.decision.text
    unsure = score(GROWTH, with_values(answers, bottleneck_known=1))
    assert unsure.decision is not None and "find out which step limits output" in unsure.decision.text


def test_a_line_added_to_a_full_step_is_told_when_it_can_land() -> None:
    """The eleventh review read "A good time, if it is planned with the people who deliver it" for a new range
    on an oven the same report calls full. At 90% busy or more the line waits for the oven (round 35: its
    expert holds it back); between 85% and 90% whether it fits depends on when its work lands, which the
    answers do not say, so the advice says so; with room on the busiest step, the plain text stands."""
    answers = case_answers(GROWTH, "strathbeg-oatcakes-full-tunnel-oven-gluten-free-range")
    full = score(GROWTH, answers)  # the oven at 92%
    assert full.decision is not None and full.decision.verdict == "scale_ready"
    assert full.decision.text.startswith("Not on today's busiest step"), full.decision.text
    tight = score(GROWTH, with_values(answers, utilization=88))
    assert tight.decision is not None and tight.decision.verdict == "scale_ready"
    assert tight.decision.text.startswith("A good time, if its work lands when your busiest step has room")
    roomy = score(GROWTH, with_values(answers, utilization=70))
    assert roomy.decision is not None and roomy.decision.verdict == "scale_ready"
    assert "busiest step" not in roomy.decision.text


@pytest.mark.parametrize("step", ["big_customer", "new_line", "sales_outlet"])
def test_new_work_onto_a_step_already_90_percent_busy_waits_for_room(step: str) -> None:
    """Round 35: a well-run smokehouse whose salmon kiln is 92% busy is told a food-hall listing through that
    kiln is "not on today's busiest step"; its expert starts the salmon once a second kiln runs. A step that
    adds capacity (a second kiln) is still a go, and so is the same listing on a kiln with room."""
    answers = with_values(
        case_answers(GROWTH, "coquet-smokehouse-salmon-kiln-full-food-hall-listing"), decision_ahead=step
    )
    full = score(GROWTH, answers)
    assert full.decision is not None and full.decision.verdict == "scale_ready"
    assert full.decision.text.startswith("Not"), full.decision.text
    assert "90% busy or more" in full.decision.text
    for looser in (with_values(answers, utilization=89), with_values(answers, decision_ahead="equipment")):
        go = score(GROWTH, looser)
        assert go.decision is not None and go.decision.verdict == "scale_ready"
        assert not go.decision.text.startswith(("Not", "Wait")), go.decision.text


TWO_VARIANTS = """        elsewhere: Not the fix; the limit is in {limit}, so fix {weakest} first.
        variants:
          - when: "cash == 3"
            verdicts:
              idle_capacity: Fill what you have; your cash is strong.
          - when: "cash == 2"
            verdicts:
              idle_capacity: Fill what you have; your cash is fair.
"""


def test_two_minorities_holding_different_variants_make_no_majority_for_the_room() -> None:
    """Each variant is counted on its own (a diff review): with one person holding each of two variants and a
    third holding neither, the room hears the verdict's own text, not the first variant."""
    from readiness.workshop import Participant, aggregate

    q = parse_questionnaire(_with_variant(TWO_VARIANTS), "two.yaml").questionnaire

    def room(*cash: int) -> str:
        people = [
            Participant(str(i), "Leadership", {k: Answer(k, "value", v) for k, v in values.items()})
            for i, c in enumerate(cash)
            for values in [{"cover": 3, "machines": 3, "cash": c, "orders": 0, "step": "machine"}]
        ]
        step = aggregate(q, people).step
        assert step is not None and step.verdict == "idle_capacity"
        return step.text

    assert room(3, 2, 1) == "Fill what you have."
    assert room(3, 3, 2) == "Fill what you have; your cash is strong."
    assert room(2, 2, 3) == "Fill what you have; your cash is fair."


def test_a_variant_comparing_the_step_with_a_word_that_is_no_option_is_warned_about() -> None:
    """`step == 'machin'` can never hold, so the variant would never be said: warned at load, as a `show_if` or
    a recommendation's `when` comparing a choice with a word that is none of its options is (RQ216)."""
    text = _with_variant(VARIANT.replace('"cover >= 2"', "\"step == 'machin'\""))
    warned = [str(w) for w in parse_questionnaire(text, "typo.yaml").warnings if w.code == "RQ216"]
    assert any("`machin`" in w for w in warned), warned


def test_a_big_contract_that_must_wait_is_told_what_to_offer_when_the_answer_cannot() -> None:
    """The twentieth and twenty-first blind reviews: a taxi firm offered nine school routes, to accept within a
    fortnight while no new driver can be licensed for three months, read "Not before Capacity is fixed" as
    "fix the cash, then sign all nine". A consultant offers the part that can be staffed from the first day."""
    result = score(GROWTH, case_answers(GROWTH, "swale-valley-cars-council-school-routes"))
    assert result.balance.quadrant == "danger_zone" and result.decision is not None
    assert result.decision.option == "big_customer"
    text = result.decision.text
    assert text.startswith("Not before") and "agree a later start or a ramp-up you can meet" in text
    assert "if the answer cannot wait, offer only the part you can staff and fund from the first day" in text


def test_a_part_named_with_its_dimension_closes_its_aside_when_the_sentence_runs_on() -> None:
    """ "only once website and payments, in Technology can carry the extra work" read as one run-on name (an
    exploratory browser pass): the aside closes with a comma where the sentence goes on, and nowhere else."""
    from readiness.decision import with_limit

    said = "Not the fix: the limit is in {limit}. Only once {limit} can carry it, decide."
    assert with_limit(said, "website and payments, in Technology") == (
        "Not the fix: the limit is in website and payments, in Technology. "
        "Only once website and payments, in Technology, can carry it, decide."
    )
    assert with_limit(said, "Team") == "Not the fix: the limit is in Team. Only once Team can carry it, decide."
    # a questionnaire's own titles are text, whatever they hold (an uploaded framework's "R\\D" is no pattern)
    assert (
        with_limit("Only once {limit} can carry it.", "R\\D \\1, in Ops") == "Only once R\\D \\1, in Ops, can carry it."
    )


def test_equipment_for_a_full_step_the_owner_knows_says_when_to_order_it() -> None:
    """The twenty-sixth blind review read "If it is the step holding the queue back, it can pay" to a bakery with a
    full oven, a written waiting list and a known bottleneck as a hedge silent on the lead time: its third oven had
    to be ordered months before the queue it was for. Where the step is full and known, the advice says to order
    in time and how to pay; where the bottleneck is not known, it keeps the condition."""
    answers = case_answers(GROWTH, "derwent-sourdough-bakery")
    known = score(GROWTH, answers).decision
    assert known is not None and known.text.startswith("If it is for the step you know is full, it can pay")
    assert "order in time for the queue" in known.text and "not the cash the business runs on" in known.text
    unsure = score(GROWTH, with_values(answers, bottleneck_known=0)).decision
    assert unsure is not None and unsure.text.startswith("If it is the step holding the queue back")


@pytest.mark.parametrize(
    ("case", "step"),
    [
        ("courtside-padel-online-orders-falling-ten-months-of-stock-weighing-pickleball", "new_line"),
        ("ebike-shop-idle-workshop-aged-stock", "sales_outlet"),
    ],
)
def test_idle_with_months_of_stock_a_new_line_or_an_outlet_waits(case: str, step: str) -> None:
    """Round 40: in idle capacity a new line or an outlet "can fill what stands idle… test it small"; six experts
    ruled it out where more than three months of stock (the questionnaire's own line for slow and dead stock)
    already held the cash it would need. The same business with a few weeks of stock hears the go."""
    answers = with_values(case_answers(GROWTH, case), decision_ahead=step)
    held = score(GROWTH, answers)
    assert held.balance.quadrant == "idle_capacity"
    assert held.decision is not None and held.decision.text.startswith("Not now: more than three months of stock")
    light = score(GROWTH, with_values(answers, stock_cover=40))
    assert light.balance.quadrant == "idle_capacity"
    assert light.decision is not None and not light.decision.text.startswith(("Not", "Wait"))


@pytest.mark.parametrize(
    ("case", "option"),
    [
        ("don-valley-precast-doncaster-working-off-an-old-order-book-weighing-a-casting-line", "equipment"),
        ("corvedale-huts-busy-on-spring-queue-orders-down-a-third", "second_site"),
    ],
)
def test_a_step_weighed_while_the_busy_step_works_off_old_orders_says_when_the_room_will_stand_idle(
    case: str, option: str
) -> None:
    """A browser pass read "What you have already stands partly idle" beside a precast yard 92% busy on fourteen
    weeks of last winter's orders: idle by falling orders, its room is not idle yet. The words say when it will be;
    the direction (not now) is the verdict's."""
    result = score(GROWTH, case_answers(GROWTH, case))
    assert result.balance.quadrant == "idle_capacity" and result.decision is not None
    assert result.decision.option == option
    assert result.decision.text.startswith("Not now. Your busiest step is working off orders taken earlier")
    # a machine shop whose machines stand 40% used keeps the plain words
    idle = score(GROWTH, case_answers(GROWTH, "wrekin-precision-telford-idle-five-axis-on-hire-purchase"))
    assert idle.decision is not None and idle.decision.text.startswith("Not now. What you have already stands")
