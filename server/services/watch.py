"""Consoles watching (and, on take-over, talking on) a live call."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from server.bus import EventBus
from server.db.base import new_id
from server.db.models import User
from server.db.repositories import audit as audit_repo
from server.errors import Conflict, Forbidden
from server.owners import CallOwners
from server.schemas import WatchIn
from server.services import relay
from server.services.calls import CallRuntime
from server.services.interviews import get_visible
from server.services.live import control_channel
from server.services.live.remote import WATCH

NOT_CONNECTED = "the candidate is not connected right now; their video appears when they join"


async def connect(
    session: AsyncSession, calls: CallRuntime, user: User, interview_id: str, offer: WatchIn
) -> str:
    """Answer a console's offer with the candidate's relayed media (audited: who watched, who talked).

    The call may be held by another instance: the offer goes there over the bus, and the media then
    flows from that instance to the console directly.
    """
    peers, bus, owners = calls.peers, calls.bus, calls.owners
    timeout_s = calls.settings.relay_timeout_s
    interview, _job = await get_visible(session, user, interview_id)
    if offer.talk and user.role not in ("interviewer", "admin"):
        raise Forbidden("only interviewers may speak to the candidate")
    watcher = f"watch-{interview.id[:8]}-{new_id()[:6]}"
    peer = peers.get(interview.id)
    if peer is not None:
        answer = await peer.watch(watcher, offer.sdp, offer.type, offer.talk)
    else:
        answer = await _remote(bus, owners, timeout_s, interview.id, watcher, offer)
    await audit_repo.audit(
        session, user.email, "console.talk" if offer.talk else "console.watch", interview.id
    )
    return answer


async def _remote(
    bus: EventBus, owners: CallOwners, timeout_s: float, interview_id: str, watcher: str, offer: WatchIn
) -> str:
    if await owners.owner(interview_id) is None:
        raise Conflict(NOT_CONNECTED)
    message = {"action": WATCH, "watcher": watcher, "sdp": offer.sdp, "type": offer.type, "talk": offer.talk}
    reply = await relay.request(bus, control_channel(interview_id), message, timeout_s)
    if reply is None:
        raise Conflict(NOT_CONNECTED)
    if "sdp" not in reply:
        raise Conflict(f"the call could not be watched: {reply.get('error', 'no answer')}")
    return str(reply["sdp"])
