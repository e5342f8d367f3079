"""The step the owner is weighing, read against the verdict (docs/scoring.md, "The step the owner is weighing").

An owner rarely takes an assessment for its own sake: they are weighing a second site, a key hire, a new
machine, a big contract. Consultants reviewing Readiness reports blind found them silent on that decision in
most businesses that had one. A questionnaire says what to tell them in the question's own options
(``verdicts``, keyed by the balance's verdict), so the advice stays data and a consultant can reword it;
the engine only picks the text and names the weakest link in it. Scores and findings are unchanged.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from readiness.answers import Answer
from readiness.model import Questionnaire, tr
from readiness.results import Balance, Decision, DimensionScore, ScoreResult


def decision_for(
    questionnaire: Questionnaire,
    given: Mapping[str, Answer],
    shown: Collection[str],
    balance: Balance,
    dimensions: list[DimensionScore],
    lang: str,
) -> Decision | None:
    """What the verdict says about the step the owner is weighing; None when no shown answer names a step
    with something to say for this verdict. A business that is not placed (or has no answers yet on one side)
    hears the option's not-placed advice, else the verdict it leans to, if any: "not enough answers" is no
    reason to stay silent on a second site the owner is about to sign."""
    if not any(d.side == "demand" for d in questionnaire.dimensions):
        return None  # a framework of its own, with no balance: there is no verdict to read the step against
    verdict = balance.quadrant or "not_placed"  # nothing answered on one side yet: not placed either
    titles = {d.id: d.title for d in dimensions}
    weakest = titles.get(balance.weakest or "", "") or "the weakest part"
    for question in questionnaire.questions:
        answer = given.get(question.id)
        if question.id not in shown or answer is None or answer.kind != "value":
            continue
        option = next((o for o in getattr(question, "options", None) or [] if o.id == answer.value), None)
        if option is None or not option.verdicts:
            continue
        key = verdict if verdict in option.verdicts else balance.leaning
        if key not in option.verdicts:
            continue
        said = option.verdicts[key]
        if key in AHEAD and option.elsewhere is not None and not relieves(option.relieves, balance):
            said = option.elsewhere  # the queue waits on a part this step does not add to
        text = tr(said, lang).replace("{weakest}", weakest).replace("{limit}", _limit(balance, weakest))
        return Decision(question.id, option.id, tr(option.label, lang), key or verdict, " ".join(text.split()))
    return None


#: Verdicts where demand is ahead of operations: a step is a response to the queue, and only a step that adds
#: to the part the queue waits on shortens it.
AHEAD = ("danger_zone", "demand_ahead_controlled")


def relieves(parts: Collection[str], balance: Balance) -> bool:
    """True when the weakest link the balance names lies in one of ``parts`` (a dimension id, or
    ``dimension.area``). The named link is the one a consultant names: where a figure binds but its weak
    levers are the team's, it is the team (a charge-point installer's queue waits on one designer, and vans do
    not shorten it)."""
    for part in parts:
        dim, _, area = part.partition(".")
        if dim == balance.weakest and (not area or area == balance.weakest_area):
            return True
    return False


def _limit(balance: Balance, weakest: str) -> str:
    """Where the weakest link binds, in the owner's words: "Cash and working capital, in Capacity"."""
    return f"{balance.weakest_area_title}, in {weakest}" if balance.weakest_area_title else weakest


@dataclass(frozen=True)
class RoomStep:
    """The step a workshop's people are weighing, read against the room's verdict: the step most of them
    named, how many named it, and any other step named, so the facilitator sees where they agree."""

    option: str
    label: str
    named_by: int
    participants: int
    verdict: str
    text: str
    #: Other steps named, in the owner's words, with how many named each (most first).
    others: tuple[tuple[str, int], ...] = ()


def room_step(
    questionnaire: Questionnaire,
    results: Sequence[ScoreResult],
    verdict: str | None,
    weakest: Sequence[str],
    lang: str,
) -> RoomStep | None:
    """The step most people named (ties: the questionnaire's order), with what the room's verdict says about it.

    Each person's own step is in their result (``decision``); the room is read by its own verdict and the
    weakest link most of them named. A step that says what it relieves is checked at the dimension level,
    as the room has no single binding area."""
    named: dict[str, int] = {}
    found: dict[str, tuple[str, object]] = {}
    for r in results:
        d = r.decision
        if d is None:
            continue
        named[d.option] = named.get(d.option, 0) + 1
        found.setdefault(d.option, (d.question_id, d.label))
    if not named or verdict is None:
        return None
    question = questionnaire.question(next(iter(found.values()))[0])
    options = [o for o in getattr(question, "options", None) or [] if o.id in named]
    top = max(options, key=lambda o: named[o.id])  # max keeps the first of a tie: the questionnaire's order
    key = verdict if verdict in top.verdicts else None
    if key is None:
        return None
    title = weakest[0] if weakest else "the weakest part"
    dims = {tr(d.title, lang): d.id for d in questionnaire.dimensions}
    said = top.verdicts[key]
    if key in AHEAD and top.elsewhere is not None and weakest:
        dimension = dims.get(title)
        if dimension is not None and not any(part.partition(".")[0] == dimension for part in top.relieves):
            said = top.elsewhere
    text = tr(said, lang).replace("{weakest}", title).replace("{limit}", title)
    others = tuple(
        (tr(o.label, lang), named[o.id]) for o in sorted(options, key=lambda o: -named[o.id]) if o.id != top.id
    )
    return RoomStep(top.id, tr(top.label, lang), named[top.id], len(results), key, " ".join(text.split()), others)


def room_step_words(step: RoomStep) -> str:
    """ "The step weighed (3 of 4 named it): A second site… Wait. …  Also named: a key hire (1)." """
    also = "; ".join(f"{label} ({n})" for label, n in step.others)
    return f"The step weighed ({step.named_by} of {step.participants} named it): {step.label}. {step.text}" + (
        f" Also named: {also}." if also else ""
    )
