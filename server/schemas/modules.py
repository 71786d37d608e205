"""Bodies and answers of the interview modules: code runs, module results, the candidate survey."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

MAX_CODE_CHARS = 20_000
MAX_COMMENT_CHARS = 1000


class CodeRunIn(BaseModel):
    """The candidate's code for the coding task on screen; `submit` marks it as their final answer."""

    question_id: str = Field(min_length=1, max_length=64)
    code: str = Field(max_length=MAX_CODE_CHARS)
    submit: bool = False


class CodeRunOut(BaseModel):
    """One run as the candidate and the reviewer see it."""

    id: str
    question_index: int
    t: float | None
    status: str
    submitted: bool
    created_at: datetime
    result: dict[str, Any]
    code: str | None = None  # in review only; the candidate has it in their editor


class ModuleResultOut(BaseModel):
    """A module's figures (the spoken-English check: intelligibility; content of the free answer)."""

    question_index: int
    module: str
    t: float
    figures: dict[str, Any]


class ModulesOut(BaseModel):
    """What an interview's modules left: coding runs and module results, for review."""

    code_runs: list[CodeRunOut]
    results: list[ModuleResultOut]


class SurveyIn(BaseModel):
    """The candidate's satisfaction: 1 (poor) to 5 (very good), and an optional comment."""

    rating: int = Field(ge=1, le=5)
    comment: str | None = Field(default=None, max_length=MAX_COMMENT_CHARS)


class SurveyOut(BaseModel):
    """Stored."""

    rating: int
    comment: str | None


class SurveyComment(BaseModel):
    """One comment, without who wrote it."""

    rating: int
    comment: str
    language: str
    created_at: datetime


class SurveyReport(BaseModel):
    """A job's survey answers: count, average, count per rating, and the latest comments."""

    job_id: str
    count: int
    average: float | None
    ratings: dict[int, int]
    comments: list[SurveyComment]
