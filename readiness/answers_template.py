"""The answers file an owner fills in: every question with what it accepts, in words.

Kept apart from the words of a score (:mod:`readiness.summary`): it is written before anything is scored,
for `readiness template` and `readiness migrate-answers`.
"""

from __future__ import annotations

import json
import textwrap
from datetime import date
from typing import Any

from readiness.figures import plain_number
from readiness.model import (
    MultipleChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    ScaleQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    YesNoQuestion,
    tr,
)


def _yaml_scalar(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def answers_template(questionnaire: Questionnaire, fmt_name: str = "yaml", lang: str | None = None) -> str:
    """An answers file listing every question with what it accepts, ready to fill in.

    Written for the owner who fills it in, not for the program that reads it:
    every choice is listed with its label and what that level looks like in
    practice, and every number with its unit, so nobody has to guess what
    `ask_around` or "a number from 0 up to 1e+07" means.
    """
    return answers_file(questionnaire, {}, fmt_name, lang)


def answers_file(
    questionnaire: Questionnaire,
    filled: dict[str, Any],
    fmt_name: str = "yaml",
    lang: str | None = None,
    business: str = "",
    notes: dict[str, str] | None = None,
    profile: str | None = None,
) -> str:
    """A template with some answers already filled in (``filled``: question id → plain answer).

    ``notes`` adds a comment line above a question (used by `migrate-answers`
    to say where a carried answer came from).
    """
    lang = lang or questionnaire.default_language
    notes = notes or {}
    profile = profile or questionnaire.profile().id
    profiles = ", ".join(p.id for p in questionnaire.profiles)
    if fmt_name == "json":
        data: dict[str, Any] = {
            "questionnaire": questionnaire.id,
            "questionnaire_version": questionnaire.version,
            "business": business,
            "profile": profile,
            "date": date.today().isoformat(),
            "answers": {q.id: filled.get(q.id) for q in questionnaire.questions},
            "help": {q.id: " ".join(_question_comments(questionnaire, q, lang)) for q in questionnaire.questions},
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    out = [
        f"# Answers for {tr(questionnaire.title, lang)} ({questionnaire.id} {questionnaire.version}).",
        "# Replace each null with an answer: the value before the `=` in the list under the question.",
        "# Leave null for questions you skip (the verdict then shows the range they leave open);",
        "# write dont_know when nobody knows: it becomes a finding of its own.",
        '# A note can be added as:  question_id: {value: 3, note: "why"}',
        f"questionnaire: {questionnaire.id}",
        f"questionnaire_version: {_yaml_scalar(questionnaire.version)}",
        f"business: {_yaml_scalar(business)}",
        f"profile: {profile}  # one of: {profiles}",
        f"date: {date.today().isoformat()}",
        "answers:",
    ]
    current_dim = None
    for q in questionnaire.questions:
        if q.dimension != current_dim:
            current_dim = q.dimension
            out += ["", f"  # === {tr(questionnaire.dimension(q.dimension).title, lang)} ==="]
        out.append("")
        if q.id in notes:
            out += [f"  # {line}" for line in _wrap(notes[q.id])]
        out += [f"  # {line}" for line in _question_comments(questionnaire, q, lang, wrap=True)]
        value = filled.get(q.id)
        out.append(f"  {q.id}: {_plain_yaml(value)}")
    return "\n".join(out) + "\n"


def _wrap(text: str, width: int = 94, indent: str = "") -> list[str]:
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent + "  ") or [indent]


def _plain_number(value: float) -> str:
    """A number as people write it: 10,000,000 rather than 1e+07, with the minus an owner types."""
    return plain_number(value, typographic=False)


def _plain_yaml(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        inner = ", ".join(f"{k}: {_plain_yaml(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_plain_yaml(v) for v in value) + "]"
    if isinstance(value, int | float):
        return plain_number(value, typographic=False).replace(",", "")  # a YAML value: no thousands commas
    text = str(value)
    plain = text.isidentifier() and text.lower() not in _YAML_WORDS
    return text if plain else _yaml_scalar(text)


#: Words YAML reads as something other than the string (yes/no/on/off as booleans, null).
_YAML_WORDS = frozenset({"yes", "no", "y", "n", "on", "off", "true", "false", "null"})


def _question_comments(questionnaire: Questionnaire, q: Any, lang: str, wrap: bool = False) -> list[str]:
    """What to know to answer one question: the question, its help, each allowed answer in words."""
    lines: list[str] = []

    def add(text: str, indent: str = "") -> None:
        lines.extend(_wrap(text, indent=indent) if wrap else [indent.strip() + (" " if indent else "") + text])

    flag = " [critical: a low answer caps this part of the business]" if q.critical else ""
    add(f"{q.id}: {tr(q.text, lang)}{flag}")
    if q.help:
        add(f"({tr(q.help, lang)})", "  ")
    if q.show_if:
        add(f"Asked only if: {q.show_if}", "  ")
    if isinstance(q, ScaleQuestion):
        add("Answer one of:", "  ")
        for option in questionnaire.scale(q.scale).options:
            anchor = q.anchors.get(option.value)
            described = f": {tr(anchor, lang)}" if anchor else ""
            add(f"{option.value:g} = {tr(q.label_for(option), lang)}{described}", "    ")
    elif isinstance(q, YesNoQuestion):
        add("Answer one of:", "  ")
        for word in ("yes", "no"):
            anchor = q.anchors.get(word)  # type: ignore[call-overload]
            add(f"{word}{f' = {tr(anchor, lang)}' if anchor else ''}", "    ")
    elif isinstance(q, SingleChoiceQuestion | MultipleChoiceQuestion):
        kind = "Answer one of:" if isinstance(q, SingleChoiceQuestion) else "Answer a list of any of, e.g. [a, b]:"
        add(kind, "  ")
        for o in q.options:
            described = f": {tr(o.description, lang)}" if o.description else ""
            add(f"{o.id} = {tr(o.label, lang)}{described}", "    ")
    elif isinstance(q, NumberQuestion):
        unit = tr(q.unit, lang)
        low = "" if q.min is None else f" from {_plain_number(q.min)}"
        high = "" if q.max is None else f" to {_plain_number(q.max)}"
        kind = "a whole number" if q.integer else "a number"
        add(f"Answer {kind}{f' in {unit}' if unit else ''}{low}{high}.", "  ")
    else:
        add("Answer any text (not scored).", "  ")
    extras = []
    if q.allow_na:
        extras.append("na = not applicable")
    if q.allow_dont_know:
        extras.append("dont_know = nobody knows (a finding of its own)")
    if extras:
        add("or " + "; ".join(extras), "    " if not isinstance(q, NumberQuestion | TextQuestion) else "  ")
    return lines
