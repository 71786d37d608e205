"""The canonical, versioned interview report that every connector maps from.

It carries references and results, never the recording itself: links point at pages that need an
authorised login.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field


class EvidenceQuote(BaseModel):
    """A quote from the transcript with its audio time."""

    text: str
    t_start: float | None = None
    t_end: float | None = None


class CompetencyResult(BaseModel):
    """One competency's result."""

    name: str
    score: float | None = Field(description="1-5, None when not covered")
    max: float = 5.0
    coverage: Literal["covered", "weak", "not_yet"]
    evidence: list[EvidenceQuote] = []
    reasons: list[str] = []
    human_score: float | None = Field(default=None, description="the reviewer's 1-5 score, once reviewed")


class ReviewOutcome(BaseModel):
    """The human decision on the interview (present on `report.reviewed`)."""

    status: Literal["pending_review", "next_round", "rejected", "on_hold"]
    recommendation: Literal["strong_no", "no", "yes", "strong_yes"] | None
    decided_by: str | None
    decided_at: datetime | None
    comment: str | None


class ReportLinks(BaseModel):
    """Pages for authorised users."""

    report: str
    recording: str | None = None
    transcript: str


class ReportV1(BaseModel):
    """Version 1 of the report."""

    schema_version: Literal["1"] = "1"
    report_id: str
    interview_id: str
    candidate_ref: str
    candidate_external_refs: dict[str, str] = Field(
        default={}, description="the candidate's ids in the HR systems, e.g. feishu_application"
    )
    job_ref: str
    job_title: str
    status: str
    overall_score: float | None
    recommendation: Literal["strong_no", "no", "yes", "strong_yes"] | None
    needs_human_review: bool = True
    human_evaluation_requested: bool = Field(
        default=False,
        description="the candidate declined AI evaluation: no AI scores exist, people evaluate the interview",
    )
    competencies: list[CompetencyResult]
    integrity_flags: list[dict[str, Any]] = []
    reviewed_by: str | None = None
    review: ReviewOutcome | None = None
    completed_at: datetime | None = None
    links: ReportLinks


def report_schema() -> dict[str, Any]:
    """JSON Schema of the report, published with the API docs."""
    return ReportV1.model_json_schema()
