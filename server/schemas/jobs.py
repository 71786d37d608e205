"""Jobs, their plans, and what the EHR imports create."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class JobCreated(BaseModel):
    """A job made from a plan."""

    id: str
    title: str
    questions: int
    version: int = 1


class JobOut(BaseModel):
    """A job in lists and filters."""

    id: str
    title: str
    department: str | None
    language: str
    version: int = 1


class JobVersionOut(BaseModel):
    """One version of a job (an edit stores a new one; interviews keep the one they ran with)."""

    id: str
    version: int
    title: str
    current: bool
    created_at: datetime


class TemplateOut(BaseModel):
    """A job template to start the editor from."""

    id: str
    title: str
    language: str
    competencies: int
    questions: int
    time_budget_min: float | None


class TemplateQuestion(BaseModel):
    """A question of a template, its text per language (a module, e.g. a self-introduction: no competency)."""

    competency: str | None
    kind: str
    text: dict[str, str]
    minutes: float
    follow_ups: dict[str, str]


class TemplateDocOut(BaseModel):
    """A template as a plan document: what the editor starts from and `POST /api/jobs` accepts."""

    id: str
    title: str
    language: str
    department: str | None
    time_budget_min: float | None
    competencies: list[PlanCompetency]
    questions: list[TemplateQuestion]


class PlanCheckOut(BaseModel):
    """What the editor's coverage check says about a draft plan."""

    ok: bool
    problem: str | None = None
    planned_minutes: float = 0
    time_budget_min: float | None = None
    uncovered: list[str] = Field(default_factory=list)


class PlanCompetency(BaseModel):
    """A competency of a stored plan."""

    name: str
    weight: float
    scale: str
    indicators: dict[str, Any]
    anchors: dict[str, Any] = Field(default_factory=dict)


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
    version: int = 1
    current: bool = True
    competencies: list[PlanCompetency]
    questions: list[PlanQuestion]


class ImportedCandidate(BaseModel):
    """A candidate made by an import, with the interview and the invite link to send them."""

    candidate_id: str
    interview_id: str
    job_title: str
    invite_url: str
