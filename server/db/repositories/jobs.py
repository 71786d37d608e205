"""Jobs with their competencies and questions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from server.db.models import Job, Question


async def add(session: AsyncSession, job: Job) -> Job:
    """Insert a job with its competencies and questions."""
    session.add(job)
    await session.flush()
    return job


async def add_questions(session: AsyncSession, questions: Iterable[Question]) -> None:
    """Insert questions of a stored job (they refer to its competencies' ids, known after `add`)."""
    session.add_all(list(questions))
    await session.flush()


async def get(session: AsyncSession, job_id: str) -> Job | None:
    """The job with this id (relations load lazily; use `get_full` for the plan)."""
    return await session.get(Job, job_id)


async def get_full(session: AsyncSession, job_id: str) -> Job | None:
    """A job with competencies and ordered questions loaded."""
    result = await session.execute(
        select(Job)
        .where(Job.id == job_id)
        .options(selectinload(Job.questions), selectinload(Job.competencies))
    )
    return result.scalar_one_or_none()


async def list_all(session: AsyncSession) -> Sequence[Job]:
    """Every job's current version, by title (earlier versions stay for their interviews)."""
    result = await session.execute(select(Job).where(Job.current.is_(True)).order_by(Job.title))
    return result.scalars().all()


async def versions(session: AsyncSession, family_id: str) -> Sequence[Job]:
    """Every version of one job, newest first."""
    result = await session.execute(
        select(Job).where((Job.family_id == family_id) | (Job.id == family_id)).order_by(Job.version.desc())
    )
    return result.scalars().all()
