"""Staff views of interviews: list, detail with transcript and recordings (played by playback.py)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import AuditEvent, Interview, Job, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import candidates as candidate_repo
from server.db.repositories import integrity as integrity_repo
from server.db.repositories import interviews as repo
from server.db.repositories import jobs as job_repo
from server.db.repositories import resumes as resume_repo
from server.db.repositories import reviews as review_repo
from server.db.repositories.plans import planned_questions
from server.errors import NotFound
from server.schemas import (
    CoverageOut,
    FlagOut,
    InterviewDetail,
    InterviewFilter,
    InterviewPlanOut,
    InterviewSummary,
    NoteOut,
    PlanQuestionOut,
    RecordingOut,
    ScoreOut,
    UtteranceOut,
)
from server.services.consent import ai_evaluation_allowed
from server.services.reports import summary_of
from server.services.scope import visible_to


def agent_state(status: str, trail: Sequence[AuditEvent]) -> str:
    """The agent's state as the consoles' controls left it."""
    if status == "finished":
        return "finished"
    state = "running"
    for event in trail:
        state = STATE_AFTER.get(event.action.removeprefix("control."), state)
    return state


STATE_AFTER = {
    "pause": "paused",
    "resume": "running",
    "take_over": "taken_over",
    "hand_back": "running",
    "end": "finished",
}


async def list_for(
    session: AsyncSession, user: User, filters: InterviewFilter | None = None
) -> list[InterviewSummary]:
    """The interviews this user may see, newest first, narrowed by `filters`."""
    f = filters or InterviewFilter()
    if f.job_id is not None:  # a job's interviews of every version: the filter names the family
        chosen = await job_repo.get(session, f.job_id)
        f = f.model_copy(update={"job_id": (chosen.family_id or chosen.id) if chosen else f.job_id})
    rows = [
        (i, j, c)
        for i, j, c in await repo.list_with_people(session)
        if visible_to(user, j) and f.admits(i, j)
    ]
    scores = await repo.scores_of(session, [i.id for i, _, _ in rows])
    scored_jobs = {j.id for i, j, _ in rows if i.id in scores}
    rubrics = {job_id: await job_repo.get_full(session, job_id) for job_id in scored_jobs}
    out = []
    for i, j, c in rows:
        overall = (
            summary_of(scores[i.id], rubrics[j.id], i.scoring_weights).overall if i.id in scores else None
        )
        if f.min_score is not None and (overall is None or overall < f.min_score):
            continue
        out.append(
            InterviewSummary(
                id=i.id,
                status=i.status,
                review_status=i.review_status,
                job_id=j.id,
                job_title=j.title,
                job_version=j.version,
                department=j.department,
                candidate_name=c.name,
                created_at=i.created_at,
                overall_score=overall,
            )
        )
    return out


async def get_visible(session: AsyncSession, user: User, interview_id: str) -> tuple[Interview, Job]:
    """The interview and its job, or 404 when it does not exist or the user may not see it."""
    interview = await repo.get(session, interview_id)
    job = await job_repo.get_full(session, interview.job_id) if interview else None
    if interview is None or job is None or not visible_to(user, job):
        raise NotFound("no such interview")
    return interview, job


async def detail(session: AsyncSession, user: User, interview_id: str) -> InterviewDetail:
    """An interview with questions, transcript and recordings."""
    interview, job = await get_visible(session, user, interview_id)
    candidate = await candidate_repo.get(session, interview.candidate_id)
    rows = await repo.scores(session, interview.id)
    summary = summary_of(rows, job, interview.scoring_weights)
    resume = await resume_repo.of_interview(session, interview.id)
    planned = planned_questions(job, resume.profile if resume else None)
    return InterviewDetail(
        id=interview.id,
        status=interview.status,
        review_status=interview.review_status,
        job_id=job.id,
        department=job.department,
        job_title=job.title,
        job_version=job.version,
        candidate_name=candidate.name if candidate else "",
        created_at=interview.created_at,
        language=job.language,
        question_index=interview.question_index,
        questions=[q.text for q in planned],
        question_sources=[q.source for q in planned],
        transcript=[UtteranceOut.model_validate(u) for u in await repo.utterances(session, interview.id)],
        recordings=[RecordingOut.model_validate(r) for r in await repo.recordings(session, interview.id)],
        scores=[ScoreOut.model_validate(s) for s in rows],
        summary=summary.as_dict(),
        overall_score=summary.overall,
        notes=[NoteOut.model_validate(n) for n in await review_repo.notes(session, interview.id)],
        flags=[FlagOut.model_validate(f) for f in await integrity_repo.flags(session, interview.id)],
        agent_state=agent_state(interview.status, await audit_repo.audit_trail(session, interview.id)),
        started_at=interview.started_at,
        candidate_id=interview.candidate_id,
        legal_hold=interview.legal_hold,
        legal_hold_reason=interview.legal_hold_reason,
        human_evaluation_requested=not await ai_evaluation_allowed(session, interview.id),
    )


async def plan(session: AsyncSession, user: User, interview_id: str) -> InterviewPlanOut:
    """The questions this interview's agent asks, the resume's marked (the console's outline)."""
    interview, job = await get_visible(session, user, interview_id)
    resume = await resume_repo.of_interview(session, interview.id)
    planned = planned_questions(job, resume.profile if resume else None)
    return InterviewPlanOut(
        questions=[
            PlanQuestionOut(
                id=q.id,
                text=q.text,
                competency=q.competency,
                kind=q.kind,
                minutes=q.minutes,
                source=q.source,
                basis=q.basis,
            )
            for q in planned
        ],
        personalised=resume is not None,
    )


async def coverage(session: AsyncSession, user: User, interview_id: str) -> CoverageOut:
    """The interview's score summary and competency coverage (what the console refreshes per score)."""
    interview, job = await get_visible(session, user, interview_id)
    summary = summary_of(await repo.scores(session, interview.id), job, interview.scoring_weights)
    return CoverageOut(summary=summary.as_dict(), overall_score=summary.overall)
