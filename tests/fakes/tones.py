"""Scripted speech that survives a real WebRTC call: each answer of a script is a tone of its own pitch.

The scripted fakes of `speech.py` carry the script as exact sample values, which Opus does not keep.
Here the candidate (an aiortc client, `ToneTrack`) plays answer `i` as a sine at `pitch(i)`; `ToneVAD`
hears speech where the audio is loud, and `ToneRecognizer` returns the text of the answer whose pitch
dominates the slice. The real call path runs (ICE, DTLS, Opus, resampling, the pipeline, the agent);
only the models are scripted, so multi-instance, reconnect and crash tests run without loading any.
"""

from __future__ import annotations

import asyncio
import fractions
import time
from collections.abc import Sequence

import av
import numpy as np
from aiortc.mediastreams import MediaStreamTrack

from realtime.events import MediaEvent
from realtime.speech.pool import RecognitionPool, ThreadCompute
from server.runtime import ModelRuntime
from tests.fakes.speech import CHUNK, ScriptedVAD, ScriptedVADStream

RATE = 16000
LOUD = 1500  # RMS of a 20 ms chunk above which it is speech (the tones play at ~7000)
ANSWERS = (
    "In my last job I led the migration of our billing system to a new database. "
    "I planned it in three steps, first I tested a copy, then I moved one customer group at a time, "
    "and as a result we had no outage and the monthly close took two days less.",
    "I wanted to work on products people use every day, and this team builds exactly that. "
    "I learned that I enjoy talking to users, so for example I ran interviews every week.",
    "When a colleague and I disagreed about a release date, I first listened to his reasons, "
    "then we agreed on a smaller first release, and in the end both goals were met on time.",
)


def pitch(index: int) -> float:
    """The tone of answer `index` (Hz): 400, 700, 1000, ..."""
    return 400.0 + 300.0 * index


class ToneVADStream(ScriptedVADStream):
    """The scripted VAD's events, with speech wherever a chunk is loud."""

    def push(self, samples: np.ndarray) -> list[MediaEvent]:
        """Mark each 20 ms chunk voiced or silent by its loudness, then run the scripted VAD."""
        marked = np.zeros(len(samples), np.int16)
        for i in range(0, len(samples), CHUNK):
            chunk = samples[i : i + CHUNK].astype(np.float64)
            if len(chunk) and np.sqrt(np.mean(chunk**2)) > LOUD:
                marked[i : i + CHUNK] = 1
        return super().push(marked)


class ToneVAD(ScriptedVAD):
    """One tone-hearing stream per call."""

    def stream(self) -> ToneVADStream:
        """A new stream."""
        return ToneVADStream(self.min_silence_s)


class ToneRecognizer:
    """The answer whose pitch is strongest in the slice (its first words for a draft)."""

    def __init__(self, answers: Sequence[str] = ANSWERS) -> None:
        self.answers = list(answers)

    def transcribe_sync(
        self, audio: np.ndarray, language: str, prompt: str | None = None, draft: bool = False
    ) -> str:
        """Text for a slice of 16 kHz float audio."""
        if len(audio) < RATE // 10 or float(np.sqrt(np.mean(audio**2))) < LOUD / 32768:
            return ""
        spectrum = np.abs(np.fft.rfft(audio))
        peak = float(np.fft.rfftfreq(len(audio), 1 / RATE)[int(spectrum.argmax())])
        index = round((peak - pitch(0)) / 300.0)
        if not 0 <= index < len(self.answers):
            return ""
        text = self.answers[index]
        return " ".join(text.split(" ")[:8]) if draft else text


def tone_runtime() -> ModelRuntime:
    """Models for a server under test whose candidates are `ToneTrack`s."""
    engine = ToneRecognizer()
    return ModelRuntime(ToneVAD(), RecognitionPool({"en": engine, "zh": engine}, 2, ThreadCompute))


class ToneTrack(MediaStreamTrack):
    """A candidate's microphone: silence, or answer `i`'s tone while `speak(i, seconds)` lasts.

    Paced in real time like a microphone; `stop_sending()` freezes it (a dropped network: the call
    stays open but no media arrives).
    """

    kind = "audio"

    def __init__(self) -> None:
        super().__init__()
        self._rate = 48000
        self._samples = 960
        self._pts = 0
        self._start: float | None = None
        self._tone: tuple[float, float, float] | None = None  # (pitch, from, until monotonic)
        self._frozen = asyncio.Event()
        self._pending: tuple[int, float, float] | None = None

    def speak(self, index: int, seconds: float) -> None:
        """Play answer `index` for `seconds` from now."""
        self.speak_after(index, 0.0, seconds)

    def speak_after(self, index: int, delay_s: float, seconds: float) -> None:
        """Play answer `index` for `seconds`, from `delay_s` after the call's first frame (or now)."""
        if self._start is None:
            self._pending = (index, delay_s, seconds)
            return
        begin = time.monotonic() + delay_s
        self._tone = (pitch(index), begin, begin + seconds)

    def stop_sending(self) -> None:
        """Send nothing more (the network went away)."""
        self._frozen.set()

    async def recv(self) -> av.AudioFrame:
        """The next 20 ms frame, at the time a microphone would deliver it."""
        if self._frozen.is_set():
            await asyncio.Event().wait()  # never: a frozen network; the connection's close ends it
        if self._start is None:
            self._start = time.monotonic()
            if self._pending is not None:  # scheduled before the call started
                self.speak_after(*self._pending)
        wait = self._start + self._pts / self._rate - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
        t = (self._pts + np.arange(self._samples)) / self._rate
        samples = np.zeros(self._samples, np.int16)
        now = time.monotonic()
        if self._tone is not None and self._tone[1] <= now < self._tone[2]:
            samples = (7000 * np.sin(2 * np.pi * self._tone[0] * t)).astype(np.int16)
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate, frame.pts = self._rate, self._pts
        frame.time_base = fractions.Fraction(1, self._rate)
        self._pts += self._samples
        return frame
