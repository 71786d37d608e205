"""Candidates on the HR page: search, bulk actions, and bulk erasure for admins.

Adding candidates (one, a pasted list, a CSV or Excel file) goes through the import routes, which
validate every row first and store nothing unless all are valid.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from server.db.models import User
from server.deps import BusDep, RequireRole, SessionDep, SessionsDep, SettingsDep, SignerDep, VaultDep
from server.schemas import BulkEraseIn, BulkIn, BulkOut, CandidateOut
from server.services import candidates as service

router = APIRouter(prefix="/api/candidates", tags=["candidates"])
Editor = Annotated[User, Depends(RequireRole("hr"))]
Admin = Annotated[User, Depends(RequireRole("admin"))]


@router.get("")
async def search_candidates(
    user: Editor,
    session: SessionDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
    job_id: Annotated[str | None, Query(max_length=32)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> list[CandidateOut]:
    """Candidates in the user's departments matching name, e-mail or job title (newest first)."""
    return await service.search(session, user, q, job_id, limit)


@router.post("/bulk")
async def bulk_action(
    body: BulkIn, user: Editor, session: SessionDep, bus: BusDep, signer: SignerDep, settings: SettingsDep
) -> BulkOut:
    """Create interviews (with invite links) for, or withdraw, the selected candidates."""
    return await service.bulk(session, bus, user, body, signer, settings)


@router.post("/erase")
async def bulk_erase(
    body: BulkEraseIn, user: Admin, sessions: SessionsDep, settings: SettingsDep, vault: VaultDep
) -> BulkOut:
    """Erase the selected candidates' data (as `DELETE /api/admin/candidates/{id}` does, one by one)."""
    return await service.erase_many(sessions, user, body.candidate_ids, settings.recordings_dir, vault)
