"""A job with its competency model and questions."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.db.base import Base, IdMixin


class Job(IdMixin, Base):
    """An opening candidates are interviewed for."""

    __tablename__ = "job"

    title: Mapped[str] = mapped_column(String(200))
    department: Mapped[str | None] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(10), default="en")
    # Whose law the candidate notice follows (e.g. "CN", "EU", "US-IL"); None: the server's default.
    jurisdiction: Mapped[str | None] = mapped_column(String(40))
    time_budget_min: Mapped[float | None] = mapped_column(Float)
    vocabulary: Mapped[str | None] = mapped_column(Text)  # company, product and technical terms for ASR
    # The spoken-English check (read-aloud and a free answer, reported apart): off unless the job asks.
    spoken_english: Mapped[bool] = mapped_column(Boolean, default=False)
    # Editing a job stores a new version (a new row) and leaves the old one to the interviews that ran
    # with it: `family_id` is the first version's id (None on the first version itself); only the
    # newest version of a family is `current` and offered for new interviews.
    version: Mapped[int] = mapped_column(Integer, default=1)
    family_id: Mapped[str | None] = mapped_column(String(32), index=True)
    current: Mapped[bool] = mapped_column(Boolean, default=True)
    competencies: Mapped[list[Competency]] = relationship(
        back_populates="job", cascade="all, delete-orphan", order_by="Competency.name"
    )
    questions: Mapped[list[Question]] = relationship(
        back_populates="job", cascade="all, delete-orphan", order_by="Question.position"
    )


class Competency(IdMixin, Base):
    """A competency the job's interview assesses."""

    __tablename__ = "competency"

    job_id: Mapped[str] = mapped_column(ForeignKey("job.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    scale: Mapped[str] = mapped_column(String(20), default="anchored5")
    indicators: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict)
    # Behavioural anchors per language and score ({"en": {"1": "...", "5": "..."}}; JSON keys are text).
    anchors: Mapped[dict[str, dict[str, str]] | None] = mapped_column(JSON)
    job: Mapped[Job] = relationship(back_populates="competencies")


class Question(IdMixin, Base):
    """A planned interview question."""

    __tablename__ = "question"

    job_id: Mapped[str] = mapped_column(ForeignKey("job.id", ondelete="CASCADE"), index=True)
    competency_id: Mapped[str | None] = mapped_column(ForeignKey("competency.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="behavioural")
    text: Mapped[str] = mapped_column(Text)
    minutes: Mapped[float] = mapped_column(Float, default=3.0)
    follow_ups: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    limit_s: Mapped[float | None] = mapped_column(Float)  # a timed item, ended politely at the limit
    module: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # {"coding": {...}} or {"passage": "..."}
    job: Mapped[Job] = relationship(back_populates="questions")
