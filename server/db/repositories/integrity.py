"""Integrity flags of an interview."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import IntegrityFlag


async def add(session: AsyncSession, flag: IntegrityFlag) -> IntegrityFlag:
    """Raise a flag."""
    session.add(flag)
    await session.flush()
    return flag


async def close_open(
    session: AsyncSession, interview_id: str, kind: str, t_end: float
) -> IntegrityFlag | None:
    """End the newest open flag of `kind` (e.g. the tab is visible again)."""
    result = await session.execute(
        select(IntegrityFlag)
        .where(
            IntegrityFlag.interview_id == interview_id,
            IntegrityFlag.kind == kind,
            IntegrityFlag.t_end.is_(None),
        )
        .order_by(IntegrityFlag.created_at.desc())
        .limit(1)
    )
    flag = result.scalar_one_or_none()
    if flag is not None:
        flag.t_end = max(t_end, flag.t_start)
        await session.flush()
    return flag


async def reopen_latest(session: AsyncSession, interview_id: str, kind: str) -> IntegrityFlag | None:
    """Open again the newest flag of `kind` (it ended a moment ago and the condition is back)."""
    result = await session.execute(
        select(IntegrityFlag)
        .where(IntegrityFlag.interview_id == interview_id, IntegrityFlag.kind == kind)
        .order_by(IntegrityFlag.created_at.desc())
        .limit(1)
    )
    flag = result.scalar_one_or_none()
    if flag is not None:
        flag.t_end = None
        await session.flush()
    return flag


async def flags(session: AsyncSession, interview_id: str) -> Sequence[IntegrityFlag]:
    """The interview's flags in time order."""
    result = await session.execute(
        select(IntegrityFlag)
        .where(IntegrityFlag.interview_id == interview_id)
        .order_by(IntegrityFlag.created_at)
    )
    return result.scalars().all()
