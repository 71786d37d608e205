"""Whether this process can serve: it is up, and its database answers.

A load balancer or orchestrator takes a process out of rotation on a non-2xx health check, so a server
whose database is gone must say so instead of answering "ok" and failing every real request.
"""

from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from server.db.repositories import health as repo

PING_TIMEOUT_S = 2.0


async def database_answers(
    sessions: async_sessionmaker[AsyncSession], timeout_s: float = PING_TIMEOUT_S
) -> bool:
    """True when a `SELECT 1` comes back within `timeout_s`."""
    try:
        async with asyncio.timeout(timeout_s), sessions() as session:
            await repo.ping(session)
    except Exception:  # any failure is "not ok": refused, timed out, authentication, a dropped socket
        return False
    return True
