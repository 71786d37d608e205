"""Resume rows: one per interview."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import Resume


async def of_interview(session: AsyncSession, interview_id: str) -> Resume | None:
    """The interview's resume, or None."""
    result = await session.execute(select(Resume).where(Resume.interview_id == interview_id))
    return result.scalar_one_or_none()


async def replace(session: AsyncSession, resume: Resume) -> Resume:
    """Store the resume in place of the interview's last one (its file path is the same)."""
    await session.execute(delete(Resume).where(Resume.interview_id == resume.interview_id))
    session.add(resume)
    await session.flush()
    return resume


async def remove(session: AsyncSession, interview_id: str) -> bool:
    """Delete the interview's resume row; whether there was one."""
    result = await session.execute(delete(Resume).where(Resume.interview_id == interview_id))
    return bool(getattr(result, "rowcount", 0))


async def of_interviews(session: AsyncSession, interview_ids: Sequence[str]) -> Sequence[Resume]:
    """The resumes of these interviews (the retention purge removes their files)."""
    if not interview_ids:
        return []
    result = await session.execute(select(Resume).where(Resume.interview_id.in_(interview_ids)))
    return result.scalars().all()
