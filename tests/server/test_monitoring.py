"""Monitoring: /metrics after a scripted call (the values moved), /readyz and refused calls while not
ready, the bearer token, and the console fan-out delay; all on a real aiortc connection and the app's
own registry, with the fake speech runtime (no model loads)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
from aiortc import RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamTrack
from fastapi import FastAPI
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from realtime.webrtc import peer as peer_module
from server.app import create_app
from server.events import QuestionAsked
from server.security import Signer
from server.services.demo import create_demo
from server.services.live import channel
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import Said, fake_runtime, scripted_audio
from tests.server.test_review import Review

TOKEN = "metrics-token-for-tests-0123456789abcdef"
ANSWER = [Said(0.5, 3.0, "Because I like your company.")]  # prompted, then ended, then followed up


class SilentMicrophone(MediaStreamTrack):
    """An audio track that sends nothing: the test feeds the call's pipeline the script itself (a
    scripted signal would not survive Opus)."""

    kind = "audio"

    async def recv(self) -> Any:
        await asyncio.Event().wait()


def samples(body: str) -> dict[str, float]:
    """Every sample of a Prometheus text exposition, by name and labels."""
    out: dict[str, float] = {}
    for family in text_string_to_metric_families(body):
        for s in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(s.labels.items()))
            out[f"{s.name}{{{labels}}}" if labels else s.name] = s.value
    return out


@pytest.fixture
async def app(tmp_path: Path) -> AsyncIterator[FastAPI]:
    settings = Settings(
        environment="test",
        secret_key=TEST_SECRET,
        data_dir=tmp_path / "data",
        outbox_in_server=False,
        metrics_token=TOKEN,
    )
    app = create_app(settings, runtime=fake_runtime(ANSWER))
    async with app.router.lifespan_context(app):
        yield app
    assert len(app.state.peers) == 0, "peers left open after shutdown"


async def invite(app: FastAPI, client: httpx.AsyncClient) -> tuple[str, str]:
    settings: Settings = app.state.settings
    async with app.state.sessions.begin() as s:
        demo = await create_demo(s, Signer(settings.secret_key, 3600, 3600), "http://test", "en")
    token = demo.invite_url.rsplit("/", 1)[1]
    body = {"version": settings.consent_version, "recording": True, "ai_evaluation": True}
    assert (await client.post(f"/api/invite/{token}/consent", json=body)).status_code == 201
    return demo.interview_id, token


async def scrape(client: httpx.AsyncClient) -> dict[str, float]:
    r = await client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/plain")
    return samples(r.text)


def client_for(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def scripted_call(app: FastAPI, client: httpx.AsyncClient) -> tuple[str, dict[str, float]]:
    """A candidate joins over a real aiortc connection and answers `ANSWER`; the metrics once decided."""
    iid, token = await invite(app, client)
    pc = RTCPeerConnection()
    try:
        pc.addTrack(SilentMicrophone())
        pc.createDataChannel("control")
        await pc.setLocalDescription(await pc.createOffer())
        offer = {"sdp": pc.localDescription.sdp, "type": "offer"}
        r = await client.post(f"/api/invite/{token}/offer", json=offer)
        assert r.status_code == 200, r.text
        await pc.setRemoteDescription(RTCSessionDescription(**r.json()))
        peer = app.state.peers.get(iid)
        await asyncio.wait_for(peer.connected.wait(), 10)
        assert (await scrape(client))["interview_live_calls"] == 1
        audio = scripted_audio(ANSWER, 12.0)
        for i in range(0, audio.size, 16000):  # a second of the call every 50 ms
            await peer.pipeline.push(audio[i : i + 16000])
            await asyncio.sleep(0.05)
        for _ in range(300):  # generous: the suite shares two cores with other work
            after = await scrape(client)
            if after["interview_end_of_answer_delay_seconds_count"] >= 1:
                break
            await asyncio.sleep(0.1)
    finally:
        await pc.close()
    return iid, after


async def test_a_scripted_call_moves_the_metrics(app: FastAPI) -> None:
    async with client_for(app) as client:
        before = await scrape(client)
        assert before["interview_live_calls"] == 0
        assert before["interview_ready"] == 1
        assert before["interview_webrtc_failures_total{cause=ice_failed}"] == 0
        _, after = await scripted_call(app, client)
        assert after["interview_end_of_answer_delay_seconds_count"] == 1
        # One short sentence ending at 3 s: "take your time" at 8 s, the end decided 8 s after its last word.
        assert 7.5 <= after["interview_end_of_answer_delay_seconds_sum"] <= 9.0
        assert after["interview_decision_seconds_count"] >= 1
        assert after["interview_score_seconds_count"] >= 1
        assert after["interview_recognition_queue_depth{language=en}"] >= 0
        assert after["interview_outbox_pending"] == 0


async def test_not_ready_refuses_new_calls_with_a_503_and_says_why(app: FastAPI) -> None:
    async with client_for(app) as client:
        assert (await client.get("/readyz")).json()["ready"] is True
        _, token = await invite(app, client)
        app.state.readiness.begin_shutdown()
        r = await client.get("/readyz")
        assert r.status_code == 503 and r.json()["reasons"] == ["shutting down"]
        pc = RTCPeerConnection()
        pc.addTrack(SilentMicrophone())
        await pc.setLocalDescription(await pc.createOffer())
        offer = {"sdp": pc.localDescription.sdp, "type": "offer"}
        await pc.close()
        r = await client.post(f"/api/invite/{token}/offer", json=offer)
        assert r.status_code == 503 and "try again in a few minutes" in r.json()["detail"]
        assert len(app.state.peers) == 0
        after = await scrape(client)
        assert after["interview_ready"] == 0
        assert after["interview_webrtc_failures_total{cause=not_ready}"] == 1


async def test_recognition_lag_over_the_limit_is_not_ready() -> None:
    from server.observability.readiness import Readiness

    readiness = Readiness(max_lag_s=2.0, max_queue=4)
    assert readiness.check([0.4, 0.6], 0).ready
    late = readiness.check([0.4] * 18 + [2.5, 3.0], 0)  # p95 of 20 calls: the 19th value
    assert not late.ready and late.reasons == ("recognition lag p95 2.5 s is over 2.0 s",)
    assert readiness.check([0.4] * 19 + [9.0], 0).ready, "one slow call of twenty is not the p95"
    assert readiness.check([], 5).reasons == ("recognition queue 5 is over 4",)


async def test_metrics_need_the_token_or_an_admin(app: FastAPI) -> None:
    async with client_for(app) as client:
        assert (await client.get("/metrics")).status_code == 401
        wrong = await client.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and "metrics token" in wrong.json()["detail"]
        assert "interview_live_calls" in (await scrape(client))


async def test_an_invalid_offer_is_counted_as_a_webrtc_failure(app: FastAPI) -> None:
    async with client_for(app) as client:
        _, token = await invite(app, client)
        r = await client.post(f"/api/invite/{token}/offer", json={"sdp": "hello", "type": "offer"})
        assert r.status_code == 400
        assert (await scrape(client))["interview_webrtc_failures_total{cause=invalid_offer}"] == 1


def test_two_apps_in_one_process_have_their_own_registries(tmp_path: Path) -> None:
    one = create_app(Settings(environment="test", secret_key=TEST_SECRET, data_dir=tmp_path / "a"))
    two = create_app(Settings(environment="test", secret_key=TEST_SECRET, data_dir=tmp_path / "b"))
    one.state.metrics.webrtc_failure("ice_failed")
    assert b'cause="ice_failed"} 1.0' in one.state.metrics.render()
    assert b'cause="ice_failed"} 0.0' in two.state.metrics.render()
    assert np.isclose(two.state.readiness.max_lag_s, 5.0)


def test_console_fan_out_delay_is_measured_and_admins_see_metrics(tmp_path: Path) -> None:
    settings = Settings(
        environment="test", secret_key=TEST_SECRET, data_dir=tmp_path / "data", outbox_in_server=False
    )
    app = create_app(settings, runtime=fake_runtime())
    with TestClient(app) as client:
        review = Review(client, settings)
        iid = review.finished()["interview_id"]
        review.staff("hr-metrics@example.test", "hr", "Engineering")
        assert client.get("/metrics").status_code == 403  # HR sees interviews, not operations
        with client.websocket_connect(f"/api/interviews/{iid}/live") as ws:
            assert ws.receive_json()["type"] == "snapshot"
            event = QuestionAsked(interview_id=iid, index=1, total=3, text="Next question")
            client.portal.call(app.state.bus.publish, channel(iid), event.model_dump(mode="json"))
            assert ws.receive_json()["type"] == "question.asked"
        review.staff("admin-metrics@example.test", "admin")
        r = client.get("/metrics")
        assert r.status_code == 200
        got = samples(r.text)
        assert got["interview_console_fanout_delay_seconds_count"] == 1
        assert 0 <= got["interview_console_fanout_delay_seconds_sum"] < 1.0


async def test_a_call_that_never_connects_is_counted_by_its_cause(tmp_path: Path) -> None:
    settings = Settings(
        environment="test",
        secret_key=TEST_SECRET,
        data_dir=tmp_path / "data",
        outbox_in_server=False,
        metrics_token=TOKEN,
        peer_disconnect_timeout_s=0.3,  # never connected after 3x this: closed
    )
    app = create_app(settings, runtime=fake_runtime())
    async with app.router.lifespan_context(app), client_for(app) as client:
        _, token = await invite(app, client)
        pc = RTCPeerConnection()
        pc.addTrack(SilentMicrophone())
        await pc.setLocalDescription(await pc.createOffer())
        offer = {"sdp": pc.localDescription.sdp, "type": "offer"}
        await pc.close()  # the browser went away before its answer arrived: nothing ever connects
        assert (await client.post(f"/api/invite/{token}/offer", json=offer)).status_code == 200
        for _ in range(100):  # counted once the peer has closed (after its recording is finalised)
            got = await scrape(client)
            if got["interview_webrtc_failures_total{cause=never_connected}"] >= 1:
                break
            await asyncio.sleep(0.1)
        assert got["interview_live_calls"] == 0
        assert got["interview_webrtc_failures_total{cause=never_connected}"] == 1
        assert got["interview_webrtc_failures_total{cause=ice_failed}"] == 0


def test_metrics_still_answer_while_the_database_is_down(tmp_path: Path) -> None:
    settings = Settings(
        environment="test",
        secret_key=TEST_SECRET,
        data_dir=tmp_path,
        database_url="postgresql+asyncpg://postgres@127.0.0.1:1/nothing",  # nothing listens on port 1
        auto_migrate=False,
        outbox_in_server=False,
        purge_in_server=False,
        metrics_token=TOKEN,
    )
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        r = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
        assert client.get("/healthz").status_code == 503
    assert r.status_code == 200
    got = samples(r.text)
    assert got["interview_live_calls"] == 0
    assert "interview_outbox_pending" not in got, "no made-up backlog figure without the database"


async def test_the_page_is_told_when_no_sound_reaches_the_server(
    app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(peer_module, "AUDIO_CHECK_S", 0.5)
    async with client_for(app) as client:
        _, token = await invite(app, client)
        pc = RTCPeerConnection()
        told: list[dict[str, Any]] = []
        try:
            pc.addTrack(SilentMicrophone())  # a muted or dead microphone: nothing arrives
            channel = pc.createDataChannel("control")
            channel.on("message", lambda m: told.append(json.loads(m)))
            await pc.setLocalDescription(await pc.createOffer())
            offer = {"sdp": pc.localDescription.sdp, "type": "offer"}
            r = await client.post(f"/api/invite/{token}/offer", json=offer)
            await pc.setRemoteDescription(RTCSessionDescription(**r.json()))
            for _ in range(300):
                if {"type": "audio", "heard": False} in told:
                    break
                await asyncio.sleep(0.05)
        finally:
            await pc.close()
    assert {"type": "audio", "heard": False} in told
    assert any(m["type"] == "question" for m in told), "the interview itself went on"


def test_without_a_metrics_token_an_empty_bearer_is_not_let_in(tmp_path: Path) -> None:
    settings = Settings(
        environment="test",
        secret_key=TEST_SECRET,
        data_dir=tmp_path / "data",
        outbox_in_server=False,
        metrics_token="",
    )
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        for header in ("Bearer ", "Bearer", "bearer  "):
            assert client.get("/metrics", headers={"Authorization": header}).status_code == 401
