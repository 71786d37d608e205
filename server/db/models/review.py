"""Human review of an interview: decisions on the AI's scores, and interviewers' time-stamped notes.

The AI's scores stay as given (`answer_score`); each decision is a new row beside them, so the history
of who decided what, and what the AI had said, is never overwritten.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin, utcnow

REVIEW_STATUSES = ("pending_review", "next_round", "rejected", "on_hold")


class ReviewDecision(IdMixin, Base):
    """One reviewer's verdict on one competency (or, with `competency` None, on the whole interview)."""

    __tablename__ = "review_decision"

    interview_id: Mapped[str] = mapped_column(ForeignKey("interview.id", ondelete="CASCADE"), index=True)
    actor: Mapped[str] = mapped_column(String(254))
    competency: Mapped[str | None] = mapped_column(String(100))
    ai_score: Mapped[float | None] = mapped_column(Float)
    human_score: Mapped[int | None] = mapped_column(Integer)
    ai_recommendation: Mapped[str | None] = mapped_column(String(20))
    recommendation: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str | None] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text)


class InterviewNote(IdMixin, Base):
    """A private note typed by an interviewer, at a time on the interview's media clock."""

    __tablename__ = "interview_note"

    interview_id: Mapped[str] = mapped_column(ForeignKey("interview.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(254))
    t_s: Mapped[float | None] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text)


class FeedbackLetter(IdMixin, Base):
    """A letter to the candidate drafted from the evidence; HR edits it and approves it to send."""

    __tablename__ = "feedback_letter"

    interview_id: Mapped[str] = mapped_column(
        ForeignKey("interview.id", ondelete="CASCADE"), index=True, unique=True
    )
    language: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft, approved
    drafted_by: Mapped[str] = mapped_column(String(254))
    approved_by: Mapped[str | None] = mapped_column(String(254))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ScoreMark(IdMixin, Base):
    """A reviewer's mark on one AI answer score: reasonable or not, and why (one per reviewer, changeable).

    It is a judgement of the AI, kept beside its score; the dashboard reports the share marked not
    reasonable per competency. It changes no score and no decision.
    """

    __tablename__ = "score_mark"
    __table_args__ = (UniqueConstraint("answer_score_id", "reviewer"),)

    answer_score_id: Mapped[str] = mapped_column(
        ForeignKey("answer_score.id", ondelete="CASCADE"), index=True
    )
    interview_id: Mapped[str] = mapped_column(ForeignKey("interview.id", ondelete="CASCADE"), index=True)
    reviewer: Mapped[str] = mapped_column(String(254))
    reasonable: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(String(500), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
