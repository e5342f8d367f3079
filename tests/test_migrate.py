"""A returning client's answers carried to a new questionnaire version, and old assessments left as they were."""

from __future__ import annotations

from pathlib import Path

import yaml

from readiness import parse_questionnaire, score
from readiness.answers import load_answers, parse_answers
from readiness.cli import main
from readiness.loader import load_questionnaire
from readiness.migrate import Migration, migrate_answers
from readiness.storage import Store

from .conftest import ROOT, SAMPLE

OLD_ANSWERS = """
business: Acme Ices
profile: surge
answers:
  business_type: goods
  cover: {value: 1, note: "Only Sam knows the ice machine"}
  surge_plan: no
  utilization: 85
  stock_cover: 2
  channels: [ads, partners]
  comment: Busy summer ahead.
"""


def new_version() -> str:
    """The sample, v2: one question merged away, one asked as a number, one reworded, one option gone."""
    text = SAMPLE.read_text().replace('version: "1.0"', 'version: "2.0"')
    text = text.replace(
        "questions:\n",
        "retired:\n  surge_plan: Merged into cover, which now asks about a plan for a rush too.\nquestions:\n",
    )
    # surge_plan disappears (its id is retired, never reused)
    start = text.index("  - id: surge_plan")
    end = text.index("  - id: utilization")
    text = text[:start] + text[end:]
    # stock_cover becomes a number of days
    start = text.index("  - id: stock_cover")
    end = text.index("  - id: channels")
    text = (
        text[:start]
        + """  - id: stock_cover
    dimension: capacity
    type: number
    show_if: business_type == 'goods'
    text: How many days of sales does your stock cover?
    unit: days
    bands: [{up_to: 7, score: 0, label: Short}, {score: 1, label: Enough}]
"""
        + text[end:]
    )
    # the cover question is reworded; the 'ads' channel is no longer an option
    text = text.replace("If a key person is off sick,", "If a key person is away for two weeks,")
    text = text.replace("      - {id: ads, label: Paid ads, value: 1}\n", "")
    return text


def test_answers_carry_over_with_the_reason_for_each_one_that_does_not(tmp_path: Path) -> None:
    old = load_questionnaire(SAMPLE)
    new = parse_questionnaire(new_version(), "v2.yaml").questionnaire
    answers, _ = parse_answers(old, OLD_ANSWERS)
    migration = migrate_answers(old, new, answers)
    status = {i.question_id: (i.status, i.reason) for i in migration.items}
    assert status["business_type"][0] == "kept" and status["utilization"][0] == "kept"
    assert status["comment"][0] == "kept"
    assert status["cover"] == ("check", "the wording changed")
    assert status["surge_plan"][0] == "dropped" and "Merged into cover" in status["surge_plan"][1]
    assert status["stock_cover"] == ("dropped", "now asked as a number instead of a scale")
    assert status["channels"][0] == "dropped" and "'ads'" in status["channels"][1]
    assert migration.carried["cover"].note == "Only Sam knows the ice machine"  # evidence travels with it
    summary = migration.summary()
    assert "carried over unchanged: 3" in summary and "not carried over: 3" in summary


def test_new_questions_are_listed_and_hidden_ones_are_not_carried() -> None:
    old = load_questionnaire(SAMPLE)
    text = new_version().replace(
        "  - id: channels",
        "  - id: margin\n    dimension: marketing\n    type: yes_no\n    text: Does every order make money?\n"
        "  - id: channels",
    )
    new = parse_questionnaire(text, "v2.yaml").questionnaire
    services, _ = parse_answers(old, "answers:\n  business_type: services\n  utilization: 50\n")
    migration = migrate_answers(old, new, services)
    assert [i.question_id for i in migration.of("new")] == ["cover", "margin", "channels", "comment"]
    assert "stock_cover" not in {i.question_id for i in migration.items}  # never asked of a service firm


def test_the_command_writes_an_answers_file_that_scores_on_the_new_version(tmp_path: Path, capsys) -> None:
    old_answers = tmp_path / "old.yaml"
    old_answers.write_text(OLD_ANSWERS)
    new_path = tmp_path / "v2.yaml"
    new_path.write_text(new_version())
    out = tmp_path / "new.yaml"
    assert main(["migrate-answers", str(SAMPLE), str(new_path), str(old_answers), "-o", str(out)]) == 0
    report = capsys.readouterr().err
    assert "surge_plan: no longer asked: Merged into cover" in report
    written = out.read_text()
    assert "# Carried over from version 1.0, but the wording changed: check the answer still holds." in written
    assert "# Your version 1.0 answer was not carried over (now asked as a number instead of a scale)" in written
    data = yaml.safe_load(written)
    assert data["business"] == "Acme Ices" and data["profile"] == "surge" and data["questionnaire_version"] == "2.0"
    new = load_questionnaire(new_path)
    answers, warnings = load_answers(new, out)
    assert not [w for w in warnings if w.code != "RA109"]
    assert answers.answers["cover"].value == 1 and answers.answers["cover"].note == "Only Sam knows the ice machine"
    assert answers.answers["utilization"].value == 85
    assert "stock_cover" not in answers.answers and "channels" not in answers.answers
    assert score(new, answers).overall is not None


def test_the_shipped_previous_version_carries_to_the_current_one(tmp_path: Path, capsys) -> None:
    """The demo's answers (written for 1.1.0) carry to today's default questionnaire without an error."""
    previous = ROOT / "questionnaires" / "previous" / "growth-readiness-1.1.0.yaml"
    current = ROOT / "questionnaires" / "growth-readiness.yaml"
    demo = ROOT / "questionnaires" / "previous" / "frost-and-co-answers-1.1.0.yaml"
    out = tmp_path / "carried.yaml"
    assert main(["migrate-answers", str(previous), str(current), str(demo), "-o", str(out)]) == 0
    report = capsys.readouterr().err
    questionnaire = load_questionnaire(current)
    answers, _ = load_answers(questionnaire, out)
    assert len(answers.answers) >= 30, report  # most of a returning client's work is kept
    assert "owner_neglected_share: no longer asked: " in report  # merged, and it says where
    # figures now behind a new gate question are kept, waiting for the gate, not thrown away
    assert "customer_patience: asked only if surge_detail == true: answer surge_detail for it to count" in report
    assert answers.answers["customer_patience"].value == 3


def test_an_assessment_answered_on_the_old_version_keeps_its_snapshot_and_its_score(db_url: str) -> None:
    previous = load_questionnaire(ROOT / "questionnaires" / "previous" / "growth-readiness-1.1.0.yaml")
    current = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    assert previous.content_hash != current.content_hash
    answers, _ = load_answers(previous, ROOT / "questionnaires" / "previous" / "frost-and-co-answers-1.1.0.yaml")
    before = score(previous, answers)
    store = Store(db_url)
    try:
        made = store.create_assessment(previous, "Frost", None)
        store.save_answers(made.id, answers.answers.values())
        # the new version is what the app now offers; the old assessment still reads its own
        store.create_assessment(current, "Someone new", None)
        reopened = store.get_assessment(made.id)
        snapshot = store.questionnaire(reopened.questionnaire_hash)
        assert snapshot.version == "1.1.0" and snapshot.content_hash == previous.content_hash
        again = score(snapshot, store.answer_set(reopened))
        assert again.overall == before.overall
        assert [d.score for d in again.dimensions] == [d.score for d in before.dimensions]
    finally:
        store.close()


# --- merged questions (growth-readiness 2.1) -------------------------------------------------------
V2_0 = ROOT / "questionnaires" / "previous" / "growth-readiness-2.0.0.yaml"


def carry_2_0(values: dict[str, object]) -> Migration:
    old = load_questionnaire(V2_0)
    new = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    answers, _ = parse_answers(old, {"answers": {"business_type": "goods", **values}})
    return migrate_answers(old, new, answers)


def test_a_merged_answer_carries_to_its_successor() -> None:
    """Slow brakes with no answer of its own: "no" becomes the new "it takes days" choice, to be checked."""
    migration = carry_2_0({"throttle_demand": False, "campaign_warning": "days", "visibility_weeks": 1})
    carried = migration.carried
    assert carried["when_full"].value == "slow_down"
    assert carried["campaigns_with_ops"].value == 1
    assert carried["pipeline_visibility"].value == 1
    status = {i.question_id: i for i in migration.items}
    assert status["when_full"].status == "check" and "carried from `throttle_demand`" in status["when_full"].reason
    assert status["throttle_demand"].status == "dropped"
    assert "merged into when_full" in status["throttle_demand"].reason


def test_when_both_halves_were_answered_the_lower_one_is_kept_with_both_notes() -> None:
    migration = carry_2_0(
        {
            "when_full": {"value": "later_dates", "note": "We quote next week's slots."},
            "throttle_demand": {"value": "no", "note": "Ads run on a yearly contract."},
            "key_person_cover": 1,
            "cross_training": 3,
            "pipeline_visibility": 4,
            "visibility_weeks": 16,
        }
    )
    carried = migration.carried
    assert carried["when_full"].value == "slow_down"  # an honest later date, but only after days
    assert carried["when_full"].note == "We quote next week's slots. Ads run on a yearly contract."
    assert carried["key_person_cover"].value == 1  # the weaker half holds
    assert carried["pipeline_visibility"].value == 4  # sixteen weeks ahead limits nothing
    reasons = {i.question_id: i.reason for i in migration.items}
    assert "which lowers it" in reasons["when_full"] and "which keeps it" in reasons["key_person_cover"]


def test_an_answer_the_successor_cannot_place_is_not_carried() -> None:
    """Quick brakes ("yes") do not say which brake: the client answers when_full afresh."""
    migration = carry_2_0({"throttle_demand": True})
    assert "when_full" not in migration.carried
    assert "when_full" in {i.question_id for i in migration.of("new")}


def test_every_successor_rule_of_the_shipped_questionnaire_gives_valid_answers() -> None:
    from readiness.answers import validate_answer

    current = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    assert set(current.successors) <= set(current.retired)
    for old_id, rule in current.successors.items():
        assert current.has_question(rule.to), old_id
        for value in [*rule.values.values(), *(band.value for band in rule.bands)]:
            validate_answer(current, rule.to, value)  # raises if the carried answer is not allowed
        assert rule.values or rule.bands, old_id


def test_a_successor_must_name_a_retired_id_and_a_real_question() -> None:
    import pytest

    from readiness.errors import QuestionnaireError

    text = SAMPLE.read_text().replace(
        "questions:\n",
        "retired:\n  old_cover: Merged into cover.\n"
        "successors:\n  old_cover: {to: cover, values: {'1': 1}}\n  surge_plan: {to: nowhere}\nquestions:\n",
    )
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(text, "q.yaml")
    messages = str(caught.value)
    assert "`surge_plan` is not listed under `retired`" in messages
    assert "unknown question `nowhere`" in messages
