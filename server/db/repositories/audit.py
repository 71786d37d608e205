"""The audit trail: append-only rows of who did what, and when.

Its own repository because every part of the server writes to it (logins, jobs, connectors, calls),
not only interviews.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import AuditEvent


async def audit(
    session: AsyncSession, actor: str, action: str, interview_id: str | None = None, **detail: Any
) -> None:
    """Append to the audit trail, in the caller's transaction."""
    session.add(AuditEvent(actor=actor, action=action, interview_id=interview_id, detail=detail))
    await session.flush()


async def audit_trail(session: AsyncSession, interview_id: str) -> Sequence[AuditEvent]:
    """The interview's audit trail, oldest first."""
    result = await session.execute(
        select(AuditEvent).where(AuditEvent.interview_id == interview_id).order_by(AuditEvent.created_at)
    )
    return result.scalars().all()


async def forget_details(session: AsyncSession, interview_ids: Sequence[str]) -> None:
    """Keep who did what and when to these interviews, but not what was said or written (erasure)."""
    await session.execute(
        update(AuditEvent).where(AuditEvent.interview_id.in_(interview_ids)).values(detail={"erased": True})
    )
