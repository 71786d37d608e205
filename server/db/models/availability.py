"""Interviewers' published availability and the interview slots booked from it.

A window is stored in UTC with the time-zone name it was published in (so slots and messages can be
written in the interviewer's local time). A booked slot is a row of its own: `UNIQUE(interviewer_id,
starts_at)` is what makes booking atomic, so two candidates racing for one slot cannot both win, and
`UNIQUE(interview_id)` keeps one slot per interview. A reschedule updates the row (same ICS UID, the
sequence bumped); a cancellation deletes it, which frees the slot.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin


class Availability(IdMixin, Base):
    """One window in which an interviewer takes interviews of `slot_minutes` each."""

    __tablename__ = "availability"

    interviewer_id: Mapped[str] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    department: Mapped[str | None] = mapped_column(String(100))  # the interviewer's, when published
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ends_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    timezone: Mapped[str] = mapped_column(String(64))
    slot_minutes: Mapped[int] = mapped_column(Integer)


class SlotBooking(IdMixin, Base):
    """A slot taken by an interview; its id is the ICS UID, `sequence` counts the changes sent."""

    __tablename__ = "slot_booking"
    __table_args__ = (UniqueConstraint("interviewer_id", "starts_at"),)

    interview_id: Mapped[str] = mapped_column(
        ForeignKey("interview.id", ondelete="CASCADE"), unique=True, index=True
    )
    availability_id: Mapped[str] = mapped_column(
        ForeignKey("availability.id", ondelete="CASCADE"), index=True
    )
    interviewer_id: Mapped[str] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ends_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    candidate_timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    reschedules: Mapped[int] = mapped_column(Integer, default=0)
