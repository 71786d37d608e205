"""Jobs with their competencies and questions."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from server.db.models import Job


async def add(session: AsyncSession, job: Job) -> Job:
    """Insert a job with its competencies and questions."""
    session.add(job)
    await session.flush()
    return job


async def get_full(session: AsyncSession, job_id: str) -> Job | None:
    """A job with competencies and ordered questions loaded."""
    result = await session.execute(
        select(Job)
        .where(Job.id == job_id)
        .options(selectinload(Job.questions), selectinload(Job.competencies))
    )
    return result.scalar_one_or_none()


async def list_all(session: AsyncSession) -> Sequence[Job]:
    """Every job, by title."""
    result = await session.execute(select(Job).order_by(Job.title))
    return result.scalars().all()
