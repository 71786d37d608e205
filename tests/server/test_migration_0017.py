"""Migration 0017 (availability, slot bookings, the invitation's scheduling mode) down and up again, on
SQLite and PostgreSQL: the tables and column go and come back, and existing invitations read "deadline"."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from server.db.engine import make_sessionmaker
from server.db.migrate import alembic_config, upgrade
from server.db.models import Candidate, Interview, Job
from server.services.invites import new_invite_nonce


def shape(conn: Connection) -> tuple[set[str], set[str]]:
    found = inspect(conn)
    return set(found.get_table_names()), {c["name"] for c in found.get_columns("invitation")}


async def test_0017_downgrades_and_upgrades(engine: AsyncEngine) -> None:
    async with make_sessionmaker(engine).begin() as s:  # made at head: the models follow later migrations
        job, person = Job(title="Job", language="en"), Candidate(name="Li Wei", email="li@example.test")
        s.add_all([job, person])
        await s.flush()
        interview = Interview(job_id=job.id, candidate_id=person.id, invite_nonce=new_invite_nonce())
        s.add(interview)
        await s.flush()
        interview_id = interview.id
    async with engine.connect() as conn:
        tables, columns = await conn.run_sync(shape)
    assert {"availability", "slot_booking"} <= tables and "scheduling" in columns

    async with engine.begin() as conn:
        await conn.run_sync(lambda c: command.downgrade(alembic_config(c), "0016"))
    async with engine.connect() as conn:
        tables, columns = await conn.run_sync(shape)
        version = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar_one()
    assert not {"availability", "slot_booking"} & tables and "scheduling" not in columns
    assert version == "0016"

    async with engine.begin() as conn:  # an invitation sent before the upgrade
        await conn.execute(
            text(
                "INSERT INTO invitation (id, created_at, interview_id, channel, recipient, language, status,"
                " created_by) VALUES ('inv1', CURRENT_TIMESTAMP, :iid, 'email', 'li@example.test', 'en',"
                " 'active', 'hr@example.test')"
            ),
            {"iid": interview_id},
        )
    await upgrade(engine)
    async with engine.connect() as conn:
        tables, columns = await conn.run_sync(shape)
    assert {"availability", "slot_booking"} <= tables and "scheduling" in columns
    async with engine.connect() as conn:
        mode = (await conn.execute(text("SELECT scheduling FROM invitation WHERE id = 'inv1'"))).scalar_one()
    assert mode == "deadline"
