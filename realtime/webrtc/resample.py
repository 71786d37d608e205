"""Normalise inbound audio once, at the edge, to mono s16 at 16 kHz."""

from __future__ import annotations

import av
import numpy as np

TARGET_RATE = 16000


class Resampler:
    """Converts decoded `av.AudioFrame`s of any layout and rate to mono int16 at `rate` Hz.

    PyAV's resampler keeps a little history between calls, so one instance serves one stream;
    `flush()` returns the samples it still holds.
    """

    def __init__(self, rate: int = TARGET_RATE) -> None:
        self.rate = rate
        self._resampler = av.AudioResampler(format="s16", layout="mono", rate=rate)

    def resample(self, frame: av.AudioFrame) -> np.ndarray:
        """Return the mono int16 samples for one frame (may be empty while the resampler fills)."""
        return self._collect(self._resampler.resample(frame))

    def flush(self) -> np.ndarray:
        """Return what the resampler still buffers at the end of the stream."""
        return self._collect(self._resampler.resample(None))

    @staticmethod
    def _collect(frames: list[av.AudioFrame]) -> np.ndarray:
        if not frames:
            return np.zeros(0, dtype=np.int16)
        return np.concatenate([f.to_ndarray().reshape(-1) for f in frames]).astype(np.int16, copy=False)
