"""Book, move and cancel an interview's slot: the candidate from the status page, or HR.

Only an invitation sent with `scheduling="slot"` has slots; the deadline flow is untouched. Taking a
slot is one guarded write (`slot_booking`'s unique constraints), so of two candidates racing for one
slot the second is told it was just taken. On every change the invitation's `slot_at` and deadline
follow the slot, the unsent reminder is replaced by one an hour before the new time, and both people
get an e-mail with the calendar file (`slot_notices.py`).

| who       | book | move                                   | cancel |
|-----------|------|----------------------------------------|--------|
| candidate | yes  | up to `schedule_max_reschedules` times | yes    |
| HR        | yes  | any number of times                    | yes    |
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.models import Candidate, Interview, Invitation, Job, SlotBooking, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import availability as repo
from server.db.repositories import candidates as candidate_repo
from server.db.repositories import messages as message_repo
from server.db.repositories import users as user_repo
from server.errors import Conflict, InviteExpired, NotFound, Unprocessable
from server.schemas.scheduling import BookingIn, BookingOut, SlotOut, SlotsOut
from server.services import availability, messages
from server.services.interviews import get_visible
from server.services.invitations import SLOT_REMINDER_HOURS, policy_of
from server.services.invite_rules import aware, reminder_times
from server.services.slot_notices import Change, Parties, notify
from server.services.slots import SlotError, find_slot, local_label, zone
from server.settings import Settings

GRACE = timedelta(hours=1)  # the link keeps opening this long after the slot ends
INTERVIEWER_REMINDER = "slot_interviewer_reminder"


async def _invitation(session: AsyncSession, interview: Interview) -> Invitation:
    if interview.status in ("finished", "cancelled"):
        raise Conflict(f"the interview is {interview.status}; its time can no longer change")
    if interview.status in ("live", "interrupted"):
        raise Conflict("the interview has started; its time can no longer change")
    invitation = await message_repo.active_invitation(session, interview.id)
    if invitation is None or invitation.status != "active" or invitation.scheduling != "slot":
        raise Conflict("this interview has a deadline, not slots to pick from")
    return invitation


async def _out(session: AsyncSession, booking: SlotBooking, settings: Settings) -> BookingOut:
    who = await user_repo.get(session, booking.interviewer_id)
    return BookingOut(
        starts_at=aware(booking.starts_at),
        ends_at=aware(booking.ends_at),
        interviewer_name=who.name if who else "",
        sequence=booking.sequence,
        reschedules_left=max(0, settings.schedule_max_reschedules - booking.reschedules),
    )


async def slots(
    session: AsyncSession, interview: Interview, job: Job, settings: Settings, now: datetime | None = None
) -> SlotsOut:
    """The free slots for this interview, and the one it has booked."""
    now = now or utcnow()
    await _invitation(session, interview)
    free = await availability.open_slots(session, job, now)
    booking = await repo.booking_of(session, interview.id)
    return SlotsOut(
        slots=[
            SlotOut(availability_id=s.availability_id, starts_at=s.starts_at, ends_at=s.ends_at) for s in free
        ],
        booked=await _out(session, booking, settings) if booking else None,
    )


def _zone_name(name: str | None, fallback: str) -> str:
    if not name:
        return fallback
    try:
        zone(name)
    except SlotError:
        return fallback
    return name


async def book(
    session: AsyncSession,
    interview: Interview,
    job: Job,
    candidate: Candidate,
    body: BookingIn,
    actor: str,
    settings: Settings,
    now: datetime | None = None,
) -> BookingOut:
    """Take the slot (or move the booked one to it); both people are notified."""
    now = now or utcnow()
    invitation = await _invitation(session, interview)
    if invitation.slot_at is None and invitation.deadline_at and aware(invitation.deadline_at) <= now:
        raise InviteExpired("the time to pick a slot has passed; you can ask for a new link on this page")
    found = (await availability.windows_for(session, job, now)).get(body.availability_id)
    if found is None:
        raise NotFound("that slot is no longer offered; please pick another")
    window, interviewer = found
    slot = find_slot(availability.window_of(window), aware(body.starts_at))
    if slot is None:
        raise Unprocessable("that is not one of the offered slots; pick one from the list")
    if slot.starts_at <= now:
        raise Unprocessable("that slot has already begun; pick a later one")
    booking = await repo.booking_of(session, interview.id)
    previous: tuple[datetime, str] | None = None
    if booking is None:
        tz = _zone_name(body.timezone, "UTC")
        booking = SlotBooking(
            interview_id=interview.id,
            availability_id=window.id,
            interviewer_id=window.interviewer_id,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            candidate_timezone=tz,
            sequence=0,
            reschedules=0,
        )
        taken = await repo.insert_booking(session, booking)
    else:
        if aware(booking.starts_at) == slot.starts_at and booking.interviewer_id == window.interviewer_id:
            return await _out(session, booking, settings)  # the same slot again: nothing changes
        if actor == "candidate" and booking.reschedules >= settings.schedule_max_reschedules:
            raise Conflict(
                f"this interview has been moved {booking.reschedules} times, the most allowed; "
                "please contact the recruiter"
            )
        previous = (aware(booking.starts_at), booking.interviewer_id)
        taken = await repo.move_booking(session, booking, window.id, slot.starts_at, slot.ends_at)
        booking.candidate_timezone = _zone_name(body.timezone, booking.candidate_timezone)
    if not taken:
        raise Conflict("this slot was just taken by someone else; please pick another")
    await _follow(session, invitation, booking, now)
    zone_name = window.timezone
    await _remind_interviewer(session, invitation, booking, job, interviewer, zone_name, settings, now)
    parties = Parties(interview, invitation, job, candidate, interviewer, window.timezone)
    old = await _old_interviewer(session, previous, parties, window.interviewer_id)
    change: Change = "moved" if previous else "booked"
    await notify(session, change, booking, parties, settings, now, previous[0] if previous else None, old)
    await audit_repo.audit(
        session, actor, f"slot.{change}", interview.id, starts_at=slot.starts_at.isoformat()
    )
    return await _out(session, booking, settings)


async def _old_interviewer(
    session: AsyncSession, previous: tuple[datetime, str] | None, parties: Parties, now_with: str
) -> Parties | None:
    """The interviewer a move took the interview away from (they get the cancellation)."""
    if previous is None or previous[1] == now_with:
        return None
    who = await user_repo.get(session, previous[1])
    if who is None:
        return None
    return Parties(parties.interview, parties.invitation, parties.job, parties.candidate, who, "UTC")


async def _follow(session: AsyncSession, invitation: Invitation, booking: SlotBooking, now: datetime) -> None:
    """The invitation's slot, deadline and reminder follow the booking."""
    start = aware(booking.starts_at)
    invitation.slot_at, invitation.deadline_at = start, aware(booking.ends_at) + GRACE
    await repo.cancel_reminders(session, invitation.id, "slot_reminder", "not sent: the slot moved")
    for at in reminder_times(now, None, start, SLOT_REMINDER_HOURS):
        await messages.queue(
            session,
            channel=invitation.channel,
            to=invitation.recipient,
            template="slot_reminder",
            language=invitation.language,
            params={"slot": local_label(start, booking.candidate_timezone)},
            interview_id=invitation.interview_id,
            invitation_id=invitation.id,
            kind="reminder",
            due_at=at,
        )


async def _remind_interviewer(
    session: AsyncSession,
    invitation: Invitation,
    booking: SlotBooking,
    job: Job,
    interviewer: User,
    zone: str,
    settings: Settings,
    now: datetime,
) -> None:
    """The interviewer's reminder an hour before, with the console link (replaced when the slot moves)."""
    await repo.cancel_reminders(session, invitation.id, INTERVIEWER_REMINDER, "not sent: the slot moved")
    start = aware(booking.starts_at)
    language = job.language if job.language in ("zh", "en") else "en"
    for at in reminder_times(now, None, start, SLOT_REMINDER_HOURS):
        await messages.queue(
            session,
            channel="email",
            to=interviewer.email,
            template=INTERVIEWER_REMINDER,
            language=language,
            params={
                "slot": local_label(start, zone),
                "job_title": job.title,
                "console": f"{settings.public_url.rstrip('/')}/console/{invitation.interview_id}",
            },
            interview_id=invitation.interview_id,
            invitation_id=invitation.id,
            kind="staff_reminder",  # not sent once the interview has finished or was cancelled
            due_at=at,
        )


async def _stop_reminders(session: AsyncSession, invitation_id: str, reason: str) -> None:
    for template in ("slot_reminder", INTERVIEWER_REMINDER):
        await repo.cancel_reminders(session, invitation_id, template, reason)


async def cancel(
    session: AsyncSession,
    interview: Interview,
    job: Job,
    candidate: Candidate,
    actor: str,
    settings: Settings,
    now: datetime | None = None,
) -> None:
    """Free the booked slot; both people get the cancellation and the candidate may pick again."""
    now = now or utcnow()
    invitation = await _invitation(session, interview)
    booking = await repo.booking_of(session, interview.id)
    if booking is None:
        raise NotFound("no slot is booked for this interview")
    window = await repo.get(session, booking.availability_id)
    interviewer = await user_repo.get(session, booking.interviewer_id)
    if interviewer is not None:
        parties = Parties(
            interview, invitation, job, candidate, interviewer, window.timezone if window else "UTC"
        )
        await notify(session, "cancelled", booking, parties, settings, now)
    await repo.delete_booking(session, booking)
    policy = await policy_of(session, job, settings)
    invitation.slot_at = None
    invitation.deadline_at = now + timedelta(hours=policy.window_hours)
    await _stop_reminders(session, invitation.id, "not sent: the slot was cancelled")
    await audit_repo.audit(session, actor, "slot.cancelled", interview.id)


async def release(session: AsyncSession, interview: Interview, job: Job, settings: Settings) -> None:
    """The interview is cancelled: its slot is freed and both people get the calendar cancellation."""
    held = await repo.booking_of(session, interview.id)
    invitation = await message_repo.active_invitation(session, interview.id)
    candidate = await candidate_repo.get(session, interview.candidate_id)
    if held is None or invitation is None or candidate is None:
        return
    window = await repo.get(session, held.availability_id)
    interviewer = await user_repo.get(session, held.interviewer_id)
    if interviewer is not None:
        zone_name = window.timezone if window else "UTC"
        parties = Parties(interview, invitation, job, candidate, interviewer, zone_name)
        await notify(session, "cancelled", held, parties, settings, utcnow(), final=True)
    await _stop_reminders(session, invitation.id, "not sent: the interview was cancelled")
    await repo.delete_booking(session, held)


async def _visible(session: AsyncSession, user: User, interview_id: str) -> tuple[Interview, Job, Candidate]:
    interview, job = await get_visible(session, user, interview_id)
    candidate = await candidate_repo.get(session, interview.candidate_id)
    if candidate is None:
        raise NotFound("no such interview")
    return interview, job, candidate


async def slots_for_staff(
    session: AsyncSession, user: User, interview_id: str, settings: Settings
) -> SlotsOut:
    """HR's view of the free slots of an interview they may see."""
    interview, job, _candidate = await _visible(session, user, interview_id)
    return await slots(session, interview, job, settings)


async def book_for_staff(
    session: AsyncSession, user: User, interview_id: str, body: BookingIn, settings: Settings
) -> BookingOut:
    """HR books or moves the slot for the candidate (no limit on moves)."""
    interview, job, candidate = await _visible(session, user, interview_id)
    return await book(session, interview, job, candidate, body, user.email, settings)


async def cancel_for_staff(session: AsyncSession, user: User, interview_id: str, settings: Settings) -> None:
    """HR cancels the booked slot."""
    interview, job, candidate = await _visible(session, user, interview_id)
    await cancel(session, interview, job, candidate, user.email, settings)
