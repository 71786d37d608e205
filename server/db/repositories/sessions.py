"""Staff sessions and failed logins."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.models import LoginFailure, StaffSession


async def add(session: AsyncSession, row: StaffSession) -> StaffSession:
    """Store a new session."""
    session.add(row)
    await session.flush()
    return row


async def active(session: AsyncSession, token_hash: str) -> StaffSession | None:
    """The unrevoked, unexpired session with this token hash."""
    result = await session.execute(
        select(StaffSession).where(
            StaffSession.token_hash == token_hash,
            StaffSession.revoked_at.is_(None),
            StaffSession.expires_at > utcnow(),
        )
    )
    return result.scalar_one_or_none()


async def forget_expired(session: AsyncSession) -> None:
    """Delete sessions past their expiry (revoked or not, they open nothing any more)."""
    await session.execute(delete(StaffSession).where(StaffSession.expires_at <= utcnow()))


async def revoke(session: AsyncSession, token_hash: str) -> None:
    """End one session (nothing happens when it is unknown or already ended)."""
    await session.execute(
        update(StaffSession)
        .where(StaffSession.token_hash == token_hash, StaffSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


async def revoke_all_of(session: AsyncSession, user_id: str) -> int:
    """End every open session of a user; how many were open."""
    result = await session.execute(
        update(StaffSession)
        .where(
            StaffSession.user_id == user_id,
            StaffSession.revoked_at.is_(None),
            StaffSession.expires_at > utcnow(),
        )
        .values(revoked_at=utcnow())
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def add_failure(session: AsyncSession, key: str) -> None:
    """Count a failed login."""
    session.add(LoginFailure(key=key))
    await session.flush()


async def failures_since(session: AsyncSession, key: str, since: datetime) -> int:
    """Failed logins under `key` since a time."""
    result = await session.execute(
        select(func.count())
        .select_from(LoginFailure)
        .where(LoginFailure.key == key, LoginFailure.created_at >= since)
    )
    return int(result.scalar_one())


async def forget_failures(session: AsyncSession, key: str | None, before: datetime) -> None:
    """Drop failures under `key` (after a successful login), and everyone's older than `before`."""
    if key is not None:
        await session.execute(delete(LoginFailure).where(LoginFailure.key == key))
    await session.execute(delete(LoginFailure).where(LoginFailure.created_at < before))
