"""Interviewers' controls of a live interview: stored on the timeline, then sent to the agent.

Controls travel over the bus, so they reach the agent in whichever server process holds the call
(the in-process bus in the embedded default, Redis when several processes serve).
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from server.bus import EventBus
from server.db.models import User
from server.db.repositories import audit as audit_repo
from server.errors import Conflict, Unprocessable
from server.schemas import ControlIn
from server.services.interviews import get_visible
from server.services.live import control_channel


async def send(
    session: AsyncSession, bus: EventBus, user: User, interview_id: str, control: ControlIn
) -> None:
    """Audit the control (who, what, when) and hand it to the live agent."""
    interview, _job = await get_visible(session, user, interview_id)
    if interview.status != "live":
        raise Conflict(f"the interview is {interview.status}; controls work only while the call is live")
    text = (control.text or "").strip() or None
    if control.action == "inject" and text is None:
        raise Unprocessable("type the question to ask the candidate")
    await audit_repo.audit(session, user.email, f"control.{control.action}", interview.id, text=text)
    await session.commit()  # on the timeline before it takes effect
    await bus.publish(
        control_channel(interview.id), {"action": control.action, "by": user.email, "text": text}
    )
