"""One speech path: a clip streamed through a live call (aiortc client, real time, real models) and the
same clip through `interview replay` give the same agent decisions, at the same media-clock times."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
import uvicorn
from aiortc import RTCPeerConnection, RTCSessionDescription
from aiortc.contrib.media import MediaPlayer

from realtime.speech.asr import WhisperRecognizer, bundled_engines
from realtime.speech.pool import RecognitionPool
from realtime.speech.vad import SileroVAD
from scoring.scorer import DefaultScorer
from server.app import agent_settings, create_app
from server.db.repositories import interviews as interview_repo
from server.db.repositories import jobs as job_repo
from server.db.repositories.plans import interview_plan
from server.replay import Replay
from server.runtime import ModelRuntime
from server.security import Signer
from server.services.demo import create_demo
from server.services.live import channel
from server.services.reports import job_rubric
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.media import MEDIA, clip, read_wav, write_wav
from tests.net import free_port

pytestmark = pytest.mark.models
DECISIONS = ("end_of_answer", "follow_up", "prompt")
TAIL_S = 6.0  # silence after the answer: an unfinished one is prompted at 4 s and followed up at 7 s


@pytest.fixture(scope="module")
def engines(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, WhisperRecognizer]]:
    yield bundled_engines(tmp_path_factory.mktemp("models"))


async def live_call(settings: Settings, runtime: ModelRuntime, wav: Path, question: int) -> dict[str, Any]:
    """Stream the clip into a real server from an aiortc client; the decisions the consoles were told."""
    app = create_app(settings, runtime=runtime)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    serving = asyncio.create_task(server.serve())
    for _ in range(200):
        if server.started:
            break
        await asyncio.sleep(0.05)
    decisions: list[dict[str, Any]] = []
    pc = RTCPeerConnection()
    try:
        async with app.state.sessions.begin() as s:
            demo = await create_demo(s, Signer(TEST_SECRET, 3600, 3600), settings.public_url)
            interview = await interview_repo.get(s, demo.interview_id)
            assert interview is not None
            interview.question_index = question  # a resumed call: the agent asks question `question` again
            job = await job_repo.get_full(s, interview.job_id)
        token = demo.invite_url.rsplit("/", 1)[1]
        base = f"http://127.0.0.1:{port}/api/invite/{token}"
        async with httpx.AsyncClient() as http:
            consent = {"version": settings.consent_version, "recording": True, "ai_evaluation": True}
            assert (await http.post(f"{base}/consent", json=consent)).status_code == 201
            async with app.state.bus.subscribe(channel(demo.interview_id)) as events:
                player = MediaPlayer(str(wav))
                assert player.audio is not None
                pc.addTrack(player.audio)
                pc.createDataChannel("control")
                await pc.setLocalDescription(await pc.createOffer())
                offer = {"sdp": pc.localDescription.sdp, "type": "offer"}
                r = await http.post(f"{base}/offer", json=offer, timeout=30)
                assert r.status_code == 200, r.text
                await pc.setRemoteDescription(RTCSessionDescription(**r.json()))
                asked = 0
                async with asyncio.timeout(read_wav(wav)[0].size / 16000 + 20):
                    async for event in events:
                        if event["type"] == "agent.decision" and event["kind"] in DECISIONS:
                            decisions.append(event)
                        asked += event["type"] == "question.asked"
                        if asked >= 2 or (decisions and decisions[-1]["kind"] == "follow_up"):
                            break  # the answer was decided
        return {"decisions": decisions, "job": job, "question": question}
    finally:
        await pc.close()
        server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError):
            await serving


@pytest.mark.parametrize(("clip_id", "question"), [("en_leadership_star", -1), ("en_motivation_short", 2)])
async def test_a_live_call_and_its_replay_decide_the_same_at_the_same_times(
    engines: dict[str, WhisperRecognizer], tmp_path: Path, clip_id: str, question: int
) -> None:
    spoken = clip(clip_id)
    samples, _ = read_wav(MEDIA / spoken["file"])
    wav = tmp_path / "answer.wav"
    write_wav(wav, np.concatenate([samples, np.zeros(int(TAIL_S * 16000), np.int16)]), 16000)
    settings = Settings(
        environment="test", secret_key=TEST_SECRET, data_dir=tmp_path / "data", tts_enabled=False
    )
    vad = SileroVAD()
    pool = RecognitionPool(dict(engines), settings.asr_workers)
    try:
        live = await live_call(settings, ModelRuntime(vad, pool), wav, question)
    finally:
        pool.close()

    plan = interview_plan(live["job"], question)
    assert plan is not None
    replay = Replay(
        vad,
        engines,
        DefaultScorer(),
        plan,
        "en",
        job_rubric(live["job"]),
        settings=agent_settings(settings, None),
        partial_interval_s=settings.asr_partial_every_s,
        workers=settings.asr_workers,
    )
    events = await asyncio.to_thread(replay.run, read_wav(wav)[0])
    replayed = [e for e in events if e["type"] in DECISIONS]
    follow_ups = [i for i, e in enumerate(replayed) if e["type"] == "follow_up"]
    replayed = replayed[: follow_ups[0] + 1] if follow_ups else replayed  # the first answer's decisions

    got = [(d["kind"], d["reason"]) for d in live["decisions"]]
    want = [(e["type"], e["reason"]) for e in replayed]
    assert got == want and got, (got, want)
    gaps = [abs(d["t"] - e["t"]) for d, e in zip(live["decisions"], replayed, strict=True)]
    print(
        clip_id,
        "live vs replay (s):",
        [(d["t"], e["t"]) for d, e in zip(live["decisions"], replayed, strict=True)],
    )
    # Same decisions at nearly the same audio times (0.42 s apart in a fresh-clone CI run after the issue
    # 15-19 merges, 0.1 s before them: to look into). The live call's compute runs on real threads that
    # compete with the browser and each other, the replay's on a simulated clock (0.1 s apart on an idle
    # machine, up to ~0.8 s on a machine loaded 8x; bench/turns.py measures delays).
    assert max(gaps) <= 0.75, gaps
