"""What the agent decides: a closed union of frozen actions, each at an audio-clock time `t`.

The live call handles them with `match` (mypy checks every case), `interview replay` prints `event()`,
the JSON-lines form users script against: `{"type": ..., "t": ..., ...}`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from scoring.models import AnswerScore


@dataclass(frozen=True)
class _Action:
    type: ClassVar[str]
    t: float

    def event(self) -> dict[str, Any]:
        """`{"type": ..., "t": ..., **fields}`: the replay's output line."""
        return {"type": self.type, "t": round(self.t, 3), **self.payload()}

    def payload(self) -> dict[str, Any]:
        """The action's own fields (without `type` and `t`)."""
        raise NotImplementedError


@dataclass(frozen=True)
class AskQuestion(_Action):
    """Ask the plan's next question."""

    type: ClassVar[str] = "next_question"
    index: int
    total: int
    text: str
    competency: str | None
    module: Mapping[str, Any] | None = None  # what the page shows for a module (editor, passage, timer)

    def payload(self) -> dict[str, Any]:
        """The fields of its JSON line."""
        data = {"index": self.index, "total": self.total, "text": self.text, "competency": self.competency}
        if self.module is not None:
            data["module"] = dict(self.module)
        return data


@dataclass(frozen=True)
class FollowUp(_Action):
    """Probe the current answer (`reason` "interviewer": a question the interviewer typed)."""

    type: ClassVar[str] = "follow_up"
    reason: str
    text: str
    question_index: int
    by: str | None = None

    def payload(self) -> dict[str, Any]:
        """The fields of its JSON line."""
        data: dict[str, Any] = {
            "reason": self.reason,
            "text": self.text,
            "question_index": self.question_index,
        }
        if self.by is not None:
            data["by"] = self.by
        return data


@dataclass(frozen=True)
class Prompt(_Action):
    """Say something without ending the answer ("take your time", "please wrap up")."""

    type: ClassVar[str] = "prompt"
    kind: str
    reason: str
    text: str

    def payload(self) -> dict[str, Any]:
        """The fields of its JSON line."""
        return {"kind": self.kind, "reason": self.reason, "text": self.text}


@dataclass(frozen=True)
class Suggestion:
    """A follow-up the console suggests to the interviewer."""

    reason: str
    text: str


@dataclass(frozen=True)
class Scored(_Action):
    """The answer so far was scored (`score.provisional` while it goes on)."""

    type: ClassVar[str] = "score"
    question_index: int
    score: AnswerScore
    suggestions: tuple[Suggestion, ...] = field(default=())

    def payload(self) -> dict[str, Any]:
        """The fields of its JSON line."""
        return {
            "question_index": self.question_index,
            **self.score.as_dict(),
            "suggestions": [{"reason": s.reason, "text": s.text} for s in self.suggestions],
        }


@dataclass(frozen=True)
class EndOfAnswer(_Action):
    """The candidate finished answering."""

    type: ClassVar[str] = "end_of_answer"
    reason: str
    silence_s: float
    wait_s: float
    pauses: tuple[float, ...] = ()

    def payload(self) -> dict[str, Any]:
        """The fields of its JSON line."""
        return {
            "reason": self.reason,
            "silence_s": self.silence_s,
            "wait_s": round(self.wait_s, 3),
            "pauses": list(self.pauses),
        }


@dataclass(frozen=True)
class Assessed(_Action):
    """A module's result, reported apart from the competency scores (spoken-English check)."""

    type: ClassVar[str] = "module_result"
    question_index: int
    module: str
    figures: Mapping[str, Any]

    def payload(self) -> dict[str, Any]:
        """The fields of its JSON line."""
        return {"question_index": self.question_index, "module": self.module, "figures": dict(self.figures)}


@dataclass(frozen=True)
class Finished(_Action):
    """The interview is over: say goodbye."""

    type: ClassVar[str] = "finished"
    text: str

    def payload(self) -> dict[str, Any]:
        """The fields of its JSON line."""
        return {"text": self.text}


Action = AskQuestion | FollowUp | Prompt | Scored | Assessed | EndOfAnswer | Finished
