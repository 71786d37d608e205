"""Reviewers' marks on AI answer scores: one per reviewer per score, and the counts the dashboard needs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import AnswerScoreRow, ScoreMark


async def of_interview(session: AsyncSession, interview_id: str) -> Sequence[ScoreMark]:
    """Every mark on the interview's scores."""
    result = await session.execute(select(ScoreMark).where(ScoreMark.interview_id == interview_id))
    return result.scalars().all()


async def mine(session: AsyncSession, answer_score_id: str, reviewer: str) -> ScoreMark | None:
    """The reviewer's mark on one score, if any."""
    result = await session.execute(
        select(ScoreMark).where(ScoreMark.answer_score_id == answer_score_id, ScoreMark.reviewer == reviewer)
    )
    return result.scalar_one_or_none()


async def add(session: AsyncSession, mark: ScoreMark) -> None:
    """Store a new mark."""
    session.add(mark)
    await session.flush()


async def change(
    session: AsyncSession, mark: ScoreMark, reasonable: bool, reason: str, now: datetime
) -> None:
    """Change a reviewer's mark in place (one per reviewer per score)."""
    mark.reasonable, mark.reason, mark.updated_at = reasonable, reason, now
    await session.flush()


@dataclass(frozen=True)
class MarkFact:
    """One mark's competency and verdict (no reason text)."""

    interview_id: str
    competency: str | None
    reasonable: bool


async def facts(session: AsyncSession, interview_ids: Sequence[str]) -> list[MarkFact]:
    """Marks on these interviews' scores, with the competency of the score marked."""
    if not interview_ids:
        return []
    result = await session.execute(
        select(ScoreMark.interview_id, AnswerScoreRow.competency, ScoreMark.reasonable)
        .join(AnswerScoreRow, AnswerScoreRow.id == ScoreMark.answer_score_id)
        .where(ScoreMark.interview_id.in_(interview_ids))
    )
    return [MarkFact(*row) for row in result.all()]
