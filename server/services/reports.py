"""Reports for the HR systems, and the outbox events an interview's end writes (same transaction)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from ehr_sync.report import CompetencyResult, EvidenceQuote, ReportLinks, ReportV1, ReviewOutcome
from scoring.rubric import DEFAULT_RUBRIC, CompetencyRubric, Rubric
from scoring.summary import InterviewResult, ScoredAnswer, summarise
from server.db.models import AnswerScoreRow, Interview, Job
from server.db.repositories import candidates as candidate_repo
from server.db.repositories import integrity as integrity_repo
from server.db.repositories import interviews as repo
from server.db.repositories import jobs as job_repo
from server.db.repositories.outbox import enqueue
from server.schemas import ReviewOut
from server.services.consent import ai_evaluation_allowed
from server.services.scores import detail_of

MAX_QUOTES = 8


def job_rubric(job: Job | None, weights: Mapping[str, float] | None = None) -> Rubric:
    """The job's competencies as a rubric (built-in competencies when it has none).

    `weights`: the weights an interview was scored with, frozen when an admin later changed the job's
    (`Interview.scoring_weights`), so an earlier report keeps its overall score.
    """
    frozen = weights or {}
    comps = tuple(
        CompetencyRubric(c.name, frozen.get(c.name, c.weight), c.indicators or {}, c.scale or "anchored5")
        for c in (job.competencies if job else [])
    )
    return Rubric(comps) if comps else DEFAULT_RUBRIC


def latest_per_question(rows: Sequence[AnswerScoreRow]) -> list[AnswerScoreRow]:
    """The final score of each question.

    An answer extended by a follow-up is scored again; only its latest score counts (the earlier rows
    stay, as history).
    """
    latest: dict[int, AnswerScoreRow] = {}
    for row in sorted(rows, key=lambda r: (r.question_index, r.created_at)):
        latest[row.question_index] = row
    return [latest[i] for i in sorted(latest)]


def unique_quotes(rows: Sequence[AnswerScoreRow]) -> list[dict[str, Any]]:
    """The answers' evidence, one entry per quoted sentence, with the question it answered.

    A sentence can be evidence of several STAR parts: its labels are kept together.
    """
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        for quote in detail_of(row).evidence:
            key = str(quote.get("text", ""))
            if key in out:
                out[key]["labels"] = [*out[key]["labels"], quote.get("label")]
            else:
                out[key] = {**quote, "question_index": row.question_index, "labels": [quote.get("label")]}
    return list(out.values())


def reasons_of(rows: Sequence[AnswerScoreRow]) -> list[str]:
    """The scorer's reasons across answers, each once, in order."""
    return list(dict.fromkeys(x for row in rows for x in detail_of(row).reasons))


def summary_of(
    rows: Sequence[AnswerScoreRow], job: Job | None, weights: Mapping[str, float] | None = None
) -> InterviewResult:
    """Interview-level result from the stored answer scores (the latest per question).

    `weights`: the interview's frozen weights (`Interview.scoring_weights`), if any.
    """
    rows = latest_per_question(rows)
    answers = [
        ScoredAnswer(r.competency, r.score, r.score_exact, detail_of(r).scale, r.confidence) for r in rows
    ]
    return summarise(answers, job_rubric(job, weights))


async def build_report(
    session: AsyncSession, interview: Interview, public_url: str, review: ReviewOut | None = None
) -> ReportV1:
    """The canonical report from stored scores, with the human decision once there is one."""
    job: Job | None = await job_repo.get_full(session, interview.job_id)
    rows = latest_per_question(await repo.scores(session, interview.id))
    result = summary_of(rows, job, interview.scoring_weights)
    candidate = await candidate_repo.get(session, interview.candidate_id)
    human = {c.name: c.human_score for c in review.competencies} if review else {}
    competencies = []
    for c in result.competencies:
        mine = [r for r in rows if r.competency == c.name]
        quotes = [
            EvidenceQuote(text=e["text"], t_start=e.get("t_start"), t_end=e.get("t_end"))
            for e in sorted(unique_quotes(mine), key=lambda e: e.get("t_start") or 0.0)
        ][:MAX_QUOTES]
        reasons = reasons_of(mine)[:5]
        competencies.append(
            CompetencyResult(
                name=c.name,
                score=c.score,
                coverage=c.coverage,
                evidence=quotes,
                reasons=reasons,
                human_score=human.get(c.name),
            )
        )
    base = public_url.rstrip("/")
    recordings = await repo.recordings(session, interview.id)
    return ReportV1(
        report_id=f"{interview.id}-v1",
        interview_id=interview.id,
        candidate_ref=interview.candidate_id,
        candidate_external_refs=dict(candidate.external_refs or {}) if candidate else {},
        job_ref=interview.job_id,
        job_title=job.title if job else "",
        status=interview.status,
        overall_score=result.overall,
        recommendation=result.recommendation,
        competencies=competencies,
        completed_at=interview.ended_at,
        needs_human_review=review is None or review.decided_by is None,
        human_evaluation_requested=not await ai_evaluation_allowed(session, interview.id),
        integrity_flags=[
            {"kind": f.kind, "t_start": f.t_start, "t_end": f.t_end}
            for f in await integrity_repo.flags(session, interview.id)
        ],
        reviewed_by=review.decided_by if review else None,
        review=ReviewOutcome(
            status=review.status,  # type: ignore[arg-type]
            recommendation=review.recommendation,  # type: ignore[arg-type]
            decided_by=review.decided_by,
            decided_at=review.decided_at,
            comment=review.comment,
        )
        if review
        else None,
        links=ReportLinks(
            report=f"{base}/report/{interview.id}",
            transcript=f"{base}/review/{interview.id}",
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
