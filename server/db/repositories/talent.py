"""Reads for the talent pool: finished interviews' scores of one competency, with consent."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import AnswerScoreRow, Candidate, Consent, Interview, Job


async def finished_of(session: AsyncSession) -> Sequence[tuple[Interview, Job, Candidate]]:
    """Every finished interview with its job and candidate (the caller filters by scope)."""
    result = await session.execute(
        select(Interview, Job, Candidate)
        .join(Job, Job.id == Interview.job_id)
        .join(Candidate, Candidate.id == Interview.candidate_id)
        .where(Interview.status == "finished")
        .order_by(Interview.created_at.desc())
    )
    return [(i, j, c) for i, j, c in result.all()]


async def scores_of(
    session: AsyncSession, interview_ids: Sequence[str], competency: str
) -> Sequence[AnswerScoreRow]:
    """Answer scores of one competency in these interviews."""
    if not interview_ids:
        return []
    result = await session.execute(
        select(AnswerScoreRow).where(
            AnswerScoreRow.interview_id.in_(interview_ids), AnswerScoreRow.competency == competency
        )
    )
    return result.scalars().all()


async def consents_of(session: AsyncSession, interview_ids: Sequence[str]) -> dict[str, Consent]:
    """The latest consent of each interview."""
    if not interview_ids:
        return {}
    result = await session.execute(
        select(Consent).where(Consent.interview_id.in_(interview_ids)).order_by(Consent.created_at)
    )
    return {c.interview_id: c for c in result.scalars()}
