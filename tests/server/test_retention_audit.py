"""The audit trail's hash chain (verifies, survives redaction, catches edits, deletions and rows cut off
the end) and the retention purge (per data kind, legal holds kept, dry runs change nothing), on SQLite
and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from server.db.base import utcnow
from server.db.engine import make_sessionmaker
from server.db.models import AnswerScoreRow, AuditEvent, Candidate, Interview, Recording, Utterance
from server.db.repositories import audit as audit_repo
from server.keys.master import load_master_keys
from server.keys.vault import Vault
from server.services import audit_log
from server.services.retention import Retention, purge
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.server.test_erasure_traces import seed_whole_interview

# Erasure destroys data keys: the vault a test server would hold.
VAULT = Vault(load_master_keys(Settings(environment="test", secret_key=TEST_SECRET)))


async def verdict(sessions: async_sessionmaker[AsyncSession]) -> tuple[bool, str | None]:
    async with sessions() as s:
        result = await audit_log.verify(s)
    return result.ok, result.problem


async def test_the_audit_chain_verifies_survives_redaction_and_catches_tampering(engine: AsyncEngine) -> None:
    sessions = make_sessionmaker(engine)
    async with sessions.begin() as s:
        for n in range(5):
            await audit_repo.audit(s, "hr@x", "review.decided", "iv1", comment=f"comment {n}", n=n)
        await audit_repo.audit(s, "admin@x", "auth.login")
    assert await verdict(sessions) == (True, None)
    async with sessions.begin() as s:
        await audit_repo.redact(s, ["iv1"])
    assert await verdict(sessions) == (True, None)
    async with sessions() as s:
        rows = (await s.execute(select(AuditEvent).order_by(AuditEvent.seq))).scalars().all()
    assert all(r.redacted and "comment" not in r.detail for r in rows[:5]) and rows[5].detail == {}

    async with sessions.begin() as s:
        await s.execute(update(AuditEvent).where(AuditEvent.seq == 6).values(actor="someone@x"))
    assert await verdict(sessions) == (False, "the row's fields were changed")
    async with sessions.begin() as s:
        await s.execute(update(AuditEvent).where(AuditEvent.seq == 6).values(actor="admin@x"))
    assert await verdict(sessions) == (True, None)
    async with sessions.begin() as s:
        await s.execute(update(AuditEvent).where(AuditEvent.seq == 6).values(detail={"x": 1}))
    assert await verdict(sessions) == (False, "the detail was changed")
    async with sessions.begin() as s:
        await s.execute(update(AuditEvent).where(AuditEvent.seq == 6).values(detail={}))
        await s.execute(delete(AuditEvent).where(AuditEvent.seq == 3))
    assert await verdict(sessions) == (False, "row 3 is missing")


async def test_rows_cut_off_the_end_are_caught_by_the_head(engine: AsyncEngine) -> None:
    sessions = make_sessionmaker(engine)
    async with sessions.begin() as s:
        for n in range(3):
            await audit_repo.audit(s, "a@x", "auth.login", None, n=n)
    async with sessions.begin() as s:
        await s.execute(delete(AuditEvent).where(AuditEvent.seq == 3))
    assert await verdict(sessions) == (False, "rows after this one were removed")


async def count(sessions: async_sessionmaker[AsyncSession], model: object, interview_id: str) -> int:
    async with sessions() as s:
        column = model.interview_id  # type: ignore[attr-defined]
        return int((await s.execute(select(func.count()).where(column == interview_id))).scalar_one())


async def test_purge_removes_each_kind_after_its_time_and_keeps_legal_holds(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    sessions = make_sessionmaker(engine)
    recordings = tmp_path / "recordings"
    held_candidate = await seed_whole_interview(sessions, recordings)
    old_candidate = await seed_whole_interview(sessions, recordings)
    async with sessions.begin() as s:
        ids = {}
        for cand in (held_candidate, old_candidate):
            interview = (
                await s.execute(select(Interview).where(Interview.candidate_id == cand))
            ).scalar_one()
            interview.ended_at = utcnow() - timedelta(days=100)
            ids[cand] = interview.id
        held = await s.get(Interview, ids[held_candidate])
        assert held is not None
        held.legal_hold, held.legal_hold_reason = True, "dispute 2026-17"
    old = ids[old_candidate]
    retention = Retention(recordings_days=90, transcripts_days=365, scores_days=365, reports_days=730)

    dry = await purge(sessions, retention, recordings, VAULT, dry_run=True)
    assert dry.removed["recordings"] == 1 and dry.skipped_on_hold == 1
    assert await count(sessions, Recording, old) == 1 and (recordings / old / "rec.mp4").exists()

    done = await purge(sessions, retention, recordings, VAULT)
    assert done.removed["recordings"] == 1 and done.removed["transcripts"] == 0
    assert await count(sessions, Recording, old) == 0 and not (recordings / old / "rec.mp4").exists()
    assert await count(sessions, Utterance, old) == 2, "transcripts are kept longer"
    assert await count(sessions, Recording, ids[held_candidate]) == 1, "a legal hold keeps everything"

    later = utcnow() + timedelta(days=300)  # 400 days after the interviews ended
    done = await purge(sessions, retention, recordings, VAULT, now=later)
    assert done.removed["transcripts"] == 2 and done.removed["scores"] == 1
    assert await count(sessions, Utterance, old) == 0 and await count(sessions, AnswerScoreRow, old) == 0

    done = await purge(sessions, retention, recordings, VAULT, now=utcnow() + timedelta(days=700))
    assert done.removed["candidates"] == 1
    async with sessions() as s:
        assert await s.get(Candidate, old_candidate) is None
        assert await s.get(Candidate, held_candidate) is not None
        trail = (await s.execute(select(AuditEvent.action, AuditEvent.detail))).all()
    purged = [d for a, d in trail if a == "retention.purged"]
    assert len(purged) == 3 and purged[0]["removed"]["recordings"] == 1 and purged[0]["held"] == 1
    assert await verdict(sessions) == (True, None)
