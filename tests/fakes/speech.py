"""Scripted speech: a VAD and a recogniser that read a script encoded in the audio itself.

`scripted_audio` writes each utterance of a script as a constant sample value (`BASE + index`) over its
span, silence (zero) elsewhere. `ScriptedVAD` hears speech wherever samples are non-zero, with the real
VAD's events (started, paused at the first silent chunk, ended after `min_silence_s`); the
`ScriptedRecognizer` finds which utterance a slice of audio holds and returns its text (a partial
caption: the words the slice covers so far). Both go through the real pipeline, pool and agent, and on
the virtual-time loop a 30-second exchange runs in milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from realtime.events import MediaEvent, SpeechEnded, SpeechPaused, SpeechStarted
from realtime.speech.pool import RecognitionPool, SimulatedCompute, ThreadCompute
from server.runtime import ModelRuntime

RATE = 16000
CHUNK = 320
BASE = 1000


@dataclass(frozen=True)
class Said:
    """One utterance of a script: its text between two audio times."""

    start: float
    end: float
    text: str


def scripted_audio(script: Sequence[Said], total_s: float) -> np.ndarray:
    """16 kHz int16 audio carrying the script (`BASE + index` over each utterance)."""
    audio = np.zeros(int(total_s * RATE), np.int16)
    for i, said in enumerate(script):
        audio[int(said.start * RATE) : int(said.end * RATE)] = BASE + i
    return audio


class ScriptedVADStream:
    """Speech wherever the samples are not zero, in 20 ms chunks."""

    def __init__(self, min_silence_s: float) -> None:
        self._min_silence = min_silence_s
        self._t = 0.0
        self._start = 0.0
        self._last_voiced = 0.0
        self._paused = False
        self.in_speech = False
        self.sound = False

    @property
    def heard_s(self) -> float:
        return self._t

    def push(self, samples: np.ndarray) -> list[MediaEvent]:
        events: list[MediaEvent] = []
        for i in range(0, len(samples), CHUNK):
            chunk = samples[i : i + CHUNK]
            start, self._t = self._t, self._t + len(chunk) / RATE
            self.sound = bool(np.any(chunk))
            if self.sound:
                self._last_voiced = self._t
                self._paused = False
                if not self.in_speech:
                    self.in_speech, self._start = True, start
                    events.append(SpeechStarted(t=start))
            elif self.in_speech:
                if not self._paused:
                    self._paused = True
                    events.append(SpeechPaused(start=self._start, end=self._last_voiced, t=self._t))
                if self._t - self._last_voiced >= self._min_silence:
                    self.in_speech = False
                    events.append(SpeechEnded(start=self._start, end=self._last_voiced, t=self._t))
        return events

    def flush(self) -> list[MediaEvent]:
        if not self.in_speech:
            return []
        self.in_speech = False
        return [SpeechEnded(start=self._start, end=self._last_voiced, t=self._t)]


class ScriptedVAD:
    """The shared "model": one scripted stream per call."""

    def __init__(self, min_silence_s: float = 0.3) -> None:
        self.min_silence_s = min_silence_s

    def stream(self) -> ScriptedVADStream:
        return ScriptedVADStream(self.min_silence_s)


class ScriptedRecognizer:
    """Returns the script's text for the utterance a slice of audio holds."""

    def __init__(self, script: Sequence[Said] = ()) -> None:
        self.script = list(script)
        self.calls: list[tuple[int | None, bool]] = []  # (utterance index, draft) of every request

    def transcribe_sync(
        self, audio: np.ndarray, language: str, prompt: str | None = None, draft: bool = False
    ) -> str:
        values = np.rint(audio * 32768.0).astype(np.int64)
        voiced = values[values >= BASE]
        if not len(voiced):
            self.calls.append((None, draft))
            return ""
        index = int(np.bincount(voiced - BASE).argmax())
        self.calls.append((index, draft))
        said = self.script[index]
        words = said.text.split(" ")
        heard = len(voiced) / RATE / max(said.end - said.start, 1e-6)
        if heard >= 0.98:
            return said.text
        return " ".join(words[: max(1, int(len(words) * heard))])


class ScriptedTurnModel:
    """P(turn complete) per utterance of the script: the last one heard in the audio it is given."""

    def __init__(self, p_after: dict[int, float], default: float = 0.9) -> None:
        self.p_after = p_after
        self.default = default
        self.heard_s: list[float] = []  # the length of every audio it was given

    def probability(self, audio: np.ndarray) -> float:
        self.heard_s.append(len(audio) / RATE)
        values = np.rint(audio * 32768.0).astype(np.int64)
        voiced = values[values >= BASE]
        return self.p_after.get(int(voiced[-1] - BASE), self.default) if len(voiced) else self.default


def scripted_pool(
    script: Sequence[Said] = (), cost_s: float = 0.05, simulated: bool = True, workers: int = 2
) -> tuple[RecognitionPool, ScriptedRecognizer]:
    """A pool of scripted recognisers for both languages, each recognition costing `cost_s`."""
    engine = ScriptedRecognizer(script)
    if simulated:
        return RecognitionPool(
            {"en": engine, "zh": engine}, workers, lambda n: SimulatedCompute(n, cost_s)
        ), engine
    return RecognitionPool({"en": engine, "zh": engine}, workers, ThreadCompute), engine


def fake_runtime(script: Sequence[Said] = ()) -> ModelRuntime:
    """Models for an app under test that loads none: scripted VAD and recognisers, no voice or faces."""
    pool, _ = scripted_pool(script, simulated=False)
    return ModelRuntime(ScriptedVAD(), pool)
