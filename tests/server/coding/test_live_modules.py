"""The modules through a live interview (real store on SQLite and PostgreSQL, the in-process bus): the page
gets the coding task with its question, "Done" arrives over the control channel and the agent asks for the
explanation, and a read-aloud's result is stored apart from the scores (and not without AI consent)."""

from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncEngine

from agent.interviewer import InterviewAgent
from agent.modules import CodeTest, CodingTask, say
from agent.plan import InterviewPlan, PlannedQuestion
from realtime.events import FinalTranscript, SpeechEnded, SpeechStarted
from scoring.rubric import DEFAULT_RUBRIC
from scoring.scorer import DefaultScorer
from server.bus import InProcessBus
from server.db.engine import make_sessionmaker
from server.db.repositories import interviews as interview_repo
from server.db.repositories import modules as repo
from server.security import Signer
from server.services.demo import create_demo
from server.services.live import LiveInterview, LiveStore, control_channel
from server.services.live.interview import CODE_SUBMITTED
from tests.server.test_persistence import FakeCall

TASK = CodingTask((CodeTest("adds", "assert add(1, 2) == 3"),))
PASSAGE = "Our team meets every Monday morning to plan the week."


async def test_done_over_the_control_channel_asks_for_the_explanation(engine: AsyncEngine) -> None:
    sessions = make_sessionmaker(engine)
    async with sessions.begin() as s:
        demo = await create_demo(s, Signer("k" * 40, 3600, 3600), "http://example.test")
    bus = InProcessBus()
    plan = InterviewPlan(
        [PlannedQuestion("qc", "Write add(a, b).", "problem_solving", "coding", coding=TASK)]
    )
    agent = InterviewAgent(plan, "en", DefaultScorer(), DEFAULT_RUBRIC)
    live = LiveInterview(agent, LiveStore(demo.interview_id, sessions, bus), bus)
    call = FakeCall()
    await live.attach(call)
    assert live.conductor is not None
    await live.conductor.act(lambda: agent.start(0.0))
    question = call.sent[0]
    assert question["type"] == "question" and question["module"]["question_id"] == "qc"
    assert question["module"]["coding"]["tests"][0]["name"] == "adds"
    await live.conductor.act(lambda: agent.tick(30.0, 30.0))  # silence at the editor ends nothing
    assert len(call.sent) == 1
    await bus.publish(control_channel(demo.interview_id), {"action": CODE_SUBMITTED})
    for _ in range(50):
        if len(call.sent) > 1:
            break
        await asyncio.sleep(0.02)
    assert call.sent[1]["type"] == "follow_up" and call.sent[1]["reason"] == "explain_code"
    assert call.sent[1]["text"] == say("en", "explain_code")
    await live.stop()
    async with sessions() as s:
        said = await interview_repo.utterances(s, demo.interview_id)
    assert [u.text for u in said if u.speaker == "agent"][-1] == say("en", "explain_code")


async def test_a_read_aloud_is_stored_as_a_module_result_only_with_ai_consent(engine: AsyncEngine) -> None:
    sessions = make_sessionmaker(engine)
    for consented in (True, False):
        async with sessions.begin() as s:
            demo = await create_demo(s, Signer("k" * 40, 3600, 3600), "http://example.test")
        bus = InProcessBus()
        item = PlannedQuestion("e1", say("en", "read_aloud"), None, "read_aloud", passage=PASSAGE)
        agent = InterviewAgent(InterviewPlan([item]), "en", DefaultScorer(), DEFAULT_RUBRIC)
        live = LiveInterview(agent, LiveStore(demo.interview_id, sessions, bus, ai_scoring=consented), bus)
        await live.attach(FakeCall())
        assert live.conductor is not None
        await live.conductor.act(lambda agent=agent: agent.start(0.0))  # type: ignore[misc]
        await live.on_media_event(SpeechStarted(t=0.5))
        await live.on_media_event(SpeechEnded(start=0.5, end=4.0, t=4.3))
        await live.on_media_event(
            FinalTranscript("Our team meets every Monday to plan the week.", 0.5, 4.0, "en")
        )
        await live.conductor.act(lambda agent=agent: agent.end(6.0))  # type: ignore[misc]
        await live.stop()
        async with sessions() as s:
            results = await repo.module_results(s, demo.interview_id)
            scores = await interview_repo.scores(s, demo.interview_id)
        assert scores == []  # never a competency score
        if consented:
            assert [(r.module, r.figures["intelligibility"]) for r in results] == [("read_aloud", 0.9)]
        else:
            assert results == []


async def test_the_english_check_of_a_chinese_interview_is_heard_in_english(engine: AsyncEngine) -> None:
    sessions = make_sessionmaker(engine)
    async with sessions.begin() as s:
        demo = await create_demo(s, Signer("k" * 40, 3600, 3600), "http://example.test", "zh")
    bus = InProcessBus()
    items = [
        PlannedQuestion("q1", "请介绍一下您自己。", "communication", "self_intro", limit_s=60),
        PlannedQuestion("e1", say("zh", "read_aloud"), None, "read_aloud", passage=PASSAGE),
    ]
    agent = InterviewAgent(InterviewPlan(items), "zh", DefaultScorer(), DEFAULT_RUBRIC)
    live = LiveInterview(agent, LiveStore(demo.interview_id, sessions, bus), bus)
    heard_in: list[str] = []
    live.on_language = heard_in.append
    await live.attach(FakeCall())
    assert live.conductor is not None
    await live.conductor.act(lambda: agent.start(0.0))
    await live.conductor.act(lambda: agent.skip(5.0))
    await live.stop()
    assert heard_in == ["zh", "en"]
