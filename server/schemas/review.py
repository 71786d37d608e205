"""HR review: scorecards, decisions, notes, feedback letters and the audit rows shown with them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from server.schemas.privacy import ConsentRecordOut

Recommendation = Literal["strong_no", "no", "yes", "strong_yes"]


class CompetencyDecisionIn(BaseModel):
    """The reviewer's score of one competency (the AI's score, to confirm it, or their own)."""

    name: str = Field(min_length=1, max_length=100)
    score: int = Field(ge=1, le=5)


class ReviewIn(BaseModel):
    """A reviewer's decision: where the candidate goes next, and why."""

    status: Literal["next_round", "rejected", "on_hold"]
    recommendation: Recommendation
    competencies: list[CompetencyDecisionIn] = Field(default=[], max_length=50)
    comment: str = Field(max_length=4000)


class CompetencyReviewOut(BaseModel):
    """One competency: the AI's score and evidence, and the latest human score."""

    name: str
    ai_score: float | None
    coverage: str
    human_score: int | None
    evidence: list[dict[str, Any]]
    reasons: list[str]


class AuditOut(BaseModel):
    """A row of the audit trail."""

    model_config = ConfigDict(from_attributes=True)

    actor: str
    action: str
    created_at: datetime
    detail: dict[str, Any]


class NoteIn(BaseModel):
    """An interviewer's private note, optionally at a time in the interview."""

    text: str = Field(min_length=1, max_length=4000)
    t_s: float | None = Field(default=None, ge=0)


class NoteOut(NoteIn):
    """A stored note."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    author: str
    created_at: datetime


class ReviewOut(BaseModel):
    """The scorecard: AI and human side by side, the current status, and how it got there."""

    interview_id: str
    status: str
    ai_overall: float | None
    ai_recommendation: str | None
    recommendation: str | None
    decided_by: str | None
    decided_at: datetime | None
    comment: str | None
    competencies: list[CompetencyReviewOut]
    history: list[AuditOut]
    human_evaluation_requested: bool = False  # the candidate declined AI evaluation: no AI scores
    consent: ConsentRecordOut | None = None  # what the candidate agreed to, scope by scope


class LetterIn(BaseModel):
    """HR's edit of a feedback letter."""

    text: str = Field(min_length=1, max_length=20_000)


class LetterOut(BaseModel):
    """A feedback letter and where it stands."""

    model_config = ConfigDict(from_attributes=True)

    interview_id: str
    language: str
    text: str
    status: str
    drafted_by: str
    approved_by: str | None
    approved_at: datetime | None


class ScoreMarkIn(BaseModel):
    """A reviewer's mark on one AI answer score: reasonable or not, with an optional short reason."""

    reasonable: bool
    reason: str = Field(default="", max_length=500)


class AnswerMarkOut(BaseModel):
    """One AI answer score, the current reviewer's mark on it, and how all reviewers marked it."""

    score_id: str
    question_index: int
    competency: str | None
    ai_score: float
    reasonable: bool | None
    reason: str
    marked_reasonable: int
    marked_not_reasonable: int
