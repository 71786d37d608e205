"""Interviewers' availability windows and booked slots in SQL.

Booking relies on the table's unique constraints (interviewer and start; one per interview): the
insert or update is flushed in a SAVEPOINT, so a lost race answers `False` and the request's
transaction carries on to say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import Availability, CandidateMessage, SlotBooking, User


async def add(session: AsyncSession, row: Availability) -> Availability:
    """Insert a window."""
    session.add(row)
    await session.flush()
    return row


async def get(session: AsyncSession, availability_id: str) -> Availability | None:
    """One window."""
    return await session.get(Availability, availability_id)


async def remove(session: AsyncSession, row: Availability) -> None:
    """Delete a window (the caller has checked that nothing is booked in it)."""
    await session.delete(row)
    await session.flush()


async def of_interviewer(
    session: AsyncSession, interviewer_id: str, after: datetime
) -> Sequence[Availability]:
    """An interviewer's windows that end after `after`, soonest first."""
    rows = await session.execute(
        select(Availability)
        .where(Availability.interviewer_id == interviewer_id, Availability.ends_at > after)
        .order_by(Availability.starts_at)
    )
    return rows.scalars().all()


async def open_windows(
    session: AsyncSession, after: datetime, limit: int = 500
) -> Sequence[tuple[Availability, User]]:
    """Windows of active accounts that end after `after`, with their interviewer, soonest first."""
    rows = await session.execute(
        select(Availability, User)
        .join(User, User.id == Availability.interviewer_id)
        .where(Availability.ends_at > after, User.active.is_(True))
        .order_by(Availability.starts_at)
        .limit(limit)
    )
    return [(a, u) for a, u in rows.all()]


async def booked_starts(session: AsyncSession, interviewer_ids: Sequence[str]) -> list[tuple[str, datetime]]:
    """(interviewer, start) of every booked slot of these interviewers."""
    if not interviewer_ids:
        return []
    rows = await session.execute(
        select(SlotBooking.interviewer_id, SlotBooking.starts_at).where(
            SlotBooking.interviewer_id.in_(interviewer_ids)
        )
    )
    return [(who, at) for who, at in rows.all()]


async def bookings_in(session: AsyncSession, availability_id: str) -> int:
    """How many slots of a window are booked."""
    rows = await session.execute(select(SlotBooking.id).where(SlotBooking.availability_id == availability_id))
    return len(rows.all())


async def booking_of(session: AsyncSession, interview_id: str) -> SlotBooking | None:
    """The slot an interview has booked."""
    rows = await session.execute(select(SlotBooking).where(SlotBooking.interview_id == interview_id))
    return rows.scalars().first()


async def insert_booking(session: AsyncSession, row: SlotBooking) -> bool:
    """Take a slot; False when it (or a slot for this interview) is already taken."""
    try:
        async with session.begin_nested():
            session.add(row)
            await session.flush()
    except IntegrityError:
        return False
    return True


async def move_booking(
    session: AsyncSession, row: SlotBooking, availability_id: str, starts_at: datetime, ends_at: datetime
) -> bool:
    """Move a booking to another slot (the same interviewer's or another's); False if that one is taken."""
    interviewer = await session.get(Availability, availability_id)
    if interviewer is None:
        return False
    try:
        async with session.begin_nested():
            await session.execute(
                update(SlotBooking)
                .where(SlotBooking.id == row.id)
                .values(
                    availability_id=availability_id,
                    interviewer_id=interviewer.interviewer_id,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    sequence=SlotBooking.sequence + 1,
                    reschedules=SlotBooking.reschedules + 1,
                )
            )
    except IntegrityError:
        return False
    await session.refresh(row)
    return True


async def delete_booking(session: AsyncSession, row: SlotBooking) -> None:
    """Free the slot."""
    await session.execute(delete(SlotBooking).where(SlotBooking.id == row.id))


async def cancel_reminders(session: AsyncSession, invitation_id: str, template: str, reason: str) -> None:
    """Stop the unsent reminders of a slot that moved or was cancelled."""
    await session.execute(
        update(CandidateMessage)
        .where(
            CandidateMessage.invitation_id == invitation_id,
            CandidateMessage.template == template,
            CandidateMessage.status == "pending",
        )
        .values(status="cancelled", last_error=reason, claim=None, locked_until=None)
    )
