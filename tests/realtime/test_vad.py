"""Silero VAD on the spoken test set: segments where the manifest says speech is."""

from __future__ import annotations

import numpy as np
import pytest

from realtime.events import SpeechEnded, SpeechStarted
from realtime.speech.vad import SileroVAD, VADSettings
from tests.media import MEDIA, manifest, read_wav


def run(vad: SileroVAD, samples: np.ndarray, chunk: int = 320) -> list[SpeechStarted | SpeechEnded]:
    stream = vad.stream()
    events = []
    for i in range(0, len(samples), chunk):
        events += stream.push(samples[i : i + chunk])
    return events + stream.flush()


@pytest.mark.parametrize("clip", manifest(), ids=lambda c: c["id"])
def test_segments_match_the_manifest(vad: SileroVAD, clip: dict) -> None:
    samples, rate = read_wav(MEDIA / clip["file"])
    ended = [e for e in run(vad, samples) if isinstance(e, SpeechEnded)]
    # Each spoken sentence is covered by the segments that overlap it (a comma pause may split one).
    for seg in clip["segments"]:
        parts = [e for e in ended if e.end > seg["start"] and e.start < seg["end"]]
        assert parts, seg
        assert min(p.start for p in parts) <= seg["start"] + 0.25, seg
        assert max(p.end for p in parts) >= seg["end"] - 0.4, seg
    # Nothing is heard inside the pauses or after the answer.
    for pause in clip["pauses"]:
        assert not [e for e in ended if e.start >= pause["start"] + 0.1 and e.end <= pause["end"] - 0.1], (
            pause
        )
    assert all(e.end <= clip["answer_end"] + 0.3 for e in ended)


def test_streams_keep_separate_state(vad: SileroVAD) -> None:
    clip = manifest()[0]
    samples, _ = read_wav(MEDIA / clip["file"])
    alone = run(vad, samples)
    a, b = vad.stream(), vad.stream()
    silence = np.zeros_like(samples)
    interleaved = []
    for i in range(0, len(samples), 512):
        interleaved += a.push(samples[i : i + 512])
        assert b.push(silence[i : i + 512]) == []
    interleaved += a.flush()
    assert interleaved == alone


def test_silence_and_noise_are_not_speech(vad: SileroVAD) -> None:
    rng = np.random.default_rng(1)
    noise = (rng.normal(0, 300, 16000 * 3)).astype(np.int16)
    assert run(vad, np.zeros(16000 * 3, np.int16)) == []
    assert run(vad, noise) == []


def test_thresholds_are_validated() -> None:
    with pytest.raises(ValueError, match="thresholds"):
        VADSettings(threshold=0.3, neg_threshold=0.5)
