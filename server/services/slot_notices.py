"""What a booked, moved or cancelled slot sends: e-mails with an ICS file to candidate and interviewer.

They go through the candidate-message outbox, written in the booking's transaction.

Both calendar files carry the booking's UID; a move sends SEQUENCE+1 (the calendar replaces the entry),
a cancellation METHOD:CANCEL with SEQUENCE+1 of the last request (the calendar removes it). An
interviewer who is no longer on the moved interview gets the cancellation. Times in the text are
written in each reader's zone (the candidate's browser zone, the interviewer's published one); the
ICS file holds UTC, which every calendar shows in its own zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.utils import parseaddr
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import Candidate, Interview, Invitation, Job, SlotBooking, User
from server.services import messages
from server.services.ics import Event, Person, calendar
from server.services.invite_rules import aware
from server.services.slots import local_label
from server.settings import Settings

Change = Literal["booked", "moved", "cancelled"]
CHANGE_WORDS: dict[tuple[Change, str], str] = {
    ("booked", "en"): "New interview",
    ("booked", "zh"): "新面试预约",
    ("moved", "en"): "Interview moved",
    ("moved", "zh"): "面试时间变更",
    ("cancelled", "en"): "Interview cancelled",
    ("cancelled", "zh"): "面试已取消",
}
WAS = {"en": "Was: ", "zh": "原时间："}


@dataclass(frozen=True)
class Parties:
    """Who and what a notice is about."""

    interview: Interview
    invitation: Invitation
    job: Job
    candidate: Candidate
    interviewer: User
    interviewer_zone: str


def uid_of(booking: SlotBooking, settings: Settings) -> str:
    """The booking's calendar UID: stable across moves, new for a new booking."""
    domain = parseaddr(settings.smtp_from)[1].rsplit("@", 1)[-1] or "localhost"
    return f"{booking.id}@{domain}"


def _ics(
    method: Literal["REQUEST", "CANCEL"],
    booking: SlotBooking,
    sequence: int,
    p: Parties,
    description: str,
    settings: Settings,
    now: datetime,
) -> str:
    organizer = parseaddr(settings.smtp_from)
    attendees = [Person(p.interviewer.email, p.interviewer.name)]
    if p.candidate.email:
        attendees.insert(0, Person(p.candidate.email, p.candidate.name))
    event = Event(
        uid=uid_of(booking, settings),
        sequence=sequence,
        starts_at=aware(booking.starts_at),
        ends_at=aware(booking.ends_at),
        summary=f"{p.job.title}: {p.candidate.name} / {p.interviewer.name}",
        description=description,
        organizer=Person(organizer[1] or "no-reply@localhost", organizer[0]),
        attendees=tuple(attendees),
    )
    return calendar(method, event, now)


async def notify(
    session: AsyncSession,
    change: Change,
    booking: SlotBooking,
    p: Parties,
    settings: Settings,
    now: datetime,
    previous: datetime | None = None,
    old_interviewer: Parties | None = None,
    final: bool = False,
) -> None:
    """Queue the candidate's and the interviewer's e-mails (with the ICS) about one change.

    `final`: the interview itself was cancelled, so the candidate's notice carries no link (it would
    no longer open) and goes although the invitation has ended.
    """
    method: Literal["REQUEST", "CANCEL"] = "CANCEL" if change == "cancelled" else "REQUEST"
    sequence = booking.sequence + 1 if change == "cancelled" else booking.sequence
    when = aware(booking.starts_at)
    lang = p.job.language
    await messages.queue(
        session,
        channel=p.invitation.channel,
        to=p.invitation.recipient,
        template="slot_withdrawn" if final else f"slot_{change}",
        language=p.invitation.language,
        interview_id=p.interview.id,
        invitation_id=None if final else p.invitation.id,
        kind="staff" if final else "schedule",
        params={
            "job_title": p.job.title,
            "candidate_name": p.candidate.name,
            "slot": local_label(when, booking.candidate_timezone),
            "previous": local_label(previous or when, booking.candidate_timezone),
            "interviewer_name": p.interviewer.name,
            "ics": _ics(method, booking, sequence, p, p.job.title, settings, now),
            "ics_method": method,
        },
    )
    console = f"{settings.public_url.rstrip('/')}/console/{p.interview.id}"
    await _to_interviewer(
        session, change, method, booking, sequence, p, console, previous, settings, now, lang
    )
    if old_interviewer is not None:
        await _to_interviewer(
            session,
            "cancelled",
            "CANCEL",
            booking,
            sequence,
            old_interviewer,
            console,
            None,
            settings,
            now,
            lang,
        )


async def _to_interviewer(
    session: AsyncSession,
    change: Change,
    method: Literal["REQUEST", "CANCEL"],
    booking: SlotBooking,
    sequence: int,
    p: Parties,
    console: str,
    previous: datetime | None,
    settings: Settings,
    now: datetime,
    lang: str,
) -> None:
    lang = lang if lang in ("zh", "en") else "en"
    detail = WAS[lang] + local_label(previous, p.interviewer_zone) if previous else console
    await messages.queue(
        session,
        channel="email",
        to=p.interviewer.email,
        template="slot_interviewer",
        language=lang,
        interview_id=p.interview.id,
        kind="staff",
        params={
            "change": CHANGE_WORDS[(change, lang)],
            "candidate_name": p.candidate.name,
            "job_title": p.job.title,
            "slot": local_label(aware(booking.starts_at), p.interviewer_zone),
            "detail": detail,
            "ics": _ics(method, booking, sequence, p, console, settings, now),
            "ics_method": method,
        },
    )
