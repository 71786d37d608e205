"""Resumes of interviews: upload (the file as the body), profile, download, removal; the personal plan."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import unquote

from fastapi import APIRouter, Depends, Header, Request, Response

from server.db.models import User
from server.deps import RequireRole, SessionDep, SessionsDep, SettingsDep, VaultDep
from server.schemas import InterviewPlanOut, ResumeOut, ResumeState
from server.services import interviews as interview_service
from server.services import resumes as service

router = APIRouter(prefix="/api/interviews", tags=["resumes"])
Staff = Annotated[User, Depends(RequireRole("hr", "interviewer"))]
Editor = Annotated[User, Depends(RequireRole("hr"))]
MEDIA = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "text": "text/plain; charset=utf-8",
}
EXTENSION = {"pdf": "pdf", "docx": "docx", "text": "txt"}


@router.post("/{interview_id}/resume", status_code=201)
async def upload_resume(
    interview_id: str,
    request: Request,
    user: Editor,
    session: SessionDep,
    sessions: SessionsDep,
    vault: VaultDep,
    settings: SettingsDep,
    filename: Annotated[str, Header(alias="X-Filename", max_length=200)] = "resume",
) -> ResumeOut:
    """A resume as the request body (PDF, DOCX or text; the type is read from the bytes).

    Capped at `INTERVIEW_MAX_RESUME_BYTES` (10 MiB) before this route runs: 413 past it; 415 for
    another kind of file; 422 for a PDF without a text layer (a scan) or a damaged file.
    """
    data = await request.body()
    filename = unquote(filename)  # pages send it URL-encoded: a header cannot carry 简历.pdf as it is
    return await service.upload(
        session,
        sessions,
        vault,
        user,
        interview_id,
        data,
        filename,
        max_bytes=settings.max_resume_bytes,
        recordings_dir=settings.recordings_dir,
    )


@router.get("/{interview_id}/resume")
async def get_resume(interview_id: str, user: Staff, session: SessionDep) -> ResumeState:
    """The parsed profile (education, experience, skills, achievements, gaps and overlaps), or null."""
    return await service.current(session, user, interview_id)


@router.get("/{interview_id}/resume/file")
async def download_resume(interview_id: str, user: Editor, session: SessionDep, vault: VaultDep) -> Response:
    """The uploaded file, decrypted (HR only; audited)."""
    data, kind = await service.original(session, user, vault, interview_id)
    return Response(
        data,
        media_type=MEDIA[kind],
        headers={
            "Content-Disposition": f'attachment; filename="resume-{interview_id}.{EXTENSION[kind]}"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.delete("/{interview_id}/resume", status_code=204)
async def delete_resume(interview_id: str, user: Editor, session: SessionDep) -> Response:
    """Remove the resume and its profile; the plan goes back to the job's questions."""
    await service.remove(session, user, interview_id)
    return Response(status_code=204)


@router.get("/{interview_id}/plan")
async def get_plan(interview_id: str, user: Staff, session: SessionDep) -> InterviewPlanOut:
    """The questions the agent asks in this interview, resume-derived ones marked."""
    return await interview_service.plan(session, user, interview_id)
