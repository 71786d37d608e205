"""faster-whisper with the bundled tiny.en model, and the speech pipeline on real clips."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from realtime.errors import ModelNotFoundError
from realtime.events import FinalTranscript, MediaEvent, SpeechEnded, SpeechStarted
from realtime.speech.asr import ASRSettings, WhisperRecognizer, keep_trailing_off
from realtime.speech.pipeline import SpeechPipeline
from realtime.speech.pool import RecognitionPool, SimulatedCompute
from realtime.speech.vad import SileroVAD
from tests.media import MEDIA, clip, manifest, read_wav, word_error_rate

ENGLISH = [c for c in manifest() if c["language"] == "en"]


@pytest.mark.models
def test_a_missing_model_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="no model.bin"):
        WhisperRecognizer(ASRSettings(model_path=tmp_path / "nowhere"))


async def test_one_sentence_is_recognised(recognizer: RecognitionPool) -> None:
    spoken = clip("en_leadership_star")
    samples, rate = read_wav(MEDIA / spoken["file"])
    seg = spoken["segments"][0]
    audio = (
        samples[int((seg["start"] - 0.2) * rate) : int((seg["end"] + 0.2) * rate)].astype(np.float32) / 32768
    )
    text = await recognizer.transcribe(audio, "en")
    assert word_error_rate(seg["text"], text) <= 0.3, text


async def feed(pipeline: SpeechPipeline, samples: np.ndarray, chunk: int = 320) -> None:
    pipeline.start()
    for i in range(0, len(samples), chunk):
        await pipeline.push(samples[i : i + chunk])
    await pipeline.close()


async def run_pipeline(vad: SileroVAD, recognizer: RecognitionPool, spoken: dict) -> list[MediaEvent]:
    events: list[MediaEvent] = []

    async def sink(event: MediaEvent) -> None:
        events.append(event)

    samples, _ = read_wav(MEDIA / spoken["file"])
    await feed(SpeechPipeline(vad, recognizer, sink, language="en"), samples)
    return events


async def test_pipeline_transcribes_every_english_answer(vad: SileroVAD, recognizer: RecognitionPool) -> None:
    references, hypotheses = [], []
    for spoken in ENGLISH:
        events = await run_pipeline(vad, recognizer, spoken)
        finals = [e for e in events if isinstance(e, FinalTranscript)]
        text = " ".join(f.text for f in finals)
        references.append(spoken["text"])
        hypotheses.append(text)
        assert word_error_rate(spoken["text"], text) <= 0.5, (spoken["id"], text)
        # Order: speech starts first, each final follows its segment's end; times are on the audio clock.
        kinds = [type(e) for e in events]
        assert kinds[0] is SpeechStarted
        assert kinds.index(FinalTranscript) > kinds.index(SpeechEnded)
        assert all(0 <= f.start < f.end <= spoken["duration"] for f in finals)
        # No utterance is lost: every spoken sentence lies in a segment that got text.
        for seg in spoken["segments"]:
            assert any(
                f.text and f.start - 0.2 <= seg["start"] and seg["end"] <= f.end + 0.4 for f in finals
            ), seg
    pooled = word_error_rate(" ".join(references), " ".join(hypotheses))
    print(f"pooled English WER {pooled:.1%}")
    assert pooled <= 0.25


def slow(workers: int) -> SimulatedCompute:
    return SimulatedCompute(workers, cost_s=0.05)


class SlowRecognizer:
    """A fake that answers with the audio length, after a delay, to check ordering and close()."""

    def transcribe_sync(
        self, audio: np.ndarray, language: str, prompt: str | None = None, draft: bool = False
    ) -> str:
        return f"{len(audio) / 16000:.1f}s"


async def test_close_transcribes_pending_segments_in_order(vad: SileroVAD) -> None:
    events: list[MediaEvent] = []

    async def sink(event: MediaEvent) -> None:
        events.append(event)

    samples, _ = read_wav(MEDIA / "en/en_leadership_star.wav")
    # Cut mid-sentence: close() must close the open segment and still transcribe everything.
    await feed(
        SpeechPipeline(vad, RecognitionPool({"en": SlowRecognizer()}, 2, slow), sink),
        samples[: int(16000 * 12.5)],
    )
    ended = [e for e in events if isinstance(e, SpeechEnded)]
    finals = [e for e in events if isinstance(e, FinalTranscript)]
    assert len(finals) == len(ended) >= 3
    assert [(f.start, f.end) for f in finals] == [(e.start, e.end) for e in ended]


async def test_finals_decode_greedily_while_others_wait(recognizer: RecognitionPool) -> None:
    spoken = clip("en_leadership_star")
    samples, rate = read_wav(MEDIA / spoken["file"])
    seg = spoken["segments"][1]
    audio = samples[int(seg["start"] * rate) : int((seg["end"] + 0.2) * rate)].astype(np.float32) / 32768
    before = recognizer.greedy_finals()["en"]
    import asyncio

    texts = await asyncio.gather(*(recognizer.transcribe(audio, "en") for _ in range(8)))
    assert recognizer.greedy_finals()["en"] - before >= 2, (
        "a backlog of finals should not all pay for beam search"
    )
    assert all(word_error_rate(seg["text"], t) <= 0.3 for t in texts), texts


def test_beam_words_keep_the_greedy_sentence_ending() -> None:
    # Greedy decoding leaves a hanging sentence open; beam search closes it. The turn-taking needs it open.
    assert keep_trailing_off(
        "I traced the look we are in the end.", "I traced the silk we are in the end"
    ) == ("I traced the look we are in the end")
    assert keep_trailing_off("I traced the slow queries.", "I traced the slow queries...") == (
        "I traced the slow queries..."
    )
    assert keep_trailing_off("We shipped early.", "We shipped are Lee.") == "We shipped early."
    assert keep_trailing_off("我们提前上线。", "我们提前上线") == "我们提前上线"
    assert keep_trailing_off("And then...", "And then") == "And then..."


def test_chinese_comes_out_simplified_with_full_width_punctuation() -> None:
    from realtime.speech.asr import to_simplified

    assert to_simplified("我們溝通了兩個時間, 還有單據.") == "我们沟通了两个时间，还有单据。"
    assert to_simplified("今天天气很好") == "今天天气很好"


@pytest.mark.models
def test_the_server_can_hear_english_with_the_bundled_multilingual_base(tmp_path: Path) -> None:
    """`INTERVIEW_ASR_EN_MODEL=base`: the English engine is the multilingual model, told the language."""
    from server.runtime import load_speech
    from server.settings import Settings

    _, engines = load_speech(Settings(data_dir=tmp_path, asr_en_model="base", asr_languages="en"))
    english = engines["en"]
    assert isinstance(english, WhisperRecognizer) and english.multilingual
    spoken = clip("en_leadership_star")
    samples, rate = read_wav(MEDIA / spoken["file"])
    seg = spoken["segments"][0]
    audio = (
        samples[int((seg["start"] - 0.2) * rate) : int((seg["end"] + 0.2) * rate)].astype(np.float32) / 32768
    )
    text = english.transcribe_sync(audio, "en")
    assert word_error_rate(seg["text"], text) <= 0.2, text
