"""Home: what Readiness is; start, resume, or open the demo."""

from __future__ import annotations

import streamlit as st

from readiness import currency
from readiness.answers import count_answers
from readiness.demo import create_demo, create_from_answers
from readiness.errors import ReadinessError
from readiness.forms import (
    business_kind_question,
    minutes_asked,
    minutes_range,
    questions_asked,
    questions_at_most,
    questions_range,
)
from readiness.markup import md_literal
from readiness.model import tr
from readiness.storage import NotFound
from readiness.upload import read_answers_upload
from ui import faults, links, resources, session, shell


def follow_ups(fewest: int, most: int) -> str:
    """What follow-up questions can add, said before anyone starts: a count that grows mid-way unannounced
    reads as a broken promise."""
    if most <= fewest:
        return ""
    return (
        f" Some answers open follow-up questions (the optional stress-test figures, a known event ahead): "
        f"with every one of them, up to {most}."
    )


shell.app_shell()

shell.sidebar(session.current(required=False) if st.query_params.get("a") else None)

st.title("Readiness")
st.markdown(
    "**Is your business ready to grow fast, and where will it break?** Answer questions on your team, "
    "processes, technology, capacity and the demand coming at you, and see how far demand is ahead of what "
    "you can deliver, and what to fix first."
)


def count_words(fewest: int, most: int) -> str:
    return f"{fewest} questions" if fewest == most else f"{fewest} to {most} questions"


def minute_words(fewest: int, most: int) -> str:
    return f"about {fewest} minutes" if fewest == most else f"about {fewest} to {most} minutes"


# The example first: on a phone the columns stack, and its three lines would otherwise sit below the
# whole start form, out of sight of a first visitor.
other, start = st.columns([2, 3], gap="large")
with start:
    st.subheader("Start a new assessment")
    entries = [e for e in resources.catalog() if e.questionnaire is not None]
    name = st.text_input("Business name", key="home_name", max_chars=200, placeholder="e.g. Frost & Co Ice Cream")
    entry = st.selectbox(
        "Questionnaire",
        entries,
        format_func=lambda e: f"{e.title} ({count_words(*e.questions)})",
        key="home_questionnaire",
    )
    questionnaire = entry.questionnaire if entry else None
    if questionnaire is not None:
        if entry.description:
            st.caption(entry.description)
        profile = st.selectbox(
            "What are you getting ready for?",
            [p.id for p in questionnaire.profiles],
            index=[p.id for p in questionnaire.profiles].index(questionnaire.profile().id),
            format_func=lambda pid: tr(questionnaire.profile(pid).title),
            key="home_profile",
        )
        kind = None
        kind_question = business_kind_question(questionnaire)
        if kind_question is not None:
            options = {o.id: tr(o.label) for o in kind_question.options}
            kind = st.radio(
                "What do you sell? (optional)",
                list(options),
                index=None,
                format_func=options.get,
                key="home_kind",
                horizontal=True,
            )
        if kind_question is None or kind is not None:
            asked, minutes = questions_asked(questionnaire, kind), minutes_asked(questionnaire, kind)
            chosen = " What you sell, chosen here, is one of them: it counts as answered." if kind else ""
            more = follow_ups(asked, questions_at_most(questionnaire, kind))
            said = f"You will be asked {count_words(asked, asked)}, {minute_words(minutes, minutes)}."
            st.caption(f"{said}{chosen}{more}")
        else:
            st.caption(
                f"{count_words(*questions_range(questionnaire))}, {minute_words(*minutes_range(questionnaire))}, "
                f"depending on what you sell.{follow_ups(0, questions_at_most(questionnaire))}"
            )
        codes = [*currency.SYMBOLS, "other"]
        chosen = st.selectbox(
            "Currency",
            codes,
            format_func=lambda c: "Another currency…" if c == "other" else currency.label(c),
            key="home_currency",
            help="Money in your answers and in the surge test is shown in this currency.",
        )
        money = chosen
        if chosen == "other":
            money = st.text_input("Currency code", key="home_currency_code", max_chars=3, placeholder="e.g. CHF")
        if st.button("Start assessment", type="primary", key="home_start"):
            if not name.strip():
                st.error("Give the business a name, so you can tell your assessments apart.")
            elif not money.strip():
                st.error("Type the three-letter code of your currency, such as CHF or INR.")
            else:
                try:
                    assessment = session.start_assessment(questionnaire, name, profile, kind, money)
                except ReadinessError as exc:
                    st.error(f"Could not start the assessment. {faults.message(exc)}", icon=":material/error:")
                else:
                    session.open_assessment(assessment.resume_key or "", "assess")

with other:
    st.subheader("See an example")
    st.write("A sample ice-cream maker, just after a TV spot sent demand through the roof.")
    if st.button("Open the demo", key="home_demo"):
        with faults.reported("The demo could not be opened"), st.spinner("Preparing the demo…"):
            demo = create_demo(resources.store())
            session.open_assessment(demo.resume_key or "", "results")

# Below both columns: on a phone after the start form, which is what most visitors came for.
_, resume = st.columns([2, 3], gap="large")
with resume:
    st.subheader("Resume")
    link = st.text_input("Your resume link", key="home_link", placeholder="…/assess?a=…")
    if st.button("Resume", key="home_resume"):
        try:
            found = resources.store().open_assessment(links.parse_link(link))
        except NotFound:
            st.error("That link does not open any assessment. Check that it was copied whole.")
        except ReadinessError as exc:
            st.error(faults.message(exc), icon=":material/error:")
        else:
            session.open_assessment(found.resume_key or "", "assess")

    # A client who filled in an answers file offline (`readiness template`), or a consultant's records:
    # one upload turns it into an assessment with its results, or says what is wrong and where.
    with st.expander("Load an answers file", icon=":material/upload_file:"):
        st.caption(
            "An answers file written with `readiness template` and filled in (YAML or JSON). It becomes a new "
            "assessment; the file names its questionnaire, else the one chosen above is used."
        )
        uploaded = st.file_uploader("Answers file", type=["yaml", "yml", "json"], key="home_answers_file")
        if uploaded is not None:
            offered = resources.questionnaires()
            read = read_answers_upload(uploaded.name, uploaded.getvalue(), offered, questionnaire)
            errors = [p for p in read.problems if p.is_error]
            if not read.ok:
                st.error(
                    f"**{md_literal(read.file_name)}** has {len(errors)} problem{'s' if len(errors) != 1 else ''}, "
                    "so nothing was loaded. Fix the file and upload it again.",
                    icon=":material/error:",
                )
            for problem in read.problems:
                where = f"line {problem.line}: " if problem.line else ""
                hint = f"  \n{md_literal(problem.hint)}" if problem.hint else ""
                text = f"{where}{problem.code} {md_literal(problem.message)}{hint}"
                (st.error if problem.is_error else st.warning)(text)
            if read.ok and read.questionnaire is not None and read.answers is not None:
                count = count_answers(read.questionnaire, read.answers.answers)
                st.success(
                    f"{count.answered} of {count.shown} questions answered, for "
                    f"{md_literal(read.answers.business or 'a business with no name')} "
                    f"({md_literal(tr(read.questionnaire.title))})."
                )
                if st.button("Open as a new assessment", type="primary", key="home_answers_open"):
                    with faults.reported("The answers could not be loaded"):
                        made = create_from_answers(resources.store(), read.questionnaire, read.answers)
                        session.open_assessment(made.resume_key or "", "results")

broken = [e for e in resources.catalog() if e.error]
for entry in broken:
    st.warning(
        f"Questionnaire {md_literal(entry.path.name)} could not be loaded and is not offered:\n\n"
        f"{md_literal(str(entry.error))}"
    )
