"""Two server instances on one PostgreSQL database and one Redis: a console on either instance controls,
watches and hears every call; a candidate whose network drops rejoins on the other instance where they
stopped, with nothing lost. Real aiortc candidates and consoles; tone-scripted models (no model loads)."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets
from aiortc import RTCPeerConnection, RTCSessionDescription
from sqlalchemy import select

from server.db.models import Utterance
from tests.fakes.tones import ANSWERS
from tests.net import free_port
from tests.server.instances import Candidate, Instance, fresh_database, instance_settings, serve

pytestmark = [pytest.mark.postgres, pytest.mark.redis]


@contextlib.asynccontextmanager
async def two_instances(tmp_path: Path, **extra: Any) -> AsyncIterator[tuple[Instance, Instance]]:
    async with fresh_database() as url:
        data = tmp_path / "shared-volume"
        a_settings = instance_settings("a", free_port(), url, data, **extra)
        b_settings = instance_settings("b", free_port(), url, data, auto_migrate=False, **extra)
        async with serve(a_settings) as a, serve(b_settings) as b:
            yield a, b


async def console_events(b: Instance, cookie: str, interview_id: str, seen: list[dict[str, Any]]) -> None:
    ws_url = b.url.replace("http://", "ws://") + f"/api/interviews/{interview_id}/live"
    headers = {"Cookie": cookie, "Origin": b.url}
    async with websockets.connect(ws_url, additional_headers=headers) as ws:
        async for raw in ws:
            seen.append(json.loads(raw))


async def test_a_console_on_instance_b_controls_watches_and_hears_a_call_on_instance_a(
    tmp_path: Path,
) -> None:
    async with two_instances(tmp_path) as (a, b):
        interview_id, token = await a.seed()
        candidate = Candidate(a.url, token)
        console = await b.staff("iv@example.test")
        watcher = RTCPeerConnection()
        seen: list[dict[str, Any]] = []
        cookie = "; ".join(f"{k}={v}" for k, v in console.cookies.items())
        events = asyncio.create_task(console_events(b, cookie, interview_id, seen))
        try:
            await candidate.consent()
            assert (await candidate.join()).status_code == 200
            await candidate.question(0)
            assert a.app.state.peers.get(interview_id) is not None
            assert b.app.state.peers.get(interview_id) is None  # the call is held by A only

            # A second window on B is refused while the candidate is on A (media is flowing).
            second = Candidate(a.url, token)
            refused = await second.join(b.url)
            await second.close()
            assert refused.status_code == 409 and "another browser window" in refused.json()["detail"]

            # A control sent to B reaches the agent on A, which confirms it.
            r = await console.post(f"/api/interviews/{interview_id}/control", json={"action": "skip"})
            assert r.status_code == 202, r.text
            await candidate.question(1)
            assert (await b.state(interview_id))["question_index"] == 1

            # B answers the console's offer with A's SDP: the candidate's video comes from A.
            watcher.addTransceiver("video", direction="recvonly")
            watcher.addTransceiver("audio", direction="recvonly")
            tracks: asyncio.Queue[Any] = asyncio.Queue()
            watcher.on("track", tracks.put_nowait)
            await watcher.setLocalDescription(await watcher.createOffer())
            offer = {"sdp": watcher.localDescription.sdp, "type": "offer"}
            r = await console.post(f"/api/interviews/{interview_id}/watch", json=offer)
            assert r.status_code == 200, r.text
            await watcher.setRemoteDescription(RTCSessionDescription(**r.json()))
            async with asyncio.timeout(15):
                kinds = set()
                while "video" not in kinds:
                    track = await tracks.get()
                    kinds.add(track.kind)
                    if track.kind == "video":
                        frame = await track.recv()
                        assert frame.width > 0  # a real frame of the candidate's camera, relayed by A

            # The console's stream on B heard A's events: the control applied, the question asked.
            for _ in range(100):
                if any(e.get("type") == "control.applied" for e in seen):
                    break
                await asyncio.sleep(0.1)
            else:
                raise AssertionError(f"the console on B heard no control.applied: {seen}")
            asked = [e["index"] for e in seen if e.get("type") == "question.asked"]
            assert 1 in asked
        finally:
            events.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await events
            await watcher.close()
            await candidate.close()
            await console.aclose()


async def test_a_candidate_whose_network_drops_rejoins_on_the_other_instance_with_nothing_lost(
    tmp_path: Path,
) -> None:
    async with two_instances(tmp_path, peer_stale_s=1.0) as (a, b):
        interview_id, token = await a.seed()
        first = Candidate(a.url, token)
        await first.consent()
        assert (await first.join()).status_code == 200
        await first.question(0)
        first.mic.speak(0, 3.0)  # the first answer
        await first.question(1, timeout_s=30)
        before = await a.state(interview_id)
        answered = [u for u in before["utterances"] if u[0] == "candidate"]
        assert answered and answered[0][1] == ANSWERS[0] and answered[0][2] == 0

        first.mic.stop_sending()  # the network drops: the connection is open, nothing arrives
        await asyncio.sleep(1.5)
        again = Candidate(a.url, token)
        try:
            r = await again.join(b.url)  # the reloaded page reaches the other instance
            assert r.status_code == 200, r.text
            resumed = await again.question(1)  # the same question, not the first one again
            assert resumed["index"] == 1
            assert b.app.state.peers.get(interview_id) is not None
            assert a.app.state.peers.get(interview_id) is None  # A gave the dead call up

            after = await b.state(interview_id)
            assert after["status"] == "live" and after["question_index"] == 1
            assert after["utterances"][: len(before["utterances"])] == before["utterances"]
            assert len(after["recordings"]) == 2
            old, new = after["recordings"]
            assert old.ended_at is not None and (old.duration_s or 0) > 3.0  # kept, closed, playable
            flag = next(f for f in after["flags"] if f.kind == "reconnected")
            assert flag.detail["previous_recording_id"] == old.id and flag.detail["recording_id"] == new.id
            assert flag.detail["gap_s"] >= 0.0 and flag.detail["previous_call_ended"] == "disconnected"
        finally:
            await first.close()
            await again.close()


async def test_a_candidate_withdrawing_through_instance_b_ends_the_call_on_a_before_the_erasure(
    tmp_path: Path,
) -> None:
    async with two_instances(tmp_path) as (a, b):
        interview_id, token = await a.seed()
        candidate = Candidate(a.url, token)
        try:
            await candidate.consent()
            assert (await candidate.join()).status_code == 200
            await candidate.question(0)
            candidate.mic.speak(0, 3.0)
            await candidate.question(1, timeout_s=30)
            assert [u for u in (await a.state(interview_id))["utterances"] if u[0] == "candidate"]
            candidate.mic.speak(1, 10.0)  # mid-answer: closing the call on A stores what was said so far
            await asyncio.sleep(2.0)
            async with httpx.AsyncClient(base_url=b.url, timeout=30) as http:
                r = await http.post(f"/api/invite/{token}/withdraw")
            assert r.status_code == 200 and r.json()["status"] == "erased", r.text
            assert a.app.state.peers.get(interview_id) is None  # the withdrawal on B ended the call on A
            async with a.app.state.sessions() as s:
                left = await s.execute(select(Utterance).where(Utterance.interview_id == interview_id))
                assert left.scalars().all() == []  # nothing the closing call stored outlived the erasure
        finally:
            await candidate.close()
