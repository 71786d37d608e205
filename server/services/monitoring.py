"""Readiness and the metric levels, read from the live calls, the recognisers and the outbox."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from server.db.repositories import outbox as outbox_repo
from server.errors import Busy
from server.observability.metrics import LiveLevels, Metrics
from server.observability.readiness import Readiness, ReadyState
from server.services.calls import CallRuntime
from server.services.health import PING_TIMEOUT_S

log = logging.getLogger(__name__)


def ready_state(calls: CallRuntime, readiness: Readiness) -> ReadyState:
    """Judge this instance by its live calls' latest recognition lags and its recognisers' queue."""
    lags = [m["final_lag_s"] for m in calls.peers.metrics().values() if m.get("final_lag_s") is not None]
    depth = sum(calls.models.recognizers.queue_depth().values())
    return readiness.check(lags, depth)


def refuse_unless_ready(calls: CallRuntime, readiness: Readiness, metrics: Metrics) -> None:
    """Raise Busy (503) with a message a candidate understands when this instance takes no new calls."""
    state = ready_state(calls, readiness)
    if not state.ready:
        metrics.webrtc_failure("not_ready")
        raise Busy(
            "the interview server is busy right now and cannot start your call; please try again in a "
            "few minutes (your answers so far are kept)"
        )


async def refresh_levels(
    metrics: Metrics, calls: CallRuntime, readiness: Readiness, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Read the levels the next scrape reports (the outbox figures from the database)."""
    state = ready_state(calls, readiness)
    pending, age = await _outbox(sessions)
    lags = [m["final_lag_s"] for m in calls.peers.metrics().values() if m.get("final_lag_s") is not None]
    metrics.levels = LiveLevels(
        live_calls=len(calls.peers),
        queue_depth=calls.models.recognizers.queue_depth(),
        lags_s=lags,
        lag_p95_s=state.lag_p95_s,
        ready=state.ready,
        outbox_pending=pending,
        outbox_oldest_age_s=age,
    )


async def _outbox(sessions: async_sessionmaker[AsyncSession]) -> tuple[int | None, float | None]:
    """Undelivered deliveries and the oldest one's age; (None, None) when the database does not answer.

    The live figures are still worth a scrape while the database is down (/healthz reports that).
    """
    try:
        async with asyncio.timeout(PING_TIMEOUT_S), sessions() as session:
            pending, oldest = await outbox_repo.backlog(session)
    except Exception:  # refused, timed out, dropped: reported by /healthz, left out here
        log.warning("metrics: the outbox backlog could not be read")
        return None, None
    if oldest is None:
        return pending, 0.0
    oldest = oldest if oldest.tzinfo else oldest.replace(tzinfo=UTC)  # SQLite returns naive UTC
    return pending, max(0.0, (datetime.now(UTC) - oldest).total_seconds())
