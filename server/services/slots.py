"""Pure slot rules: local wall-clock windows to UTC, and the free slots of published windows.

No I/O and the time passed in. A window is published as wall-clock times in the interviewer's time
zone; it is stored in UTC, and slots are stepped in absolute time from its start, so a window across a
DST switch has the hours it really has (00:00-04:00 in New York on the spring-forward night is three
hours: six 30-minute slots, the fifth at 03:00 local).

| local time given                    | result                                                  |
|-------------------------------------|---------------------------------------------------------|
| exists once                         | that instant                                            |
| skipped by a DST switch (02:30 NY)  | refused: it does not exist on that day                  |
| repeated by a DST switch (01:30 NY) | the first of the two (fold=0), as calendars do          |
| carries its own UTC offset          | that instant (the offset wins over the zone)            |
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class SlotError(ValueError):
    """A window or time that cannot be turned into slots (the message says why, for a person)."""


@dataclass(frozen=True)
class Window:
    """A published window, in UTC, of one interviewer."""

    availability_id: str
    interviewer_id: str
    starts_at: datetime
    ends_at: datetime
    slot_minutes: int

    def __post_init__(self) -> None:
        if self.starts_at.tzinfo is None or self.ends_at.tzinfo is None:
            raise SlotError("window times must be timezone-aware")
        if self.ends_at <= self.starts_at:
            raise SlotError("the window must end after it starts")
        if not 5 <= self.slot_minutes <= 480:
            raise SlotError("a slot lasts 5 to 480 minutes")


@dataclass(frozen=True)
class Slot:
    """A bookable interval of one window."""

    availability_id: str
    interviewer_id: str
    starts_at: datetime
    ends_at: datetime


def zone(name: str) -> ZoneInfo:
    """The IANA zone `name`, or SlotError."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise SlotError(f"{name!r} is not a time zone name (use one like Asia/Shanghai)") from exc


def to_utc(local: datetime, tz_name: str) -> datetime:
    """A wall-clock time in `tz_name` as UTC (see the module's table for DST gaps and repeats)."""
    if local.tzinfo is not None:
        return local.astimezone(UTC)
    tz = zone(tz_name)
    instant = local.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) != local:
        raise SlotError(f"{local:%Y-%m-%d %H:%M} does not exist in {tz_name} (the clocks skip it that day)")
    return instant


def slots_of(window: Window) -> list[Slot]:
    """Every slot of a window: back to back from its start, the last one ending by its end."""
    step = timedelta(minutes=window.slot_minutes)
    out: list[Slot] = []
    start = window.starts_at.astimezone(UTC)
    end = window.ends_at.astimezone(UTC)
    while start + step <= end:
        out.append(Slot(window.availability_id, window.interviewer_id, start, start + step))
        start += step
    return out


def free_slots(
    windows: Iterable[Window],
    booked: Iterable[tuple[str, datetime]],
    now: datetime,
    notice: timedelta = timedelta(0),
    limit: int = 200,
) -> list[Slot]:
    """Slots not yet booked (by interviewer and start) that start after `now + notice`, soonest first.

    When several interviewers are free at the same time, the candidate sees that time once (the first
    interviewer's slot; booking it tries no other).
    """
    taken = {(who, at.astimezone(UTC)) for who, at in booked}
    earliest = now + notice
    seen: set[datetime] = set()
    out: list[Slot] = []
    every = sorted((s for w in windows for s in slots_of(w)), key=lambda s: (s.starts_at, s.interviewer_id))
    for slot in every:
        if slot.starts_at <= earliest or (slot.interviewer_id, slot.starts_at) in taken:
            continue
        if slot.starts_at in seen:
            continue
        seen.add(slot.starts_at)
        out.append(slot)
        if len(out) >= limit:
            break
    return out


def find_slot(window: Window, starts_at: datetime) -> Slot | None:
    """The window's slot starting at `starts_at`, if it has one."""
    at = starts_at.astimezone(UTC)
    return next((s for s in slots_of(window) if s.starts_at == at), None)


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Whether two half-open intervals overlap."""
    return a_start < b_end and b_start < a_end


def local_label(t: datetime, tz_name: str) -> str:
    """`2026-03-08 03:00 (America/New_York)`: how a time is written in a message."""
    try:
        tz = zone(tz_name)
    except SlotError:
        tz, tz_name = ZoneInfo("UTC"), "UTC"
    return f"{t.astimezone(tz):%Y-%m-%d %H:%M} ({tz_name})"
