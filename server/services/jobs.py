"""Jobs from interview plans (YAML files, the API, the EHR import, the job editor), versioned.

An edit never changes a stored job: it stores the new plan as the next version and retires the old
one from lists, so an interview keeps the questions and rubric it was created (and ran) with, and its
report names that version.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from agent.plan_spec import PlanSpec, QuestionSpec
from server.db.models import Competency, Job, Question, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import jobs as repo
from server.errors import Conflict, Forbidden, NotFound
from server.schemas import JobOut, JobVersionOut, PlanCompetency, PlanOut, PlanQuestion
from server.services.scope import may_add_to, visible_to


async def create_from_plan(
    session: AsyncSession, spec: PlanSpec, actor: str, previous: Job | None = None
) -> Job:
    """Store a validated plan as a job with its competencies and questions.

    With `previous`, the job is that job's next version (same family) and `previous` is retired.
    """
    job = Job(
        title=spec.title,
        language=spec.language,
        department=spec.department,
        jurisdiction=spec.jurisdiction,
        time_budget_min=spec.time_budget_min,
        spoken_english=spec.spoken_english,
        version=previous.version + 1 if previous else 1,
        family_id=(previous.family_id or previous.id) if previous else None,
        current=True,
        # what the plan document does not carry stays with the job: the recogniser's vocabulary
        vocabulary=previous.vocabulary if previous else None,
    )
    if previous is not None:
        previous.current = False
    by_name: dict[str, Competency] = {}
    for comp in spec.rubric.competencies:
        row = Competency(
            name=comp.name,
            weight=comp.weight,
            scale=comp.scale,
            indicators=comp.indicators,
            description=comp.title.get(spec.language, ""),
            anchors={
                lang: {str(k): v for k, v in points.items()} for lang, points in comp.custom_anchors.items()
            }
            or None,
        )
        job.competencies.append(row)
        by_name[comp.name] = row
    await repo.add(session, job)
    await repo.add_questions(
        session,
        (
            Question(
                job_id=job.id,
                position=position,
                text=q.text.get(spec.language) or next(iter(q.text.values())),
                kind=q.kind,
                minutes=q.minutes,
                follow_ups=q.follow_ups,
                competency_id=by_name[q.competency].id if q.competency else None,
                limit_s=q.limit_s,
                module=module_of(q),
            )
            for position, q in enumerate(spec.questions)
        ),
    )
    await audit_repo.audit(
        session, actor, "job.created", None, job_id=job.id, title=job.title, version=job.version
    )
    return job


def module_of(q: QuestionSpec) -> dict[str, Any] | None:
    """The stored form of an item's module: its coding task or its read-aloud passage."""
    if q.coding is not None:
        return {"coding": q.coding.as_dict()}
    if q.passage:
        return {"passage": q.passage}
    return None


async def create_for(session: AsyncSession, spec: PlanSpec, user: User) -> Job:
    """Store a plan as a job of a department the user may add to."""
    if not may_add_to(user, spec.department):
        raise Forbidden(f"you can create jobs of the {user.department} department only")
    return await create_from_plan(session, spec, user.email)


async def new_version(session: AsyncSession, job_id: str, spec: PlanSpec, user: User) -> Job:
    """Store an edited plan as the job's next version; only the current version can be edited.

    The edited plan must stay in a department the user may add to (HR of Finance cannot move a job
    into Engineering, nor edit one of Engineering's).
    """
    previous = await repo.get(session, job_id)
    if previous is None or not visible_to(user, previous):
        raise NotFound("no such job")
    if not previous.current:
        raise Conflict("this is an earlier version of the job; edit its current version")
    if not may_add_to(user, spec.department):
        raise Forbidden(f"you can keep jobs in the {user.department} department only")
    return await create_from_plan(session, spec, user.email, previous)


async def versions_of(session: AsyncSession, job_id: str, user: User) -> list[JobVersionOut]:
    """Every version of the job, newest first (the interviews of each keep theirs)."""
    job = await repo.get(session, job_id)
    if job is None or not visible_to(user, job):
        raise NotFound("no such job")
    return [
        JobVersionOut(id=j.id, version=j.version, title=j.title, current=j.current, created_at=j.created_at)
        for j in await repo.versions(session, job.family_id or job.id)
    ]


async def list_for(session: AsyncSession, user: User) -> list[JobOut]:
    """The jobs this user may see."""
    return [
        JobOut(id=j.id, title=j.title, department=j.department, language=j.language, version=j.version)
        for j in await repo.list_all(session)
        if visible_to(user, j)
    ]


async def plan_of(session: AsyncSession, job_id: str, user: User) -> PlanOut:
    """A stored job as a plan document (the same shape `POST /api/jobs` accepts)."""
    job = await repo.get_full(session, job_id)
    if job is None or not visible_to(user, job):
        raise NotFound("no such job")
    names = {c.id: c.name for c in job.competencies}
    return PlanOut(
        id=job.id,
        title=job.title,
        language=job.language,
        department=job.department,
        jurisdiction=job.jurisdiction,
        time_budget_min=job.time_budget_min,
        spoken_english=job.spoken_english,
        version=job.version,
        current=job.current,
        competencies=[
            PlanCompetency(
                name=c.name, weight=c.weight, scale=c.scale, indicators=c.indicators, anchors=c.anchors or {}
            )
            for c in job.competencies
        ],
        questions=[
            PlanQuestion(
                competency=names.get(q.competency_id or ""),
                kind=q.kind,
                text=q.text,
                minutes=q.minutes,
                follow_ups=q.follow_ups,
                limit_s=q.limit_s,
                **(q.module or {}),
            )
            for q in job.questions
        ],
    )
