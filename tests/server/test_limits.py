"""What a client may send before it is known: request bodies are capped (by length and by the bytes that
actually arrive), uploads get a larger cap, and the console's WebSocket closes on an oversize message."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from server.app import create_app
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review

MIB = 1024 * 1024


def _settings(data: Path) -> Settings:
    return Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, outbox_in_server=False)


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    settings = _settings(tmp_path_factory.mktemp("limits") / "data")
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        yield Review(client, settings)


def test_a_declared_length_over_the_cap_is_refused_before_the_body_is_read(review: Review) -> None:
    r = review.client.post(
        "/api/auth/login",
        content=b"{}",
        headers={"content-type": "application/json", "content-length": str(300 * MIB)},
    )
    assert r.status_code == 413 and "1 MiB at most" in r.json()["detail"]


async def test_a_streamed_body_is_cut_off_at_the_cap(tmp_path: Path) -> None:
    app = create_app(_settings(tmp_path / "data"), runtime=fake_runtime())
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: chunked, as a hostile client sends
        nonlocal sent
        for _ in range(300):
            sent += 64 * 1024
            yield b" " * (64 * 1024)

    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            r = await client.post(
                "/api/auth/login", content=chunks(), headers={"content-type": "application/json"}
            )
    assert r.status_code == 413 and "larger than" in r.json()["detail"]
    assert sent <= 2 * MIB, f"the server read {sent} bytes of a body it should have refused"


def test_uploads_get_their_own_larger_cap(review: Review) -> None:
    review.staff("hr-limits@example.test", "hr")
    try:
        big = b"job_title,language\n" + b"x" * (2 * MIB)
        r = review.client.post("/api/import/jobs", content=big, headers={"content-type": "text/csv"})
        assert r.status_code == 422, r.text  # read and judged (a bad CSV), not refused for its size
        huge = b"x" * (11 * MIB)
        r = review.client.post("/api/import/jobs", content=huge, headers={"content-type": "text/csv"})
        assert r.status_code == 413 and "10 MiB" in r.json()["detail"]
    finally:
        review.client.post("/api/auth/logout")


def test_the_console_socket_closes_on_an_oversize_message(review: Review) -> None:
    iid = review.finished()["interview_id"]
    review.staff("iv-limits@example.test", "interviewer", "Engineering")
    try:
        with review.client.websocket_connect(f"/api/interviews/{iid}/live") as ws:
            assert ws.receive_json()["type"] == "snapshot"
            ws.send_text("ping")
            ws.send_text("x" * 100_000)
            with pytest.raises(WebSocketDisconnect) as closed:
                while True:
                    ws.receive_json()
        assert closed.value.code == 1009
    finally:
        review.client.post("/api/auth/logout")
