"""Interviewers' availability, the slots a candidate may pick, and a booked slot."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class AvailabilityIn(BaseModel):
    """A window the interviewer takes interviews in.

    `starts_at`/`ends_at` are wall-clock times in `timezone` (`2026-03-08T09:00`), or carry their own
    UTC offset. The window is cut into back-to-back slots of `slot_minutes`.
    """

    model_config = ConfigDict(extra="forbid")

    starts_at: datetime
    ends_at: datetime
    timezone: str = Field(min_length=1, max_length=64)
    slot_minutes: int = Field(ge=5, le=480)


class AvailabilityOut(BaseModel):
    """A published window (times in UTC) and how many of its slots are booked."""

    id: str
    interviewer: str
    interviewer_name: str
    department: str | None
    starts_at: datetime
    ends_at: datetime
    timezone: str
    slot_minutes: int
    booked: int


class SlotOut(BaseModel):
    """A free slot (UTC); the page shows it in the reader's own time zone."""

    availability_id: str
    starts_at: datetime
    ends_at: datetime


class SlotsOut(BaseModel):
    """The free slots, and the one booked now (if any)."""

    slots: list[SlotOut]
    booked: BookingOut | None


class BookingIn(BaseModel):
    """Pick (or move to) a slot; `timezone` is the candidate's, for how times are written to them."""

    model_config = ConfigDict(extra="forbid")

    availability_id: str = Field(min_length=1, max_length=32)
    starts_at: datetime
    timezone: str | None = Field(default=None, max_length=64)


class BookingOut(BaseModel):
    """A booked slot."""

    starts_at: datetime
    ends_at: datetime
    interviewer_name: str
    sequence: int
    reschedules_left: int


SlotsOut.model_rebuild()
