"""A finished interview in the talent pool: candidate, consent and one scored answer quoting a result."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.models import AnswerScoreRow, Candidate, Consent, Interview


async def add_pool_interview(
    s: AsyncSession,
    job_id: str,
    name: str,
    score: float,
    quote: str,
    ai_evaluation: bool = True,
    withdrawn: bool = False,
) -> str:
    """Store a finished interview whose customer-focus answer scored `score` with `quote` as evidence;
    returns the candidate's id."""
    person = Candidate(name=name, email=None, external_refs={})
    s.add(person)
    await s.flush()
    interview = Interview(job_id=job_id, candidate_id=person.id, status="finished", invite_nonce="x")
    s.add(interview)
    await s.flush()
    s.add(
        Consent(
            interview_id=interview.id,
            version="v1",
            text="notice",
            recording=True,
            ai_evaluation=ai_evaluation,
            withdrawn_at=utcnow() if withdrawn else None,
        )
    )
    evidence = [{"text": quote, "label": "result", "start": 0, "end": len(quote)}]
    s.add(
        AnswerScoreRow(
            interview_id=interview.id,
            question_index=0,
            competency="customer_focus",
            score=round(score),
            score_exact=score,
            confidence=0.9,
            scorer="seed",
            detail={"evidence": evidence},
        )
    )
    return person.id
