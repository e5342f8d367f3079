"""The step the owner is weighing, read against the verdict (docs/scoring.md, "The step the owner is weighing").

An owner rarely takes an assessment for its own sake: they are weighing a second site, a key hire, a new
machine, a big contract. Consultants reviewing Readiness reports blind found them silent on that decision in
most businesses that had one. A questionnaire says what to tell them in the question's own options
(``verdicts``, keyed by the balance's verdict), so the advice stays data and a consultant can reword it;
the engine only picks the text and names the weakest link in it. Scores and findings are unchanged.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from readiness.answers import Answer
from readiness.model import Questionnaire, tr
from readiness.results import Balance, Decision, DimensionScore


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
