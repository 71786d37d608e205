"""The outbox in SQL.

Enqueue in the caller's transaction; claim with row locks (SKIP LOCKED on PostgreSQL, one atomic
UPDATE on SQLite) and a lease, so concurrent dispatchers never push the same delivery at once and a
crashed dispatcher's claims expire.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ehr_sync.model import Delivery as DeliveryItem
from server.db.base import new_id, utcnow
from server.db.models import Delivery, Endpoint, OutboxEvent


async def enqueue(
    session: AsyncSession, event_type: str, ordering_key: str, payload: dict[str, Any]
) -> OutboxEvent:
    """Write an event and one delivery per enabled endpoint, in the caller's transaction."""
    event = OutboxEvent(type=event_type, ordering_key=ordering_key, payload=payload)
    session.add(event)
    await session.flush()
    for endpoint_id in (await session.execute(select(Endpoint.id).where(Endpoint.enabled))).scalars():
        session.add(Delivery(event_seq=event.seq, endpoint_id=endpoint_id))
    await session.flush()
    return event


def _eligible(now: Any, limit: int) -> Any:
    d, e, en = Delivery.__table__, OutboxEvent.__table__, Endpoint.__table__
    d2, e2 = d.alias("earlier_d"), e.alias("earlier_e")
    earlier = (
        select(d2.c.id)
        .select_from(d2.join(e2, e2.c.seq == d2.c.event_seq))
        .where(
            d2.c.endpoint_id == d.c.endpoint_id,
            e2.c.ordering_key == e.c.ordering_key,
            d2.c.status == "pending",
            e2.c.seq < e.c.seq,
        )
        .exists()
    )
    return (
        select(d.c.id)
        .select_from(d.join(e, e.c.seq == d.c.event_seq).join(en, en.c.id == d.c.endpoint_id))
        .where(
            d.c.status == "pending",
            d.c.next_attempt_at <= now,
            en.c.enabled.is_(True),
            or_(d.c.locked_until.is_(None), d.c.locked_until < now),
            ~earlier,
        )
        .order_by(e.c.seq)
        .limit(limit)
    )


class SqlOutboxStore:
    """`ehr_sync.model.OutboxStore` on the server's database."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def claim(self, limit: int, lease_s: float) -> list[DeliveryItem]:
        """Lease up to `limit` due deliveries (one per endpoint and interview at a time)."""
        now = utcnow()
        token = new_id()
        lease = now + timedelta(seconds=lease_s)
        d = Delivery.__table__
        async with self._sessions.begin() as session:
            if session.get_bind().dialect.name == "postgresql":
                ids = (
                    await session.execute(_eligible(now, limit).with_for_update(of=d, skip_locked=True))
                ).scalars()
                claimed = list(ids)
                if claimed:
                    await session.execute(
                        update(Delivery)
                        .where(Delivery.id.in_(claimed))
                        .values(claim=token, locked_until=lease)
                    )
            else:
                await session.execute(
                    update(Delivery)
                    .where(
                        Delivery.id.in_(_eligible(now, limit).scalar_subquery()),
                        or_(Delivery.locked_until.is_(None), Delivery.locked_until < now),
                    )
                    .values(claim=token, locked_until=lease)
                )
            rows = (
                await session.execute(
                    select(Delivery, OutboxEvent)
                    .join(OutboxEvent, OutboxEvent.seq == Delivery.event_seq)
                    .where(Delivery.claim == token, Delivery.status == "pending")
                    .order_by(OutboxEvent.seq)
                )
            ).all()
        return [
            DeliveryItem(
                dl.id, ev.type, {"event_id": ev.id, **ev.payload}, dl.endpoint_id, dl.attempts, ev.created_at
            )
            for dl, ev in rows
        ]

    async def _update(self, delivery: DeliveryItem, **values: Any) -> None:
        async with self._sessions.begin() as session:
            await session.execute(
                update(Delivery)
                .where(Delivery.id == delivery.id)
                .values(attempts=Delivery.attempts + 1, locked_until=None, claim=None, **values)
            )

    async def delivered(self, delivery: DeliveryItem, status: int | None) -> None:
        """Record success."""
        await self._update(
            delivery, status="delivered", delivered_at=utcnow(), last_status=status, last_error=None
        )

    async def retry_later(
        self, delivery: DeliveryItem, delay_s: float, status: int | None, error: str
    ) -> None:
        """Record a failure and the next attempt time."""
        await self._update(
            delivery,
            next_attempt_at=utcnow() + timedelta(seconds=delay_s),
            last_status=status,
            last_error=error[:500],
        )

    async def defer(self, delivery: DeliveryItem, delay_s: float, reason: str) -> None:
        """Release the claim and try again after `delay_s`, without counting an attempt."""
        async with self._sessions.begin() as session:
            await session.execute(
                update(Delivery)
                .where(Delivery.id == delivery.id)
                .values(
                    locked_until=None,
                    claim=None,
                    next_attempt_at=utcnow() + timedelta(seconds=delay_s),
                    last_error=reason[:500],
                )
            )

    async def dead_letter(self, delivery: DeliveryItem, status: int | None, error: str) -> None:
        """Give up (replayable by hand)."""
        await self._update(delivery, status="dead", last_status=status, last_error=error[:500])

    async def action_required(self, delivery: DeliveryItem, message: str) -> None:
        """The other system cannot do this through its API: a person must (the log says what)."""
        await self._update(delivery, status="action_required", last_error=message[:500])

    async def disable_endpoint(self, endpoint_id: str, reason: str) -> None:
        """Stop delivering to an endpoint."""
        async with self._sessions.begin() as session:
            await session.execute(
                update(Endpoint)
                .where(Endpoint.id == endpoint_id)
                .values(enabled=False, disabled_reason=reason[:300])
            )


async def deliveries(session: AsyncSession, status: str | None = None, limit: int = 200) -> Sequence[Any]:
    """The delivery log, newest first, with each event's type."""
    query = (
        select(Delivery, OutboxEvent.type, OutboxEvent.ordering_key)
        .join(OutboxEvent, OutboxEvent.seq == Delivery.event_seq)
        .order_by(Delivery.created_at.desc())
        .limit(limit)
    )
    if status:
        query = query.where(Delivery.status == status)
    return (await session.execute(query)).all()


async def replay(session: AsyncSession, delivery_id: str) -> bool:
    """Put a delivery (e.g. a dead letter) back in the queue, due now."""
    result = await session.execute(
        update(Delivery)
        .where(and_(Delivery.id == delivery_id, Delivery.status != "pending"))
        .values(status="pending", attempts=0, next_attempt_at=utcnow(), locked_until=None, claim=None)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def withdraw(session: AsyncSession, ordering_keys: Sequence[str], reason: str) -> None:
    """Stop the pending deliveries of these interviews' events and clear the stored payloads (erasure)."""
    events = select(OutboxEvent.seq).where(OutboxEvent.ordering_key.in_(ordering_keys))
    await session.execute(
        update(Delivery)
        .where(Delivery.event_seq.in_(events), Delivery.status == "pending")
        .values(status="dead", last_error=reason)
    )
    await session.execute(
        update(OutboxEvent)
        .where(OutboxEvent.ordering_key.in_(ordering_keys))
        .values(payload={"erased": True})
    )


async def backlog(session: AsyncSession) -> tuple[int, datetime | None]:
    """Deliveries not yet delivered (pending), and when the oldest of their events was written."""
    query = (
        select(func.count(Delivery.id), func.min(OutboxEvent.created_at))
        .join(OutboxEvent, OutboxEvent.seq == Delivery.event_seq)
        .where(Delivery.status == "pending")
    )
    count, oldest = (await session.execute(query)).one()
    return int(count or 0), oldest
