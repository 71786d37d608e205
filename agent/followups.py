"""Follow-up choice: after an answer ends, probe what is missing, or move on. Deterministic."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from agent.plan import PlannedQuestion
from agent.texts import FOLLOW_UPS, line


@dataclass(frozen=True)
class FollowUpChoice:
    """The follow-up to ask: its reason code and text."""

    reason: str
    text: str


def choose_follow_up(
    signals: Sequence[str],
    asked: Sequence[str],
    question: PlannedQuestion,
    language: str,
    max_follow_ups: int,
) -> FollowUpChoice | None:
    """The most important signal not yet probed for this question, within the per-question limit.

    Text comes from the plan's prompt for that reason, else the built-in template in the language.
    """
    if len(asked) >= max_follow_ups:
        return None
    for reason in signals:
        if reason not in asked:
            text = question.follow_ups.get(reason) or line(FOLLOW_UPS, language, reason)
            return FollowUpChoice(reason, text)
    return None
