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
