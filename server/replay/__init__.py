"""Replaying recorded answers through the live call's path on a simulated clock."""

from server.replay.audio import load_audio
from server.replay.session import Replay, ReplayStats, single_question_plan

__all__ = ["Replay", "ReplayStats", "load_audio", "single_question_plan"]
