"""An interview plan: the job's questions, asked in order."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PlannedQuestion:
    """One question of the plan."""

    id: str
    text: str
    competency: str | None = None

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValueError("a question needs text")


@dataclass
class InterviewPlan:
    """The questions still to ask; `advance()` moves to the next one."""

    questions: list[PlannedQuestion]
    index: int = field(default=-1)

    def __post_init__(self) -> None:
        if not self.questions:
            raise ValueError("an interview plan needs at least one question")

    @property
    def current(self) -> PlannedQuestion | None:
        """The question being answered, or None before the first and after the last."""
        return self.questions[self.index] if 0 <= self.index < len(self.questions) else None

    @property
    def finished(self) -> bool:
        """Whether every question has been asked and answered."""
        return self.index >= len(self.questions)

    def advance(self) -> PlannedQuestion | None:
        """Move to the next question; None when the plan is done."""
        if not self.finished:
            self.index += 1
        return self.current
