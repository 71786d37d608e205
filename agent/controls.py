"""The human interviewer's controls of the agent: their names, in one place, and what each does."""

from __future__ import annotations

from typing import Literal, get_args

from agent.actions import Action
from agent.interviewer import InterviewAgent

ControlName = Literal["inject", "skip", "pause", "resume", "take_over", "hand_back", "end"]
CONTROL_NAMES: tuple[ControlName, ...] = get_args(ControlName)


def apply_control(
    agent: InterviewAgent, name: ControlName, now: float, by: str = "", text: str | None = None
) -> list[Action]:
    """Carry out a control at audio-clock time `now`; the agent's resulting actions, in order."""
    match name:
        case "inject":
            return agent.inject(text or "", now, by)
        case "skip":
            return agent.skip(now, now)
        case "pause":
            return agent.pause()
        case "resume":
            return agent.resume(now, now)
        case "take_over":
            return agent.take_over()
        case "hand_back":
            return agent.hand_back(now, now)
        case "end":
            return agent.end(now)
