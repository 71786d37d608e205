"""Audio files for replay: decoded and resampled like a call's audio."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np

from realtime.webrtc.resample import Resampler


def load_audio(path: Path) -> np.ndarray:
    """Any audio file PyAV reads, as 16 kHz mono int16."""
    resampler = Resampler()
    parts = []
    with av.open(str(path)) as container:
        for frame in container.decode(audio=0):
            parts.append(resampler.resample(frame))
    parts.append(resampler.flush())
    return np.concatenate(parts) if parts else np.zeros(0, np.int16)
