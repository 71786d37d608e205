"""Accepting suggested competency weights: versioned, and earlier interviews keep theirs.

An admin accepts a set of weights (usually the calibration's suggestion). Before the job's weights
change, every interview of the job that has no frozen weights gets the job's current ones
(`Interview.scoring_weights`), so its overall score and report stay as they were; the first accept
also records the job's original weights as version 1. Rejecting a suggestion needs no call: nothing
changes until an admin accepts.
"""

from __future__ import annotations

import math

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import User, WeightVersion
from server.db.repositories import audit as audit_repo
from server.db.repositories import weights as repo
from server.errors import NotFound, Unprocessable
from server.schemas.analytics import WeightsIn, WeightVersionOut
from server.services.analytics_data import load
from server.services.scope import visible_to


def _out(v: WeightVersion) -> WeightVersionOut:
    return WeightVersionOut(
        version=v.version,
        weights=v.weights,
        source=v.source,
        accepted_by=v.accepted_by,
        note=v.note,
        created_at=v.created_at,
    )


async def versions(session: AsyncSession, user: User, job_id: str) -> list[WeightVersionOut]:
    """The job's accepted weight versions, oldest first (empty until the first accept)."""
    job = await repo.job(session, job_id)
    if job is None or not visible_to(user, job):
        raise NotFound("no such job")
    return [_out(v) for v in await repo.versions(session, job_id)]


async def accept(session: AsyncSession, user: User, job_id: str, body: WeightsIn) -> WeightVersionOut:
    """Make `body.weights` the job's weights (normalised to sum to one) as a new version."""
    data = await load(session, user, job_id)
    names = set(data.weights)
    if set(body.weights) != names:
        missing, extra = sorted(names - set(body.weights)), sorted(set(body.weights) - names)
        raise Unprocessable(
            f"weights must name exactly the job's competencies; missing: {', '.join(missing) or 'none'}; "
            f"unknown: {', '.join(extra)[:200] or 'none'}"
        )
    if any(not math.isfinite(w) or w < 0 for w in body.weights.values()):
        raise Unprocessable("weights must be finite numbers of zero or more")
    total = sum(body.weights.values())
    if total <= 0:
        raise Unprocessable("at least one weight must be above zero")
    current = dict(data.weights)
    await repo.freeze_interviews(session, job_id, current)
    existing = await repo.versions(session, job_id)
    if not existing:
        first = WeightVersion(
            job_id=job_id, version=1, weights=current, source="initial", accepted_by=user.email
        )
        await repo.add(session, first)
        existing = [first]
    new = {k: w / total for k, w in body.weights.items()}
    row = WeightVersion(
        job_id=job_id,
        version=existing[-1].version + 1,
        weights=new,
        source=body.source,
        accepted_by=user.email,
        note=body.note,
    )
    await repo.add(session, row)
    await repo.set_weights(session, data.job.competencies, new)
    await audit_repo.audit(session, user.email, "weights.accepted", None, job=job_id, version=row.version)
    return _out(row)
