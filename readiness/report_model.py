"""The report model: every word and number a score report shows, gathered once.

:func:`build_report` turns a :class:`~readiness.results.ScoreResult` and the answers into a
:class:`Report` of text and formatted figures (with the same figures as numbers for the sheets);
the renderers (:mod:`readiness.report_html`, :mod:`readiness.report_tables`,
:mod:`readiness.report_markdown`) only lay it out, so no two formats can disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from readiness import policy as policies
from readiness import scale
from readiness.answers import Answer, AnswerSet
from readiness.figures import figure_text, owner_figure, restates
from readiness.link_text import link_shown, link_words, weakest_plain
from readiness.model import Questionnaire, ScoreScale, tr
from readiness.results import Finding, ScoreResult
from readiness.summary import (
    advice_when,
    cap_texts,
    critical_line,
    critical_tag,
    deadline_text,
    decision_words,
    index_range_text,
    lever_words,
    next_step_words,
    no_findings_text,
    note_words,
    open_critical_text,
    placement_text,
    plan_when,
    pressure_note,
    score_range,
    why_here_words,
    workings,
)

HORIZONS = (30, 60, 90)
#: What the report calls a business whose answers give no name.
UNNAMED = "This business"


@dataclass(frozen=True)
class DimensionRow:
    title: str
    side: str
    score: str
    level: str
    target: str
    gap: str
    answered: str
    behind: bool
    # The same numbers as numbers, rounded as the text shows them, for the spreadsheets.
    score_value: float | None = None
    target_value: float | None = None
    gap_value: float | None = None
    # Why the level is lower than the score alone would make it, in words (empty when it is not).
    held_back: str = ""
    #: "40–75" while unanswered questions leave a range; "–" when the score is exact.
    range: str = "–"
    #: the gap as said: "20 below", "on target", "8 above" (the printed reports' "Gap" column)
    short: str = "–"
    #: (title, score) of each area (sub-area) of the dimension, on the native scale
    areas: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FindingItem:
    rank: int
    question: str
    dimension: str
    critical: bool
    dont_know: bool
    now: str
    #: The short name of the level aimed for, read beside ``now`` ("Ad hoc → In place").
    next: str
    points: str
    advice: tuple[tuple[str, str, str, str], ...]  # text, effort, impact, when the plan does it (in words)
    points_value: float = 0.0
    #: What the level aimed for looks like, when its name alone does not say it (the level's anchor).
    next_detail: str = ""
    #: Why it ranks here when a rule moved it (the owner said it went wrong, a lever ahead of the figure it
    #: fixes), else "".
    why_here: str = ""
    #: The owner said what it fixes has gone wrong lately (a badge where space is short; ``why_here`` says it).
    named: bool = False
    #: The lever sentence alone, for the two-page summary, where ``named`` shows as a badge.
    lever_here: str = ""
    #: A demand lever (advised while capacity stands idle): its points add demand to carry, not readiness, so
    #: the report says "adds … to demand pressure", never "worth … in Demand pressure" (eleventh review).
    adds_demand: bool = False
    #: "critical: failing" or "critical question" (:func:`summary.critical_tag`), else "".
    critical_tag: str = ""
    #: The owner's note on the answer behind it, quoted ("Your note: “…”"), else "".
    note: str = ""

    @property
    def points_word(self) -> str:
        """ "+1 point", never "+1 points"."""
        return "point" if self.points in ("+1", "1") else "points"


@dataclass(frozen=True)
class Action:
    text: str
    dimension: str
    question: str
    effort: str
    impact: str


@dataclass(frozen=True)
class AnswerRow:
    dimension: str
    question_id: str
    question: str
    answer: str
    level: str
    note: str
    figure: float | None = None  # the number the owner typed (number questions only)
    level_value: float | None = None


@dataclass(frozen=True)
class Report:
    title: str
    business: str
    date: str
    questionnaire: str
    questionnaire_id: str
    questionnaire_version: str
    questionnaire_hash: str
    profile: str
    profile_description: str
    operations: str
    demand: str
    balance_index: str
    quadrant: str
    quadrant_meaning: str
    quadrant_id: str | None
    completion: str
    summary: tuple[str, ...]
    urgent: tuple[FindingItem, ...]
    dimensions: tuple[DimensionRow, ...]
    findings: tuple[FindingItem, ...]
    actions: dict[int, tuple[Action, ...]]
    answers: tuple[AnswerRow, ...]
    method: tuple[str, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)
    operations_value: float | None = None
    demand_value: float | None = None
    balance_value: float | None = None
    #: How far the open questions could move the balance index ("+47 to +78 with the open questions"), or "".
    balance_range: str = ""
    #: The known event ahead against the plan's periods, when it falls inside them, else "".
    deadline: str = ""
    #: The step the owner is weighing ("The step you are weighing: A key hire (…)") and what
    #: the verdict says about it, else "" (docs/scoring.md, "The step the owner is weighing").
    decision_heading: str = ""
    decision: str = ""
    #: What the balance index subtracts from demand pressure, in the labels beside it: the weakest link when
    #: its figure is the score shown beside its name, else where a load binds first (the summary says where,
    #: with the figure), so a reader's own subtraction agrees with the index.
    index_of: str = "weakest link"
    #: The same with both figures: "demand pressure 49 minus 73, what Throughput and headroom, in Capacity,
    #: can carry".
    index_words: str = ""

    @property
    def lowest_first(self) -> tuple[DimensionRow, ...]:
        """Operations by score, lowest first (unscored after), then the demand side, which is pressure and not
        a weakness. The weakest link is not put first: it is named by what breaks first, which can be a few
        weak levers inside a dimension that scores well as a whole, and two reviewers (the twenty-third review)
        struck a table headed "the weakest link first" that opened on a Team 16 points above its target. The
        row is marked instead (:meth:`is_weakest_link`), and the summary says why it is the link."""

        def key(d: DimensionRow) -> tuple[bool, bool, float]:
            return (
                d.side == "Demand",
                d.score_value is None,
                d.score_value if d.score_value is not None else 0.0,
            )

        return tuple(sorted(self.dimensions, key=key))

    def is_weakest_link(self, row: DimensionRow) -> bool:
        """Whether the row is the dimension the verdict names as the weakest link."""
        return bool(self.weakest_link) and row.title == self.weakest_link and row.side != "Demand"

    @property
    def link_note(self) -> str:
        """Said under the table when the marked weakest link is not its first row: the twenty-fourth review read
        the marked row under two lower scores as the table contradicting itself ("a client will ask why the
        weakest link is not the lowest line")."""
        rows = [d for d in self.lowest_first if d.side != "Demand"]
        if not rows or self.is_weakest_link(rows[0]) or not any(self.is_weakest_link(d) for d in rows):
            return ""
        if self.runway_named:
            # "where the business would break first under the load coming" beside "under load, the owner's time,
            # in Team, would give first" read as the table contradicting the summary (a review of round 41).
            return (
                f"{self.weakest_link} is marked as the weakest link though it does not score lowest: with room "
                "standing idle and little cash, its cash runs out first, before any load comes to break a part "
                "(the summary above says where a load would bind)."
            )
        return (
            f"{self.weakest_link} is marked as the weakest link though it does not score lowest: the weakest "
            "link is where the business would break first under the load coming, not the lowest average "
            "(the summary above says what in it would give)."
        )

    #: The weakest link beside the average, failing critical questions and their caps, and how firm the
    #: verdict is (or why there is none): docs/scoring.md, sections 2 and 3.
    weakest: str = ""
    caps: tuple[str, ...] = ()
    placement: str = ""
    backlog: tuple[Action, ...] = ()
    #: How the verdict was reached, in the balance's own figures (:func:`readiness.summary.workings`): shown under
    #: their own heading after the plan, not in the headline.
    workings: tuple[str, ...] = ()
    #: what each empty period of the plan says instead of actions (:meth:`Plan.quiet`)
    quiet: dict[int, str] = field(default_factory=dict)
    #: what "Fix these first" says when it holds no finding (:func:`readiness.summary.no_findings_text`)
    no_findings: str = ""
    #: the headline's name ("Operations readiness", or the framework's own) and the figures as read
    headline_label: str = "Operations readiness"
    operations_out_of: str = "– / 100"
    demand_out_of: str = "– / 100"
    #: That the verdict weighs more than the measured pressure, and why ("weighed higher than measured: the busiest
    #: step is already full while orders keep growing"), said beside the measured figure as the results page says
    #: it; the weighed figure, with where it comes from, is among the ``workings``.
    demand_why: str | None = None
    #: whether the questionnaire weighs operations against demand at all (else no balance is shown)
    has_balance: bool = True
    scale_range: str = "0–100"
    #: the weakest link (the operations dimension that would break first) and its score, as the page shows it
    weakest_link: str = ""
    #: The weakest link is named by idle room on a short runway (``Balance.runway_named``): the note under the
    #: table says the cash runs out first, not that a load would break it.
    runway_named: bool = False
    weakest_link_score: str = "–"
    weakest_link_value: float | None = None
    weakest_link_out_of: str = "– / 100"


def _native(value: float | None, sc: ScoreScale) -> float | None:
    """A score on the questionnaire's own scale, rounded as the text prints it, for the spreadsheets."""
    native = scale.to_native(value, sc)
    return None if native is None else round(native, sc.decimals) + 0.0


def _native_diff(value: float | None, sc: ScoreScale) -> float | None:
    """A difference (gap, points, balance) on the questionnaire's own scale, rounded as printed."""
    native = scale.difference(value, sc)
    return None if native is None else round(native, sc.decimals) + 0.0


def _finding_item(
    result: ScoreResult,
    finding: Finding,
    rank: int,
    now: dict[str, str] | None = None,
    quoted: Mapping[str, int] | None = None,
) -> FindingItem:
    when = plan_when(result)
    dimension = next((d.title for d in result.dimensions if d.id == finding.dimension), finding.dimension)
    current = (now or {}).get(finding.question_id) or finding.current or "–"
    return FindingItem(
        rank=rank,
        question=finding.title or finding.text,
        dimension=dimension,
        critical=finding.critical,
        critical_tag=critical_tag(finding) or "",
        dont_know=finding.kind == "dont_know",
        now="Don't know" if finding.kind == "dont_know" else current,
        next=next_step_words(finding)[0] or "",
        next_detail=next_step_words(finding)[1] or "",
        points=scale.gain(finding.points, result.score_scale),
        advice=tuple(
            (a.text, a.effort, a.impact, advice_when(when, a.text, a.horizon))
            for a in finding.recommendations
            if not restates(a.text, finding.next)
        ),
        points_value=_native_diff(finding.points, result.score_scale),
        why_here=why_here_words(finding, quoted, rank) or "",
        named=bool(finding.named_by),
        lever_here=lever_words(finding) or "",
        adds_demand=any(d.id == finding.dimension and d.side == "demand" for d in result.dimensions),
    )


def _answer_text(questionnaire: Questionnaire, status: str, label: str | None, answer: Answer | None) -> str:
    if status == "hidden":
        # Not "does not apply": a browser pass read that beside a cleaning firm's typical order value and net
        # margin, asked only of an owner who opts into the surge test's details, which apply to any business.
        return "Not asked (not shown for these answers)"
    if status == "unanswered" or answer is None:
        return "Unanswered"
    if status == "not_scored":
        return str(answer.value or "")
    return figure_text(questionnaire, answer, label) or label or "–"


def _warning_words(result: ScoreResult, warning: Any, counts_blanks: bool) -> str:
    """A note on the data for a reader of the report: unanswered questions by their text (the
    ids in the command's own warning are for whoever edits the answers file). Questions that carry no
    points (the season's date, the share of orders online) are said apart: listed as "left out of the
    score" beside "unanswered questions count as their worst answer", a blind review read a contradiction."""
    if warning.code != "RA109":
        return str(warning.message)
    missing = [q for q in result.questions if q.status == "unanswered"]
    if not missing:
        return str(warning.message)

    def listed(texts: list[str]) -> str:
        shown = ", ".join(f"“{text}”" for text in texts[:5])
        return shown + (f" and {len(texts) - 5} more" if len(texts) > 5 else "")

    scored = [q.text for q in missing if q.weight > 0]
    steering = [q.text for q in missing if q.weight <= 0]
    said = []
    if scored:
        one = len(scored) == 1
        how = "counts as its worst answer" if one else "count as their worst answer"
        if not counts_blanks:
            how = "is left out of the score" if one else "are left out of the score"
        said.append(f"{len(scored)} question{'' if one else 's'} unanswered {how} ({listed(scored)}).")
    if steering:
        one = len(steering) == 1
        said.append(
            f"{len(steering)} unanswered question{'' if one else 's'} "
            f"{'carries' if one else 'carry'} no points ({listed(steering)}): {'it changes' if one else 'they change'}"
            f" no score and only {'sizes' if one else 'size'} the advice, the plan's dates or the surge test."
        )
    return " ".join(said)


def _held_back(questionnaire: Questionnaire, result: ScoreResult, dim: Any) -> str:
    """Why a dimension's level sits below what its score alone would give, naming the questions."""
    if not dim.capped_by or dim.score is None:
        return ""
    by_id = {q.id: q for q in result.questions}

    def named(qid: str) -> str:
        question = by_id.get(qid)
        if question is None:
            return f"“{qid}”"
        unknown = (
            " (answered “don't know”, which counts as the lowest answer)" if question.status == "dont_know" else ""
        )
        return f"“{question.text}”{unknown}"

    asked = " and ".join(named(qid) for qid in dim.capped_by)
    which = "a critical question is" if len(dim.capped_by) == 1 else "critical questions are"
    because = f"because {which} answered low"
    # An engine that caps the score itself keeps the score it would have had (`uncapped`).
    uncapped = getattr(dim, "uncapped", None)
    if uncapped is not None and uncapped > dim.score:
        sc = questionnaire.score_scale
        alone = f"without that answer it would score {scale.number(uncapped, sc)}"
        return f"{dim.title} is held at {scale.number(dim.score, sc)} ({alone}) {because}: {asked}"
    plain = tr(questionnaire.level_for(dim.score).name, result.language)
    if plain == dim.level_name:
        return ""  # nothing the reader could see is held back
    return f"{dim.title} stays at {dim.level_name} (its score alone would make it {plain}) {because}: {asked}"


def _saved_on(text: str | None) -> date | None:
    """The answers' date as a day ("2026-03-20", or a timestamp starting with one); None when it is missing or
    not a date (an answers file may say anything there, and the report must still be made)."""
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _first_title(result: ScoreResult) -> str:
    """The first fix's finding as the list below says it, without its closing full stop."""
    first = result.findings[0]
    return (first.title or first.text).rstrip(".")


def build_report(
    questionnaire: Questionnaire,
    result: ScoreResult,
    answers: AnswerSet,
    generated: datetime | None = None,
) -> Report:
    """Everything the report says, in words and formatted numbers."""
    lang = result.language
    when = (generated or datetime.now(UTC)).date().isoformat()
    business = answers.business or result.business or UNNAMED
    b = result.balance
    profile = questionnaire.profile(result.profile)
    sc = questionnaire.score_scale
    balanced = scale.has_demand(questionnaire)
    label = scale.headline_label(questionnaire, lang)
    said = label.lower() if label == "Operations readiness" else label

    dims = tuple(
        DimensionRow(
            title=d.title,
            side="Demand" if d.side == "demand" else "Operations",
            score=scale.number(d.score, sc),
            level=(d.level_name or "–") + (" (held back: see below)" if _held_back(questionnaire, result, d) else ""),
            target=scale.DASH if d.side == "demand" else scale.number(d.target, sc),
            gap=scale.signed(scale.gap(d, sc), sc),
            short=scale.short_of(scale.gap(d, sc), sc),
            answered=f"{d.given} of {d.total}",
            behind=(d.gap or 0) > 0,
            score_value=_native(d.score, sc),
            target_value=None if d.side == "demand" else _native(d.target, sc),
            gap_value=_native_diff(scale.gap(d, sc), sc),
            held_back=_held_back(questionnaire, result, d),
            range=score_range(d, sc),
            areas=tuple((area.title, scale.number(area.score, sc)) for area in d.areas),
        )
        for d in result.dimensions
    )
    labels = {qs.id: qs.label for qs in result.questions}
    now = {
        qid: text
        for qid, answer in answers.answers.items()
        if (text := figure_text(questionnaire, answer, labels.get(qid))) is not None
    }
    quoted: dict[str, int] = {}  # what the owner said, and the fix where it was first quoted
    items = []
    for i, f in enumerate(result.findings, start=1):
        item = _finding_item(result, f, i, now, quoted)
        items.append(replace(item, note=note_words(answers.answers.get(f.question_id)) or ""))
        for complaint in f.named_by:
            quoted.setdefault(complaint, i)
    findings = tuple(items)
    urgent = findings[:3]

    summary = []
    if result.overall is None:
        summary.append(f"{business} has not answered enough questions yet to score its {said}.")
    else:
        summary.append(
            f"{business} scores {scale.in_words(result.overall, sc, lang)} on {said}, "
            f"measured against the targets for “{tr(profile.title, lang)}”."
        )
    # The headline says what the client acts on; the figures the balance weighs ("counts as only 32",
    # "weighed as 84", the index and the distance to its line) are under "How the verdict was reached".
    weakest = weakest_plain(result)
    if weakest and balanced:
        summary.append(weakest)
    # The zone line above the summary says the verdict; why there is none is said here when it differs.
    if b.quadrant == "not_placed" and balanced and b.message and b.message != b.meaning:
        summary.append(b.message)
    if critical := critical_line(result):  # each one's cap and answer is among the workings
        summary.append(critical)
    if open_critical := open_critical_text(result):
        summary.append(open_critical)
    # behind by a point at least: "75 against 75" (a gap of 0.3 rounded away) is not behind
    behind = [d for d in result.dimensions if d.gap is not None and d.gap >= 0.5]
    if behind:
        worst = max(behind, key=lambda d: d.gap or 0)
        summary.append(
            f"Furthest behind its target: {worst.title} "
            f"({scale.number(worst.score, sc)} against {scale.number(worst.target, sc)})."
        )
    elif result.overall is not None:
        # The ninth blind review read "every dimension meets its target" above two findings marked critical as
        # a contradiction: a critical weak spot inside a dimension on target is said as such.
        critical = sum(1 for f in result.findings[:10] if f.critical)  # the fixes a report lists first
        summary.append(
            "Every scored dimension meets its target, but "
            + ("a critical answer is" if critical == 1 else f"{critical} critical answers are")
            + " still weak inside them (marked critical below)."
            if critical
            # The twenty-fourth review read "meets its target; the fixes below…" beside a kiln at 92% as
            # reassurance: a target is met on average, so the sentence names what is weak first.
            else "Every scored dimension meets its target as a whole, which does not mean nothing would break: "
            f"the fixes below are what is weak inside them, first “{_first_title(result)}”."
            if result.findings
            else "Every scored dimension meets its target."
        )
    policy_counts_blanks = policies.counts_unanswered(questionnaire.scoring)
    if result.completion < 1:
        # Counted as the completion is (a free-text note left blank is open too, not only "unanswered").
        open_words = "the question left open carries" if result.left_open == 1 else "the questions left open carry"
        summary.append(
            f"The assessment is {result.completion:.0%} complete ({result.completion_text}): "
            + (
                # Only questions that carry no points left open (the season's date): no score is assumed.
                f"{open_words} no points, so every score is as answered."
                if not any(q.status == "unanswered" and q.weight > 0 for q in result.questions)
                else "unanswered questions count as their worst answer, and each score shows its range."
                if policy_counts_blanks
                else "unanswered questions are left out, as the questionnaire's scoring policy says."
            )
        )

    # The plan is the engine's: at most a few actions per 30 days, in order, dependencies first.
    actions: dict[int, list[Action]] = {h: [] for h in HORIZONS}
    for days, planned in result.plan.periods:
        actions[days] = [Action(a.text, a.dimension_title, a.finding, a.effort, a.impact) for a in planned]
    backlog = tuple(Action(a.text, a.dimension_title, a.finding, a.effort, a.impact) for a in result.plan.backlog)

    rows = []
    for qs in result.questions:
        answer = answers.answers.get(qs.id)
        rows.append(
            AnswerRow(
                dimension=next((d.title for d in result.dimensions if d.id == qs.dimension), qs.dimension),
                question_id=qs.id,
                question=qs.text,
                answer=_answer_text(questionnaire, qs.status, qs.label, answer),
                level="" if qs.score is None or not qs.counted else f"{100 * qs.score:.0f}",
                note=(answer.note or "") if answer else "",
                figure=owner_figure(questionnaire, answer) if qs.status not in ("hidden", "unanswered") else None,
                level_value=None if qs.score is None or not qs.counted else float(round(100 * qs.score)),
            )
        )

    policy = result.policy
    levels = ", ".join(f"{tr(lv.name, lang)} from {lv.min:g}" for lv in questionnaire.levels)
    blanks = (
        "unanswered ones counted as their worst answer (the range shows their best)"
        if policy_counts_blanks
        else "unanswered ones left out (the questionnaire's policy)"
    )
    method = (
        "Each answer earns a share of its question's points in proportion to its value: "
        "the worst answer none, the best all of them.",
        f"A dimension's score ({scale.range_text(sc, lang)}) is the weighted average of its questions, {blanks}; "
        f"its level is named by the ladder {levels}. "
        "A critical question caps its dimension's score at the start of the level above its own answer.",
        *(
            (
                "Operations readiness is the weighted average of the operations dimensions; demand pressure "
                "measures how much demand is coming and how fast it can jump. The balance index is demand "
                "pressure minus what operations can carry where they would break first: the weakest link, as it "
                "counts under the demand coming (its figure is under “How the verdict was reached”).",
                f"Balance zones: pressure {questionnaire.balance.gap:g} points or more ahead of the weakest link is "
                "the danger zone, or 'demand ahead, under control' when demand management is strong; operations "
                f"that far ahead of a quiet demand (below {questionnaire.balance.quiet:g}) is idle capacity; "
                f"otherwise a weakest link of {questionnaire.balance.high:g} or more with no failing critical "
                f"question is 'scale-ready'. No verdict while a dimension has fewer than "
                f"{questionnaire.balance.coverage:.0%} of its questions really answered.",
            )
            if balanced
            else ()
        ),
        policies.describe(questionnaire.scoring, label),
        f"“Don't know” counted as {'the worst answer' if policy['dont_know'] == 'lowest' else 'unanswered'}; "
        f"“not applicable” {'left out' if policy['not_applicable'] == 'exclude' else 'counted as the worst answer'}; "
        "not-asked questions left out.",
        "Findings rank by business impact: failing critical questions first, then what is missing, weighted "
        "by how far demand pressure exceeds each dimension and by the kind of pressure a fix guards against. "
        "The full method, with a worked example, is in the Readiness documentation "
        "(“How scores are computed”).",
        f"Questionnaire {questionnaire.id} version {questionnaire.version}, content hash "
        f"{questionnaire.content_hash[:16]}.",
    )
    return Report(
        title=f"Readiness report: {business}",
        business=business,
        date=when,
        questionnaire=tr(questionnaire.title, lang),
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        questionnaire_hash=questionnaire.content_hash,
        profile=tr(profile.title, lang),
        profile_description=tr(profile.description, lang),
        operations=scale.number(result.overall, sc),
        demand=scale.number(b.demand, sc),
        balance_index=scale.signed(scale.balance_index(b, sc), sc),
        balance_range=index_range_text(b, sc),
        deadline=deadline_text(result, _saved_on(answers.date), (generated or datetime.now(UTC)).date()) or "",
        index_of=_index_of(result) if balanced else "weakest link",
        index_words=link_words(result) if balanced else "",
        decision_heading=decision[0] if (decision := decision_words(result)) else "",
        decision=decision[1] if decision else "",
        quadrant=b.label or ("Not enough answers to place the business" if balanced else ""),
        quadrant_meaning=b.meaning or "",
        quadrant_id=b.quadrant,
        completion=f"{result.completion_text} ({result.completion:.0%})",
        summary=tuple(summary),
        urgent=urgent,
        dimensions=dims,
        findings=findings,
        actions={h: tuple(v) for h, v in actions.items()},
        answers=tuple(rows),
        method=method,
        warnings=tuple(_warning_words(result, w, policy_counts_blanks) for w in result.warnings),
        operations_value=_native(result.overall, sc),
        demand_value=_native(b.demand, sc),
        balance_value=_native_diff(scale.balance_index(b, sc), sc),
        weakest=(weakest or "") if balanced else "",
        caps=tuple(cap_texts(result)),
        placement=(placement_text(result, with_distance=False) or "") if balanced else "",
        workings=tuple(workings(result, questionnaire.balance)) if balanced else (),
        backlog=backlog,
        quiet={h: result.plan.quiet(h) for h in HORIZONS},
        no_findings="" if result.findings else no_findings_text(result),
        headline_label=label,
        operations_out_of=scale.out_of(result.overall, sc, lang),
        demand_out_of=scale.out_of(b.demand, sc, lang),
        demand_why=pressure_note(result) if balanced else None,
        has_balance=balanced,
        scale_range=scale.range_text(sc, lang),
        weakest_link=(b.weakest_title or "") if balanced else "",
        runway_named=bool(balanced and b.runway_named),
        # the weakest link's strength under the pressure present: the figure the balance subtracts
        weakest_link_score=scale.number(link_shown(result), sc) if balanced else scale.DASH,
        weakest_link_value=_native(link_shown(result), sc) if balanced else None,
        weakest_link_out_of=scale.out_of(link_shown(result), sc, lang),
    )


def _index_of(result: ScoreResult) -> str:
    """The index's label words: "weakest link" while its figure is the score shown beside the name."""
    sc = result.score_scale
    if scale.number(link_shown(result), sc) == scale.number(result.balance.link, sc):
        return "weakest link"
    return "where a load binds first"


def as_dict(report: Report) -> dict[str, Any]:
    """The report model as plain data (golden tests compare this)."""
    return asdict(report)
