"""Resumes: upload (sniffed, size-capped, parsed off the event loop, sealed at rest), view, remove.

The file is sealed whole with the interview's data key (AES-256-GCM; at most `max_resume_bytes`, so
one piece) under `recordings/<interview>/resume.sealed`, beside the recordings: erasure and the
retention purge remove that folder's files, and destroying the key shreds any copy left behind. The
key is committed in its own transaction before the file is sealed with it, as the recorder's is.
The parsed profile is sealed in the row (`server/db/sealing.py`). Audit rows name kind and size only.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from agent.resume import ResumeError, parse_resume
from agent.resume.lines import sniff
from agent.resume.profile import Profile, YearMonth
from server.db.base import utcnow
from server.db.models import Interview, Resume, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import resumes as repo
from server.errors import Conflict, NotFound, TooLarge, Unprocessable, UnsupportedType
from server.keys.vault import Vault
from server.schemas import ResumeOut, ResumeState
from server.services.interviews import get_visible

FILE_NAME = "resume.sealed"


def _aad(interview_id: str) -> bytes:
    return f"resume.file|{interview_id}".encode()


def _write(path: Path, token: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(token, encoding="ascii")
    os.replace(tmp, path)  # a reader sees the old file or the new one, never half of one


def _not_started(interview: Interview) -> None:
    """A resume changes the plan, so it is fixed once the interview starts.

    The questions' indices are stored with the transcript and a dropped call resumes at one; a plan
    that changed under them would mark and re-ask the wrong questions.
    """
    if interview.status != "scheduled" or interview.started_at is not None:
        raise Conflict("this interview has started; its questions, and so its resume, can no longer change")


def _today() -> YearMonth:
    now = utcnow()
    return YearMonth(now.year, now.month)


async def upload(
    session: AsyncSession,
    sessions: async_sessionmaker[AsyncSession],
    vault: Vault,
    user: User,
    interview_id: str,
    data: bytes,
    filename: str,
    *,
    max_bytes: int,
    recordings_dir: Path,
) -> ResumeOut:
    """Parse and store a resume in place of the interview's last; 413, 415 or 422 with a reason."""
    interview, _ = await get_visible(session, user, interview_id)
    _not_started(interview)
    kind, profile = await prepare(data, max_bytes)
    async with sessions.begin() as own:  # committed before anything is sealed with it
        key = await vault.data_key_async(own, interview_id)
    return await store(session, key, user.email, interview_id, data, filename, kind, profile, recordings_dir)


async def prepare(data: bytes, max_bytes: int) -> tuple[str, Profile]:
    """The file's kind and profile, or a domain error that says what to upload instead."""
    if len(data) > max_bytes:
        raise TooLarge(
            f"the resume is larger than {max_bytes // (1024 * 1024) or 1} MiB; upload a smaller file"
        )
    if not data.strip():
        raise Unprocessable("the upload is empty; choose a PDF, DOCX or text file")
    try:
        kind = sniff(data)
    except ResumeError as exc:
        kind_error = UnsupportedType if exc.code == "unsupported_type" else Unprocessable
        raise kind_error(exc.message) from None
    try:
        profile = await asyncio.to_thread(parse_resume, data, _today(), kind)
    except ResumeError as exc:
        raise Unprocessable(exc.message) from None
    return kind, profile


async def store(
    session: AsyncSession,
    key: bytes,
    actor: str,
    interview_id: str,
    data: bytes,
    filename: str,
    kind: str,
    profile: Profile,
    recordings_dir: Path,
) -> ResumeOut:
    """Seal the file with the interview's `key` and store the profile (for uploads and imports)."""
    path = recordings_dir / interview_id / FILE_NAME
    token = await asyncio.to_thread(Vault.seal, key, data, _aad(interview_id))
    await asyncio.to_thread(_write, path, token)
    row = await repo.replace(
        session,
        Resume(
            interview_id=interview_id,
            filename=(filename or "resume")[:200],
            kind=kind,
            size=len(data),
            path=str(path),
            language=profile.language,
            profile=profile.to_dict(),
            uploaded_by=actor,
        ),
    )
    await audit_repo.audit(session, actor, "resume.uploaded", interview_id, kind=kind, size=len(data))
    return ResumeOut.model_validate(row)


async def current(session: AsyncSession, user: User, interview_id: str) -> ResumeState:
    """The interview's resume and profile, or none."""
    await get_visible(session, user, interview_id)
    row = await repo.of_interview(session, interview_id)
    return ResumeState(resume=ResumeOut.model_validate(row) if row else None)


def read_file(vault_key: bytes, path: Path, interview_id: str) -> bytes:
    """The resume file's bytes, opened with the interview's key."""
    return Vault.open(vault_key, path.read_text(encoding="ascii"), _aad(interview_id))


async def original(session: AsyncSession, user: User, vault: Vault, interview_id: str) -> tuple[bytes, str]:
    """The uploaded file, decrypted, and its kind (audited: who read whose resume)."""
    await get_visible(session, user, interview_id)
    row = await repo.of_interview(session, interview_id)
    key = await vault.stored_key(session, interview_id)
    if row is None or key is None:
        raise NotFound("this interview has no resume")
    try:
        data = await asyncio.to_thread(read_file, key, Path(row.path), interview_id)
    except FileNotFoundError:
        raise NotFound("this interview's resume file is gone (purged)") from None
    await audit_repo.audit(session, user.email, "resume.downloaded", interview_id)
    return data, row.kind


async def remove(session: AsyncSession, user: User, interview_id: str) -> None:
    """Delete the resume row and its file (nothing to delete is no error)."""
    interview, _ = await get_visible(session, user, interview_id)
    row = await repo.of_interview(session, interview_id)
    if row is None:
        return
    _not_started(interview)
    path = Path(row.path)
    await repo.remove(session, interview_id)  # executed now: a failure stops before the file goes
    await asyncio.to_thread(path.unlink, True)
    await audit_repo.audit(session, user.email, "resume.removed", interview_id)
