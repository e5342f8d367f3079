"""The workshop report: the room, its disagreements and its agreed answers, in every format."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from readiness import score
from readiness.answers import AnswerSet, validate_answer
from readiness.workshop import aggregate
from readiness.workshop_report import build_workshop_report, render_workshop, render_workshop_html

from .test_report import parsed
from .test_workshop import person

WHEN = datetime(2026, 11, 22, tzinfo=UTC)


@pytest.fixture
def room(sample):
    people = [
        person(sample, "1", "sales", "Ann <script>alert(1)</script>", cover=3, surge_plan="yes", utilization=60),
        person(sample, "2", "operations", '=HYPERLINK("http://evil")', cover=2, surge_plan="no", utilization=95),
        person(sample, "3", "operations", "Bo", cover=1, surge_plan="no", utilization=90),
    ]
    consensus = {"surge_plan": replace(validate_answer(sample, "surge_plan", "no"), note="Write it by <b>May</b>")}
    return sample, people, consensus


def make(room, fmt_name: str = "html", anonymous: bool = True, agreed: bool = True) -> bytes:
    sample, people, consensus = room
    consensus = consensus if agreed else {}
    result = aggregate(sample, people, anonymous=anonymous, roles=["sales", "operations"])
    return render_workshop(
        fmt_name,
        sample,
        result,
        people,
        workshop_name="Leadership day <i>",
        business="Frost & Co",
        anonymous=anonymous,
        consensus_answers=consensus,
        generated=WHEN,
    )


def test_the_model_says_where_the_room_disagrees_and_what_it_agreed(room) -> None:
    sample, people, consensus = room
    result = aggregate(sample, people, roles=["sales", "operations"])
    agreed = score(sample, AnswerSet(answers=consensus))
    report = build_workshop_report(
        sample,
        result,
        workshop_name="Leadership day",
        business="Frost & Co",
        anonymous=True,
        consensus_answers=consensus,
        generated=WHEN,
    )
    # surge_plan: yes (100) vs no, no (0, 0): spread 100, the first to discuss
    assert [q.question_id for q in report.queue] == list(result.queue)
    first = report.queue[0]
    assert (first.question_id, first.spread, first.agreed) == ("surge_plan", "100", "No")
    assert first.note == "Write it by <b>May</b>"
    assert dict(first.role_means) == {"sales": "100", "operations": "0"}
    assert report.agreed == 1 and all(q.agreed is None for q in report.queue[1:])
    assert report.participants == 3 and dict(report.roles) == {"sales": 1, "operations": 2}
    assert report.operations == f"{result.operations:.0f}"
    assert any("disagreed most" in line and first.question in line for line in report.summary)
    # the agreed result is the consensus assessment's own report: the same numbers as `readiness score`
    assert report.consensus is not None
    assert report.consensus.operations == ("–" if agreed.overall is None else f"{agreed.overall:.0f}")
    assert [d.score for d in report.consensus.dimensions] == [
        "–" if d.score is None else f"{d.score:.0f}" for d in agreed.dimensions
    ]


def test_no_agreed_answers_yet_means_no_consensus_section(room) -> None:
    page = make(room, agreed=False).decode()
    assert 'id="consensus"' not in page
    assert "not agreed yet" in page and "agreed an answer to 0 of" in page


def test_html_is_self_contained_escaped_and_names_nobody_when_anonymous(room) -> None:
    page = make(room).decode()
    found = parsed(page)
    assert found.loads == [] and found.scripts == 0 and found.handlers == []
    assert page.count("<svg") >= 2  # the room's dimensions and the disagreement heatmap, inline
    # both again at a phone's width, shown only on a small screen (the wide ones scaled to a phone set their words
    # at three or four pixels), never printed
    assert page.count('<div class="narrow"><svg') == 2 and page.count('<div class="wide"><svg') == 2
    assert "Frost &amp; Co" in page and "Leadership day &lt;i&gt;" in page
    assert "Write it by &lt;b&gt;May&lt;/b&gt;" in page
    for name in ("Ann", "HYPERLINK", "Bo ("):
        assert name not in page
    assert 'id="consensus"' in page


def test_named_workshop_lists_people_escaped(room) -> None:
    page = make(room, anonymous=False).decode()
    assert "Ann &lt;script&gt;alert(1)&lt;/script&gt; (sales)" in page
    assert "<script>alert" not in page


def test_pdf_text_carries_the_business_the_first_question_and_the_agreement(room) -> None:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(make(room, "pdf"))).pages)
    flat = " ".join(text.split())
    assert "Frost & Co" in flat
    assert "1. " + sample_text(room, "surge_plan") in flat  # the most disputed question, first
    assert "agreed: No" in flat
    assert "The agreed result" in flat
    assert "Ann" not in flat


def test_spreadsheet_has_every_answer_by_role_and_the_agreed_answers(room) -> None:
    book = load_workbook(io.BytesIO(make(room, "xlsx", anonymous=False)))
    assert {"Dimensions", "Questions", "Role gaps", "Discussion queue", "Answers", "Consensus"} <= set(book.sheetnames)
    answers = list(book["Answers"].values)
    people = {row[0] for row in answers[1:]}
    assert '\'=HYPERLINK("http://evil")' in people  # a formula-looking name is stored as inert text
    consensus = list(book["Consensus"].values)
    assert consensus[1][1:4] == ("surge_plan", sample_text(room, "surge_plan"), "No")


def sample_text(room, question_id: str) -> str:
    sample, *_ = room
    return str(sample.question(question_id).text)


def test_json_is_the_model(room) -> None:
    data = json.loads(make(room, "json"))
    assert data["business"] == "Frost & Co" and data["agreed"] == 1
    assert data["queue"][0]["question_id"] == "surge_plan" and data["people"] == []


def test_unknown_format_is_refused(room) -> None:
    with pytest.raises(Exception, match="unknown report format"):
        make(room, "docx")


def test_agreed_answers_read_in_words_without_a_score_and_all_reach_the_sheet(room) -> None:
    sample, people, consensus = room
    agreed = {**consensus, "cover": validate_answer(sample, "cover", "dont_know")}
    result = aggregate(sample, people, roles=["sales", "operations"])
    report = build_workshop_report(
        sample, result, workshop_name="W", business="B", anonymous=True, consensus_answers=agreed
    )  # the words come from the questionnaire, not from scoring
    said = {q.question_id: q.agreed for q in report.queue}
    assert said["surge_plan"] == "No" and said["cover"] == "Don't know"
    book = load_workbook(
        io.BytesIO(
            render_workshop(
                "xlsx",
                sample,
                result,
                people,
                workshop_name="W",
                business="B",
                anonymous=True,
                consensus_answers=agreed,
            )
        )
    )
    rows = {row[1]: row[3] for row in list(book["Consensus"].values)[1:]}
    assert rows == {"cover": "Don't know", "surge_plan": "No"}


def test_a_room_that_joined_but_has_not_answered(sample) -> None:
    people = [person(sample, "1", "sales"), person(sample, "2", "operations")]
    page = render_workshop(
        "html", sample, aggregate(sample, people), people, workshop_name="W", business="B", anonymous=True,
        consensus_answers={},
    ).decode()  # fmt: skip
    assert "2 joined; nobody has answered a scored question yet." in page
    assert "<svg" not in page  # no empty charts


def test_a_role_named_like_a_javascript_link_is_shown_as_text_in_html_and_pdf(sample) -> None:
    """Such a role used to make the chart check refuse the heatmap, and the report failed silently."""
    role = "javascript:alert(1)"
    people = [
        person(sample, "1", role, "Ann", cover=3, surge_plan="yes", utilization=60),
        person(sample, "2", "operations", "Bo", cover=1, surge_plan="no", utilization=90),
    ]
    result = aggregate(sample, people, roles=[role, "operations"])

    def render(fmt_name: str) -> bytes:
        return render_workshop(
            fmt_name, sample, result, people, workshop_name="W", business="B", anonymous=False,
            consensus_answers={}, generated=WHEN,
        )  # fmt: skip

    page = render("html").decode("utf-8")
    found = parsed(page)
    assert found.scripts == 0 and found.handlers == [] and not any("javascript" in link for link in found.links)
    assert role in "".join(found.text) or role in page  # the heatmap labels it, as text
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(render("pdf"))).pages)
    assert role in " ".join(text.split())


def test_the_workshop_pdf_is_two_pages_unless_the_full_report_is_asked_for(room) -> None:
    summary = PdfReader(io.BytesIO(make(room, "pdf")))
    full = PdfReader(io.BytesIO(make(room, "pdf_full")))
    flat = " ".join(" ".join(p.extract_text() for p in full.pages).split())
    assert len(summary.pages) == 2 and len(full.pages) > 2
    assert full.pages[2].extract_text().lstrip().startswith("Appendix")  # the summary kept to its two pages
    assert "Appendix: where the room disagrees" in flat and "How the room's figures were computed" in flat


def test_workshop_sheets_hold_numbers_and_figures_beside_bands(room) -> None:
    book = load_workbook(io.BytesIO(make(room, "xlsx")))
    dims = list(book["Dimensions"].iter_rows(values_only=False))
    header = [c.value for c in dims[0]]
    for row in dims[1:]:
        mean, gap = row[header.index("Mean")], row[header.index("Gap")]
        assert mean.data_type == "n" and (mean.value is None or float(mean.value).is_integer())
        assert gap.value is None or (gap.data_type == "n" and gap.number_format == "+0;-0;0")
    answers = list(book["Answers"].values)
    header = answers[0]
    words, value = header.index("Answer"), header.index("Value")
    busy = [row for row in answers[1:] if row[header.index("Question id")] == "utilization"]
    assert sorted((row[value], row[words]) for row in busy) == [
        (60, "60% (Plenty of headroom)"),
        (90, "90% (Maxed out)"),
        (95, "95% (Maxed out)"),
    ]


def test_workshop_csv_is_one_file_per_table(room) -> None:
    import zipfile

    from readiness.report import ReportError

    data = make(room, "csv")
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert names == [
        "dimensions.csv",
        "questions.csv",
        "role-gaps.csv",
        "discussion-queue.csv",
        "answers.csv",
        "consensus.csv",
    ]
    sample, people, consensus = room
    result = aggregate(sample, people, roles=["sales", "operations"])
    kwargs = {"workshop_name": "W", "business": "B", "anonymous": True, "consensus_answers": consensus}
    one = render_workshop("csv", sample, result, people, table="Role gaps", **kwargs)
    assert one.decode("utf-8-sig").startswith('"Dimension","Role A","Role B"')
    with pytest.raises(ReportError):
        render_workshop("xlsx", sample, result, people, table="answers", **kwargs)


def test_the_room_gap_reads_the_way_the_one_business_report_says_it(room) -> None:
    """An exploratory browser pass read Team "56 against 55: -1" and Process "42 against 55: +13" in the workshop
    report beside "20 below" in one person's results: the room says "13 below" and "1 above" too."""
    sample, people, _ = room
    result = aggregate(sample, people, roles=["sales", "operations"])
    report = build_workshop_report(
        sample, result, workshop_name="Day", business="Co", anonymous=True, consensus_answers={}, generated=WHEN
    )
    rows = [(d, r) for d, r in zip(result.dimensions, report.dimensions, strict=True) if d.side != "demand"]
    assert rows
    for d, row in rows:
        if d.gap is None:
            continue
        behind = round(d.target - d.stats.mean)
        said = "on target" if behind == 0 else f"{abs(behind)}\u00a0{'below' if behind > 0 else 'above'}"
        assert row.gap == said, (d.id, row.gap)


def _partial_room(sample):
    """Sales answered Team badly; operations rated cover "Fully" and left the surge plan blank (its own Team
    score counts the blank at its worst, its view does not); only sales answered marketing.

    The sample's Team has two questions, so one blank is below the shipped line (60% really answered) and the
    room would leave operations out of Team as still answering. With a line of one in two, operations's own
    score (the blank at its worst) is in Team's row, as a finished person's with a blank is."""
    half = sample.model_copy(update={"balance": sample.balance.model_copy(update={"coverage": 0.5})})
    people = [
        person(sample, "1", "sales", cover=1, surge_plan="no", utilization=60, channels=["partners"]),
        person(sample, "2", "operations", cover=3, utilization=95),
    ]
    return half, aggregate(half, people, roles=["sales", "operations"])


def _row(report, title: str):
    return next(d for d in report.dimensions if d.title == title)


def test_a_rows_range_and_its_role_figures_are_one_set_of_numbers(sample) -> None:
    """Browser pass: Capacity "48–52" beside Operations / production 56 in the same row: the range was the
    people's own scores (blanks at their worst), the role columns their views (blanks left out)."""
    half, result = _partial_room(sample)
    report = build_workshop_report(half, result, workshop_name="W", business="B", anonymous=True,
                                   consensus_answers={})  # fmt: skip
    team = _row(report, "Team")
    low, high = (float(x) for x in team.low_high.split("–"))
    figures = {role: float(mean) for role, mean in team.role_means}
    assert all(low <= figure <= high for figure in figures.values()), (team.low_high, figures)
    own = [r.dimension("team").score or 0.0 for r in result.individual]  # sales, then operations
    assert figures == {"sales": round(own[0]), "operations": round(own[1])}
    # the perception gaps still compare what each role said (a blank is not a bad answer there), and the
    # two-page summary says so beside its gaps, where the table above it shows the own scores
    assert result.dimension("team").role_means["operations"] == 100.0
    assert report.gaps
    summary = render_workshop_html(report, full=False)
    assert "Each role's view: only the questions its people answered" in summary


def test_a_dimension_one_person_answered_shows_no_spread(sample) -> None:
    """Browser pass: "46–46, std dev 0" for a dimension only one person answered read as the room agreeing;
    the heatmap already shows "–" for one answer."""
    half, result = _partial_room(sample)
    assert result.dimension("marketing").stats.n == 1
    report = build_workshop_report(half, result, workshop_name="W", business="B", anonymous=True,
                                   consensus_answers={})  # fmt: skip
    marketing = _row(report, "Marketing")
    assert (marketing.low_high, marketing.std) == ("–", "–")
    assert marketing.mean != "–"
    team = _row(report, "Team")
    assert team.low_high != "–" and team.std != "–"  # two people: a real spread


def test_roles_that_agree_on_every_dimension_are_told_so_not_shown_a_gap_of_0(sample) -> None:
    """Browser pass: a perception gap of 0 in the report; none is listed, and the report says the roles agree."""
    people = [
        person(sample, "1", "Leadership", cover=2, surge_plan="yes"),
        person(sample, "2", "Sales", cover=2, surge_plan="yes"),
    ]
    result = aggregate(sample, people, roles=["Leadership", "Sales"])
    report = build_workshop_report(sample, result, workshop_name="W", business="B", anonymous=True,
                                   consensus_answers={})  # fmt: skip
    assert report.gaps == ()
    assert report.gaps_note.startswith("The roles see every dimension alike")
    html = render_workshop("html", sample, result, people, workshop_name="W", business="B", anonymous=True,
                           consensus_answers={}, full=True).decode()  # fmt: skip
    assert "The roles see every dimension alike" in html
    assert "Gaps appear once at least two roles have answered" not in html
    assert not any(" 0 points" in line for line in html.splitlines() if "Sales" in line)


def test_the_report_says_who_is_still_answering_beside_the_means_that_leave_them_out() -> None:
    """A report printed while someone is still on the form's first step: its means are the finished people's,
    and the summary says over how many, and that the one still answering is not counted yet."""
    from readiness.workshop import Participant

    from .casework import case_answers
    from .test_workshop import first_step_room

    growth, people = first_step_room()
    result = aggregate(growth, people)

    def build(room):
        return build_workshop_report(growth, room, workshop_name="W", business="B", anonymous=True,
                                     consensus_answers={}, generated=WHEN)  # fmt: skip

    report = build(result)
    assert report.summary[0] == (
        "3 people answered. On average the room puts operations readiness at 57 out of 100 and 75 on demand "
        "pressure (each a mean of 2 people; 1 not counted: too few answers yet)."
    )
    html = render_workshop("html", growth, result, people, workshop_name="W", business="B", anonymous=True,
                           consensus_answers={}, generated=WHEN).decode()  # fmt: skip
    assert "(each a mean of 2 people; 1 not counted: too few answers yet)" in html
    assert "so someone still answering does not pull the room down" in html  # the method says the rule
    # everyone counted: nothing to say
    assert "still answering" not in " ".join(build(aggregate(growth, people[:2])).summary)
    # someone who answered the demand side only is left out of the operations mean alone
    side = {d.id: d.side for d in growth.dimensions}
    other = case_answers(growth, "bakery-wholesaler-supermarket-contract")
    demand = Participant(
        "3", "Sales / marketing", {k: v for k, v in other.items() if side[growth.question(k).dimension] == "demand"}
    )
    assert build(aggregate(growth, [*people[:2], demand])).summary[0] == (
        "3 people answered. On average the room puts operations readiness at 57 out of 100 (mean of 2 people; "
        "1 not counted: too few answers yet) and 72 on demand pressure."
    )


def test_the_agreed_result_is_said_as_a_self_assessments_report_says_it(room) -> None:
    """A browser pass found the agreed result headed by a "Balance index –" card with no weakest link, and its
    summary line still saying "demand strength" (the demand side measures pressure since issue 11). It reads
    as a self-assessment's report does: the zone first, then operations readiness, the weakest link, demand
    pressure."""
    page = make(room).decode()
    appendix = page[page.index('id="consensus"') :]
    assert appendix.index('<div class="zone') < appendix.index('<div class="metrics">')
    assert "Weakest link: " in appendix and "Balance index" not in appendix
    assert "demand strength" not in page and "demand pressure" in page


def test_the_workshop_summary_shows_the_weakest_link_the_verdict_weighs() -> None:
    """A browser pass read the room's verdict beside an operations mean and a demand pressure, but not the
    weakest link it weighs demand against, which the workshop page shows as a card: the summary, in HTML
    and on the PDF's first page, shows it too, with the part that was someone's weakest link."""
    from readiness.loader import load_questionnaire
    from readiness.workshop import Participant

    from .casework import case_answers, with_values
    from .conftest import ROOT

    growth = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    owner = case_answers(growth, "abbey-steps-toys")
    people = [
        Participant("1", "owner", owner),
        Participant("2", "shop manager", with_values(owner, key_person_cover=1, clear_roles=1)),
    ]
    result = aggregate(growth, people, roles=["owner", "shop manager"])
    assert result.link is not None and result.weakest
    card = f"Weakest link (room mean): {' and '.join(result.weakest)}"

    def made(fmt_name: str) -> bytes:
        return render_workshop(fmt_name, growth, result, people, workshop_name="Day", business="Abbey Steps",
                               anonymous=True, consensus_answers={}, generated=WHEN)  # fmt: skip

    summary = made("html").decode("utf-8").split('<section id="room">')[0]
    assert card in summary and f"{result.link:.0f} / 100" in summary
    first_page = " ".join(PdfReader(io.BytesIO(made("pdf"))).pages[0].extract_text().split())
    assert card in first_page and f"{result.link:.0f} / 100" in first_page


def test_what_the_room_settled_first_is_in_the_report_with_its_agreed_answer() -> None:
    """A browser pass: the page listed "Is there a big step you are weighing…" under "Settle first" and the
    room agreed it, but the report's appendix held the disputed questions only, so the file a client keeps said
    nothing of what the room decided the business sells, or which step it is weighing."""
    from readiness.loader import load_questionnaire
    from readiness.workshop import Participant

    from .casework import case_answers, with_values
    from .conftest import ROOT

    growth = load_questionnaire(ROOT / "questionnaires" / "growth-readiness.yaml")
    owner = case_answers(growth, "abbey-steps-toys")
    people = [Participant("1", "owner", owner), Participant("2", "ops", with_values(owner, business_type="both"))]
    result = aggregate(growth, people)
    [item] = result.settle
    agreed = {"business_type": replace(validate_answer(growth, "business_type", "goods"), note="Toys <b>only</b>")}

    def made(fmt_name: str, consensus: dict) -> bytes:
        return render_workshop(fmt_name, growth, result, people, workshop_name="Day", business="Abbey Steps",
                               anonymous=True, consensus_answers=consensus, generated=WHEN)  # fmt: skip

    html = made("html", agreed).decode("utf-8")
    appendix = html.split('<section id="queue"')[1].split("</section>")[0]
    assert "Settled first" in appendix and "Discussion queue" in appendix
    assert appendix.index("Settled first") < appendix.index(item.text) < appendix.index("Discussion queue")
    assert "Both goods and services: 1" in appendix and "Physical goods: 1" in appendix
    assert "agreed: Physical goods" in appendix and "Toys &lt;b&gt;only&lt;/b&gt;" in appendix
    pending = made("html", {}).decode("utf-8").split('<section id="queue"')[1].split("</section>")[0]
    assert "not agreed yet" in pending.split("Discussion queue")[0]
    [row] = json.loads(made("json", agreed))["settle"]
    assert (row["question_id"], row["agreed"]) == ("business_type", "Physical goods")


def test_the_room_heatmap_drawn_for_a_phone_fits_a_phone_page(room) -> None:
    """A drawing has no page to measure: told a phone's, the heatmap gives its question names at most 45% of it,
    as the app does on a phone, and the whole drawing fits the page; the PDF prints only the wide charts."""
    from readiness.workshop_report import PHONE_PAGE, workshop_chart_svgs

    sample, people, _ = room
    result = aggregate(sample, people, anonymous=True, roles=["sales", "operations"])
    svgs = workshop_chart_svgs(sample, result)
    assert set(svgs) == {"dimensions", "heatmap", "dimensions_narrow", "heatmap_narrow"}
    assert set(workshop_chart_svgs(sample, result, narrow=False)) == {"dimensions", "heatmap"}
    width = float(svgs["heatmap_narrow"].split('width="', 1)[1].split('"', 1)[0])
    assert width <= PHONE_PAGE * 1.1, width  # shown at nine tenths of its size or more on a 390-pixel screen
    assert float(svgs["heatmap"].split('width="', 1)[1].split('"', 1)[0]) > 2 * PHONE_PAGE
