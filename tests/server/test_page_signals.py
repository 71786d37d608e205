"""The candidate page's visibility signals: a flood of them stores one flag, not hundreds."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from agent.interviewer import InterviewAgent
from agent.plan import InterviewPlan, PlannedQuestion
from scoring.rubric import DEFAULT_RUBRIC
from scoring.scorer import DefaultScorer
from server.bus import InProcessBus
from server.db.engine import make_sessionmaker
from server.db.repositories import integrity as integrity_repo
from server.security import Signer
from server.services.demo import create_demo
from server.services.live import LiveInterview, LiveStore
from server.services.live.visibility import TabVisibility
from tests.server.test_persistence import FakeCall


def test_repeats_are_nothing_and_a_quick_return_resumes_the_flag() -> None:
    tab = TabVisibility(merge_within_s=1.0)
    assert tab.signal(False, 0.0) is None
    assert tab.signal(True, 1.0) == "raise"
    assert tab.signal(True, 1.1) is None
    assert tab.signal(False, 2.0) == "end"
    assert tab.signal(False, 2.1) is None
    assert tab.signal(True, 2.5) == "resume"
    assert tab.signal(False, 3.0) == "end"
    assert tab.signal(True, 4.5) == "raise"


async def test_a_flood_of_visibility_messages_stores_one_flag(engine: AsyncEngine) -> None:
    sessions = make_sessionmaker(engine)
    async with sessions.begin() as s:
        demo = await create_demo(s, Signer("k" * 40, 3600, 3600), "http://example.test")
    bus = InProcessBus()
    agent = InterviewAgent(
        InterviewPlan([PlannedQuestion("q1", "Why?")]), "en", DefaultScorer(), DEFAULT_RUBRIC
    )
    live = LiveInterview(agent, LiveStore(demo.interview_id, sessions, bus), bus)
    call = FakeCall()
    await live.attach(call)
    for i in range(402):  # ends shown
        await live.on_page_message({"type": "visibility", "hidden": i % 3 != 2})
    call.heard_time = 9.0  # later, a real switch away from the tab
    await live.on_page_message({"type": "visibility", "hidden": True})
    await live.on_page_message({"type": "visibility", "hidden": False})
    await live.stop()
    async with sessions() as s:
        flags = [f for f in await integrity_repo.flags(s, demo.interview_id) if f.kind == "tab_hidden"]
    assert [(f.t_start, f.t_end) for f in flags] == [(2.5, 2.5), (9.0, 9.0)]


async def test_a_signal_while_audio_is_held_up_is_timed_by_the_wall_clock_since_the_last_frame(
    engine: AsyncEngine,
) -> None:
    """Frames held up (a busy loop): the heard clock stands still, the page's signals still count time."""
    sessions = make_sessionmaker(engine)
    async with sessions.begin() as s:
        demo = await create_demo(s, Signer("k" * 40, 3600, 3600), "http://example.test")
    bus = InProcessBus()
    agent = InterviewAgent(
        InterviewPlan([PlannedQuestion("q1", "Why?")]), "en", DefaultScorer(), DEFAULT_RUBRIC
    )
    live = LiveInterview(agent, LiveStore(demo.interview_id, sessions, bus), bus)
    call = FakeCall()
    await live.attach(call)
    call.heard_time, call.idle_s = 15.1, 0.02
    await live.on_page_message({"type": "visibility", "hidden": True})
    call.idle_s = 1.02  # a second later no new audio has been heard yet
    await live.on_page_message({"type": "visibility", "hidden": False})
    call.heard_time, call.idle_s = 30.0, 60.0  # audio gone for a minute: not extrapolated that far
    await live.on_page_message({"type": "visibility", "hidden": True})
    await live.stop()
    async with sessions() as s:
        flags = [f for f in await integrity_repo.flags(s, demo.interview_id) if f.kind == "tab_hidden"]
    assert [(round(f.t_start, 2), f.t_end and round(f.t_end, 2)) for f in flags] == [
        (15.12, 16.12),
        (33.0, None),
    ]
