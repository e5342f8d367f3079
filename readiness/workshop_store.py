"""Storing workshops: facilitator keys, join codes, participants and their answers.

Each participant answers into an assessment of their own (so the same assess
page serves a founder alone and a workshop of thirty); the group's agreed
answers go into a consensus assessment created with the workshop, which is
scored and reported like any self-assessment.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import Table, select, update

from readiness.answers import Answer
from readiness.errors import ReadinessError
from readiness.model import Questionnaire
from readiness.storage import (
    AnswerRow,
    AssessmentRow,
    NotFound,
    ParticipantRow,
    Store,
    WorkshopRow,
    _hash_token,
    _restore,
    new_token,
    now,
)
from readiness.store.database import utc
from readiness.store.text import cut

DEFAULT_ROLES = ("Leadership", "Sales / marketing", "Operations / production", "Finance")
#: No 0/O, 1/I/L: codes are read off a screen across a room.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


class WorkshopError(ReadinessError):
    """A workshop request that cannot be met (bad code, unknown role, ...)."""


@dataclass(frozen=True)
class Workshop:
    id: str
    join_code: str
    name: str
    business_name: str
    questionnaire_hash: str
    profile: str
    roles: tuple[str, ...]
    anonymous: bool
    consensus_assessment_id: str
    revealed: bool
    created_at: datetime


@dataclass(frozen=True)
class ParticipantRecord:
    id: str
    workshop_id: str
    role: str
    name: str | None
    assessment_id: str
    joined_at: datetime
    #: The secret of the participant's own link, known only when they join (stored hashed).
    resume_key: str | None = field(default=None, compare=False)


def _workshop(row: WorkshopRow) -> Workshop:
    return Workshop(
        id=row.id,
        join_code=row.join_code,
        name=row.name,
        business_name=row.business_name,
        questionnaire_hash=row.questionnaire_hash,
        profile=row.profile,
        roles=tuple(json.loads(row.roles)),
        anonymous=bool(row.anonymous),
        consensus_assessment_id=row.consensus_assessment_id,
        revealed=row.revealed_at is not None,
        created_at=utc(row.created_at),
    )


def _participant(row: ParticipantRow) -> ParticipantRecord:
    return ParticipantRecord(row.id, row.workshop_id, row.role, row.name, row.assessment_id, utc(row.joined_at))


def consensus_key(facilitator_key: str) -> str:
    """The secret that opens a workshop's agreed answers, derived from the facilitator's key.

    Nothing but a hash of it is stored, and only the facilitator (who holds the
    key) can work it out, so the agreed answers open for them and nobody else.
    """
    digest = hmac.new(facilitator_key.encode("utf-8"), b"readiness consensus", hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:24]).decode("ascii")


def normalise_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


#: Why nobody can join once the answers are revealed, as the join page says it.
REVEALED_CLOSED = "the facilitator has revealed this workshop's answers, so nobody can join it any more"


class WorkshopStore:
    """Workshop operations over one :class:`~readiness.storage.Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def create(
        self,
        questionnaire: Questionnaire,
        name: str,
        business_name: str,
        profile: str | None = None,
        roles: tuple[str, ...] | list[str] = DEFAULT_ROLES,
        anonymous: bool = True,
    ) -> tuple[str, Workshop]:
        """A new workshop; returns the facilitator key (shown once, stored hashed) and the workshop."""
        # One role per name whatever its case or spacing: "Sales" and "sales " became two columns (a browser pass).
        named: dict[str, str] = {}
        for role in (cut(r, 64) for r in roles):
            if role:
                named.setdefault(" ".join(role.split()).casefold(), role)
        clean_roles = tuple(named.values())
        if not clean_roles:
            raise WorkshopError("name at least one role to collect")
        title, business = cut(name, 200), cut(business_name, 200)
        key = secrets.token_urlsafe(24)
        consensus = self.store.create_assessment(
            questionnaire, business or title, profile, business_kind=None, resume_key=consensus_key(key)
        )
        row = {
            "id": new_token(),
            "facilitator_hash": _hash_token(key),
            "name": title or "Workshop",
            "business_name": business,
            "questionnaire_hash": questionnaire.content_hash,
            "profile": consensus.profile,
            "roles": json.dumps(list(clean_roles)),
            "anonymous": int(anonymous),
            "consensus_assessment_id": consensus.id,
            "revealed_at": None,
            "created_at": now(),
        }

        def work() -> Workshop:
            # A fresh code until one is free: ON CONFLICT DO NOTHING makes a code taken by a
            # workshop created at the same moment on another server a retry, not an error.
            with self.store._begin() as connection:
                for _ in range(50):
                    code = _new_code()
                    inserted = connection.execute(
                        self.store._insert(_WORKSHOPS)
                        .values(join_code=code, **row)
                        .on_conflict_do_nothing(index_elements=["join_code"]),
                        execution_options={"preserve_rowcount": True},  # an INSERT's count is not kept otherwise
                    )
                    if inserted.rowcount == 1:
                        return _workshop(_Row(join_code=code, **row))
            raise WorkshopError("could not find a free join code; try again")  # pragma: no cover - 31^6 codes

        return key, self.store._retry(work)

    def by_key(self, key: str) -> Workshop:
        """The workshop a facilitator key opens; nothing else opens the facilitator view."""
        if not isinstance(key, str) or not 16 <= len(key) <= 64:
            raise NotFound("that facilitator link does not open any workshop")
        with self.store._read() as session:
            row = session.scalars(select(WorkshopRow).where(WorkshopRow.facilitator_hash == _hash_token(key))).first()
            if row is None:
                raise NotFound("that facilitator link does not open any workshop")
            return _workshop(row)

    def consensus_link_key(self, facilitator_key: str, workshop: Workshop) -> str:
        """The secret of a link to the workshop's agreed answers, or "" when none opens them.

        Workshops made before resume links were hashed opened their agreed answers
        by the assessment's id, which still does until `readiness db rekey`; after
        that only the facilitator's key reaches them (the results page's ``?w=``).
        """
        for candidate in (consensus_key(facilitator_key), workshop.consensus_assessment_id):
            try:
                if self.store.open_assessment(candidate).id == workshop.consensus_assessment_id:
                    return candidate
            except NotFound:
                continue
        return ""

    def by_code(self, code: str) -> Workshop:
        with self.store._read() as session:
            row = session.scalars(select(WorkshopRow).where(WorkshopRow.join_code == normalise_code(code))).first()
            if row is None:
                raise NotFound("no workshop has that code; check it with your facilitator")
            return _workshop(row)

    def get(self, workshop_id: str) -> Workshop:
        with self.store._read() as session:
            row = session.get(WorkshopRow, workshop_id)
            if row is None:
                raise NotFound("no such workshop")
            return _workshop(row)

    def join(self, workshop: Workshop, role: str, name: str | None = None) -> ParticipantRecord:
        """A new participant with an assessment of their own to answer."""
        if role not in workshop.roles:
            raise WorkshopError(f"choose one of the roles: {', '.join(workshop.roles)}")
        clean_name = cut(name, 200) or None
        if not workshop.anonymous and not clean_name:
            raise WorkshopError("this workshop collects names: enter yours")
        if self.get(workshop.id).revealed:
            # The revealed answers are frozen (revealed_workshop_of): a late joiner's empty answers added an empty
            # column and changed "3 of 3 people" in the facilitator's revealed view (an exploratory browser pass).
            raise WorkshopError(REVEALED_CLOSED)
        questionnaire = self.store.questionnaire(workshop.questionnaire_hash)
        assessment = self.store.create_assessment(questionnaire, workshop.business_name, workshop.profile)

        def work() -> ParticipantRecord:
            with self.store._write() as session:
                revealed = session.scalar(select(WorkshopRow.revealed_at).where(WorkshopRow.id == workshop.id))
                if revealed is not None:  # revealed while this person was joining
                    raise WorkshopError(REVEALED_CLOSED)
                row = ParticipantRow(
                    id=new_token(),
                    workshop_id=workshop.id,
                    role=role,
                    name=None if workshop.anonymous else clean_name,
                    assessment_id=assessment.id,
                    joined_at=now(),
                )
                session.add(row)
                session.flush()
                return replace(_participant(row), resume_key=assessment.resume_key)

        return self.store._retry(work)

    def participant_for_assessment(self, assessment_id: str) -> ParticipantRecord | None:
        with self.store._read() as session:
            row = session.scalars(select(ParticipantRow).where(ParticipantRow.assessment_id == assessment_id)).first()
            return _participant(row) if row else None

    def revealed_workshop_of(self, assessment_id: str) -> Workshop | None:
        """The workshop whose participant this assessment is, once its answers are revealed.

        Participants' answers are frozen from the reveal on: the room discusses what was
        revealed, and a change afterwards would quietly rewrite the figures and the queue the
        facilitator is walking through. One query: the assess page asks on every rerun.
        """
        with self.store._read() as session:
            row = session.scalars(
                select(WorkshopRow)
                .join(ParticipantRow, ParticipantRow.workshop_id == WorkshopRow.id)
                .where(ParticipantRow.assessment_id == assessment_id, WorkshopRow.revealed_at.is_not(None))
            ).first()
            return _workshop(row) if row else None

    def is_consensus(self, assessment_id: str) -> Workshop | None:
        with self.store._read() as session:
            row = session.scalars(
                select(WorkshopRow).where(WorkshopRow.consensus_assessment_id == assessment_id)
            ).first()
            return _workshop(row) if row else None

    def participants(self, workshop_id: str) -> list[tuple[ParticipantRecord, dict[str, Answer]]]:
        """Every participant with their answers, in two queries however many people joined."""
        with self.store._read() as session:
            people = session.scalars(
                select(ParticipantRow)
                .where(ParticipantRow.workshop_id == workshop_id)
                .order_by(ParticipantRow.joined_at)
            ).all()
            rows = session.execute(
                select(AnswerRow.assessment_id, AnswerRow.question_id, AnswerRow.kind, AnswerRow.value, AnswerRow.note)
                .join(ParticipantRow, ParticipantRow.assessment_id == AnswerRow.assessment_id)
                .where(ParticipantRow.workshop_id == workshop_id)
            ).all()
            records = [_participant(p) for p in people]
        answers: dict[str, dict[str, Answer]] = {r.assessment_id: {} for r in records}
        for assessment_id, qid, kind, value, note in rows:
            answers[assessment_id][qid] = Answer(qid, kind, _restore(json.loads(value)) if value else None, note)
        return [(r, answers[r.assessment_id]) for r in records]

    def reveal(self, workshop_id: str) -> None:
        """Reveal once: the first click's time stands, however many facilitator tabs click."""

        def work() -> None:
            with self.store._begin() as connection:
                connection.execute(
                    update(_WORKSHOPS)
                    .where(_WORKSHOPS.c.id == workshop_id, _WORKSHOPS.c.revealed_at.is_(None))
                    .values(revealed_at=now())
                )

        self.store._retry(work)

    def finished(self, workshop_id: str) -> set[str]:
        """Ids of participants who pressed Finish."""
        with self.store._read() as session:
            rows = session.execute(
                select(ParticipantRow.id)
                .join(AssessmentRow, AssessmentRow.id == ParticipantRow.assessment_id)
                .where(ParticipantRow.workshop_id == workshop_id, AssessmentRow.status == "complete")
            ).all()
            return {r[0] for r in rows}


_WORKSHOPS: Table = WorkshopRow.__table__  # type: ignore[assignment]


class _Row:
    def __init__(self, **values: object) -> None:
        self.__dict__.update(values)


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
