"""A candidate withdraws consent: processing stops at once, then their data is erased.

The withdrawal is stored and audited first (its own transaction), then whichever process holds the
call hears it on the interview's control channel: scoring stops and the call closes. A call in this
process is closed here before erasing, so nothing is written after the rows are gone. Under a legal
hold the data is kept (marked withdrawn) until the hold is cleared; the candidate is told so.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from realtime.webrtc.registry import PeerRegistry
from server.bus import EventBus
from server.db.repositories import interviews as interview_repo
from server.keys.vault import Vault
from server.owners import CallOwners, wait_released
from server.schemas import WithdrawalOut
from server.security import Signer
from server.services import consent as consent_service
from server.services import invites
from server.services.erasure import erase_candidate
from server.services.live import control_channel
from server.services.live.interview import WITHDRAWN

log = logging.getLogger(__name__)


async def withdraw(
    sessions: async_sessionmaker[AsyncSession],
    signer: Signer,
    peers: PeerRegistry,
    bus: EventBus,
    token: str,
    recordings_dir: Path,
    vault: Vault,
    owners: CallOwners | None = None,
) -> WithdrawalOut:
    """Stop the interview and erase the candidate (or keep their data marked withdrawn while held).

    A call held by another instance is closed there (the bus carries the withdrawal); erasing waits
    until it has, so nothing the call writes in its last moments outlives the erasure.
    """
    async with sessions.begin() as session:
        ctx = await invites.resolve(session, signer, token)
        interview_id, candidate_id = ctx.interview.id, ctx.candidate.id
        await consent_service.withdraw(session, ctx.interview)
        held = ctx.interview.legal_hold
    await bus.publish(control_channel(interview_id), {"action": WITHDRAWN})
    peer = peers.get(interview_id)
    if peer is not None:
        await peer.close()
    elif owners is not None and not await wait_released(owners, interview_id, 10.0):
        # Held by another instance that did not close it in time: erase anyway, and say so in the log.
        log.warning("interview %s: the instance holding the call did not close it in 10 s", interview_id)
    if held:
        async with sessions.begin() as session:  # after the call closed (it marks itself interrupted)
            interview = await interview_repo.get(session, interview_id)
            if interview is not None and interview.status != "finished":
                interview.status = "cancelled"  # it cannot be joined again
        log.info("interview %s: consent withdrawn; data kept under a legal hold", interview_id)
        return WithdrawalOut(
            status="held",
            message="your interview has stopped and nothing more will be processed; a legal hold requires "
            "the employer to keep the data already recorded until the hold ends, then it is deleted",
        )
    await erase_candidate(sessions, candidate_id, "candidate", recordings_dir, vault, allow_live=True)
    log.info("interview %s: consent withdrawn; the candidate's data was erased", interview_id)
    return WithdrawalOut(status="erased", message="your interview has stopped and your data has been deleted")
