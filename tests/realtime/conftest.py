"""Real models, loaded once per test session (they ship inside installed packages)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from realtime.speech.asr import ASRSettings, WhisperRecognizer, default_asr_model_path
from realtime.speech.pool import RecognitionPool
from realtime.speech.vad import SileroVAD


@pytest.fixture(scope="session")
def vad() -> SileroVAD:
    return SileroVAD()


@pytest.fixture(scope="session")
def recognizer() -> Iterator[RecognitionPool]:
    """English `tiny.en` on two worker threads, as a live call has it."""
    pool = RecognitionPool({"en": WhisperRecognizer(ASRSettings(model_path=default_asr_model_path()))})
    yield pool
    pool.close()
