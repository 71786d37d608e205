"""Slot rules across time zones and DST switches, on fixed instants (no clock, no database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from server.services.slots import SlotError, Window, free_slots, local_label, slots_of, to_utc

NY = "America/New_York"
NOW = datetime(2026, 3, 1, tzinfo=UTC)


def window(start: datetime, end: datetime, minutes: int = 30, who: str = "ann", wid: str = "w1") -> Window:
    return Window(wid, who, start, end, minutes)


def test_a_window_across_spring_forward_has_the_hours_it_really_has() -> None:
    # 00:00-04:00 New York on 2026-03-08: the clocks jump from 02:00 to 03:00, so three real hours.
    start, end = to_utc(datetime(2026, 3, 8, 0, 0), NY), to_utc(datetime(2026, 3, 8, 4, 0), NY)
    assert (start, end) == (datetime(2026, 3, 8, 5, 0, tzinfo=UTC), datetime(2026, 3, 8, 8, 0, tzinfo=UTC))
    local = [f"{s.starts_at.astimezone(ZoneInfo(NY)):%H:%M}" for s in slots_of(window(start, end))]
    assert local == ["00:00", "00:30", "01:00", "01:30", "03:00", "03:30"]


def test_the_same_wall_clock_hour_is_a_different_utc_hour_after_the_switch() -> None:
    before = to_utc(datetime(2026, 3, 7, 9, 0), NY)  # EST, UTC-5
    after = to_utc(datetime(2026, 3, 9, 9, 0), NY)  # EDT, UTC-4
    assert before.hour == 14 and after.hour == 13


def test_a_time_the_clocks_skip_is_refused_and_a_repeated_one_is_the_first() -> None:
    with pytest.raises(SlotError, match="does not exist"):
        to_utc(datetime(2026, 3, 8, 2, 30), NY)
    # 01:30 on 2026-11-01 happens twice in New York: the first (EDT, UTC-4) is taken.
    assert to_utc(datetime(2026, 11, 1, 1, 30), NY) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)
    with pytest.raises(SlotError, match="time zone"):
        to_utc(datetime(2026, 11, 1, 9, 0), "Mars/Olympus")


def test_shanghai_has_no_dst_and_is_eight_hours_ahead() -> None:
    start = to_utc(datetime(2026, 3, 8, 9, 0), "Asia/Shanghai")
    end = to_utc(datetime(2026, 3, 8, 11, 0), "Asia/Shanghai")
    slots = slots_of(window(start, end, 45))
    assert [s.starts_at.hour for s in slots] == [1, 1]  # 09:00 and 09:45 local; 10:30 would end at 11:15
    assert [s.starts_at.minute for s in slots] == [0, 45]
    assert local_label(slots[1].starts_at, "Asia/Shanghai") == "2026-03-08 09:45 (Asia/Shanghai)"
    assert local_label(slots[1].starts_at, NY) == "2026-03-07 20:45 (America/New_York)"


def test_an_offset_given_with_the_time_wins_over_the_zone() -> None:
    given = datetime(2026, 3, 8, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert to_utc(given, NY) == datetime(2026, 3, 8, 1, 0, tzinfo=UTC)


def test_free_slots_leave_out_booked_and_past_ones_and_show_a_shared_time_once() -> None:
    t = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)
    ann = window(t, t + timedelta(hours=1), who="ann", wid="a")
    bob = window(t, t + timedelta(hours=1), who="bob", wid="b")
    free = free_slots([ann, bob], [("ann", t)], NOW)
    assert [(s.interviewer_id, s.starts_at - t) for s in free] == [
        ("bob", timedelta(0)),
        ("ann", timedelta(minutes=30)),
    ]
    assert free_slots([ann], [], t + timedelta(minutes=10)) == [slots_of(ann)[1]]  # the first has begun


def test_a_window_is_checked_when_made() -> None:
    with pytest.raises(SlotError):
        window(NOW, NOW - timedelta(hours=1))
    with pytest.raises(SlotError):
        window(NOW, NOW + timedelta(hours=1), minutes=2)
