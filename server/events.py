"""Events that leave the process (console WebSocket, later the outbox): a discriminated union."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from agent.interviewer import AgentState
from server.db.base import utcnow


class _Event(BaseModel):
    model_config = ConfigDict(frozen=True)

    interview_id: str
    created_at: datetime = Field(default_factory=utcnow)


class UtteranceFinal(_Event):
    """A stored utterance (candidate transcript or agent question)."""

    type: Literal["utterance.final"] = "utterance.final"
    id: str
    speaker: Literal["candidate", "agent", "interviewer"]
    text: str
    start_s: float
    end_s: float
    question_index: int | None = None


class UtterancePartial(_Event):
    """The candidate's words so far in the open segment (not stored; the final replaces it)."""

    type: Literal["utterance.partial"] = "utterance.partial"
    text: str
    stable: str
    start_s: float
    t: float


class QuestionAsked(_Event):
    """The agent moved to a question."""

    type: Literal["question.asked"] = "question.asked"
    index: int
    total: int
    text: str


class SpeechActivity(_Event):
    """The candidate started or stopped speaking (VAD), on the audio clock."""

    type: Literal["speech.started", "speech.ended"]
    t: float


class AnswerScored(_Event):
    """The AI's score of the current answer: provisional while it is spoken, then final."""

    type: Literal["answer.scored"] = "answer.scored"
    question_index: int
    competency: str | None
    provisional: bool
    score: int
    score_exact: float
    confidence: float
    reasons: list[str]
    star: dict[str, Any]
    evidence: list[dict[str, Any]]
    follow_up_reasons: list[str]
    suggestions: list[dict[str, str]] = []


class AgentDecision(_Event):
    """A turn-taking decision of the agent, with its reason: end_of_answer, follow_up or prompt."""

    type: Literal["agent.decision"] = "agent.decision"
    kind: str
    t: float
    reason: str
    detail: dict[str, Any]


class InterviewStatus(_Event):
    """The interview's status changed."""

    type: Literal["interview.status"] = "interview.status"
    status: str


class IntegrityFlagged(_Event):
    """A flag for the reviewer (raised, or ended when `t_end` is set)."""

    type: Literal["integrity.flag"] = "integrity.flag"
    id: str
    kind: str
    t_start: float
    t_end: float | None
    detail: dict[str, Any]


class ControlApplied(_Event):
    """An interviewer's control took effect on the live agent (inject, skip, pause, ...)."""

    type: Literal["control.applied"] = "control.applied"
    action: str
    by: str
    t: float
    agent_state: AgentState
    text: str | None = None


class ModuleAssessed(_Event):
    """A module's figures (the spoken-English check), apart from the competency scores."""

    type: Literal["module.assessed"] = "module.assessed"
    question_index: int
    module: str
    t: float
    figures: dict[str, Any]


class CodeRan(_Event):
    """The candidate ran their code in the sandbox (the console shows the status, not the code)."""

    type: Literal["code.ran"] = "code.ran"
    run_id: str
    question_index: int
    status: str
    passed: int
    total: int
    submitted: bool
    t: float | None


LiveEvent = Annotated[
    UtteranceFinal
    | UtterancePartial
    | QuestionAsked
    | SpeechActivity
    | AnswerScored
    | AgentDecision
    | InterviewStatus
    | IntegrityFlagged
    | ControlApplied
    | ModuleAssessed
    | CodeRan,
    Field(discriminator="type"),
]
