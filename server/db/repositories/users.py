"""Staff accounts."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import User


async def by_email(session: AsyncSession, email: str) -> User | None:
    """The account with this email (case-insensitive)."""
    result = await session.execute(select(User).where(func.lower(User.email) == email.lower()))
    return result.scalar_one_or_none()


async def get(session: AsyncSession, user_id: str) -> User | None:
    """The account with this id."""
    return await session.get(User, user_id)


async def add(session: AsyncSession, user: User) -> User:
    """Insert an account."""
    session.add(user)
    await session.flush()
    return user


async def list_all(session: AsyncSession) -> Sequence[User]:
    """Every account, by e-mail."""
    result = await session.execute(select(User).order_by(func.lower(User.email)))
    return result.scalars().all()
