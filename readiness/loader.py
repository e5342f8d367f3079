"""Turn a questionnaire file into a :class:`~readiness.model.Questionnaire`, or say why not.

Every problem in a file is reported, each with file, line, column, key path and
a catalogue code, so an author fixes a file in one pass instead of one error
per run. Structural checks come from pydantic (converted at the boundary, in
:mod:`readiness.structure`, into problems); cross-reference checks run on every
part that is structurally sound, so a typo in one question does not hide an
unknown scale in another.
"""

from __future__ import annotations

import contextlib
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from readiness import expr
from readiness.balance import QUADRANTS
from readiness.errors import Problem, QuestionnaireError, with_excerpts
from readiness.model import (
    RESERVED_IDS,
    SCHEMA_VERSION,
    SURGE_INPUT_NAMES,
    Dimension,
    Level,
    MultipleChoiceQuestion,
    NumberQuestion,
    Profile,
    Question,
    Questionnaire,
    Scale,
    ScaleQuestion,
    ScoreScale,
    SingleChoiceQuestion,
)
from readiness.structure import check_structure as _structure
from readiness.structure import did_you_mean as _did_you_mean
from readiness.structure import get_at as _get
from readiness.yamlsource import PathKey, Source, format_path, parse_yaml, read_text

_ITEM_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "dimensions": TypeAdapter(Dimension),
    "scales": TypeAdapter(Scale),
    "levels": TypeAdapter(Level),
    "profiles": TypeAdapter(Profile),
    "questions": TypeAdapter(Question),
}
_TEXT_KEYS = frozenset(
    {"title", "description", "text", "help", "label", "name", "unit", "dont_know_advice", "finding", "elsewhere"}
    | {"next_step"}
    | {"message"}
)
#: Names a recommendation's `when` reads of its own question's answer; any other name is a question id.
_WHEN_NAMES = frozenset({"value", "score"})


@dataclass
class LoadResult:
    """A loaded questionnaire and the warnings that did not stop it."""

    questionnaire: Questionnaire
    warnings: list[Problem] = field(default_factory=list)
    path: str | None = None


def load_questionnaire(path: str | Path) -> Questionnaire:
    """Load and validate a questionnaire file; raise :class:`QuestionnaireError` on errors."""
    return load_questionnaire_with_warnings(path).questionnaire


def load_questionnaire_with_warnings(path: str | Path) -> LoadResult:
    text, problems = read_text(str(path))
    if text is None:
        raise QuestionnaireError(problems, f"cannot load questionnaire {path}")
    return parse_questionnaire(text, str(path))


def parse_questionnaire(text: str, file: str = "<questionnaire>") -> LoadResult:
    """Validate questionnaire text; errors raise, warnings come back with the model."""
    problems, questionnaire = _check(text, file)
    errors = [p for p in problems if p.is_error]
    if errors or questionnaire is None:
        raise QuestionnaireError(problems, f"{file}: {len(errors)} error(s) in questionnaire")
    return LoadResult(questionnaire, [p for p in problems if not p.is_error], file)


def check_text(text: str, file: str) -> list[Problem]:
    """Every problem of a questionnaire text, errors and warnings, in file order."""
    return _check(text, file)[0]


def _check(text: str, file: str) -> tuple[list[Problem], Questionnaire | None]:
    problems, questionnaire = _problems(text, file)
    return with_excerpts(problems, text, file), questionnaire


def _problems(text: str, file: str) -> tuple[list[Problem], Questionnaire | None]:
    source, problems = parse_yaml(text, file)
    if source.data is None:
        return problems, None
    data = source.data
    if not isinstance(data, dict):
        return [*problems, source.problem("RQ006", "the top level must be a mapping of keys to values")], None
    version = data.get("schema_version")
    if "schema_version" in data and version != SCHEMA_VERSION:
        message = f"schema_version {version!r} is not supported; this Readiness reads version {SCHEMA_VERSION}"
        return [*problems, source.problem("RQ010", message, ("schema_version",), value=True)], None
    questionnaire, structural = _structure(source)
    if any(p.is_error for p in problems):
        questionnaire = None  # a syntax error: what was read is checked, but never used
    problems += structural
    problems += _Checker(source, questionnaire).run()
    problems = _without_echoes(source, problems)
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0, p.code)), questionnaire


def _without_echoes(source: Source, problems: list[Problem]) -> list[Problem]:
    """Drop problems inside a part a syntax error made unreadable: they would only repeat that error."""
    if not source.broken:
        return problems
    broken = [format_path(path) for path in source.broken]

    def echo(problem: Problem) -> bool:
        if problem.code.startswith("RQ0"):
            return False  # the syntax errors themselves, and other reading problems
        return any(problem.path == b or problem.path.startswith((b + ".", b + "[")) for b in broken if problem.path)

    return [p for p in problems if not echo(p)]


# --- meaning (cross-references) ---------------------------------------------


class _Checker:
    """Cross-reference checks over every structurally sound item."""

    def __init__(self, source: Source, questionnaire: Questionnaire | None = None) -> None:
        self.source = source
        self.data: dict[str, Any] = source.data
        self.problems: list[Problem] = []
        self.items: dict[str, list[tuple[int, Any]]] = {}
        for section, adapter in _ITEM_ADAPTERS.items():
            if questionnaire is not None:  # structurally sound: every item is valid already
                self.items[section] = list(enumerate(getattr(questionnaire, section)))
                continue
            valid: list[tuple[int, Any]] = []
            raw = self.data.get(section)
            for index, item in enumerate(raw if isinstance(raw, list) else []):
                with contextlib.suppress(ValidationError):
                    valid.append((index, adapter.validate_python(item)))
            self.items[section] = valid
        # Ids as written (even of broken items), so a broken item does not also
        # cause a false "unknown id" everywhere it is referenced.
        self.raw_ids = {section: self._raw_ids(section) for section in _ITEM_ADAPTERS}
        self.demand_dimensions = {d.id for _, d in self.items["dimensions"] if d.side == "demand"}
        # Sections a syntax error left partly unread: an id missing from them may
        # just be unreadable, so "unknown id" is not said about them.
        broken = [b for b in source.broken if b]
        self.unsure = {str(b[0]) for b in broken if len(b) == 1 or not isinstance(_get(self.data, b[:2]), dict)}
        self.partial = {str(b[0]) for b in broken if len(b) <= 2}  # whole items missing, not one bad value
        # Questions other questions' show_if or advice read: weight 0 is normal for them
        # (e.g. "do you sell goods or services?"), so it earns no warning.
        self.gates: set[str] = set()
        for _, q in self.items["questions"]:
            for condition in [q.show_if, q.matters_if, *(r.when for r in q.recommendations)]:
                if condition:
                    with contextlib.suppress(expr.ExpressionError):
                        self.gates.update(expr.parse(condition).names)

    def _raw_ids(self, section: str) -> list[str]:
        raw = self.data.get(section)
        return [i.get("id") for i in raw if isinstance(i, dict)] if isinstance(raw, list) else []

    def add(self, code: str, message: str, path: PathKey, *, value: bool = True, within: str | None = None) -> None:
        """Record a problem; it points at the value written at ``path`` unless ``value`` is False."""
        self.problems.append(self.source.problem(code, message, path, value=value, within=within))

    def run(self) -> list[Problem]:
        self.unique_ids()
        self.dimensions()
        self.scales()
        self.score_scale()
        self.levels()
        self.profiles()
        self.questions()
        self.consistency()
        self.successors()
        self.translations()
        return self.problems

    def unique_ids(self) -> None:
        for section in _ITEM_ADAPTERS:
            seen: dict[str, int] = {}
            for index, item_id in enumerate(self.raw_ids[section]):
                if not isinstance(item_id, str):
                    continue
                if item_id in seen:
                    self.add(
                        "RQ200",
                        f"{section[:-1]} id `{item_id}` is already used by {section}[{seen[item_id]}]",
                        (section, index, "id"),
                    )
                else:
                    seen[item_id] = index
        retired = self.data.get("retired")
        if isinstance(retired, dict):
            current = {q for q in self.raw_ids["questions"] if isinstance(q, str)}
            for old_id in retired:
                if old_id in current:
                    self.add(
                        "RQ200",
                        f"question id `{old_id}` is listed as retired but is still a question; "
                        "a retired id must never be reused, or old answers would be read with a new meaning",
                        ("retired", old_id),
                        value=False,
                    )

    def dimensions(self) -> None:
        question_dims = {q.get("dimension") for q in self.data.get("questions") or [] if isinstance(q, dict)}
        dim_ids = [d for d in self.raw_ids["dimensions"] if isinstance(d, str)]
        for name in list(question_dims):  # a misspelt dimension is reported once, not also as an empty one
            if isinstance(name, str) and name not in dim_ids:
                question_dims.update(difflib.get_close_matches(name, dim_ids, n=1))
        for index, dim in self.items["dimensions"]:
            seen: set[str] = set()
            for a_index, area in enumerate(dim.areas):
                if area.id in seen:
                    self.add(
                        "RQ200",
                        f"area id `{area.id}` is used twice in dimension `{dim.id}`",
                        ("dimensions", index, "areas", a_index, "id"),
                    )
                seen.add(area.id)
                if isinstance(area.controllable, str):
                    self._controllable(dim.id, area, ("dimensions", index, "areas", a_index, "controllable"))
            if dim.weight == 0:
                self.add("RQ301", f"dimension `{dim.id}` has weight 0", ("dimensions", index, "weight"))
            own = {
                q.get("id")
                for q in self.data.get("questions") or []
                if isinstance(q, dict) and q.get("dimension") == dim.id
            }
            for p_index, qid in enumerate(dim.peak_questions):
                if qid not in own and "questions" not in self.partial:
                    self.add(
                        "RQ220",
                        f"dimension `{dim.id}` lists `{qid}` in peak_questions, but it is not one of its questions",
                        ("dimensions", index, "peak_questions", p_index),
                    )
            if dim.id not in question_dims and "questions" not in self.partial:
                self.add("RQ302", f"dimension `{dim.id}` has no questions", ("dimensions", index))
        # No demand side is a framework of its own (SAMM, EOS): scored and headed by its own title, no warning.

    def _controllable(self, dim_id: str, area: Any, path: PathKey) -> None:
        """An area's `controllable` condition reads answers by question id: unchecked, a misspelt name would read
        as unanswered for ever, so the queue would never be trusted with the area whatever the business said."""
        try:
            condition = expr.parse(area.controllable)
        except expr.ExpressionError as exc:
            self.add("RQ204", f"area `{area.id}` of dimension `{dim_id}` controllable: {exc}", path)
            return
        known = [q for q in self.raw_ids["questions"] if isinstance(q, str)]
        for name in condition.names:
            if name in known or "questions" in self.unsure:
                continue
            self.add(
                "RQ205",
                f"area `{area.id}` of dimension `{dim_id}` controllable reads unknown question "
                f"`{name}`{_did_you_mean(name, known)}",
                path,
                within=name,
            )

    def scales(self) -> None:
        for index, scale in self.items["scales"]:
            path: PathKey = ("scales", index, "options")
            if len(scale.options) < 2:
                self.add("RQ217", f"scale `{scale.id}` has {len(scale.options)} option(s)", path)
                continue
            values = [o.value for o in scale.options]
            for o_index in range(1, len(values)):
                if values[o_index] <= values[o_index - 1]:
                    self.add(
                        "RQ208",
                        f"scale `{scale.id}`: option value {values[o_index]:g} does not follow "
                        f"{values[o_index - 1]:g}; list options from worst to best with increasing values",
                        (*path, o_index, "value"),
                    )
            scores = [scale.option_score(o) for o in scale.options]
            for o_index in range(1, len(scores)):
                if scores[o_index] < scores[o_index - 1]:
                    self.add(
                        "RQ213",
                        f"scale `{scale.id}`: option {o_index} earns {scores[o_index]:g}, "
                        f"less than the option before it ({scores[o_index - 1]:g})",
                        (*path, o_index, "weight"),
                    )

    def _native(self) -> tuple[float, float]:
        """The score scale's range as written (levels and targets are on it); 0..100 when unsure."""
        raw = self.data.get("score_scale")
        try:
            sc = ScoreScale.model_validate(raw if isinstance(raw, dict) else {})
        except ValidationError:
            return 0.0, 100.0
        return sc.min, sc.max

    def score_scale(self) -> None:
        low, high = self._native()
        if isinstance(self.data.get("score_scale"), dict) and low >= high:
            self.add(
                "RQ208",
                f"score_scale: min {low:g} is not below max {high:g}",
                ("score_scale", "max" if "max" in self.data["score_scale"] else "min"),
            )

    def levels(self) -> None:
        levels = self.items["levels"]
        if not levels:
            return
        low, high = self._native()
        first_index, first = levels[0]
        if first_index == 0 and first.min != low:
            self.add(
                "RQ215",
                f"the first level `{first.id}` starts at {first.min:g}, not at the score scale's {low:g}",
                ("levels", 0, "min"),
            )
        previous: Level | None = None
        for index, level in levels:
            if not low <= level.min <= high:
                self.add(
                    "RQ209",
                    f"level `{level.id}` starts at {level.min:g}, outside {low:g}..{high:g}",
                    ("levels", index, "min"),
                )
            if previous is not None and level.min <= previous.min:
                self.add(
                    "RQ208",
                    f"level `{level.id}` starts at {level.min:g}, not above `{previous.id}` ({previous.min:g})",
                    ("levels", index, "min"),
                )
            previous = level

    def profiles(self) -> None:
        dims = [d for d in self.raw_ids["dimensions"] if isinstance(d, str)]
        low, high = self._native()
        defaults = 0
        for index, profile in self.items["profiles"]:
            path: PathKey = ("profiles", index, "targets")
            defaults += profile.default
            if profile.default and defaults > 1:
                self.add("RQ214", f"profile `{profile.id}` is a second default", ("profiles", index, "default"))
            for dim_id, target in profile.targets.items():
                if dim_id not in dims:
                    if "dimensions" not in self.unsure:
                        self.add(
                            "RQ201",
                            f"profile `{profile.id}` sets a target for unknown dimension `{dim_id}`"
                            f"{_did_you_mean(dim_id, dims)}",
                            (*path, dim_id),
                            value=False,
                        )
                elif not low <= target <= high:
                    self.add(
                        "RQ209",
                        f"profile `{profile.id}`: target {target:g} for `{dim_id}` is outside {low:g}..{high:g}",
                        (*path, dim_id),
                    )
            # A target is a level of readiness to reach: demand pressure has none.
            missing = [d for d in dims if d not in profile.targets and d not in self.demand_dimensions]
            if missing and "dimensions" not in self.unsure:
                self.add("RQ210", f"profile `{profile.id}` has no target for: {', '.join(missing)}", path)

    def questions(self) -> None:
        dims = {d.id: d for _, d in self.items["dimensions"]}
        dim_ids = [d for d in self.raw_ids["dimensions"] if isinstance(d, str)]
        scale_ids = [s for s in self.raw_ids["scales"] if isinstance(s, str)]
        scales = {s.id: s for _, s in self.items["scales"]}
        order = {qid: i for i, qid in enumerate(self.raw_ids["questions"]) if isinstance(qid, str)}
        valid = {q.id: q for _, q in self.items["questions"]}
        unread = "questions" in self.partial
        for index, q in self.items["questions"]:
            base: PathKey = ("questions", index)
            if q.dimension not in dim_ids:
                if "dimensions" not in self.unsure:
                    self.add(
                        "RQ201",
                        f"question `{q.id}` names unknown dimension `{q.dimension}`"
                        f"{_did_you_mean(q.dimension, dim_ids)}",
                        (*base, "dimension"),
                    )
            elif q.area is not None and q.dimension in dims:
                area_ids = [a.id for a in dims[q.dimension].areas]
                if q.area not in area_ids:
                    self.add(
                        "RQ203",
                        f"question `{q.id}` names area `{q.area}`, not an area of "
                        f"`{q.dimension}`{_did_you_mean(q.area, area_ids)}",
                        (*base, "area"),
                    )
            # Gates and surge inputs (facts such as orders per day, asked for the
            # surge stress test rather than scored) may have weight 0 on purpose.
            # (Not while a question is unreadable: its show_if may be the one reading this gate.)
            # A question naming harm (an option's points_to) orders the findings instead of scoring.
            # So does a question whose options speak to the verdict (a step the owner is weighing).
            names_harm = any(
                getattr(o, "points_to", None) or getattr(o, "verdicts", None) for o in getattr(q, "options", None) or []
            )
            if (
                q.weight == 0
                and q.scored
                and q.id not in self.gates
                and q.surge_input is None
                and not unread
                and not names_harm
            ):
                self.add("RQ301", f"question `{q.id}` has weight 0", (*base, "weight"))
            if q.surge_input is not None:
                self._surge_input(q, base)
            if isinstance(q, ScaleQuestion):
                if q.scale not in scale_ids:
                    if "scales" not in self.unsure:
                        self.add(
                            "RQ202",
                            f"question `{q.id}` names unknown scale `{q.scale}`{_did_you_mean(q.scale, scale_ids)}",
                            (*base, "scale"),
                        )
                elif q.scale in scales:
                    values = {o.value for o in scales[q.scale].options}
                    verbs = {"anchors": "describes", "labels": "names", "findings": "gives a finding for"}
                    for part, verb in verbs.items():
                        for key in getattr(q, part):
                            if key not in values:
                                self.add(
                                    "RQ211",
                                    f"question `{q.id}` {verb} level {key:g}, which scale `{q.scale}` does not have",
                                    (*base, part, _anchor_key(self.data, base, key, part)),
                                    value=False,
                                )
            if isinstance(q, SingleChoiceQuestion | MultipleChoiceQuestion):
                self._options(q, base)
            if isinstance(q, NumberQuestion):
                self._bands(q, base)
            if q.show_if is not None:
                self._show_if(q, base, order, valid)
            if getattr(q, "describes", None) is not None:
                self._describes(q, (*base, "describes"), order, valid)
            if q.matters_if is not None:
                self._matters_if(q, (*base, "matters_if"), order, valid)
            for r_index, rec in enumerate(q.recommendations):
                if rec.when is not None:
                    self._when(q, rec.when, (*base, "recommendations", r_index, "when"), order, valid)

    def _describes(self, q: Any, path: PathKey, order: dict[str, int], valid: dict[str, Any]) -> None:
        """A note naming another answer in the owner's words must name a question with options, asked before
        it: a misspelt id would leave the owner's words unused, and a note asked first names nothing yet."""
        target = q.describes
        if target not in order:
            if "questions" not in self.unsure:
                self.add(
                    "RQ223",
                    f"question `{q.id}` describes unknown question `{target}`{_did_you_mean(target, list(order))}",
                    path,
                )
        elif target in valid and not getattr(valid[target], "options", None):
            self.add("RQ223", f"question `{q.id}` describes `{target}`, which has no options to name", path)
        elif order[target] > order[q.id]:
            self.add("RQ223", f"question `{q.id}` describes `{target}`, which is asked after it", path)

    def _surge_input(self, q: Any, base: PathKey) -> None:
        path = (*base, "surge_input")
        if not isinstance(q, NumberQuestion):
            self.add("RQ219", f"question `{q.id}` is a {q.type} question; only numbers can be surge inputs", path)
        elif q.surge_input not in SURGE_INPUT_NAMES:
            self.add(
                "RQ219",
                f"question `{q.id}` names unknown surge input `{q.surge_input}`"
                f"{_did_you_mean(q.surge_input, list(SURGE_INPUT_NAMES))}",
                path,
            )

    def _options(self, q: SingleChoiceQuestion | MultipleChoiceQuestion, base: PathKey) -> None:
        seen: set[str] = set()
        for o_index, option in enumerate(q.options):
            path = (*base, "options", o_index, "id")
            if option.id in RESERVED_IDS:
                self.add("RQ212", f"question `{q.id}` uses reserved option id `{option.id}`", path)
            if option.id in seen:
                self.add("RQ200", f"option id `{option.id}` is used twice in question `{q.id}`", path)
            seen.add(option.id)
        if isinstance(q, SingleChoiceQuestion) and len({o.value for o in q.options}) == 1 and q.weight:
            self.add(
                "RQ218",
                f"all options of `{q.id}` have the same value, so it cannot change the score",
                (*base, "options"),
            )

    def _bands(self, q: NumberQuestion, base: PathKey) -> None:
        if q.min is not None and q.max is not None and q.min >= q.max:
            self.add("RQ208", f"question `{q.id}`: min {q.min:g} is not below max {q.max:g}", (*base, "max"))
        previous: float | None = None
        previous_below = False
        for b_index, band in enumerate(q.bands):
            key = "below" if band.below is not None else "up_to"
            path = (*base, "bands", b_index, key)
            last = b_index == len(q.bands) - 1
            if band.up_to is not None and band.below is not None:
                self.add(
                    "RQ208",
                    f"question `{q.id}`: a band sets both `up_to` (inclusive) and `below` (exclusive); keep one",
                    path,
                )
            bound = band.bound
            if bound is None:
                if not last:
                    self.add("RQ208", f"question `{q.id}`: only the last band may leave out `up_to`/`below`", path)
                continue
            # `below: 1` then `up_to: 1` is fine (the second band holds exactly 1); anything else must rise
            same_allowed = previous_below and key == "up_to"
            if previous is not None and (bound < previous or (bound == previous and not same_allowed)):
                self.add(
                    "RQ208",
                    f"question `{q.id}`: band {key} {bound:g} does not follow "
                    f"{previous:g}; list bands in increasing order",
                    path,
                )
            previous, previous_below = bound, key == "below"

    def _show_if(self, q: Any, base: PathKey, order: dict[str, int], valid: dict[str, Any]) -> None:
        path = (*base, "show_if")
        try:
            condition = expr.parse(q.show_if)
        except expr.ExpressionError as exc:
            self.add("RQ204", f"question `{q.id}`: {exc}", path)
            return
        for name in condition.names:
            if name == q.id:
                self.add("RQ207", f"question `{q.id}` is shown depending on its own answer", path)
            elif name not in order:
                if "questions" in self.unsure:
                    continue
                self.add(
                    "RQ205",
                    f"question `{q.id}` is shown depending on unknown question `{name}`"
                    f"{_did_you_mean(name, list(order))}",
                    path,
                    within=name,
                )
            elif order[name] > order[q.id]:
                self.add("RQ206", f"question `{q.id}` depends on `{name}`, which is asked after it", path, within=name)
        self._option_literals(q, condition, path, valid)

    def _option_literals(
        self,
        q: Any,
        condition: expr.Condition,
        path: PathKey,
        valid: dict[str, Any],
        own: frozenset[str] = frozenset(),
    ) -> None:
        """Warn where a condition compares a choice question with a word that is none of its options
        (`business_type == 'service'`): the comparison could never hold, so what it guards never happens.
        ``own``: names that mean the question's own answer here (`value` in a `when`), not a question."""
        for name, literal in condition.literal_comparisons():
            other = None if name in own else valid.get(name)
            if isinstance(other, SingleChoiceQuestion | MultipleChoiceQuestion) and isinstance(literal, str):
                ids = [o.id for o in other.options]
                if literal not in ids:
                    self.add(
                        "RQ216",
                        f"question `{q.id}` compares `{name}` with `{literal}`, which is not "
                        f"one of its options ({', '.join(ids)})",
                        path,
                    )

    def _when(self, q: Any, source: str, path: PathKey, order: dict[str, int], valid: dict[str, Any]) -> None:
        """A recommendation's `when` reads `value`, `score` and other answers by question id.

        Advice is chosen once every answer is in, so unlike a `show_if` it may read any question, asked
        before or after it (the kind of business, so a service firm is not sent to a fulfilment firm). A
        name that is no question would read as unanswered for ever and silently pick the wrong advice,
        so it is an error, as in a `show_if`.
        """
        try:
            condition = expr.parse(source)
        except expr.ExpressionError as exc:
            self.add("RQ204", f"question `{q.id}` recommendation: {exc}", path)
            return
        for name in condition.names:
            if name in _WHEN_NAMES or name in order or "questions" in self.unsure:
                continue
            hint = _did_you_mean(name, [*_WHEN_NAMES, *order]) or (
                "; a `when` reads `value` (the answer), `score` (0..1) and other questions by id"
            )
            self.add(
                "RQ205", f"question `{q.id}` recommendation reads unknown question `{name}`{hint}", path, within=name
            )
        self._option_literals(q, condition, path, valid, own=_WHEN_NAMES)

    def _matters_if(self, q: Any, path: PathKey, order: dict[str, int], valid: dict[str, Any]) -> None:
        """A `matters_if` reads other answers by question id, like a `when`. Unchecked, a misspelt name read as
        unanswered for ever (the finding was kept or dropped whatever the business answered) and a condition
        that does not parse stopped scoring with a traceback; both are now said at load, where they are."""
        try:
            condition = expr.parse(q.matters_if)
        except expr.ExpressionError as exc:
            self.add("RQ204", f"question `{q.id}` matters_if: {exc}", path)
            return
        for name in condition.names:
            if name in order or "questions" in self.unsure:
                continue
            self.add(
                "RQ205",
                f"question `{q.id}` matters_if reads unknown question `{name}`{_did_you_mean(name, list(order))}",
                path,
                within=name,
            )
        self._option_literals(q, condition, path, valid)

    def _verdicts(self) -> None:
        """What an option tells an owner weighing a step is keyed by the balance's verdicts and may name the
        weakest link only: a misspelt verdict would never be shown, and an unknown `{name}` would be printed
        to the owner as written."""
        for q_index, q in self.items["questions"]:
            for o_index, option in enumerate(getattr(q, "options", None) or []):
                said = getattr(option, "verdicts", {})
                if said and not isinstance(q, SingleChoiceQuestion):
                    self.add(
                        "RQ222",
                        f"option `{option.id}` of question `{q.id}` speaks to verdicts, but only one answer can be "
                        "the step weighed: use a single choice",
                        ("questions", q_index, "options", o_index, "verdicts"),
                        value=False,
                    )
                for key, text in said.items():
                    path: PathKey = ("questions", q_index, "options", o_index, "verdicts", key)
                    if key not in QUADRANTS:
                        self.add(
                            "RQ222",
                            f"option `{option.id}` of question `{q.id}` speaks to unknown verdict `{key}`"
                            f"{_did_you_mean(key, list(QUADRANTS))}",
                            path,
                            value=False,
                        )
                    for said in text.values() if isinstance(text, dict) else [text]:
                        for name in re.findall(r"\{([^{}]*)\}", said):
                            if name != "weakest":
                                self.add(
                                    "RQ222",
                                    f"option `{option.id}` of question `{q.id}` names `{{{name}}}`; "
                                    "a verdict's text may name only `{weakest}`",
                                    path,
                                    within=f"{{{name}}}",
                                )
                self._relieves(q, q_index, option, o_index)

    def _relieves(self, q: Any, q_index: int, option: Any, o_index: int) -> None:
        """A step that says what it relieves names real operations parts and says what to tell the owner when
        the weakest link lies elsewhere (and the other way round): half of the pair would never be shown."""
        relieves = getattr(option, "relieves", None) or []
        elsewhere = getattr(option, "elsewhere", None)
        base: PathKey = ("questions", q_index, "options", o_index)
        if bool(relieves) != (elsewhere is not None):
            given, missing = ("relieves", "elsewhere") if relieves else ("elsewhere", "relieves")
            self.add(
                "RQ222",
                f"option `{option.id}` of question `{q.id}` has `{given}` without `{missing}`: the step is read "
                "against the weakest link only with both",
                (*base, given),
                value=False,
            )
        if (relieves or elsewhere is not None) and not getattr(option, "verdicts", None):
            self.add(
                "RQ222",
                f"option `{option.id}` of question `{q.id}` says what it relieves but speaks to no verdict: "
                "add `verdicts`",
                (*base, "relieves" if relieves else "elsewhere"),
                value=False,
            )
        if "dimensions" not in self.unsure:
            parts = {d.id: [a.id for a in d.areas] for _, d in self.items["dimensions"] if d.side == "operations"}
            known = [*parts, *(f"{d}.{a}" for d, areas in parts.items() for a in areas)]
            for r_index, part in enumerate(relieves):
                dim, _, area = part.partition(".")
                if dim not in parts or (area and area not in parts[dim]):
                    self.add(
                        "RQ222",
                        f"option `{option.id}` of question `{q.id}` relieves `{part}`, not an operations "
                        f"dimension or `dimension.area`{_did_you_mean(part, known)}",
                        (*base, "relieves", r_index),
                    )
        for said in (elsewhere.values() if isinstance(elsewhere, dict) else [elsewhere]) if elsewhere else []:
            for name in re.findall(r"\{([^{}]*)\}", said):
                if name not in ("weakest", "limit"):
                    self.add(
                        "RQ222",
                        f"option `{option.id}` of question `{q.id}` names `{{{name}}}` in `elsewhere`; it may "
                        "name only `{weakest}` and `{limit}`",
                        (*base, "elsewhere"),
                        within=f"{{{name}}}",
                    )

    def consistency(self) -> None:
        """Contradiction rules, recommendation `needs` and the control dimension name real things."""
        known = {q.id for _, q in self.items["questions"]}
        if "questions" in self.unsure:
            return
        for index, rule in enumerate(self._raw_list("contradictions")):
            path: PathKey = ("contradictions", index, "when")
            when = rule.get("when") if isinstance(rule, dict) else None
            if not isinstance(when, str):
                continue
            try:
                names = expr.parse(when).names
            except expr.ExpressionError as exc:
                self.add("RQ221", f"contradiction rule: {exc}", path)
                continue
            for name in names:
                if name not in known:
                    self.add(
                        "RQ221",
                        f"contradiction rule reads unknown question `{name}`{_did_you_mean(name, sorted(known))}",
                        path,
                        within=name,
                    )
        for q_index, q in self.items["questions"]:
            for r_index, rec in enumerate(q.recommendations):
                for n_index, name in enumerate(rec.needs):
                    if name not in known:
                        self.add(
                            "RQ205",
                            f"question `{q.id}` recommendation needs unknown question `{name}`"
                            f"{_did_you_mean(name, sorted(known))}",
                            ("questions", q_index, "recommendations", r_index, "needs", n_index),
                        )
        for q_index, q in self.items["questions"]:
            options = [o.id for o in getattr(q, "options", None) or []]
            for r_index, rec in enumerate(q.recommendations):
                if rec.adds is not None and (not isinstance(q, MultipleChoiceQuestion) or rec.adds not in options):
                    where = "is not a multiple-choice question" if not isinstance(q, MultipleChoiceQuestion) else ""
                    self.add(
                        "RQ216",
                        f"question `{q.id}` recommendation adds "
                        + (f"option `{rec.adds}`, but `{q.id}` {where}" if where else f"unknown option `{rec.adds}`")
                        + (_did_you_mean(rec.adds, options) if not where else ""),
                        ("questions", q_index, "recommendations", r_index, "adds"),
                    )
        for q_index, q in self.items["questions"]:
            for l_index, name in enumerate(q.levers):
                if name == q.id or name not in known:
                    what = "itself" if name == q.id else f"unknown question `{name}`"
                    self.add(
                        "RQ205",
                        f"question `{q.id}` names {what} as a lever"
                        f"{_did_you_mean(name, sorted(known)) if name not in known and name != q.id else ''}",
                        ("questions", q_index, "levers", l_index),
                    )
        for q_index, q in self.items["questions"]:
            for o_index, option in enumerate(getattr(q, "options", None) or []):
                for p_index, name in enumerate(getattr(option, "points_to", [])):
                    if name == q.id or name not in known:
                        what = "itself" if name == q.id else f"unknown question `{name}`"
                        self.add(
                            "RQ205",
                            f"option `{option.id}` of question `{q.id}` points to {what}"
                            f"{_did_you_mean(name, sorted(known)) if name not in known and name != q.id else ''}",
                            ("questions", q_index, "options", o_index, "points_to", p_index),
                        )
        self._verdicts()
        numbers = {q.id for _, q in self.items["questions"] if isinstance(q, NumberQuestion)}
        for q_index, q in self.items["questions"]:
            reads = []
            if (allowance := getattr(q, "slack_allowance", None)) is not None:
                reads.append(("slack_allowance", "question", allowance.question))
            if (drag := getattr(q, "growth_drag", None)) is not None:
                reads += [("growth_drag", "growth", drag.growth), ("growth_drag", "days", drag.days)]
            for key, part, name in reads:
                if name in numbers:
                    continue
                what = "is not a number question" if name in known else "is not a question in this file"
                self.add(
                    "RQ205",
                    f"question `{q.id}` {key} reads `{name}`, which {what}"
                    f"{_did_you_mean(name, sorted(numbers)) if name not in known else ''}",
                    ("questions", q_index, key, part),
                )
        balance = self.data.get("balance")
        control = balance.get("control_dimension") if isinstance(balance, dict) else None
        if isinstance(control, str):
            sides = {d.id: d.side for _, d in self.items["dimensions"]}
            if sides.get(control) != "operations":
                self.add(
                    "RQ201",
                    f"balance.control_dimension `{control}` is not an operations dimension",
                    ("balance", "control_dimension"),
                )
        for key in ("idle_falling", "full_steady"):
            source = balance.get(key) if isinstance(balance, dict) else None
            if isinstance(source, str):
                self._balance_condition(key, source)

    def _balance_condition(self, key: str, source: str) -> None:
        """`balance.idle_falling` and `balance.full_steady` read answers by question id: a misspelt name would
        read as unanswered for ever, so the condition would never hold, whatever the business answered."""
        path: PathKey = ("balance", key)
        try:
            condition = expr.parse(source)
        except expr.ExpressionError as exc:
            self.add("RQ204", f"balance.{key}: {exc}", path)
            return
        known = [q for q in self.raw_ids["questions"] if isinstance(q, str)]
        for name in condition.names:
            if name not in known and "questions" not in self.unsure:
                self.add(
                    "RQ205",
                    f"balance.{key} reads unknown question `{name}`{_did_you_mean(name, known)}",
                    path,
                    within=name,
                )

    def successors(self) -> None:
        """Each successor carries a retired question's answers to a question still asked."""
        raw = self.data.get("successors")
        if not isinstance(raw, dict) or "questions" in self.unsure:
            return
        retired = self.data.get("retired")
        retired_ids = set(retired) if isinstance(retired, dict) else set()
        known = {q.id for _, q in self.items["questions"]}
        for old_id, entry in raw.items():
            if old_id not in retired_ids:
                self.add(
                    "RQ205",
                    f"successors: `{old_id}` is not listed under `retired`; "
                    "only a retired question's answers are carried",
                    ("successors", old_id),
                    value=False,
                )
            target = entry.get("to") if isinstance(entry, dict) else None
            if isinstance(target, str) and target not in known:
                self.add(
                    "RQ205",
                    f"successors: `{old_id}` is carried to unknown question `{target}`"
                    f"{_did_you_mean(target, sorted(known))}",
                    ("successors", old_id, "to"),
                )

    def _raw_list(self, section: str) -> list[Any]:
        raw = self.data.get(section)
        return raw if isinstance(raw, list) else []

    def translations(self) -> None:
        languages = self.data.get("languages")
        if not isinstance(languages, list) or len(languages) < 1:
            return
        wanted = [str(lang) for lang in languages]
        for path, text in _texts(self.data, ()):
            if isinstance(text, dict):
                missing = [lang for lang in wanted if lang not in text]
            elif isinstance(text, str) and len(wanted) > 1:
                missing = wanted[1:]
            else:
                continue
            if missing:
                self.add("RQ300", f"no {', '.join(missing)} text", path)


def _anchor_key(data: Any, base: PathKey, key: float, part: str = "anchors") -> Any:
    """The anchor (or label) key as written (``2`` or ``2.0``), so its line can be found."""
    written = _get(data, (*base, part))
    return next((k for k in written if k == key), key) if isinstance(written, dict) else key


def _texts(node: Any, path: PathKey) -> Iterator[tuple[PathKey, Any]]:
    """Every display text in the raw document, with its key path."""
    if isinstance(node, dict):
        for key, value in node.items():
            child = (*path, key)
            if key in _TEXT_KEYS or (len(path) >= 1 and path[-1] in ("anchors", "labels", "verdicts", "findings")):
                yield child, value
            elif (key in ("anchors", "labels", "verdicts", "findings") and isinstance(value, dict)) or (
                isinstance(value, dict | list) and key not in ("targets",)
            ):
                yield from _texts(value, child)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _texts(item, (*path, index))
