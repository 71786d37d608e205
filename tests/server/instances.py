"""Server instances for the several-instances tests: apps served by uvicorn in this process, sharing a
fresh PostgreSQL database and Redis, and a candidate that is a real aiortc client."""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from aiortc import RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import VideoStreamTrack
from fastapi import FastAPI
from sqlalchemy import select, text

from server.app import create_app
from server.db.engine import make_engine
from server.db.models import IntegrityFlag, Interview, Recording, Utterance
from server.security import Signer
from server.services.accounts import create_user
from server.services.demo import create_demo
from server.settings import Settings
from tests.conftest import POSTGRES_URL, REDIS_URL, TEST_SECRET
from tests.fakes.tones import ToneTrack, tone_runtime

PASSWORD = "console-password-for-tests"


@contextlib.asynccontextmanager
async def fresh_database() -> AsyncIterator[str]:
    """A new PostgreSQL database on the test server, dropped afterwards; its URL."""
    name = f"multi_{uuid.uuid4().hex[:12]}"
    admin = make_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield POSTGRES_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        async with admin.connect() as conn:
            await conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
        await admin.dispose()


def instance_settings(name: str, port: int, database_url: str, data_dir: Path, **extra: Any) -> Settings:
    """One instance of a shared deployment: same database, Redis, keys and recordings volume."""
    return Settings(
        environment="test",
        secret_key=TEST_SECRET,
        data_dir=data_dir,
        database_url=database_url,
        redis_url=REDIS_URL,
        public_url=f"http://127.0.0.1:{port}",
        port=port,
        instance_id=name,
        outbox_in_server=False,
        purge_in_server=False,
        tts_enabled=False,
        **extra,
    )


@dataclass
class Instance:
    """A running app and its address."""

    app: FastAPI
    url: str

    async def seed(self) -> tuple[str, str]:
        """A demo interview: its id and invite token."""
        async with self.app.state.sessions.begin() as s:
            demo = await create_demo(s, Signer(TEST_SECRET, 3600, 3600), self.url, "en")
        return demo.interview_id, demo.invite_url.rsplit("/", 1)[1]

    async def staff(self, email: str, role: str = "interviewer") -> httpx.AsyncClient:
        """A logged-in staff client of this instance."""
        async with self.app.state.sessions.begin() as s:
            await create_user(s, email, email, role, PASSWORD)
        client = httpx.AsyncClient(base_url=self.url, timeout=30)
        r = await client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
        assert r.status_code == 200, r.text
        return client

    async def state(self, interview_id: str) -> dict[str, Any]:
        """What the database holds of the interview: status, question, transcript, recordings, flags."""
        async with self.app.state.sessions() as s:
            interview = await s.get(Interview, interview_id)
            assert interview is not None
            said = await s.execute(
                select(Utterance)
                .where(Utterance.interview_id == interview_id)
                .order_by(Utterance.created_at, Utterance.start_s)
            )
            recordings = await s.execute(
                select(Recording).where(Recording.interview_id == interview_id).order_by(Recording.created_at)
            )
            flags = await s.execute(select(IntegrityFlag).where(IntegrityFlag.interview_id == interview_id))
            return {
                "status": interview.status,
                "question_index": interview.question_index,
                "utterances": [(u.speaker, u.text, u.question_index) for u in said.scalars()],
                "recordings": list(recordings.scalars()),
                "flags": list(flags.scalars()),
            }


@contextlib.asynccontextmanager
async def serve(settings: Settings) -> AsyncIterator[Instance]:
    """Run an app (tone-scripted models) on its port until the context ends."""
    runtime = tone_runtime()
    app = create_app(settings, runtime=runtime)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=settings.port, log_level="warning"))
    serving = asyncio.create_task(server.serve())
    try:
        for _ in range(400):
            if server.started:
                break
            if serving.done():
                serving.result()
            await asyncio.sleep(0.05)
        yield Instance(app, settings.public_url)
    finally:
        server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError):
            await serving
        runtime.close()


@dataclass
class Candidate:
    """A candidate's browser, as an aiortc client: a tone microphone, a camera, the data channel."""

    base_url: str
    token: str
    pc: RTCPeerConnection = field(default_factory=RTCPeerConnection)
    mic: ToneTrack = field(default_factory=ToneTrack)
    messages: list[dict[str, Any]] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    async def consent(self) -> None:
        """Consent to recording and AI evaluation."""
        async with httpx.AsyncClient(base_url=self.base_url) as http:
            body = {"version": Settings().consent_version, "recording": True, "ai_evaluation": True}
            r = await http.post(f"/api/invite/{self.token}/consent", json=body)
            assert r.status_code == 201, r.text

    async def join(self, base_url: str | None = None) -> httpx.Response:
        """Send the offer (to `base_url`, another instance, when given); the answer is applied on 200."""
        self.pc.addTrack(self.mic)
        self.pc.addTrack(VideoStreamTrack())
        channel = self.pc.createDataChannel("control")

        @channel.on("message")  # type: ignore[untyped-decorator]
        def on_message(message: str) -> None:
            self.messages.append(json.loads(message))
            self.changed.set()

        await self.pc.setLocalDescription(await self.pc.createOffer())
        offer = {"sdp": self.pc.localDescription.sdp, "type": "offer"}
        async with httpx.AsyncClient(base_url=base_url or self.base_url, timeout=30) as http:
            r = await http.post(f"/api/invite/{self.token}/offer", json=offer)
        if r.status_code == 200:
            await self.pc.setRemoteDescription(RTCSessionDescription(**r.json()))
        return r

    async def question(self, index: int, timeout_s: float = 20.0) -> dict[str, Any]:
        """Wait for the page to be asked question `index`."""
        async with asyncio.timeout(timeout_s):
            while True:
                for m in self.messages:
                    if m.get("type") == "question" and m.get("index") == index:
                        return m
                self.changed.clear()
                await self.changed.wait()

    async def close(self) -> None:
        """Hang up."""
        await self.pc.close()


class Process:
    """`python -m tests.fakes.serve` with a fixed instance id, which can be killed and started again."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log = env, log
        self.url = env["INTERVIEW_PUBLIC_URL"]
        self.proc: subprocess.Popen[bytes] | None = None

    def launch(self) -> None:
        """Start the process and wait until it answers /healthz."""
        with self.log.open("a") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tests.fakes.serve"], env=self.env, stdout=out, stderr=out
            )
        for _ in range(600):
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            assert self.proc.poll() is None, self.log.read_text()[-3000:]
            time.sleep(0.1)
        raise AssertionError("the server did not start")

    def halt(self, sig: signal.Signals) -> None:
        """Send `sig` and wait for the process to end."""
        assert self.proc is not None
        self.proc.send_signal(sig)
        self.proc.wait(60)

    async def start(self) -> None:
        """`launch`, from async code."""
        await asyncio.to_thread(self.launch)

    async def stop(self, sig: signal.Signals) -> None:
        """`halt`, from async code."""
        await asyncio.to_thread(self.halt, sig)

    def demo(self) -> tuple[str, str]:
        out = subprocess.run(
            [sys.executable, "-m", "server.cli", "demo", "--json"],
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )
        data = json.loads(out.stdout.strip().splitlines()[-1])
        return data["interview_id"], data["invite_url"].rsplit("/", 1)[1]
