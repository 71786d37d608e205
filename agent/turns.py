"""The skeleton's turn policy: the answer is over after a set silence following speech.

Pure and clock-injected: callers report what VAD and ASR saw with audio-clock times and ask
`due(now)` whether it is time for the next question. The agent issue replaces this policy.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SilenceTurnPolicy:
    """Next question once the candidate has spoken, every segment is transcribed, and `silence_s` passed."""

    silence_s: float = 3.0
    _spoken: bool = False
    _in_speech: bool = False
    _last_end: float = 0.0
    _untranscribed: int = 0

    def __post_init__(self) -> None:
        if self.silence_s <= 0:
            raise ValueError("silence_s must be positive")

    def question_asked(self) -> None:
        """A new question starts a new answer."""
        self._spoken = False
        self._in_speech = False
        self._untranscribed = 0

    def speech_started(self, t: float) -> None:
        """VAD heard speech begin."""
        self._spoken = True
        self._in_speech = True

    def speech_ended(self, end: float) -> None:
        """VAD closed a segment whose last voiced moment is `end`."""
        self._in_speech = False
        self._last_end = end
        self._untranscribed += 1

    def transcribed(self) -> None:
        """A segment's final transcript arrived (empty ones included)."""
        self._untranscribed = max(self._untranscribed - 1, 0)

    def due(self, now: float) -> bool:
        """Whether the answer is over at audio-clock time `now`."""
        return (
            self._spoken
            and not self._in_speech
            and self._untranscribed == 0
            and now - self._last_end >= self.silence_s
        )
