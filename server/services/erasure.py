"""Erasure of a candidate's personal data, announced to every connected HR system."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from server.db.repositories import audit as audit_repo
from server.db.repositories import candidates as candidate_repo
from server.db.repositories import data_keys, storage
from server.db.repositories import interviews as interview_repo
from server.db.repositories import outbox as outbox_repo
from server.errors import Conflict, NotFound
from server.keys.vault import Vault


async def erase_candidate(
    sessions: async_sessionmaker[AsyncSession],
    candidate_id: str,
    actor: str,
    recordings_dir: Path,
    vault: Vault,
    *,
    allow_live: bool = False,
) -> int:
    """Delete the candidate and everything about them; redact what the audit trail said about them.

    That is their interviews, transcripts, scores, reviews, notes, flags, letters, consents and
    recordings. Each interview's data key is destroyed in the same transaction (crypto-shredding): a
    copy of its rows or recordings that outlives the deletion (a backup, a file the deletion missed)
    can no longer be decrypted; the vault's cache of unwrapped keys forgets them too. Then the
    database's files are scrubbed so no deleted page keeps a copy.

    The `candidate.deleted` outbox event is written in the same transaction, so every connected system
    hears of it exactly when the data is gone; it names the candidate only by our reference and the
    HR systems' own ids, which they need to find their copy. Returns the number of interviews erased.
    A candidate in a live call cannot be erased until the call ends (`allow_live`: the candidate
    withdrew and their call was told to close), nor while a legal hold keeps one of their interviews.
    """
    async with sessions.begin() as session:
        ids = await _erase_rows(session, candidate_id, actor, allow_live)
    vault.forget(ids)
    for interview_id in ids:  # files only once the rows are gone for good
        await asyncio.to_thread(shutil.rmtree, recordings_dir / interview_id, True)
    await storage.scrub(sessions)
    return len(ids)


async def _erase_rows(session: AsyncSession, candidate_id: str, actor: str, allow_live: bool) -> list[str]:
    candidate = await candidate_repo.get(session, candidate_id)
    if candidate is None:
        raise NotFound("no such candidate")
    interviews = await interview_repo.of_candidate(session, candidate_id)
    if not allow_live and any(i.status == "live" for i in interviews):
        raise Conflict("the candidate is in a live interview; end it before erasing their data")
    if any(i.legal_hold for i in interviews):
        raise Conflict(
            "an interview of this candidate is under a legal hold; its data is kept until the hold is cleared"
        )
    ids = [i.id for i in interviews]
    refs = dict(candidate.external_refs or {})
    if ids:
        # Reports about them that were queued for the HR systems are not sent; stored copies are cleared
        # (`candidate.deleted`, below, tells every connected system to erase theirs).
        await outbox_repo.withdraw(session, ids, "not sent: the candidate's data was erased")
        # The audit trail keeps who did what and when, not what was said or written about the candidate.
        await audit_repo.redact(session, ids)
        await interview_repo.erase(session, ids)
        await data_keys.destroy(session, ids)
    await candidate_repo.delete(session, candidate)
    await outbox_repo.enqueue(
        session,
        "candidate.deleted",
        candidate_id,
        {"candidate_ref": candidate_id, "interview_ids": ids, "candidate_external_refs": refs},
    )
    await audit_repo.audit(
        session, actor, "candidate.erased", None, candidate=candidate_id, interviews=len(ids)
    )
    return ids
