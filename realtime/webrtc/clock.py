"""The interview's media clock: event times follow the RTP timestamps, not arrival.

Audio lost on the network leaves a gap in the frames' pts. Filling it with silence keeps every later
sample at its true media time, so VAD and transcript timestamps line up with the recording (which is
written by pts) and with what the candidate said when.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class MediaClock:
    """Follows one audio track's pts (at `rate_in`) and says how much silence a gap needs (at `rate_out`)."""

    rate_in: int = 48000
    rate_out: int = 16000
    max_gap_s: float = 5.0  # a larger jump is a stream restart, not loss: not filled
    _expected: int | None = None
    filled_s: float = 0.0

    def gap(self, pts: int | None, samples: int) -> int:
        """Silent output samples to insert before a frame at `pts` carrying `samples` input samples."""
        if pts is None:
            return 0
        missing = 0 if self._expected is None else pts - self._expected
        self._expected = pts + samples
        if missing <= samples // 2 or missing > self.max_gap_s * self.rate_in:
            return 0
        self.filled_s += missing / self.rate_in
        return missing * self.rate_out // self.rate_in


@dataclass
class VideoClock:
    """Places video frames on the interview's media clock, which starts at the first audio frame.

    Frames keep their own RTP spacing (90 kHz); only where the video starts relative to the audio is
    taken from arrival, once, when the first frame comes.
    """

    rate: int = 90000
    _origin: int | None = None
    _offset_s: float = 0.0

    def seconds(self, pts: int, since_audio_start_s: float) -> float:
        """Media time of a frame at `pts`; `since_audio_start_s` is used for the first frame only."""
        if self._origin is None:
            self._origin = pts
            self._offset_s = max(since_audio_start_s, 0.0)
        return (pts - self._origin) / self.rate + self._offset_s
