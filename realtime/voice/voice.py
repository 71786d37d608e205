"""The agent's voice on the call: an outbound audio track fed with synthesized speech.

Speaking on the peer's own track (not as a separate file the page plays) lets the browser's echo
cancellation remove it from the microphone, and tells the server exactly when the agent is speaking:
barge-in stops it mid-sentence. The track sends 20 ms frames paced by the clock, silence when idle.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from fractions import Fraction

import av
import numpy as np
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from realtime.voice.tts import Speech
from realtime.webrtc.resample import Resampler

log = logging.getLogger(__name__)
RATE = 48000
FRAME = 960  # 20 ms
MAX_QUEUED_S = 120.0
MAX_LIVE_S = 0.2


def to_call_rate(speech: Speech) -> np.ndarray:
    """Speech resampled to the call's 48 kHz mono int16."""
    if speech.rate == RATE or len(speech.samples) == 0:
        return speech.samples.astype(np.int16, copy=False)
    frame = av.AudioFrame.from_ndarray(
        speech.samples.reshape(1, -1).astype(np.int16), format="s16", layout="mono"
    )
    frame.sample_rate = speech.rate
    resampler = Resampler(rate=RATE)
    return np.concatenate([resampler.resample(frame), resampler.flush()])


class AgentVoice(MediaStreamTrack):
    """Plays queued speech in real time; `interrupt()` cuts it off at the next frame."""

    kind = "audio"

    def __init__(self) -> None:
        super().__init__()
        self._queue = np.zeros(0, np.int16)
        self._live: deque[np.ndarray] = deque()  # an interviewer's microphone, while they have taken over
        self._live_samples = 0
        self._start: float | None = None
        self._pts = 0
        self.frames_spoken = 0
        self.on_audio: Callable[[np.ndarray, float], None] | None = None  # e.g. the recorder

    @property
    def speaking(self) -> bool:
        """Whether speech is queued or playing."""
        return len(self._queue) > 0

    @property
    def remaining_s(self) -> float:
        """Seconds of speech still to play."""
        return len(self._queue) / RATE

    def say(self, speech: Speech) -> float:
        """Queue speech after what is already queued; returns the seconds until it has been spoken."""
        samples = to_call_rate(speech)
        room = int(MAX_QUEUED_S * RATE) - len(self._queue)
        if len(samples) > room:
            log.warning("agent voice queue full: %.1f s of speech dropped", (len(samples) - room) / RATE)
            samples = samples[: max(room, 0)]
        self._queue = np.concatenate([self._queue, samples])
        return self.remaining_s

    def feed_live(self, samples: np.ndarray) -> None:
        """Mix 48 kHz mono audio from a live source (an interviewer talking) into the call.

        At most `MAX_LIVE_S` is held: a source that runs ahead loses its oldest audio, not its latency.
        """
        self._live.append(samples.astype(np.int16, copy=False))
        self._live_samples += len(samples)
        while self._live_samples > MAX_LIVE_S * RATE and self._live:
            self._live_samples -= len(self._live.popleft())

    def _take_live(self) -> np.ndarray | None:
        if self._live_samples < FRAME:
            return None
        out = np.concatenate(list(self._live))
        chunk, rest = out[:FRAME], out[FRAME:]
        self._live = deque([rest]) if len(rest) else deque()
        self._live_samples = len(rest)
        return chunk

    def interrupt(self) -> float:
        """Stop speaking now (barge-in); returns the seconds of speech cut off. The track stays live."""
        cut = self.remaining_s
        self._queue = np.zeros(0, np.int16)
        return cut

    async def recv(self) -> av.AudioFrame:
        """The next 20 ms of the call's outbound audio, paced by the clock."""
        if self.readyState != "live":
            raise MediaStreamError
        if self._start is None:
            self._start = time.monotonic()
        else:
            wait = self._start + self._pts / RATE - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
        chunk, self._queue = self._queue[:FRAME], self._queue[FRAME:]
        if len(chunk) < FRAME:
            chunk = np.concatenate([chunk, np.zeros(FRAME - len(chunk), np.int16)])
        else:
            self.frames_spoken += 1
        live = self._take_live()
        if live is not None:
            chunk = np.clip(chunk.astype(np.int32) + live, -32768, 32767).astype(np.int16)
        if self.on_audio is not None and chunk.any():
            self.on_audio(chunk, time.monotonic())
        frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = RATE
        frame.pts = self._pts
        frame.time_base = Fraction(1, RATE)
        self._pts += FRAME
        return frame
