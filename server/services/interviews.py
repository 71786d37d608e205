"""Staff views of interviews: list, detail with transcript, recordings."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import Candidate, Interview, Job, Recording, User
from server.db.repositories import interviews as repo
from server.db.repositories import jobs as job_repo
from server.errors import NotFound
from server.schemas import InterviewDetail, InterviewSummary, RecordingOut, ScoreOut, UtteranceOut
from server.services.reports import summary_of


def _visible(user: User, job: Job) -> bool:
    """Admins and interviewers see every interview; HR sees their department's jobs."""
    return user.role != "hr" or user.department is None or user.department == job.department


async def list_for(session: AsyncSession, user: User) -> list[InterviewSummary]:
    """The interviews this user may see, newest first."""
    return [
        InterviewSummary(
            id=i.id, status=i.status, job_title=j.title, candidate_name=c.name, created_at=i.created_at
        )
        for i, j, c in await repo.list_with_people(session)
        if _visible(user, j)
    ]


async def _get_visible(session: AsyncSession, user: User, interview_id: str) -> tuple[Interview, Job]:
    interview = await repo.get(session, interview_id)
    job = await job_repo.get_full(session, interview.job_id) if interview else None
    if interview is None or job is None or not _visible(user, job):
        raise NotFound("no such interview")
    return interview, job


async def detail(session: AsyncSession, user: User, interview_id: str) -> InterviewDetail:
    """An interview with questions, transcript and recordings."""
    interview, job = await _get_visible(session, user, interview_id)
    candidate = await session.get(Candidate, interview.candidate_id)
    rows = await repo.scores(session, interview.id)
    return InterviewDetail(
        id=interview.id,
        status=interview.status,
        job_title=job.title,
        candidate_name=candidate.name if candidate else "",
        created_at=interview.created_at,
        language=job.language,
        question_index=interview.question_index,
        questions=[q.text for q in job.questions],
        transcript=[UtteranceOut.model_validate(u) for u in await repo.utterances(session, interview.id)],
        recordings=[RecordingOut.model_validate(r) for r in await repo.recordings(session, interview.id)],
        scores=[ScoreOut.model_validate(s) for s in rows],
        summary=summary_of(rows, job).as_dict(),
    )


async def recording_file(session: AsyncSession, user: User, interview_id: str, recording_id: str) -> Path:
    """The path of a recording the user may download (audited)."""
    await _get_visible(session, user, interview_id)
    recording = await session.get(Recording, recording_id)
    if recording is None or recording.interview_id != interview_id:
        raise NotFound("no such recording")
    path = Path(recording.path)
    if not await asyncio.to_thread(path.is_file):
        raise NotFound("the recording file is missing")
    await repo.audit(session, user.email, "recording.viewed", interview_id, recording_id=recording_id)
    return path
