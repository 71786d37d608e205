"""A candidate's resume for one interview: the file (sealed on disk) and the profile parsed from it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin


class Resume(IdMixin, Base):
    """One per interview (an upload replaces the last); `profile` and `filename` are sealed at rest.

    Kept per interview, not per candidate, so that it shares the interview's data key (erasure
    shreds it with the rest) and its department (only those who see the interview see the resume).
    """

    __tablename__ = "resume"

    interview_id: Mapped[str] = mapped_column(
        ForeignKey("interview.id", ondelete="CASCADE"), unique=True, index=True
    )
    filename: Mapped[str] = mapped_column(Text)  # sealed: a file name often carries the person's name
    kind: Mapped[str] = mapped_column(String(10))  # pdf | docx | text, sniffed from the bytes
    size: Mapped[int] = mapped_column(Integer)
    path: Mapped[str] = mapped_column(String(500))
    language: Mapped[str] = mapped_column(String(10))
    profile: Mapped[dict[str, Any]] = mapped_column(JSON)
    uploaded_by: Mapped[str] = mapped_column(String(254))
