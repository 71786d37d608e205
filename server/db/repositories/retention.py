"""What the retention purge finds and removes: rows of interviews that ended long enough ago.

An interview's age counts from its end (its creation, if it never ran). Live interviews and interviews
under a legal hold are never returned.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import Consent, Interview, Recording


def _ended_before(cutoff: datetime) -> Any:
    return and_(func.coalesce(Interview.ended_at, Interview.created_at) < cutoff, Interview.status != "live")


async def expired(session: AsyncSession, cutoff: datetime) -> list[str]:
    """Ids of interviews that ended before `cutoff` and are not held."""
    result = await session.execute(
        select(Interview.id).where(_ended_before(cutoff), Interview.legal_hold.is_(False))
    )
    return list(result.scalars())


async def held(session: AsyncSession, cutoff: datetime) -> int:
    """How many interviews past `cutoff` a legal hold keeps."""
    result = await session.execute(
        select(func.count())
        .select_from(Interview)
        .where(_ended_before(cutoff), Interview.legal_hold.is_(True))
    )
    return int(result.scalar_one())


async def recordings_of(session: AsyncSession, interview_ids: Sequence[str]) -> Sequence[Recording]:
    """The recordings of these interviews."""
    if not interview_ids:
        return []
    result = await session.execute(select(Recording).where(Recording.interview_id.in_(interview_ids)))
    return result.scalars().all()


async def count(session: AsyncSession, model: Any, interview_ids: Sequence[str]) -> int:
    """How many rows of `model` belong to these interviews."""
    if not interview_ids:
        return 0
    result = await session.execute(
        select(func.count()).select_from(model).where(model.interview_id.in_(interview_ids))
    )
    return int(result.scalar_one())


async def remove(session: AsyncSession, model: Any, interview_ids: Sequence[str]) -> None:
    """Delete the rows of `model` that belong to these interviews."""
    if interview_ids:
        await session.execute(delete(model).where(model.interview_id.in_(interview_ids)))


async def candidates_expired(session: AsyncSession, cutoff: datetime) -> list[str]:
    """Candidates whose every interview ended before `cutoff`, none held or live."""
    kept = select(Interview.candidate_id).where(
        or_(
            Interview.legal_hold.is_(True),
            Interview.status == "live",
            func.coalesce(Interview.ended_at, Interview.created_at) >= cutoff,
        )
    )
    result = await session.execute(
        select(Interview.candidate_id).where(Interview.candidate_id.not_in(kept)).distinct()
    )
    return list(result.scalars())


async def candidates_withdrawn(session: AsyncSession) -> list[str]:
    """Candidates who withdrew consent and whose interviews no legal hold keeps any longer."""
    withdrawn = select(Consent.interview_id).where(Consent.withdrawn_at.is_not(None))
    held_ = select(Interview.candidate_id).where(Interview.legal_hold.is_(True))
    result = await session.execute(
        select(Interview.candidate_id)
        .where(Interview.id.in_(withdrawn), Interview.candidate_id.not_in(held_))
        .distinct()
    )
    return list(result.scalars())
