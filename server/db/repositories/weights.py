"""Versions of a job's competency weights, and freezing interviews' weights before a change."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import Competency, Interview, Job, WeightVersion


async def job(session: AsyncSession, job_id: str) -> Job | None:
    """The job (for its department)."""
    return await session.get(Job, job_id)


async def versions(session: AsyncSession, job_id: str) -> Sequence[WeightVersion]:
    """The job's weight versions, oldest first."""
    result = await session.execute(
        select(WeightVersion).where(WeightVersion.job_id == job_id).order_by(WeightVersion.version)
    )
    return result.scalars().all()


async def add(session: AsyncSession, row: WeightVersion) -> None:
    """Store a version."""
    session.add(row)
    await session.flush()


async def freeze_interviews(session: AsyncSession, job_id: str, weights: Mapping[str, float]) -> None:
    """Give every interview of the job without frozen weights these ones (the job's, before a change)."""
    await session.execute(
        update(Interview)
        .where(Interview.job_id == job_id, Interview.scoring_weights.is_(None))
        .values(scoring_weights=dict(weights))
        .execution_options(synchronize_session=False)
    )


async def set_weights(
    session: AsyncSession, competencies: Sequence[Competency], weights: Mapping[str, float]
) -> None:
    """Write the job's new weights to its competencies."""
    for competency in competencies:
        competency.weight = weights[competency.name]
    await session.flush()
