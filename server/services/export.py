"""Data export for access requests (GDPR Art. 15, PIPL Art. 45): everything about one candidate.

A zip with `data.json` (the candidate, and per interview: consent records, transcript, AI scores,
review decisions, notes, integrity flags, the feedback letter, the resume's parsed profile and the
audit rows about it), the recordings under `recordings/<interview>/`, and each uploaded resume,
decrypted, under `resumes/<interview>.<ext>`. Written to a temporary file in a worker thread, since
recordings can be large; the route deletes it once sent. Every export is audited.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.models import User
from server.db.repositories import audit as audit_repo
from server.db.repositories import candidates as candidate_repo
from server.db.repositories import integrity as integrity_repo
from server.db.repositories import interviews as repo
from server.db.repositories import jobs as job_repo
from server.db.repositories import resumes as resume_repo
from server.db.repositories import reviews as review_repo
from server.errors import NotFound
from server.keys.vault import Vault
from server.schemas import (
    AuditOut,
    ConsentRecordOut,
    FlagOut,
    LetterOut,
    NoteOut,
    RecordingOut,
    ResumeOut,
    ScoreOut,
    UtteranceOut,
)
from server.services.resumes import read_file
from server.services.scope import visible_to

EXTENSIONS = {"pdf": "pdf", "docx": "docx", "text": "txt"}


@dataclass(frozen=True)
class ExportFile:
    """A finished export on disk: send it, then delete it."""

    path: Path
    filename: str


def _dump(model: Any) -> dict[str, Any]:
    data: dict[str, Any] = model.model_dump(mode="json")
    return data


async def candidate_data(
    session: AsyncSession, user: User, candidate_id: str
) -> tuple[dict[str, Any], list[tuple[Path, str]]]:
    """The candidate's data as JSON-ready dicts, and the recordings to add (path, name in the zip)."""
    candidate = await candidate_repo.get(session, candidate_id)
    if candidate is None:
        raise NotFound("no such candidate")
    interviews = []
    files: list[tuple[Path, str]] = []
    for interview in await repo.of_candidate(session, candidate_id):
        job = await job_repo.get(session, interview.job_id)
        if job is None or not visible_to(user, job):
            raise NotFound("no such candidate")  # HR of another department may not learn of them
        recordings = await repo.recordings(session, interview.id)
        for r in recordings:
            files.append((Path(r.path), f"recordings/{interview.id}/{r.id}.mp4"))
        decisions = await review_repo.decisions(session, interview.id)
        resume = await resume_repo.of_interview(session, interview.id)
        letter = await review_repo.letter(session, interview.id)
        interviews.append(
            {
                "id": interview.id,
                "job": {"id": job.id, "title": job.title, "language": job.language},
                "status": interview.status,
                "review_status": interview.review_status,
                "created_at": interview.created_at.isoformat(),
                "started_at": interview.started_at.isoformat() if interview.started_at else None,
                "ended_at": interview.ended_at.isoformat() if interview.ended_at else None,
                "legal_hold": interview.legal_hold,
                "consents": [
                    _dump(ConsentRecordOut.model_validate(c))
                    for c in await repo.consents(session, interview.id)
                ],
                "transcript": [
                    _dump(UtteranceOut.model_validate(u))
                    for u in await repo.utterances(session, interview.id)
                ],
                "scores": [
                    _dump(ScoreOut.model_validate(s)) for s in await repo.scores(session, interview.id)
                ],
                "reviews": [
                    {
                        "actor": d.actor,
                        "competency": d.competency,
                        "ai_score": d.ai_score,
                        "human_score": d.human_score,
                        "recommendation": d.recommendation,
                        "status": d.status,
                        "comment": d.comment,
                        "created_at": d.created_at.isoformat(),
                    }
                    for d in decisions
                ],
                "notes": [
                    _dump(NoteOut.model_validate(n)) for n in await review_repo.notes(session, interview.id)
                ],
                "flags": [
                    _dump(FlagOut.model_validate(f))
                    for f in await integrity_repo.flags(session, interview.id)
                ],
                "letter": _dump(LetterOut.model_validate(letter)) if letter else None,
                "recordings": [_dump(RecordingOut.model_validate(r)) for r in recordings],
                "resume": _dump(ResumeOut.model_validate(resume)) if resume else None,
                "audit": [
                    _dump(AuditOut.model_validate(a))
                    for a in await audit_repo.audit_trail(session, interview.id)
                ],
            }
        )
    data = {
        "exported_at": utcnow().isoformat(),
        "exported_by": user.email,
        "candidate": {
            "id": candidate.id,
            "name": candidate.name,
            "email": candidate.email,
            "external_refs": candidate.external_refs or {},
            "created_at": candidate.created_at.isoformat(),
        },
        "interviews": interviews,
    }
    return data, files


def _write_zip(
    data: dict[str, Any], files: list[tuple[Path, str]], blobs: Sequence[tuple[str, bytes]] = ()
) -> Path:
    handle = tempfile.NamedTemporaryFile(prefix="export-", suffix=".zip", delete=False)  # noqa: SIM115
    handle.close()
    path = Path(handle.name)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2))
        for source, name in files:
            if source.is_file():  # a recording already purged is listed in data.json, without a file
                zf.write(source, name, compress_type=zipfile.ZIP_STORED)  # MP4 does not compress
        for name, blob in blobs:
            zf.writestr(name, blob)
    return path


async def _resume_files(
    session: AsyncSession, vault: Vault, interviews: list[dict[str, Any]]
) -> list[tuple[str, bytes]]:
    """Each interview's uploaded resume, decrypted (a purged file is listed in data.json only)."""
    out = []
    for interview in interviews:
        resume = await resume_repo.of_interview(session, interview["id"])
        key = await vault.stored_key(session, interview["id"]) if resume else None
        if resume is None or key is None:
            continue
        try:
            blob = await asyncio.to_thread(read_file, key, Path(resume.path), interview["id"])
        except FileNotFoundError:
            continue
        out.append((f"resumes/{interview['id']}.{EXTENSIONS[resume.kind]}", blob))
    return out


async def export_candidate(
    session: AsyncSession, user: User, candidate_id: str, vault: Vault | None = None
) -> ExportFile:
    """The candidate's zip (audited: who exported whose data, how many recordings)."""
    data, files = await candidate_data(session, user, candidate_id)
    blobs = await _resume_files(session, vault, data["interviews"]) if vault else []
    path = await asyncio.to_thread(_write_zip, data, files, blobs)
    await audit_repo.audit(
        session,
        user.email,
        "candidate.exported",
        None,
        candidate=candidate_id,
        interviews=len(data["interviews"]),
        recordings=len(files),
    )
    return ExportFile(path, f"candidate-{candidate_id}.zip")
