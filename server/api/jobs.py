"""Jobs and their interview plans (competencies, rubric, questions), their versions, and templates."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from agent.plan_spec import PlanSpec, load_plan_text, plan_from_dict
from server.db.models import User
from server.deps import RequireRole, SessionDep
from server.errors import DomainError
from server.schemas import (
    JobCreated,
    JobOut,
    JobVersionOut,
    PlanCheckOut,
    PlanOut,
    TemplateDocOut,
    TemplateOut,
)
from server.schemas.modules import SurveyReport
from server.services import job_templates, plan_check
from server.services import jobs as service
from server.services import modules as modules_service

router = APIRouter(prefix="/api/jobs", tags=["jobs"])
Editor = Annotated[User, Depends(RequireRole("hr"))]
Reader = Annotated[User, Depends(RequireRole("hr", "interviewer"))]
MAX_PLAN_BYTES = 256 * 1024


async def _json(request: Request) -> Any:
    body = await request.body()
    if len(body) > MAX_PLAN_BYTES:
        raise DomainError(f"the plan is larger than {MAX_PLAN_BYTES // 1024} KiB")
    try:
        return json.loads(body or b"null")
    except ValueError as exc:
        raise DomainError(f"the plan is not valid JSON: {exc}") from exc


async def _plan(request: Request) -> PlanSpec:
    """A plan body: JSON, or YAML with `Content-Type: application/yaml`."""
    if "yaml" in request.headers.get("content-type", ""):
        body = await request.body()
        if len(body) > MAX_PLAN_BYTES:
            raise DomainError(f"the plan is larger than {MAX_PLAN_BYTES // 1024} KiB")
        return load_plan_text(body.decode("utf-8", errors="replace"), "plan")
    return plan_from_dict(await _json(request))


@router.post("", status_code=201)
async def create_job(request: Request, user: Editor, session: SessionDep) -> JobCreated:
    """Create a job from a plan: JSON, or YAML with `Content-Type: application/yaml`."""
    spec = await _plan(request)
    job = await service.create_for(session, spec, user)
    return JobCreated(id=job.id, title=job.title, questions=len(spec.questions), version=job.version)


@router.get("")
async def list_jobs(user: Reader, session: SessionDep) -> list[JobOut]:
    """The jobs the user may see, current versions (for filters and outlines)."""
    return await service.list_for(session, user)


@router.get("/templates")
async def list_templates(user: Editor, language: str | None = None) -> list[TemplateOut]:
    """Templates to start a job from (optionally of one language: en, zh)."""
    return job_templates.catalogue(language)


@router.get("/templates/{template_id}")
async def get_template(template_id: str, user: Editor) -> TemplateDocOut:
    """A template as a plan document, for the editor to fill in."""
    return job_templates.document(template_id)


@router.post("/check")
async def check_plan(request: Request, user: Editor) -> PlanCheckOut:
    """The coverage check of a draft plan (minutes against the budget, uncovered competencies)."""
    return plan_check.check(await _json(request))


@router.put("/{job_id}", status_code=201)
async def edit_job(job_id: str, request: Request, user: Editor, session: SessionDep) -> JobCreated:
    """Store an edited plan as the job's next version; interviews keep the version they have."""
    spec = await _plan(request)
    job = await service.new_version(session, job_id, spec, user)
    return JobCreated(id=job.id, title=job.title, questions=len(spec.questions), version=job.version)


@router.get("/{job_id}/versions")
async def list_versions(job_id: str, user: Reader, session: SessionDep) -> list[JobVersionOut]:
    """Every version of the job, newest first."""
    return await service.versions_of(session, job_id, user)


@router.get("/{job_id}/plan")
async def get_plan(job_id: str, user: Reader, session: SessionDep) -> PlanOut:
    """The job's plan (also the interviewer's outline: questions per competency, what to listen for)."""
    return await service.plan_of(session, job_id, user)


@router.get("/{job_id}/survey")
async def get_survey(job_id: str, user: Editor, session: SessionDep) -> SurveyReport:
    """The candidates' satisfaction with this job's interviews: count, average, per rating, comments."""
    return await modules_service.survey_report(session, job_id, user)
