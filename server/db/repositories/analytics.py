"""Reads for the analytics reports and writes of outcomes and self-reported groups.

The reads select columns, not rows, so sealed columns (answer text, evidence) are never loaded or
opened to compute a statistic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import AnswerScoreRow, Interview, Outcome, ReviewDecision, SelfReportedGroup


@dataclass(frozen=True)
class InterviewFacts:
    """What the reports need of one interview: ids, status, HR's decision, its frozen weights if any."""

    interview_id: str
    candidate_id: str
    status: str
    review_status: str
    scoring_weights: dict[str, float] | None


async def interviews_of_job(session: AsyncSession, job_id: str) -> list[InterviewFacts]:
    """Every interview of the job, oldest first."""
    result = await session.execute(
        select(
            Interview.id,
            Interview.candidate_id,
            Interview.status,
            Interview.review_status,
            Interview.scoring_weights,
        )
        .where(Interview.job_id == job_id)
        .order_by(Interview.created_at)
    )
    return [InterviewFacts(*row) for row in result.all()]


async def competency_means(
    session: AsyncSession, interview_ids: Sequence[str]
) -> dict[str, dict[str, float]]:
    """The AI's mean exact score per competency, by interview."""
    out: dict[str, dict[str, float]] = {}
    if not interview_ids:
        return out
    result = await session.execute(
        select(AnswerScoreRow.interview_id, AnswerScoreRow.competency, func.avg(AnswerScoreRow.score_exact))
        .where(AnswerScoreRow.interview_id.in_(interview_ids), AnswerScoreRow.competency.is_not(None))
        .group_by(AnswerScoreRow.interview_id, AnswerScoreRow.competency)
    )
    for iid, competency, mean in result.all():
        out.setdefault(iid, {})[competency] = float(mean)
    return out


async def human_scores(session: AsyncSession, interview_ids: Sequence[str]) -> dict[str, dict[str, float]]:
    """HR's latest score per competency, by interview (absent where HR gave none)."""
    out: dict[str, dict[str, float]] = {}
    if not interview_ids:
        return out
    result = await session.execute(
        select(ReviewDecision.interview_id, ReviewDecision.competency, ReviewDecision.human_score)
        .where(
            ReviewDecision.interview_id.in_(interview_ids),
            ReviewDecision.competency.is_not(None),
            ReviewDecision.human_score.is_not(None),
        )
        .order_by(ReviewDecision.created_at)
    )
    for iid, competency, score in result.all():
        if competency is not None and score is not None:
            out.setdefault(iid, {})[competency] = float(score)
    return out


async def outcomes_of(session: AsyncSession, interview_ids: Sequence[str]) -> dict[str, dict[str, float]]:
    """Imported outcomes (metric: value), by interview."""
    out: dict[str, dict[str, float]] = {}
    if not interview_ids:
        return out
    result = await session.execute(
        select(Outcome.interview_id, Outcome.metric, Outcome.value).where(
            Outcome.interview_id.in_(interview_ids)
        )
    )
    for iid, metric, value in result.all():
        out.setdefault(iid, {})[metric] = float(value)
    return out


async def replace_outcomes(session: AsyncSession, rows: Sequence[Outcome]) -> None:
    """Store outcomes; a newer import of the same interview and metric replaces the older value."""
    keys = [(r.interview_id, r.metric) for r in rows]
    if keys:
        await session.execute(delete(Outcome).where(tuple_(Outcome.interview_id, Outcome.metric).in_(keys)))
    session.add_all(list(rows))
    await session.flush()


async def replace_groups(session: AsyncSession, candidate_id: str, rows: Sequence[SelfReportedGroup]) -> None:
    """Store a candidate's self-reported answers, replacing any earlier ones."""
    await session.execute(delete(SelfReportedGroup).where(SelfReportedGroup.candidate_id == candidate_id))
    session.add_all(list(rows))
    await session.flush()


async def group_labels(session: AsyncSession, candidate_ids: Sequence[str], category: str) -> dict[str, str]:
    """Self-reported values of one category, by candidate: for the bias audit's counts only."""
    if not candidate_ids:
        return {}
    result = await session.execute(
        select(SelfReportedGroup.candidate_id, SelfReportedGroup.value).where(
            SelfReportedGroup.candidate_id.in_(candidate_ids), SelfReportedGroup.category == category
        )
    )
    return {cid: value for cid, value in result.all()}


async def all_group_labels(session: AsyncSession, candidate_ids: Sequence[str]) -> dict[str, dict[str, str]]:
    """Every self-reported value, by category then candidate: for the intersectional audit's counts."""
    out: dict[str, dict[str, str]] = {}
    if not candidate_ids:
        return out
    result = await session.execute(
        select(SelfReportedGroup.category, SelfReportedGroup.candidate_id, SelfReportedGroup.value).where(
            SelfReportedGroup.candidate_id.in_(candidate_ids)
        )
    )
    for category, cid, value in result.all():
        out.setdefault(category, {})[cid] = value
    return out


async def recommendations(session: AsyncSession, interview_ids: Sequence[str]) -> dict[str, str]:
    """HR's latest overall recommendation (strong_no ... strong_yes), by interview."""
    out: dict[str, str] = {}
    if not interview_ids:
        return out
    result = await session.execute(
        select(ReviewDecision.interview_id, ReviewDecision.recommendation)
        .where(
            ReviewDecision.interview_id.in_(interview_ids),
            ReviewDecision.competency.is_(None),
            ReviewDecision.recommendation.is_not(None),
        )
        .order_by(ReviewDecision.created_at)
    )
    for iid, recommendation in result.all():
        if recommendation is not None:
            out[iid] = recommendation
    return out
