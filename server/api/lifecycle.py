"""HR's lifecycle controls of an interview: revoke or reissue the invite link, cancel (each audited)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from server.db.models import User
from server.deps import BusDep, RequireRole, SessionDep, SettingsDep, SignerDep
from server.schemas import Ack, CancelIn, InviteLinkOut
from server.services import lifecycle

router = APIRouter(prefix="/api/interviews", tags=["lifecycle"])
HR = Annotated[User, Depends(RequireRole("hr"))]


@router.post("/{interview_id}/invite/revoke")
async def revoke_invite(interview_id: str, user: HR, session: SessionDep) -> Ack:
    """End every invite link to the interview (reissue one to let the candidate in again)."""
    await lifecycle.revoke_invite(session, user, interview_id)
    return Ack(status="revoked")


@router.post("/{interview_id}/invite/reissue")
async def reissue_invite(
    interview_id: str, user: HR, session: SessionDep, signer: SignerDep, settings: SettingsDep
) -> InviteLinkOut:
    """A new invite link; earlier ones stop working."""
    url = await lifecycle.reissue_invite(session, user, interview_id, signer, settings)
    return InviteLinkOut(invite_url=url)


@router.post("/{interview_id}/cancel")
async def cancel(
    interview_id: str, body: CancelIn, user: HR, session: SessionDep, bus: BusDep, settings: SettingsDep
) -> Ack:
    """Cancel the interview: its links end, no call can start, a live call is hung up, its slot is freed."""
    await lifecycle.cancel(session, bus, user, interview_id, body.reason, settings)
    return Ack(status="cancelled")
