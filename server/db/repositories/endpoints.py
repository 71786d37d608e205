"""Connector endpoints: the HR systems events are delivered to (secrets stored sealed)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import Endpoint


async def add(session: AsyncSession, endpoint: Endpoint) -> Endpoint:
    """Insert an endpoint (its id is set on return)."""
    session.add(endpoint)
    await session.flush()
    return endpoint


async def get(session: AsyncSession, endpoint_id: str) -> Endpoint | None:
    """One endpoint by id."""
    return await session.get(Endpoint, endpoint_id)


async def list_all(session: AsyncSession) -> Sequence[Endpoint]:
    """Every endpoint, oldest first (the admin page's order)."""
    result = await session.execute(select(Endpoint).order_by(Endpoint.created_at))
    return result.scalars().all()


async def enabled(session: AsyncSession, kind: str | None = None) -> Sequence[Endpoint]:
    """Endpoints that take deliveries, optionally of one kind."""
    query = select(Endpoint).where(Endpoint.enabled)
    if kind is not None:
        query = query.where(Endpoint.kind == kind)
    return (await session.execute(query)).scalars().all()
