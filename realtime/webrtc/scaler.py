"""Scaling decoded video frames: one scaler per consumer, one thread at a time, one scaler thread.

PyAV caches a scaler on each frame (`frame.reformat`, `frame.to_ndarray(format=...)`), shared by
whoever converts that frame, and FFmpeg's scaler starts one thread per core unless told otherwise. A
candidate's frame goes to the recorder (its own thread) and to the presence sampler: converting it in
both at once put two threads on one FFmpeg scaler context (undefined behaviour), and a context per
frame started and joined scaler threads on every frame, wherever the frame was freed, the event loop
included. So each consumer owns a `FrameScaler`, uses it from one thread only, and scales on the calling
thread (the frames are small; the recorder's thread and the loop are where the time belongs).
"""

from __future__ import annotations

import av
import numpy as np
from av.video.reformatter import VideoReformatter


class FrameScaler:
    """Converts frames to one size and pixel format; not shared between threads."""

    def __init__(self, width: int, height: int, pixel_format: str) -> None:
        self.width, self.height, self.pixel_format = width, height, pixel_format
        self._reformatter = VideoReformatter()

    def frame(self, frame: av.VideoFrame) -> av.VideoFrame:
        """The frame at this size and format (the frame itself when it already is)."""
        return self._reformatter.reformat(
            frame, width=self.width, height=self.height, format=self.pixel_format, threads=1
        )

    def array(self, frame: av.VideoFrame) -> np.ndarray:
        """The converted pixels as an array (height, width, channels for packed formats)."""
        return self.frame(frame).to_ndarray()
