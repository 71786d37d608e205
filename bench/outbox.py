"""Outbox throughput and latency: events/s delivered to a local Standard Webhooks receiver, and the time
from commit to delivery (p50/p95) while events trickle in, on SQLite or PostgreSQL.

Run: .venv/bin/python -m bench.outbox [--events 1000] [--database-url postgresql+asyncpg://...]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import text

from ehr_sync.signing import new_secret
from server.crypto import SecretBox
from server.db.engine import make_engine, make_sessionmaker
from server.db.migrate import upgrade
from server.db.models import Endpoint
from server.db.repositories.outbox import enqueue
from server.services.outbox import run_dispatcher
from tests.ehr_sync.receiver import Receiver

KEY = "bench-secret-" + "x" * 40


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def main(events: int, url: str | None) -> None:
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as tmp:
        if url:  # a fresh schema, dropped afterwards
            admin = make_engine(url)
            async with admin.begin() as conn:
                await conn.execute(text(f"CREATE SCHEMA {schema}"))
            engine = make_engine(url, connect_args={"server_settings": {"search_path": schema}})
        else:
            engine = make_engine(f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}")
        await upgrade(engine)
        sessions = make_sessionmaker(engine)
        receiver = Receiver(new_secret()).start()
        async with sessions.begin() as s:
            s.add(
                Endpoint(
                    name="bench",
                    kind="webhook",
                    url=receiver.url,
                    secret_encrypted=SecretBox(KEY).seal(receiver.secret),
                )
            )
        # Backlog: how fast a queue drains.
        async with sessions.begin() as s:
            for i in range(events):
                await enqueue(s, "report.ready", f"interview-{i % 100}", {"n": i, "committed": time.time()})
        stop = asyncio.Event()
        task = asyncio.create_task(run_dispatcher(sessions, KEY, stop, lease_s=30, batch=100))
        started = time.monotonic()
        while len(receiver.processed) < events:  # noqa: ASYNC110 - the receiver is another thread
            await asyncio.sleep(0.01)
        drain = time.monotonic() - started
        # Trickle: latency from commit to delivery when the system is healthy and idle-ish.
        committed: dict[int, float] = {}
        for i in range(events, events + 200):
            async with sessions.begin() as s:
                await enqueue(s, "report.ready", f"interview-{i % 100}", {"n": i})
            committed[i] = time.time()
            await asyncio.sleep(0.02)
        while len(receiver.processed) < events + 200:  # noqa: ASYNC110 - the receiver is another thread
            await asyncio.sleep(0.01)
        stop.set()
        await task
        receiver.stop()
        await engine.dispose()
        if url:
            async with admin.begin() as conn:
                await conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            await admin.dispose()
    arrivals = {item["data"]["n"]: item["received_at"] for item in receiver.processed}
    latencies = [arrivals[i] - committed[i] for i in committed]
    print(
        f"database {'postgresql' if url else 'sqlite'}: {events} events drained in {drain:.2f} s "
        f"= {events / drain:.0f} events/s; commit-to-delivery p50 {pct(latencies, 0.5) * 1000:.0f} ms "
        f"p95 {pct(latencies, 0.95) * 1000:.0f} ms (200 events, 50/s)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    asyncio.run(main(args.events, args.database_url))
