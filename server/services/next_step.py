"""After HR's decision: the next step to the candidate, drafted by the system, sent only once HR approves.

`next_round` needs the review status "next_round"; `rejection` needs "rejected" and the approved
feedback letter (`server/services/feedback.py`), which becomes the message. The draft goes to the
invitation's channel and recipient (or the candidate's e-mail).
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import User
from server.db.repositories import audit as audit_repo
from server.db.repositories import candidates as candidate_repo
from server.db.repositories import messages as repo
from server.db.repositories import reviews as review_repo
from server.errors import Conflict, NotFound, Unprocessable
from server.schemas import MessageOut, NextStepIn
from server.services import messages
from server.services.interviews import get_visible

NEEDS = {"next_round": "next_round", "rejection": "rejected"}


async def draft(session: AsyncSession, user: User, interview_id: str, body: NextStepIn) -> MessageOut:
    """Draft the next-step message (an earlier unapproved draft is dropped)."""
    interview, job = await get_visible(session, user, interview_id)
    if interview.status != "finished":
        raise Conflict("the next step can be drafted once the interview has finished")
    if interview.review_status != NEEDS[body.kind]:
        raise Conflict(f"a {body.kind} message needs the review decision {NEEDS[body.kind]!r} first")
    params = {"note": body.note}
    if body.kind == "rejection":
        letter = await review_repo.letter(session, interview.id)
        if letter is None or letter.status != "approved":
            raise Conflict("approve the feedback letter first: the rejection sends that letter")
        params["letter"] = letter.text
    invitation = await repo.active_invitation(session, interview.id)
    candidate = await candidate_repo.get(session, interview.candidate_id)
    channel, to = (invitation.channel, invitation.recipient) if invitation else ("email", "")
    to = to or (candidate.email if candidate else "") or ""
    if not to:
        raise Unprocessable(
            "the candidate has no e-mail address and was never invited through another channel"
        )
    for old in await repo.of_interview(session, interview.id):
        if old.kind == "next_step" and old.status == "draft":
            old.status, old.last_error = "cancelled", "replaced by a newer draft"
    params.setdefault("job_title", job.title)
    params.setdefault("candidate_name", candidate.name if candidate else "")
    row = await messages.queue(
        session,
        channel=channel,
        to=to,
        template=body.kind,
        language=job.language,
        params=params,
        interview_id=interview.id,
        kind="next_step",
        draft=True,
    )
    await audit_repo.audit(session, user.email, "next_step.drafted", interview.id, kind=body.kind)
    return MessageOut.model_validate(row)


async def approve(session: AsyncSession, user: User, interview_id: str, message_id: str) -> MessageOut:
    """HR approves the draft: the worker sends it."""
    interview, _job = await get_visible(session, user, interview_id)
    row = await repo.get(session, message_id)
    if row is None or row.interview_id != interview.id or row.kind != "next_step":
        raise NotFound("no such draft")
    if row.status != "draft":
        raise Conflict(f"this message is already {row.status}")
    row.status, row.approved_by = "pending", user.email
    await audit_repo.audit(session, user.email, "next_step.approved", interview.id, template=row.template)
    return MessageOut.model_validate(row)
