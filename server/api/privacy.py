"""Privacy and compliance: consent texts, the audit trail for auditors, legal holds, data export."""

from __future__ import annotations

import os
from typing import Annotated, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask

from server.db.models import User
from server.deps import RequireRole, SessionDep, VaultDep
from server.schemas import (
    AuditVerificationOut,
    ConsentTextIn,
    ConsentTextOut,
    LegalHoldIn,
    LegalHoldOut,
)
from server.services import audit_log
from server.services import consent as consent_service
from server.services.export import export_candidate
from server.services.legal_hold import set_hold

router = APIRouter(tags=["privacy"])
Admin = Annotated[User, Depends(RequireRole("admin"))]
HR = Annotated[User, Depends(RequireRole("hr"))]


@router.get("/api/admin/consent-texts")
async def list_consent_texts(user: Admin, session: SessionDep) -> list[ConsentTextOut]:
    """Every version of the candidate notice, per language and jurisdiction (which one is active)."""
    return await consent_service.texts(session)


@router.post("/api/admin/consent-texts", status_code=201)
async def publish_consent_text(body: ConsentTextIn, user: Admin, session: SessionDep) -> ConsentTextOut:
    """Publish a new version; it replaces the active one for its language and jurisdiction."""
    return await consent_service.publish_text(session, user, body)


@router.get("/api/admin/audit/verify")
async def verify_audit(user: Admin, session: SessionDep) -> AuditVerificationOut:
    """Walk the audit trail's hash chain: whether any row was changed, removed or reordered."""
    return AuditVerificationOut(**(await audit_log.verify(session)).as_dict())


@router.get("/api/admin/audit/export")
async def export_audit(
    user: Admin, session: SessionDep, format: Literal["jsonl", "csv"] = "jsonl"
) -> Response:
    """The whole audit trail with its hashes, and the verification result at the end (audited)."""
    body, result = await audit_log.export(session, user, format)
    media = "application/x-ndjson" if format == "jsonl" else "text/csv"
    return Response(
        body,
        media_type=f"{media}; charset=utf-8",
        headers={
            "content-disposition": f'attachment; filename="audit.{format}"',
            "x-audit-chain": "verified" if result.ok else f"broken at row {result.broken_at_seq}",
        },
    )


@router.put("/api/interviews/{interview_id}/legal-hold")
async def legal_hold(interview_id: str, body: LegalHoldIn, user: HR, session: SessionDep) -> LegalHoldOut:
    """Set or clear a legal hold: the interview is kept past its retention and cannot be erased."""
    return await set_hold(session, user, interview_id, body)


@router.get("/api/candidates/{candidate_id}/export")
async def export(candidate_id: str, user: HR, session: SessionDep, vault: VaultDep) -> FileResponse:
    """Everything about a candidate for an access request: data.json and the recordings, zipped."""
    made = await export_candidate(session, user, candidate_id, vault)
    return FileResponse(
        made.path,
        media_type="application/zip",
        filename=made.filename,
        background=BackgroundTask(os.unlink, made.path),
    )
