"""The HR dashboard: funnel, drop-out, times, AI-HR agreement and presence flags, department-scoped.

`summarise` is pure (rows in, numbers out), so tests check it against values computed independently.
Definitions, as the page states them: invited = interviews created; started = the candidate joined
(`started_at`); completed = finished; reviewed = HR decided something (any review decision); advanced
= next round; hired = an outcome was imported. Drop-out: started, not finished, by the question the
candidate was on; drop-out by step in `dashboard_steps`. Agreement: per competency, decisions where HR
gave a score; an override is a score that differs from the AI's rounded score; beside it, reviewers'
"reasonable / not reasonable" marks on individual AI answer scores. Candidate satisfaction: the
post-interview survey (`dashboard_ratings`).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import User
from server.db.models.integrity import FLAG_KINDS
from server.db.repositories import dashboard as repo
from server.db.repositories import score_marks as marks_repo
from server.db.repositories.dashboard import Decision, InterviewTimes
from server.db.repositories.score_marks import MarkFact
from server.schemas.analytics import (
    AgreementOut,
    CountOut,
    DashboardOut,
    JobFunnelOut,
    StageOut,
    SummaryStat,
)
from server.services.dashboard_ratings import mark_rates, satisfaction
from server.services.dashboard_steps import failed_device_checks, steps
from server.services.scope import visible_to

STAGES = ("invited", "started", "completed", "reviewed", "advanced", "hired")


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)  # SQLite returns naive UTC


def _stat(values: Sequence[float]) -> SummaryStat:
    if not values:
        return SummaryStat(n=0, median=None, mean=None)
    return SummaryStat(n=len(values), median=statistics.median(values), mean=statistics.fmean(values))


def _funnel(rows: Sequence[InterviewTimes], reviewed: set[str], hired: set[str]) -> list[StageOut]:
    counts = {
        "invited": len(rows),
        "started": sum(r.started_at is not None for r in rows),
        "completed": sum(r.status == "finished" for r in rows),
        "reviewed": sum(r.interview_id in reviewed for r in rows),
        "advanced": sum(r.review_status == "next_round" for r in rows),
        "hired": sum(r.interview_id in hired for r in rows),
    }
    return [StageOut(stage=s, count=counts[s]) for s in STAGES]


def _agreement(decisions: Sequence[Decision]) -> list[AgreementOut]:
    diffs: dict[str, list[float]] = defaultdict(list)
    for d in decisions:
        if d.competency is not None and d.human_score is not None and d.ai_score is not None:
            diffs[d.competency].append(d.human_score - d.ai_score)
    out = []
    for name in sorted(diffs):
        values = diffs[name]
        decisions_n = len(values)
        overrides = sum(abs(v) >= 0.5 for v in values)
        out.append(
            AgreementOut(
                competency=name,
                decisions=decisions_n,
                overrides=overrides,
                override_rate=overrides / decisions_n,
                mean_abs_diff=statistics.fmean(abs(v) for v in values),
                mean_diff=statistics.fmean(values),
            )
        )
    return out


@dataclass
class Extra:
    """The candidates' consents and ratings and the reviewers' score marks, for the interviews summed."""

    consented: set[str] = field(default_factory=set)
    ratings: dict[str, int] = field(default_factory=dict)
    marks: list[MarkFact] = field(default_factory=list)


def summarise(
    rows: Sequence[InterviewTimes],
    decisions: Sequence[Decision],
    flags: set[tuple[str, str]],
    hired: set[str],
    extra: Extra | None = None,
) -> DashboardOut:
    """Every dashboard number from the interviews, their decisions, flags and hires (no jobs table)."""
    extra = extra or Extra()
    ids = {r.interview_id for r in rows}
    decisions = [d for d in decisions if d.interview_id in ids]
    first_decision: dict[str, datetime] = {}
    for d in decisions:
        first_decision.setdefault(d.interview_id, _aware(d.created_at))
    hired = hired & ids
    dropped = Counter(r.question_index for r in rows if r.started_at is not None and r.status != "finished")
    finished = [r for r in rows if r.status == "finished" and r.started_at and r.ended_at]
    minutes = [(_aware(r.ended_at) - _aware(r.started_at)).total_seconds() / 60 for r in finished]  # type: ignore[arg-type]
    hours = [
        (first_decision[r.interview_id] - _aware(r.ended_at)).total_seconds() / 3600  # type: ignore[arg-type]
        for r in finished
        if r.interview_id in first_decision
    ]
    completed = sum(r.status == "finished" for r in rows)
    kinds = Counter(kind for iid, kind in flags if iid in ids)
    return DashboardOut(
        funnel=_funnel(rows, set(first_decision), hired),
        dropout=[
            CountOut(key=str(q + 1 if q >= 0 else 0), count=n, rate=None) for q, n in sorted(dropped.items())
        ],
        interview_minutes=_stat(minutes),
        review_hours=_stat(hours),
        agreement=_agreement(decisions),
        presence_flags=[
            CountOut(key=k, count=kinds[k], rate=kinds[k] / completed if completed else None)
            for k in FLAG_KINDS
        ],
        satisfaction=satisfaction({k: v for k, v in extra.ratings.items() if k in ids}, completed),
        jobs=[],
        steps=steps(rows, extra.consented & ids),
        device_check_failed=failed_device_checks(rows),
        score_marks=mark_rates([m for m in extra.marks if m.interview_id in ids]),
    )


def _bounds(since: date | None, until: date | None) -> tuple[datetime | None, datetime | None]:
    low = datetime.combine(since, time.min, UTC) if since else None
    high = datetime.combine(until, time.max, UTC) if until else None
    return low, high


async def dashboard(
    session: AsyncSession,
    user: User,
    job_id: str | None,
    department: str | None,
    since: date | None,
    until: date | None,
) -> DashboardOut:
    """The numbers for the jobs the user may see, narrowed to a job, a department and a period."""
    jobs = [j for j in await repo.jobs(session, department) if visible_to(user, j)]
    if job_id is not None:
        jobs = [j for j in jobs if j.id == job_id]
    low, high = _bounds(since, until)
    rows = [
        r
        for r in await repo.interviews(session, [j.id for j in jobs])
        if (low is None or _aware(r.created_at) >= low) and (high is None or _aware(r.created_at) <= high)
    ]
    ids = [r.interview_id for r in rows]
    decisions = await repo.decisions(session, ids)
    flags = await repo.flag_kinds(session, ids)
    hired = await repo.hired(session, ids)
    extra = Extra(
        await repo.consented(session, ids),
        await repo.ratings(session, ids),
        await marks_repo.facts(session, ids),
    )
    out = summarise(rows, decisions, flags, hired, extra)
    reviewed = {d.interview_id for d in decisions}
    by_job: dict[str, list[InterviewTimes]] = defaultdict(list)
    for r in rows:
        by_job[r.job_id].append(r)
    out.jobs = []
    for j in jobs:
        rated = [extra.ratings[r.interview_id] for r in by_job[j.id] if r.interview_id in extra.ratings]
        out.jobs.append(
            JobFunnelOut(
                job_id=j.id,
                title=j.title,
                department=j.department,
                funnel=_funnel(by_job[j.id], reviewed, hired),
                satisfaction_n=len(rated),
                satisfaction_mean=statistics.fmean(rated) if rated else None,
            )
        )
    return out
