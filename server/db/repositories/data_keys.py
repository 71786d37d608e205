"""Wrapped data keys in SQL.

`find` and `insert_if_absent` are synchronous: the sealing hooks call them from inside a flush or a
load (server/db/sealing.py), where SQLAlchemy runs the ORM's synchronous session on the async driver.
A key is created by whichever transaction first needs it; concurrent first writers race harmlessly
(INSERT ... ON CONFLICT DO NOTHING, then read the winner's key).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from server.db.base import utcnow
from server.db.models import DataKey


def find(session: Session, scope: str) -> tuple[bytes, str] | None:
    """The wrapped key of `scope` and its master key id, if one was made."""
    row = session.execute(
        select(DataKey.wrapped, DataKey.master_key_id).where(DataKey.scope == scope)
    ).one_or_none()
    return (bytes(row[0]), row[1]) if row is not None else None


def insert_if_absent(session: Session, scope: str, wrapped: bytes, master_key_id: str) -> None:
    """Store a new wrapped key unless `scope` has one already."""
    values = {"scope": scope, "wrapped": wrapped, "master_key_id": master_key_id, "created_at": utcnow()}
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(DataKey).values(**values).on_conflict_do_nothing(index_elements=["scope"]))


async def count_by_master_key(session: AsyncSession) -> dict[str, int]:
    """How many data keys each master key wraps (by key id)."""
    result = await session.execute(
        select(DataKey.master_key_id, func.count()).group_by(DataKey.master_key_id)
    )
    return {key_id: count for key_id, count in result.all()}


async def sample(session: AsyncSession, master_key_id: str) -> bytes | None:
    """One key wrapped by `master_key_id` (to prove at start-up that the key unwraps it)."""
    result = await session.execute(
        select(DataKey.wrapped).where(DataKey.master_key_id == master_key_id).limit(1)
    )
    wrapped = result.scalar_one_or_none()
    return bytes(wrapped) if wrapped is not None else None


async def wrapped_by(session: AsyncSession, master_key_id: str, limit: int) -> Sequence[tuple[str, bytes]]:
    """Up to `limit` keys still wrapped by `master_key_id` (a rotation's next batch)."""
    result = await session.execute(
        select(DataKey.scope, DataKey.wrapped)
        .where(DataKey.master_key_id == master_key_id)
        .order_by(DataKey.scope)
        .limit(limit)
    )
    return [(scope, bytes(wrapped)) for scope, wrapped in result.all()]


async def rewrap(session: AsyncSession, scope: str, old_id: str, wrapped: bytes, new_id: str) -> bool:
    """Replace a key's wrapping, unless someone else already did (then nothing changes)."""
    result = await session.execute(
        update(DataKey)
        .where(DataKey.scope == scope, DataKey.master_key_id == old_id)
        .values(wrapped=wrapped, master_key_id=new_id, rewrapped_at=utcnow())
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def destroy(session: AsyncSession, scopes: Sequence[str]) -> None:
    """Delete the keys of these scopes (crypto-shredding: what they sealed is unreadable from now on)."""
    await session.execute(delete(DataKey).where(DataKey.scope.in_(scopes)))
