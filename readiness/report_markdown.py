"""The score report as markdown (``readiness score --format markdown``), in the report's own words."""

from __future__ import annotations

from readiness.markup import md_text as t
from readiness.report_model import UNNAMED, Report


def _sentence(text: str) -> str:
    """Text ending in one full stop: "within minutes." stays, "Well spread" gets one."""
    text = text.strip()
    return text if not text or text.rstrip("”’\"')")[-1:] in (".", "!", "?", "…") else text + "."


def render_markdown(report: Report, top: int = 10) -> str:
    """The report's summary as markdown, in the words of the HTML and PDF reports: dimension
    titles (never ids), the owner's figures beside their bands, a held-back level explained by
    the question that holds it, each finding's next step said once, and the 30/60/90-day plan.
    A framework without a demand side (SAMM, EOS) is headed by its own label on its own scale,
    with no balance. Every text is escaped (``md_text``): a business name, the owner's words for
    a step or a questionnaire's text show as typed, never as a link, an image or markup, in a
    renderer or read raw."""
    named = f": {t(report.business)}" if report.business != UNNAMED else ""
    lines = [f"# {t(report.questionnaire)}{named}", ""]
    lines += [
        f"**Date:** {report.date}  ",
        f"**Questionnaire:** {t(report.questionnaire_id)} {t(report.questionnaire_version)}  ",
        f"**Target profile:** {t(report.profile)}  ",
        f"**Completion:** {report.completion}",
        "",
        "## Where the business stands",
        "",
    ]
    if report.has_balance:  # the verdict first; a framework of its own (SAMM, EOS) has no demand side or zone
        lines.append(f"- **Zone:** {t(_sentence(report.quadrant))} {t(report.quadrant_meaning)}".rstrip())
    lines.append(f"- **{t(report.headline_label)}:** {t(report.operations_out_of)}")
    if report.has_balance:
        if report.weakest_link:
            lines.append(f"- **Weakest link:** {t(report.weakest_link)} {t(report.weakest_link_out_of)}")
        why = f" ({t(report.demand_why)})" if report.demand_why else ""
        lines.append(f"- **Demand pressure:** {t(report.demand_out_of)}{why}")
        if report.placement and report.quadrant_id != "not_placed":
            lines.append(f"- {t(report.placement)}")
    lines += [
        "",
        t(" ".join(report.summary)),
    ]
    if report.decision:
        lines += ["", f"**{t(report.decision_heading)}.** {t(report.decision)}"]
    lines += [
        "",
        "## Dimensions, lowest score first",
        "",
        "| Dimension | Side | Score | Level | Target | Gap | Answered |",
        "|---|---|---:|---|---:|---:|---:|",
    ]
    for d in report.lowest_first:
        level = d.level.replace(" (held back: see below)", " (held back, see below)")
        title = f"{d.title} (weakest link)" if report.is_weakest_link(d) else d.title
        cells = (title, d.side, d.score, level, d.target, d.short, d.answered)
        lines.append("| " + " | ".join(t(str(c)) for c in cells) + " |")
        if not report.has_balance:  # a framework's own sub-areas (SAMM's streams) under their practice
            lines += [f"| ↳ {t(title)} | | {t(value)} | | | | |" for title, value in d.areas]
    if report.link_note:
        lines += ["", t(report.link_note)]
    held = [d.held_back for d in report.dimensions if d.held_back]
    if held:
        lines += ["", *(f"Held back: {t(_sentence(text))}" for text in held)]
    lines += ["", "## Fix these first", ""]
    if report.deadline:
        lines += [f"> {t(report.deadline)}", ""]
    if not report.findings:
        lines.append(t(report.no_findings))
    for f in report.findings[:top]:
        tag = f" ({f.critical_tag})" if f.critical_tag else ""
        where = f"Now: {_sentence(f.now)}"
        if f.next and f.next_detail:  # "Next: In place: key suppliers have confirmed…", the name said once
            where += f" Next: {f.next}: {_sentence(f.next_detail)}"
        elif f.next:
            where += f" Next: {_sentence(f.next)}"
        lines.append(f"{f.rank}. **{t(f.question)}**{tag}  ")
        worth = (
            # "Adds +6 points to demand pressure" read as a gain to chase (the twenty-eighth review): it is work
            # brought in for the room that stands idle, the points only its size
            f"{where} Brings in work for the capacity that stands idle ({f.points} {f.points_word} of demand pressure)."
            if f.adds_demand
            else f"{where} Worth {f.points} {f.points_word} in {f.dimension}."
        )
        said = [t(worth), *(t(x) for x in (f.why_here, f.note) if x)]
        lines.append("   " + "  \n   ".join(said))  # one line each, in one list item
        for text, effort, impact, when in f.advice:
            lines.append(f"   - {t(text)} _(effort {t(effort)}, impact {t(impact)}, {t(when)})_")
    if len(report.findings) > top:
        more = len(report.findings) - top
        plural = "s" if more != 1 else ""
        lines.append(f"\n…and {more} more finding{plural} in the full report.")
    lines += ["", "## 30/60/90-day action plan", ""]
    for horizon, actions in report.actions.items():
        lines += [f"**Within {horizon} days**", ""]
        lines += [
            f"{n}. {t(a.text)} _({t(a.dimension)}; effort {t(a.effort)}, impact {t(a.impact)})_"
            for n, a in enumerate(actions, start=1)
        ] or [report.quiet.get(horizon, "Nothing planned for this period.")]
        lines.append("")
    if report.backlog:
        more = len(report.backlog)
        waits = "1 more action waits" if more == 1 else f"{more} more actions wait"
        lines.append(f"{waits} in the backlog, to start once these are done.")
    if report.workings:  # the figures the balance weighs, for whoever checks the verdict (not the headline)
        lines += ["", "## How the verdict was reached", ""]
        lines += [f"- {t(w)}" for w in report.workings]
    if report.warnings:
        lines += ["", "## Notes on the data", ""]
        lines += [f"- {t(w)}" for w in report.warnings]
    return "\n".join(lines) + "\n"
