"""Per-stream speech pipeline: audio in, speech and transcript events out.

VAD runs inline (it is cheap); each closed segment goes to the shared recogniser through a bounded
queue drained by one task per stream, so transcripts come out in speaking order.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

import numpy as np

from realtime.buffer import AudioWindow
from realtime.events import FinalTranscript, MediaEvent, SpeechEnded, SpeechPaused
from realtime.vad import SileroVAD

log = logging.getLogger(__name__)

EventSink = Callable[[MediaEvent], Awaitable[None]]


class Recognizer(Protocol):
    """What the pipeline needs from a speech recogniser."""

    async def transcribe(self, audio: np.ndarray, language: str, prompt: str | None = None) -> str:
        """Return the text spoken in 16 kHz float32 `audio`."""
        ...


class SpeechPipeline:
    """VAD segmentation plus transcription of each segment for one candidate stream."""

    def __init__(
        self,
        vad: SileroVAD,
        recognizer: Recognizer,
        on_event: EventSink,
        *,
        language: str = "en",
        prompt: str | None = None,
        pad_s: float = 0.2,
        max_pending: int = 16,
    ) -> None:
        self._vad = vad.stream()
        self._recognizer = recognizer
        self._on_event = on_event
        self._language = language
        self._prompt = prompt
        self._pad = pad_s
        self._window = AudioWindow()
        self._segments: asyncio.Queue[SpeechEnded | None] = asyncio.Queue(maxsize=max_pending)
        self._worker: asyncio.Task[None] | None = None
        self._speculative: tuple[tuple[float, float], asyncio.Task[str]] | None = None
        self._closed = False

    def prompt(self) -> str | None:
        """The job's vocabulary (company, product and technical terms) for the recogniser."""
        return self._prompt

    @property
    def audio_time(self) -> float:
        """Seconds of audio received so far."""
        return self._window.end_time

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
        for event in self._vad.push(samples):
            await self._emit(event)

    async def _emit(self, event: MediaEvent) -> None:
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

    async def _transcribe_loop(self) -> None:
        while (segment := await self._segments.get()) is not None:
            speculative = self._speculative
            self._speculative = None
            try:
                if speculative is not None and speculative[0] == (segment.start, segment.end):
                    text = await speculative[1]
                else:
                    if speculative is not None:
                        speculative[1].cancel()
                    text = await self._recognize(segment.start, segment.end)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("transcription of %.2f-%.2f s failed", segment.start, segment.end)
                text = ""
            # Empty finals are emitted too: they tell the turn policy the segment is settled.
            await self._on_event(
                FinalTranscript(text=text, start=segment.start, end=segment.end, language=self._language)
            )

    async def close(self, drain_s: float = 10.0) -> None:
        """Close an open segment, transcribe what is pending, and stop. Idempotent."""
        if self._closed:
            return
        self._closed = True
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
