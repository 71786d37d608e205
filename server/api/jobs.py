"""Jobs and their interview plans (competencies, rubric, questions)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from agent.plan_spec import load_plan_text, plan_from_dict
from server.db.models import User
from server.deps import RequireRole, SessionDep
from server.errors import DomainError
from server.schemas import JobCreated, JobOut, PlanOut
from server.schemas.modules import SurveyReport
from server.services import jobs as service
from server.services import modules as modules_service

router = APIRouter(prefix="/api/jobs", tags=["jobs"])
Editor = Annotated[User, Depends(RequireRole("hr"))]
Reader = Annotated[User, Depends(RequireRole("hr", "interviewer"))]
MAX_PLAN_BYTES = 256 * 1024


@router.post("", status_code=201)
async def create_job(request: Request, user: Editor, session: SessionDep) -> JobCreated:
    """Create a job from a plan: JSON, or YAML with `Content-Type: application/yaml`."""
    body = await request.body()
    if len(body) > MAX_PLAN_BYTES:
        raise DomainError(f"the plan is larger than {MAX_PLAN_BYTES // 1024} KiB")
    if "yaml" in request.headers.get("content-type", ""):
        spec = load_plan_text(body.decode("utf-8", errors="replace"), "plan")
    else:
        import json

        try:
            data = json.loads(body or b"null")
        except ValueError as exc:
            raise DomainError(f"the plan is not valid JSON: {exc}") from exc
        spec = plan_from_dict(data)
    job = await service.create_for(session, spec, user)
    return JobCreated(id=job.id, title=job.title, questions=len(spec.questions))


@router.get("")
async def list_jobs(user: Reader, session: SessionDep) -> list[JobOut]:
    """The jobs the user may see (for filters and outlines)."""
    return await service.list_for(session, user)


@router.get("/{job_id}/plan")
async def get_plan(job_id: str, user: Reader, session: SessionDep) -> PlanOut:
    """The job's plan (also the interviewer's outline: questions per competency, what to listen for)."""
    return await service.plan_of(session, job_id, user)


@router.get("/{job_id}/survey")
async def get_survey(job_id: str, user: Editor, session: SessionDep) -> SurveyReport:
    """The candidates' satisfaction with this job's interviews: count, average, per rating, comments."""
    return await modules_service.survey_report(session, job_id, user)
