"""A generated hiring data set with known effects, stored as a job's interviews, for the analytics tests.

Planted: performance after hiring depends on communication and problem solving (weights 0.5/0.5) and
not on customer focus; HR advances women less often than men at the same AI score (adverse impact).
Everything the reports should find can be computed independently from `Dataset`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from server.db.models import (
    AnswerScoreRow,
    Candidate,
    Competency,
    Interview,
    Job,
    ReviewDecision,
    SelfReportedGroup,
)

COMPETENCIES = ("communication", "problem_solving", "customer_focus")
PLANTED = (0.5, 0.5, 0.0)


@dataclass
class Dataset:
    """Per candidate: AI competency scores, group, HR decision, recommendation and outcomes (if hired)."""

    scores: np.ndarray  # (n, 3)
    groups: list[str]
    advanced: np.ndarray  # bool
    recommendation: list[str]
    performance: np.ndarray  # NaN where not hired
    interview_ids: list[str]


def generate(n: int = 200, seed: int = 7) -> Dataset:
    """Draw the data set (no storage)."""
    rng = np.random.default_rng(seed)
    scores = np.round(np.clip(rng.normal(3.0, 0.8, size=(n, 3)), 1, 5), 2)
    groups = ["female" if i % 2 else "male" for i in range(n)]
    penalty = np.array([0.7 if g == "female" else 0.0 for g in groups])
    advanced = scores.mean(axis=1) - penalty + rng.normal(0, 0.3, n) > 2.9
    recommendation = [
        ("strong_yes" if s > 3.4 else "yes") if a else "no"
        for a, s in zip(advanced, scores.mean(axis=1), strict=True)
    ]
    performance = 2 * (scores @ np.array(PLANTED)) + rng.normal(0, 0.35, n)
    performance = np.where(advanced, np.round(performance, 3), np.nan)
    return Dataset(scores, groups, advanced, recommendation, performance, [])


async def store(
    sessions: async_sessionmaker[AsyncSession], data: Dataset, department: str = "Engineering"
) -> str:
    """Store the data set as one job's finished, reviewed interviews; returns the job id."""
    async with sessions.begin() as s:
        job = Job(title="Analytics job", department=department, language="en")
        job.competencies = [Competency(name=c, weight=1.0) for c in COMPETENCIES]
        s.add(job)
        await s.flush()
        for i, group in enumerate(data.groups):
            candidate = Candidate(name=f"Candidate {i}", email=None, external_refs={})
            s.add(candidate)
            await s.flush()
            interview = Interview(
                job_id=job.id,
                candidate_id=candidate.id,
                status="finished",
                invite_nonce=f"n{i}",
                review_status="next_round" if data.advanced[i] else "rejected",
            )
            s.add(interview)
            await s.flush()
            data.interview_ids.append(interview.id)
            for q, name in enumerate(COMPETENCIES):
                value = float(data.scores[i, q])
                s.add(
                    AnswerScoreRow(
                        interview_id=interview.id,
                        question_index=q,
                        competency=name,
                        score=round(value),
                        score_exact=value,
                        confidence=0.8,
                        scorer="generated",
                        detail={},
                    )
                )
            s.add(
                ReviewDecision(
                    interview_id=interview.id,
                    actor="hr@example.test",
                    competency=None,
                    recommendation=data.recommendation[i],
                    status=interview.review_status,
                    comment="generated",
                )
            )
            s.add(
                SelfReportedGroup(candidate_id=candidate.id, category="sex", value=group, consent_version="t")
            )
    return job.id
