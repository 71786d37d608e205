"""Invitations sent to candidates, the candidate-message outbox, per-job invite policy, and templates.

Candidate messages are an outbox of their own: written in the transaction that causes them (an
invitation, its reminders, a next-step letter), delivered by `server/services/message_worker.py` with
retries, and shown to HR with their outcome (sent, bounced, failed). Reminders are rows due in the
future, so the worker is the scheduler and a reminder is checked against the invitation when it is
due (none after completion, cancellation, withdrawal or unsubscribe).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin, utcnow

MESSAGE_STATUSES = ("draft", "pending", "sent", "bounced", "failed", "cancelled", "skipped")
CHANNELS = ("email", "dingtalk", "wecom", "sms")


class InvitePolicy(Base):
    """A job's invitation rules: deadline window, reminders, retakes, self-service reissue."""

    __tablename__ = "invite_policy"

    job_id: Mapped[str] = mapped_column(ForeignKey("job.id", ondelete="CASCADE"), primary_key=True)
    window_hours: Mapped[float] = mapped_column(Float, default=72.0)
    reminder_hours: Mapped[list[float]] = mapped_column(JSON, default=lambda: [24.0, 2.0])
    retakes: Mapped[int] = mapped_column(Integer, default=0)
    auto_reissue: Mapped[bool] = mapped_column(Boolean, default=False)
    auto_next_step: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Invitation(IdMixin, Base):
    """One sending of an interview's link to the candidate; a reissue replaces it with a new one."""

    __tablename__ = "invitation"

    interview_id: Mapped[str] = mapped_column(ForeignKey("interview.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    recipient: Mapped[str] = mapped_column(String(254))  # personal data: erased with the interview
    language: Mapped[str] = mapped_column(String(10))
    deadline_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    slot_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    scheduling: Mapped[str] = mapped_column(String(10), default="deadline")  # deadline, slot (picked)
    status: Mapped[str] = mapped_column(String(20), default="active")  # active, replaced, cancelled
    unsubscribed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    link_requested_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(254))


class CandidateMessage(IdMixin, Base):
    """One message to one recipient; its id is the idempotency key (Message-ID, Idempotency-Key)."""

    __tablename__ = "candidate_message"

    interview_id: Mapped[str | None] = mapped_column(
        ForeignKey("interview.id", ondelete="CASCADE"), index=True
    )
    invitation_id: Mapped[str | None] = mapped_column(
        ForeignKey("invitation.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # invitation, reminder, next_step, staff
    channel: Mapped[str] = mapped_column(String(20))
    recipient: Mapped[str] = mapped_column(String(254))
    template: Mapped[str] = mapped_column(String(60))
    language: Mapped[str] = mapped_column(String(10))
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claim: Mapped[str | None] = mapped_column(String(32))
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(String(500))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    approved_by: Mapped[str | None] = mapped_column(String(254))


class MessageTemplate(IdMixin, Base):
    """An admin's wording of a built-in template in one language (overrides the default)."""

    __tablename__ = "message_template"
    __table_args__ = (UniqueConstraint("name", "language"),)

    name: Mapped[str] = mapped_column(String(60))
    language: Mapped[str] = mapped_column(String(10))
    subject: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[str] = mapped_column(String(254))
