"""The candidate's side of invitations: the status page, the deadline, retakes, new links, unsubscribe.

An expired or past-deadline link is not a dead end: the candidate asks for a new one, which is sent
to the address the invitation went to (never shown on the page, so a forwarded old link does not hand
out a fresh one) when the job allows self-service, or is flagged for HR otherwise.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.repositories import audit as audit_repo
from server.db.repositories import availability as availability_repo
from server.db.repositories import interviews as interview_repo
from server.db.repositories import jobs as job_repo
from server.db.repositories import messages as repo
from server.db.repositories import reviews as review_repo
from server.errors import Conflict, InviteExpired, InviteInvalid, NotFound
from server.schemas import NewLinkOut, StatusOut
from server.security import Signer
from server.services import invitations
from server.services.invite_rules import aware, candidate_state, past_deadline
from server.services.invites import InviteContext, new_invite_nonce
from server.settings import Settings


async def status(
    session: AsyncSession, ctx: InviteContext, settings: Settings, now: datetime | None = None
) -> StatusOut:
    """Where the candidate stands, in their job's language."""
    now = now or utcnow()
    invitation = await repo.active_invitation(session, ctx.interview.id)
    reviewed = await review_repo.has_decision(session, ctx.interview.id)
    decision_sent = await repo.next_step_sent(session, ctx.interview.id)
    policy = await invitations.policy_of(session, ctx.job, settings)
    expired = past_deadline(ctx.interview, invitation, now)
    scheduling = invitation.scheduling if invitation else "deadline"
    unpicked = scheduling == "slot" and invitation is not None and invitation.slot_at is None
    booking = await availability_repo.booking_of(session, ctx.interview.id)
    moves_left = settings.schedule_max_reschedules - (booking.reschedules if booking else 0)
    return StatusOut(
        state=candidate_state(ctx.interview, invitation, reviewed, decision_sent),
        language=ctx.job.language,
        job_title=ctx.job.title,
        deadline_at=aware(invitation.deadline_at) if invitation and invitation.deadline_at else None,
        slot_at=aware(invitation.slot_at) if invitation and invitation.slot_at else None,
        retakes=policy.retakes,
        can_join=ctx.interview.status in ("scheduled", "interrupted", "live") and not (expired or unpicked),
        scheduling=scheduling,
        reschedules_left=max(0, moves_left),
    )


async def ensure_before_deadline(
    session: AsyncSession, ctx: InviteContext, now: datetime | None = None
) -> None:
    """Refuse to start an interview whose invitation's deadline has passed."""
    invitation = await repo.active_invitation(session, ctx.interview.id)
    if past_deadline(ctx.interview, invitation, now or utcnow()):
        raise InviteExpired(
            "the deadline for this interview has passed; you can ask for a new link on this page"
        )
    unpicked = invitation is not None and invitation.scheduling == "slot" and invitation.slot_at is None
    if unpicked and ctx.interview.status == "scheduled":
        raise Conflict("please pick a time for your interview on this page first")


async def ensure_retake_allowed(session: AsyncSession, ctx: InviteContext) -> None:
    """A job with an invite policy allows `retakes` new calls after an interrupted one."""
    if ctx.interview.status != "interrupted":
        return
    policy = await repo.policy(session, ctx.job.id)
    if policy is None:
        return  # no policy: rejoining is not limited
    calls = len(await interview_repo.recordings(session, ctx.interview.id))
    if calls > policy.retakes:
        raise Conflict("you have used the retakes this interview allows; contact the recruiter")


async def request_new_link(
    session: AsyncSession, signer: Signer, token: str, settings: Settings, now: datetime | None = None
) -> NewLinkOut:
    """From an expired link: send a new one (if the job allows) or ask HR to."""
    claims = signer.read_expired_invite(token)
    interview = await interview_repo.get(session, claims.interview_id)
    if interview is None:
        raise NotFound("this interview no longer exists")
    if not secrets.compare_digest(interview.invite_nonce, claims.nonce):
        raise InviteInvalid("this invite link was replaced by a newer one; use the latest link you received")
    if interview.status in ("finished", "cancelled"):
        raise Conflict(f"this interview is {interview.status}; a new link would not open it")
    job = await job_repo.get(session, interview.job_id)
    policy = await repo.policy(session, interview.job_id)
    invitation = await repo.active_invitation(session, interview.id)
    if job is not None and policy is not None and policy.auto_reissue and invitation is not None:
        interview.invite_nonce = new_invite_nonce()
        await invitations.resend(session, interview, "candidate", settings, now)
        await audit_repo.audit(session, "candidate", "invite.reissued_on_request", interview.id)
        return NewLinkOut(outcome="sent", message="a new link is on its way to you")
    if invitation is not None:
        invitation.link_requested_at = now or utcnow()
    await audit_repo.audit(session, "candidate", "invite.link_requested", interview.id)
    return NewLinkOut(outcome="requested", message="the recruiter has been asked to send you a new link")


async def unsubscribe(session: AsyncSession, signer: Signer, token: str) -> None:
    """No more reminders about this interview (the invitation itself stays valid)."""
    interview_id = signer.read_unsubscribe(token)
    invitation = await repo.active_invitation(session, interview_id)
    if invitation is None:
        raise NotFound("there is nothing to unsubscribe from")
    if invitation.unsubscribed_at is None:
        invitation.unsubscribed_at = utcnow()
        await audit_repo.audit(session, "candidate", "messages.unsubscribed", interview_id)
