"""Greenhouse Assessment Partner: the test plays Greenhouse (it calls our list_tests, send_test and
test_status with HTTP Basic, and serves the URL we PATCH with the result, checking our auth)."""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from server.db.models import AnswerScoreRow, Interview
from server.services.reports import interview_completed
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.server.test_review import Review


class GreenhouseCallbacks:
    """Greenhouse's side of the PATCH: Basic auth with the partner key, JSON test status."""

    def __init__(self) -> None:
        self.key = ""
        self.patches: list[dict[str, Any]] = []
        self.unauthorised = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_PATCH(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))))
                expected = "Basic " + base64.b64encode(f"{server.key}:".encode()).decode()
                if self.headers.get("authorization") != expected:
                    server.unauthorised += 1
                    self.send_response(401)
                    self.end_headers()
                    return
                server.patches.append({"path": self.path, **body})
                self.send_response(200)
                self.end_headers()

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture(scope="module")
def greenhouse() -> Iterator[GreenhouseCallbacks]:
    server = GreenhouseCallbacks()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data = tmp_path_factory.mktemp("greenhouse") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data)
    with TestClient(create_app(settings)) as client:
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
