"""Processed inbound webhook messages."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import InboundMessage


async def find(session: AsyncSession, endpoint_id: str, message_id: str) -> InboundMessage | None:
    """The message with this `webhook-id` from this connector, if it was processed."""
    result = await session.execute(
        select(InboundMessage).where(
            InboundMessage.endpoint_id == endpoint_id, InboundMessage.message_id == message_id
        )
    )
    return result.scalar_one_or_none()


async def add(session: AsyncSession, message: InboundMessage) -> None:
    """Record a processed message (a concurrent duplicate fails on the unique key and rolls back)."""
    session.add(message)
    await session.flush()
