"""When the database is down: /healthz says so (503), and the outbox dispatcher logs one traceback, then a
short line per failed batch with the count, waiting longer each time."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from server.db.engine import make_engine, make_sessionmaker
from server.services.outbox import Outage, run_dispatcher
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime

DEAD_DATABASE = "postgresql+asyncpg://postgres@127.0.0.1:1/nothing"  # nothing listens on port 1


def test_healthz_is_503_when_the_database_does_not_answer(tmp_path: Path) -> None:
    settings = Settings(
        environment="test",
        secret_key=TEST_SECRET,
        data_dir=tmp_path,
        database_url=DEAD_DATABASE,
        auto_migrate=False,
        outbox_in_server=False,
    )
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        r = client.get("/healthz")
    assert r.status_code == 503
    assert r.json()["status"] == "not ok" and "database" in r.json()["detail"]


def test_healthz_is_ok_with_the_database_up(tmp_path: Path) -> None:
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=tmp_path, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        r = client.get("/healthz")
    assert r.status_code == 200 and r.json()["status"] == "ok"


async def test_the_dispatcher_logs_one_traceback_while_the_database_is_down(
    caplog: pytest.LogCaptureFixture,
) -> None:
    engine = make_engine(DEAD_DATABASE)
    stop = asyncio.Event()
    caplog.set_level(logging.INFO, logger="server.services.outbox")
    task = asyncio.create_task(run_dispatcher(make_sessionmaker(engine), TEST_SECRET, stop))
    await asyncio.sleep(3.5)  # tries at 0, 1 and 3 s (before: one every 1.2 s, each with a traceback)
    stop.set()
    await task
    await engine.dispose()
    failures = [r for r in caplog.records if "failed" in r.getMessage() or "failing" in r.getMessage()]
    assert len(failures) == 3, [r.getMessage() for r in failures]
    assert [r.exc_info is not None for r in failures] == [True, False, False]
    assert "(2 batches in a row)" in failures[1].getMessage()
    assert "(3 batches in a row)" in failures[2].getMessage()


def test_the_wait_doubles_up_to_a_limit_and_recovery_is_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="server.services.outbox")
    outage = Outage(first_s=1.0, max_s=8.0)
    waits = []
    for _ in range(6):
        try:
            raise OSError("connection refused\nsecond line not logged")
        except OSError as exc:
            waits.append(outage.failed(exc))
    assert waits == [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    assert "second line" not in caplog.records[-1].getMessage()
    outage.succeeded()
    outage.succeeded()
    recovered = [r.getMessage() for r in caplog.records if "recovered" in r.getMessage()]
    assert recovered == ["outbox dispatcher recovered after 6 failed batches"]
