"""Legal holds: an interview kept past its retention (a dispute, a regulator's request), audited.

The purge skips held interviews and erasure refuses them; clearing a hold lets the next purge remove
whatever is past its time, including the data of a candidate who withdrew while it was held.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import User
from server.db.repositories import audit as audit_repo
from server.errors import Unprocessable
from server.schemas import LegalHoldIn, LegalHoldOut
from server.services.interviews import get_visible


async def set_hold(session: AsyncSession, user: User, interview_id: str, body: LegalHoldIn) -> LegalHoldOut:
    """Set or clear the hold; setting one needs a reason, and both are audited."""
    interview, _job = await get_visible(session, user, interview_id)
    reason = (body.reason or "").strip() or None
    if body.hold and reason is None:
        raise Unprocessable("a reason is required for a legal hold: say which matter it keeps the data for")
    before = {"legal_hold": interview.legal_hold, "reason": interview.legal_hold_reason}
    interview.legal_hold = body.hold
    interview.legal_hold_reason = reason if body.hold else None
    await audit_repo.audit(
        session,
        user.email,
        "legal_hold.set" if body.hold else "legal_hold.cleared",
        interview.id,
        before=before,
        reason=reason,
    )
    return LegalHoldOut(
        interview_id=interview.id, legal_hold=interview.legal_hold, reason=interview.legal_hold_reason
    )
