"""Barge-in: the candidate speaking over the agent stops the agent, unless it is a cough or an "mm".

Pure and clock-injected; the caller stops the outbound audio when `check()` says so.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BargeIn:
    """Stop the agent's audio: the candidate has been talking over it for `overlap_s`."""

    t: float
    overlap_s: float


@dataclass
class BargeInPolicy:
    """Interrupt after `min_speech_s` of continuous candidate speech while the agent speaks."""

    min_speech_s: float = 0.3
    _agent_speaking: bool = False
    _speech_since: float | None = None
    _fired: bool = False

    def agent_started(self) -> None:
        """The agent began speaking."""
        self._agent_speaking, self._fired = True, False

    def agent_stopped(self) -> None:
        """The agent finished or was stopped."""
        self._agent_speaking = False

    def speech_started(self, t: float) -> None:
        """VAD heard the candidate begin."""
        self._speech_since = t

    def speech_ended(self) -> None:
        """VAD closed the segment: a blip shorter than min_speech_s never interrupts."""
        self._speech_since = None

    def check(self, now: float) -> BargeIn | None:
        """Whether to stop the agent now (fires once per agent utterance)."""
        if not self._agent_speaking or self._fired or self._speech_since is None:
            return None
        overlap = now - self._speech_since
        if overlap < self.min_speech_s:
            return None
        self._fired = True
        return BargeIn(now, round(overlap, 3))
