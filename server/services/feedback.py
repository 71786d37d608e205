"""Feedback letters: drafted from the evidence, edited by HR, approved to send.

Sending goes through the outbox, so the ATS that emails the candidate gets the letter with retries,
like every other message that leaves.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from scoring.feedback import AnswerFinding, draft_letter
from server.db.base import utcnow
from server.db.models import FeedbackLetter, Interview, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import candidates as candidate_repo
from server.db.repositories import interviews as repo
from server.db.repositories import jobs as job_repo
from server.db.repositories import reviews as review_repo
from server.db.repositories.outbox import enqueue
from server.errors import Conflict, NotFound
from server.schemas import LetterIn, LetterOut
from server.services import next_step
from server.services.interviews import get_visible
from server.services.reports import latest_per_question
from server.services.review import REVIEWABLE
from server.services.scores import detail_of

QUOTE_PRIORITY = {"action": 0, "result": 1, "specific": 2, "plan": 3}


def _strongest_first(evidence: list[dict[str, Any]]) -> tuple[str, ...]:
    """Quotes of what the candidate did and achieved before scene-setting ones."""
    ranked = sorted(
        (e for e in evidence if e.get("text")), key=lambda e: QUOTE_PRIORITY.get(str(e.get("label")), 9)
    )
    return tuple(dict.fromkeys(str(e["text"]) for e in ranked))


async def _existing(session: AsyncSession, user: User, interview_id: str) -> tuple[Interview, FeedbackLetter]:
    interview, _job = await get_visible(session, user, interview_id)
    letter = await review_repo.letter(session, interview.id)
    if letter is None:
        raise NotFound("no feedback letter has been drafted for this interview yet")
    return interview, letter


async def get(session: AsyncSession, user: User, interview_id: str) -> LetterOut:
    """The interview's letter."""
    _interview, letter = await _existing(session, user, interview_id)
    return LetterOut.model_validate(letter)


async def draft(session: AsyncSession, user: User, interview_id: str) -> LetterOut:
    """Draft (or redraft) the letter from the answers' evidence; an approved letter stays as sent."""
    interview, job = await get_visible(session, user, interview_id)
    if interview.status not in REVIEWABLE:
        raise Conflict("a feedback letter can be drafted once the interview has ended")
    letter = await review_repo.letter(session, interview.id)
    if letter is not None and letter.status == "approved":
        raise Conflict("this letter was approved and sent; it cannot be redrafted")
    candidate = await candidate_repo.get(session, interview.candidate_id)
    findings = [
        AnswerFinding(
            competency=row.competency or job.title,
            score=row.score_exact,
            quotes=_strongest_first(detail_of(row).evidence),
            missing=tuple(detail_of(row).follow_up_reasons),
        )
        for row in latest_per_question(await repo.scores(session, interview.id))
    ]
    text = draft_letter(candidate.name if candidate else "", job.title, job.language, findings)
    if letter is None:
        letter = FeedbackLetter(
            interview_id=interview.id, language=job.language, text=text, drafted_by=user.email
        )
    else:
        letter.text, letter.drafted_by = text, user.email
    await review_repo.save_letter(session, letter)
    await audit_repo.audit(session, user.email, "feedback.drafted", interview.id)
    return LetterOut.model_validate(letter)


async def edit(session: AsyncSession, user: User, interview_id: str, body: LetterIn) -> LetterOut:
    """Save HR's edits to the draft."""
    interview, letter = await _existing(session, user, interview_id)
    if letter.status == "approved":
        raise Conflict("this letter was approved and sent; it cannot be changed")
    before = letter.text
    letter.text = body.text.strip()
    await review_repo.save_letter(session, letter)
    await audit_repo.audit(
        session, user.email, "feedback.edited", interview.id, before=before, after=letter.text
    )
    return LetterOut.model_validate(letter)


async def approve(session: AsyncSession, user: User, interview_id: str) -> LetterOut:
    """Approve the letter: it goes to the HR systems (outbox) to be sent to the candidate."""
    interview, letter = await _existing(session, user, interview_id)
    if letter.status == "approved":
        raise Conflict("this letter has already been approved")
    letter.status, letter.approved_by, letter.approved_at = "approved", user.email, utcnow()
    await review_repo.save_letter(session, letter)
    await audit_repo.audit(session, user.email, "feedback.approved", interview.id)
    job = await job_repo.get(session, interview.job_id)
    if job is not None:
        await next_step.after_letter_approved(session, user, interview, job)
    await enqueue(
        session,
        "candidate.feedback",
        interview.id,
        {
            "interview_id": interview.id,
            "candidate_ref": interview.candidate_id,
            "language": letter.language,
            "text": letter.text,
            "approved_by": user.email,
        },
    )
    return LetterOut.model_validate(letter)
