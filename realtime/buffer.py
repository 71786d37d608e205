"""A bounded window of recent 16 kHz audio, addressed by audio-clock time."""

from __future__ import annotations

import numpy as np


class AudioWindow:
    """Keeps the last `max_seconds` of int16 audio so a closed speech segment can be cut out of it."""

    def __init__(self, rate: int = 16000, max_seconds: float = 120.0) -> None:
        self.rate = rate
        self._max = int(rate * max_seconds)
        self._data = np.zeros(0, dtype=np.int16)
        self._offset = 0  # absolute sample index of _data[0]

    @property
    def end_time(self) -> float:
        """Audio-clock time just after the newest sample."""
        return (self._offset + len(self._data)) / self.rate

    def append(self, samples: np.ndarray) -> None:
        """Add samples and drop the oldest beyond the window."""
        self._data = np.concatenate([self._data, samples])
        excess = len(self._data) - self._max
        if excess > 0:
            self._data = self._data[excess:]
            self._offset += excess

    def slice(self, start: float, end: float) -> np.ndarray:
        """Float32 audio in [-1, 1] between two audio-clock times (clipped to what is kept)."""
        a = max(int(start * self.rate) - self._offset, 0)
        b = max(int(end * self.rate) - self._offset, a)
        return self._data[a:b].astype(np.float32) / 32768.0
