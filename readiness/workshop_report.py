"""The workshop report: what the room said, where it disagreed, and what it agreed.

Built like the assessment report (:mod:`readiness.report`): one model holding
every word and number, rendered to self-contained HTML, the PDF of that HTML,
Excel/CSV and JSON, so the formats cannot disagree. The consensus part *is*
the consensus assessment's own report model, so its numbers match
``readiness score`` on the agreed answers.

Anonymity is decided here, once: in an anonymous workshop no participant's
name reaches the model, so no format can leak one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from readiness import scale
from readiness.answers import Answer, AnswerSet
from readiness.decision import room_step_words
from readiness.errors import ReportError
from readiness.markup import and_list
from readiness.model import Questionnaire, tr
from readiness.report import FORMATS
from readiness.report_html import NARROW, Paper, environment, fit_full_pdf, fit_pdf, static_svg
from readiness.report_model import Report, build_report
from readiness.report_tables import Signed, csv_table, csv_zip, pick_table, tables_xlsx
from readiness.scoring import QUADRANTS, score
from readiness.workshop import Participant, WorkshopResult, answer_words, export_tables, thin_words

#: How much the two-page summary shows, longest first: (questions to talk about, perception gaps,
#: agreed actions for the first 30 days, whether they start a new page). See `fit_pdf`.
SUMMARY_LENGTHS = ((5, 3, 4, True), (5, 3, 3, False), (4, 2, 3, False), (3, 2, 2, False), (3, 1, 1, False))


@dataclass(frozen=True)
class RoomDimension:
    title: str
    side: str
    people: int
    mean: str
    low_high: str
    std: str
    target: str
    gap: str
    behind: bool
    role_means: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class QueueItem:
    rank: int
    question_id: str
    question: str
    dimension: str
    spread: str
    role_gap: str
    role_means: tuple[tuple[str, str], ...]
    distribution: tuple[tuple[str, int], ...]
    agreed: str | None
    note: str


@dataclass(frozen=True)
class SettleRow:
    """A question settled before the queue (it scores nothing but decides what else is asked, or which fixes
    come first): the page listed it to settle and the report left it out (a browser pass)."""

    question_id: str
    question: str
    distribution: tuple[tuple[str, int], ...]
    agreed: str | None
    note: str


@dataclass(frozen=True)
class GapRow:
    dimension: str
    roles: str
    means: str
    gap: str
    #: "Finance's view rests on too few answers", or "" (:func:`readiness.workshop.thin_words`).
    note: str = ""


@dataclass(frozen=True)
class WorkshopReport:
    title: str
    workshop: str
    business: str
    date: str
    questionnaire: str
    questionnaire_id: str
    questionnaire_version: str
    profile: str
    mode: str
    participants: int
    roles: tuple[tuple[str, int], ...]
    people: tuple[tuple[str, str], ...]  # (name, role); empty in anonymous workshops
    operations: str
    demand: str
    quadrant: str
    quadrant_meaning: str
    quadrant_id: str | None
    summary: tuple[str, ...]
    dimensions: tuple[RoomDimension, ...]
    gaps: tuple[GapRow, ...]
    queue: tuple[QueueItem, ...]
    agreed: int
    consensus: Report | None
    method: tuple[str, ...]
    headline_label: str = "Operations readiness"
    #: Said where the perception gaps would be when none is listed (:func:`gaps_note`).
    gaps_note: str = ""
    operations_out_of: str = "– / 100"
    demand_out_of: str = "– / 100"
    has_balance: bool = True
    #: What the room's verdict weighs demand against (the mean of each person's weakest link), and the
    #: dimensions that were someone's weakest link: the card the workshop page shows beside the mean.
    weakest_link_out_of: str = "– / 100"
    weakest_link: str = ""
    #: What was settled first, before the queue (:class:`SettleRow`).
    settle: tuple[SettleRow, ...] = ()


def _mean(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def gaps_note(result: WorkshopResult) -> str:
    """What to say when no perception gap is listed: the roles agree, or no two can be compared yet.

    A gap that reads 0 is not listed (:func:`readiness.workshop.aggregate`), so an empty list after two roles
    answered means they see every dimension alike; "Gaps appear once at least two roles have answered" would
    then be untrue. Empty when there are gaps to show.
    """
    if result.gaps:
        return ""
    if result.compared:
        return "The roles see every dimension alike: no two differ by a point or more."
    return "Gaps appear once at least two roles have answered."


def counted_words(result: WorkshopResult, figure: str) -> str:
    """How many people a headline mean is over, for its card or its sentence: "mean of 3 people".

    ``figure`` is a key of ``WorkshopResult.counted`` ("operations", "link", "demand"). When someone who joined
    is left out of it because they have not answered enough of that side yet, it says so ("mean of 2 people;
    1 not counted: too few answers yet"): a room watched while it fills in must see that the figure is not
    yet everyone's, and that the person still on the form's first step is not dragging it down.
    """
    n = result.counted.get(figure, result.participants)
    words = f"mean of {n} {'person' if n == 1 else 'people'}"
    left = result.waiting.get(figure, 0)
    if left > 0:
        # "still answering" was wrong for someone who finished with blanks; too few answers is true of both
        words += f"; {left} not counted: too few answers yet"
    return words


def _left_out(result: WorkshopResult, figure: str) -> str:
    """ " (mean of 2 people; 1 not counted: too few answers yet)" after a figure in a sentence, or nothing
    when everyone who joined is in it (the sentence already says how many answered)."""
    return f" ({counted_words(result, figure)})" if result.waiting.get(figure, 0) > 0 else ""


def room_balance_text(result: WorkshopResult, questionnaire: Questionnaire, lang: str = "en") -> str | None:
    """The figures the room's verdict weighs, said beside the verdict.

    The verdict weighs demand pressure against the weakest link (the mean of each person's operations
    dimension that would break first), not against the operations mean on the card next to it: "demand
    ahead" beside a demand of 45 and operations of 51 reads as a contradiction unless the figure it is
    ahead of is on the page too. None when there is no verdict to explain.
    """
    weighed_figure = result.weighed
    if not scale.has_demand(questionnaire) or weighed_figure is None or result.link is None:
        return None
    sc = questionnaire.score_scale
    demand, link = scale.number(weighed_figure, sc), scale.number(result.link, sc)
    which = f" ({and_list(result.weakest)})" if result.weakest else ""
    basis = (
        f"the weakest link is the mean of each person's operations dimension that would break first{which}, "
        f"not the operations mean ({scale.number(result.operations, sc)})"
    )
    subject = f"Demand pressure {demand}"
    measured = result.demand
    if measured is not None and scale.between(weighed_figure, measured, sc):
        # The verdict weighs each person's pressure as their own results do; the card beside it shows the measured
        # mean, so the sentence says both and why they differ, or the room reads "8 against 32" beside a card of 58.
        why = (
            "promises already broken, a busiest step already full or an event ahead"
            if weighed_figure > measured
            else "the work waiting was ordered earlier, and new orders are falling"
        )
        subject = (
            f"Demand pressure, weighed at {demand} as each person's own results weigh it "
            f"({'higher' if weighed_figure > measured else 'lower'} than the {scale.number(measured, sc)} measured: "
            f"{why}),"
        )
    settings = questionnaire.balance
    ahead = result.ahead or 0.0
    # as a reader subtracts the two figures shown, so the sentence agrees with them to the last digit
    apart = scale.number(abs(scale.difference(scale.between(weighed_figure, result.link, sc), sc) or 0.0), sc,
                         internal=False)  # fmt: skip
    line = scale.number(scale.difference(settings.gap, sc), sc, internal=False)
    if ahead >= settings.gap - 1e-9:
        held = " but held back under control" if result.quadrant == "demand_ahead_controlled" else ""
        return (
            f"{subject} is {apart} points ahead of the weakest link, {link}{held} "
            f"({line} or more ahead is demand ahead); {basis}."
        )
    if ahead > 0:
        return f"{subject} is {apart} points ahead of the weakest link, {link} ({line} would be demand ahead); {basis}."
    if ahead < 0 and scale.between(result.link, weighed_figure, sc):
        # "8 against the weakest link, 32" had no verb and no rule: a facilitator was not told why that is idle
        rule = ""
        if result.quadrant == "idle_capacity" and -ahead >= settings.gap - 1e-9:
            quiet = scale.number(settings.quiet, sc)
            rule = f" ({line} or more below, with demand pressure under {quiet}, is idle capacity)"
        elif result.quadrant == "idle_capacity":  # placed idle by the evidence, not the figures (section 3)
            rule = " (idle capacity because orders are falling while the busiest step has room)"
        return f"{subject} is {apart} points below the weakest link, {link}{rule}; {basis}."
    return f"{subject} against the weakest link, {link}; {basis}."


def build_workshop_report(
    questionnaire: Questionnaire,
    result: WorkshopResult,
    *,
    workshop_name: str,
    business: str,
    anonymous: bool,
    consensus_answers: Mapping[str, Answer],
    generated: datetime | None = None,
) -> WorkshopReport:
    """Everything the workshop report says; the agreed answers are scored here, like any assessment."""
    lang = questionnaire.default_language
    when = generated or datetime.now(UTC)
    sc = questionnaire.score_scale
    label = scale.headline_label(questionnaire, lang)
    balanced = scale.has_demand(questionnaire)
    titles = {d.id: tr(d.title, lang) for d in questionnaire.dimensions}

    def agreed_text(question_id: str) -> str | None:
        return _answer_label(questionnaire, question_id, consensus_answers.get(question_id))

    queue = tuple(
        QueueItem(
            rank=rank,
            question_id=q.id,
            question=q.text,
            dimension=titles.get(q.dimension, q.dimension),
            spread=_mean(q.stats.spread),
            role_gap=_mean(q.role_gap),
            role_means=tuple((role, q.role_said(role)) for role in q.role_means),
            distribution=tuple(q.distribution.items()),
            agreed=agreed_text(q.id),
            note=(consensus_answers[q.id].note or "") if q.id in consensus_answers else "",
        )
        # every disputed question: the summary lists the first few, the appendix all (a browser pass read
        # "Disputed questions agreed: 12 of 12" with 25 more still open beyond the twelve listed)
        for rank, q in enumerate((result.question(qid) for qid in result.queue), start=1)
    )
    settle = tuple(
        SettleRow(
            question_id=item.id,
            question=item.text,
            distribution=tuple(item.distribution.items()),
            agreed=agreed_text(item.id),
            note=(consensus_answers[item.id].note or "") if item.id in consensus_answers else "",
        )
        for item in result.settle
    )
    dims = tuple(
        RoomDimension(
            title=d.title,
            side="Demand" if d.side == "demand" else "Operations",
            people=d.stats.n,
            mean=scale.number(d.stats.mean, sc),
            # One person has no spread: "46–46, std dev 0" read as the room agreeing (a browser pass); a dash,
            # as the heatmap's spread column shows for a question one person answered.
            low_high="–"
            if d.stats.minimum is None or d.stats.n < 2
            else f"{scale.number(d.stats.minimum, sc)}–{scale.number(d.stats.maximum, sc)}",
            std="–" if d.stats.std is None or d.stats.n < 2 else f"{scale.difference(d.stats.std, sc):.{sc.decimals}f}",
            target=scale.DASH if d.side == "demand" else scale.number(d.target, sc),
            # Said as the one-business report says it ("13 below", "1 above"): a bare "+13" under "Gap" read
            # the opposite way beside the individual results (an exploratory browser pass).
            gap="–"
            if d.gap is None or d.side == "demand"
            else scale.short_of(scale.between(d.target, d.stats.mean, sc), sc),
            behind=d.side != "demand" and (d.gap or 0) > 0,
            # the roles' means of the same own scores as the mean and the range beside them, so a role's figure
            # never lies outside its row's lowest–highest; the perception gaps compare views (what was said)
            role_means=tuple((role, scale.number(mean, sc)) for role, mean in d.role_scores.items()),
        )
        for d in result.dimensions
    )
    gaps = tuple(
        GapRow(
            g.title,
            f"{g.role_a} vs {g.role_b}",
            f"{scale.number(g.mean_a, sc)} vs {scale.number(g.mean_b, sc)}",
            scale.signed(scale.between(g.mean_a, g.mean_b, sc), sc),
            thin_words(g),
        )
        for g in result.gaps[:10]
    )
    agreed = sum(1 for item in queue if item.agreed is not None)

    summary = []
    if not _anyone_answered(result):
        summary.append(
            "Nobody has answered yet."
            if result.participants == 0
            else f"{result.participants} joined; nobody has answered a scored question yet."
        )
    else:
        room = f"{result.participants} {'person' if result.participants == 1 else 'people'}"
        said = label.lower() if label == "Operations readiness" else label
        if result.operations is not None:
            # who each mean leaves out as still answering, once when it is the same for both figures
            ops_out = _left_out(result, "operations")
            demand_out = "" if result.demand is None else _left_out(result, "demand")
            both = ""
            if result.demand is not None and ops_out and ops_out == demand_out:
                ops_out, demand_out, both = "", "", f" (each a {counted_words(result, 'operations')})"
            demand = ""
            if result.demand is not None:
                demand = f" and {scale.number(result.demand, sc)} on demand pressure{demand_out}"
            summary.append(f"{room} answered. On average the room puts {said} at "
                           f"{scale.in_words(result.operations, sc, lang)}{ops_out}{demand}{both}.")  # fmt: skip
        else:
            summary.append(f"{room} answered, not yet enough to score {said}.")
        if result.message and balanced:
            summary.append(result.message)
        elif result.quadrant_label:
            # "Together" after "51 … and 58 on demand pressure" read as those two placing an idle room (a browser
            # pass): when the verdict weighs another demand figure, the sentence after this one says which.
            weighed_apart = result.pressure is not None and scale.between(result.pressure, result.demand, sc)
            placed = "Weighed as below, the room places" if weighed_apart else "Together that places"
            summary.append(f"{placed} {business} in the zone “{result.quadrant_label}”.")
            if weighed := room_balance_text(result, questionnaire, lang):
                summary.append(weighed)
        if result.step is not None and balanced:
            summary.append(room_step_words(result.step))
        if queue:
            top = queue[0]
            summary.append(f"The room disagreed most on “{top.question}” (answers {top.spread} points apart).")
        if gaps:
            g = result.gaps[0]
            direction = "stronger" if g.gap > 0 else "weaker"
            apart = scale.number(
                abs(scale.difference(scale.between(g.mean_a, g.mean_b, sc), sc) or 0), sc, internal=False
            )
            summary.append(f"Largest perception gap: {g.role_a} see {g.title} as {apart} points "
                           f"{direction} than {g.role_b} do.")  # fmt: skip
        if queue:
            summary.append(
                f"The room agreed an answer to {agreed} of the {len(queue)} disputed questions"
                + ("; the scores of the agreed answers follow." if consensus_answers else ".")
            )

    consensus = None
    if consensus_answers:
        agreed_set = AnswerSet(answers=dict(consensus_answers), business=business)
        consensus = build_report(
            questionnaire,
            score(questionnaire, agreed_set, result.profile, language=lang),
            agreed_set,
            when,
        )

    people = () if anonymous else tuple((name or "–", role) for role, name in result.names)
    method = (
        "Each person's answers are scored exactly like a self-assessment; a question's level is the share of "
        "its points that answer earns (0–100).",
        "A dimension's room score is the mean of the people's own dimension scores (blanks at their worst, as "
        "for one business): the figures the headline means and the verdict use. 'lowest–highest' and the "
        "standard deviation show how far apart they are (a dash when one person answered), and a role's column "
        "is its people's mean of the same scores. A perception gap counts only the questions each role answered.",
        f"A person counts in a dimension's room score once they have really answered "
        f"{questionnaire.balance.coverage:.0%} of its questions (the line below which one business is not "
        "placed), and in the operations mean, the weakest link and the verdict once they have in every "
        "operations dimension (in the demand mean: every demand dimension), so someone still answering does not "
        "pull the room down. A figure nobody has answered enough for yet is over everyone.",
        "The room's verdict weighs the mean of each person's demand pressure, as their own results weigh it "
        "(raised by promises already broken, a busiest step full or an event ahead; lowered when work ordered "
        "earlier is worked off while new orders fall), against the mean of each person's weakest link, not "
        "against the mean operations readiness: blanks count at their worst there too, and each person's "
        "link is the one their own results weigh.",
        "Spread is the distance between the lowest and the highest answer to a question; a role gap is the "
        "largest difference between two roles' mean levels. The discussion queue orders questions by the "
        "larger of the two.",
        "“Don't know” and “not applicable” are counted but never averaged in.",
        "The agreed (consensus) answers form the workshop's own assessment, scored and reported like any "
        "other." + (" Answers were anonymous: the report names roles, never people." if anonymous else ""),
        f"Questionnaire {questionnaire.id} version {questionnaire.version}, content hash "
        f"{questionnaire.content_hash[:16]}. The full method is in the Readiness documentation "
        "(“How scores are computed”, its Workshops part).",
    )
    return WorkshopReport(
        title=f"Workshop report: {workshop_name or business}",
        workshop=workshop_name or "Workshop",
        business=business,
        date=when.date().isoformat(),
        questionnaire=tr(questionnaire.title, lang),
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        profile=tr(questionnaire.profile(result.profile).title, lang),
        mode="anonymous" if anonymous else "named",
        participants=result.participants,
        roles=tuple(result.roles.items()),
        people=people,
        operations=scale.number(result.operations, sc),
        demand=scale.number(result.demand, sc),
        quadrant=result.quadrant_label or ("Not enough answers to place the business" if balanced else ""),
        quadrant_meaning=result.message or _quadrant_meaning(result.quadrant),
        quadrant_id=result.quadrant,
        summary=tuple(summary),
        dimensions=dims,
        gaps=gaps,
        queue=queue,
        settle=settle,
        agreed=agreed,
        consensus=consensus,
        method=method,
        headline_label=label,
        gaps_note=gaps_note(result),
        operations_out_of=scale.out_of(result.operations, sc, lang),
        demand_out_of=scale.out_of(result.demand, sc, lang),
        has_balance=balanced,
        weakest_link_out_of=scale.out_of(result.link, sc, lang),
        weakest_link=and_list(list(result.weakest)) if result.weakest else "",
    )


def _anyone_answered(result: WorkshopResult) -> bool:
    return any(q.stats.n or q.dont_know or q.not_applicable for q in result.questions)


def _answer_label(questionnaire: Questionnaire, question_id: str, answer: Answer | None) -> str | None:
    return None if answer is None else answer_words(questionnaire, questionnaire.question(question_id), answer)


def _cell_number(column: str, value: float) -> float:
    """A room's statistic as the report prints it; a gap keeps its sign on show (+43)."""
    if column == "Answer" or column == "Value":  # what a person typed stays exactly as typed
        return value
    whole = float(round(value))
    return Signed(whole) if column.startswith("Gap") else whole


def _quadrant_meaning(quadrant: str | None) -> str:
    return QUADRANTS[quadrant][1] if quadrant else ""


#: The room heatmap's phone drawing: the page it is laid out for (a 390-pixel screen less the report's margins),
#: and its plot, what is left beside the question names (at most 45% of the page, on two lines).
PHONE_PAGE = 350
HEATMAP_PHONE_PLOT = 170


def workshop_chart_svgs(questionnaire: Questionnaire, result: WorkshopResult, *, narrow: bool = True) -> dict[str, str]:
    """The room's charts as static SVG (vl-convert): no script, no web font, nothing fetched.

    Drawn a second time at a phone's width (``dimensions_narrow``, ``heatmap_narrow``), shown by the page's style
    on a small screen: the wide ones scaled down to a phone set their words at three or four pixels, as the
    assessment report's did (its ``chart_svgs``). ``narrow=False`` for a PDF, which prints the wide ones."""
    from readiness import charts

    if not _anyone_answered(result):
        return {}
    specs = {
        "dimensions": charts.spec(charts.workshop_dimensions(result, questionnaire.score_scale)),
        "heatmap": charts.spec(charts.disagreement_heatmap(result, questionnaire)),
    }
    svgs = {name: static_svg(name, spec) for name, spec in specs.items()}
    if narrow:
        svgs["dimensions_narrow"] = static_svg("dimensions", specs["dimensions"], width=NARROW)
        svgs["heatmap_narrow"] = static_svg("heatmap", specs["heatmap"], width=HEATMAP_PHONE_PLOT, container=PHONE_PAGE)
    return svgs


def render_workshop_html(
    report: WorkshopReport,
    svgs: dict[str, str] | None = None,
    paper: Paper = "A4",
    *,
    full: bool = True,
    lengths: tuple[int, int, int, bool] = SUMMARY_LENGTHS[0],
    appendix: bool | None = None,
) -> str:
    """One self-contained HTML file, in the assessment report's style: two printed pages of
    summary, then (``full``) every detail as an appendix."""
    from markupsafe import Markup

    template = environment().get_template("workshop_report.html.j2")
    queue, gaps, plan, new_page = lengths
    return template.render(
        r=report,
        charts={k: Markup(v) for k, v in (svgs or {}).items()},
        paper=paper,
        full=full,
        appendix=full if appendix is None else appendix,
        queue=queue,
        gaps=gaps,
        plan=plan,
        new_page=new_page,
    )


def workshop_tables(
    questionnaire: Questionnaire,
    result: WorkshopResult,
    participants: Sequence[Participant],
    report: WorkshopReport,
    agreed_answers: Mapping[str, Answer],
    *,
    anonymous: bool,
) -> dict[str, list[dict[str, Any]]]:
    """The spreadsheet: the room's tables, every individual answer, and every agreed answer.

    Figures are numbers rounded as the report shows them (whole points), gaps signed by their
    number format; each answer is in words, the owner's figure beside its band."""
    named = export_tables(
        questionnaire,
        result,
        participants,
        anonymous=anonymous,
        words=lambda answer: _answer_label(questionnaire, answer.question_id, answer),
    )
    for rows in named.values():
        for row in rows:
            for column, value in row.items():
                if isinstance(value, float) and not isinstance(value, bool):
                    row[column] = _cell_number(column, value)
    ranks = {item.question_id: item.rank for item in report.queue}
    named["Consensus"] = [
        {
            "Discussion order": ranks.get(question.id, ""),
            "Question id": question.id,
            "Question": tr(question.text),
            "Agreed answer": _answer_label(questionnaire, question.id, agreed_answers[question.id]) or "",
            "Note": agreed_answers[question.id].note or "",
        }
        for question in questionnaire.questions
        if question.id in agreed_answers
    ]
    return named


def render_workshop(
    fmt_name: str,
    questionnaire: Questionnaire,
    result: WorkshopResult,
    participants: Sequence[Participant],
    *,
    workshop_name: str,
    business: str,
    anonymous: bool,
    consensus_answers: Mapping[str, Answer],
    paper: Paper = "A4",
    generated: datetime | None = None,
    full: bool = False,
    table: str | None = None,
) -> bytes:
    """The workshop report in one of :data:`readiness.report.FORMATS` (``pdf_full`` too).

    As for an assessment: the PDF is a two-page summary unless ``full`` (or ``pdf_full``) asks
    for the appendix; the CSV is a zip of one file per table, or the one ``table`` named."""
    if fmt_name == "pdf_full":
        fmt_name, full = "pdf", True
    if fmt_name not in FORMATS:
        raise ReportError(f"unknown report format {fmt_name!r}; choose one of: {', '.join(FORMATS)}")
    if table is not None and fmt_name != "csv":
        raise ReportError(f"a single table is a CSV file: use the csv format with a table (not {fmt_name})")
    report = build_workshop_report(
        questionnaire,
        result,
        workshop_name=workshop_name,
        business=business,
        anonymous=anonymous,
        consensus_answers=consensus_answers,
        generated=generated,
    )
    if fmt_name == "json":
        return json.dumps(asdict(report), ensure_ascii=False, indent=2).encode("utf-8")
    if fmt_name in ("csv", "xlsx"):
        named = workshop_tables(questionnaire, result, participants, report, consensus_answers, anonymous=anonymous)
        if fmt_name == "xlsx":
            return tables_xlsx(named)
        return csv_table(pick_table(named, table)) if table is not None else csv_zip(named, report.date)
    if fmt_name == "html":
        return render_workshop_html(report, workshop_chart_svgs(questionnaire, result), paper).encode("utf-8")
    if full:
        svgs = workshop_chart_svgs(questionnaire, result, narrow=False)
        return fit_full_pdf(
            lambda attempt, appendix: render_workshop_html(
                report, svgs, paper, full=True, lengths=SUMMARY_LENGTHS[attempt], appendix=appendix
            ),
            len(SUMMARY_LENGTHS),
        )
    return fit_pdf(
        lambda attempt: render_workshop_html(report, None, paper, full=False, lengths=SUMMARY_LENGTHS[attempt]),
        len(SUMMARY_LENGTHS),
    )
