"""Candidates (the people interviewed; erasure removes them)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import Candidate, Interview, Job


async def add(session: AsyncSession, candidate: Candidate) -> Candidate:
    """Insert a candidate (its id is set on return, for the interview that follows)."""
    session.add(candidate)
    await session.flush()
    return candidate


async def get(session: AsyncSession, candidate_id: str) -> Candidate | None:
    """The candidate with this id."""
    return await session.get(Candidate, candidate_id)


async def delete(session: AsyncSession, candidate: Candidate) -> None:
    """Remove a candidate row (their interviews must be gone first)."""
    await session.delete(candidate)
    await session.flush()


async def search(
    session: AsyncSession, text: str | None, job_ids: Sequence[str] | None, limit: int
) -> Sequence[tuple[Candidate, Interview, Job]]:
    """Candidates with their interviews and jobs, newest first, matching name, e-mail or job title.

    `job_ids`: only interviews of these jobs (None: any). The caller applies the department rule.
    """
    query = (
        select(Candidate, Interview, Job)
        .join(Interview, Interview.candidate_id == Candidate.id)
        .join(Job, Job.id == Interview.job_id)
        .order_by(Interview.created_at.desc())
        .limit(limit)
    )
    if text:
        pattern = f"%{text.lower()}%"
        query = query.where(
            func.lower(Candidate.name).like(pattern)
            | func.lower(func.coalesce(Candidate.email, "")).like(pattern)
            | func.lower(Job.title).like(pattern)
        )
    if job_ids is not None:
        query = query.where(Job.id.in_(job_ids))
    result = await session.execute(query)
    return [(c, i, j) for c, i, j in result.all()]


async def get_many(session: AsyncSession, ids: Sequence[str]) -> Sequence[Candidate]:
    """The candidates with these ids (unknown ids are left out)."""
    result = await session.execute(select(Candidate).where(Candidate.id.in_(ids)))
    return result.scalars().all()
