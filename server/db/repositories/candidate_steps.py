"""Stamps of the candidate's steps before the call on the interview (for the drop-out report)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import Interview


async def stamp_opened(session: AsyncSession, interview: Interview, now: datetime) -> None:
    """The first opening of the link or status page; later ones change nothing."""
    if interview.opened_at is None:
        interview.opened_at = now
        await session.flush()


async def stamp_device_check(
    session: AsyncSession, interview: Interview, passed: bool, now: datetime
) -> None:
    """The first passing check is kept; a failing one is stamped each time."""
    if interview.opened_at is None:
        interview.opened_at = now
    if passed and interview.device_check_passed_at is None:
        interview.device_check_passed_at = now
    elif not passed:
        interview.device_check_failed_at = now
    await session.flush()
