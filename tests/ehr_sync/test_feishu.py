"""Feishu Hire against a local server implementing its documented contract: tenant tokens (refreshed
when revoked), an external interview per report with its assessment, the HR decision as a second
assessment, candidates without a Feishu application skipped, nothing created twice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from ehr_sync.connectors.feishu import FeishuHireConnector
from ehr_sync.model import Delivery, EndpointConfig
from server.crypto import SecretBox
from server.db.engine import make_sessionmaker
from server.db.models import Endpoint
from server.db.repositories.outbox import enqueue
from tests.conftest import TEST_SECRET
from tests.ehr_sync.feishu_server import FeishuServer
from tests.ehr_sync.test_delivery import deliver, statuses

APP = "6960663240925956437"
REPORT = {
    "report_id": "iv1-v1",
    "interview_id": "iv1",
    "candidate_ref": "cand1",
    "candidate_external_refs": {"feishu_application": APP},
    "job_title": "产品经理",
    "overall_score": 4.2,
    "recommendation": "yes",
    "completed_at": "2026-11-30T06:00:00+00:00",
    "competencies": [
        {"name": "leadership", "score": 4.5, "evidence": [{"text": "我把工作拆成每天的小目标。"}]},
        {"name": "collaboration", "score": None, "evidence": []},
    ],
    "links": {"report": "http://hr.example/report/iv1"},
}
REVIEWED = {
    **REPORT,
    "competencies": [{**REPORT["competencies"][0], "human_score": 3}, REPORT["competencies"][1]],
    "review": {
        "status": "next_round",
        "recommendation": "yes",
        "decided_by": "hr@example.test",
        "decided_at": "2026-11-30T07:00:00+00:00",
        "comment": "结果具体，进入复试。",
    },
}


@pytest.fixture
def feishu() -> Iterator[FeishuServer]:
    server = FeishuServer("cli_a1b2c3", "app-secret-xyz", {APP}).start()
    yield server
    server.stop()


async def test_reports_and_decisions_become_external_interviews_and_assessments(
    engine: AsyncEngine, feishu: FeishuServer
) -> None:
    sessions = make_sessionmaker(engine)
    async with sessions.begin() as s:
        s.add(
            Endpoint(
                name="feishu-hire",
                kind="feishu",
                url=feishu.base,
                secret_encrypted=SecretBox(TEST_SECRET).seal("app-secret-xyz"),
                options={"app_id": "cli_a1b2c3"},
            )
        )
    async with sessions.begin() as s:
        await enqueue(s, "report.ready", "iv1", REPORT)
        await enqueue(
            s, "report.ready", "iv2", {**REPORT, "interview_id": "iv2", "candidate_external_refs": {}}
        )
    await deliver(sessions, lambda: len(feishu.interviews) >= 1, within_s=15)
    async with sessions.begin() as s:
        await enqueue(s, "report.reviewed", "iv1", REVIEWED)
        await enqueue(s, "report.ready", "iv1", REPORT)  # a replay must not create the interview twice
    await deliver(sessions, lambda: len(feishu.assessments) >= 1, within_s=15)

    assert (await statuses(sessions)) == {"delivered": 4}
    (interview,) = feishu.interviews
    assert interview["external_id"] == "iv1" and interview["external_application_id"] == APP
    assert interview["participate_status"] == 2 and interview["end_time"] == 1_796_018_400_000
    (ai,) = interview["interview_assessments"]
    assert ai["conclusion"] == 3, "待定 until a human decides"
    assert ai["assessment_dimension_list"] == [
        {
            "assessment_type": 1,
            "title": "leadership",
            "score": 90,
            "description": "4.5/5 · 我把工作拆成每天的小目标。",
        }
    ]
    (decision,) = feishu.assessments
    assert decision["external_interview_id"] == interview["id"] and decision["conclusion"] == 2
    assert decision["username"] == "hr@example.test" and decision["content"] == "结果具体，进入复试。"
    assert decision["assessment_dimension_list"][0]["score"] == 60, "the reviewer's score, not the AI's"
    assert not [e for e in feishu.errors if e != 1002001], "no request broke the contract"


async def test_a_revoked_token_is_replaced_once_and_the_call_retried(feishu: FeishuServer) -> None:
    endpoint = EndpointConfig("e1", "feishu", feishu.base, ["app-secret-xyz"], {"app_id": "cli_a1b2c3"})
    async with httpx.AsyncClient(timeout=5) as client:
        connector = FeishuHireConnector(endpoint, client)
        first = await connector.push(delivery("report.ready", REPORT))
        feishu.revoke()
        second = await connector.push(delivery("report.reviewed", REVIEWED))
        bad = FeishuHireConnector(
            EndpointConfig("e2", "feishu", feishu.base, ["wrong"], {"app_id": "cli_a1b2c3"}), client
        )
        refused = await bad.push(delivery("report.ready", {**REPORT, "interview_id": "iv3"}))
    assert first.outcome == second.outcome == "delivered"
    assert feishu.tokens_issued == 2 and feishu.errors.count(99991663) == 1
    assert refused.outcome == "retry" and "10014" in refused.error


def delivery(event_type: str, payload: dict[str, object]) -> Delivery:
    return Delivery("d-" + event_type, event_type, dict(payload), "e1", 0, datetime.now(UTC))


async def test_an_erasure_deletes_the_external_interviews_created_for_the_candidate(
    feishu: FeishuServer,
) -> None:
    endpoint = EndpointConfig("e1", "feishu", feishu.base, ["app-secret-xyz"], {"app_id": "cli_a1b2c3"})
    async with httpx.AsyncClient(timeout=5) as client:
        connector = FeishuHireConnector(endpoint, client)
        await connector.push(delivery("report.ready", REPORT))
        await connector.push(delivery("report.reviewed", REVIEWED))
        other = {**REPORT, "interview_id": "someone-else", "report_id": "x-v1"}
        await connector.push(delivery("report.ready", other))
        assert len(feishu.interviews) == 2 and len(feishu.assessments) == 1
        erased = await connector.push(
            delivery(
                "candidate.deleted",
                {
                    "candidate_ref": "cand1",
                    "interview_ids": ["iv1"],
                    "candidate_external_refs": {"feishu_application": APP},
                },
            )
        )
        unknown = await connector.push(
            delivery("candidate.deleted", {"candidate_ref": "c2", "interview_ids": ["iv9"]})
        )
    assert erased.outcome == "delivered" and len(feishu.deleted) == 1
    assert [i["external_id"] for i in feishu.interviews] == ["someone-else"], "only ours, only theirs"
    assert feishu.assessments == []
    assert unknown.outcome == "delivered" and "no Feishu application" in unknown.error
