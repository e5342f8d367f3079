"""The surge page in AppTest: the verdict is the engine's, inputs can be edited, what-if helps."""

from __future__ import annotations

from readiness import load_answers, load_questionnaire, surge
from readiness.demo import DEMO_ANSWERS, DEMO_QUESTIONNAIRE
from readiness.storage import Store

from .test_app_pages import app, db  # noqa: F401 - the db fixture


def demo_surge():
    at = app()
    at.button(key="home_demo").click().run()
    at.switch_page("pages/surge.py").run()
    assert not at.exception, at.exception
    return at


def verdict(at) -> str:
    boxes = [*at.success, *at.warning, *at.error]
    return next(b.body for b in boxes if "day" in b.body)


def test_surge_page_shows_the_engines_verdict_for_the_demo(db: Store) -> None:  # noqa: F811
    at = demo_surge()
    q = load_questionnaire(DEMO_QUESTIONNAIRE)
    inputs, _ = surge.inputs_from_answers(q, load_answers(q, DEMO_ANSWERS)[0])
    expected = surge.simulate(inputs, surge.scenario_from_preset("tv_spot", 10, 2))
    assert verdict(at) == expected.verdict()
    metrics = {m.label: m.value for m in at.metric}
    lost = expected.summary.lost_technology + expected.summary.lost_patience
    assert metrics["Orders lost"] == f"{lost:,.0f}"
    assert metrics["First to break"] == expected.summary.first_bind.label
    assert len(at.get("vega_lite_chart")) == 4
    assert any("Fix first" in s.value for s in at.subheader)  # the bottleneck points at its findings


def test_a_bigger_surge_and_an_edited_input_change_the_verdict(db: Store) -> None:  # noqa: F811
    at = demo_surge()
    before = verdict(at)
    at.slider(key="surge_multiplier_tv_spot").set_value(25.0).run()
    bigger = verdict(at)
    assert bigger != before
    at.number_input(key="surge_knob_website_multiple").set_value(40.0)
    at.button(key="FormSubmitter:surge_inputs-Run with these inputs").click().run()
    assert not at.exception, at.exception
    assert verdict(at) != bigger
    assert "website fails first" not in verdict(at).lower()


def test_what_if_names_the_fix_that_loses_fewest_orders(db: Store) -> None:  # noqa: F811
    at = demo_surge()
    line = next(m.value for m in at.markdown if m.value.startswith("With "))
    after, before = [
        float(x.replace(",", "")) for x in (line.split("**")[1].split(" ")[0], line.split("instead of ")[1].rstrip("."))
    ]
    assert after < before


def test_without_an_assessment_everything_is_an_assumption(db: Store) -> None:  # noqa: F811
    at = app(page="pages/surge.py")
    assert "every input is an assumption" in at.info[0].body
    assert verdict(at)
