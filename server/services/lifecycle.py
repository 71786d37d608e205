"""An interview's lifecycle by HR: revoke or reissue the invite link, cancel the interview.

A link sent to the wrong address, or a candidate who withdrew, must be stoppable without deleting the
record. Links are bound to the interview's nonce, so a new nonce ends every earlier link; cancelling
sets a status no call can start from, and a live call is hung up wherever it runs (over the bus, like
the consoles' controls).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from server.bus import EventBus
from server.db.models import Interview, User
from server.db.repositories import audit as audit_repo
from server.errors import Conflict
from server.security import Signer
from server.services import booking, invitations
from server.services.interviews import get_visible
from server.services.invites import invite_link, new_invite_nonce
from server.services.live import control_channel
from server.settings import Settings

HANG_UP = "hang_up"  # on the control channel: the live interview ends the call (not an agent control)
OVER = ("finished", "cancelled")


def _open(interview: Interview, what: str) -> None:
    if interview.status in OVER:
        raise Conflict(f"the interview is {interview.status}; its invite cannot be {what}")


async def revoke_invite(session: AsyncSession, user: User, interview_id: str) -> None:
    """End every link to this interview (no new one is made)."""
    interview, _job = await get_visible(session, user, interview_id)
    interview.invite_nonce = new_invite_nonce()
    await invitations.stop(session, interview.id, "not sent: the invite link was revoked")
    await audit_repo.audit(session, user.email, "invite.revoked", interview.id)


async def reissue_invite(
    session: AsyncSession,
    user: User,
    interview_id: str,
    signer: Signer,
    settings: Settings,
    now: datetime | None = None,
) -> str:
    """A new link for the candidate; earlier links stop working.

    If the candidate was invited through a channel, the new link is sent the same way, with a fresh
    deadline and reminders; the old invitation's unsent messages are cancelled.
    """
    interview, _job = await get_visible(session, user, interview_id)
    _open(interview, "reissued")
    interview.invite_nonce = new_invite_nonce()
    await invitations.resend(session, interview, user.email, settings, now)
    await audit_repo.audit(session, user.email, "invite.reissued", interview.id)
    return invite_link(signer, settings.public_url, interview)


async def cancel(
    session: AsyncSession, bus: EventBus, user: User, interview_id: str, reason: str, settings: Settings
) -> None:
    """Cancel the interview: no call can start, a live one is hung up, earlier links end, a slot is freed."""
    interview, job = await get_visible(session, user, interview_id)
    if interview.status in OVER:
        raise Conflict(f"the interview is already {interview.status}")
    await booking.release(session, interview, job, settings)
    was_live = interview.status == "live"
    interview.status = "cancelled"
    interview.invite_nonce = new_invite_nonce()
    await invitations.stop(session, interview.id, "not sent: the interview was cancelled")
    await audit_repo.audit(session, user.email, "interview.cancelled", interview.id, reason=reason[:500])
    await session.commit()  # stored before the call is hung up: it must not come back as interrupted
    if was_live:
        await bus.publish(control_channel(interview.id), {"action": HANG_UP, "by": user.email})
