"""What was said in an interview, by whom, and when on the call's audio clock."""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin


class Utterance(IdMixin, Base):
    """One transcribed segment (candidate) or one spoken question (agent)."""

    __tablename__ = "utterance"

    interview_id: Mapped[str] = mapped_column(ForeignKey("interview.id", ondelete="CASCADE"), index=True)
    speaker: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    start_s: Mapped[float] = mapped_column(Float)
    end_s: Mapped[float] = mapped_column(Float)
    question_index: Mapped[int | None] = mapped_column(Integer)
