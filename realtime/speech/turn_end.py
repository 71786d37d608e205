"""Turn-end model: from the sound of the last seconds, how likely the speaker has finished their turn.

Words alone cannot tell "and then we, [pause]" from a finished answer when the recogniser drops the
trailing filler; intonation, final lengthening and energy at the pause can. Smart Turn v3 (Daily, BSD-2;
its ONNX file ships inside the `pipecat-ai` wheel, and `scripts/setup.sh` takes it from there) reads the
last 8 s of 16 kHz audio as Whisper log-mel features and returns P(turn complete). It is one signal that
the turn policy weighs with what the answer says (`agent/endpointing.py`), never the verdict on its own.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from realtime.errors import ModelNotFoundError

SMART_TURN_FILE = "smart-turn-v3.2-cpu.onnx"
RATE = 16000
WINDOW_S = 8
N_FFT = 400
HOP = 160
N_MELS = 80


class TurnEndModel(Protocol):
    """P(the speaker's turn is complete) from the audio up to a pause."""

    def probability(self, audio: npt.NDArray[np.float32]) -> float:
        """`audio`: 16 kHz mono float32 ending at the pause (only the last 8 s are read)."""
        ...


def _mel_filters() -> npt.NDArray[np.float64]:
    # The Slaney-scale filterbank Whisper uses; faster-whisper already computes it.
    from faster_whisper.feature_extractor import FeatureExtractor

    return np.asarray(FeatureExtractor.get_mel_filters(RATE, N_FFT, n_mels=N_MELS), dtype=np.float64)


_FILTERS: npt.NDArray[np.float64] | None = None
_FILTERS_LOCK = threading.Lock()


def log_mel(audio: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Whisper-style features of the last 8 s (zero-padded in front): shape (80, 800).

    As the model was trained: the waveform normalised to zero mean and unit variance, a centred STFT with
    a periodic Hann window, log10 power mel bands clamped to 8 below their peak, scaled to about [-1, 1].
    """
    global _FILTERS
    with _FILTERS_LOCK:
        if _FILTERS is None:
            _FILTERS = _mel_filters()
    n = RATE * WINDOW_S
    x = np.asarray(audio, dtype=np.float32)[-n:]
    x = np.pad(x, (n - len(x), 0))
    x = (x - x.mean()) / np.sqrt(x.var() + 1e-7)
    padded = np.pad(x.astype(np.float64), N_FFT // 2, mode="reflect")
    frames = np.lib.stride_tricks.sliding_window_view(padded, N_FFT)[::HOP]
    window = np.hanning(N_FFT + 1)[:-1]
    power = np.abs(np.fft.rfft(frames * window, axis=-1)) ** 2  # (frames, bins)
    mel = _FILTERS @ power.T  # (80, frames)
    spec = np.log10(np.maximum(mel, 1e-10))[:, :-1]
    spec = np.maximum(spec, spec.max() - 8.0)
    features: npt.NDArray[np.float32] = ((spec + 4.0) / 4.0).astype(np.float32)
    return features


def default_turn_model_path() -> Path | None:
    """`models/smart-turn-v3.2-cpu.onnx` in the project folder, where `scripts/setup.sh` puts it, if there."""
    path = Path(__file__).resolve().parents[2] / "models" / SMART_TURN_FILE
    return path if path.is_file() else None


class SmartTurn:
    """Smart Turn v3 on onnxruntime, one thread per inference (~30 ms on this class of CPU)."""

    def __init__(self, path: str | Path) -> None:
        path = Path(path)
        if not path.is_file():
            raise ModelNotFoundError(
                f"turn-end model {path} not found: run scripts/setup.sh (it extracts {SMART_TURN_FILE} "
                "from the pipecat-ai wheel), or set INTERVIEW_TURN_MODEL_PATH"
            )
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self.name = path.name

    def probability(self, audio: npt.NDArray[np.float32]) -> float:
        """P(complete) for the audio up to the pause."""
        features = log_mel(audio)[np.newaxis]
        out = self._session.run(None, {"input_features": features})[0]
        return float(np.clip(np.asarray(out).reshape(-1)[0], 0.0, 1.0))
