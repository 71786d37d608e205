"""Interviewers' controls of a live interview: stored on the timeline, then sent to the agent.

Controls travel over the bus, so they reach the agent in whichever server process holds the call
(the in-process bus in the embedded default, Redis when several processes serve), and that process
confirms each one, so the console knows it took effect.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from server.bus import EventBus
from server.db.models import User
from server.db.repositories import audit as audit_repo
from server.errors import Conflict, Unprocessable
from server.schemas import ControlIn
from server.services import relay
from server.services.interviews import get_visible
from server.services.live import control_channel


async def send(
    session: AsyncSession,
    bus: EventBus,
    user: User,
    interview_id: str,
    control: ControlIn,
    timeout_s: float = 3.0,
) -> None:
    """Audit the control (who, what, when), hand it to the live agent, and wait for it to confirm.

    The instance holding the call confirms over the bus once the agent has applied it; no answer within
    `timeout_s` means no instance holds the call now (it closed, or its server died mid-call).
    """
    interview, _job = await get_visible(session, user, interview_id)
    if interview.status != "live":
        raise Conflict(f"the interview is {interview.status}; controls work only while the call is live")
    text = (control.text or "").strip() or None
    if control.action == "inject" and text is None:
        raise Unprocessable("type the question to ask the candidate")
    await audit_repo.audit(session, user.email, f"control.{control.action}", interview.id, text=text)
    await session.commit()  # on the timeline before it takes effect
    message = {"action": control.action, "by": user.email, "text": text}
    reply = await relay.request(bus, control_channel(interview.id), message, timeout_s)
    if reply is None:
        raise Conflict(
            "no server answered for this call: the candidate may be reconnecting; try again in a moment"
        )
    if not reply.get("ok"):
        raise Conflict(f"the call could not {control.action.replace('_', ' ')} right now; try again")
