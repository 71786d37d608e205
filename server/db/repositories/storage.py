"""The database's own files: after an erasure, no copy of deleted rows may linger on disk.

SQLite runs with `secure_delete` (freed pages are zeroed) and in WAL mode, where the write-ahead log
still holds the pages as they were until a checkpoint; a TRUNCATE checkpoint copies them back and
empties the log. PostgreSQL keeps dead row versions until VACUUM (autovacuum, or the operator).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker


async def scrub(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Flush SQLite's write-ahead log into the (zeroed) database file and empty it."""
    async with sessions() as session:
        if session.get_bind().dialect.name == "sqlite":
            await session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
