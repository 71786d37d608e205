"""A candidate joining an interview again: the earlier calls closed, the gap marked, never filled in.

A call that ended by a server crash left its recording row open (no end, no duration) though its
fragmented MP4 plays up to the crash; it is closed here from the file itself. The reviewer then sees a
`reconnected` flag saying how long the candidate was away and how the previous call ended; the
recordings stay separate files, so nothing is stitched or invented across the gap.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from server.db.base import utcnow
from server.db.models import Recording
from server.services.media import media_duration


def _aware(moment: datetime) -> datetime:
    """SQLite gives naive datetimes back; every stored time is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=utcnow().tzinfo)


async def close_crashed(recordings: Sequence[Recording], key: bytes) -> int:
    """Give recordings left open by a crash their duration (read from the file) and end; how many."""
    closed = 0
    for row in recordings:
        if row.ended_at is not None:
            continue
        duration = await asyncio.to_thread(media_duration, Path(row.path), key)
        row.duration_s = duration
        row.ended_at = _aware(row.created_at) + timedelta(seconds=duration or 0.0)
        closed += 1
    return closed


def gap_detail(earlier: Sequence[Recording], crashed: bool, recording_id: str) -> dict[str, Any]:
    """What the `reconnected` flag tells the reviewer: the gap since the last call and how it ended."""
    last = earlier[-1]
    # The gap runs from the last media recorded (a dead network's call closes seconds after its media
    # stopped) to this call's start.
    if last.duration_s is not None:
        ended = _aware(last.created_at) + timedelta(seconds=last.duration_s)
    else:
        ended = _aware(last.ended_at or last.created_at)
    return {
        "recording_id": recording_id,
        "previous_calls": len(earlier),
        "previous_recording_id": last.id,
        "gap_s": round(max(0.0, (utcnow() - ended).total_seconds()), 1),
        "previous_call_ended": "server stopped" if crashed else "disconnected",
    }
