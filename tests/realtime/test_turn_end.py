"""The turn-end model on real recordings of answers: it hears a voice left hanging mid-thought."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from realtime.errors import ModelNotFoundError
from realtime.speech.turn_end import RATE, SmartTurn, default_turn_model_path, log_mel
from server.replay.audio import load_audio

MEDIA = Path(__file__).parents[1] / "data" / "media"


def test_features_cover_the_last_eight_seconds_and_pad_short_audio_in_front() -> None:
    tone = np.sin(2 * np.pi * 220 * np.arange(RATE) / RATE).astype(np.float32) * 0.3
    short = log_mel(tone)
    assert short.shape == (80, 800) and short.dtype == np.float32
    assert short[:, :600].std() < short[:, -90:].std(), "silence first, the sound at the end"
    long = log_mel(np.concatenate([np.zeros(RATE * 20, np.float32), tone]))
    np.testing.assert_allclose(long, short, atol=1e-5)


def test_a_missing_model_file_says_how_to_get_one(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="scripts/setup.sh"):
        SmartTurn(tmp_path / "nothing.onnx")


@pytest.mark.models
def test_thinking_pauses_sound_unfinished_and_answers_sound_finished() -> None:
    path = default_turn_model_path()
    assert path is not None, "scripts/setup.sh extracts the model into models/"
    model = SmartTurn(path)
    clips = json.loads((MEDIA / "manifest.json").read_text(encoding="utf-8"))
    thinking, ends = [], []
    for clip in clips:
        audio = load_audio(MEDIA / clip["file"]).astype(np.float32) / 32768.0
        for pause in clip["pauses"]:
            if pause["kind"] == "thinking":  # "So I, um," then silence
                thinking.append(model.probability(audio[: int((pause["start"] + 0.2) * RATE)]))
        ends.append(model.probability(audio[: int((clip["answer_end"] + 0.2) * RATE)]))
    assert len(thinking) >= 4 and max(thinking) < 0.05, thinking
    assert float(np.median(ends)) > 0.5, ends
