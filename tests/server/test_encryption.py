"""Encryption at rest in the database (SQLite and PostgreSQL): sealed columns round-trip and hold no
plaintext, a wrong master key is refused with a sentence, rotation re-wraps every data key and the data
stays readable, erasure destroys the keys."""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from server.db.engine import make_sessionmaker
from server.db.models import (
    AnswerScoreRow,
    AuditEvent,
    FeedbackLetter,
    Interview,
    InterviewNote,
    OutboxEvent,
    ReviewDecision,
    Utterance,
)
from server.db.repositories import audit as audit_repo
from server.db.repositories import outbox as outbox_repo
from server.keys.master import MasterKey, MasterKeyError, MasterKeys, load_master_keys
from server.keys.vault import SealedDataError, Vault, is_token, verify
from server.security import Signer
from server.services.demo import create_demo
from server.services.erasure import erase_candidate
from server.services.keys import key_status, rotate
from server.settings import Settings
from tests.conftest import TEST_SECRET

SENTENCE = "I rebuilt the billing pipeline over one weekend and cut refunds by forty percent"


def vault_of(*keys: bytes) -> Vault:
    """A vault whose current key is the first, previous the second."""
    masters = [MasterKey(k, f"key {i}") for i, k in enumerate(keys)]
    return Vault(MasterKeys(masters[0], masters[1] if len(masters) > 1 else None))


async def seed(sessions: async_sessionmaker[AsyncSession]) -> str:
    """An interview with the sentence in every sealed column; returns its id."""
    async with sessions.begin() as s:
        demo = await create_demo(s, Signer(TEST_SECRET, 3600, 3600), "http://test")
        iid = demo.interview_id
        s.add(Utterance(interview_id=iid, speaker="candidate", text=SENTENCE, start_s=1.0, end_s=4.0))
        s.add(
            AnswerScoreRow(
                interview_id=iid,
                question_index=0,
                score=4,
                score_exact=4.0,
                confidence=0.8,
                scorer="default",
                detail={"evidence": [{"quote": SENTENCE, "start_s": 1.0}]},
            )
        )
        s.add(InterviewNote(interview_id=iid, author="hr@example.test", t_s=2.0, text=f"said: {SENTENCE}"))
        s.add(ReviewDecision(interview_id=iid, actor="hr@example.test", comment=f"liked '{SENTENCE}'"))
        s.add(FeedbackLetter(interview_id=iid, language="en", text=f"You said {SENTENCE}.", drafted_by="hr"))
        await outbox_repo.enqueue(s, "report.ready", iid, {"answers": [SENTENCE]})
        await audit_repo.audit(s, "hr@example.test", "feedback.edited", iid, after=SENTENCE)
    return iid


SEALED_READS: list[tuple[Any, Any]] = [
    (Utterance, lambda r: r.text),
    (AnswerScoreRow, lambda r: r.detail["evidence"][0]["quote"]),
    (InterviewNote, lambda r: r.text),
    (ReviewDecision, lambda r: r.comment),
    (FeedbackLetter, lambda r: r.text),
    (OutboxEvent, lambda r: r.payload["answers"][0]),
    (AuditEvent, lambda r: r.detail["after"]),
]


async def rows(sessions: async_sessionmaker[AsyncSession], model: Any, iid: str) -> list[Any]:
    column = model.ordering_key if model is OutboxEvent else model.interview_id
    async with sessions() as s:
        return list((await s.execute(select(model).where(column == iid))).scalars())


async def test_sealed_columns_round_trip_and_store_no_plaintext(engine: AsyncEngine) -> None:
    vault = vault_of(os.urandom(32))
    sessions = make_sessionmaker(engine, vault)
    iid = await seed(sessions)
    for model, read in SEALED_READS:
        (row,) = [r for r in await rows(sessions, model, iid) if model is not AuditEvent or r.detail]
        assert SENTENCE in read(row), model
    raw = make_sessionmaker(engine)  # no vault: the values as the database holds them
    for model, _read in SEALED_READS:
        for row in await rows(raw, model, iid):
            stored = {c: getattr(row, c) for c in ("text", "detail", "comment", "payload") if hasattr(row, c)}
            assert SENTENCE not in repr(stored), model
            assert any(is_token(v) for v in stored.values()), model

    # An edit is sealed too, and the object keeps its plain value after the flush.
    async with sessions.begin() as s:
        (letter,) = (
            await s.execute(select(FeedbackLetter).where(FeedbackLetter.interview_id == iid))
        ).scalars()
        letter.text = "Dear candidate, " + SENTENCE
        await s.flush()
        assert letter.text.startswith("Dear candidate")
    (stored,) = await rows(raw, FeedbackLetter, iid)
    assert is_token(stored.text)
    (opened,) = await rows(sessions, FeedbackLetter, iid)
    assert opened.text == "Dear candidate, " + SENTENCE


async def test_a_token_moved_to_another_interviews_row_does_not_open(engine: AsyncEngine) -> None:
    vault = vault_of(os.urandom(32))
    sessions = make_sessionmaker(engine, vault)
    first, second = await seed(sessions), await seed(sessions)
    raw = make_sessionmaker(engine)
    async with raw.begin() as s:
        (a,) = (await s.execute(select(InterviewNote).where(InterviewNote.interview_id == first))).scalars()
        (b,) = (await s.execute(select(InterviewNote).where(InterviewNote.interview_id == second))).scalars()
        b.text = a.text
    with pytest.raises(SealedDataError, match="failed authentication"):
        await rows(sessions, InterviewNote, second)


async def test_a_wrong_master_key_is_refused_with_a_sentence(engine: AsyncEngine) -> None:
    right, wrong = os.urandom(32), os.urandom(32)
    await seed(make_sessionmaker(engine, vault_of(right)))
    assert await verify(vault_of(right), engine)
    with pytest.raises(MasterKeyError, match="does not match the stored data.*Set INTERVIEW_MASTER_KEY"):
        await verify(vault_of(wrong), engine)


async def test_rotation_rewraps_every_data_key_and_the_data_stays_readable(engine: AsyncEngine) -> None:
    old, new = os.urandom(32), os.urandom(32)
    first = await seed(make_sessionmaker(engine, vault_of(old)))
    second = await seed(make_sessionmaker(engine, vault_of(old)))
    during = vault_of(new, old)  # servers restarted with both keys: old data readable, new keys under new
    await verify(during, engine)
    third = await seed(make_sessionmaker(engine, during))
    before = await key_status(make_sessionmaker(engine))
    assert before == {vault_of(old).master_key_id: 2, during.master_key_id: 1}

    done = await rotate(make_sessionmaker(engine, during), during, batch=1)
    assert done.rewrapped == 2 and done.new_key_id == during.master_key_id
    assert await key_status(make_sessionmaker(engine)) == {during.master_key_id: 3}
    assert (await rotate(make_sessionmaker(engine, during), during)).rewrapped == 0  # a second run: nothing

    after = vault_of(new)  # the old key can go
    await verify(after, engine)
    for iid in (first, second, third):
        (utterance,) = await rows(make_sessionmaker(engine, after), Utterance, iid)
        assert utterance.text == SENTENCE
    with pytest.raises(MasterKeyError, match="does not match"):
        await verify(vault_of(old), engine)


async def test_erasure_destroys_the_interviews_data_keys(engine: AsyncEngine, tmp_path: Path) -> None:
    vault = vault_of(os.urandom(32))
    sessions = make_sessionmaker(engine, vault)
    iid = await seed(sessions)
    (note,) = await rows(make_sessionmaker(engine), InterviewNote, iid)  # a copy, as in a backup
    async with sessions() as s:
        interview = await s.get(Interview, iid)
        assert interview is not None and await vault.stored_key(s, iid) is not None
    assert await erase_candidate(sessions, interview.candidate_id, "admin", tmp_path, vault) == 1
    async with sessions() as s:
        assert await vault.stored_key(s, iid) is None  # the backup's token can never be opened again
    assert is_token(note.text)


def test_master_key_sources_and_sentences(tmp_path: Path) -> None:
    key = os.urandom(32)
    b64 = base64.b64encode(key).decode()
    base = {"environment": "test", "secret_key": TEST_SECRET, "data_dir": tmp_path}
    assert load_master_keys(Settings(**base, master_key=b64)).current.key == key
    (tmp_path / "master.key").write_text(b64 + "\n")
    from_file = load_master_keys(Settings(**base, master_key_file=tmp_path / "master.key"))
    assert from_file.current.key == key and "master.key" in from_file.current.source
    derived = load_master_keys(Settings(**base)).current
    assert "derived" in derived.source and derived.key == load_master_keys(Settings(**base)).current.key
    with pytest.raises(MasterKeyError, match="must be base64 of 32 random bytes"):
        load_master_keys(Settings(**base, master_key="c2hvcnQ="))
    with pytest.raises(ValueError, match="INTERVIEW_MASTER_KEY or INTERVIEW_MASTER_KEY_FILE must be set"):
        Settings(environment="production", secret_key=TEST_SECRET, data_dir=tmp_path)


async def test_a_key_made_in_a_rolled_back_transaction_is_not_used_afterwards(engine: AsyncEngine) -> None:
    master = os.urandom(32)
    vault = vault_of(master)
    sessions = make_sessionmaker(engine, vault)
    async with sessions.begin() as s:
        iid = (await create_demo(s, Signer(TEST_SECRET, 3600, 3600), "http://test")).interview_id
    async with sessions() as s:
        s.add(Utterance(interview_id=iid, speaker="candidate", text="lost", start_s=0.0, end_s=1.0))
        await s.flush()  # makes the interview's data key in this transaction...
        await s.rollback()  # ...which never commits
    async with sessions.begin() as s:
        s.add(Utterance(interview_id=iid, speaker="candidate", text=SENTENCE, start_s=0.0, end_s=1.0))
    restarted = make_sessionmaker(engine, vault_of(master))  # a fresh cache: only stored keys
    assert [u.text for u in await rows(restarted, Utterance, iid)] == [SENTENCE]
