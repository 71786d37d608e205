"""Silero voice activity detection on ONNX Runtime: one loaded model, one small state per stream.

The model is the ONNX file shipped inside the `silero-vad` wheel; it is found without importing the
package (which would import torch). A stream costs ~0.07 ms of CPU per 32 ms chunk, so it runs inline.
"""

from __future__ import annotations

import importlib.util
from collections import deque
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from realtime.errors import ModelNotFoundError
from realtime.events import SpeechEnded, SpeechPaused, SpeechStarted

VADEvent = SpeechStarted | SpeechPaused | SpeechEnded

RATE = 16000
CHUNK = 512
CONTEXT = 64
FRAME = 160  # 10 ms, for refining segment edges by energy
RECENT_CHUNKS = 16  # 0.5 s: covers min_silence after the last voiced chunk
ONSET_CHUNKS = 6
ONSET_FLOOR = 0.25
MIN_FLOOR = 0.003


def _frame_rms(chunk: np.ndarray) -> list[float]:
    usable = len(chunk) // FRAME * FRAME
    frames = chunk[:usable].reshape(-1, FRAME)
    return [float(x) for x in np.sqrt((frames**2).mean(axis=1))]


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
        self._last_voiced_chunk = 0  # sample index of the last chunk VAD called speech
        self._paused_end: float | None = None
        self._recent: deque[tuple[int, np.ndarray]] = deque(maxlen=RECENT_CHUNKS)
        self._noise = deque([0.002], maxlen=64)  # RMS of recent non-speech frames
        self.last_probability = 0.0

    @property
    def heard_s(self) -> float:
        """Audio time up to which the model has listened (it works in 32 ms chunks)."""
        return self._consumed / RATE

    @property
    def in_speech(self) -> bool:
        """Whether a speech segment is open."""
        return self._in_speech

    @property
    def sound(self) -> bool:
        """Whether the newest 20 ms carry sound above the noise floor.

        Silero can take a chunk or two to call a soft onset speech; turn-taking holds off while
        there is sound, so it never ends a turn on a voice that has just come back.
        """
        if not self._recent:
            return False
        return any(rms > self._floor() for rms in _frame_rms(self._recent[-1][1])[-2:])

    def push(self, samples: np.ndarray) -> list[VADEvent]:
        """Feed samples that follow the previous ones; return the events they complete."""
        audio = samples.astype(np.float32) / 32768.0
        self._pending = np.concatenate([self._pending, audio])
        events: list[VADEvent] = []
        while len(self._pending) >= CHUNK:
            chunk, self._pending = self._pending[:CHUNK], self._pending[CHUNK:]
            window = np.concatenate([self._context, chunk])
            self._context = chunk[-CONTEXT:]
            prob, self._state = self._model.probability(window, self._state)
            self.last_probability = prob
            chunk_start = self._consumed / RATE
            self._recent.append((self._consumed, chunk))
            if prob < self._settings.neg_threshold and not self._in_speech:
                self._noise.extend(_frame_rms(chunk))
            self._consumed += CHUNK
            event = self._step(prob, chunk_start, self._consumed / RATE)
            if event is not None:
                events.append(event)
        return events

    def _step(self, prob: float, chunk_start: float, chunk_end: float) -> VADEvent | None:
        s = self._settings
        if prob >= s.threshold:
            self._last_voiced = chunk_end
            self._last_voiced_chunk = self._consumed - CHUNK
            self._paused_end = None
            if not self._in_speech:
                self._in_speech = True
                self._speech_start = self._refine_start(chunk_start)
                return SpeechStarted(t=self._speech_start)
            return None
        if self._in_speech and prob < s.neg_threshold and chunk_end - self._last_voiced >= s.min_silence_s:
            self._in_speech = False
            end = (
                self._paused_end
                if self._paused_end is not None
                else max(self._refine_end(), self._speech_start)
            )
            self._paused_end = None
            return SpeechEnded(start=self._speech_start, end=end, t=chunk_end)
        if self._in_speech and prob < s.neg_threshold and self._paused_end is None:
            self._paused_end = max(self._refine_end(), self._speech_start)
            return SpeechPaused(start=self._speech_start, end=self._paused_end, t=chunk_end)
        return None

    def _floor(self) -> float:
        return max(4 * float(np.median(self._noise)), MIN_FLOOR)

    def _refine_start(self, chunk_start: float) -> float:
        """Where the voice begins.

        That is the start of the run of above-floor 10 ms frames that reaches into the chunk where VAD
        fired (Silero may need a chunk or more of a soft onset).
        """
        floor = self._floor()
        frames: list[tuple[int, float]] = []
        for start, chunk in list(self._recent)[-ONSET_CHUNKS:]:
            frames += [(start + i * FRAME, rms) for i, rms in enumerate(_frame_rms(chunk))]
        trigger = int(chunk_start * RATE)
        loud = [i for i, (s, rms) in enumerate(frames) if s >= trigger and rms > floor]
        if not loud:
            return chunk_start
        i = loud[0]
        while i > 0 and frames[i - 1][1] > floor * ONSET_FLOOR:  # a soft onset rises from just above noise
            i -= 1
        return frames[i][0] / RATE

    def _refine_end(self) -> float:
        """The end of the last 10 ms frame above the noise floor after the last chunk VAD called speech.

        Silero's chunk decision can be ~0.3 s early or late on fading speech; energy puts the end where
        the voice actually stops, so pause lengths are measured the way a listener hears them.
        """
        floor = self._floor()
        end = self._last_voiced
        for start, chunk in self._recent:
            if start < self._last_voiced_chunk - CHUNK:
                continue
            for i, rms in enumerate(_frame_rms(chunk)):
                if rms > floor:
                    end = max(
                        end if start < self._last_voiced_chunk else 0.0, (start + (i + 1) * FRAME) / RATE
                    )
        return end

    def flush(self) -> list[VADEvent]:
        """Close an open segment at the end of the stream."""
        if not self._in_speech:
            return []
        self._in_speech = False
        now = self._consumed / RATE
        return [SpeechEnded(start=self._speech_start, end=self._last_voiced, t=now)]
