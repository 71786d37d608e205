"""Interviews and what hangs off them: consent, utterances, scores, recordings; their erasure."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import (
    AnswerScoreRow,
    Candidate,
    CandidateMessage,
    Consent,
    FeedbackLetter,
    IntegrityFlag,
    Interview,
    InterviewNote,
    Invitation,
    Job,
    Recording,
    Resume,
    ReviewDecision,
    Utterance,
)

PERSONAL = (
    Utterance,
    AnswerScoreRow,
    Consent,
    Recording,
    ReviewDecision,
    InterviewNote,
    IntegrityFlag,
    FeedbackLetter,
    Resume,
    CandidateMessage,  # addresses and links sent to the candidate
    Invitation,
)
"""Rows about what a candidate said, did or was judged on: all go when the candidate is erased."""


async def add(session: AsyncSession, interview: Interview) -> Interview:
    """Insert an interview."""
    session.add(interview)
    await session.flush()
    return interview


async def get(session: AsyncSession, interview_id: str) -> Interview | None:
    """The interview with this id."""
    return await session.get(Interview, interview_id)


async def list_with_people(
    session: AsyncSession, limit: int = 200
) -> Sequence[tuple[Interview, Job, Candidate]]:
    """Recent interviews with their job and candidate, newest first."""
    result = await session.execute(
        select(Interview, Job, Candidate)
        .join(Job, Job.id == Interview.job_id)
        .join(Candidate, Candidate.id == Interview.candidate_id)
        .order_by(Interview.created_at.desc())
        .limit(limit)
    )
    return [(i, j, c) for i, j, c in result.all()]


async def of_candidate(session: AsyncSession, candidate_id: str) -> Sequence[Interview]:
    """Every interview of a candidate."""
    result = await session.execute(select(Interview).where(Interview.candidate_id == candidate_id))
    return result.scalars().all()


async def erase(session: AsyncSession, interview_ids: Sequence[str]) -> None:
    """Delete the interviews and every personal row about them."""
    for model in PERSONAL:
        await session.execute(delete(model).where(model.interview_id.in_(interview_ids)))
    await session.execute(delete(Interview).where(Interview.id.in_(interview_ids)))


async def add_consent(session: AsyncSession, consent: Consent) -> Consent:
    """Record a consent."""
    session.add(consent)
    await session.flush()
    return consent


async def latest_consent(session: AsyncSession, interview_id: str) -> Consent | None:
    """The newest consent given for the interview."""
    result = await session.execute(
        select(Consent)
        .where(Consent.interview_id == interview_id)
        .order_by(Consent.created_at.desc())
        .limit(1)
    )
    return result.scalar_one_or_none()


async def consents(session: AsyncSession, interview_id: str) -> Sequence[Consent]:
    """Every consent given for the interview, oldest first."""
    result = await session.execute(
        select(Consent).where(Consent.interview_id == interview_id).order_by(Consent.created_at)
    )
    return result.scalars().all()


async def add_utterance(session: AsyncSession, utterance: Utterance) -> Utterance:
    """Store one utterance."""
    session.add(utterance)
    await session.flush()
    return utterance


async def utterances(session: AsyncSession, interview_id: str) -> Sequence[Utterance]:
    """The interview's transcript in time order."""
    result = await session.execute(
        select(Utterance)
        .where(Utterance.interview_id == interview_id)
        .order_by(Utterance.created_at, Utterance.start_s)
    )
    return result.scalars().all()


async def add_score(session: AsyncSession, row: AnswerScoreRow) -> AnswerScoreRow:
    """Store the final AI score of an answer."""
    session.add(row)
    await session.flush()
    return row


async def scores(session: AsyncSession, interview_id: str) -> Sequence[AnswerScoreRow]:
    """The interview's answer scores in question order."""
    result = await session.execute(
        select(AnswerScoreRow)
        .where(AnswerScoreRow.interview_id == interview_id)
        .order_by(AnswerScoreRow.question_index, AnswerScoreRow.created_at)
    )
    return result.scalars().all()


async def scores_of(session: AsyncSession, interview_ids: Sequence[str]) -> dict[str, list[AnswerScoreRow]]:
    """Answer scores of several interviews, by interview."""
    if not interview_ids:
        return {}
    result = await session.execute(
        select(AnswerScoreRow)
        .where(AnswerScoreRow.interview_id.in_(interview_ids))
        .order_by(AnswerScoreRow.question_index, AnswerScoreRow.created_at)
    )
    out: dict[str, list[AnswerScoreRow]] = {}
    for row in result.scalars():
        out.setdefault(row.interview_id, []).append(row)
    return out


async def add_recording(session: AsyncSession, recording: Recording) -> Recording:
    """Register a recording file."""
    session.add(recording)
    await session.flush()
    return recording


async def recording(session: AsyncSession, recording_id: str) -> Recording | None:
    """The recording with this id."""
    return await session.get(Recording, recording_id)


async def recordings(session: AsyncSession, interview_id: str) -> Sequence[Recording]:
    """The interview's recordings, oldest first."""
    result = await session.execute(
        select(Recording).where(Recording.interview_id == interview_id).order_by(Recording.created_at)
    )
    return result.scalars().all()
