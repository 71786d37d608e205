"""DingTalk and WeCom robots against local servers that implement their documented contracts: signed
requests, markdown within limits, a "待复核" notice per report, and the 20-a-minute limit kept on our
side (DingTalk blocks a robot for 10 minutes when it is exceeded)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from ehr_sync.connectors.messages import notice
from ehr_sync.connectors.robots import dingtalk_sign
from ehr_sync.ratelimit import SlidingWindow
from server.crypto import SecretBox
from server.db.engine import make_sessionmaker
from server.db.models import Endpoint
from server.db.repositories.outbox import enqueue
from tests.conftest import TEST_SECRET
from tests.ehr_sync.robot_servers import RobotServer
from tests.ehr_sync.test_delivery import deliver, statuses

SIGN_SECRET = "SEC" + "a1b2c3" * 10
REPORT = {
    "report_id": "r1",
    "interview_id": "i1",
    "candidate_ref": "c0ffee0123456789",
    "job_title": "产品经理",
    "overall_score": 4.2,
    "recommendation": "yes",
    "competencies": [{"name": "leadership", "score": 4.5}, {"name": "collaboration", "score": None}],
    "links": {"report": "http://hr.example/report/i1", "transcript": "http://hr.example/review/i1"},
}


@pytest.fixture
def robots() -> Iterator[RobotServer]:
    server = RobotServer("tok-123", SIGN_SECRET, "key-456", limit=20, window_s=3.0).start()
    yield server
    server.stop()


def test_the_dingtalk_signature_matches_the_documented_example_shape() -> None:
    sign = dingtalk_sign(SIGN_SECRET, 1_700_000_000_000)
    assert "%" in sign or sign.isalnum(), "URL-encoded base64"
    assert (
        sign == dingtalk_sign(SIGN_SECRET, 1_700_000_000_000) != dingtalk_sign(SIGN_SECRET, 1_700_000_000_001)
    )


def test_the_notice_is_short_carries_no_name_and_links_to_the_review() -> None:
    title, text = notice("report.ready", REPORT, "zh", 4096)
    assert title == "面试报告待复核" and "产品经理" in text and "4.2/5（推荐）" not in text
    assert "4.2/5 (推荐)" in text and "collaboration: 未覆盖" in text
    assert "c0ffee01" in text and "c0ffee0123456789" not in text
    assert "(http://hr.example/review/i1)" in text
    many = {**REPORT, "competencies": [{"name": f"competency {i}", "score": 3.0} for i in range(400)]}
    _, long = notice("report.ready", many, "zh", 4096)
    assert len(long.encode()) <= 4096 and "http://hr.example/review/i1" in long


def test_a_sliding_window_allows_count_per_period() -> None:
    now = [0.0]
    w = SlidingWindow(2, 60.0, clock=lambda: now[0])
    assert w.acquire() == 0 and w.acquire() == 0
    assert w.acquire() == pytest.approx(60.0)
    now[0] = 30.0
    assert w.acquire() == pytest.approx(30.0)
    now[0] = 60.0
    assert w.acquire() == 0


def test_a_slow_send_counts_from_when_it_finished() -> None:
    # The robot counted the message somewhere between taking the slot and the answer: the window
    # runs from the answer, so a request delayed on the way cannot let the next one in too early.
    now = [0.0]
    w = SlidingWindow(1, 3.0, clock=lambda: now[0])
    assert w.acquire() == 0
    slot = w.newest
    now[0] = 0.5  # the answer came back
    w.sent(slot)
    now[0] = 3.0
    assert w.acquire() == pytest.approx(0.5)
    now[0] = 3.5
    assert w.acquire() == 0


async def test_report_notices_reach_both_robots_within_their_rate_limit(
    engine: AsyncEngine, robots: RobotServer
) -> None:
    sessions = make_sessionmaker(engine)
    box = SecretBox(TEST_SECRET)
    limit = {"rate_limit": {"count": 20, "per_s": 3.0}}  # the test server's window is 3 s, not a minute
    async with sessions.begin() as s:
        s.add_all(
            [
                Endpoint(
                    name="hr-dingtalk",
                    kind="dingtalk",
                    url=f"{robots.base}/robot/send?access_token=tok-123",
                    secret_encrypted=box.seal(SIGN_SECRET),
                    options=limit,
                ),
                Endpoint(
                    name="hr-wecom",
                    kind="wecom",
                    url=f"{robots.base}/cgi-bin/webhook/send?key=key-456",
                    secret_encrypted=box.seal(""),
                    options=limit,
                ),
            ]
        )
    async with sessions.begin() as s:
        for i in range(25):
            await enqueue(s, "report.ready", f"interview-{i}", {**REPORT, "interview_id": f"i{i}"})
        await enqueue(s, "interview.completed", "interview-0", {"interview_id": "i0"})  # no message for this

    await deliver(sessions, lambda: all(len(robots.accepted[r]) >= 25 for r in robots.accepted), within_s=20)

    assert robots.errors == [], "the dispatcher never exceeded a robot's limit nor sent a bad request"
    for robot in ("dingtalk", "wecom"):
        times = sorted(m["at"] for m in robots.accepted[robot])
        assert len(times) == 25
        assert times[20] - times[0] >= 3.0 - 0.05, "the 21st message waited for the window"
    dingtalk = robots.accepted["dingtalk"][0]["markdown"]
    assert dingtalk["title"] == "面试报告待复核" and "产品经理" in dingtalk["text"]
    assert (await statuses(sessions)) == {"delivered": 52}
    await asyncio.sleep(0)
