"""Column reads for the HR dashboard: interviews of the visible jobs, review decisions, flags, outcomes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import (
    Consent,
    IntegrityFlag,
    Interview,
    Job,
    Outcome,
    ReviewDecision,
    SurveyResponse,
)


@dataclass(frozen=True)
class InterviewTimes:
    """One interview's place in the funnel and its times."""

    interview_id: str
    job_id: str
    status: str
    review_status: str
    question_index: int
    created_at: datetime
    started_at: datetime | None
    ended_at: datetime | None
    opened_at: datetime | None = None
    device_check_passed_at: datetime | None = None
    device_check_failed_at: datetime | None = None


async def jobs(session: AsyncSession, department: str | None) -> Sequence[Job]:
    """Every job, or those of one department."""
    query = select(Job).order_by(Job.title)
    if department is not None:
        query = query.where(Job.department == department)
    return (await session.execute(query)).scalars().all()


async def interviews(session: AsyncSession, job_ids: Sequence[str]) -> list[InterviewTimes]:
    """Interviews of these jobs (the period is filtered by the caller, on timezone-aware times)."""
    if not job_ids:
        return []
    query = select(
        Interview.id,
        Interview.job_id,
        Interview.status,
        Interview.review_status,
        Interview.question_index,
        Interview.created_at,
        Interview.started_at,
        Interview.ended_at,
        Interview.opened_at,
        Interview.device_check_passed_at,
        Interview.device_check_failed_at,
    ).where(Interview.job_id.in_(job_ids))
    return [InterviewTimes(*row) for row in (await session.execute(query)).all()]


@dataclass(frozen=True)
class Decision:
    """One review decision's numbers (no comment text)."""

    interview_id: str
    competency: str | None
    ai_score: float | None
    human_score: int | None
    created_at: datetime


async def decisions(session: AsyncSession, interview_ids: Sequence[str]) -> list[Decision]:
    """Review decisions of these interviews, oldest first."""
    if not interview_ids:
        return []
    result = await session.execute(
        select(
            ReviewDecision.interview_id,
            ReviewDecision.competency,
            ReviewDecision.ai_score,
            ReviewDecision.human_score,
            ReviewDecision.created_at,
        )
        .where(ReviewDecision.interview_id.in_(interview_ids))
        .order_by(ReviewDecision.created_at)
    )
    return [Decision(*row) for row in result.all()]


async def flag_kinds(session: AsyncSession, interview_ids: Sequence[str]) -> set[tuple[str, str]]:
    """(interview, flag kind) pairs: which interviews had which presence flag."""
    if not interview_ids:
        return set()
    result = await session.execute(
        select(IntegrityFlag.interview_id, IntegrityFlag.kind).where(
            IntegrityFlag.interview_id.in_(interview_ids)
        )
    )
    return {(iid, kind) for iid, kind in result.all()}


async def hired(session: AsyncSession, interview_ids: Sequence[str]) -> set[str]:
    """Interviews with any imported outcome: the candidate was hired."""
    if not interview_ids:
        return set()
    result = await session.execute(
        select(Outcome.interview_id).where(Outcome.interview_id.in_(interview_ids)).distinct()
    )
    return set(result.scalars())


async def consented(session: AsyncSession, interview_ids: Sequence[str]) -> set[str]:
    """Interviews whose candidate gave consent (a step of the drop-out report)."""
    if not interview_ids:
        return set()
    result = await session.execute(
        select(Consent.interview_id).where(Consent.interview_id.in_(interview_ids)).distinct()
    )
    return set(result.scalars())


async def ratings(session: AsyncSession, interview_ids: Sequence[str]) -> dict[str, int]:
    """The candidates' satisfaction ratings (1-5), by interview (no comments)."""
    if not interview_ids:
        return {}
    result = await session.execute(
        select(SurveyResponse.interview_id, SurveyResponse.rating).where(
            SurveyResponse.interview_id.in_(interview_ids)
        )
    )
    return {iid: int(rating) for iid, rating in result.all()}
