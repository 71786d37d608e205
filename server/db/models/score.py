"""The AI's score of one answer, kept as given (human decisions are stored beside it, never over it)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin


class AnswerScoreRow(IdMixin, Base):
    """Final score of the answer to one question: overall, criteria, STAR parts and evidence (JSON)."""

    __tablename__ = "answer_score"

    interview_id: Mapped[str] = mapped_column(ForeignKey("interview.id", ondelete="CASCADE"), index=True)
    question_index: Mapped[int] = mapped_column(Integer)
    competency: Mapped[str | None] = mapped_column(String(100))
    score: Mapped[int] = mapped_column(Integer)
    score_exact: Mapped[float] = mapped_column(Float)
    confidence: Mapped[float] = mapped_column(Float)
    scorer: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
