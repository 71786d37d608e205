"""The console's API without a call: controls and watching need a live interview, talking needs the
interviewer role, bad input gets a sentence and changes nothing; jobs are listed by department."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from server.app import create_app
from server.db.models import AuditEvent
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_api import browser_offer
from tests.server.test_review import Review


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data = tmp_path_factory.mktemp("console") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        yield Review(client, settings)


def audit_actions(review: Review, interview_id: str) -> list[str]:
    async def read(sessions: object) -> list[str]:
        async with sessions() as s:  # type: ignore[operator]
            rows = await s.execute(select(AuditEvent.action).where(AuditEvent.interview_id == interview_id))
            return list(rows.scalars())

    return review.run(read)


def test_controls_need_a_live_interview_and_the_interviewer_role(review: Review) -> None:
    iid = review.finished()["interview_id"]
    review.staff("iv-c@example.test", "interviewer", "Engineering")
    r = review.client.post(f"/api/interviews/{iid}/control", json={"action": "pause"})
    assert r.status_code == 409 and "only while the call is live" in r.json()["detail"]
    r = review.client.post(f"/api/interviews/{iid}/control", json={"action": "dance"})
    assert r.status_code == 422 and "action" in r.json()["detail"]
    assert not [a for a in audit_actions(review, iid) if a.startswith("control.")]
    review.staff("hr-c@example.test", "hr")
    r = review.client.post(f"/api/interviews/{iid}/control", json={"action": "pause"})
    assert r.status_code == 403 and "interviewer" in r.json()["detail"]


def test_watching_needs_a_connected_candidate_and_talking_needs_an_interviewer(review: Review) -> None:
    iid = review.finished()["interview_id"]
    offer = browser_offer()
    review.staff("iv-w@example.test", "interviewer", "Engineering")
    r = review.client.post(f"/api/interviews/{iid}/watch", json={"sdp": offer, "type": "offer"})
    assert r.status_code == 409 and "not connected" in r.json()["detail"]
    review.staff("hr-w@example.test", "hr")
    r = review.client.post(f"/api/interviews/{iid}/watch", json={"sdp": offer, "type": "offer", "talk": True})
    assert r.status_code == 403 and "only interviewers" in r.json()["detail"]
    assert "console.watch" not in audit_actions(review, iid)


def test_jobs_are_listed_by_department(review: Review) -> None:
    review.finished(department="Engineering")
    review.finished(department="Finance")
    review.staff("hr-eng-j@example.test", "hr", "Engineering")
    departments = {j["department"] for j in review.client.get("/api/jobs").json()}
    assert departments == {"Engineering"}
    review.staff("iv-j@example.test", "interviewer", "Finance")
    departments = {j["department"] for j in review.client.get("/api/jobs").json()}
    assert departments == {"Finance"}
    review.staff("hr-all-j@example.test", "hr")  # HR without a department: every job
    departments = {j["department"] for j in review.client.get("/api/jobs").json()}
    assert {"Engineering", "Finance"} <= departments
