"""An interview of one candidate for one job, and the candidate's consent to it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin

STATUSES = ("scheduled", "live", "interrupted", "finished", "cancelled")


class Interview(IdMixin, Base):
    """Status, the question being asked, and the nonce that binds the current invite link."""

    __tablename__ = "interview"

    job_id: Mapped[str] = mapped_column(ForeignKey("job.id"), index=True)
    candidate_id: Mapped[str] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="scheduled")
    invite_nonce: Mapped[str] = mapped_column(String(64))
    question_index: Mapped[int] = mapped_column(Integer, default=-1)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    review_status: Mapped[str] = mapped_column(String(20), default="pending_review")
    # A legal hold keeps everything about the interview past its retention (the purge skips it).
    legal_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    legal_hold_reason: Mapped[str | None] = mapped_column(String(300))
    # The competency weights this interview's overall score was computed with, frozen when an admin
    # changes the job's weights (None: the job's current weights apply).
    scoring_weights: Mapped[dict[str, float] | None] = mapped_column(JSON)
    # The candidate's steps before the call, for the drop-out report: the link (or status page) first
    # opened, and the device check's first pass and latest failure (camera, microphone, network).
    opened_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    device_check_passed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    device_check_failed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Consent(IdMixin, Base):
    """What the candidate agreed to, scope by scope, with the notice (text and version) they read.

    `recording` is required to take part; `ai_evaluation` False means a human-only evaluation;
    `presence_checks` False means no video presence flags. A withdrawal is kept as its time.
    """

    __tablename__ = "consent"

    interview_id: Mapped[str] = mapped_column(ForeignKey("interview.id", ondelete="CASCADE"), index=True)
    version: Mapped[str] = mapped_column(String(40))
    language: Mapped[str | None] = mapped_column(String(10))
    jurisdiction: Mapped[str | None] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    recording: Mapped[bool] = mapped_column()
    ai_evaluation: Mapped[bool] = mapped_column()
    presence_checks: Mapped[bool] = mapped_column(Boolean, default=False)
    user_agent: Mapped[str | None] = mapped_column(String(400))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
