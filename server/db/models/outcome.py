"""What happened after hiring, and candidates' self-reported demographic group, kept apart.

Outcomes (probation, performance ratings, retention) come from the HR systems and feed the validity
and calibration reports. Self-reported groups are collected from the candidate with their consent,
only for the bias audit: no rater, scorer or review route reads this table, and the audit service
only ever returns counts per group.
"""

from __future__ import annotations

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin

# metric: binary (0/1) or a rating; binary ones use the point-biserial correlation.
OUTCOME_METRICS = {
    "probation_passed": True,
    "performance": False,
    "retained_3m": True,
    "retained_6m": True,
    "retained_12m": True,
}


class Outcome(IdMixin, Base):
    """One post-hire measurement of one hired candidate, for the interview that led to the hire."""

    __tablename__ = "outcome"
    __table_args__ = (UniqueConstraint("interview_id", "metric"),)

    interview_id: Mapped[str] = mapped_column(ForeignKey("interview.id", ondelete="CASCADE"), index=True)
    metric: Mapped[str] = mapped_column(String(40))
    value: Mapped[float] = mapped_column(Float)
    imported_by: Mapped[str] = mapped_column(String(254))


class SelfReportedGroup(IdMixin, Base):
    """A candidate's own answer to one demographic question (e.g. sex), given with consent."""

    __tablename__ = "self_reported_group"
    __table_args__ = (UniqueConstraint("candidate_id", "category"),)

    candidate_id: Mapped[str] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(String(80))
    consent_version: Mapped[str] = mapped_column(String(40))


class WeightVersion(IdMixin, Base):
    """A job's competency weights as an admin accepted them; version 1 is what the job had before."""

    __tablename__ = "weight_version"
    __table_args__ = (UniqueConstraint("job_id", "version"),)

    job_id: Mapped[str] = mapped_column(ForeignKey("job.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    weights: Mapped[dict[str, float]] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(60))
    accepted_by: Mapped[str] = mapped_column(String(254))
    note: Mapped[str] = mapped_column(Text, default="")
