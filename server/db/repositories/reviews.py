"""Review decisions, interviewers' notes and feedback letters."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import FeedbackLetter, InterviewNote, ReviewDecision


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


async def letter(session: AsyncSession, interview_id: str) -> FeedbackLetter | None:
    """The interview's feedback letter, if one was drafted."""
    result = await session.execute(select(FeedbackLetter).where(FeedbackLetter.interview_id == interview_id))
    return result.scalar_one_or_none()


async def save_letter(session: AsyncSession, row: FeedbackLetter) -> FeedbackLetter:
    """Insert a new letter or write the changes to one."""
    session.add(row)
    await session.flush()
    return row


async def has_decision(session: AsyncSession, interview_id: str) -> bool:
    """Whether anyone has recorded a review decision on the interview."""
    rows = await session.execute(
        select(ReviewDecision.id).where(ReviewDecision.interview_id == interview_id).limit(1)
    )
    return rows.first() is not None
