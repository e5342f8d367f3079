"""Scoring: questionnaire + answers → a frozen, explainable result. No I/O.

The rules are written out for non-programmers in docs/scoring.md; keep the two
in step. In short:

* a question scores 0..1 (its answer's place on its ladder); on the demand side
  1 is the highest pressure;
* a dimension scores 0..100, the weighted mean of its counted questions (a
  demand dimension may blend in its highest source of pressure); unanswered
  questions count as their worst answer and the range shows how far the best
  answers could lift it; a critical question caps its dimension's score;
* the balance weighs demand pressure against the operations dimension that
  would break first, each judged on its weakest area under the kinds of
  pressure present (tunable soft minima), with the pressure raised when
  today's promises are already broken; a verdict only when every dimension
  has enough real answers;
* findings rank operations questions by business impact, and the plan takes
  at most a few actions per 30 days, in order, with their dependencies.

The stages live in their own modules, in the order they run: :mod:`readiness.dimensions`
(questions and dimensions), :mod:`readiness.balance` (the verdict), :mod:`readiness.findings`
(findings and the plan); :mod:`readiness.results` holds the frozen types. This module is the
entry point and keeps every name callers import from it.
"""

from __future__ import annotations

from collections.abc import Mapping

from readiness import expr, scale
from readiness import policy as policies
from readiness.answers import Answer, AnswerSet, condition_value, count_answers, visible_questions
from readiness.balance import (
    QUADRANTS,
    SEVERITY,
    area_strengths,
    classify_balance,
    demand_kinds,
    link_score,
    pressure_kinds,
    weigh_balance,
)
from readiness.decision import decision_for
from readiness.dimensions import (
    EPS,
    answer_score,
    level_cap,
    reading_for,
    score_dimension,
    score_question,
)
from readiness.errors import Problem
from readiness.events import event_prepares
from readiness.findings import (
    GOOD_STEP,
    NEAR_TIE,
    event_preparations,
    exposure_values,
    make_plan,
    plan_brakes,
    rank_findings,
)
from readiness.model import Questionnaire, ScoringPolicy, tr
from readiness.results import (
    Advice,
    AreaScore,
    Balance,
    CriticalFailure,
    DimensionScore,
    Finding,
    Plan,
    PlanAction,
    QuestionScore,
    ScoreResult,
    Status,
)

__all__ = [
    "EPS",
    "GOOD_STEP",
    "NEAR_TIE",
    "QUADRANTS",
    "SEVERITY",
    "Advice",
    "AreaScore",
    "Balance",
    "CriticalFailure",
    "DimensionScore",
    "Finding",
    "Plan",
    "PlanAction",
    "QuestionScore",
    "ScoreResult",
    "Status",
    "answer_score",
    "area_strengths",
    "classify_balance",
    "contradictions",
    "demand_kinds",
    "exposure_values",
    "level_cap",
    "link_score",
    "make_plan",
    "pressure_kinds",
    "score",
]


def score(
    questionnaire: Questionnaire,
    answers: AnswerSet | Mapping[str, Answer],
    profile: str | None = None,
    *,
    policy: ScoringPolicy | None = None,
    language: str | None = None,
    warnings: tuple[Problem, ...] | list[Problem] = (),
) -> ScoreResult:
    """Score ``answers`` against ``questionnaire`` for a target profile.

    Pure: the same inputs always give the same (frozen) result. ``profile``
    falls back to the answer set's profile, then the questionnaire's default.
    """
    answer_set = answers if isinstance(answers, AnswerSet) else AnswerSet(answers=dict(answers))
    given = answer_set.answers
    policy = policy or questionnaire.scoring
    lang = language or answer_set.language or questionnaire.default_language
    target_profile = questionnaire.profile(profile or answer_set.profile)
    shown = visible_questions(questionnaire, given)
    sides = {d.id: d.side for d in questionnaire.dimensions}

    question_scores = [
        score_question(
            questionnaire,
            q,
            given.get(q.id),
            q.id in shown,
            policy,
            lang,
            sides.get(q.dimension, "operations"),
            reading_for(q, given),
        )
        for q in questionnaire.questions
    ]
    by_id = {qs.id: qs for qs in question_scores}

    counts = count_answers(questionnaire, given)  # the one count every screen shows
    dimensions = []
    for dim in questionnaire.dimensions:
        members = [by_id[q.id] for q in questionnaire.questions_in(dim.id)]
        target = questionnaire.target(target_profile, dim.id)  # written on the native scale
        dimensions.append(score_dimension(questionnaire, dim, members, target, lang, counts.of(dim.id)))

    # The verdict, the findings and the plan read the answers the business was shown: an answer kept for a
    # question since hidden (RA105, "kept but not scored": a backlog given at 80% busy, the step since
    # corrected to 70%) must not move them either, as it moves no score.
    asked = {qid: answer for qid, answer in given.items() if qid in shown}
    balance = weigh_balance(questionnaire, dimensions, question_scores, lang, exposure_values(asked))
    findings = rank_findings(questionnaire, question_scores, dimensions, balance, asked, policy, lang)
    event_days = balance.event_weeks * 7 if balance.event_weeks is not None else None
    prepare = event_preparations(questionnaire, findings, asked, event_prepares(questionnaire, question_scores))
    plan = make_plan(questionnaire, findings, event_days, plan_brakes(findings, balance), prepare)

    all_warnings = list(warnings)
    scored_visible = [q for q in question_scores if q.status not in ("hidden", "not_scored")]
    missing = [q.id for q in scored_visible if q.status == "unanswered"]
    if missing:
        shown_ids = ", ".join(missing[:10]) + (f" and {len(missing) - 10} more" if len(missing) > 10 else "")
        how = (
            "those that score count as their worst answer (the range shows their best)"
            if policies.counts_unanswered(policy)
            else "left out of the score (the questionnaire's scoring policy)"
        )
        all_warnings.append(Problem("RA109", f"{len(missing)} question(s) unanswered; {how}: {shown_ids}"))
    all_warnings.extend(contradictions(questionnaire, given, shown, lang))

    return ScoreResult(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        questionnaire_hash=questionnaire.content_hash,
        profile=target_profile.id,
        profile_title=tr(target_profile.title, lang),
        language=lang,
        overall=policies.headline(questionnaire, policy, dimensions, balance.operations, question_scores),
        balance=balance,
        dimensions=tuple(dimensions),
        questions=tuple(question_scores),
        findings=tuple(findings),
        completion=round(counts.fraction, 4),
        policy={
            "dont_know": policy.dont_know,
            "not_applicable": policy.not_applicable,
            "unanswered": policy.unanswered,
            "rollup": policy.rollup,
        },
        warnings=tuple(all_warnings),
        business=answer_set.business,
        plan=plan,
        score_scale=questionnaire.score_scale,
        overall_label=scale.headline_label(questionnaire, lang),
        decision=decision_for(questionnaire, given, shown, balance, dimensions, lang),
    )


def contradictions(
    questionnaire: Questionnaire, given: Mapping[str, Answer], shown: set[str], lang: str = "en"
) -> list[Problem]:
    """The questionnaire's contradiction rules that hold for these answers, as warnings (RA120).

    A rule reads the shown answers only, as ``show_if`` does: a hidden or unanswered question is ``None``,
    and every comparison with ``None`` is false, so a rule never fires on a missing answer.
    """
    values = {q.id: condition_value(given.get(q.id)) if q.id in shown else None for q in questionnaire.questions}
    found = []
    for rule in questionnaire.contradictions:
        if expr.parse(rule.when).evaluate(values):
            found.append(Problem("RA120", tr(rule.message, lang), path=f"contradictions.{rule.id}"))
    return found
