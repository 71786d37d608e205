"""After HR's decision: the next step to the candidate, drafted by the system, sent only once HR approves.

`next_round` needs the review status "next_round"; `rejection` needs "rejected" and the approved
feedback letter (`server/services/feedback.py`), which becomes the message. The draft goes to the
invitation's channel and recipient (or the candidate's e-mail).

Saving the decision drafts the matching message at once (the job's invite policy `auto_next_step`, on
unless HR turned it off), and approving the letter of a rejected candidate drafts the rejection. A
changed decision cancels a draft that no longer matches it. Nothing leaves before HR approves: a draft
is never due, and only `approve` makes it pending for the worker.

| event                          | draft of the other kind | draft of this kind    | no draft yet            |
|--------------------------------|-------------------------|-----------------------|-------------------------|
| decision next_round / rejected | cancelled               | kept (HR may edit it) | drafted (if auto on)    |
| decision on_hold / pending     | cancelled               | -                     | -                       |
| letter approved, rejected      | -                       | kept                  | rejection drafted (auto)|
"""

from __future__ import annotations

import contextlib

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import CandidateMessage, Interview, Job, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import candidates as candidate_repo
from server.db.repositories import messages as repo
from server.db.repositories import reviews as review_repo
from server.errors import Conflict, DomainError, NotFound, Unprocessable
from server.schemas import MessageOut, NextStepIn, NextStepOut
from server.services import messages
from server.services.interviews import get_visible

NEEDS = {"next_round": "next_round", "rejection": "rejected"}
KIND_OF = {status: kind for kind, status in NEEDS.items()}


async def draft(session: AsyncSession, user: User, interview_id: str, body: NextStepIn) -> MessageOut:
    """Draft the next-step message (an earlier unapproved draft is dropped)."""
    interview, job = await get_visible(session, user, interview_id)
    row = await _draft(session, user, interview, job, body.kind, body.note)
    return MessageOut.model_validate(row)


async def _draft(
    session: AsyncSession, user: User, interview: Interview, job: Job, kind: str, note: str
) -> CandidateMessage:
    params, channel, to = await _ready(session, interview, kind, note)
    await _cancel_drafts(session, interview, "replaced by a newer draft")
    params.setdefault("job_title", job.title)
    row = await messages.queue(
        session,
        channel=channel,
        to=to,
        template=kind,
        language=job.language,
        params=params,
        interview_id=interview.id,
        kind="next_step",
        draft=True,
    )
    await audit_repo.audit(session, user.email, "next_step.drafted", interview.id, kind=kind)
    return row


async def _ready(
    session: AsyncSession, interview: Interview, kind: str, note: str
) -> tuple[dict[str, str], str, str]:
    """The message's values, channel and recipient; Conflict or Unprocessable when it cannot go yet."""
    if interview.status != "finished":
        raise Conflict("the next step can be drafted once the interview has finished")
    if interview.review_status != NEEDS[kind]:
        raise Conflict(f"a {kind} message needs the review decision {NEEDS[kind]!r} first")
    params = {"note": note}
    if kind == "rejection":
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
    params.setdefault("candidate_name", candidate.name if candidate else "")
    return params, channel, to


async def _drafts(session: AsyncSession, interview: Interview) -> list[CandidateMessage]:
    return [
        m
        for m in await repo.of_interview(session, interview.id)
        if m.kind == "next_step" and m.status == "draft"
    ]


async def _cancel_drafts(session: AsyncSession, interview: Interview, why: str, keep: str = "") -> None:
    for old in await _drafts(session, interview):
        if old.template != keep:
            old.status, old.last_error = "cancelled", why


async def _auto(session: AsyncSession, job: Job) -> bool:
    policy = await repo.policy(session, job.id)
    return policy is None or policy.auto_next_step


async def after_decision(session: AsyncSession, user: User, interview: Interview, job: Job) -> None:
    """The decision was saved: drop a draft it made stale, and draft the matching next step."""
    kind = KIND_OF.get(interview.review_status or "", "")
    await _cancel_drafts(session, interview, "the decision changed", keep=kind)
    if kind and await _auto(session, job) and not await _drafts(session, interview):
        await _try(session, user, interview, job, kind)


async def after_letter_approved(session: AsyncSession, user: User, interview: Interview, job: Job) -> None:
    """The feedback letter was approved: a rejected candidate's rejection can now be drafted."""
    if (
        interview.review_status == "rejected"
        and await _auto(session, job)
        and not await _drafts(session, interview)
    ):
        await _try(session, user, interview, job, "rejection")


async def _try(session: AsyncSession, user: User, interview: Interview, job: Job, kind: str) -> None:
    # Refused before it writes anything; `current` tells HR why there is no draft yet.
    with contextlib.suppress(DomainError):
        await _draft(session, user, interview, job, kind, "")


async def current(session: AsyncSession, user: User, interview_id: str) -> NextStepOut:
    """The draft waiting for HR's approval, if any, or why there is none yet."""
    interview, job = await get_visible(session, user, interview_id)
    drafts = await _drafts(session, interview)
    kind = KIND_OF.get(interview.review_status or "")
    waiting = ""
    if not drafts and kind:
        try:
            await _ready(session, interview, kind, "")
        except DomainError as exc:
            waiting = str(exc)
    return NextStepOut(
        auto=await _auto(session, job),
        draft=MessageOut.model_validate(drafts[-1]) if drafts else None,
        waiting_for=waiting or None,
    )


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
