"""What the interview modules leave behind: coding runs, module results, the candidate's survey answer."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin


class CodeRun(IdMixin, Base):
    """One run of the candidate's code in the sandbox: the code, when on the call, and what it did."""

    __tablename__ = "code_run"

    interview_id: Mapped[str] = mapped_column(ForeignKey("interview.id", ondelete="CASCADE"), index=True)
    question_index: Mapped[int] = mapped_column(Integer)
    t: Mapped[float | None] = mapped_column(Float)  # the call's media clock, when the call was live here
    code: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    submitted: Mapped[bool] = mapped_column(Boolean, default=False)  # the candidate's final answer
    result: Mapped[dict[str, Any]] = mapped_column(JSON)  # tests, output, reason, duration


class ModuleResult(IdMixin, Base):
    """A module's figures, reported apart from the competency scores (the spoken-English check)."""

    __tablename__ = "module_result"

    interview_id: Mapped[str] = mapped_column(ForeignKey("interview.id", ondelete="CASCADE"), index=True)
    question_index: Mapped[int] = mapped_column(Integer)
    module: Mapped[str] = mapped_column(String(20))
    t: Mapped[float] = mapped_column(Float)
    figures: Mapped[dict[str, Any]] = mapped_column(JSON)


class SurveyResponse(IdMixin, Base):
    """The candidate's one-question satisfaction answer after the interview (one per interview)."""

    __tablename__ = "survey_response"

    interview_id: Mapped[str] = mapped_column(
        ForeignKey("interview.id", ondelete="CASCADE"), unique=True, index=True
    )
    job_id: Mapped[str] = mapped_column(ForeignKey("job.id", ondelete="CASCADE"), index=True)
    rating: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(10))
