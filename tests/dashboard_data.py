"""A generated job where candidates stop at known steps, rate the interview, and reviewers mark AI scores.

Each interview's depth (how many steps it got through) is drawn first; what the server stores follows
from it, so the test computes every expected number from the depths, ratings and marks drawn here.
Some interviews leave an earlier step unrecorded (from before it was recorded): they still reached it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import numpy as np
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from server.db.models import (
    AnswerScoreRow,
    Candidate,
    Competency,
    Consent,
    Interview,
    Job,
    ScoreMark,
    SurveyResponse,
)

QUESTIONS = 3
STEPS = (
    "invited",
    "opened",
    "consented",
    "device_check",
    "started",
    *(f"question_{k}" for k in range(1, QUESTIONS + 1)),
    "completed",
)
MARKED = ("communication", "problem_solving")


@dataclass
class Way:
    """What was drawn: per interview its depth; the ratings; per competency the marks (True: reasonable)."""

    job_id: str
    depths: list[int] = field(default_factory=list)
    device_failed: int = 0
    ratings: list[int] = field(default_factory=list)
    marks: dict[str, list[bool]] = field(default_factory=dict)


async def store_way(
    sessions: async_sessionmaker[AsyncSession], seed: int = 9, n: int = 90, department: str = "Engineering"
) -> Way:
    """Store one job's interviews at drawn depths, with consents, device checks, surveys and marks."""
    rng = np.random.default_rng(seed)
    base = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
    way = Way("", marks={c: [] for c in MARKED})
    async with sessions.begin() as s:
        job = Job(title=f"Way job {seed}", department=department, language="en")
        job.competencies = [Competency(name=c, weight=1.0) for c in MARKED]
        s.add(job)
        await s.flush()
        way.job_id = job.id
        for i in range(n):
            depth = int(rng.integers(1, len(STEPS) + 1))
            way.depths.append(depth)
            candidate = Candidate(name=f"W{i}", email=None, external_refs={})
            s.add(candidate)
            await s.flush()
            when = base + timedelta(hours=i)
            unrecorded = rng.random() < 0.2  # the earlier steps of an old interview were not recorded
            interview = Interview(
                job_id=job.id, candidate_id=candidate.id, invite_nonce=f"w{i}", status="scheduled"
            )
            interview.created_at = when
            if depth >= 2 and not (unrecorded and depth >= 3):
                interview.opened_at = when
            if depth >= 4 and not (unrecorded and depth >= 5):
                interview.device_check_passed_at = when
            if depth == 3 and rng.random() < 0.5:
                interview.device_check_failed_at = when
                way.device_failed += 1
            if depth >= 5:
                interview.started_at = when
                interview.status = "interrupted"
                interview.question_index = depth - 6  # 5: joined, no question yet; 6: on question 1 ...
            if depth == len(STEPS):
                interview.status, interview.question_index = "finished", QUESTIONS - 1
                interview.ended_at = when + timedelta(minutes=20)
            s.add(interview)
            await s.flush()
            if depth >= 3:
                s.add(
                    Consent(
                        interview_id=interview.id,
                        version="t",
                        language="en",
                        jurisdiction=None,
                        text="notice",
                        recording=True,
                        ai_evaluation=True,
                    )
                )
            if depth == len(STEPS):
                await _finished_extras(s, rng, interview.id, job.id, way)
    return way


async def _finished_extras(
    s: AsyncSession, rng: np.random.Generator, iid: str, job_id: str, way: Way
) -> None:
    if rng.random() < 0.7:
        rating = int(rng.integers(1, 6))
        way.ratings.append(rating)
        s.add(SurveyResponse(interview_id=iid, job_id=job_id, rating=rating, comment=None, language="en"))
    for q, name in enumerate(MARKED):
        score = AnswerScoreRow(
            interview_id=iid,
            question_index=q,
            competency=name,
            score=3,
            score_exact=3.0,
            confidence=0.8,
            scorer="generated",
            detail={},
        )
        s.add(score)
        await s.flush()
        for reviewer in ("hr1@example.test", "hr2@example.test")[: int(rng.integers(0, 3))]:
            ok = bool(rng.random() < (0.8 if name == "communication" else 0.4))
            way.marks[name].append(ok)
            s.add(ScoreMark(answer_score_id=score.id, interview_id=iid, reviewer=reviewer, reasonable=ok))
