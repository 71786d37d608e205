"""API request and response models (kept apart from the ORM models)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from agent.controls import ControlName


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


class FlagOut(BaseModel):
    """An integrity flag on the timeline."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    kind: str
    t_start: float
    t_end: float | None
    detail: dict[str, Any]


class InterviewSummary(BaseModel):
    """A row of the interviews list."""

    id: str
    status: str
    review_status: str
    job_id: str
    job_title: str
    department: str | None
    candidate_name: str
    created_at: datetime
    overall_score: float | None = None


class InterviewFilter(BaseModel):
    """Narrow the interviews list (every field optional)."""

    job_id: str | None = None
    status: str | None = None
    review_status: str | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    min_score: float | None = Field(default=None, ge=1, le=5)

    def admits(self, interview: Any, job: Any) -> bool:
        """Whether an interview passes the filters other than the score."""
        created = interview.created_at
        if created is not None and created.tzinfo is None:
            created = created.replace(tzinfo=UTC)
        return (
            (self.job_id is None or job.id == self.job_id)
            and (self.status is None or interview.status == self.status)
            and (self.review_status is None or interview.review_status == self.review_status)
            and (self.date_from is None or created >= _aware(self.date_from))
            and (self.date_to is None or created <= _aware(self.date_to))
        )


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


class InterviewDetail(InterviewSummary):
    """An interview with its questions, transcript and recordings."""

    language: str
    question_index: int
    questions: list[str]
    transcript: list[UtteranceOut]
    recordings: list[RecordingOut]
    scores: list[ScoreOut]
    summary: dict[str, Any]
    notes: list[NoteOut] = []
    flags: list[FlagOut] = []
    agent_state: str = "running"
    started_at: datetime | None = None


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


class ControlIn(BaseModel):
    """An interviewer's control of the live agent."""

    action: ControlName
    text: str | None = Field(default=None, max_length=500)


class WatchIn(OfferIn):
    """A console's SDP offer: receive-only to watch the candidate, or with a microphone to talk."""

    talk: bool = False


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
