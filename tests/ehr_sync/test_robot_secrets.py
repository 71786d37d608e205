"""Robot credentials stay secret: masked in every log line (httpx logs full URLs), sealed at rest, shown
masked by the admin API; rows from before sealing are sealed when the server starts."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.ext.asyncio import AsyncEngine

from server.app import create_app
from server.crypto import SecretBox
from server.db.engine import make_engine, make_sessionmaker
from server.db.migrate import upgrade
from server.db.models import Endpoint
from server.db.repositories.outbox import enqueue
from server.log_redaction import install_redaction, redact
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.ehr_sync.robot_servers import RobotServer
from tests.ehr_sync.test_delivery import deliver
from tests.ehr_sync.test_robots import REPORT, SIGN_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review


@pytest.fixture
def robots() -> Iterator[RobotServer]:
    server = RobotServer("tok-secret-123", SIGN_SECRET, "key-secret-456", limit=20, window_s=3.0).start()
    yield server
    server.stop()


def test_secret_query_parameters_are_masked() -> None:
    assert redact("POST https://x/send?key=abc&debug=1") == "POST https://x/send?key=***&debug=1"
    assert redact("https://x/robot/send?access_token=t1&timestamp=1&sign=s%2B1") == (
        "https://x/robot/send?access_token=***&timestamp=1&sign=***"
    )
    assert redact("no url here, key=value stays") == "no url here, key=value stays"


async def test_a_robot_delivery_logs_no_credential(
    engine: AsyncEngine, robots: RobotServer, caplog: pytest.LogCaptureFixture
) -> None:
    install_redaction()
    caplog.set_level(logging.DEBUG)  # every logger, httpx's request lines included
    sessions = make_sessionmaker(engine)
    box = SecretBox(TEST_SECRET)
    async with sessions.begin() as s:
        s.add_all(
            [
                Endpoint(
                    name="d",
                    kind="dingtalk",
                    url=f"{robots.base}/robot/send?access_token=tok-secret-123",
                    secret_encrypted=box.seal(SIGN_SECRET),
                ),
                Endpoint(
                    name="w",
                    kind="wecom",
                    url=f"{robots.base}/cgi-bin/webhook/send?key=key-secret-456",
                    secret_encrypted=box.seal(""),
                ),
            ]
        )
        await enqueue(s, "report.ready", "interview-1", {**REPORT, "interview_id": "i1"})
    await deliver(sessions, lambda: all(len(v) >= 1 for v in robots.accepted.values()), within_s=10)
    assert all(len(v) == 1 for v in robots.accepted.values())
    assert "HTTP Request" in caplog.text or "delivered" in caplog.text
    for secret in ("tok-secret-123", "key-secret-456", "sign=" + "x"):
        assert secret not in caplog.text
    logging.getLogger("httpx").warning(
        "HTTP Request: POST %s", httpx.URL(f"{robots.base}/send?key=key-secret-456")
    )
    assert "key-secret-456" not in caplog.text and "key=***" in caplog.text


def test_robot_urls_are_sealed_at_rest_and_masked_for_admins(tmp_path: Path) -> None:
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=tmp_path / "data")
    legacy_url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=legacy-secret"

    async def add_legacy() -> None:  # a row from before sealing
        settings.data_dir.mkdir(parents=True)
        engine = make_engine(settings.db_url)
        await upgrade(engine)
        async with make_sessionmaker(engine).begin() as s:
            s.add(Endpoint(name="old", kind="wecom", url=legacy_url, secret_encrypted=""))
        await engine.dispose()

    import asyncio

    asyncio.run(add_legacy())
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        review = Review(client, settings)
        review.staff("admin-seal@example.test", "admin")
        made = client.post(
            "/api/admin/connectors",
            json={
                "name": "new",
                "kind": "wecom",
                "url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=new-secret&x=1",
            },
        )
        assert made.status_code == 201, made.text
        listed = {c["name"]: c["url"] for c in client.get("/api/admin/connectors").json()}
    assert listed == {
        "old": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***",
        "new": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***&x=***",
    }
    raw = (settings.data_dir / "interview.db").read_bytes()
    assert b"legacy-secret" not in raw and b"new-secret" not in raw
