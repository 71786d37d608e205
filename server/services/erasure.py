"""Erasure of a candidate's personal data, announced to every connected HR system."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from server.db.models import (
    AnswerScoreRow,
    AuditEvent,
    Candidate,
    Consent,
    Delivery,
    FeedbackLetter,
    IntegrityFlag,
    Interview,
    InterviewNote,
    OutboxEvent,
    Recording,
    ReviewDecision,
    Utterance,
)
from server.db.repositories import interviews as audit_repo
from server.db.repositories.outbox import enqueue
from server.errors import Conflict, NotFound


async def erase_candidate(
    sessions: async_sessionmaker[AsyncSession], candidate_id: str, actor: str, recordings_dir: Path
) -> int:
    """Delete the candidate and everything about them; clear what the audit trail said about them.

    That is their interviews, transcripts, scores, reviews, notes, flags, letters, consents and
    recordings.

    The `candidate.deleted` outbox event is written in the same transaction, so every connected system
    hears of it exactly when the data is gone. Returns the number of interviews erased. A candidate in a
    live call cannot be erased until the call ends.
    """
    async with sessions.begin() as session:
        ids = await _erase_rows(session, candidate_id, actor)
    for interview_id in ids:  # files only once the rows are gone for good
        await asyncio.to_thread(shutil.rmtree, recordings_dir / interview_id, True)
    return len(ids)


async def _erase_rows(session: AsyncSession, candidate_id: str, actor: str) -> list[str]:
    candidate = await session.get(Candidate, candidate_id)
    if candidate is None:
        raise NotFound("no such candidate")
    interviews = (
        (await session.execute(select(Interview).where(Interview.candidate_id == candidate_id)))
        .scalars()
        .all()
    )
    if any(i.status == "live" for i in interviews):
        raise Conflict("the candidate is in a live interview; end it before erasing their data")
    ids = [i.id for i in interviews]
    if ids:
        personal = (
            Utterance,
            AnswerScoreRow,
            Consent,
            Recording,
            ReviewDecision,
            InterviewNote,
            IntegrityFlag,
            FeedbackLetter,
        )
        for model in personal:
            await session.execute(delete(model).where(model.interview_id.in_(ids)))
        # Reports about them that were queued for the HR systems are not sent; stored copies are cleared
        # (`candidate.deleted`, below, tells every connected system to erase theirs).
        events = select(OutboxEvent.seq).where(OutboxEvent.ordering_key.in_(ids))
        await session.execute(
            update(Delivery)
            .where(Delivery.event_seq.in_(events), Delivery.status == "pending")
            .values(status="dead", last_error="not sent: the candidate's data was erased")
        )
        await session.execute(
            update(OutboxEvent).where(OutboxEvent.ordering_key.in_(ids)).values(payload={"erased": True})
        )
        # The audit trail keeps who did what and when, not what was said or written about the candidate.
        await session.execute(
            update(AuditEvent).where(AuditEvent.interview_id.in_(ids)).values(detail={"erased": True})
        )
        await session.execute(delete(Interview).where(Interview.id.in_(ids)))
    await session.delete(candidate)
    await enqueue(
        session, "candidate.deleted", candidate_id, {"candidate_ref": candidate_id, "interview_ids": ids}
    )
    await audit_repo.audit(
        session, actor, "candidate.erased", None, candidate=candidate_id, interviews=len(ids)
    )
    return ids
