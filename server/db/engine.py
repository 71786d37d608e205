"""The async engine and session factory, created by the app's lifespan (never at import time)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry

from server.db.sealing import SealingSession
from server.keys.vault import Vault


def _sqlite_pragmas(dbapi_connection: object, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA secure_delete=ON")  # erased rows are zeroed on disk, not left in free pages
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(
        "PRAGMA synchronous=NORMAL"
    )  # WAL + NORMAL: safe against process crashes, far fewer fsyncs
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """Create the engine; SQLite gets WAL and enforced foreign keys. `kwargs` go to SQLAlchemy."""
    engine = create_async_engine(url, pool_pre_ping=not url.startswith("sqlite"), **kwargs)
    if url.startswith("sqlite"):
        sync_engine: Engine = engine.sync_engine
        event.listen(sync_engine, "connect", _sqlite_pragmas)
    return engine


def make_sessionmaker(engine: AsyncEngine, vault: Vault | None = None) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit.

    With a `vault` (the server and its commands always pass one) the columns that hold a candidate's
    words are sealed on flush and opened on load (server/db/sealing.py). Without one, values are
    stored and read as they are: for tests and tools that look at the raw rows.
    """
    if vault is None:
        return async_sessionmaker(engine, expire_on_commit=False)
    return async_sessionmaker(
        engine, expire_on_commit=False, sync_session_class=SealingSession, info={"vault": vault}
    )
