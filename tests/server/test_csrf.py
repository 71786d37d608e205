"""Cross-site requests are refused: a page on another site cannot create a job, import candidates or
open the console's stream with a staff member's cookie; curl and Greenhouse (no Origin) still work."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from starlette.testclient import WebSocketDenialResponse

from server.app import create_app
from server.csrf import origin_of
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review

SITE = "https://interviews.example.test"
PLAN = (
    '{"title": "Forged", "language": "en", "competencies": [{"name": "x"}],'
    ' "questions": [{"competency": "x", "kind": "behavioural", "text": "Tell me about a time."}]}'
)


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data = tmp_path_factory.mktemp("csrf") / "data"
    settings = Settings(  # development: an https public URL without secure cookies (TestClient speaks http)
        environment="development",
        secret_key=TEST_SECRET,
        data_dir=data,
        outbox_in_server=False,
        public_url=SITE,
    )
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        yield Review(client, settings)


def as_hr(review: Review) -> None:
    """Log the test client in as HR (the account is made once per module)."""
    try:
        review.login("hr-csrf@example.test")
    except AssertionError:
        review.staff("hr-csrf@example.test", "hr")


def job_titles(review: Review) -> list[str]:
    return [j["title"] for j in review.client.get("/api/jobs").json()]


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example", "Content-Type": "text/plain"},
        {"Origin": "https://evil.example", "Content-Type": "application/json"},
        {"Origin": "null", "Content-Type": "application/json"},
        {"Sec-Fetch-Site": "cross-site", "Content-Type": "text/plain"},
        {"Sec-Fetch-Site": "same-site", "Content-Type": "application/json"},
    ],
)
def test_a_request_from_another_site_is_refused_with_403(review: Review, headers: dict[str, str]) -> None:
    as_hr(review)
    r = review.client.post("/api/jobs", content=PLAN, headers=headers)
    assert r.status_code == 403 and ("refused" in r.json()["detail"] or "came from" in r.json()["detail"])
    csv = "name,email,job\nMallory,m@example.test,x\n"
    r = review.client.post(
        "/api/import/candidates", content=csv, headers={**headers, "Content-Type": "text/csv"}
    )
    assert r.status_code == 403
    assert "Forged" not in job_titles(review)


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]
)
def test_bodies_a_form_could_send_are_refused_with_415(review: Review, content_type: str) -> None:
    as_hr(review)
    r = review.client.post("/api/jobs", content=PLAN, headers={"Content-Type": content_type})
    assert r.status_code == 415 and "application/json" in r.json()["detail"]
    r = review.client.post("/api/import/jobs", content="a,b\n", headers={"Content-Type": content_type})
    assert r.status_code == 415 and "text/csv" in r.json()["detail"]
    r = review.client.post("/api/auth/logout", content=b"x=1", headers={"Content-Type": content_type})
    assert r.status_code == 415
    assert review.client.get("/api/auth/me").status_code == 200  # still logged in
    assert "Forged" not in job_titles(review)


def test_this_site_and_callers_without_origin_pass(review: Review) -> None:
    as_hr(review)
    same = {"Origin": SITE, "Sec-Fetch-Site": "same-origin", "Content-Type": "application/json"}
    r = review.client.post("/api/jobs", content=PLAN.replace("Forged", "Same site"), headers=same)
    assert r.status_code == 201, r.text
    r = review.client.post(
        "/api/jobs", content=PLAN.replace("Forged", "By curl"), headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 201
    assert review.client.post("/api/auth/logout", headers={"Origin": SITE}).status_code == 204  # no body


def test_the_console_stream_refuses_a_handshake_from_another_site(review: Review) -> None:
    iid = review.finished(department=None)["interview_id"]
    review.staff("iv-ws@example.test", "interviewer")
    live = f"/api/interviews/{iid}/live"
    with (
        pytest.raises(WebSocketDenialResponse) as denied,
        review.client.websocket_connect(live, headers={"Origin": "https://evil.example"}),
    ):
        pass
    assert (
        denied.value.status_code == 403 and "came from https://evil.example" in denied.value.json()["detail"]
    )
    with review.client.websocket_connect(live, headers={"Origin": SITE}) as ws:
        assert ws.receive_json()["type"] == "snapshot"


def test_origins_compare_without_default_ports_and_case() -> None:
    assert origin_of("HTTPS://Interviews.Example.test:443/console") == "https://interviews.example.test"
    assert origin_of("http://127.0.0.1:8000") != origin_of("http://localhost:8000")
    assert origin_of("http://x:notaport") == "invalid"
