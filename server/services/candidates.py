"""Candidates on the HR page: search within the user's departments, and bulk actions.

A candidate is visible through their interviews: a user sees a candidate who has an interview of a
job they may see, and only those interviews. Bulk actions check every selected candidate first and do
nothing unless all are visible (one unknown id answers 404 for the whole batch, naming nothing).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from server.bus import EventBus
from server.db.models import Interview, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import candidates as repo
from server.db.repositories import interviews as interview_repo
from server.db.repositories import jobs as job_repo
from server.errors import Conflict, DomainError, NotFound
from server.keys.vault import Vault
from server.schemas import BulkIn, BulkOut, CandidateInterviewOut, CandidateOut, ImportedCandidate
from server.security import Signer
from server.services import lifecycle
from server.services.erasure import erase_candidate
from server.services.invites import invite_link, new_invite_nonce
from server.services.scope import visible_to
from server.settings import Settings

OPEN = ("scheduled", "interrupted")  # interviews a withdrawal cancels (a live one: cancel it on its page)


async def search(
    session: AsyncSession, user: User, text: str | None, job_id: str | None, limit: int = 200
) -> list[CandidateOut]:
    """Candidates matching name, e-mail or job title, each with their interviews the user may see."""
    job_ids = None
    if job_id:
        job = await job_repo.get(session, job_id)
        if job is None or not visible_to(user, job):
            raise NotFound("no such job")
        job_ids = [v.id for v in await job_repo.versions(session, job.family_id or job.id)]
    found: dict[str, CandidateOut] = {}
    for candidate, interview, job in await repo.search(
        session, (text or "").strip() or None, job_ids, limit * 4
    ):
        if not visible_to(user, job):
            continue
        row = found.setdefault(
            candidate.id,
            CandidateOut(id=candidate.id, name=candidate.name, email=candidate.email, interviews=[]),
        )
        row.interviews.append(
            CandidateInterviewOut(
                id=interview.id,
                job_id=job.id,
                job_title=job.title,
                status=interview.status,
                created_at=interview.created_at,
            )
        )
    return list(found.values())[:limit]


async def _visible_ids(session: AsyncSession, user: User, ids: list[str]) -> dict[str, list[Interview]]:
    """Each selected candidate's interviews the user may see; 404 unless every candidate is visible."""
    unique = list(dict.fromkeys(ids))
    out: dict[str, list[Interview]] = {}
    for candidate in await repo.get_many(session, unique):
        mine = []
        for interview in await interview_repo.of_candidate(session, candidate.id):
            job = await job_repo.get(session, interview.job_id)
            if job is not None and visible_to(user, job):
                mine.append(interview)
        if mine or user.role == "admin":
            out[candidate.id] = mine
    if len(out) != len(unique):
        raise NotFound(
            f"{len(unique) - len(out)} of the selected candidates do not exist or are not yours to see"
        )
    return out


async def bulk(
    session: AsyncSession, bus: EventBus, user: User, body: BulkIn, signer: Signer, settings: Settings
) -> BulkOut:
    """Run a bulk action (see `BulkIn`) on the selected candidates; all checked before any change."""
    selected = await _visible_ids(session, user, body.candidate_ids)
    if body.action == "interview":
        return await _interviews(session, user, selected, body.job_id, signer, settings.public_url)
    touched = [i.id for interviews in selected.values() for i in interviews if i.status in OPEN]
    for interview_id in touched:
        await lifecycle.cancel(session, bus, user, interview_id, body.reason or "withdrawn in bulk", settings)
    return BulkOut(action="withdraw", candidates=len(selected), interviews=len(touched))


async def _interviews(
    session: AsyncSession,
    user: User,
    selected: dict[str, list[Interview]],
    job_id: str | None,
    signer: Signer,
    public_url: str,
) -> BulkOut:
    if not job_id:
        raise DomainError("choose the job the new interviews are for")
    job = await job_repo.get(session, job_id)
    if job is None or not visible_to(user, job):
        raise NotFound("no such job")
    if not job.current:
        raise Conflict("this is an earlier version of the job; choose its current version")
    invites = []
    for candidate_id in selected:
        interview = await interview_repo.add(
            session, Interview(job_id=job.id, candidate_id=candidate_id, invite_nonce=new_invite_nonce())
        )
        invites.append(
            ImportedCandidate(
                candidate_id=candidate_id,
                interview_id=interview.id,
                job_title=job.title,
                invite_url=invite_link(signer, public_url, interview),
            )
        )
    await audit_repo.audit(
        session, user.email, "interviews.created_in_bulk", None, count=len(invites), job_id=job.id
    )
    return BulkOut(action="interview", candidates=len(selected), interviews=len(invites), invites=invites)


async def erase_many(
    sessions: async_sessionmaker[AsyncSession], user: User, ids: list[str], recordings_dir: Path, vault: Vault
) -> BulkOut:
    """Erase each selected candidate (admins only, checked by the route); every id is checked first.

    Each erasure is its own transaction (the database is scrubbed after each), as the single erase is;
    a candidate in a live call or under a legal hold stops the batch there with a 409 naming why.
    """
    unique = list(dict.fromkeys(ids))
    async with sessions() as session:
        if len(await repo.get_many(session, unique)) != len(unique):
            raise NotFound("some of the selected candidates do not exist")
    count = 0
    for candidate_id in unique:
        count += await erase_candidate(sessions, candidate_id, user.email, recordings_dir, vault)
    return BulkOut(action="erase", candidates=len(unique), interviews=count)
