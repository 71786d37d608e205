"""A resume and the personalised plan as staff see them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict


class ResumeOut(BaseModel):
    """The stored resume: what was uploaded, and the profile parsed from it."""

    model_config = ConfigDict(from_attributes=True)

    interview_id: str
    filename: str
    kind: str
    size: int
    language: str
    uploaded_by: str
    created_at: datetime
    profile: dict[str, Any]


class ResumeState(BaseModel):
    """The interview's resume, or null when none was uploaded (or it was removed)."""

    resume: ResumeOut | None


class PlanQuestionOut(BaseModel):
    """One question of the interview's plan; `source` "resume" marks a resume-derived one."""

    id: str
    text: str
    competency: str | None
    kind: str | None
    minutes: float
    source: str | None = None
    basis: str | None = None


class InterviewPlanOut(BaseModel):
    """The plan this interview's agent follows: the job's questions, personalised by the resume."""

    questions: list[PlanQuestionOut]
    personalised: bool
