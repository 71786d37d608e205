"""Department scoping: every staff route, the live console stream and its controls answer an interview
outside the user's department with 404, as if it did not exist (the rule: `server/services/scope.py`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from server.app import create_app
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_api import browser_offer
from tests.server.test_review import Review


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data = tmp_path_factory.mktemp("scoping") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        yield Review(client, settings)


def interview_requests(iid: str, rid: str) -> list[tuple[str, str, dict[str, object] | None]]:
    """Every request on one interview a staff member can make, with a valid body."""
    return [
        ("GET", f"/api/interviews/{iid}", None),
        ("GET", f"/api/interviews/{iid}/summary", None),
        ("GET", f"/api/interviews/{iid}/recordings/{rid}", None),
        ("GET", f"/api/interviews/{iid}/review", None),
        ("GET", f"/api/interviews/{iid}/report", None),
        ("GET", f"/api/interviews/{iid}/notes", None),
        ("POST", f"/api/interviews/{iid}/notes", {"t_s": 1.0, "text": "peek"}),
        ("POST", f"/api/interviews/{iid}/control", {"action": "inject", "text": "What is your salary?"}),
        ("POST", f"/api/interviews/{iid}/watch", {"sdp": browser_offer(), "type": "offer"}),
    ]


def test_an_interviewer_of_another_department_cannot_read_watch_or_control(review: Review) -> None:
    seeded = review.finished(department="Engineering")
    iid, rid = seeded["interview_id"], seeded["recording_id"]
    review.staff("iv-fin@example.test", "interviewer", "Finance")
    for method, path, body in interview_requests(iid, rid):
        r = review.client.request(method, path, json=body)
        assert r.status_code == 404 and r.json()["detail"] == "no such interview", (method, path, r.text)
    assert all(row["id"] != iid for row in review.client.get("/api/interviews").json())
    assert review.client.get(f"/api/jobs/{seeded['job_id']}/plan").status_code == 404
    live = f"/api/interviews/{iid}/live"
    with pytest.raises(WebSocketDisconnect) as closed, review.client.websocket_connect(live):
        pass
    assert closed.value.code == 4404

    review.staff("iv-eng@example.test", "interviewer", "Engineering")
    assert review.client.get(f"/api/interviews/{iid}").status_code == 200
    assert review.client.get(f"/api/interviews/{iid}/recordings/{rid}").status_code == 200
    r = review.client.post(f"/api/interviews/{iid}/control", json={"action": "inject", "text": "Why?"})
    assert r.status_code == 409  # seen, but the call is over
    with review.client.websocket_connect(f"/api/interviews/{iid}/live") as ws:
        assert ws.receive_json()["interview"]["id"] == iid


def test_an_interviewer_without_a_department_sees_only_jobs_without_one(review: Review) -> None:
    scoped = review.finished(department="Engineering")
    unscoped = review.finished(department=None)
    review.staff("iv-none@example.test", "interviewer")
    assert review.client.get(f"/api/interviews/{scoped['interview_id']}").status_code == 404
    assert review.client.get(f"/api/interviews/{unscoped['interview_id']}").status_code == 200
    assert {j["department"] for j in review.client.get("/api/jobs").json()} == {None}


def test_hr_cannot_create_a_job_in_another_department(review: Review) -> None:
    review.staff("hr-fin-jobs@example.test", "hr", "Finance")
    plan = {
        "title": "Planted",
        "language": "en",
        "department": "Engineering",
        "competencies": [{"name": "x"}],
        "questions": [{"competency": "x", "kind": "behavioural", "text": "Tell me about a time."}],
    }
    r = review.client.post("/api/jobs", json=plan)
    assert r.status_code == 403 and "Finance department only" in r.json()["detail"]
    assert review.client.post("/api/jobs", json={**plan, "department": "Finance"}).status_code == 201


def test_hr_of_another_department_cannot_reach_the_feedback_letter(review: Review) -> None:
    iid = review.finished(department="Engineering")["interview_id"]
    review.staff("hr-eng-letter@example.test", "hr", "Engineering")
    assert review.client.post(f"/api/interviews/{iid}/feedback/draft").status_code == 200
    review.staff("hr-fin-letter@example.test", "hr", "Finance")
    for method, path in [
        ("GET", f"/api/interviews/{iid}/feedback"),
        ("POST", f"/api/interviews/{iid}/feedback/draft"),
        ("POST", f"/api/interviews/{iid}/feedback/approve"),
    ]:
        r = review.client.request(method, path)
        assert r.status_code == 404 and r.json()["detail"] == "no such interview", (method, path)
    r = review.client.put(f"/api/interviews/{iid}/feedback", json={"text": "Dear candidate"})
    assert r.status_code == 404
