"""A bounded window of recent 16 kHz audio, addressed by audio-clock time.

A ring buffer: appending 20 ms costs 20 ms of copying however long the window is, so a 30-minute
interview costs the same per push as its first minute.
"""

from __future__ import annotations

import numpy as np


class AudioWindow:
    """Keeps the last `max_seconds` of int16 audio so a closed speech segment can be cut out of it."""

    def __init__(self, rate: int = 16000, max_seconds: float = 120.0) -> None:
        self.rate = rate
        self._ring = np.zeros(int(rate * max_seconds), dtype=np.int16)
        self._total = 0  # samples ever appended; the newest sits just before _total % capacity

    @property
    def end_time(self) -> float:
        """Audio-clock time just after the newest sample."""
        return self._total / self.rate

    def append(self, samples: np.ndarray) -> None:
        """Add samples, overwriting the oldest beyond the window."""
        cap = len(self._ring)
        data = samples[-cap:] if len(samples) > cap else samples
        self._total += len(samples) - len(data)
        at = self._total % cap
        first = min(len(data), cap - at)
        self._ring[at : at + first] = data[:first]
        self._ring[: len(data) - first] = data[first:]
        self._total += len(data)

    def slice(self, start: float, end: float) -> np.ndarray:
        """Float32 audio in [-1, 1] between two audio-clock times (clipped to what is kept)."""
        cap = len(self._ring)
        a = max(int(start * self.rate), self._total - cap, 0)
        b = min(max(int(end * self.rate), a), self._total)
        if b <= a:
            return np.zeros(0, dtype=np.float32)
        i, j = a % cap, b % cap
        part = self._ring[i:j] if i < j else np.concatenate([self._ring[i:], self._ring[:j]])
        return part.astype(np.float32) / 32768.0
