"""Coding runs, module results and survey answers: the SQL of the interview modules."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import CodeRun, ModuleResult, SurveyResponse


async def add(session: AsyncSession, row: CodeRun | ModuleResult | SurveyResponse) -> None:
    """Store a run, a result or a survey answer."""
    session.add(row)
    await session.flush()


async def code_runs(session: AsyncSession, interview_id: str) -> Sequence[CodeRun]:
    """The interview's runs, oldest first."""
    result = await session.execute(
        select(CodeRun).where(CodeRun.interview_id == interview_id).order_by(CodeRun.created_at, CodeRun.id)
    )
    return result.scalars().all()


async def count_runs(session: AsyncSession, interview_id: str) -> int:
    """How many runs the interview has (a per-interview cap keeps the sandbox from being a free CPU)."""
    result = await session.execute(select(func.count()).where(CodeRun.interview_id == interview_id))
    return int(result.scalar_one())


async def module_results(session: AsyncSession, interview_id: str) -> Sequence[ModuleResult]:
    """The interview's module results in question order."""
    result = await session.execute(
        select(ModuleResult)
        .where(ModuleResult.interview_id == interview_id)
        .order_by(ModuleResult.question_index, ModuleResult.created_at)
    )
    return result.scalars().all()


async def survey_of(session: AsyncSession, interview_id: str) -> SurveyResponse | None:
    """The interview's survey answer, if given."""
    result = await session.execute(select(SurveyResponse).where(SurveyResponse.interview_id == interview_id))
    return result.scalar_one_or_none()


async def surveys_of_job(session: AsyncSession, job_id: str, limit: int = 200) -> Sequence[SurveyResponse]:
    """A job's survey answers, newest first."""
    result = await session.execute(
        select(SurveyResponse)
        .where(SurveyResponse.job_id == job_id)
        .order_by(SurveyResponse.created_at.desc())
        .limit(limit)
    )
    return result.scalars().all()


async def survey_stats(session: AsyncSession, job_id: str) -> tuple[int, float | None, dict[int, int]]:
    """Count, average rating and the count per rating of a job's survey answers."""
    result = await session.execute(
        select(SurveyResponse.rating, func.count())
        .where(SurveyResponse.job_id == job_id)
        .group_by(SurveyResponse.rating)
    )
    per = {int(rating): int(n) for rating, n in result.all()}
    count = sum(per.values())
    average = sum(r * n for r, n in per.items()) / count if count else None
    return count, average, per
