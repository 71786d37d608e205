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
    sessions: async_sessionmaker[AsyncSession],
    data: Dataset,
    department: str = "Engineering",
    names: list[tuple[str, str]] | None = None,
) -> str:
    """Store the data set as one job's finished, reviewed interviews; returns the job id."""
    async with sessions.begin() as s:
        job = Job(title="Analytics job", department=department, language="en")
        job.competencies = [Competency(name=c, weight=1.0) for c in COMPETENCIES]
        s.add(job)
        await s.flush()
        for i, group in enumerate(data.groups):
            name, id_number = names[i] if names else (f"Candidate {i}", "")
            refs = {"id_number": id_number} if id_number else {}
            candidate = Candidate(name=name, email=None, external_refs=refs)
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


@dataclass
class Funnel:
    """A generated funnel with what the dashboard should report, computed here independently."""

    job_id: str
    expected_funnel: dict[str, int]
    minutes: list[float]
    review_hours: list[float]
    dropout: dict[str, int]
    overrides: dict[str, tuple[int, int, float]]  # competency: (decisions, overrides, mean |diff|)
    flags: dict[str, int]


async def store_funnel(
    sessions: async_sessionmaker[AsyncSession], seed: int = 5, n: int = 60, department: str = "Engineering"
) -> Funnel:
    """Interviews at every stage with known times, overrides and flags, for one job."""
    from datetime import UTC, datetime, timedelta

    from server.db.models import IntegrityFlag, Outcome

    rng = np.random.default_rng(seed)
    base = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    counts = dict.fromkeys(("invited", "started", "completed", "reviewed", "advanced", "hired"), 0)
    minutes: list[float] = []
    hours: list[float] = []
    dropout: dict[str, int] = {}
    diffs: dict[str, list[float]] = {"communication": [], "problem_solving": []}
    flags: dict[str, int] = {}
    async with sessions.begin() as s:
        job = Job(title=f"Funnel job {seed}", department=department, language="en")
        job.competencies = [Competency(name=c, weight=1.0) for c in COMPETENCIES]
        s.add(job)
        await s.flush()
        for i in range(n):
            stage = int(rng.integers(0, 6))  # 0 invited only ... 5 hired
            candidate = Candidate(name=f"F{i}", email=None, external_refs={})
            s.add(candidate)
            await s.flush()
            created = base + timedelta(days=int(i % 20))
            started = created + timedelta(hours=1) if stage >= 1 else None
            length = float(rng.integers(10, 40))
            finished = stage >= 2
            interview = Interview(
                job_id=job.id,
                candidate_id=candidate.id,
                status="finished" if finished else ("interrupted" if stage == 1 else "scheduled"),
                invite_nonce=f"f{i}",
                question_index=int(rng.integers(0, 4)) if stage == 1 else -1,
                started_at=started,
                ended_at=started + timedelta(minutes=length) if finished and started else None,
                review_status="next_round"
                if stage >= 4
                else ("rejected" if stage == 3 else "pending_review"),
            )
            interview.created_at = created
            s.add(interview)
            await s.flush()
            counts["invited"] += 1
            counts["started"] += stage >= 1
            counts["completed"] += finished
            if stage == 1:
                key = str(interview.question_index + 1 if interview.question_index >= 0 else 0)
                dropout[key] = dropout.get(key, 0) + 1
            if finished:
                minutes.append(length)
                if rng.random() < 0.3:
                    s.add(IntegrityFlag(interview_id=interview.id, kind="tab_hidden", t_start=1.0, detail={}))
                    flags["tab_hidden"] = flags.get("tab_hidden", 0) + 1
            if stage >= 3 and started is not None:
                wait_h = float(rng.integers(1, 72))
                hours.append(wait_h)
                when = started + timedelta(minutes=length, hours=wait_h)
                counts["reviewed"] += 1
                for name in diffs:
                    ai = round(float(rng.uniform(1, 5)), 1)
                    human = int(np.clip(round(ai + rng.choice([-2, -1, 0, 0, 0, 1])), 1, 5))
                    diffs[name].append(human - ai)
                    s.add(
                        ReviewDecision(
                            interview_id=interview.id,
                            actor="hr",
                            competency=name,
                            ai_score=ai,
                            human_score=human,
                            comment="g",
                            created_at=when,
                        )
                    )
            counts["advanced"] += stage >= 4
            if stage == 5:
                counts["hired"] += 1
                s.add(Outcome(interview_id=interview.id, metric="performance", value=3.0, imported_by="t"))
    overrides = {
        k: (len(v), sum(abs(x) >= 0.5 for x in v), float(np.mean(np.abs(v)))) for k, v in diffs.items() if v
    }
    return Funnel(job.id, counts, minutes, hours, dropout, overrides, flags)
