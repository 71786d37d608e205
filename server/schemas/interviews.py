"""Interviews as staff see them: the list, the detail, the live console's controls."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from agent.controls import ControlName
from server.schemas.candidate import OfferIn
from server.schemas.review import NoteOut


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
    job_version: int = 1  # the version of the job's plan this interview was created with and runs


class InterviewFilter(BaseModel):
    """Narrow the interviews list (every field optional)."""

    job_id: str | None = None
    status: str | None = None
    review_status: str | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    min_score: float | None = Field(default=None, ge=1, le=5)

    def admits(self, interview: Any, job: Any) -> bool:
        """Whether an interview passes the filters other than the score.

        `job_id` is the id of the job's first version, which its later versions keep as `family_id`, so
        the filter admits the interviews of every version (the service resolves any version's id to it).
        """
        created = interview.created_at
        if created is not None and created.tzinfo is None:
            created = created.replace(tzinfo=UTC)
        return (
            (self.job_id is None or self.job_id in (job.id, getattr(job, "family_id", None)))
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
    question_sources: list[str | None] = []  # "resume" where a question was made from the resume
    transcript: list[UtteranceOut]
    recordings: list[RecordingOut]
    scores: list[ScoreOut]
    summary: dict[str, Any]
    notes: list[NoteOut] = []
    flags: list[FlagOut] = []
    agent_state: str = "running"
    started_at: datetime | None = None
    candidate_id: str = ""
    legal_hold: bool = False
    legal_hold_reason: str | None = None
    human_evaluation_requested: bool = False


class ControlIn(BaseModel):
    """An interviewer's control of the live agent."""

    action: ControlName
    text: str | None = Field(default=None, max_length=500)


class WatchIn(OfferIn):
    """A console's SDP offer: receive-only to watch the candidate, or with a microphone to talk."""

    talk: bool = False


class CoverageOut(BaseModel):
    """The score summary and competency coverage so far (what the console refreshes after each score)."""

    summary: dict[str, Any]
    overall_score: float | None


class InviteLinkOut(BaseModel):
    """A freshly issued invite link (earlier ones no longer work)."""

    invite_url: str


class CancelIn(BaseModel):
    """Why the interview is cancelled (kept in the audit trail)."""

    reason: str = Field(default="", max_length=500)
