"""Reports for the HR systems, and the outbox events an interview's end writes (same transaction)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from ehr_sync.report import CompetencyResult, EvidenceQuote, ReportLinks, ReportV1
from scoring.rubric import DEFAULT_RUBRIC, CompetencyRubric, Rubric
from scoring.summary import InterviewResult, ScoredAnswer, summarise
from server.db.models import AnswerScoreRow, Interview, Job
from server.db.repositories import interviews as repo
from server.db.repositories import jobs as job_repo
from server.db.repositories.outbox import enqueue


def job_rubric(job: Job | None) -> Rubric:
    """The job's competencies as a rubric (built-in competencies when it has none)."""
    comps = tuple(
        CompetencyRubric(c.name, c.weight, c.indicators or {}, c.scale or "anchored5")
        for c in (job.competencies if job else [])
    )
    return Rubric(comps) if comps else DEFAULT_RUBRIC


def summary_of(rows: Sequence[AnswerScoreRow], job: Job | None) -> InterviewResult:
    """Interview-level result from the stored answer scores."""
    answers = [
        ScoredAnswer(
            r.competency, r.score, r.score_exact, str(r.detail.get("scale", "anchored5")), r.confidence
        )
        for r in rows
    ]
    return summarise(answers, job_rubric(job))


async def build_report(session: AsyncSession, interview: Interview, public_url: str) -> ReportV1:
    """The canonical report from stored scores."""
    job: Job | None = await job_repo.get_full(session, interview.job_id)
    rows = await repo.scores(session, interview.id)
    result = summary_of(rows, job)
    competencies = []
    for c in result.competencies:
        mine = [r for r in rows if r.competency == c.name]
        quotes = [
            EvidenceQuote(text=e["text"], t_start=e.get("t_start"), t_end=e.get("t_end"))
            for r in mine
            for e in r.detail.get("evidence", [])
        ][:5]
        reasons = list(dict.fromkeys(x for r in mine for x in r.detail.get("reasons", [])))[:5]
        competencies.append(
            CompetencyResult(
                name=c.name, score=c.score, coverage=c.coverage, evidence=quotes, reasons=reasons
            )
        )
    base = public_url.rstrip("/")
    recordings = await repo.recordings(session, interview.id)
    return ReportV1(
        report_id=f"{interview.id}-v1",
        interview_id=interview.id,
        candidate_ref=interview.candidate_id,
        job_ref=interview.job_id,
        job_title=job.title if job else "",
        status=interview.status,
        overall_score=result.overall,
        recommendation=result.recommendation,
        competencies=competencies,
        completed_at=interview.ended_at,
        links=ReportLinks(
            report=f"{base}/console/{interview.id}",
            transcript=f"{base}/console/{interview.id}",
            recording=f"{base}/api/interviews/{interview.id}/recordings/{recordings[-1].id}"
            if recordings
            else None,
        ),
    )


async def interview_completed(session: AsyncSession, interview: Interview, public_url: str) -> None:
    """Write `interview.completed` and `report.ready` in the caller's transaction."""
    await enqueue(
        session,
        "interview.completed",
        interview.id,
        {"interview_id": interview.id, "candidate_ref": interview.candidate_id, "job_ref": interview.job_id},
    )
    report: dict[str, Any] = (await build_report(session, interview, public_url)).model_dump(mode="json")
    await enqueue(session, "report.ready", interview.id, report)
