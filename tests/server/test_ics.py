"""The calendar files, parsed by an independent reader (icalendar): UTC times, UID, SEQUENCE, CANCEL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar

from server.services.ics import Event, Person, calendar, fold

START = datetime(2026, 3, 8, 8, 0, tzinfo=UTC)


def event(sequence: int = 0, summary: str = "Backend engineer: Li Wei / Ann") -> Event:
    return Event(
        uid="abc123@example.test",
        sequence=sequence,
        starts_at=START,
        ends_at=START + timedelta(minutes=30),
        summary=summary,
        description="Line one,\nline two; with \\ backslash",
        organizer=Person("jobs@example.test", "Interviews, Inc."),
        attendees=(Person("li.wei@example.test", "李伟"), Person("ann@example.test", "Ann")),
    )


def parse(text: str) -> icalendar.Calendar:
    cal = icalendar.Calendar.from_ical(text)
    assert isinstance(cal, icalendar.Calendar)
    return cal


def test_a_request_parses_with_its_utc_times_and_people() -> None:
    text = calendar("REQUEST", event(), START - timedelta(days=1))
    cal = parse(text)
    assert cal["METHOD"] == "REQUEST"
    (vevent,) = cal.walk("VEVENT")
    assert vevent["UID"] == "abc123@example.test"
    assert vevent.decoded("DTSTART") == START
    assert vevent.decoded("DTEND") == START + timedelta(minutes=30)
    assert vevent.decoded("DTSTAMP") == START - timedelta(days=1)
    assert int(vevent["SEQUENCE"]) == 0
    assert str(vevent["DESCRIPTION"]) == "Line one,\nline two; with \\ backslash"
    assert str(vevent["ORGANIZER"]) == "mailto:jobs@example.test"
    assert vevent["ORGANIZER"].params["CN"] == "Interviews, Inc."
    attendees = [str(a) for a in vevent["ATTENDEE"]]
    assert attendees == ["mailto:li.wei@example.test", "mailto:ann@example.test"]
    assert all(line.endswith("\r") or line == "" for line in text.split("\n"))  # CRLF throughout


def test_a_cancel_matches_the_request_by_uid_with_a_higher_sequence() -> None:
    request = parse(calendar("REQUEST", event(1), START)).walk("VEVENT")[0]
    cancel_cal = parse(calendar("CANCEL", event(2), START))
    cancel = cancel_cal.walk("VEVENT")[0]
    assert cancel_cal["METHOD"] == "CANCEL"
    assert cancel["UID"] == request["UID"]
    assert int(cancel["SEQUENCE"]) == int(request["SEQUENCE"]) + 1
    assert cancel["STATUS"] == "CANCELLED"


def test_long_lines_fold_at_75_octets_without_splitting_a_character() -> None:
    summary = "面试" * 60  # 360 octets of UTF-8
    text = calendar("REQUEST", event(summary=summary), START)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert str(parse(text).walk("VEVENT")[0]["SUMMARY"]) == summary
    assert fold("x" * 75) == "x" * 75 and fold("x" * 76) == "x" * 75 + "\r\n x"
