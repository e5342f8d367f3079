"""The step the owner is weighing, read against the verdict (docs/scoring.md, "The step the owner is weighing").

An owner rarely takes an assessment for its own sake: they are weighing a second site, a key hire, a new
machine, a big contract. Consultants reviewing Readiness reports blind found them silent on that decision in
most businesses that had one. A questionnaire says what to tell them in the question's own options
(``verdicts``, keyed by the balance's verdict), so the advice stays data and a consultant can reword it;
the engine only picks the text and names the weakest link in it. Scores and findings are unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from readiness import expr
from readiness.answers import Answer
from readiness.findings import exposure_values
from readiness.model import ChoiceOption, Questionnaire, Text, TextQuestion, tr
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
        if key == "demand_ahead_controlled" and balance.guarded_title and "danger_zone" in option.verdicts:
            # Under control only because the queue is trusted with a short runway: the queue protects the
            # money already owed, not money the step would spend, so the step is read as in the danger zone.
            key = "danger_zone"
        if key not in option.verdicts:
            continue
        said = option.verdicts[key]
        if key in AHEAD and option.elsewhere is not None and not adds_to(option, balance):
            said = option.elsewhere  # the queue waits on a part this step does not add to
        else:
            said = said_for(option, key, exposure_values({q: given[q] for q in shown if q in given})) or said
        text = with_limit(tr(said, lang).replace("{weakest}", weakest), _limit(balance, weakest))
        detail = _owners_words(questionnaire, given, shown, question.id)
        return Decision(question.id, option.id, tr(option.label, lang), key or verdict, " ".join(text.split()), detail)
    return None


def said_for(option: ChoiceOption, key: str, reads: Mapping[str, Any]) -> Text | None:
    """The first variant of the step's advice whose condition holds on the owner's answers and that speaks to
    this verdict (``None``: the verdict's own text). A variant keeps the verdict's direction and says it in the
    owner's terms: a firm that named its bottleneck is not told to find out which step limits output."""
    for variant in option.variants:
        if key in variant.verdicts and expr.parse(variant.when).evaluate(reads):
            return variant.verdicts[key]
    return None


def _owners_words(
    questionnaire: Questionnaire, given: Mapping[str, Answer], shown: Collection[str], question_id: str
) -> str | None:
    """The step in the owner's own words: the shown text answer that ``describes`` the step's question."""
    for question in questionnaire.questions:
        if not isinstance(question, TextQuestion) or question.describes != question_id or question.id not in shown:
            continue
        answer = given.get(question.id)
        if answer is not None and answer.kind == "value" and isinstance(answer.value, str):
            words = " ".join(answer.value.split()).rstrip(".")
            if words:
                return words
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


#: How full the busiest step must be (``Balance.full``) for a step that adds to it to count as adding output
#: whatever it is paid from: the balance's own line, beyond which a full step is demand ahead (docs/scoring.md §3).
FULL_STEP = 0.5


def adds_to(option: ChoiceOption, balance: Balance) -> bool:
    """True when the step adds to what the queue waits on: the weakest link lies in what it ``relieves``, or in
    what it ``spends`` while the busiest step is full. A lab whose incubators are 95% full while its cash binds
    was told a second suite is "not the fix for what breaks first" (cash), and every blind reviewer of four
    reviews read that as wrong: the suite adds output at the full step; how it is paid for is what the
    verdict's own text says ("not from the cash the business runs on… asset finance or a lease")."""
    full = balance.full is not None and balance.full > FULL_STEP
    return relieves(option.relieves, balance) or (full and relieves(option.spends, balance))


def _limit(balance: Balance, weakest: str) -> str:
    """Where the weakest link binds, in the owner's words: "Cash and working capital, in Capacity"."""
    return f"{balance.weakest_area_title}, in {weakest}" if balance.weakest_area_title else weakest


def with_limit(text: str, limit: str) -> str:
    """``{limit}`` said in ``text``: a part named with its dimension ("Website and payments, in Technology")
    closes its aside with a comma when the sentence runs on ("only once website and payments, in Technology,
    can carry the extra work"; without it the phrase read as one run-on name, an exploratory browser pass)."""
    if ", in " in limit:
        text = re.sub(r"\{limit\}(?=\s+\w)", lambda _: limit + ",", text)  # a title is text, never a pattern
    return text.replace("{limit}", limit)


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
    #: How many people answered the step's question at all (0: not counted): "1 of 3 named it" counted people
    #: who never reached the question (a browser pass), so the words say "of the 2 who answered".
    answered: int = 0


def room_step(
    questionnaire: Questionnaire,
    results: Sequence[ScoreResult],
    verdict: str | None,
    weakest: Sequence[str],
    lang: str,
) -> RoomStep | None:
    """The step most people named (ties: the questionnaire's order), with what the room's verdict says about it.

    Each person's step is their own answer to the question whose options speak to verdicts; the room is read by
    its own verdict and the weakest link most of them named. Whether the step relieves that link follows the
    people who named it: when most of them were told it is not the fix (their own weakest link lies outside what
    it relieves), so is the room, naming the part most of them bind in."""
    question = next(
        (q for q in questionnaire.questions if any(o.verdicts for o in getattr(q, "options", None) or [])), None
    )
    if question is None or verdict is None:
        return None
    steps = {o.id: o for o in question.options if o.verdicts}
    picked: dict[str, list[ScoreResult]] = {}
    for r in results:
        answer = next((q for q in r.questions if q.id == question.id and q.status == "answered"), None)
        if answer is not None and answer.value in steps:
            picked.setdefault(answer.value, []).append(r)
    if not picked:
        return None
    named = {option: len(people) for option, people in picked.items()}
    options = [o for o in question.options if o.id in named]
    top = max(options, key=lambda o: named[o.id])  # max keeps the first of a tie: the questionnaire's order
    key = verdict if verdict in top.verdicts else None
    if key is None:
        return None
    title = weakest[0] if weakest else "the weakest part"
    said, limit = top.verdicts[key], title
    elsewhere = False
    if key in AHEAD and top.elsewhere is not None and top.relieves:
        placed = [r for r in picked[top.id] if r.balance.weakest is not None]
        apart = [r for r in placed if not adds_to(top, r.balance)]
        if placed and 2 * len(apart) > len(placed):
            said, elsewhere = top.elsewhere, True
            limits = [_limit(r.balance, r.balance.weakest_title or title) for r in apart]
            limit = max(limits, key=limits.count)  # the part most of them bind in (ties: the first)
    if not elsewhere:
        # A variant speaks for the room when it holds on most of the answers of the people who named the step:
        # each variant counted on its own (two minorities holding different ones make no majority).
        people = [said_for(top, key, _reads(r)) for r in picked[top.id]]
        texts = [v.verdicts[key] for v in top.variants if key in v.verdicts]  # the questionnaire's order
        best = max(texts, key=people.count, default=None)  # max keeps the first of a tie
        if best is not None and 2 * people.count(best) > len(people):
            said = best
    text = with_limit(tr(said, lang).replace("{weakest}", title), limit)
    others = tuple(
        (tr(o.label, lang), named[o.id]) for o in sorted(options, key=lambda o: -named[o.id]) if o.id != top.id
    )
    answered = sum(1 for r in results if any(q.id == question.id and q.status == "answered" for q in r.questions))
    return RoomStep(
        top.id, tr(top.label, lang), named[top.id], len(results), key, " ".join(text.split()), others, answered
    )


def _reads(result: ScoreResult) -> dict[str, Any]:
    """One person's answers as a condition reads them (:func:`readiness.findings.exposure_values`)."""
    reads: dict[str, Any] = {}
    for q in result.questions:
        value = q.value if q.status in ("answered", "not_scored") else None
        reads[q.id] = "na" if q.status == "na" else list(value) if isinstance(value, tuple) else value
    return reads


def room_step_words(step: RoomStep) -> str:
    """ "The step weighed (3 of 4 named it): A second site… Wait. …  Also named: a key hire (1)." """
    also = "; ".join(f"{label} ({n})" for label, n in step.others)
    among = f"the {step.answered} who answered" if 0 < step.answered < step.participants else str(step.participants)
    return f"The step weighed ({step.named_by} of {among} named it): {step.label}. {step.text}" + (
        f" Also named: {also}." if also else ""
    )
