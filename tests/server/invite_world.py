"""A seeded database, an HR user, a fake channel and a worker on a virtual clock, for invitation tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from ehr_sync.messaging.model import Channel, Outgoing, SendResult
from server.db.engine import make_sessionmaker
from server.db.models import Candidate, Interview, Job, User
from server.security import Signer
from server.services.accounts import create_user
from server.services.invites import new_invite_nonce
from server.services.message_worker import MessageWorker
from server.settings import Settings
from tests.conftest import TEST_SECRET

T0 = datetime(2030, 12, 1, 9, 0, tzinfo=UTC)  # after the real now: what services stamp "now" is due


class Clock:
    """Virtual time: tests move it; the worker reads it."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class FakeChannel:
    """Records what it was asked to send; addresses in `bounce` are refused for good."""

    sent: list[Outgoing] = field(default_factory=list)
    bounce: set[str] = field(default_factory=set)
    fail_next: int = 0

    async def send(self, message: Outgoing) -> SendResult:
        if self.fail_next:
            self.fail_next -= 1
            return SendResult("retry", "SMTP 451 try later")
        if message.to in self.bounce:
            return SendResult("bounced", "recipient refused: SMTP 550 no such user")
        self.sent.append(message)
        return SendResult("sent")


@dataclass
class World:
    sessions: async_sessionmaker[AsyncSession]
    settings: Settings
    signer: Signer
    clock: Clock
    channel: FakeChannel
    worker: MessageWorker
    hr: User

    async def interview(self, email: str = "li.wei@example.test", language: str = "zh") -> str:
        async with self.sessions.begin() as s:
            job = Job(title="后端工程师" if language == "zh" else "Backend engineer", language=language)
            person = Candidate(name="李伟", email=email)
            s.add_all([job, person])
            await s.flush()
            interview = Interview(job_id=job.id, candidate_id=person.id, invite_nonce=new_invite_nonce())
            s.add(interview)
            await s.flush()
            return interview.id

    async def tick(self, **delta: float) -> list[Outgoing]:
        """Move the clock and let the worker send what is due; what went out."""
        before = len(self.channel.sent)
        self.clock.advance(**delta)
        while await self.worker.run_once():
            pass
        return self.channel.sent[before:]

    async def call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        async with self.sessions.begin() as s:
            return await fn(s, *args, **kwargs)


async def make_world(engine: AsyncEngine, channels: dict[str, Channel] | None = None) -> World:
    settings = Settings(
        environment="test", secret_key=TEST_SECRET, public_url="https://jobs.example.test", cookie_secure=True
    )
    sessions = make_sessionmaker(engine)
    signer = Signer(settings.secret_key, 3600 * 24 * 7, 3600)
    clock = Clock()
    channel = FakeChannel()
    worker = MessageWorker(
        sessions,
        channels or {"email": channel},
        signer,
        settings.public_url,
        clock=clock,
        timezone="Asia/Shanghai",
    )
    async with sessions.begin() as s:
        hr = await create_user(s, "hr@example.test", "HR", "hr", "a-long-password-1")
    return World(sessions, settings, signer, clock, channel, worker, hr)
