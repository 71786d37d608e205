"""Candidate messages, invitations, invite policies and message templates in SQL.

The worker's claim locks rows: `SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL, one atomic UPDATE
that sets a claim token on SQLite. Several workers (server instances, `interview worker`) can run
against one database; a crashed worker's claim expires with its lease.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from server.db.base import new_id, utcnow
from server.db.models import CandidateMessage, Invitation, InvitePolicy, MessageTemplate


async def add(session: AsyncSession, message: CandidateMessage) -> CandidateMessage:
    """Queue a message in the caller's transaction."""
    session.add(message)
    await session.flush()
    return message


async def get(session: AsyncSession, message_id: str) -> CandidateMessage | None:
    """One message."""
    return await session.get(CandidateMessage, message_id)


def _due(now: datetime, limit: int) -> Any:
    return (
        select(CandidateMessage.id)
        .where(
            CandidateMessage.status == "pending",
            CandidateMessage.due_at <= now,
            or_(CandidateMessage.locked_until.is_(None), CandidateMessage.locked_until < now),
        )
        .order_by(CandidateMessage.due_at)
        .limit(limit)
    )


async def claim(
    sessions: async_sessionmaker[AsyncSession], now: datetime, limit: int, lease_s: float
) -> list[str]:
    """Lease up to `limit` due messages for this worker; their ids."""
    token = new_id()
    lease = now + timedelta(seconds=lease_s)
    async with sessions.begin() as session:
        if session.get_bind().dialect.name == "postgresql":
            ids = list((await session.execute(_due(now, limit).with_for_update(skip_locked=True))).scalars())
            if ids:
                await session.execute(
                    update(CandidateMessage)
                    .where(CandidateMessage.id.in_(ids))
                    .values(claim=token, locked_until=lease)
                )
        else:  # SQLite: one writer at a time, so the UPDATE … WHERE re-check is the lock
            await session.execute(
                update(CandidateMessage)
                .where(
                    CandidateMessage.id.in_(_due(now, limit).scalar_subquery()),
                    or_(CandidateMessage.locked_until.is_(None), CandidateMessage.locked_until < now),
                )
                .values(claim=token, locked_until=lease)
            )
        rows = await session.execute(
            select(CandidateMessage.id).where(
                CandidateMessage.claim == token, CandidateMessage.status == "pending"
            )
        )
        return list(rows.scalars())


async def finish(session: AsyncSession, message: CandidateMessage, status: str, error: str | None) -> None:
    """Record a final outcome (sent, bounced, failed, skipped) and release the claim."""
    message.status, message.last_error = status, (error or None) and error[:500]
    message.claim, message.locked_until = None, None
    if status in ("sent", "bounced", "failed"):
        message.attempts += 1
    if status == "sent":
        message.sent_at = utcnow()
    if message.kind == "staff":  # a password link is a credential: it leaves the outbox with the e-mail
        message.params = {}
    await session.flush()


async def retry(session: AsyncSession, message: CandidateMessage, at: datetime, error: str) -> None:
    """Count a failed attempt; due again at `at`."""
    message.attempts += 1
    message.due_at, message.last_error = at, error[:500]
    message.claim, message.locked_until = None, None
    await session.flush()


async def bounced(session: AsyncSession, invitation_id: str) -> bool:
    """Whether a message of this invitation bounced (its reminders would bounce too)."""
    rows = await session.execute(
        select(CandidateMessage.id)
        .where(CandidateMessage.invitation_id == invitation_id, CandidateMessage.status == "bounced")
        .limit(1)
    )
    return rows.first() is not None


async def next_step_sent(session: AsyncSession, interview_id: str) -> bool:
    """Whether the decision's next step (next round, rejection) has reached the candidate."""
    rows = await session.execute(
        select(CandidateMessage.id)
        .where(
            CandidateMessage.interview_id == interview_id,
            CandidateMessage.kind == "next_step",
            CandidateMessage.status == "sent",
        )
        .limit(1)
    )
    return rows.first() is not None


async def of_interview(session: AsyncSession, interview_id: str) -> Sequence[CandidateMessage]:
    """An interview's messages, oldest first."""
    rows = await session.execute(
        select(CandidateMessage)
        .where(CandidateMessage.interview_id == interview_id)
        .order_by(CandidateMessage.due_at, CandidateMessage.created_at)
    )
    return rows.scalars().all()


async def cancel_pending(session: AsyncSession, interview_id: str, reason: str) -> None:
    """Stop every message not yet sent for this interview (a new link, a cancellation)."""
    await session.execute(
        update(CandidateMessage)
        .where(
            CandidateMessage.interview_id == interview_id,
            CandidateMessage.status.in_(("pending", "draft")),
            CandidateMessage.kind.in_(("invitation", "reminder")),
        )
        .values(status="cancelled", last_error=reason, claim=None, locked_until=None)
    )


async def active_invitation(session: AsyncSession, interview_id: str) -> Invitation | None:
    """The interview's current invitation."""
    rows = await session.execute(
        select(Invitation)
        .where(Invitation.interview_id == interview_id)
        .order_by(Invitation.created_at.desc())
        .limit(1)
    )
    return rows.scalars().first()


async def add_invitation(session: AsyncSession, invitation: Invitation) -> Invitation:
    """Insert an invitation."""
    session.add(invitation)
    await session.flush()
    return invitation


async def policy(session: AsyncSession, job_id: str) -> InvitePolicy | None:
    """A job's invite policy, if set."""
    return await session.get(InvitePolicy, job_id)


async def save_policy(session: AsyncSession, row: InvitePolicy) -> InvitePolicy:
    """Insert or update a job's invite policy."""
    merged = await session.merge(row)
    await session.flush()
    return merged


async def template(session: AsyncSession, name: str, language: str) -> MessageTemplate | None:
    """An admin's wording of a template."""
    rows = await session.execute(
        select(MessageTemplate).where(MessageTemplate.name == name, MessageTemplate.language == language)
    )
    return rows.scalars().first()


async def templates(session: AsyncSession) -> Sequence[MessageTemplate]:
    """Every edited template."""
    return (await session.execute(select(MessageTemplate))).scalars().all()


async def delete_template(session: AsyncSession, row: MessageTemplate) -> None:
    """Drop an admin's wording (the built-in one is used again)."""
    await session.delete(row)
    await session.flush()


async def save_template(session: AsyncSession, row: MessageTemplate) -> None:
    """Insert an edited template (or flush changes to one)."""
    session.add(row)
    await session.flush()
