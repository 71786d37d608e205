"""The audit trail: append-only, hash-chained rows of who did what, and when.

Its own repository because every part of the server writes to it (logins, jobs, connectors, calls),
not only interviews. Appending takes the chain's head row with an UPDATE first, which locks it until
the transaction ends (a row lock on PostgreSQL, the write lock on SQLite), so concurrent writers queue
instead of forking the chain. Nothing here updates or deletes a row, except `redact` for erasure.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.chain import GENESIS, REDACTED, detail_hash, row_hash
from server.db.models import AuditEvent, AuditHead

HEAD_ID = 1


async def _take_head(session: AsyncSession) -> AuditHead:
    taken = await session.execute(update(AuditHead).where(AuditHead.id == HEAD_ID).values(seq=AuditHead.seq))
    if not taken.rowcount:  # type: ignore[attr-defined]  # a database made without the migration's row
        session.add(AuditHead(id=HEAD_ID, seq=0, hash=GENESIS))
        await session.flush()
    head = await session.get(AuditHead, HEAD_ID, populate_existing=True)
    assert head is not None
    return head


async def audit(
    session: AsyncSession, actor: str, action: str, interview_id: str | None = None, **detail: Any
) -> None:
    """Append to the audit trail, in the caller's transaction."""
    head = await _take_head(session)
    seq, created_at, digest = head.seq + 1, utcnow(), detail_hash(detail)
    link = row_hash(head.hash, seq, created_at, actor, action, interview_id, digest)
    session.add(
        AuditEvent(
            seq=seq,
            created_at=created_at,
            actor=actor,
            action=action,
            interview_id=interview_id,
            detail=detail,
            detail_hash=digest,
            prev_hash=head.hash,
            hash=link,
        )
    )
    head.seq, head.hash = seq, link
    await session.flush()


async def audit_trail(session: AsyncSession, interview_id: str) -> Sequence[AuditEvent]:
    """The interview's audit trail, oldest first."""
    result = await session.execute(
        select(AuditEvent).where(AuditEvent.interview_id == interview_id).order_by(AuditEvent.seq)
    )
    return result.scalars().all()


async def chain(session: AsyncSession, batch: int = 1000) -> AsyncIterator[AuditEvent]:
    """Every row in chain order, read in batches (for export and verification)."""
    after = 0
    while True:
        result = await session.execute(
            select(AuditEvent).where(AuditEvent.seq > after).order_by(AuditEvent.seq).limit(batch)
        )
        rows = result.scalars().all()
        for row in rows:
            yield row
        if len(rows) < batch:
            return
        after = rows[-1].seq


async def head(session: AsyncSession) -> tuple[int, str]:
    """The chain's last sequence number and hash."""
    row = await session.get(AuditHead, HEAD_ID)
    return (row.seq, row.hash) if row is not None else (0, GENESIS)


async def redact(session: AsyncSession, interview_ids: Sequence[str]) -> None:
    """Erasure: drop what was said or written about these interviews, keep who did what and when.

    The detail's hash stays, so the chain still verifies; the only update the audit trail allows.
    """
    await session.execute(
        update(AuditEvent)
        .where(AuditEvent.interview_id.in_(interview_ids))
        .values(detail=REDACTED, redacted=True)
    )
