"""The candidate's steps before the call, recorded for the drop-out report.

Opening the invite link (or the status page) and the device check leave no other trace, so they are
stamped on the interview: the first opening, the first passing device check (camera, microphone and
network all fine) and the latest failing one. The times only count; nothing else depends on them.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.models import Interview
from server.db.repositories import candidate_steps as repo
from server.schemas.candidate import DeviceCheckIn, DeviceCheckOut


async def opened(session: AsyncSession, interview: Interview) -> None:
    """Stamp the first time the candidate opened the link or the status page."""
    await repo.stamp_opened(session, interview, utcnow())


async def device_check(session: AsyncSession, interview: Interview, body: DeviceCheckIn) -> DeviceCheckOut:
    """Record the check's result: the first pass is kept, a failure is stamped each time."""
    passed = body.camera and body.microphone and body.network
    await repo.stamp_device_check(session, interview, passed, utcnow())
    return DeviceCheckOut(passed=passed)
