"""Review decisions and interviewers' notes."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import InterviewNote, ReviewDecision


async def add_decisions(session: AsyncSession, rows: Sequence[ReviewDecision]) -> None:
    """Store one review's decisions."""
    session.add_all(rows)
    await session.flush()


async def decisions(session: AsyncSession, interview_id: str) -> Sequence[ReviewDecision]:
    """Every decision on the interview, oldest first."""
    result = await session.execute(
        select(ReviewDecision)
        .where(ReviewDecision.interview_id == interview_id)
        .order_by(ReviewDecision.created_at)
    )
    return result.scalars().all()


async def add_note(session: AsyncSession, note: InterviewNote) -> InterviewNote:
    """Store an interviewer's note."""
    session.add(note)
    await session.flush()
    return note


async def notes(session: AsyncSession, interview_id: str) -> Sequence[InterviewNote]:
    """The interview's notes in time order."""
    result = await session.execute(
        select(InterviewNote)
        .where(InterviewNote.interview_id == interview_id)
        .order_by(InterviewNote.created_at)
    )
    return result.scalars().all()
