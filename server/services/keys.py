"""Master key rotation: every data key re-wrapped by the new master key, online, batch by batch.

Only the wrapping changes (40 bytes per interview); recordings and rows stay as they are. Servers run
meanwhile with both keys (`INTERVIEW_MASTER_KEY` new, `INTERVIEW_MASTER_KEY_PREVIOUS` old): they unwrap
with whichever key a data key names and wrap new data keys with the new one, so each batch commits on its
own and nothing waits. A key already re-wrapped (by a second rotation run) is skipped, not re-wrapped.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from server.db.repositories import data_keys
from server.errors import Conflict
from server.keys.vault import Vault


@dataclass(frozen=True)
class Rotation:
    """What a rotation did: keys re-wrapped, from which master key to which."""

    rewrapped: int
    old_key_id: str
    new_key_id: str


async def key_status(sessions: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    """Data keys per master key id."""
    async with sessions() as session:
        return await data_keys.count_by_master_key(session)


async def rotate(sessions: async_sessionmaker[AsyncSession], vault: Vault, batch: int = 500) -> Rotation:
    """Re-wrap every data key still wrapped by the previous master key with the current one."""
    previous = vault.keys.previous
    if previous is None:
        raise Conflict(
            "nothing to rotate from: give the old key as INTERVIEW_MASTER_KEY_PREVIOUS (or _FILE) and the "
            "new one as INTERVIEW_MASTER_KEY"
        )
    done = 0
    while True:
        async with sessions.begin() as session:
            rows = await data_keys.wrapped_by(session, previous.key_id, batch)
            for scope, wrapped in rows:
                rewrapped = vault.wrap(vault.unwrap(wrapped, previous.key_id))
                done += await data_keys.rewrap(
                    session, scope, previous.key_id, rewrapped, vault.master_key_id
                )
        if len(rows) < batch:
            return Rotation(done, previous.key_id, vault.master_key_id)
