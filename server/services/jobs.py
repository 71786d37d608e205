"""Jobs from interview plans (YAML files, the API, later the EHR import)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from agent.plan_spec import PlanSpec, QuestionSpec
from server.db.models import Competency, Job, Question, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import jobs as repo
from server.errors import Forbidden, NotFound
from server.schemas import JobOut, PlanCompetency, PlanOut, PlanQuestion
from server.services.scope import may_add_to, visible_to


async def create_from_plan(session: AsyncSession, spec: PlanSpec, actor: str) -> Job:
    """Store a validated plan as a job with its competencies and questions."""
    job = Job(
        title=spec.title,
        language=spec.language,
        department=spec.department,
        jurisdiction=spec.jurisdiction,
        time_budget_min=spec.time_budget_min,
        spoken_english=spec.spoken_english,
    )
    by_name: dict[str, Competency] = {}
    for comp in spec.rubric.competencies:
        row = Competency(
            name=comp.name,
            weight=comp.weight,
            scale=comp.scale,
            indicators=comp.indicators,
            description=comp.title.get(spec.language, ""),
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
    await audit_repo.audit(session, actor, "job.created", None, job_id=job.id, title=job.title)
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


async def list_for(session: AsyncSession, user: User) -> list[JobOut]:
    """The jobs this user may see."""
    return [
        JobOut(id=j.id, title=j.title, department=j.department, language=j.language)
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
        competencies=[
            PlanCompetency(name=c.name, weight=c.weight, scale=c.scale, indicators=c.indicators)
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
