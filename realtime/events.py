"""The typed vocabulary that leaves the media pipeline.

Times are seconds on the interview's audio clock: 0.0 is the first audio sample received from the
candidate, so transcript times line up with the recording.
"""

from __future__ import annotations

from dataclasses import dataclass


def _check_span(start: float, end: float) -> None:
    if start < 0 or end < start:
        raise ValueError(f"invalid time span {start}..{end}")


@dataclass(frozen=True, slots=True)
class SpeechStarted:
    """VAD heard speech begin at `t`."""

    t: float


@dataclass(frozen=True, slots=True)
class SpeechPaused:
    """The voice stopped at `end` (not yet confirmed as the end of the segment).

    Recognition can start now, speculatively: if the silence lasts, `SpeechEnded` follows with the same
    start and end and the result is ready ~min_silence sooner; if speech resumes, it is discarded.
    """

    start: float
    end: float
    t: float


@dataclass(frozen=True, slots=True)
class SpeechEnded:
    """VAD closed a speech segment; `end` is the last voiced moment, `t` when the silence confirmed it."""

    start: float
    end: float
    t: float

    def __post_init__(self) -> None:
        _check_span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class FinalTranscript:
    """Recognised text of one closed speech segment."""

    text: str
    start: float
    end: float
    language: str
    turn_end_p: float | None = None  # the turn-end model's P(turn complete) at the pause after it

    def __post_init__(self) -> None:
        _check_span(self.start, self.end)
        if self.turn_end_p is not None and not 0.0 <= self.turn_end_p <= 1.0:
            raise ValueError(f"turn_end_p must be a probability, got {self.turn_end_p}")


@dataclass(frozen=True, slots=True)
class PartialTranscript:
    """The open segment so far: `stable` never changes once shown; `text` is the whole caption."""

    text: str
    stable: str
    start: float
    t: float
    language: str

    def __post_init__(self) -> None:
        _check_span(self.start, self.t)


MediaEvent = SpeechStarted | SpeechPaused | SpeechEnded | PartialTranscript | FinalTranscript
