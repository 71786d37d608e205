"""Per-stream speech pipeline: audio in, speech and transcript events out.

VAD runs inline (it is cheap); each closed segment goes to the shared recogniser through a bounded
queue drained by one task per stream, so transcripts come out in speaking order.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol

import numpy as np

from realtime.events import (
    FinalTranscript,
    MediaEvent,
    PartialTranscript,
    SpeechEnded,
    SpeechPaused,
    SpeechStarted,
)
from realtime.speech.agreement import LocalAgreement
from realtime.speech.buffer import AudioWindow

log = logging.getLogger(__name__)
MAX_PARTIAL_S = 20.0  # a partial recognises at most this much of a very long segment
ARRIVALS_KEPT = 1500  # arrival times of the last ~30 s of 20 ms pushes
TURN_CONTEXT_S = 8.0  # what the turn-end model reads before a pause
LATE_FINAL_S = 2.0  # a transcript later than this after the speech is logged (the target is 1 s)

EventSink = Callable[[MediaEvent], Awaitable[None]]


class Recognizer(Protocol):
    """What the pipeline needs from the shared recognisers (`RecognitionPool`, or a test's fake)."""

    async def transcribe(
        self, audio: np.ndarray, language: str, prompt: str | None = None, draft: bool = False
    ) -> str:
        """Return the text spoken in 16 kHz float32 `audio` (`draft`: a partial caption, speed first)."""
        ...

    def may_start_partial(self, language: str, stream: int, due_since: float) -> bool:
        """Whether this stream's due partial caption may start now (finals first, fair turns)."""
        ...

    def forget_partial(self, language: str, stream: int) -> None:
        """The stream no longer waits for a partial."""
        ...

    async def turn_end(self, audio: np.ndarray, language: str) -> float | None:
        """P(the turn is complete) from the audio up to a pause; None without a turn-end model."""
        ...


class SpeechDetector(Protocol):
    """One stream's voice activity detection (`VADStream`, or a scripted fake)."""

    @property
    def heard_s(self) -> float:
        """Audio time up to which speech has been looked for."""
        ...

    @property
    def in_speech(self) -> bool:
        """Whether a segment is open."""
        ...

    @property
    def sound(self) -> bool:
        """Whether the newest audio is above the noise floor."""
        ...

    def push(self, samples: np.ndarray) -> Sequence[MediaEvent]:
        """Feed 16 kHz int16 samples; speech started/paused/ended events out."""
        ...

    def flush(self) -> Sequence[MediaEvent]:
        """Close an open segment at the end of the stream."""
        ...


class VAD(Protocol):
    """The shared VAD model: one detector per stream."""

    def stream(self) -> SpeechDetector:
        """A fresh detector for one stream."""
        ...


Clock = Callable[[], float]


def loop_clock() -> float:
    """The running event loop's clock: real time in a call, simulated time in a replay."""
    return asyncio.get_running_loop().time()


class SpeechPipeline:
    """VAD segmentation plus transcription of each segment for one candidate stream."""

    def __init__(
        self,
        vad: VAD,
        recognizer: Recognizer,
        on_event: EventSink,
        *,
        language: str = "en",
        prompt: str | None = None,
        pad_s: float = 0.2,
        max_pending: int = 16,
        partial_every_s: float | None = None,
        clock: Clock = loop_clock,
    ) -> None:
        self._vad = vad.stream()
        self._clock = clock
        self._recognizer = recognizer
        self._on_event = on_event
        self._language = language
        self._prompt = prompt
        self._context: str | None = None
        self._pad = pad_s
        self._window = AudioWindow()
        self._segments: asyncio.Queue[SpeechEnded | None] = asyncio.Queue(maxsize=max_pending)
        self._worker: asyncio.Task[None] | None = None
        self._speculative: tuple[tuple[float, float], asyncio.Task[str]] | None = None
        self._closed = False
        # Live captions: a partial of the open segment every `partial_every_s` of new audio, when the
        # recogniser is idle (under load partials thin out first; finals are never dropped).
        self._partial_every = partial_every_s
        self._open_start: float | None = None
        self._last_partial_at = 0.0
        self._partial: asyncio.Task[None] | None = None
        self._agreement: LocalAgreement | None = None
        self.partials_skipped = 0
        self._due_since: float | None = None  # when a partial became due and is waiting for a turn
        # Transcript lag: from the arrival of a segment's last voiced audio to its final transcript.
        self.final_lag_s: float | None = None
        self.final_lag_max_s = 0.0
        self._arrivals: deque[tuple[float, float]] = deque(maxlen=ARRIVALS_KEPT)

    def prompt(self) -> str | None:
        """What the recogniser is told to expect: the job's vocabulary, then the question just asked.

        Whisper reads it as the text before the audio, so names, products and the question's own terms
        come out spelled as the candidate means them.
        """
        return " ".join(p for p in (self._prompt, self._context) if p) or None

    def set_context(self, text: str | None) -> None:
        """The question (or follow-up) the candidate is answering now."""
        self._context = text

    def set_language(self, language: str) -> bool:
        """Hear the next segments in `language` (the spoken-English check of a Chinese interview).

        False, and no change, when no recogniser of that language is loaded.
        """
        languages = getattr(self._recognizer, "languages", None)  # a pool knows; a fake may not
        if isinstance(languages, list) and language not in languages:
            return False
        self._language = language
        return True

    @property
    def audio_time(self) -> float:
        """Seconds of audio received so far."""
        return self._window.end_time

    @property
    def heard_time(self) -> float:
        """Audio time up to which VAD has listened: the clock turn-taking decides on.

        A few milliseconds behind `audio_time` (VAD works in 32 ms chunks, audio arrives in 20 ms
        frames); deciding on audio VAD has not heard yet would call a pause longer than it was.
        """
        return self._vad.heard_s

    @property
    def pending_segments(self) -> int:
        """Closed segments waiting for their final transcript."""
        return self._segments.qsize()

    @property
    def sound(self) -> bool:
        """Whether the newest audio is above the noise floor (see VADStream.sound)."""
        return self._vad.sound

    @property
    def in_speech(self) -> bool:
        """Whether the candidate is speaking now, as VAD hears it."""
        return self._vad.in_speech

    def start(self) -> None:
        """Start the transcription task."""
        if self._worker is None:
            self._worker = asyncio.create_task(self._transcribe_loop(), name="speech-pipeline")

    async def push(self, samples: np.ndarray) -> None:
        """Feed the next 16 kHz int16 samples of the stream."""
        self._window.append(samples)
        self._arrivals.append((self.audio_time, self._clock()))
        for event in self._vad.push(samples):
            await self._emit(event)
        self._maybe_partial()

    def _maybe_partial(self) -> None:
        if self._partial_every is None or self._open_start is None or self._closed:
            return
        now = self.audio_time
        if now - self._last_partial_at < self._partial_every or self._speculative is not None:
            return
        if self._due_since is None:
            self._due_since = self._clock()
        busy = self._partial is not None and not self._partial.done()
        if busy or not self._may_start_partial(self._due_since):
            if now - self._last_partial_at >= 2 * self._partial_every:
                self.partials_skipped += 1  # a whole caption update missed while the recogniser was busy
                self._last_partial_at += self._partial_every
            return
        self._due_since = None
        self._last_partial_at = now
        self._partial = asyncio.ensure_future(self._run_partial(self._open_start, now))

    def _may_start_partial(self, due_since: float) -> bool:
        return self._recognizer.may_start_partial(self._language, id(self), due_since)

    def _stop_waiting(self) -> None:
        self._due_since = None
        self._recognizer.forget_partial(self._language, id(self))

    async def _run_partial(self, start: float, t: float) -> None:
        audio = self._window.slice(max(start - self._pad, t - MAX_PARTIAL_S), t)
        try:
            text = await self._recognizer.transcribe(audio, self._language, self.prompt(), draft=True)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("partial transcription failed")
            return
        if self._open_start != start or self._agreement is None or not text.strip():
            return  # the segment closed meanwhile: its final supersedes this
        stable, shown = self._agreement.update(text)
        await self._on_event(
            PartialTranscript(text=shown, stable=stable, start=start, t=t, language=self._language)
        )

    def _cancel_partial(self) -> None:
        if self._partial is not None:
            self._partial.cancel()
            self._partial = None

    async def _emit(self, event: MediaEvent) -> None:
        if isinstance(event, SpeechStarted):
            self._open_start, self._last_partial_at = event.t, event.t
            self._agreement = LocalAgreement(self._language)
        elif isinstance(event, SpeechEnded):
            self._open_start, self._agreement = None, None
            self._cancel_partial()
            self._stop_waiting()
        if isinstance(event, SpeechPaused):
            # Start recognising at the first silent chunk; SpeechEnded usually confirms it.
            self._drop_speculative()
            task = asyncio.ensure_future(self._recognize(event.start, event.end))
            self._speculative = ((event.start, event.end), task)
            return
        await self._on_event(event)
        if isinstance(event, SpeechEnded):
            await self._segments.put(event)

    def _drop_speculative(self) -> None:
        if self._speculative is not None:
            self._speculative[1].cancel()
            self._speculative = None

    async def _recognize(self, start: float, end: float) -> str:
        audio = self._window.slice(start - self._pad, end + self._pad)
        return await self._recognizer.transcribe(audio, self._language, self.prompt())

    async def _turn_end(self, segment: SpeechEnded) -> float | None:
        # The sound up to the pause, with the silence VAD waited for, as a turn-end model hears it.
        audio = self._window.slice(segment.end - TURN_CONTEXT_S, segment.end + self._pad)
        try:
            return await self._recognizer.turn_end(audio, self._language)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("turn-end model failed at %.2f s", segment.end)
            return None

    async def _transcribe_loop(self) -> None:
        while (segment := await self._segments.get()) is not None:
            speculative = self._speculative
            self._speculative = None
            turn_end = asyncio.ensure_future(self._turn_end(segment))
            try:
                if speculative is not None and speculative[0] == (segment.start, segment.end):
                    text = await speculative[1]
                else:
                    if speculative is not None:
                        speculative[1].cancel()
                    text = await self._recognize(segment.start, segment.end)
            except asyncio.CancelledError:
                turn_end.cancel()
                raise
            except Exception:
                log.exception("transcription of %.2f-%.2f s failed", segment.start, segment.end)
                text = ""
            arrived = next((mono for audio_t, mono in self._arrivals if audio_t >= segment.end), None)
            if arrived is not None:
                self.final_lag_s = self._clock() - arrived
                self.final_lag_max_s = max(self.final_lag_max_s, self.final_lag_s)
                if self.final_lag_s > LATE_FINAL_S:
                    log.warning(
                        "transcript of %.2f-%.2f s came %.2f s after the speech (recognition behind)",
                        segment.start,
                        segment.end,
                        self.final_lag_s,
                    )
            p = await turn_end
            # Empty finals are emitted too: they tell the turn policy the segment is settled.
            await self._on_event(
                FinalTranscript(
                    text=text, start=segment.start, end=segment.end, language=self._language, turn_end_p=p
                )
            )

    async def close(self, drain_s: float = 10.0) -> None:
        """Close an open segment, transcribe what is pending, and stop. Idempotent."""
        if self._closed:
            return
        self._closed = True
        self._stop_waiting()
        partial = self._partial
        self._cancel_partial()
        if partial is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await partial
        for event in self._vad.flush():
            await self._emit(event)
        if self._worker is None:
            self._drop_speculative()
            return
        await self._segments.put(None)
        try:
            await asyncio.wait_for(asyncio.shield(self._worker), drain_s)
        except TimeoutError:
            log.warning("pending transcriptions did not finish in %.0f s; cancelled", drain_s)
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
        self._drop_speculative()
