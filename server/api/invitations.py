"""HR's invitation routes.

Send an interview's invitation, see its messages (bounces and failures), the job's invite policy, and
the next step after the decision (drafted, then approved).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from server.db.models import User
from server.deps import RequireRole, SessionDep, SettingsDep
from server.schemas import (
    InvitationIn,
    InvitationOut,
    MessageOut,
    NextStepIn,
    NextStepOut,
    PolicyIn,
    PolicyOut,
)
from server.services import invitations, next_step

router = APIRouter(prefix="/api", tags=["invitations"])
HR = Annotated[User, Depends(RequireRole("hr"))]


@router.post("/interviews/{interview_id}/invitation", status_code=201)
async def send_invitation(
    interview_id: str, body: InvitationIn, user: HR, session: SessionDep, settings: SettingsDep
) -> InvitationOut:
    """Send the link with a deadline (or a slot) and reminders; an earlier invitation's unsent ones stop."""
    return await invitations.send(session, user, interview_id, body, settings)


@router.get("/interviews/{interview_id}/invitation")
async def get_invitation(interview_id: str, user: HR, session: SessionDep) -> InvitationOut:
    """The current invitation and every message about the interview, with bounces and failures."""
    return await invitations.view(session, user, interview_id)


@router.post("/interviews/{interview_id}/next-step", status_code=201)
async def draft_next_step(interview_id: str, body: NextStepIn, user: HR, session: SessionDep) -> MessageOut:
    """Draft the next-round invitation or the rejection letter; nothing is sent until approved."""
    return await next_step.draft(session, user, interview_id, body)


@router.get("/interviews/{interview_id}/next-step")
async def current_next_step(interview_id: str, user: HR, session: SessionDep) -> NextStepOut:
    """The next step drafted after the decision and waiting for approval (or why there is none yet)."""
    return await next_step.current(session, user, interview_id)


@router.post("/interviews/{interview_id}/next-step/{message_id}/approve")
async def approve_next_step(interview_id: str, message_id: str, user: HR, session: SessionDep) -> MessageOut:
    """Approve a drafted next step: it is sent."""
    return await next_step.approve(session, user, interview_id, message_id)


@router.get("/jobs/{job_id}/invite-policy")
async def get_policy(job_id: str, user: HR, session: SessionDep, settings: SettingsDep) -> PolicyOut:
    """The job's deadline window, reminders, retakes and self-service reissue."""
    return await invitations.get_policy(session, user, job_id, settings)


@router.put("/jobs/{job_id}/invite-policy")
async def set_policy(job_id: str, body: PolicyIn, user: HR, session: SessionDep) -> PolicyOut:
    """Set the job's invite policy."""
    return await invitations.set_policy(session, user, job_id, body)
