"""Jobs, their plans, and what the EHR imports create."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class JobCreated(BaseModel):
    """A job made from a plan."""

    id: str
    title: str
    questions: int


class JobOut(BaseModel):
    """A job in lists and filters."""

    id: str
    title: str
    department: str | None
    language: str


class PlanCompetency(BaseModel):
    """A competency of a stored plan."""

    name: str
    weight: float
    scale: str
    indicators: dict[str, Any]


class PlanQuestion(BaseModel):
    """A question of a stored plan."""

    competency: str | None
    kind: str
    text: str
    minutes: float
    follow_ups: dict[str, Any]
    limit_s: float | None = None
    coding: dict[str, Any] | None = None
    passage: str | None = None


class PlanOut(BaseModel):
    """A stored job as a plan document: the shape `POST /api/jobs` accepts, plus its id."""

    id: str
    title: str
    language: str
    department: str | None
    jurisdiction: str | None = None  # whose candidate notice applies; None: the server default
    time_budget_min: float | None
    spoken_english: bool = False
    competencies: list[PlanCompetency]
    questions: list[PlanQuestion]


class ImportedCandidate(BaseModel):
    """A candidate made by an import, with the interview and the invite link to send them."""

    candidate_id: str
    interview_id: str
    job_title: str
    invite_url: str
