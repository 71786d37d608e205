"""The retention purge: each kind of data goes when its retention period after the interview is over.

| kind | what | setting |
|---|---|---|
| recordings | the files and their rows | `retention_recordings_days` (default 90) |
| transcripts | what was said, and the code the candidate ran | `retention_transcripts_days` (365) |
| scores | AI scores, module results and integrity flags | `retention_scores_days` (365) |
| resumes | the uploaded file and its parsed profile | `retention_resumes_days` (365) |
| reports | the rest: the candidate is erased (HR gets `candidate.deleted`) | `retention_reports_days` (730) |
| withdrawn | candidates who withdrew while a legal hold kept their data, once no hold is left | - |

Interviews under a legal hold are skipped, and so are live ones. Each run is audited with its counts
(never names), and logged. A dry run counts what would go and changes nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from server.db.base import utcnow
from server.db.models import (
    AnswerScoreRow,
    CodeRun,
    IntegrityFlag,
    ModuleResult,
    Recording,
    Resume,
    Utterance,
)
from server.db.repositories import audit as audit_repo
from server.db.repositories import resumes as resume_repo
from server.db.repositories import retention as repo
from server.errors import DomainError
from server.keys.vault import Vault
from server.schemas import PurgeOut
from server.services.erasure import erase_candidate
from server.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Retention:
    """Days each kind of data is kept after an interview ends."""

    recordings_days: float
    transcripts_days: float
    scores_days: float
    reports_days: float
    resumes_days: float = 365.0

    @classmethod
    def from_settings(cls, settings: Settings) -> Retention:
        """The operator's retention settings."""
        return cls(
            settings.retention_recordings_days,
            settings.retention_transcripts_days,
            settings.retention_scores_days,
            settings.retention_reports_days,
            settings.retention_resumes_days,
        )


async def purge(
    sessions: async_sessionmaker[AsyncSession],
    retention: Retention,
    recordings_dir: Path,
    vault: Vault,
    *,
    dry_run: bool = False,
    now: datetime | None = None,
) -> PurgeOut:
    """Remove (or, dry run, count) what is past its retention; returns the counts per kind."""
    now = now or utcnow()

    def cutoff(days: float) -> datetime:
        return now - timedelta(days=days)

    removed: dict[str, int] = {}
    files: list[Path] = []
    async with sessions.begin() as session:
        shortest = min(
            retention.recordings_days,
            retention.transcripts_days,
            retention.scores_days,
            retention.reports_days,
            retention.resumes_days,
        )
        skipped = await repo.held(session, cutoff(shortest))
        expired = await repo.expired(session, cutoff(retention.recordings_days))
        recordings = await repo.recordings_of(session, expired)
        removed["recordings"] = len(recordings)
        files = [Path(r.path) for r in recordings]
        if not dry_run:
            await repo.remove(session, Recording, expired)
        expired = await repo.expired(session, cutoff(retention.resumes_days))
        resumes = await resume_repo.of_interviews(session, expired)
        removed["resumes"] = len(resumes)
        files += [Path(r.path) for r in resumes]
        if not dry_run:
            await repo.remove(session, Resume, expired)
        expired = await repo.expired(session, cutoff(retention.transcripts_days))
        removed["transcripts"] = await repo.count(session, Utterance, expired)
        if not dry_run:
            await repo.remove(session, Utterance, expired)
            await repo.remove(session, CodeRun, expired)
        expired = await repo.expired(session, cutoff(retention.scores_days))
        removed["scores"] = await repo.count(session, AnswerScoreRow, expired)
        removed["integrity_flags"] = await repo.count(session, IntegrityFlag, expired)
        if not dry_run:
            await repo.remove(session, AnswerScoreRow, expired)
            await repo.remove(session, ModuleResult, expired)
            await repo.remove(session, IntegrityFlag, expired)
        candidates = await repo.candidates_expired(session, cutoff(retention.reports_days))
        withdrawn = await repo.candidates_withdrawn(session)
    if not dry_run:
        for path in files:  # only once the rows are gone for good
            await asyncio.to_thread(path.unlink, True)
    removed["candidates"] = len(candidates)
    removed["withdrawn_candidates"] = len(set(withdrawn) - set(candidates))
    if not dry_run:
        for candidate_id in dict.fromkeys([*candidates, *withdrawn]):
            try:
                await erase_candidate(sessions, candidate_id, "retention", recordings_dir, vault)
            except DomainError as exc:  # joined a call or was put on hold since: next run
                log.warning("retention purge kept candidate %s: %s", candidate_id, exc.message)
        if any(removed.values()):
            async with sessions.begin() as session:
                await audit_repo.audit(
                    session, "retention", "retention.purged", None, removed=removed, held=skipped
                )
    verb = "would remove" if dry_run else "removed"
    log.info(
        "retention purge %s: %s; %d interviews kept under a legal hold",
        verb,
        ", ".join(f"{n} {kind}" for kind, n in removed.items()),
        skipped,
    )
    return PurgeOut(dry_run=dry_run, removed=removed, skipped_on_hold=skipped)


async def run_purges(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, stop: asyncio.Event, vault: Vault
) -> None:
    """Purge once at start, then every `purge_every_hours`, until `stop` is set (the lifespan owns it)."""
    retention = Retention.from_settings(settings)
    while not stop.is_set():
        try:
            await purge(sessions, retention, settings.recordings_dir, vault)
        except Exception:  # a database hiccup must not end purging for good
            log.exception("retention purge failed; trying again at the next run")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), settings.purge_every_hours * 3600)
