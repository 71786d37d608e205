"""Interviewers publish availability windows; the slots of a job are cut from those who may see it.

Scoping follows `server/services/scope.py`: an interviewer's windows serve the jobs they may see (their
department's, or those without one when they have none), so a candidate is only ever offered a time
with an interviewer allowed to see their interview. Who sees which windows:

| viewer                   | windows listed                                   |
|--------------------------|--------------------------------------------------|
| interviewer              | their own                                        |
| HR of a department       | those published by that department's staff       |
| HR without one, admin    | every window                                     |
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.models import Availability, Job, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import availability as repo
from server.errors import Conflict, NotFound, Unprocessable
from server.schemas.scheduling import AvailabilityIn, AvailabilityOut
from server.services.invite_rules import aware
from server.services.scope import visible_to
from server.services.slots import Slot, SlotError, Window, free_slots, overlaps, to_utc, zone

MAX_WINDOW = timedelta(days=14)
HORIZON = timedelta(days=60)  # no window further ahead than this


def window_of(row: Availability) -> Window:
    """A stored window as the pure slot rules take it."""
    return Window(row.id, row.interviewer_id, aware(row.starts_at), aware(row.ends_at), row.slot_minutes)


def _out(row: Availability, who: User, booked: int) -> AvailabilityOut:
    return AvailabilityOut(
        id=row.id,
        interviewer=who.email,
        interviewer_name=who.name,
        department=row.department,
        starts_at=aware(row.starts_at),
        ends_at=aware(row.ends_at),
        timezone=row.timezone,
        slot_minutes=row.slot_minutes,
        booked=booked,
    )


async def publish(
    session: AsyncSession, user: User, body: AvailabilityIn, now: datetime | None = None
) -> AvailabilityOut:
    """Add a window for `user`; refused if it is past, too long, too far ahead, or overlaps their own."""
    now = now or utcnow()
    try:
        zone(body.timezone)
        start, end = to_utc(body.starts_at, body.timezone), to_utc(body.ends_at, body.timezone)
        window = Window("new", user.id, start, end, body.slot_minutes)
    except SlotError as exc:
        raise Unprocessable(str(exc)) from exc
    if end <= now:
        raise Unprocessable("the window is in the past")
    if end - start > MAX_WINDOW:
        raise Unprocessable("a window lasts at most 14 days; publish several")
    if start > now + HORIZON:
        raise Unprocessable("a window starts at most 60 days ahead")
    if end - start < timedelta(minutes=window.slot_minutes):
        raise Unprocessable("the window is shorter than one slot")
    for other in await repo.of_interviewer(session, user.id, now):
        if overlaps(start, end, aware(other.starts_at), aware(other.ends_at)):
            raise Conflict("this window overlaps one you published already; change or remove that one")
    row = await repo.add(
        session,
        Availability(
            interviewer_id=user.id,
            department=user.department,
            starts_at=start,
            ends_at=end,
            timezone=body.timezone,
            slot_minutes=body.slot_minutes,
        ),
    )
    await audit_repo.audit(session, user.email, "availability.published", None, availability_id=row.id)
    return _out(row, user, 0)


def _sees(viewer: User, row: Availability) -> bool:
    if viewer.role == "admin" or (viewer.role == "hr" and viewer.department is None):
        return True
    if viewer.role == "hr":
        return row.department == viewer.department
    return row.interviewer_id == viewer.id


async def listed(session: AsyncSession, viewer: User, now: datetime | None = None) -> list[AvailabilityOut]:
    """Windows not yet over that the viewer may see (the module's table)."""
    rows = await repo.open_windows(session, now or utcnow())
    return [_out(a, u, await repo.bookings_in(session, a.id)) for a, u in rows if _sees(viewer, a)]


async def withdraw(session: AsyncSession, user: User, availability_id: str) -> None:
    """Remove one of one's windows (an admin: anyone's); refused while a slot in it is booked."""
    row = await repo.get(session, availability_id)
    if row is None or (row.interviewer_id != user.id and user.role != "admin"):
        raise NotFound("no such availability window")
    if await repo.bookings_in(session, row.id):
        raise Conflict("a candidate has booked a slot in this window; cancel or move that interview first")
    await repo.remove(session, row)
    await audit_repo.audit(session, user.email, "availability.withdrawn", None, availability_id=row.id)


async def windows_for(session: AsyncSession, job: Job, now: datetime) -> dict[str, tuple[Availability, User]]:
    """The open windows of interviewers who may see `job`, by id."""
    rows = await repo.open_windows(session, now)
    return {a.id: (a, u) for a, u in rows if u.role in ("interviewer", "admin") and visible_to(u, job)}


async def open_slots(session: AsyncSession, job: Job, now: datetime) -> list[Slot]:
    """The free slots a candidate for `job` may pick, soonest first."""
    windows = await windows_for(session, job, now)
    people = sorted({a.interviewer_id for a, _u in windows.values()})
    booked = await repo.booked_starts(session, people)
    return free_slots((window_of(a) for a, _u in windows.values()), ((w, aware(t)) for w, t in booked), now)
