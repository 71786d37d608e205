"""The outbox against a local receiver that implements the Standard Webhooks contract, on SQLite and
PostgreSQL: faults, ordering, 410, dead letters and replays, concurrent dispatchers, a killed worker."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from ehr_sync.egress import EgressPolicy
from ehr_sync.signing import new_secret
from server.crypto import SecretBox
from server.db.engine import make_engine, make_sessionmaker
from server.db.migrate import upgrade
from server.db.models import Delivery, Endpoint
from server.db.repositories.outbox import enqueue, replay
from server.services.outbox import run_dispatcher
from tests.conftest import POSTGRES_URL, TEST_SECRET
from tests.ehr_sync.receiver import Receiver

# The receivers run on this machine: allowed explicitly (the default refuses loopback and plain http).
LOCAL_RECEIVERS = EgressPolicy(["127.0.0.1"], allow_http=True)
FAST = (0.0, 0.05, 0.1, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2)


async def add_endpoint(sessions: async_sessionmaker[AsyncSession], receiver: Receiver) -> str:
    async with sessions.begin() as s:
        row = Endpoint(
            name="ehr",
            kind="webhook",
            url=receiver.url,
            secret_encrypted=SecretBox(TEST_SECRET).seal(receiver.secret),
        )
        s.add(row)
        await s.flush()
        return row.id


async def add_events(sessions: async_sessionmaker[AsyncSession], n: int, keys: int) -> None:
    async with sessions.begin() as s:
        for i in range(n):
            await enqueue(s, "report.ready", f"interview-{i % keys}", {"n": i})


async def deliver(
    sessions: async_sessionmaker[AsyncSession],
    done: Callable[[], bool],
    within_s: float = 30,
    schedule: tuple[float, ...] = FAST,
    client_timeout: float = 0.3,
    egress: EgressPolicy = LOCAL_RECEIVERS,
) -> None:
    stop = asyncio.Event()
    task = asyncio.create_task(
        run_dispatcher(
            sessions,
            TEST_SECRET,
            stop,
            timeout_s=client_timeout,
            lease_s=2,
            schedule=schedule,
            egress=egress,
        )
    )
    deadline = time.monotonic() + within_s
    while not done() and time.monotonic() < deadline:  # noqa: ASYNC110 - the receiver is another thread
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)  # let stragglers show themselves (duplicates would)
    stop.set()
    await task


async def statuses(sessions: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    async with sessions() as s:
        rows = (await s.execute(select(Delivery.status))).scalars().all()
    return {k: rows.count(k) for k in set(rows)}


def in_order(receiver: Receiver, keys: int) -> bool:
    """Events of each interview (n % keys) were processed in the order they were written."""
    by_key: dict[int, list[int]] = {}
    for item in receiver.processed:
        by_key.setdefault(item["data"]["n"] % keys, []).append(item["data"]["n"])
    return all(v == sorted(v) for v in by_key.values())


async def test_faults_then_recovery_deliver_everything_once_in_order(engine: AsyncEngine) -> None:
    receiver = Receiver(new_secret()).start()

    def faults(n: int) -> tuple[object, ...] | None:
        if n < 10:
            return ("status", 500)
        if n < 15:
            return ("sleep", 0.6)  # longer than the client timeout: processed, but we never hear back
        if n < 20:
            return ("status", 429, 1)
        return None

    receiver.fault = faults
    sessions = make_sessionmaker(engine)
    await add_endpoint(sessions, receiver)
    await add_events(sessions, 30, keys=5)
    try:
        await deliver(sessions, lambda: len(receiver.processed) >= 30 and len(receiver.requests) > 20)
        assert await statuses(sessions) == {"delivered": 30}
    finally:
        receiver.stop()
    assert sorted(item["data"]["n"] for item in receiver.processed) == list(
        range(30)
    )  # nothing lost, no dupes
    assert in_order(receiver, 5) and receiver.rejected == 0
    assert len(receiver.requests) > 30  # retries happened; duplicates were acknowledged, not processed twice


async def test_410_disables_the_endpoint_and_dead_letters_can_be_replayed(engine: AsyncEngine) -> None:
    receiver = Receiver(new_secret()).start()
    receiver.fault = lambda n: ("status", 410)
    sessions = make_sessionmaker(engine)
    endpoint_id = await add_endpoint(sessions, receiver)
    await add_events(sessions, 3, keys=1)
    try:
        await deliver(sessions, lambda: len(receiver.requests) >= 1, within_s=5)
        async with sessions() as s:
            endpoint = await s.get(Endpoint, endpoint_id)
            assert (
                endpoint is not None and not endpoint.enabled and "gone" in (endpoint.disabled_reason or "")
            )
        assert await statuses(sessions) == {"dead": 1, "pending": 2}
        assert len(receiver.requests) == 1  # nothing more goes to a disabled endpoint

        receiver.fault = lambda n: ("status", 500)
        async with sessions.begin() as s:
            endpoint = await s.get(Endpoint, endpoint_id)
            endpoint.enabled = True  # type: ignore[union-attr]
        await deliver(sessions, lambda: False, within_s=3, schedule=(0.0, 0.05, 0.05))
        assert (await statuses(sessions)).get("dead") == 3  # the schedule ran out: dead letters
        receiver.fault = lambda n: None
        async with sessions.begin() as s:
            for d in (await s.execute(select(Delivery))).scalars().all():
                assert await replay(s, d.id)
        await deliver(sessions, lambda: len(receiver.processed) == 3, within_s=10)
    finally:
        receiver.stop()
    assert [i["data"]["n"] for i in receiver.processed] == [0, 1, 2]


@pytest.mark.postgres
async def test_two_dispatchers_deliver_a_thousand_events_without_duplicates() -> None:
    import uuid

    from sqlalchemy import text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = make_engine(POSTGRES_URL)
    async with admin.begin() as conn:
        await conn.execute(text(f"CREATE SCHEMA {schema}"))
    engines = [
        make_engine(POSTGRES_URL, connect_args={"server_settings": {"search_path": schema}}) for _ in range(2)
    ]
    receiver = Receiver(new_secret()).start()
    try:
        await upgrade(engines[0])
        first, second = (make_sessionmaker(e) for e in engines)
        await add_endpoint(first, receiver)
        await add_events(first, 1000, keys=50)
        started = time.monotonic()
        healthy = (0.0, 0.5, 1.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0)
        done = lambda: len(receiver.processed) >= 1000  # noqa: E731
        await asyncio.gather(
            deliver(first, done, within_s=120, schedule=healthy, client_timeout=10),
            deliver(second, done, within_s=120, schedule=healthy, client_timeout=10),
        )
        elapsed = time.monotonic() - started
        assert await statuses(first) == {"delivered": 1000}
    finally:
        receiver.stop()
        for e in engines:
            await e.dispose()
        async with admin.begin() as conn:
            await conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        await admin.dispose()
    print(f"1000 events by two dispatchers in {elapsed:.1f} s")
    assert len(receiver.requests) == 1000 and len(set(receiver.requests)) == 1000  # no delivery twice
    assert sorted(i["data"]["n"] for i in receiver.processed) == list(range(1000))


def test_a_killed_worker_loses_nothing_after_restart(tmp_path: Path) -> None:
    receiver = Receiver(new_secret()).start()
    receiver.fault = lambda n: ("sleep", 0.2)  # slow receiver: the kill lands mid-delivery
    env = {
        **os.environ,
        "INTERVIEW_ENVIRONMENT": "test",
        "INTERVIEW_SECRET_KEY": TEST_SECRET,
        "INTERVIEW_DATA_DIR": str(tmp_path),
        "INTERVIEW_OUTBOX_LEASE_S": "1",
        "INTERVIEW_OUTBOX_BATCH": "5",
        "INTERVIEW_EGRESS_ALLOW": "127.0.0.1",  # the receiver runs on this machine
    }

    async def seed() -> None:
        engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'interview.db'}")
        await upgrade(engine)
        sessions = make_sessionmaker(engine)
        await add_endpoint(sessions, receiver)
        await add_events(sessions, 40, keys=8)
        await engine.dispose()

    asyncio.run(seed())

    def run_worker_until(count: int) -> subprocess.Popen[bytes]:
        worker = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "worker"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while len(receiver.processed) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return worker

    try:
        worker = run_worker_until(10)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        killed_at = len(receiver.processed)
        assert 0 < killed_at < 40
        receiver.fault = lambda n: None
        worker = run_worker_until(40)
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(15) == 0
    finally:
        receiver.stop()
    ns = [i["data"]["n"] for i in receiver.processed]
    assert sorted(ns) == list(range(40))
    for key in range(8):
        mine = [n for n in ns if n % 8 == key]
        assert mine == sorted(mine)
