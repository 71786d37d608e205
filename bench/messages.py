"""Candidate-message throughput: invitations (each with two reminders) queued, then sent through a real
local SMTP server (aiosmtpd) by one or two workers, on SQLite or PostgreSQL. Prints messages/s.

Run: .venv/bin/python -m bench.messages [--invitations 200] [--workers 2] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import text

from ehr_sync.messaging.smtp import SmtpChannel, SmtpConfig
from server.db.engine import make_engine, make_sessionmaker
from server.db.migrate import upgrade
from server.db.models import Candidate, Interview, Job
from server.schemas import InvitationIn
from server.security import Signer
from server.services import invitations
from server.services.accounts import create_user
from server.services.invites import new_invite_nonce
from server.services.message_worker import MessageWorker
from server.settings import Settings
from tests.server.smtp_server import SmtpServer

KEY = "bench-secret-" + "x" * 40


async def main(count: int, workers: int, url: str | None) -> None:
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as tmp, SmtpServer() as smtp:
        if url:
            admin = make_engine(url)
            async with admin.begin() as conn:
                await conn.execute(text(f"CREATE SCHEMA {schema}"))
            engine = make_engine(url, connect_args={"server_settings": {"search_path": schema}})
        else:
            engine = make_engine(f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}")
        try:
            await upgrade(engine)
            sessions = make_sessionmaker(engine)
            settings = Settings(environment="test", secret_key=KEY)
            async with sessions.begin() as s:
                hr = await create_user(s, "hr@example.test", "HR", "hr", "a-long-password-1")
                job = Job(title="Bench job", language="en")
                s.add(job)
                await s.flush()
                for n in range(count):
                    person = Candidate(name=f"Candidate {n}", email=f"c{n}@example.test")
                    s.add(person)
                    await s.flush()
                    s.add(Interview(job_id=job.id, candidate_id=person.id, invite_nonce=new_invite_nonce()))
            async with sessions() as s:
                ids = list((await s.execute(text("SELECT id FROM interview"))).scalars())
            started = time.perf_counter()
            async with sessions.begin() as s:
                for iid in ids:
                    await invitations.send(s, hr, iid, InvitationIn(reminder_hours=[]), settings)
            queued = time.perf_counter() - started
            channel = SmtpChannel(SmtpConfig("127.0.0.1", smtp.port, "none", "bench@example.test"))
            signer = Signer(KEY, 3600, 3600)
            pool = [
                MessageWorker(sessions, {"email": channel}, signer, "https://x.test") for _ in range(workers)
            ]

            async def drain(worker: MessageWorker) -> None:
                handled = 1
                while handled:
                    handled = await worker.run_once()

            started = time.perf_counter()
            await asyncio.gather(*(drain(w) for w in pool))
            took = time.perf_counter() - started
            got = len(smtp.mailbox.messages)
            print(f"database: {'postgresql' if url else 'sqlite'}, workers: {workers}")
            print(f"queued {count} invitations in {queued:.2f} s ({count / queued:.0f}/s)")
            print(f"sent {got} e-mails through aiosmtpd in {took:.2f} s ({got / took:.1f}/s)")
            assert got == count, f"{got} of {count} arrived (duplicates or losses)"
        finally:
            await engine.dispose()
            if url:
                async with admin.begin() as conn:
                    await conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
                await admin.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--invitations", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    asyncio.run(main(args.invitations, args.workers, args.database_url))
