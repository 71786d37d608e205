"""The spoken test set in tests/data/media (copied from the shared set) and helpers to use it."""

from __future__ import annotations

import json
import re
import wave
from pathlib import Path
from typing import Any

import numpy as np

MEDIA = Path(__file__).resolve().parent / "data" / "media"


def manifest() -> list[dict[str, Any]]:
    """Every clip with its transcript, segment and pause times."""
    clips: list[dict[str, Any]] = json.loads((MEDIA / "manifest.json").read_text(encoding="utf-8"))
    return clips


def clip(clip_id: str) -> dict[str, Any]:
    """One clip's manifest entry."""
    return next(c for c in manifest() if c["id"] == clip_id)


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """Mono int16 samples and rate."""
    with wave.open(str(path)) as w:
        assert w.getnchannels() == 1 and w.getsampwidth() == 2
        return np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16), w.getframerate()


def write_wav(path: Path, samples: np.ndarray, rate: int) -> None:
    """Write mono int16 samples."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.astype(np.int16).tobytes())


def padded_clip(clip_id: str, out: Path, lead_s: float = 0.0, tail_s: float = 0.0) -> Path:
    """The clip with extra silence before and after (a candidate rarely speaks the instant they join)."""
    samples, rate = read_wav(MEDIA / clip(clip_id)["file"])
    pad = [np.zeros(int(rate * lead_s), np.int16), samples, np.zeros(int(rate * tail_s), np.int16)]
    write_wav(out, np.concatenate(pad), rate)
    return out


def normalise_words(text: str) -> str:
    """Lower case, no punctuation, for word error rates."""
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text.lower()).split())


def character_error_rate(reference: str, hypothesis: str) -> float:
    """CER over Chinese characters, letters and digits (punctuation and spaces ignored)."""
    import jiwer

    def keep(text: str) -> str:
        return re.sub(r"[^\u3400-\u9fff0-9a-zA-Z]", "", text)

    return float(jiwer.cer(keep(reference), keep(hypothesis)))


def word_error_rate(reference: str, hypothesis: str) -> float:
    """WER after normalisation."""
    import jiwer

    return float(jiwer.wer(normalise_words(reference), normalise_words(hypothesis)))
