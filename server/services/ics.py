"""A small RFC 5545 writer for one interview's calendar invitation (REQUEST) or cancellation (CANCEL).

Calendars match an update to the event by UID and take the one with the highest SEQUENCE, so a
reschedule sends the same UID with SEQUENCE+1 and a cancellation sends METHOD:CANCEL with the UID and
SEQUENCE+1 of the last request. Times are written in UTC (`...Z`), which every client converts to the
reader's own zone. Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character);
text values escape backslash, semicolon, comma and newlines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

PRODID = "-//interview-server//scheduling//EN"
MAX_OCTETS = 75


@dataclass(frozen=True)
class Person:
    """An organizer or attendee: an e-mail address and a display name."""

    email: str
    name: str = ""


@dataclass(frozen=True)
class Event:
    """What the calendar entry says."""

    uid: str
    sequence: int
    starts_at: datetime
    ends_at: datetime
    summary: str
    description: str
    organizer: Person
    attendees: tuple[Person, ...]

    def __post_init__(self) -> None:
        if self.starts_at.tzinfo is None or self.ends_at.tzinfo is None:
            raise ValueError("event times must be timezone-aware")
        if self.ends_at <= self.starts_at:
            raise ValueError("an event must end after it starts")


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into 75-octet pieces, continued with CRLF and a space (RFC 5545 3.1)."""
    pieces: list[str] = []
    current, size, limit = "", 0, MAX_OCTETS
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            pieces.append(current)
            current, size, limit = "", 0, MAX_OCTETS - 1  # the leading space counts
        current += ch
        size += n
    pieces.append(current)
    return "\r\n ".join(pieces)


def _utc(t: datetime) -> str:
    return t.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _param(value: str) -> str:
    """A parameter value: quoted when it holds , ; or : (quotes themselves are not allowed)."""
    value = value.replace('"', "'").replace("\r", " ").replace("\n", " ")
    return f'"{value}"' if any(c in value for c in ",;:") else value


def _person(prop: str, who: Person, extra: str = "") -> str:
    name = f";CN={_param(who.name)}" if who.name else ""
    return f"{prop}{name}{extra}:mailto:{who.email}"


def calendar(method: Literal["REQUEST", "CANCEL"], event: Event, stamp: datetime) -> str:
    """The whole VCALENDAR text, CRLF-terminated."""
    status = "CANCELLED" if method == "CANCEL" else "CONFIRMED"
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"SEQUENCE:{event.sequence}",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(event.starts_at)}",
        f"DTEND:{_utc(event.ends_at)}",
        f"SUMMARY:{escape(event.summary)}",
        f"DESCRIPTION:{escape(event.description)}",
        f"STATUS:{status}",
        _person("ORGANIZER", event.organizer),
        *(
            _person("ATTENDEE", a, ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE")
            for a in event.attendees
        ),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)
