"""Imports from the EHR side: jobs and candidates as JSON or CSV uploads (all or nothing)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from server.db.models import User
from server.deps import BoxDep, RequireRole, SessionDep, SettingsDep, SignerDep, VaultDep
from server.schemas import ImportedCandidate, JobCreated, OutcomesImported
from server.services import ehr_intake, outcomes
from server.services import imports as service

router = APIRouter(prefix="/api/import", tags=["import"])
Editor = Annotated[User, Depends(RequireRole("hr"))]


async def _body(request: Request) -> tuple[bytes, str]:
    # Its size is capped before this route runs (`INTERVIEW_MAX_IMPORT_BODY_BYTES`, server/body_limit.py).
    return await request.body(), request.headers.get("content-type", "application/json")


@router.post("/jobs", status_code=201)
async def import_jobs(request: Request, user: Editor, session: SessionDep) -> list[JobCreated]:
    """Jobs with competency models and questions: a JSON list of plans, or CSV (`text/csv`)."""
    body, kind = await _body(request)
    return await service.import_jobs(session, user, body, kind)


@router.post("/candidates", status_code=201)
async def import_candidates(
    request: Request,
    user: Editor,
    session: SessionDep,
    signer: SignerDep,
    settings: SettingsDep,
    vault: VaultDep,
) -> list[ImportedCandidate]:
    """Candidates, each with an interview for a job and an invite link: JSON list or CSV.

    A JSON row may carry its resume: `"resume": {"filename": ..., "content_base64": ...}`.
    """
    body, kind = await _body(request)
    resumes = service.ResumeStore(vault, settings.max_resume_bytes, settings.recordings_dir)
    return await service.import_candidates(session, user, body, kind, signer, settings.public_url, resumes)


@router.post("/hooks/{connector_id}/candidates", status_code=201)
async def candidates_by_webhook(
    connector_id: str,
    request: Request,
    session: SessionDep,
    box: BoxDep,
    signer: SignerDep,
    settings: SettingsDep,
) -> list[ImportedCandidate]:
    """Candidates pushed by an HR system, signed with its webhook connector's secret (no staff login)."""
    body, _kind = await _body(request)
    return await ehr_intake.receive(
        session, box, connector_id, request.headers, body, signer, settings.public_url
    )


@router.post("/outcomes", status_code=201)
async def import_outcomes(request: Request, user: Editor, session: SessionDep) -> OutcomesImported:
    """Post-hire outcomes (probation, performance, retention) per interview: JSON list or CSV."""
    body, kind = await _body(request)
    return await outcomes.import_outcomes(session, user, body, kind)
