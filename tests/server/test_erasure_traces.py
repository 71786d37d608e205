"""Erasure leaves no trace of the candidate's name, words or audio: not in the data directory's files
(the SQLite database, its write-ahead log, the recordings), not in any text or JSON column (PostgreSQL);
the audit trail keeps who did what and still verifies."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from server.db.engine import make_sessionmaker
from server.db.models import (
    AnswerScoreRow,
    Candidate,
    FeedbackLetter,
    IntegrityFlag,
    Interview,
    InterviewNote,
    Recording,
    ReviewDecision,
    Utterance,
)
from server.db.repositories import audit as audit_repo
from server.keys.master import load_master_keys
from server.keys.vault import Vault
from server.security import Signer
from server.services import audit_log
from server.services.demo import create_demo
from server.services.erasure import erase_candidate
from server.services.reports import interview_completed
from server.settings import Settings
from tests.conftest import TEST_SECRET

NAME = "Zhaoyun Wuthering-Pemberton"
SENTENCES = [
    "I rebuilt the billing pipeline at Quokka Freight in nine weeks.",
    "我带领团队把退款时间从五天缩短到四小时。",
]


async def seed_whole_interview(sessions: async_sessionmaker[AsyncSession], recordings_dir: Path) -> str:
    """A finished interview whose every kind of data carries the name or the sentences."""
    async with sessions.begin() as s:
        demo = await create_demo(s, Signer("k" * 40, 3600, 3600), "http://test")
        interview = await s.get(Interview, demo.interview_id)
        assert interview is not None
        candidate = await s.get(Candidate, interview.candidate_id)
        assert candidate is not None
        candidate.name, candidate.email = NAME, "zwp@example.test"
        for i, sentence in enumerate(SENTENCES):
            s.add(
                Utterance(
                    interview_id=interview.id, speaker="candidate", text=sentence, start_s=i, end_s=i + 1
                )
            )
        evidence = [{"text": SENTENCES[0], "label": "action", "t_start": 0.0, "t_end": 1.0}]
        s.add(
            AnswerScoreRow(
                interview_id=interview.id,
                question_index=0,
                competency="leadership",
                score=4,
                score_exact=4.1,
                confidence=0.8,
                scorer="default",
                detail={"evidence": evidence, "reasons": [SENTENCES[1]]},
            )
        )
        s.add(ReviewDecision(interview_id=interview.id, actor="hr@x", competency=None, comment=f"{NAME}: ok"))
        s.add(InterviewNote(interview_id=interview.id, author="iv@x", t_s=1.0, text=SENTENCES[1]))
        s.add(IntegrityFlag(interview_id=interview.id, kind="tab_hidden", t_start=0, detail={"who": NAME}))
        s.add(
            FeedbackLetter(
                interview_id=interview.id,
                language="en",
                text=f"Dear {NAME}",
                drafted_by="hr@x",
                status="draft",
            )
        )
        path = recordings_dir / interview.id / "rec.mp4"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\x00ftypmp42" + "".join(SENTENCES).encode() + NAME.encode())  # audio stand-in
        s.add(Recording(interview_id=interview.id, path=str(path)))
        interview.status = "finished"
        await s.flush()
        await interview_completed(s, interview, "http://test")  # the report, with quotes, in the outbox
        await audit_repo.audit(s, "iv@x", "control.ask", interview.id, text=SENTENCES[0])
        await audit_repo.audit(s, "hr@x", "feedback.edited", interview.id, after=f"Dear {NAME}")
        return interview.candidate_id


def needles() -> list[bytes]:
    return [NAME.encode(), *(s.encode() for s in SENTENCES), b"Wuthering"]


async def text_values(engine: AsyncEngine) -> list[str]:
    """Every value of every text, character and JSON column in the database (PostgreSQL)."""
    async with engine.connect() as conn:
        columns = (
            await conn.execute(
                text(
                    "SELECT table_name, column_name FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND data_type IN "
                    "('text', 'character varying', 'json', 'jsonb')"
                )
            )
        ).all()
        values: list[str] = []
        for table, column in columns:
            rows = await conn.execute(text(f'SELECT "{column}"::text FROM "{table}"'))
            values.extend(v for (v,) in rows if v is not None)
    return values


async def test_erasure_leaves_no_trace_of_name_words_or_audio(engine: AsyncEngine, tmp_path: Path) -> None:
    sessions = make_sessionmaker(engine)
    recordings = tmp_path / "recordings"
    candidate_id = await seed_whole_interview(sessions, recordings)
    if engine.dialect.name == "postgresql":
        assert any(NAME in v for v in await text_values(engine))  # the check can see the data
    else:
        assert any(n in b for n in needles() for b in _files(tmp_path).values())

    vault = Vault(load_master_keys(Settings(environment="test", secret_key=TEST_SECRET, data_dir=tmp_path)))
    assert await erase_candidate(sessions, candidate_id, "admin@x", recordings, vault) == 1

    if engine.dialect.name == "postgresql":
        found = [v for v in await text_values(engine) if any(n.decode() in v for n in needles())]
        assert not found
    else:
        files = _files(tmp_path)
        assert any(name.startswith("test.db") for name in files)
        leaks = {name: [n for n in needles() if n in data] for name, data in files.items()}
        assert not {k: v for k, v in leaks.items() if v}, "the candidate is still in these files"
    async with sessions() as s:
        check = await audit_log.verify(s)
    assert check.ok, check  # redacted rows keep their hash: the chain still verifies


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}
