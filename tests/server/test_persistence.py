"""Persistence against both the SQLite default and PostgreSQL: schema, aggregates, live transcript storage."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import AsyncEngine

from agent.interviewer import InterviewAgent
from agent.plan import InterviewPlan, PlannedQuestion
from realtime.events import FinalTranscript, SpeechEnded, SpeechStarted
from scoring.rubric import DEFAULT_RUBRIC
from scoring.scorer import DefaultScorer
from server.bus import InProcessBus
from server.db.engine import make_sessionmaker
from server.db.migrate import upgrade
from server.db.repositories import audit as audit_repo
from server.db.repositories import interviews as repo
from server.db.repositories import jobs as job_repo
from server.security import Signer
from server.services.demo import create_demo
from server.services.live import LiveInterview, LiveStore, channel

TABLES = {
    "job",
    "competency",
    "question",
    "candidate",
    "interview",
    "consent",
    "utterance",
    "recording",
    "audit_event",
    "user_account",
}


async def test_migrations_create_every_table_and_are_idempotent(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        names = set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
    assert names >= TABLES
    await upgrade(engine)  # a second run changes nothing and does not fail


async def test_demo_job_questions_and_interview_round_trip(engine: AsyncEngine) -> None:
    sessions = make_sessionmaker(engine)
    signer = Signer("k" * 40, 3600, 3600)
    async with sessions.begin() as s:
        demo = await create_demo(s, signer, "http://example.test", "zh")
    async with sessions() as s:
        interview = await repo.get(s, demo.interview_id)
        assert interview is not None and interview.status == "scheduled"
        job = await job_repo.get_full(s, interview.job_id)
        assert job is not None and job.language == "zh"
        assert [q.position for q in job.questions] == [0, 1, 2]
        assert job.questions[0].text.startswith("请讲")
        assert {c.name for c in job.competencies} == {"leadership", "teamwork", "motivation"}
        trail = await audit_repo.audit_trail(s, interview.id)
        assert [a.action for a in trail] == ["demo.created"]


class FakeCall:
    """Stands in for the WebRTC peer (the `Call` protocol): records what the agent sends."""

    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []
        self.connected = asyncio.Event()  # never set: the test drives the agent itself
        self.voice = None  # text only
        self.heard_time = 2.5
        self.idle_s = 0.0  # seconds since the newest audio frame arrived
        self.sound = False

    async def send(self, message: dict[str, Any]) -> bool:
        self.sent.append(message)
        return True

    def close_soon(self, delay_s: float) -> None:
        return None


async def test_each_transcript_is_committed_and_published_as_it_arrives(engine: AsyncEngine) -> None:
    sessions = make_sessionmaker(engine)
    async with sessions.begin() as s:
        demo = await create_demo(s, Signer("k" * 40, 3600, 3600), "http://example.test")
    bus = InProcessBus()
    plan = InterviewPlan(
        [PlannedQuestion("q1", "Why do you want this job?"), PlannedQuestion("q2", "Second?")]
    )
    agent = InterviewAgent(plan, "en", DefaultScorer(), DEFAULT_RUBRIC)
    live = LiveInterview(agent, LiveStore(demo.interview_id, sessions, bus), bus)
    peer = FakeCall()
    await live.attach(peer)
    assert live.conductor is not None
    async with bus.subscribe(channel(demo.interview_id)) as events:
        await live.conductor.act(lambda: agent.start(0.0))
        asked = await anext(events)
        await anext(events)  # question.asked
        await live.on_media_event(SpeechStarted(t=0.5))
        await live.on_media_event(SpeechEnded(start=0.5, end=2.0, t=2.3))
        await live.on_media_event(FinalTranscript("Because I like your company.", 0.5, 2.0, "en"))
        # Stored and visible to a fresh session before anything else happens: a crash now loses nothing.
        async with sessions() as s:
            rows = await repo.utterances(s, demo.interview_id)
        assert [(u.speaker, u.text, u.question_index) for u in rows] == [
            ("agent", "Why do you want this job?", 0),
            ("candidate", "Because I like your company.", 0),
        ]
        types = [(await anext(events))["type"] for _ in range(3)]
        provisional = await anext(events)
        await live.conductor.act(lambda: agent.tick(10.0))  # long silence: the answer is over
        after = [await anext(events) for _ in range(4)]
    await live.stop()
    assert asked["type"] == "utterance.final" and asked["speaker"] == "agent"
    assert types == ["speech.started", "speech.ended", "utterance.final"]
    assert provisional["type"] == "answer.scored" and provisional["provisional"] is True
    decision, final, decision2, stored_follow_up = after
    assert decision["type"] == "agent.decision" and decision["kind"] == "end_of_answer"
    assert final["type"] == "answer.scored" and final["provisional"] is False
    assert decision2["kind"] == "follow_up" and decision2["reason"] == "too_short"
    assert stored_follow_up["speaker"] == "agent"
    async with sessions() as s:
        stored = await repo.scores(s, demo.interview_id)
    assert [(r.question_index, r.score) for r in stored] == [(0, final["score"])]
    assert all(e["t_start"] is not None for e in final["evidence"])  # audio times from the segments
    assert peer.sent[0]["type"] == "question" and peer.sent[1]["type"] == "caption"
    assert peer.sent[-1] == {
        "type": "follow_up",
        "reason": "too_short",
        "text": agent_text("too_short"),
        "spoken": False,  # no voice on this peer: the page reads it (or shows it)
    }


def agent_text(reason: str) -> str:
    from agent.texts import FOLLOW_UPS

    return FOLLOW_UPS["en"][reason]
