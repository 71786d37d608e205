"""What the modules store goes with the rest: code runs with the transcripts, module results with the
scores, everything (the survey answer included) when the candidate is erased. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from server.db.base import utcnow
from server.db.engine import make_sessionmaker
from server.db.models import CodeRun, Interview, ModuleResult, SurveyResponse
from server.services.erasure import erase_candidate
from server.services.retention import Retention, purge
from tests.server.test_erasure_traces import seed_whole_interview
from tests.server.test_retention_audit import VAULT


async def rows(sessions: async_sessionmaker[AsyncSession], model: object, interview_id: str) -> int:
    async with sessions() as s:
        column = model.interview_id  # type: ignore[attr-defined]
        return int((await s.execute(select(func.count()).where(column == interview_id))).scalar_one())


async def test_module_rows_follow_retention_and_erasure(engine: AsyncEngine, tmp_path: Path) -> None:
    sessions = make_sessionmaker(engine, VAULT)
    recordings = tmp_path / "recordings"
    candidate_id = await seed_whole_interview(sessions, recordings)
    async with sessions.begin() as s:
        interview = (
            await s.execute(select(Interview).where(Interview.candidate_id == candidate_id))
        ).scalar_one()
        interview.ended_at = utcnow() - timedelta(days=100)
        iid, job_id = interview.id, interview.job_id
        s.add(CodeRun(interview_id=iid, question_index=0, t=3.0, code="print(1)", status="passed", result={}))
        s.add(ModuleResult(interview_id=iid, question_index=1, module="read_aloud", t=9.0, figures={"x": 1}))
        s.add(SurveyResponse(interview_id=iid, job_id=job_id, rating=5, comment="Good", language="en"))
    retention = Retention(recordings_days=30, transcripts_days=60, scores_days=90, reports_days=730)
    await purge(sessions, retention, recordings, VAULT)
    assert await rows(sessions, CodeRun, iid) == 0
    assert await rows(sessions, ModuleResult, iid) == 0
    assert await rows(sessions, SurveyResponse, iid) == 1  # a satisfaction answer stays with the report
    await erase_candidate(sessions, candidate_id, "test", recordings, VAULT)
    assert await rows(sessions, SurveyResponse, iid) == 0
