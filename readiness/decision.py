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
        text = tr(option.verdicts[key], lang).replace("{weakest}", weakest)
        return Decision(question.id, option.id, tr(option.label, lang), key or verdict, " ".join(text.split()))
    return None
