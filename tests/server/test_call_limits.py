"""Concurrent offers: the live-interview limit and one call per interview hold when offers race (the
checks once passed before an await and the call was registered after it)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
from aiortc import RTCPeerConnection
from aiortc.mediastreams import AudioStreamTrack, VideoStreamTrack
from sqlalchemy import func, select

from server.app import create_app
from server.db.models import Recording
from server.security import Signer
from server.services.demo import create_demo
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime


async def offer_sdp() -> str:
    pc = RTCPeerConnection()
    pc.addTrack(AudioStreamTrack())
    pc.addTrack(VideoStreamTrack())
    pc.createDataChannel("control")
    await pc.setLocalDescription(await pc.createOffer())
    sdp = str(pc.localDescription.sdp)
    await pc.close()
    return sdp


async def seed(app: Any, settings: Settings) -> str:
    signer = Signer(settings.secret_key, 3600, 3600)
    async with app.state.sessions.begin() as s:
        demo = await create_demo(s, signer, "http://test", "en")
    return demo.invite_url.rsplit("/", 1)[1]


async def consent(client: httpx.AsyncClient, settings: Settings, token: str) -> None:
    body = {"version": settings.consent_version, "recording": True, "ai_evaluation": True}
    r = await client.post(f"/api/invite/{token}/consent", json=body)
    assert r.status_code == 201, r.text


async def race(tmp_path: Path, tokens_of: Any, limit: int) -> tuple[list[int], int, int]:
    settings = Settings(
        environment="test",
        secret_key=TEST_SECRET,
        data_dir=tmp_path / "data",
        max_live_interviews=limit,
        outbox_in_server=False,
    )
    app = create_app(settings, runtime=fake_runtime())
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            tokens = await tokens_of(app, settings)
            for token in set(tokens):
                await consent(client, settings, token)
            sdps = [await offer_sdp() for _ in tokens]
            answers = await asyncio.gather(
                *(
                    client.post(f"/api/invite/{t}/offer", json={"sdp": sdp, "type": "offer"})
                    for t, sdp in zip(tokens, sdps, strict=True)
                )
            )
            live = len(app.state.peers)
            async with app.state.sessions() as s:
                recordings = (await s.execute(select(func.count()).select_from(Recording))).scalar_one()
    assert len(app.state.peers) == 0, "peers left open after shutdown"
    return sorted(r.status_code for r in answers), live, recordings


async def test_concurrent_offers_do_not_pass_the_live_interview_limit(tmp_path: Path) -> None:
    async def six(app: Any, settings: Settings) -> list[str]:
        return [await seed(app, settings) for _ in range(6)]

    statuses, live, recordings = await race(tmp_path, six, limit=2)
    assert statuses == [200, 200, 503, 503, 503, 503]
    assert live == 2 and recordings == 2


async def test_concurrent_offers_on_one_invite_open_one_call(tmp_path: Path) -> None:
    async def one(app: Any, settings: Settings) -> list[str]:
        return [await seed(app, settings)] * 5

    statuses, live, recordings = await race(tmp_path, one, limit=8)
    assert statuses == [200, 409, 409, 409, 409]
    assert live == 1 and recordings == 1
