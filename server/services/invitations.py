"""Invitations: send the link with a deadline and reminders, resend on reissue, stop on revoke/cancel.

The invitation and its messages (the invitation now, one reminder per configured hour before the
deadline or slot) are written in the caller's transaction; the worker sends them when due and checks
each against the invitation then (`invite_rules.skip_reason`). A reissue makes a new invitation with a
fresh deadline and cancels everything unsent of the old one, whose link no longer opens.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.models import Interview, Invitation, InvitePolicy, Job, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import candidates as candidate_repo
from server.db.repositories import jobs as job_repo
from server.db.repositories import messages as repo
from server.errors import Conflict, NotFound, Unprocessable
from server.schemas import InvitationIn, InvitationOut, MessageOut, PolicyIn, PolicyOut
from server.services import messages
from server.services.interviews import get_visible
from server.services.invite_rules import aware, reminder_times
from server.services.scope import visible_to
from server.settings import Settings

OVER = ("finished", "cancelled")
SLOT_REMINDER_HOURS = (1.0,)  # a picked slot is reminded of an hour before it
EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


async def policy_of(session: AsyncSession, job: Job, settings: Settings) -> PolicyOut:
    """The job's invite policy, or the server's defaults."""
    row = await repo.policy(session, job.id)
    if row is None:
        return PolicyOut(
            job_id=job.id,
            window_hours=settings.invite_window_hours,
            reminder_hours=list(settings.invite_reminder_hours),
        )
    return PolicyOut(
        job_id=job.id,
        window_hours=row.window_hours,
        reminder_hours=list(row.reminder_hours),
        retakes=row.retakes,
        auto_reissue=row.auto_reissue,
        auto_next_step=row.auto_next_step,
    )


async def _visible_job(session: AsyncSession, user: User, job_id: str) -> Job:
    job = await job_repo.get(session, job_id)
    if job is None or not visible_to(user, job):
        raise NotFound("no such job")
    return job


async def get_policy(session: AsyncSession, user: User, job_id: str, settings: Settings) -> PolicyOut:
    """A job's policy, for HR who see the job."""
    return await policy_of(session, await _visible_job(session, user, job_id), settings)


async def set_policy(session: AsyncSession, user: User, job_id: str, body: PolicyIn) -> PolicyOut:
    """Set a job's deadline window, reminders, retakes and self-service reissue."""
    job = await _visible_job(session, user, job_id)
    row = InvitePolicy(job_id=job.id, updated_at=utcnow(), **body.model_dump())
    await repo.save_policy(session, row)
    await audit_repo.audit(session, user.email, "invite_policy.set", None, job_id=job.id, **body.model_dump())
    return PolicyOut(job_id=job.id, **body.model_dump())


async def _queue_all(
    session: AsyncSession, interview: Interview, invitation: Invitation, reminders: list[float], now: datetime
) -> None:
    async def one(kind: str, at: datetime) -> None:
        await messages.queue(
            session,
            channel=invitation.channel,
            to=invitation.recipient,
            template=f"slot_{kind}" if invitation.scheduling == "slot" else kind,
            language=invitation.language,
            interview_id=interview.id,
            invitation_id=invitation.id,
            kind=kind,
            due_at=at,
        )

    await one("invitation", now)
    deadline = aware(invitation.deadline_at) if invitation.deadline_at else None
    slot = aware(invitation.slot_at) if invitation.slot_at else None
    for at in reminder_times(now, deadline, slot, reminders):
        await one("reminder", at)


async def send(
    session: AsyncSession,
    user: User,
    interview_id: str,
    body: InvitationIn,
    settings: Settings,
    now: datetime | None = None,
) -> InvitationOut:
    """Send the interview's link (replacing an earlier invitation's unsent messages)."""
    now = now or utcnow()
    interview, job = await get_visible(session, user, interview_id)
    if interview.status in OVER:
        raise Conflict(f"the interview is {interview.status}; there is nothing to invite to")
    policy = await policy_of(session, job, settings)
    to = body.to
    if to is None and body.channel == "email":
        candidate = await candidate_repo.get(session, interview.candidate_id)
        to = candidate.email if candidate else None
    if not to:
        raise Unprocessable(f"give `to`: the address or user id to reach the candidate by {body.channel}")
    if body.channel == "email" and not EMAIL.match(to):
        raise Unprocessable(f"{to!r} is not an e-mail address")
    if body.slot_at is not None and aware(body.slot_at) <= now:
        raise Unprocessable("the slot is in the past")
    if body.scheduling == "slot" and body.slot_at is not None:
        raise Unprocessable("give a `slot_at` or let the candidate pick one (`scheduling: slot`), not both")
    previous = await repo.active_invitation(session, interview.id)
    await _retire(session, interview.id, previous, "replaced")
    slot = aware(body.slot_at) if body.slot_at else None
    window = body.window_hours or policy.window_hours
    invitation = await repo.add_invitation(
        session,
        Invitation(
            interview_id=interview.id,
            channel=body.channel,
            recipient=to,
            language=job.language,
            slot_at=slot,
            deadline_at=slot + timedelta(hours=2) if slot else now + timedelta(hours=window),
            status="active",
            scheduling=body.scheduling,
            unsubscribed_at=previous.unsubscribed_at if previous else None,
            created_by=user.email,
        ),
    )
    reminders = body.reminder_hours if body.reminder_hours is not None else policy.reminder_hours
    if body.scheduling == "slot":
        reminders = []  # the candidate is reminded of the slot they pick (server/services/booking.py)
    await _queue_all(session, interview, invitation, reminders, now)
    await audit_repo.audit(session, user.email, "invite.sent", interview.id, channel=body.channel)
    return await _out(session, invitation)


async def resend(
    session: AsyncSession, interview: Interview, actor: str, settings: Settings, now: datetime | None = None
) -> Invitation | None:
    """After a reissue: a new invitation to the same recipient, fresh deadline (None if never invited)."""
    now = now or utcnow()
    previous = await repo.active_invitation(session, interview.id)
    if previous is None:
        return None
    job = await job_repo.get(session, interview.job_id)
    if job is None:
        return None
    policy = await policy_of(session, job, settings)
    await _retire(session, interview.id, previous, "replaced")
    invitation = await repo.add_invitation(
        session,
        Invitation(
            interview_id=interview.id,
            channel=previous.channel,
            recipient=previous.recipient,
            language=previous.language,
            deadline_at=now + timedelta(hours=policy.window_hours),
            status="active",
            scheduling=previous.scheduling,
            unsubscribed_at=previous.unsubscribed_at,
            created_by=actor,
        ),
    )
    reminders = policy.reminder_hours
    if previous.scheduling == "slot":  # a booked slot stays booked: the new link keeps it
        invitation.slot_at = previous.slot_at
        reminders = list(SLOT_REMINDER_HOURS) if previous.slot_at else []
        if previous.slot_at is not None and previous.deadline_at is not None:
            invitation.deadline_at = previous.deadline_at
    await _queue_all(session, interview, invitation, reminders, now)
    return invitation


async def stop(session: AsyncSession, interview_id: str, why: str) -> None:
    """The link was revoked or the interview cancelled: nothing more is sent about this invitation."""
    await _retire(
        session, interview_id, await repo.active_invitation(session, interview_id), "cancelled", why
    )


async def _retire(
    session: AsyncSession, interview_id: str, invitation: Invitation | None, status: str, why: str = ""
) -> None:
    if invitation is not None and invitation.status == "active":
        invitation.status = status
    await repo.cancel_pending(session, interview_id, why or f"not sent: the invitation was {status}")


async def view(session: AsyncSession, user: User, interview_id: str) -> InvitationOut:
    """The current invitation with every message of the interview (bounces and failures say why)."""
    interview, _job = await get_visible(session, user, interview_id)
    invitation = await repo.active_invitation(session, interview.id)
    if invitation is None:
        raise NotFound("this interview has not been sent to the candidate yet")
    return await _out(session, invitation)


async def _out(session: AsyncSession, invitation: Invitation) -> InvitationOut:
    rows = await repo.of_interview(session, invitation.interview_id)
    return InvitationOut(
        id=invitation.id,
        channel=invitation.channel,
        recipient=invitation.recipient,
        language=invitation.language,
        status=invitation.status,
        deadline_at=invitation.deadline_at,
        slot_at=invitation.slot_at,
        unsubscribed=invitation.unsubscribed_at is not None,
        link_requested_at=invitation.link_requested_at,
        messages=[MessageOut.model_validate(m) for m in rows],
        scheduling=invitation.scheduling,
    )
