"""One job's interviews as the numbers the analytics reports work on (no statistics here).

The AI's overall score is the competency means weighted by the weights the interview was scored with,
as its report shows it: the weights frozen on the interview when an admin accepted new ones
(`Interview.scoring_weights`, see `server.services.weights`), else the job's current weights.
HR's overall score is HR's competency score where HR gave one and the AI's where HR let it stand, so it
moves only where HR overrode the AI: calibrating on it suggests the weights HR's overrides imply.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import Job, User
from server.db.repositories import analytics as repo
from server.db.repositories import jobs as job_repo
from server.errors import NotFound
from server.services.scope import visible_to

RECOMMENDATION_SCALE = {"strong_no": 1.0, "no": 2.0, "yes": 3.0, "strong_yes": 4.0}


@dataclass
class Row:
    """One interview: the AI's and HR's scores, HR's decision and the outcomes imported for it."""

    interview_id: str
    candidate_id: str
    review_status: str
    status: str
    ai: dict[str, float]
    hr: dict[str, float]
    recommendation: float | None
    outcomes: dict[str, float] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)

    def ai_overall(self, weights: dict[str, float] | None = None) -> float | None:
        """Weighted mean of the AI's competency means (None if a competency was not scored).

        Without `weights`, the interview's own: those it was scored with.
        """
        weights = self.weights if weights is None else weights
        if not weights or any(k not in self.ai for k in weights):
            return None
        total = sum(weights.values())
        return sum(self.ai[k] * w for k, w in weights.items()) / total if total else None

    def hr_overall(self, weights: dict[str, float] | None = None) -> float | None:
        """HR's view: HR's score where given, the AI's where HR let it stand (weights as `ai_overall`)."""
        weights = self.weights if weights is None else weights
        merged = {k: self.hr.get(k, v) for k, v in self.ai.items()}
        if not weights or any(k not in merged for k in weights):
            return None
        total = sum(weights.values())
        return sum(merged[k] * w for k, w in weights.items()) / total if total else None


@dataclass
class JobData:
    """The job, its current competency weights, and one row per interview (with its own weights)."""

    job: Job
    weights: dict[str, float]
    rows: list[Row]


async def load(session: AsyncSession, user: User, job_id: str) -> JobData:
    """The job's data, if the user may see the job (404 otherwise, revealing nothing)."""
    job = await job_repo.get_full(session, job_id)
    if job is None or not visible_to(user, job):
        raise NotFound("no such job")
    facts = await repo.interviews_of_job(session, job_id)
    ids = [f.interview_id for f in facts]
    ai = await repo.competency_means(session, ids)
    hr = await repo.human_scores(session, ids)
    recs = await repo.recommendations(session, ids)
    outcomes = await repo.outcomes_of(session, ids)
    current = {c.name: c.weight for c in job.competencies}
    rows = [
        Row(
            f.interview_id,
            f.candidate_id,
            f.review_status,
            f.status,
            ai.get(f.interview_id, {}),
            hr.get(f.interview_id, {}),
            RECOMMENDATION_SCALE.get(recs.get(f.interview_id, "")),
            outcomes.get(f.interview_id, {}),
            dict(f.scoring_weights or current),
        )
        for f in facts
    ]
    return JobData(job, current, rows)
