"""Greenhouse Assessment Partner: the test plays Greenhouse (it calls our list_tests, send_test and
test_status with HTTP Basic, and serves the URL we PATCH with the result, checking our auth)."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from server.app import create_app
from server.db.models import AnswerScoreRow, Candidate, Interview
from server.services.reports import interview_completed
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.ehr_sync.jsonserver import JsonServer
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review


class GreenhouseCallbacks(JsonServer):
    """Greenhouse's side of the PATCH: Basic auth with the partner key, JSON test status."""

    def __init__(self) -> None:
        self.key = ""
        self.patches: list[dict[str, Any]] = []
        self.unauthorised = 0
        super().__init__()

    def respond(
        self, method: str, path: str, query: dict[str, str], body: Any, headers: dict[str, str]
    ) -> tuple[int, dict[str, Any] | None]:
        expected = "Basic " + base64.b64encode(f"{self.key}:".encode()).decode()
        if method != "PATCH" or headers.get("authorization") != expected:
            self.unauthorised += 1
            return 401, None
        self.patches.append({"path": path, **body})
        return 200, None

    @property
    def url(self) -> str:
        return self.base


@pytest.fixture(scope="module")
def greenhouse() -> Iterator[GreenhouseCallbacks]:
    server = GreenhouseCallbacks().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data = tmp_path_factory.mktemp("greenhouse") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, egress_allow=["127.0.0.1"])
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        yield Review(client, settings)


def basic(key: str) -> dict[str, str]:
    return {"authorization": "Basic " + base64.b64encode(f"{key}:".encode()).decode()}


def test_greenhouse_sends_a_test_polls_it_and_receives_the_result(
    review: Review, greenhouse: GreenhouseCallbacks
) -> None:
    review.finished()  # a demo job exists
    review.staff("admin-gh@example.test", "admin")
    created = review.client.post(
        "/api/admin/connectors",
        json={"name": "Greenhouse", "kind": "greenhouse", "url": "https://api.greenhouse.io"},
    ).json()
    key = greenhouse.key = created["secret"]
    review.client.post("/api/auth/logout")

    assert review.client.get("/api/greenhouse/list_tests", headers=basic("wrong")).status_code == 401
    assert review.client.get("/api/greenhouse/list_tests").status_code == 401
    tests = review.client.get("/api/greenhouse/list_tests", headers=basic(key)).json()
    test = next(t for t in tests if t["partner_test_name"].startswith("Software Engineer"))

    bad = review.client.post(
        "/api/greenhouse/send_test", headers=basic(key), json={"partner_test_id": "nope"}
    )
    assert bad.status_code == 422 and "not one of our tests" in bad.json()["detail"]
    sent = review.client.post(
        "/api/greenhouse/send_test",
        headers=basic(key),
        json={
            "partner_test_id": test["partner_test_id"],
            "candidate": {"first_name": "Ana", "last_name": "Silva", "email": "ana@example.com"},
            "url": f"{greenhouse.url}/v1/partner/test_status/42",
        },
    ).json()
    iid = sent["partner_interview_id"]
    assert sent["invite_url"].startswith("http")
    status = review.client.get(
        "/api/greenhouse/test_status", params={"partner_interview_id": iid}, headers=basic(key)
    )
    assert status.json()["partner_status"] == "pending"

    async def finish(sessions: Any) -> None:  # what the live call does at its end
        async with sessions.begin() as s:
            interview = await s.get(Interview, iid)
            interview.status = "finished"
            detail = {"evidence": [], "reasons": [], "scale": "anchored5"}
            s.add(
                AnswerScoreRow(
                    interview_id=iid,
                    question_index=0,
                    competency="leadership",
                    score=4,
                    score_exact=4.2,
                    confidence=0.9,
                    scorer="default",
                    detail=detail,
                )
            )
            await s.flush()
            await interview_completed(s, interview, "http://hr.example")

    review.run(finish)
    deadline = time.monotonic() + 10
    while not greenhouse.patches and time.monotonic() < deadline:
        time.sleep(0.1)
    (patch,) = greenhouse.patches
    assert patch["path"] == "/v1/partner/test_status/42" and greenhouse.unauthorised == 0
    assert patch["partner_interview_id"] == iid and patch["partner_status"] == "complete"
    assert patch["partner_score"] == 84 and patch["metadata"]["leadership"] == "4.2/5"
    assert all(isinstance(v, str) for v in patch["metadata"].values()), "Greenhouse metadata is flat strings"
    polled = review.client.get(
        "/api/greenhouse/test_status", params={"partner_interview_id": iid}, headers=basic(key)
    )
    assert polled.json()["partner_score"] == 84
    errors = review.client.post("/api/greenhouse/request_errors", headers=basic(key), json={"errors": ["x"]})
    assert errors.status_code == 200


def _connector(review: Review, name: str) -> str:
    review.staff(f"admin-{name}@example.test", "admin")
    created = review.client.post(
        "/api/admin/connectors",
        json={"name": name, "kind": "greenhouse", "url": "https://api.greenhouse.io"},
    ).json()
    review.client.post("/api/auth/logout")
    return str(created["secret"])


def test_the_callback_must_be_greenhouse_over_https(review: Review, greenhouse: GreenhouseCallbacks) -> None:
    review.finished()
    key = _connector(review, "gh-callbacks")
    test = review.client.get("/api/greenhouse/list_tests", headers=basic(key)).json()[0]

    def send(url: str) -> Any:
        body = {
            "partner_test_id": test["partner_test_id"],
            "candidate": {"email": "c@example.com"},
            "url": url,
        }
        return review.client.post("/api/greenhouse/send_test", headers=basic(key), json=body)

    for url, words in [
        ("http://attacker.example/collect", "https"),
        ("https://attacker.example/collect", "partner's hosts"),
        ("https://greenhouse.io.attacker.example/x", "partner's hosts"),
        ("https://user:pw@api.greenhouse.io/x", "credentials"),
        ("http://10.0.0.5/x", "https"),
    ]:
        r = send(url)
        assert r.status_code == 422 and words in r.json()["detail"], (url, r.text)
    assert send("https://api.greenhouse.io/v1/partner/test_status/1").status_code == 200
    assert send(f"{greenhouse.url}/local").status_code == 200  # a local partner, in tests only


def test_plain_http_to_this_machine_is_refused_outside_development() -> None:
    from server.services.callback_urls import callback_problem

    hosts = [".greenhouse.io"]
    assert callback_problem("http://127.0.0.1:9/x", hosts, local_http=True) is None
    assert callback_problem("http://127.0.0.1:9/x", hosts, local_http=False) == "url must be https"
    assert callback_problem("https://eu.greenhouse.io/x", hosts, local_http=False) is None


def test_test_status_answers_only_for_the_partners_own_interviews(
    review: Review, greenhouse: GreenhouseCallbacks
) -> None:
    review.finished()
    ours, theirs = _connector(review, "gh-ours"), _connector(review, "gh-theirs")
    test = review.client.get("/api/greenhouse/list_tests", headers=basic(ours)).json()[0]
    sent = review.client.post(
        "/api/greenhouse/send_test",
        headers=basic(ours),
        json={
            "partner_test_id": test["partner_test_id"],
            "candidate": {"email": "own@example.com"},
            "url": "https://api.greenhouse.io/v1/partner/test_status/7",
        },
    ).json()
    iid = sent["partner_interview_id"]
    params = {"partner_interview_id": iid}
    assert (
        review.client.get("/api/greenhouse/test_status", params=params, headers=basic(ours)).status_code
        == 200
    )
    other = review.client.get("/api/greenhouse/test_status", params=params, headers=basic(theirs))
    assert other.status_code == 404


def test_request_errors_keep_a_bounded_summary(review: Review) -> None:
    key = _connector(review, "gh-errors")
    body = {f"field{i}": "x" * 20_000 for i in range(40)}  # about 800 KB
    r = review.client.post("/api/greenhouse/request_errors", headers=basic(key), json=body)
    assert r.status_code == 200

    async def stored(sessions: Any) -> list[Any]:
        from sqlalchemy import select

        from server.db.models import AuditEvent

        async with sessions() as s:
            rows = await s.execute(select(AuditEvent).where(AuditEvent.action == "greenhouse.request_errors"))
            return [row.detail for row in rows.scalars()]

    detail = review.run(stored)[-1]
    assert len(json.dumps(detail)) < 5000
    assert detail["body"]["truncated"] and detail["body"]["fields_dropped"] == 20
    assert detail["body"]["bytes"] > 800_000


def test_an_erasure_asks_for_deletion_by_hand_in_the_delivery_log(
    review: Review, greenhouse: GreenhouseCallbacks
) -> None:
    from server.db.models import Interview as InterviewRow

    async def candidate_with_greenhouse_test(sessions: Any) -> str:
        async with sessions.begin() as s:
            interviews = (await s.execute(select(InterviewRow))).scalars().all()
            for interview in interviews:
                candidate = await s.get(Candidate, interview.candidate_id)
                if (candidate.external_refs or {}).get("greenhouse_callback_url"):
                    return str(candidate.id)
        raise AssertionError("the earlier test made a Greenhouse candidate")

    candidate = review.run(candidate_with_greenhouse_test)
    review.login("admin-gh@example.test")
    assert review.client.delete(f"/api/admin/candidates/{candidate}").status_code == 200
    deadline = time.monotonic() + 10
    rows: list[dict[str, Any]] = []
    while time.monotonic() < deadline:
        rows = [
            d
            for d in review.client.get("/api/admin/deliveries").json()
            if d["event_type"] == "candidate.deleted" and d["interview_id"] == candidate
        ]
        if rows and all(r["status"] != "pending" for r in rows):
            break
        time.sleep(0.1)
    assert rows, "every Greenhouse connector is told of the erasure"
    for row in rows:  # one per Greenhouse connector (earlier tests made several)
        assert row["status"] == "action_required", "never a silent 'delivered'"
        assert "ask a Greenhouse admin" in row["last_error"] and "by hand" in row["last_error"]
    review.client.post("/api/auth/logout")


def test_a_test_id_outlives_edits_of_its_job_and_sends_the_current_version(review: Review) -> None:
    review.staff("hr-gh-edit@example.test", "hr")
    doc = review.client.get("/api/jobs/templates/sales.en").json()
    doc["title"] = "Greenhouse sales"
    v1 = review.client.post("/api/jobs", json=doc).json()
    key = _connector(review, "gh-versions")
    review.login("hr-gh-edit@example.test")
    doc["questions"][0]["minutes"] = 5
    v2 = review.client.put(f"/api/jobs/{v1['id']}", json=doc).json()
    tests = review.client.get("/api/greenhouse/list_tests", headers=basic(key)).json()
    assert [t["partner_test_id"] for t in tests if t["partner_test_name"] == "Greenhouse sales"] == [v1["id"]]
    sent = review.client.post(
        "/api/greenhouse/send_test",
        headers=basic(key),
        json={
            "partner_test_id": v1["id"],
            "candidate": {"first_name": "Vera", "email": "vera@example.com"},
            "url": "https://app.greenhouse.io/v1/partner/test_status/7",
        },
    )
    assert sent.status_code == 200, sent.text
    detail = review.client.get(f"/api/interviews/{sent.json()['partner_interview_id']}").json()
    assert (detail["job_id"], detail["job_version"]) == (v2["id"], 2)
