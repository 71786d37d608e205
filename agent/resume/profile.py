"""The structured profile: education, experience with dates, skills, achievements, each with its source.

Every item keeps the page and line it came from so a reviewer can check it against the file. Dates are
months (`YearMonth`); an open end ("present", "至今") is `None` in `end` with `current` set. There is no
field for age, birth date, gender, marital status or a photo: the parser drops those lines before it
reads anything (`agent/resume/guard.py`), and the types have nowhere to put them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, order=True)
class YearMonth:
    """A month; `month` is None when the resume gives only the year."""

    year: int
    month: int | None = None

    def __post_init__(self) -> None:
        if not 1900 <= self.year <= 2200 or (self.month is not None and not 1 <= self.month <= 12):
            raise ValueError(f"not a date: {self.year}-{self.month}")

    @property
    def index(self) -> int:
        """Months since year 0 (a year alone counts as its January), for gap arithmetic."""
        return self.year * 12 + (self.month or 1) - 1

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}" if self.month else str(self.year)


@dataclass(frozen=True)
class Source:
    """Where an item was read: 1-based page and line (the line in reading order on that page)."""

    page: int
    line: int


@dataclass(frozen=True)
class Education:
    """A degree or course of study."""

    school: str
    degree: str | None
    field: str | None
    start: YearMonth | None
    end: YearMonth | None
    current: bool
    source: Source


@dataclass(frozen=True)
class Experience:
    """A job: where, as what, when, and the claims made about it (bullets, with their lines)."""

    organisation: str | None
    title: str | None
    start: YearMonth | None
    end: YearMonth | None
    current: bool
    source: Source
    highlights: tuple[tuple[str, Source], ...] = ()


@dataclass(frozen=True)
class Item:
    """A skill or an achievement: its text and where it was read."""

    text: str
    source: Source


@dataclass(frozen=True)
class Flag:
    """A gap between jobs or an overlap of two, in months, naming the entries by index."""

    kind: str  # "gap" | "overlap"
    months: int
    between: tuple[int, int]
    start: str
    end: str


@dataclass(frozen=True)
class Profile:
    """What the resume says, structured; `to_dict` is what is stored and shown."""

    language: str
    education: tuple[Education, ...] = ()
    experience: tuple[Experience, ...] = ()
    skills: tuple[Item, ...] = ()
    achievements: tuple[Item, ...] = ()
    flags: tuple[Flag, ...] = ()
    pages: int = 1
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: dates as "YYYY-MM" (or "YYYY"), sources as {"page", "line"}."""
        data: dict[str, Any] = asdict(self)
        for group in ("education", "experience"):
            for raw, item in zip(data[group], getattr(self, group), strict=True):
                raw["start"] = str(item.start) if item.start else None
                raw["end"] = str(item.end) if item.end else None
        for raw in data["experience"]:
            raw["highlights"] = [{"text": t, "source": s} for t, s in raw["highlights"]]
        for raw in data["flags"]:
            raw["between"] = list(raw["between"])
        return data
