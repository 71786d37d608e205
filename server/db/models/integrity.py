"""Integrity flags on an interview's timeline: signals for a human to look at, never verdicts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin

FLAG_KINDS = ("tab_hidden", "reconnected", "no_face", "multiple_faces", "looking_away")


class IntegrityFlag(IdMixin, Base):
    """Something a reviewer may want to check, from `t_start` to `t_end` on the media clock."""

    __tablename__ = "integrity_flag"

    interview_id: Mapped[str] = mapped_column(ForeignKey("interview.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    t_start: Mapped[float] = mapped_column(Float)
    t_end: Mapped[float | None] = mapped_column(Float)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
