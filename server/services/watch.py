"""Consoles watching (and, on take-over, talking on) a live call."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from realtime.webrtc.peer import PeerRegistry
from server.db.base import new_id
from server.db.models import User
from server.db.repositories import audit as audit_repo
from server.errors import Conflict, Forbidden
from server.schemas import WatchIn
from server.services.interviews import get_visible


async def connect(
    session: AsyncSession, peers: PeerRegistry, user: User, interview_id: str, offer: WatchIn
) -> str:
    """Answer a console's offer with the candidate's relayed media (audited: who watched, who talked)."""
    interview, _job = await get_visible(session, user, interview_id)
    if offer.talk and user.role not in ("interviewer", "admin"):
        raise Forbidden("only interviewers may speak to the candidate")
    peer = peers.get(interview.id)
    if peer is None:
        raise Conflict("the candidate is not connected right now; their video appears when they join")
    answer = await peer.watch(f"watch-{interview.id[:8]}-{new_id()[:6]}", offer.sdp, offer.type, offer.talk)
    await audit_repo.audit(
        session, user.email, "console.talk" if offer.talk else "console.watch", interview.id
    )
    return answer
