"""The weakest link in words: where the business would break first, what scores lower but would not, and why
the verdict weighs more demand than was measured.

Split from summary.py, which keeps the headline, the workings and the plan: these sentences are the ones blind
reviews argue with most, and each carries the review that shaped it in its docstring.
"""

from __future__ import annotations

from readiness import scale
from readiness.markup import and_list
from readiness.results import Balance
from readiness.scoring import ScoreResult
from readiness.surge.formatting import times


def _break_point(result: ScoreResult) -> str:
    """ " (where it would break first: cash and working capital)", and, when the same dimension's busiest step is
    full elsewhere, that too: the twenty-fourth review read a smokehouse's and a bakery's Capacity named in its
    cash as the report overlooking the kiln and the oven at 92 and 96% that its own first fixes are about."""
    b = result.balance
    if not b.weakest_area_title:
        return ""
    full = b.full_at is not None and b.full_at[0] == b.weakest and b.full_at[1] != b.weakest_area
    return (
        f" (where it would break first: {b.weakest_area_title}{', with its busiest step already full' if full else ''})"
    )


def weakest_text(result: ScoreResult, lower: bool = True, named: bool = True) -> str | None:
    """The weakest link beside the average: what the balance weighs demand against.

    ``lower``: say why a part scoring lower would not break first (the workings say it on its own line).
    ``named``: open with "Weakest link: …" where the figure differs from the score; without it, the sentence
    says only what the figure weighed is ("Team scores 35, but … it can carry only 32"), for where the name has
    already been said."""
    b = result.balance
    sc = result.score_scale
    if b.weakest_title is None or result.overall is None:
        return None
    where = _break_point(result)
    average = f"the operations average is {scale.number(result.overall, sc)}."
    shown, link = _link_figures(result)
    # The pressure the verdict weighs (raised by broken promises or a full step), as the balance index says it.
    demand = scale.number(b.pressure if b.pressure is not None else b.demand, sc)
    lower_said = scores_lower(result) if lower else ""
    held_lower = scores_lower(result, held=True) if lower else ""
    if b.worst_named and b.held_in_title:
        # Quiet demand names the part in the worst state; the figure the balance weighs is where a load would
        # bind first, so both are said, or the reader sees a figure that is not the named dimension's score.
        own = next((d.score for d in result.dimensions if d.id == b.weakest), None)
        # "Demand is quiet" beside a pressure weighed up to 74 (a full step, promises broken) read as the report
        # contradicting itself (thirteenth blind review): then the measured demand is low, not the load.
        weighed = why_weighed(b)
        quiet = (
            f"the demand measured is low ({scale.number(b.demand, sc)}), but {weighed[0]}"
            if weighed
            else "demand is quiet, so no rush is there to find it yet"
        )
        return (
            f"Weakest link: {b.weakest_title}, the part in the worst state ({scale.number(own, sc)}): {quiet}. "
            f"Under load, {b.held_in_title}, would give first: it holds {link} against demand pressure of "
            f"{demand}; {average}{held_lower}"
        )
    if b.runway_named and b.held_in_title:
        # Idle room on a short runway names the part that runs out first, not where a load would bind: both are
        # said, or the figure weighed reads as the named dimension's.
        return (
            f"Weakest link: {b.weakest_title}{_its_area(b)}: {RUNWAY_WHY}. Under load, {_held(b)} would give "
            f"first: it holds {link} against demand pressure of {demand}; {average}{held_lower}"
        )
    if b.held_in_title:
        # Named where its levers are: the load falls on a figure of another dimension (which is why that one may
        # score lower), and most of what would raise it is here, so this is the part to name and to fix.
        return (
            f"Weakest link: {b.weakest_title}. The load falls on {b.held_in_title}, which holds only {link} "
            f"against demand pressure of {demand}, and most of its weak levers are {b.weakest_title} questions; "
            f"{average}{held_lower}"
        )
    if shown is not None and shown != link:
        # The table shows the dimension's score; the balance weighs what it can carry under this pressure.
        # Say both, so the two figures a reader sees on the page are reconciled, not left to be guessed:
        # lower when its weakest part is what the pressure loads, higher when the pressure coming loads
        # only part of what it lacks (missing backups are a risk, not what a rush breaks first).
        # Two figures (the eleventh review read "scores 23 …, holds 31: that is what it can carry against 52; the
        # operations average is 27" as four numbers for one thing): pressure and average are the headline's.
        dim_score = next(d.score for d in result.dimensions if d.id == b.weakest)
        subject = "It" if named else b.weakest_title
        if b.link is not None and dim_score is not None and b.link < dim_score:
            why = (
                f"{subject} scores {shown}, but its weakest part is where the load falls: under this load it can "
                f"carry only {link}."
            )
        else:
            why = (
                f"{subject} scores {shown}, but the demand coming would break only part of what it lacks: under "
                f"this load it can carry {link}."
            )
        return f"Weakest link: {b.weakest_title}{where}. {why}{lower_said}" if named else f"{why}{lower_said}"
    return (
        f"Weakest link: {b.weakest_title} at {link}{where}, against demand pressure of {demand}; {average}{lower_said}"
    )


def weakest_plain(result: ScoreResult) -> str | None:
    """The weakest link named where it would break, without the figures the balance weighs.

    A report's headline says what a client acts on; "it scores 35, but … so it counts as only 32" is how the
    verdict was reached, and four blind reviews in a row read such workings in the headline as the tool
    adjusting its own numbers. Those sentences are in :func:`workings`, with why a part that scores lower is
    not the weakest link; the headline names such parts and points there (the fourteenth review read the
    reasons, two sentences each, as the top of the report arguing with its own table)."""
    b = result.balance
    if b.weakest_title is None or result.overall is None:
        return None
    if b.worst_named and b.held_in_title:
        held = f"{b.held_in_title}," if ", in " in b.held_in_title else b.held_in_title  # "…, in Process, would"
        named = f"Weakest link: {b.weakest_title}, the part in the worst state; under load, {held} would give first."
    elif b.runway_named and b.held_in_title:
        named = f"Weakest link: {b.weakest_title}{_its_area(b)}: {RUNWAY_WHY}; under load, {_held(b)} would give first."
    elif b.held_in_title:
        named = (
            f"Weakest link: {b.weakest_title}. The load falls on {b.held_in_title}, and most of what would "
            f"strengthen it is done in {b.weakest_title}{_weak_levers(result)}."
        )
        own = next((d for d in result.dimensions if d.id == b.weakest), None)
        if (
            own is not None
            and own.score is not None
            and own.gap is not None
            and own.gap < -0.5
            and _weak_levers(result)
        ):
            # A care agency's Team at 66, "11 above target" in the table, read as the wrong weakest link to every
            # blind reviewer of the twenty-second review: its average is not what breaks, and the words say so.
            named += (
                f" {b.weakest_title} scores {scale.number(own.score, result.score_scale)} as a whole, above its "
                "target: what holds the business back is those parts, not its average."
            )
    else:
        where = _break_point(result)
        named = f"Weakest link: {b.weakest_title}{where}."
    lower = lower_titles(result)
    if lower:
        many = len(lower) > 1
        named += (
            f" {join_titles(lower)} score{'' if many else 's'} lower but would not break first "
            "(see “How the verdict was reached”)."
        )
    return named


#: Why idle room on a short runway names the part that runs out first (``balance.idle_link``, docs/scoring.md §3).
RUNWAY_WHY = (
    "the room standing idle costs money while it earns little, and with so little new demand the cash runs out "
    "before any rush comes to break a part"
)


def _its_area(b: Balance) -> str:
    """ ", its cash and working capital" when the link is named at an area, else nothing."""
    return f", its {b.weakest_area_title}" if b.weakest_area_title else ""


def _held(b: Balance) -> str:
    """Where a load would bind, with a comma closing an inserted "…, in Team," clause."""
    return f"{b.held_in_title}," if ", in " in b.held_in_title else b.held_in_title


def _weak_levers(result: ScoreResult, most: int = 2) -> str:
    """What the named dimension does weakly that holds the figure where the load falls (its findings that
    rank as levers of it, first first): ": people leave faster than …, and it takes too long to …"."""
    b = result.balance
    said = [f.title.rstrip(".") for f in result.findings if f.dimension == b.weakest and f.lever_of and f.title][:most]
    if not said:
        return ""
    said = [s[:1].lower() + s[1:] if s[1:2].islower() else s for s in said]
    return ": " + (said[0] if len(said) == 1 else ", ".join(said[:-1]) + ", and " + said[-1])


def lower_titles(result: ScoreResult) -> list[str]:
    """The operations dimensions scoring lower than the weakest link that :func:`scores_lower` explains:
    the lowest of them, then the control dimension when it is lower too, in that order."""
    b = result.balance
    said = b.held_in if b.held_in_title else None
    weakest = next((d for d in result.dimensions if d.id == b.weakest), None)
    if weakest is None or weakest.score is None:
        return []
    lower = [
        d
        for d in result.dimensions
        if d.side == "operations"
        and d.score is not None
        and d.id not in (b.weakest, said)
        and d.score < weakest.score - 0.5
    ]
    doing = [d for d in lower if d.id != b.control_dimension]
    control = [d for d in lower if d.id == b.control_dimension]
    return [d.title for d in [*([min(doing, key=lambda x: x.score or 0.0)] if doing else []), *control]]


def join_titles(titles: list[str]) -> str:
    """ "Technology", "Technology and Team", "Process, Technology and Team"."""
    return and_list(titles)


def scores_lower(result: ScoreResult, held: bool = False) -> str:
    """Why an operations dimension with a lower score is not the weakest link, when there is one: a reader
    sees it lower in the table and would otherwise take the verdict for a mistake. ``held``: the link is named
    where its levers are, and the dimension the load falls on has been said already."""
    b, sc = result.balance, result.score_scale
    said = b.held_in if held else None
    weakest = next((d for d in result.dimensions if d.id == b.weakest), None)
    if weakest is None or weakest.score is None:
        return ""
    control = b.control_dimension
    below = [
        d
        for d in result.dimensions
        if d.side == "operations"
        and d.score is not None
        and d.id not in (b.weakest, control)
        and d.id != said
        and d.score < weakest.score - 0.5
    ]
    held = next(
        (d for d in result.dimensions if d.id == control and d.score is not None and d.score < weakest.score - 0.5),
        None,
    )
    # The control dimension holds demand back rather than carrying it: a reader who sees it lowest in the table
    # needs to hear why it is not the weakest link (a consultant's review: "Process named while Demand
    # management scores 6"), in the owner's terms, not the scoring's (the tenth review: "never the weakest
    # link" read as mechanics leaking into the client's text).
    # "Its fixes come first" is said only where they do: a damp-and-mould firm read it above a brake ranked
    # tenth (the eleventh review).
    ahead = ("danger_zone", "demand_ahead_controlled")
    leads = (
        held is not None
        and (b.quadrant in ahead or b.leaning in ahead)
        and any(f.dimension == held.id for f in result.findings[:3])
    )
    control_words = (
        f" {held.title} scores lower{' still' if below else ''} ({scale.number(held.score, sc)}): it is how you "
        "hold demand back (honest dates, a limit when full), not a part that does the work, so it is not what "
        "breaks first" + ("; its fixes come first while demand is ahead." if leads else ".")
        if held is not None
        else ""
    )
    if not below:
        return control_words
    d = min(below, key=lambda x: x.score or 0.0)
    if b.runway_named:
        return (
            f" {d.title} scores lower ({scale.number(d.score, sc)}), but with so little new demand no rush is coming "
            "to break it: the cash runs out first." + control_words
        )
    return (
        f" {d.title} scores lower ({scale.number(d.score, sc)}), but the demand coming loads less of it, so it "
        "would not break first." + control_words
    )


def link_shown(result: ScoreResult) -> float | None:
    """The figure shown beside the weakest link's name on cards and headlines: that dimension's own score,
    as in the table. What the balance weighs (its weakest part under the pressure present) is said where the
    index is (:func:`link_words`). Two blind reviews read "Technology 41" beside a table's 17, and "Team 73"
    beside a table's 71: a name and a figure shown together must belong together."""
    b = result.balance
    own = next((d.score for d in result.dimensions if d.id == b.weakest), None)
    return own if own is not None else b.link


def link_where(result: ScoreResult) -> str:
    """Where the figure the balance subtracts binds, in words ("Throughput and headroom, in Capacity"): the
    part a load falls on, which need not be the named dimension's score, nor even its dimension."""
    b = result.balance
    if b.held_in_title:
        return b.held_in_title
    if b.weakest_area_title and b.weakest_title:
        return f"{b.weakest_area_title}, in {b.weakest_title}"
    return f"the weakest link ({b.weakest_title})" if b.weakest_title else "the weakest link"


def _link_figures(result: ScoreResult) -> tuple[str | None, str]:
    """(the weakest dimension's score, the weakest link's figure), as shown; the score is None without one."""
    b, sc = result.balance, result.score_scale
    dim = next((d for d in result.dimensions if d.id == b.weakest), None)
    shown = scale.number(dim.score, sc) if dim is not None and dim.score is not None else None
    return shown, scale.number(b.link, sc)


def link_differs_text(result: ScoreResult) -> str | None:
    """The weakest-link sentence, only when the link's figure differs from its dimension's score as shown:
    then a reader sees two numbers for one dimension (the card's 7, the table's 8) and needs the reason."""
    shown, link = _link_figures(result)
    return weakest_text(result) if shown is not None and result.balance.link is not None and shown != link else None


def link_words(result: ScoreResult) -> str:
    """What the balance index subtracts, with both figures, so a reader's own subtraction agrees with it.

    The weakest link's strength under the pressure present (its weakest area, softened by the rest) is
    not its dimension's score, so the figure the balance uses is said, not left to be guessed.
    """
    b = result.balance
    sc = result.score_scale
    pressure = b.pressure if b.pressure is not None else b.demand
    if b.link is None or pressure is None:
        return "demand pressure minus the weakest link"
    link = link_where(result)
    link = f"{link}," if ", in " in link else link
    return f"demand pressure {scale.number(pressure, sc)} minus {scale.number(b.link, sc)}, what {link} can carry"


def why_weighed(b: Balance) -> tuple[str, str, str] | None:
    """Why the pressure the verdict weighs is above the measured one: (a short reason for the headline, the
    sentence the workings open with, what sets how far above), or None when it is not.

    The lead grows with the evidence up to a most (``balance.overrun`` points for a full step or broken
    promises, ``balance.gap`` for an event half as big again as the reach); at that most it is said as the
    most, since three reports at exactly +40 read to a blind reviewer as a cap posing as a measurement."""
    if b.pressure is None or b.demand is None or b.pressure < b.demand + 0.5:
        return None
    overrun, full = b.overrun or 0.0, b.full or 0.0
    if b.event is not None and max(overrun, full) <= 0.5:
        event, reach = b.event
        return (
            "the event ahead is bigger than the busiest day operations can reach",
            f"The event ahead could bring {times(round(event, 1))} a normal day's orders, more than the "
            f"{times(round(reach, 1))} operations can deliver by then: demand will be ahead of operations at "
            "the event",
            "the most an event adds, reached by one half as big again as that reach"
            if event >= 1.5 * reach - 1e-9
            else "the bigger the event against that reach, the further above",
        )
    if full > overrun:
        return (
            "the busiest step is already full while orders keep growing",
            "The busiest step is already full while orders keep growing: demand is ahead of operations today",
            "the most a full step adds, reached when it is this full while orders grow this fast"
            if full >= 1 - 1e-9
            else "the fuller the step and the faster orders grow, the further above",
        )
    return (
        "promises are already being broken while orders keep coming",
        "Promises are already being broken while orders keep coming: demand is ahead of operations today",
        "the most broken promises add, reached when they are broken this often while orders come this fast"
        if overrun >= 1 - 1e-9
        else "the more promises broken and the faster orders come, the further above",
    )
