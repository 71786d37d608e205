"""An interview plan: questions from the job's competency model, within a time budget.

Every competency is asked about at least once. When time runs short the plan drops the lowest-weight
questions whose competency is already (or will still be) covered; it never cuts an answer short, since
it only changes what comes next.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from agent.modules import CodingTask


@dataclass(frozen=True)
class PlannedQuestion:
    """One question of the plan."""

    id: str
    text: str
    competency: str | None = None
    kind: str | None = None
    minutes: float = 3.0
    weight: float = 1.0
    follow_ups: Mapping[str, str] = field(default_factory=dict)
    # "resume" for a question made from the candidate's resume (shown as such in console and review);
    # `basis` then quotes the line it came from, with its page and line.
    source: str | None = None
    basis: str | None = None
    limit_s: float | None = None  # the answer is ended politely at this limit (a timed module)
    coding: CodingTask | None = None  # a coding task: the editor first, then the explanation
    passage: str | None = None  # a read-aloud passage

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValueError("a question needs text")
        # weight 0: a competency calibrated out of the overall score; still asked, dropped first when short
        if self.minutes <= 0 or self.weight < 0:
            raise ValueError("minutes must be positive and weight not negative")
        if self.limit_s is not None and self.limit_s <= 0:
            raise ValueError("a time limit must be positive")
        if (self.kind == "coding") != (self.coding is not None):
            raise ValueError("a coding question needs a coding task, and only a coding question has one")
        if (self.kind == "read_aloud") != bool(self.passage):
            raise ValueError("a read-aloud item needs a passage, and only a read-aloud item has one")


def fit_to_budget(
    questions: Sequence[PlannedQuestion], budget_s: float | None, covered: set[str] | None = None
) -> tuple[list[PlannedQuestion], list[PlannedQuestion]]:
    """Keep questions in order within `budget_s`; returns (kept, dropped).

    Drops the lowest-weight question (the later one on ties) whose competency is covered already or
    by another kept question, until the estimate fits or nothing more can be dropped.
    """
    kept = list(questions)
    dropped: list[PlannedQuestion] = []
    if budget_s is None:
        return kept, dropped
    covered = set(covered or ())
    while sum(q.minutes for q in kept) * 60 > budget_s:
        droppable = [
            q
            for q in kept
            if q.competency is None
            or q.competency in covered
            or sum(1 for other in kept if other.competency == q.competency) > 1
        ]
        if not droppable:
            break
        victim = min(reversed(droppable), key=lambda q: q.weight)
        kept.remove(victim)
        dropped.append(victim)
    return kept, dropped


class InterviewPlan:
    """The questions to ask; `advance(elapsed_s)` moves on and adapts to the time left."""

    def __init__(
        self, questions: Sequence[PlannedQuestion], budget_s: float | None = None, index: int = -1
    ) -> None:
        if not questions:
            raise ValueError("an interview plan needs at least one question")
        self.questions = list(questions)
        self.budget_s = budget_s
        self.index = index
        self.dropped: list[PlannedQuestion] = []

    @property
    def current(self) -> PlannedQuestion | None:
        """The question being answered, or None before the first and after the last."""
        return self.questions[self.index] if 0 <= self.index < len(self.questions) else None

    @property
    def finished(self) -> bool:
        """Whether every question has been asked and answered."""
        return self.index >= len(self.questions)

    @property
    def covered(self) -> set[str]:
        """Competencies asked about so far (the current question included)."""
        return {q.competency for q in self.questions[: self.index + 1] if q.competency}

    def advance(self, elapsed_s: float = 0.0) -> PlannedQuestion | None:
        """Move to the next question that still fits; None when the plan is done."""
        if self.finished:
            return None
        if self.budget_s is not None:
            upcoming = self.questions[self.index + 1 :]
            kept, dropped = fit_to_budget(upcoming, self.budget_s - elapsed_s, self.covered)
            self.questions = self.questions[: self.index + 1] + kept
            self.dropped += dropped
        self.index += 1
        return self.current
