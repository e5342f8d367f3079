"""Score reports: one report model, rendered to HTML, PDF, CSV, Excel and JSON.

The model (:class:`Report`) holds every word and number a reader sees, built
from a :class:`~readiness.scoring.ScoreResult` and the answers; the renderers
only lay it out. So the HTML, the PDF made from that HTML, the data exports
and the share view can never disagree with each other or with
``readiness score``.

Everything a user typed (business name, notes, evidence links) is treated as
untrusted: escaped in HTML (Jinja2 autoescape), links only for http(s) URLs,
spreadsheet cells that could start a formula neutralised, and nothing in a
report ever loads a script, style or font from the internet.
"""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from readiness import policy as policies
from readiness import scale
from readiness.answers import Answer, AnswerSet
from readiness.errors import ReadinessError
from readiness.figures import figure_text, owner_figure, restates
from readiness.model import Questionnaire, ScoreScale, tr
from readiness.scoring import QUADRANTS, Finding, ScoreResult
from readiness.summary import (
    cap_texts,
    open_critical_text,
    overrun_text,
    placement_text,
    score_range,
    weakest_text,
)

FORMATS = ("html", "pdf", "csv", "xlsx", "json")
MIME = {
    "html": "text/html",
    "pdf": "application/pdf",
    "pdf_full": "application/pdf",
    "csv": "application/zip",  # one CSV file per table, zipped (see `render_csv`)
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
Paper = Literal["A4", "Letter"]
TEMPLATES = Path(__file__).resolve().parent / "templates"
HORIZONS = (30, 60, 90)
#: How much the summary shows, longest first: (fixes, actions in the first 30 days, whether the fixes
#: start a new page). The first that fits the summary's pages is used (`fit_pdf`).
SUMMARY_LENGTHS = ((5, 6, True), (5, 5, False), (5, 4, False), (4, 4, False), (3, 3, False), (3, 2, False))
#: What the report calls a business whose answers give no name.
UNNAMED = "This business"


class ReportError(ReadinessError):
    """A report cannot be produced (e.g. the PDF engine's system library is missing)."""


# --- the model ----------------------------------------------------------------------


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
    next: str
    points: str
    advice: tuple[tuple[str, str, str, int], ...]  # text, effort, impact, horizon
    points_value: float = 0.0


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

    @property
    def weakest_first(self) -> tuple[DimensionRow, ...]:
        """The weakest parts first, as the table's title promises: the weakest link, then operations by
        score (lowest first, unscored after), then the demand side, which is pressure and not a weakness."""

        def key(d: DimensionRow) -> tuple[bool, bool, bool, float]:
            return (
                d.side == "Demand",
                not (self.weakest_link and d.title == self.weakest_link),
                d.score_value is None,
                d.score_value if d.score_value is not None else 0.0,
            )

        return tuple(sorted(self.dimensions, key=key))

    #: The weakest link beside the average, failing critical questions and their caps, and how firm the
    #: verdict is (or why there is none): docs/scoring.md, sections 2 and 3.
    weakest: str = ""
    caps: tuple[str, ...] = ()
    placement: str = ""
    backlog: tuple[Action, ...] = ()
    #: the headline's name ("Operations readiness", or the framework's own) and the figures as read
    headline_label: str = "Operations readiness"
    operations_out_of: str = "– / 100"
    demand_out_of: str = "– / 100"
    #: whether the questionnaire weighs operations against demand at all (else no balance is shown)
    has_balance: bool = True
    scale_range: str = "0–100"
    #: the weakest link (the operations dimension that would break first) and its score, as the page shows it
    weakest_link: str = ""
    weakest_link_score: str = "–"
    weakest_link_value: float | None = None
    weakest_link_out_of: str = "– / 100"


def _signed(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{'+' if value > 0 else ''}{value:.0f}"


def _whole(value: float | None) -> float | None:
    """A score as the report prints it (whole points), so a sheet and the PDF agree to the digit."""
    return None if value is None else float(round(value))


def _printed_number(text: str) -> float | None:
    """A printed score ("1.75", "33", "–") back as the number it shows, for a sheet's cell."""
    try:
        return float(text)
    except ValueError:
        return None


def _native(value: float | None, sc: ScoreScale) -> float | None:
    """A score on the questionnaire's own scale, rounded as the text prints it, for the spreadsheets."""
    native = scale.to_native(value, sc)
    return None if native is None else round(native, sc.decimals) + 0.0


def _native_diff(value: float | None, sc: ScoreScale) -> float | None:
    """A difference (gap, points, balance) on the questionnaire's own scale, rounded as printed."""
    native = scale.difference(value, sc)
    return None if native is None else round(native, sc.decimals) + 0.0


def _finding_item(result: ScoreResult, finding: Finding, rank: int, now: dict[str, str] | None = None) -> FindingItem:
    dimension = next((d.title for d in result.dimensions if d.id == finding.dimension), finding.dimension)
    current = (now or {}).get(finding.question_id) or finding.current or "–"
    return FindingItem(
        rank=rank,
        question=finding.title or finding.text,
        dimension=dimension,
        critical=finding.critical,
        dont_know=finding.kind == "dont_know",
        now="Don't know" if finding.kind == "dont_know" else current,
        next=finding.next or "",
        points=scale.gain(finding.points, result.score_scale),
        advice=tuple(
            (a.text, a.effort, a.impact, a.horizon)
            for a in finding.recommendations
            if not restates(a.text, finding.next)
        ),
        points_value=_native_diff(finding.points, result.score_scale),
    )


def _answer_text(questionnaire: Questionnaire, status: str, label: str | None, answer: Answer | None) -> str:
    if status == "hidden":
        return "Not asked (does not apply)"
    if status == "unanswered" or answer is None:
        return "Unanswered"
    if status == "not_scored":
        return str(answer.value or "")
    return figure_text(questionnaire, answer, label) or label or "–"


def _warning_words(result: ScoreResult, warning: Any) -> str:
    """A note on the data for a reader of the report: unanswered questions by their text (the
    ids in the command's own warning are for whoever edits the answers file)."""
    if warning.code != "RA109":
        return str(warning.message)
    missing = [q.text for q in result.questions if q.status == "unanswered"]
    if not missing:
        return str(warning.message)
    shown = ", ".join(f"“{text}”" for text in missing[:5])
    more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
    one = len(missing) == 1
    return (
        f"{len(missing)} question{'' if one else 's'} {'is' if one else 'are'} unanswered and left out of the "
        f"score: {shown}{more}."
    )


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
        alone = f"its other answers would give {scale.number(uncapped, sc)}"
        return f"{dim.title} is held at {scale.number(dim.score, sc)} ({alone}) {because}: {asked}"
    plain = tr(questionnaire.level_for(dim.score).name, result.language)
    if plain == dim.level_name:
        return ""  # nothing the reader could see is held back
    return f"{dim.title} stays at {dim.level_name} (its score alone would make it {plain}) {because}: {asked}"


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
    findings = tuple(_finding_item(result, f, i, now) for i, f in enumerate(result.findings, start=1))
    urgent = findings[:3]

    summary = []
    if result.overall is None:
        summary.append(f"{business} has not answered enough questions yet to score its {said}.")
    else:
        summary.append(
            f"{business} scores {scale.in_words(result.overall, sc, lang)} on {said}, "
            f"measured against the targets for “{tr(profile.title, lang)}”."
        )
    weakest = weakest_text(result)
    if weakest and balanced:
        summary.append(weakest)
    overrun = overrun_text(result)
    if overrun and balanced:
        summary.append(overrun)
    if b.quadrant == "not_placed" and balanced:
        summary.append(b.message or "Not enough answers to place the business.")
    elif b.label:
        index = scale.balance_index(b, sc) or 0.0
        direction = "ahead of" if index > 0 else "behind"
        points = scale.number(abs(scale.difference(index, sc) or 0), sc, internal=False)
        pressure = b.pressure if b.pressure is not None else b.demand
        strength = (
            f" ({scale.number(pressure, sc)} against {scale.number(b.link, sc)}, the weakest link's strength "
            "judged by its weakest part under this pressure)"
            if b.link is not None and pressure is not None
            else ""
        )
        summary.append(
            f"Demand pressure is {points} point{'' if points == '1' else 's'} {direction} the weakest link"
            f"{strength}, which puts the business in the zone “{b.label}”."
        )
    summary.extend(cap_texts(result))
    if open_critical := open_critical_text(result):
        summary.append(open_critical)
    behind = [d for d in result.dimensions if d.gap is not None and d.gap > 0]
    if behind:
        worst = max(behind, key=lambda d: d.gap or 0)
        summary.append(
            f"Furthest behind its target: {worst.title} "
            f"({scale.number(worst.score, sc)} against {scale.number(worst.target, sc)})."
        )
    elif result.overall is not None:
        summary.append("Every scored dimension meets its target.")
    policy_counts_blanks = policies.counts_unanswered(questionnaire.scoring)
    if result.completion < 1:
        summary.append(
            f"The assessment is {result.completion:.0%} complete ({result.completion_text}): "
            + (
                "unanswered questions count as their worst answer, and each score shows its range."
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
                "pressure minus the weakest operations dimension (the weakest link).",
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
        warnings=tuple(_warning_words(result, w) for w in result.warnings),
        operations_value=_native(result.overall, sc),
        demand_value=_native(b.demand, sc),
        balance_value=_native_diff(scale.balance_index(b, sc), sc),
        weakest=(weakest or "") if balanced else "",
        caps=tuple(cap_texts(result)),
        placement=(placement_text(result) or "") if balanced else "",
        backlog=backlog,
        headline_label=label,
        operations_out_of=scale.out_of(result.overall, sc, lang),
        demand_out_of=scale.out_of(b.demand, sc, lang),
        has_balance=balanced,
        scale_range=scale.range_text(sc, lang),
        weakest_link=(b.weakest_title or "") if balanced else "",
        # the weakest link's strength under the pressure present: the figure the balance subtracts
        weakest_link_score=scale.number(b.link, sc) if balanced else scale.DASH,
        weakest_link_value=_native(b.link, sc) if balanced else None,
        weakest_link_out_of=scale.out_of(b.link, sc, lang),
    )


# --- markdown ---------------------------------------------------------------------------


def _sentence(text: str) -> str:
    """Text ending in one full stop: "within minutes." stays, "Well spread" gets one."""
    text = text.strip()
    return text if not text or text.rstrip("”’\"')")[-1:] in (".", "!", "?", "…") else text + "."


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report, top: int = 10) -> str:
    """The report's summary as markdown, in the words of the HTML and PDF reports: dimension
    titles (never ids), the owner's figures beside their bands, a held-back level explained by
    the question that holds it, and each finding's next step said once."""
    named = f": {report.business}" if report.business != UNNAMED else ""
    lines = [f"# {report.questionnaire}{named}", ""]
    lines += [
        f"**Date:** {report.date}  ",
        f"**Questionnaire:** {report.questionnaire_id} {report.questionnaire_version}  ",
        f"**Target profile:** {report.profile}  ",
        f"**Completion:** {report.completion}",
        "",
        "## Where the business stands",
        "",
        f"- **Operations readiness:** {report.operations} / 100",
        *([f"- **Weakest link:** {report.weakest_link} {report.weakest_link_out_of}"] if report.weakest_link else []),
        f"- **Demand pressure:** {report.demand} / 100",
        f"- **Balance index:** {report.balance_index} (demand pressure minus the weakest link)",
        f"- **Zone:** {_sentence(report.quadrant)} {report.quadrant_meaning}".rstrip(),
        *([f"- {report.placement}"] if report.placement and report.quadrant_id != "not_placed" else []),
        "",
        " ".join(report.summary),
    ]
    lines += [
        "",
        "## Dimensions, weakest first",
        "",
        "| Dimension | Side | Score | Level | Target | Gap | Answered |",
        "|---|---|---:|---|---:|---:|---:|",
    ]
    for d in report.weakest_first:
        level = d.level.replace(" (held back: see below)", " (held back, see below)")
        lines.append(
            f"| {_md_cell(d.title)} | {d.side} | {d.score} | {_md_cell(level)} | {d.target} | {d.gap} | {d.answered} |"
        )
    held = [d.held_back for d in report.dimensions if d.held_back]
    if held:
        lines += ["", *(f"Held back: {_sentence(text)}" for text in held)]
    lines += ["", "## Fix these first", ""]
    if not report.findings:
        lines.append("No findings: every answered question is at its best level.")
    for f in report.findings[:top]:
        tag = " (critical)" if f.critical else ""
        where = f"Now: {_sentence(f.now)}"
        if f.next:
            where += f" Next: {_sentence(f.next)}"
        lines.append(f"{f.rank}. **{f.question}**{tag}  ")
        lines.append(f"   {where} Worth {f.points} points in {f.dimension}.")
        for text, effort, impact, horizon in f.advice:
            lines.append(f"   - {text} _(effort {effort}, impact {impact}, within {horizon} days)_")
    if len(report.findings) > top:
        more = len(report.findings) - top
        plural = "s" if more != 1 else ""
        lines.append(f"\n…and {more} more finding{plural}: the full report or the JSON output lists them all.")
    if report.warnings:
        lines += ["", "## Notes on the data", ""]
        lines += [f"- {w}" for w in report.warnings]
    return "\n".join(lines) + "\n"


# --- HTML -----------------------------------------------------------------------------

_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)


def safe_url(url: str) -> str | None:
    """The URL if it is a plain http(s) link to a host, else None (javascript:, data:, ...)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def linkify(text: str) -> str:
    """Escape ``text``; turn http(s) URLs in it into links that open nothing else."""
    out, last = [], 0
    for match in _URL.finditer(text):
        out.append(html.escape(text[last : match.start()]))
        url = match.group(0).rstrip(".,);")
        tail = match.group(0)[len(url) :]
        if safe_url(url):
            link = html.escape(url, quote=True)
            out.append(f'<a href="{link}" rel="noopener noreferrer nofollow">{html.escape(url)}</a>')
        else:
            out.append(html.escape(url))
        out.append(html.escape(tail))
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


@lru_cache(maxsize=1)
def environment() -> Any:
    """The Jinja2 environment of every report template: autoescaping on, links only via ``linkify``."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["linkify"] = lambda text: Markup(linkify(text or ""))
    return env


#: Elements that run, load or embed something; in a chart they can only be an attack.
_ACTIVE_ELEMENTS = frozenset({"script", "foreignobject", "iframe", "object", "embed", "use", "image", "animate", "set"})


def _active_svg(svg: str) -> str | None:
    """What in ``svg`` could run or load something (None: nothing).

    The check reads the SVG as XML rather than searching its text: a role named
    ``javascript: what we sell`` is text in a label, harmless, and must not stop the
    report (it did, silently), while an ``onload`` attribute or a ``<script>`` is refused.
    """
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        return f"the SVG cannot be read ({exc})"
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1].lower()
        if name in _ACTIVE_ELEMENTS:
            return f"a <{name}> element"
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                return f"an {local} attribute"
            if local == "href" and not value.startswith("#"):
                return "a link"
            if "url(" in value.replace(" ", "").lower() and "url(#" not in value.replace(" ", "").lower():
                return "a url() reference"
    return None


def chart_svgs(result: ScoreResult) -> dict[str, str]:
    """The report's charts as static SVG (drawn by vl-convert, no script, no web font)."""
    from readiness import charts

    specs = {
        "bars": charts.spec(charts.dimension_bars(result)),
        "radial": charts.spec(charts.radial(result)),
        "quadrant": charts.spec(charts.quadrant(result)),
        "heatmap": charts.spec(charts.question_heatmap(result)),
    }
    return {name: static_svg(name, spec, width=620 if name != "radial" else None) for name, spec in specs.items()}


def static_svg(name: str, chart_spec: dict[str, Any], width: int | None = 620) -> str:
    """One chart as SVG for a report file; refuses (rather than embeds) anything active."""
    import vl_convert as vlc

    from readiness import charts

    svg = vlc.vegalite_to_svg(charts.static(chart_spec, width=width))
    active = _active_svg(svg)
    if active:  # defence in depth: an SVG with active content is never inlined
        raise ReportError(f"chart {name} produced active SVG content ({active}); refusing to embed it")
    return svg


def render_html(
    report: Report,
    svgs: dict[str, str] | None = None,
    paper: Paper = "A4",
    *,
    full: bool = True,
    lengths: tuple[int, int, bool] = SUMMARY_LENGTHS[0],
) -> str:
    """One self-contained HTML file: inline CSS and SVG, nothing loaded from anywhere.

    Its first two printed pages are the summary (where the business stands, the weakest parts,
    the first fixes, the first 30 days); ``full`` adds every detail as an appendix. A PDF is
    the summary alone unless asked for in full: twenty pages is not what a bakery reads."""
    from markupsafe import Markup

    template = environment().get_template("report.html.j2")
    return template.render(
        r=report,
        charts={k: Markup(v) for k, v in (svgs or {}).items()},
        paper=paper,
        quadrants=QUADRANTS,
        full=full,
        fixes=lengths[0],
        plan=lengths[1],
        new_page=lengths[2] or full,
    )


def embeddable(report_html: str) -> str:
    """The report's style and body without the document shell, to show inside a page.

    All report CSS is scoped under ``.rr``, so embedding it restyles nothing else.
    """
    style = report_html[report_html.index("<style>") : report_html.index("</style>") + len("</style>")]
    body = report_html[report_html.index('<div class="rr">') : report_html.rindex("</body>")]
    # Inside the app, what a person typed is text on every page: the evidence links a report file
    # makes clickable (``linkify``) stay visible as their address, but open nothing.
    body = _LINK.sub(r"<span>\1</span>", body)
    # Hosts sanitise inline <svg> away; as images the same charts survive (and still run nothing).
    return style + _SVG_ELEMENT.sub(_svg_as_image, body)


_SVG_ELEMENT = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
_LINK = re.compile(r'<a href="[^"]*" rel="noopener noreferrer nofollow">(.*?)</a>', re.DOTALL)


def _svg_as_image(match: re.Match[str]) -> str:
    encoded = base64.b64encode(match.group(0).encode("utf-8")).decode("ascii")
    return f'<img alt="chart" style="max-width:100%" src="data:image/svg+xml;base64,{encoded}">'


@lru_cache(maxsize=1)
def pdf_unavailable() -> str | None:
    """Why PDFs cannot be made on this machine (None when they can), so a page can say so up
    front instead of handing out a broken file."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:  # OSError: the Pango system library is missing
        return (
            "PDF export needs WeasyPrint and the Pango library. Install Pango "
            "(Debian/Ubuntu: `apt-get install libpango-1.0-0 libpangoft2-1.0-0`; macOS: `brew install pango`), "
            f"or download the HTML report and print it to PDF from a browser. ({exc})"
        )
    return None


def render_pdf(report_html: str) -> bytes:
    """The PDF of the same HTML (WeasyPrint): selectable text, vector charts."""
    problem = pdf_unavailable()
    if problem:
        raise ReportError(problem)
    import weasyprint

    def no_network(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
        raise ValueError(f"reports load nothing from outside ({url})")

    return weasyprint.HTML(string=report_html, url_fetcher=no_network).write_pdf()


def fit_pdf(make_html: Callable[[int], str], attempts: int, pages: int = 2) -> bytes:
    """The PDF of the longest summary (``make_html(0)`` longest, then shorter) that fits in ``pages``.

    A summary's length cannot be known before it is laid out: a business with five failing critical
    questions says more than one with none, and Letter paper is shorter than A4. So the summary is
    laid out, its pages counted, and made shorter (fewer fixes, fewer actions) until it fits; the
    shortest is used if even that does not, so a PDF always comes out."""
    problem = pdf_unavailable()
    if problem:
        raise ReportError(problem)
    import weasyprint

    def no_network(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
        raise ValueError(f"reports load nothing from outside ({url})")

    document = None
    for attempt in range(attempts):
        document = weasyprint.HTML(string=make_html(attempt), url_fetcher=no_network).render()
        if len(document.pages) <= pages:
            break
    assert document is not None
    return document.write_pdf()


def render_summary_pdf(report: Report, paper: Paper = "A4", pages: int = 2) -> bytes:
    """The report's summary as a PDF of at most ``pages`` pages (see :func:`fit_pdf`)."""
    return fit_pdf(
        lambda attempt: render_html(report, None, paper, full=False, lengths=SUMMARY_LENGTHS[attempt]),
        len(SUMMARY_LENGTHS),
        pages,
    )


# --- data exports ---------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")
#: A separator a spreadsheet may split on (`;` where the decimal mark is a comma, tab in a
#: TSV) followed by a formula character: opened that way, `a;=1+1` is two cells, `a` and `=1+1`.
_EMBEDDED_FORMULA = re.compile(r"([;\t][ ]*)(?=[=+\-@])")


def neutralise(value: Any) -> Any:
    """Make a text cell inert in spreadsheets: a leading =, +, -, @, tab, CR or NUL (after any
    spaces, which some spreadsheets drop) gets a quote."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_cell(value: Any) -> Any:
    """A CSV cell that stays inert whichever separator the spreadsheet splits on."""
    value = neutralise(value)
    return _EMBEDDED_FORMULA.sub(r"\1'", value) if isinstance(value, str) else value


class Signed(float):
    """A number shown with its sign, +43 or −12 (a gap, the balance index): still a number a sheet
    can sum, formatted to show the sign instead of being stored as the text "+43"."""


#: How Excel shows a :class:`Signed` number: +43, -12, 0.
SIGNED_FORMAT = "+0;-0;0"
#: Table names as file names inside the CSV zip, and as `--table` choices.
REPORT_TABLES = ("Summary", "Scores", "Findings", "Actions", "Answers")


def table_slug(name: str) -> str:
    """A table's name as a file or option name: "Discussion queue" -> "discussion-queue"."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "table"


def tables(report: Report) -> dict[str, list[dict[str, Any]]]:
    """The report's data as plain tables: one sheet each in Excel, one file each in the CSV zip.

    Figures are numbers (rounded as the report prints them, so the sheet and the PDF agree);
    a missing figure is an empty cell, never a dash a sum would trip over.
    """
    balance = None if report.balance_value is None else Signed(report.balance_value)
    return {
        "Summary": [
            {"Item": "Business", "Value": report.business},
            {"Item": "Date", "Value": report.date},
            {"Item": "Questionnaire", "Value": f"{report.questionnaire_id} {report.questionnaire_version}"},
            {"Item": "Questionnaire hash", "Value": report.questionnaire_hash},
            {"Item": "Target profile", "Value": report.profile},
            {"Item": f"{report.headline_label} ({report.scale_range})", "Value": report.operations_value},
            *(
                [
                    {
                        "Item": f"Weakest link: {report.weakest_link or '–'} ({report.scale_range})",
                        "Value": report.weakest_link_value,
                    },
                    {"Item": f"Demand pressure ({report.scale_range})", "Value": report.demand_value},
                    {"Item": "Balance index (pressure minus weakest link)", "Value": balance},
                    {"Item": "Zone", "Value": report.quadrant},
                ]
                if report.has_balance
                else []
            ),
            {"Item": "Completion", "Value": report.completion},
        ],
        "Scores": [
            {
                "Dimension": d.title,
                "Side": d.side,
                "Score": d.score_value,
                "Level": d.level.replace(" (held back: see below)", " (held back)"),
                "Target": d.target_value,
                "Gap": None if d.gap_value is None else Signed(d.gap_value),
                "Answered": d.answered,
                "Held back by": d.held_back,
            }
            for d in report.dimensions
        ],
        **(
            {
                "Areas": [
                    {"Dimension": d.title, "Area": title, "Score": _printed_number(value)}
                    for d in report.dimensions
                    for title, value in d.areas
                ]
            }
            if any(d.areas for d in report.dimensions)
            else {}
        ),
        "Findings": [
            {
                "Rank": f.rank,
                "Question": f.question,
                "Dimension": f.dimension,
                "Critical": "yes" if f.critical else "",
                "Now": f.now,
                "Next": f.next,
                "Points": f.points_value,
                "Advice": " | ".join(text for text, *_ in f.advice),
            }
            for f in report.findings
        ],
        "Actions": [
            {
                "Days": horizon,
                "Action": a.text,
                "Dimension": a.dimension,
                "Question": a.question,
                "Effort": a.effort,
                "Impact": a.impact,
            }
            for horizon, items in report.actions.items()
            for a in items
        ],
        "Answers": [
            {
                "Dimension": a.dimension,
                "Question id": a.question_id,
                "Question": a.question,
                "Answer": a.answer,
                "Figure": a.figure,
                "Level (0-100)": a.level_value,
                "Note": a.note,
            }
            for a in report.answers
        ],
    }


def render_csv(report: Report, table: str | None = None) -> bytes:
    """Every table as its own CSV file in one zip; or, given ``table``, that one table's CSV."""
    named = tables(report)
    if table is not None:
        return csv_table(pick_table(named, table))
    return csv_zip(named, report.date)


def render_xlsx(report: Report) -> bytes:
    """An Excel workbook, one sheet per table, text cells that can never run as formulas."""
    return tables_xlsx(tables(report))


def pick_table(named: dict[str, list[dict[str, Any]]], table: str) -> list[dict[str, Any]]:
    """One table by its name or slug ("scores", "Discussion queue", "discussion-queue")."""
    by_slug = {table_slug(name): rows for name, rows in named.items()}
    if table_slug(table) not in by_slug:
        raise ReportError(f"unknown table {table!r}; choose one of: {', '.join(by_slug)}")
    return by_slug[table_slug(table)]


def _csv_value(value: Any) -> Any:
    """A CSV cell: numbers bare (a whole number without ".0"; a gap as -12 or 43, the sign a
    sheet would read as a formula left to the format), text neutralised and quoted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        value = float(value)  # a Signed number is written like any other
        return int(value) if value.is_integer() else round(value, 2)
    if isinstance(value, int):
        return value
    return _csv_cell(value)


def csv_table(rows: list[dict[str, Any]], columns: list[str] | None = None) -> bytes:
    """One table as one CSV file: a header row, then a row per record; UTF-8 with a BOM."""
    out = io.StringIO()
    # Every text cell in quotes (RFC 4180 and OWASP's advice), so a comma, semicolon or line
    # break in a note never moves the cells after it; numbers stay bare, so they stay numbers.
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
    columns = columns or (list(rows[0]) if rows else [])
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_value(row.get(c)) for c in columns])
    return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def csv_zip(named: dict[str, list[dict[str, Any]]], date: str) -> bytes:
    """One CSV per table (``scores.csv``, ``answers.csv``...), zipped: tables with different
    columns never share a file, and each opens in a spreadsheet as it is."""
    import zipfile

    try:
        day = datetime.strptime(date, "%Y-%m-%d")
        stamp = (day.year, day.month, day.day, 0, 0, 0)
    except ValueError:
        stamp = (1980, 1, 1, 0, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in named.items():
            # A fixed time stamp (the report's date): the same report zips to the same bytes.
            info = zipfile.ZipInfo(f"{table_slug(name)}.csv", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, csv_table(rows))
    return buffer.getvalue()


def _xlsx_safe(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def tables_xlsx(named: dict[str, list[dict[str, Any]]]) -> bytes:
    """One sheet per table (sheet names cut to Excel's 31 characters): numbers stored as numbers
    (signed ones shown +43 by a number format, not as the text "'+43"), text stored as text that
    can never run as a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in named.items():
        sheet = workbook.create_sheet(name[:31])
        if not rows:
            continue
        columns = list(rows[0])
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for number, row in enumerate(rows, start=2):
            for index, column in enumerate(columns, start=1):
                value = row[column]
                if isinstance(value, str):
                    # Text that starts like a formula gets its quote (it is user text, and other
                    # tools re-read the sheet); text is stored as text, never as a formula.
                    # (Reaching the row through `sheet[sheet.max_row]` scanned every cell
                    # written so far: an 18,000-question report took minutes.)
                    cell = sheet.cell(row=number, column=index, value=_xlsx_safe(neutralise(value)))
                    cell.data_type = "s"
                elif isinstance(value, bool):
                    sheet.cell(row=number, column=index, value="yes" if value else "no")
                else:
                    cell = sheet.cell(row=number, column=index, value=value)
                    if isinstance(value, Signed):
                        cell.number_format = SIGNED_FORMAT
        sheet.freeze_panes = "A2"  # the header stays in view while scrolling
        sheet.auto_filter.ref = sheet.dimensions  # and each column can be filtered and sorted
        for index, column in enumerate(columns, start=1):
            width = max(len(str(column)), *(len("" if r[column] is None else str(r[column])) for r in rows))
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(60, max(10, width + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_json(result: ScoreResult, answers: AnswerSet) -> bytes:
    """The full result with the questionnaire's id, version and hash, and the answers themselves."""
    data = result.to_dict()
    data["questionnaire"] = {
        "id": result.questionnaire_id,
        "version": result.questionnaire_version,
        "hash": result.questionnaire_hash,
    }
    data["answers"] = answers.to_plain()["answers"]
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


# --- one entry point ----------------------------------------------------------------------


def render(
    fmt_name: str,
    questionnaire: Questionnaire,
    result: ScoreResult,
    answers: AnswerSet,
    *,
    paper: Paper = "A4",
    generated: datetime | None = None,
    full: bool = False,
    table: str | None = None,
) -> bytes:
    """The report in one of :data:`FORMATS`, as bytes ready to save or download.

    ``full`` makes the PDF the whole report (the HTML always is); ``table`` makes the CSV that
    one table instead of the zip of all of them."""
    if fmt_name not in FORMATS:
        raise ReportError(f"unknown report format {fmt_name!r}; choose one of: {', '.join(FORMATS)}")
    if table is not None and fmt_name != "csv":
        raise ReportError(f"a single table is a CSV file: use --format csv with --table (not {fmt_name})")
    if fmt_name == "json":
        return render_json(result, answers)
    report = build_report(questionnaire, result, answers, generated)
    if fmt_name == "csv":
        return render_csv(report, table)
    if fmt_name == "xlsx":
        return render_xlsx(report)
    if fmt_name == "html":
        return render_html(report, chart_svgs(result), paper).encode("utf-8")
    if full:
        return render_pdf(render_html(report, chart_svgs(result), paper, full=True))
    # The summary draws no chart: skipping them saves most of the time a PDF takes.
    return render_summary_pdf(report, paper)


#: File endings where the format's name is not the file's: the CSV tables travel as one zip.
EXTENSIONS = {"csv": "csv.zip", "pdf_full": "pdf"}


def file_name(business: str | None, fmt_name: str, when: datetime | None = None) -> str:
    """A download name such as ``readiness-frost-co-2026-11-22.pdf`` (``...-full.pdf`` for the
    full PDF, ``....csv.zip`` for the zip of CSV tables)."""
    slug = re.sub(r"[^a-z0-9]+", "-", (business or "assessment").lower()).strip("-")[:40] or "assessment"
    kind = "-full" if fmt_name.endswith("_full") else ""
    day = (when or datetime.now(UTC)).date().isoformat()
    return f"readiness-{slug}-{day}{kind}.{EXTENSIONS.get(fmt_name, fmt_name)}"


def as_dict(report: Report) -> dict[str, Any]:
    """The report model as plain data (golden tests compare this)."""
    return asdict(report)
