"""Copies of a live call's media for other consumers (the interviewers' consoles).

The candidate's peer reads each inbound track once (for the recognizer and the recording) and offers
every frame to its taps. A tap is an outbound track with a small bounded backlog: a slow viewer drops
its oldest frames and never slows the call, the recognizer or the other viewers.
"""

from __future__ import annotations

import asyncio
from collections import deque

import av
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

VIDEO_BACKLOG = 1  # the newest frame only
AUDIO_BACKLOG = 25  # 0.5 s of 20 ms frames


def copy_frame(frame: av.AudioFrame | av.VideoFrame) -> av.AudioFrame | av.VideoFrame:
    """An independent copy of a frame.

    The recorder's encoder rebases the pts of the frame it encodes in its own thread; a viewer's
    encoder must not share that object.
    """
    out: av.AudioFrame | av.VideoFrame
    if isinstance(frame, av.AudioFrame):
        audio = av.AudioFrame.from_ndarray(
            frame.to_ndarray(), format=frame.format.name, layout=frame.layout.name
        )
        audio.sample_rate = frame.sample_rate
        out = audio
    else:
        pixels = frame.to_ndarray(format="yuv420p", threads=1)  # on the loop: no scaler threads (scaler.py)
        out = av.VideoFrame.from_ndarray(pixels, format="yuv420p")
    out.pts = frame.pts
    if frame.time_base is not None:
        out.time_base = frame.time_base
    return out


class FrameTap(MediaStreamTrack):
    """One viewer's copy of a candidate track."""

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self._frames: deque[av.AudioFrame | av.VideoFrame] = deque(
            maxlen=VIDEO_BACKLOG if kind == "video" else AUDIO_BACKLOG
        )
        self._ready = asyncio.Event()
        self.dropped = 0

    def offer(self, frame: av.AudioFrame | av.VideoFrame) -> None:
        """A new frame from the source; the oldest is dropped when the viewer is behind."""
        if len(self._frames) == self._frames.maxlen:
            self.dropped += 1
        self._frames.append(frame)
        self._ready.set()

    async def recv(self) -> av.AudioFrame | av.VideoFrame:
        """The next frame for the viewer's connection."""
        while not self._frames:
            if self.readyState != "live":
                raise MediaStreamError
            self._ready.clear()
            await self._ready.wait()
        return self._frames.popleft()

    def stop(self) -> None:
        """End the copy (the call or the viewer has gone)."""
        super().stop()
        self._ready.set()
