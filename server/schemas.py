"""API request and response models (kept apart from the ORM models)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class LoginIn(BaseModel):
    """Staff login."""

    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=200)


class UserOut(BaseModel):
    """A staff member as the API shows them."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    email: str
    name: str
    role: str


class InviteOut(BaseModel):
    """What the candidate page needs before the call."""

    interview_id: str
    job_title: str
    candidate_name: str
    language: str
    status: str
    consent_version: str
    consent_text: str
    consented: bool
    audio_processing: bool


class ConsentIn(BaseModel):
    """The candidate's consent to recording and AI evaluation."""

    version: str = Field(min_length=1, max_length=40)
    recording: Literal[True]
    ai_evaluation: Literal[True]


class OfferIn(BaseModel):
    """A browser's SDP offer (size is checked again with a clearer message)."""

    sdp: str = Field(min_length=1, max_length=200_000)
    type: str = Field(max_length=20)


class AnswerOut(BaseModel):
    """Our SDP answer."""

    sdp: str
    type: Literal["answer"] = "answer"


class UtteranceOut(BaseModel):
    """One line of the transcript."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    speaker: str
    text: str
    start_s: float
    end_s: float
    question_index: int | None


class RecordingOut(BaseModel):
    """A recording file's metadata."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    content_type: str
    created_at: datetime
    ended_at: datetime | None
    duration_s: float | None


class ScoreOut(BaseModel):
    """The AI's final score of one answer."""

    model_config = ConfigDict(from_attributes=True)

    question_index: int
    competency: str | None
    score: int
    score_exact: float
    confidence: float
    scorer: str
    detail: dict[str, Any]


class InterviewSummary(BaseModel):
    """A row of the interviews list."""

    id: str
    status: str
    job_title: str
    candidate_name: str
    created_at: datetime


class InterviewDetail(InterviewSummary):
    """An interview with its questions, transcript and recordings."""

    language: str
    question_index: int
    questions: list[str]
    transcript: list[UtteranceOut]
    recordings: list[RecordingOut]
    scores: list[ScoreOut]
    summary: dict[str, Any]
