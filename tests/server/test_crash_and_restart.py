"""A server killed mid-interview (SIGKILL): what was said is stored, the recording up to the kill plays,
and the restarted server resumes the interview where it stopped; a server stopped gracefully (SIGTERM)
stores the answer in progress, flushes the recording and frees the call. Real server processes on
PostgreSQL and Redis, a real aiortc candidate, tone-scripted models (no model loads)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from redis.asyncio import Redis
from sqlalchemy import select

from server.db.engine import make_engine, make_sessionmaker
from server.db.models import IntegrityFlag, Interview, Recording, Utterance
from server.keys.master import load_master_keys
from server.keys.vault import Vault
from server.services.media import media_duration
from server.settings import Settings
from tests.conftest import REDIS_URL, TEST_SECRET
from tests.fakes.tones import ANSWERS
from tests.net import free_port
from tests.server.instances import Candidate, Process, fresh_database

pytestmark = [pytest.mark.postgres, pytest.mark.redis]


@contextlib.asynccontextmanager
async def server_a(tmp_path: Path) -> AsyncIterator[tuple[Process, Settings]]:
    async with fresh_database() as url:
        port = free_port()
        env = {
            **os.environ,
            "INTERVIEW_ENVIRONMENT": "test",
            "INTERVIEW_SECRET_KEY": TEST_SECRET,
            "INTERVIEW_DATA_DIR": str(tmp_path / "data"),
            "INTERVIEW_DATABASE_URL": url,
            "INTERVIEW_REDIS_URL": REDIS_URL,
            "INTERVIEW_PUBLIC_URL": f"http://127.0.0.1:{port}",
            "INTERVIEW_PORT": str(port),
            "INTERVIEW_INSTANCE_ID": "a",
            "INTERVIEW_OUTBOX_IN_SERVER": "false",
            "INTERVIEW_PURGE_IN_SERVER": "false",
            "INTERVIEW_TTS_ENABLED": "false",
        }
        settings = Settings(
            environment="test", secret_key=TEST_SECRET, data_dir=tmp_path / "data", database_url=url
        )
        process = Process(env, tmp_path / "server.log")
        try:
            yield process, settings
        finally:
            if process.proc is not None and process.proc.poll() is None:
                process.proc.kill()
                process.proc.wait(10)
            print(process.log.read_text()[-4000:])


async def stored(settings: Settings, interview_id: str) -> dict[str, Any]:
    """The interview as the database holds it, read with the deployment's keys."""
    engine = make_engine(settings.db_url)
    vault = Vault(load_master_keys(settings))
    try:
        async with make_sessionmaker(engine, vault)() as s:
            interview = await s.get(Interview, interview_id)
            assert interview is not None
            said = await s.execute(
                select(Utterance).where(Utterance.interview_id == interview_id).order_by(Utterance.created_at)
            )
            recordings = await s.execute(
                select(Recording).where(Recording.interview_id == interview_id).order_by(Recording.created_at)
            )
            flags = await s.execute(select(IntegrityFlag).where(IntegrityFlag.interview_id == interview_id))
            key = await vault.data_key_async(s, interview_id)
            return {
                "status": interview.status,
                "question_index": interview.question_index,
                "candidate": [(u.text, u.question_index) for u in said.scalars() if u.speaker == "candidate"],
                "recordings": list(recordings.scalars()),
                "flags": [f for f in flags.scalars() if f.kind == "reconnected"],
                "key": key,
            }
    finally:
        await engine.dispose()


async def test_a_killed_server_restarts_and_the_interview_resumes_and_a_stopped_one_stores_the_answer(
    tmp_path: Path,
) -> None:
    async with server_a(tmp_path) as (a, settings):
        await a.start()
        interview_id, token = a.demo()
        first = Candidate(a.url, token)
        await first.consent()
        assert (await first.join()).status_code == 200
        await first.question(0)
        first.mic.speak(0, 3.0)
        await first.question(1, timeout_s=30)
        first.mic.speak(1, 10.0)  # the second answer is under way when the server is killed
        await asyncio.sleep(3.0)
        await a.stop(signal.SIGKILL)
        await first.close()

        crashed = await stored(settings, interview_id)
        assert crashed["candidate"] == [(ANSWERS[0], 0)]  # the spoken answer survived the kill
        assert crashed["status"] == "live" and crashed["question_index"] == 1
        (lost,) = crashed["recordings"]
        assert lost.ended_at is None  # nobody closed it ...
        played = await asyncio.to_thread(media_duration, Path(lost.path), crashed["key"])
        assert played is not None and played > 5.0  # ... yet it plays up to the kill

        await a.start()  # the same instance id: its lease on the call is taken back at once
        again = Candidate(a.url, token)
        r = await again.join()
        assert r.status_code == 200, r.text
        assert (await again.question(1))["index"] == 1  # where it stopped
        again.mic.speak(1, 8.0)
        await asyncio.sleep(3.0)
        await a.stop(signal.SIGTERM)  # a graceful stop while the candidate is talking
        await again.close()

        after = await stored(settings, interview_id)
        assert after["candidate"][0] == (ANSWERS[0], 0)
        assert (ANSWERS[1], 1) in after["candidate"][1:], "the answer in progress was not stored"
        assert after["status"] == "interrupted"
        old, new = after["recordings"]
        assert old.id == lost.id and old.duration_s is not None and old.duration_s > 5.0
        assert new.ended_at is not None and new.duration_s is not None and new.duration_s > 2.0
        (flag,) = after["flags"]
        assert flag.detail["previous_call_ended"] == "server stopped" and flag.detail["gap_s"] > 0
        redis = Redis.from_url(REDIS_URL)
        try:
            assert await redis.get(f"interview:owner:{interview_id}") is None  # the call is free again
        finally:
            await redis.aclose()
