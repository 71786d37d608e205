"""HR review: the scorecard with AI and human scores side by side, decisions, and notes.

AI scores, a human decides: a decision never changes an AI score. It adds decision rows, moves the
review status, writes the audit trail (who, when, before, after), and publishes `report.reviewed` for
the HR systems, all in the request's transaction.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from ehr_sync.report import ReportV1
from server.db.models import Interview, InterviewNote, Job, ReviewDecision, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import interviews as repo
from server.db.repositories import jobs as job_repo
from server.db.repositories import reviews as review_repo
from server.db.repositories.outbox import enqueue
from server.errors import Conflict, Unprocessable
from server.schemas import (
    AuditOut,
    CompetencyReviewOut,
    ConsentRecordOut,
    NoteIn,
    NoteOut,
    ReviewIn,
    ReviewOut,
)
from server.services import next_step
from server.services.interviews import get_visible
from server.services.reports import (
    build_report,
    latest_per_question,
    reasons_of,
    summary_of,
    unique_quotes,
)

REVIEWABLE = ("finished", "interrupted")
REVIEW_ACTIONS = ("review.decided",)


async def scorecard(session: AsyncSession, user: User, interview_id: str) -> ReviewOut:
    """The interview's scorecard as the reviewer sees it."""
    interview, job = await get_visible(session, user, interview_id)
    return await scorecard_of(session, interview, job)


async def scorecard_of(session: AsyncSession, interview: Interview, job: Job | None = None) -> ReviewOut:
    """The scorecard of an interview (no access check: for callers that did their own)."""
    job = job or await job_repo.get_full(session, interview.job_id)
    rows = latest_per_question(await repo.scores(session, interview.id))
    result = summary_of(rows, job, interview.scoring_weights)
    decided = await review_repo.decisions(session, interview.id)
    human = {d.competency: d for d in decided if d.competency is not None}
    overall = next((d for d in reversed(decided) if d.competency is None), None)
    competencies = []
    for c in result.competencies:
        mine = [r for r in rows if r.competency == c.name]
        competencies.append(
            CompetencyReviewOut(
                name=c.name,
                ai_score=c.score,
                coverage=c.coverage,
                human_score=human[c.name].human_score if c.name in human else None,
                evidence=unique_quotes(mine),
                reasons=reasons_of(mine),
            )
        )
    history = [a for a in await audit_repo.audit_trail(session, interview.id) if a.action in REVIEW_ACTIONS]
    consent = await repo.latest_consent(session, interview.id)
    return ReviewOut(
        interview_id=interview.id,
        status=interview.review_status,
        ai_overall=result.overall,
        ai_recommendation=result.recommendation,
        recommendation=overall.recommendation if overall else None,
        decided_by=overall.actor if overall else None,
        decided_at=overall.created_at if overall else None,
        comment=overall.comment if overall else None,
        competencies=competencies,
        history=[AuditOut.model_validate(a) for a in history],
        human_evaluation_requested=consent is not None and not consent.ai_evaluation,
        consent=ConsentRecordOut.model_validate(consent) if consent else None,
    )


async def report(session: AsyncSession, user: User, interview_id: str, public_url: str) -> ReportV1:
    """The interview's report as the HR systems receive it (each view audited)."""
    interview, job = await get_visible(session, user, interview_id)
    card = await scorecard_of(session, interview, job)
    await audit_repo.audit(session, user.email, "report.viewed", interview.id)
    return await build_report(session, interview, public_url, card)


async def decide(
    session: AsyncSession, user: User, interview_id: str, review: ReviewIn, public_url: str
) -> ReviewOut:
    """Store a reviewer's decision; the AI's scores stay as they were."""
    interview, job = await get_visible(session, user, interview_id)
    if interview.status not in REVIEWABLE:
        raise Conflict(f"the interview is {interview.status}; it can be reviewed once it has ended")
    comment = review.comment.strip()
    if not comment:
        raise Unprocessable("a comment is required: say why you confirm or change the AI's assessment")
    before = await scorecard_of(session, interview, job)
    known = {c.name: c for c in before.competencies}
    unknown = [c.name for c in review.competencies if c.name not in known]
    if unknown:
        raise Unprocessable(f"this interview has no competency named {', '.join(map(repr, unknown))}")
    rows = [
        ReviewDecision(
            interview_id=interview.id,
            actor=user.email,
            competency=c.name,
            ai_score=known[c.name].ai_score,
            human_score=c.score,
            comment=comment,
        )
        for c in review.competencies
    ]
    rows.append(
        ReviewDecision(
            interview_id=interview.id,
            actor=user.email,
            competency=None,
            ai_recommendation=before.ai_recommendation,
            recommendation=review.recommendation,
            status=review.status,
            comment=comment,
        )
    )
    await review_repo.add_decisions(session, rows)
    interview.review_status = review.status
    await next_step.after_decision(session, user, interview, job)
    await audit_repo.audit(
        session,
        user.email,
        "review.decided",
        interview.id,
        comment=comment,
        before={
            "status": before.status,
            "recommendation": before.recommendation,
            "scores": {c.name: c.human_score for c in before.competencies},
        },
        after={
            "status": review.status,
            "recommendation": review.recommendation,
            "scores": {
                **{c.name: c.human_score for c in before.competencies},
                **{c.name: c.score for c in review.competencies},
            },
        },
        ai={
            "recommendation": before.ai_recommendation,
            "scores": {c.name: c.ai_score for c in before.competencies},
        },
    )
    after = await scorecard_of(session, interview, job)
    report = await build_report(session, interview, public_url, after)
    await enqueue(session, "report.reviewed", interview.id, report.model_dump(mode="json"))
    return after


async def add_note(session: AsyncSession, user: User, interview_id: str, note: NoteIn) -> NoteOut:
    """Keep an interviewer's private note on the interview's timeline."""
    interview, _job = await get_visible(session, user, interview_id)
    row = await review_repo.add_note(
        session, InterviewNote(interview_id=interview.id, author=user.email, t_s=note.t_s, text=note.text)
    )
    return NoteOut.model_validate(row)


async def notes(session: AsyncSession, user: User, interview_id: str) -> list[NoteOut]:
    """The interview's notes."""
    interview, _job = await get_visible(session, user, interview_id)
    return [NoteOut.model_validate(n) for n in await review_repo.notes(session, interview.id)]
