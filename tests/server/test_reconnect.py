"""Reconnecting on the embedded default (one process, SQLite): a dead call is noticed within seconds and
stored as interrupted, a reloaded page resumes at the same question, a control nobody holds is refused,
and a server shutting down takes no new call. A real aiortc candidate, tone-scripted models."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import update

from realtime.webrtc.peer import RECV_TIMEOUT_S
from server.db.models import Interview
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.tones import ANSWERS
from tests.net import free_port
from tests.server.instances import Candidate, Instance, serve


@pytest.fixture
async def one(tmp_path: Path) -> AsyncIterator[Instance]:
    port = free_port()
    settings = Settings(
        environment="test",
        secret_key=TEST_SECRET,
        data_dir=tmp_path / "data",
        public_url=f"http://127.0.0.1:{port}",
        port=port,
        tts_enabled=False,
        outbox_in_server=False,
        purge_in_server=False,
        relay_timeout_s=1.0,
    )
    async with serve(settings) as instance:
        yield instance


async def test_a_dead_call_is_noticed_within_seconds_and_the_candidate_resumes_where_they_were(
    one: Instance,
) -> None:
    interview_id, token = await one.seed()
    first = Candidate(one.url, token)
    again = Candidate(one.url, token)
    try:
        await first.consent()
        assert (await first.join()).status_code == 200
        await first.question(0)
        first.mic.speak(0, 3.0)
        await first.question(1, timeout_s=30)
        first.mic.stop_sending()  # the network is gone; nothing says goodbye
        gone = time.monotonic()
        while one.app.state.peers.get(interview_id) is not None:
            assert time.monotonic() - gone < RECV_TIMEOUT_S + 3.0, "the dead call was not noticed"
            await asyncio.sleep(0.2)
        dropped = await one.state(interview_id)
        closing = time.monotonic()  # the call leaves the registry first, then its recording is closed
        while dropped["recordings"][0].ended_at is None and time.monotonic() - closing < 10.0:
            await asyncio.sleep(0.2)
            dropped = await one.state(interview_id)
        assert dropped["status"] == "interrupted" and dropped["question_index"] == 1
        assert dropped["recordings"][0].ended_at is not None

        r = await again.join()
        assert r.status_code == 200, r.text
        assert (await again.question(1))["index"] == 1
        resumed = await one.state(interview_id)
        assert [u for u in resumed["utterances"] if u[0] == "candidate"] == [("candidate", ANSWERS[0], 0)]
        (flag,) = [f for f in resumed["flags"] if f.kind == "reconnected"]
        assert flag.detail["previous_call_ended"] == "disconnected" and flag.detail["gap_s"] >= 1.0
    finally:
        await first.close()
        await again.close()


async def test_a_reloaded_page_joins_again_at_once_and_a_second_window_is_refused(one: Instance) -> None:
    interview_id, token = await one.seed()
    first, second, reloaded = Candidate(one.url, token), Candidate(one.url, token), Candidate(one.url, token)
    try:
        await first.consent()
        assert (await first.join()).status_code == 200
        await first.question(0)
        refused = await second.join()  # media still flows on the first: a second window
        assert refused.status_code == 409 and "another browser window" in refused.json()["detail"]
        await first.close()  # the page reloads
        r = await reloaded.join()
        assert r.status_code == 200, r.text
        assert (await reloaded.question(0))["index"] == 0
    finally:
        for candidate in (first, second, reloaded):
            await candidate.close()


async def test_a_control_that_no_server_holds_is_refused_and_a_stopping_server_takes_no_call(
    one: Instance,
) -> None:
    interview_id, token = await one.seed()
    async with one.app.state.sessions.begin() as s:  # as a killed server leaves it: live, no call
        await s.execute(update(Interview).where(Interview.id == interview_id).values(status="live"))
    console = await one.staff("iv-r@example.test")
    try:
        r = await console.post(f"/api/interviews/{interview_id}/control", json={"action": "pause"})
        assert r.status_code == 409 and "no server answered" in r.json()["detail"]
    finally:
        await console.aclose()

    one.app.state.calls.draining = True  # what the lifespan sets when the server is told to stop
    candidate = Candidate(one.url, token)
    try:
        await candidate.consent()
        r = await candidate.join()
        assert r.status_code == 503 and "restarting" in r.json()["detail"]
    finally:
        one.app.state.calls.draining = False
        await candidate.close()
