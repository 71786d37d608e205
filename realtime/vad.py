"""Silero voice activity detection on ONNX Runtime: one loaded model, one small state per stream.

The model is the ONNX file shipped inside the `silero-vad` wheel; it is found without importing the
package (which would import torch). A stream costs ~0.07 ms of CPU per 32 ms chunk, so it runs inline.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from realtime.errors import ModelNotFoundError
from realtime.events import SpeechEnded, SpeechStarted

RATE = 16000
CHUNK = 512
CONTEXT = 64


def default_vad_model_path() -> Path:
    """Locate `silero_vad.onnx` inside the installed `silero-vad` package."""
    spec = importlib.util.find_spec("silero_vad")
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFoundError("the silero-vad package is not installed; set INTERVIEW_VAD_MODEL_PATH")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "silero_vad.onnx"


@dataclass(frozen=True)
class VADSettings:
    """Thresholds of the speech segmenter."""

    threshold: float = 0.5
    neg_threshold: float = 0.35
    min_silence_s: float = 0.3

    def __post_init__(self) -> None:
        if not 0 < self.neg_threshold <= self.threshold < 1:
            raise ValueError("VAD thresholds must satisfy 0 < neg_threshold <= threshold < 1")


class SileroVAD:
    """The loaded model; thread-safe, shared by every stream in the process."""

    def __init__(self, model_path: Path | None = None, settings: VADSettings | None = None) -> None:
        import onnxruntime as ort

        path = model_path or default_vad_model_path()
        if not path.is_file():
            raise ModelNotFoundError(f"VAD model not found at {path}")
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.settings = settings or VADSettings()

    def probability(self, window: np.ndarray, state: np.ndarray) -> tuple[float, np.ndarray]:
        """Speech probability of one 64+512-sample float window, and the next recurrent state."""
        out, new_state = self._session.run(
            None, {"input": window[None, :], "state": state, "sr": np.array(RATE, dtype=np.int64)}
        )
        return float(out[0][0]), new_state

    def stream(self) -> VADStream:
        """Start an independent stream with its own state."""
        return VADStream(self)


class VADStream:
    """Turns 16 kHz int16 audio into `SpeechStarted` / `SpeechEnded` events with audio-clock times."""

    def __init__(self, model: SileroVAD) -> None:
        self._model = model
        self._settings = model.settings
        self._state = np.zeros((2, 1, 128), dtype=np.float32)
        self._context = np.zeros(CONTEXT, dtype=np.float32)
        self._pending = np.zeros(0, dtype=np.float32)
        self._consumed = 0  # samples already run through the model
        self._in_speech = False
        self._speech_start = 0.0
        self._last_voiced = 0.0
        self.last_probability = 0.0

    @property
    def in_speech(self) -> bool:
        """Whether a speech segment is open."""
        return self._in_speech

    def push(self, samples: np.ndarray) -> list[SpeechStarted | SpeechEnded]:
        """Feed samples that follow the previous ones; return the events they complete."""
        audio = samples.astype(np.float32) / 32768.0
        self._pending = np.concatenate([self._pending, audio])
        events: list[SpeechStarted | SpeechEnded] = []
        while len(self._pending) >= CHUNK:
            chunk, self._pending = self._pending[:CHUNK], self._pending[CHUNK:]
            window = np.concatenate([self._context, chunk])
            self._context = chunk[-CONTEXT:]
            prob, self._state = self._model.probability(window, self._state)
            self.last_probability = prob
            chunk_start = self._consumed / RATE
            self._consumed += CHUNK
            event = self._step(prob, chunk_start, self._consumed / RATE)
            if event is not None:
                events.append(event)
        return events

    def _step(self, prob: float, chunk_start: float, chunk_end: float) -> SpeechStarted | SpeechEnded | None:
        s = self._settings
        if prob >= s.threshold:
            self._last_voiced = chunk_end
            if not self._in_speech:
                self._in_speech = True
                self._speech_start = chunk_start
                return SpeechStarted(t=chunk_start)
            return None
        if self._in_speech and prob < s.neg_threshold and chunk_end - self._last_voiced >= s.min_silence_s:
            self._in_speech = False
            return SpeechEnded(start=self._speech_start, end=self._last_voiced, t=chunk_end)
        return None

    def flush(self) -> list[SpeechStarted | SpeechEnded]:
        """Close an open segment at the end of the stream."""
        if not self._in_speech:
            return []
        self._in_speech = False
        now = self._consumed / RATE
        return [SpeechEnded(start=self._speech_start, end=self._last_voiced, t=now)]
