"""`interview replay`: a recorded answer through the real pipeline on a simulated clock.

Resample, VAD, ASR (partials and finals), turn-taking, follow-up choice and scoring run exactly as in
a live call, faster than real time. ASR results become visible at the audio time they would be ready
live: when requested plus their measured compute time, one worker at a time.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import av
import numpy as np

from agent.interviewer import Action, AgentSettings, InterviewAgent
from agent.plan import InterviewPlan, PlannedQuestion
from realtime.events import SpeechEnded, SpeechPaused, SpeechStarted
from realtime.speech.asr import LanguageRecognizers
from realtime.speech.buffer import AudioWindow
from realtime.speech.vad import CHUNK, RATE, SileroVAD
from realtime.webrtc.resample import Resampler
from scoring.rubric import DEFAULT_RUBRIC, Rubric
from scoring.scorer import Scorer

PAD_S = 0.2


def load_audio(path: Path) -> np.ndarray:
    """Any audio file PyAV reads, as 16 kHz mono int16."""
    resampler = Resampler()
    parts = []
    with av.open(str(path)) as container:
        for frame in container.decode(audio=0):
            parts.append(resampler.resample(frame))
    parts.append(resampler.flush())
    return np.concatenate(parts) if parts else np.zeros(0, np.int16)


@dataclass(order=True)
class _Pending:
    ready: float
    seq: int
    kind: str = field(compare=False)
    data: dict[str, Any] = field(compare=False)


@dataclass
class ReplayStats:
    """Compute-time figures of a replay (seconds)."""

    decision_latency: list[float] = field(default_factory=list)


class Replay:
    """One answer (or several questions of a plan) replayed on a simulated clock."""

    def __init__(
        self,
        vad: SileroVAD,
        recognizers: LanguageRecognizers,
        scorer: Scorer,
        plan: InterviewPlan,
        language: str,
        rubric: Rubric = DEFAULT_RUBRIC,
        settings: AgentSettings | None = None,
        partial_interval_s: float = 1.0,
        workers: int = 2,
    ) -> None:
        self._vad = vad.stream()
        self._asr = recognizers.for_language(language)
        self._language = language
        self.agent = InterviewAgent(plan, language, scorer, rubric, settings)
        self._window = AudioWindow(max_seconds=600)
        self._pending: list[_Pending] = []
        self._seq = 0
        self._workers = [0.0] * workers  # audio time at which each simulated ASR worker is free
        self._partial_interval = partial_interval_s
        self._open_start: float | None = None
        self._speculative: tuple[tuple[float, float], float, str] | None = None
        self._last_partial = 0.0
        self.stats = ReplayStats()

    def _schedule(self, now: float, kind: str, start: float, end: float) -> None:
        """Run the job now, make it visible when a worker would have finished it live.

        Finals queue for the first free worker; a partial only runs on an idle worker (under load,
        partials thin out first and finals are never dropped), as the live scheduler does.
        """
        if kind == "partial" and min(self._workers) > now:
            return
        _span, ready, text = self._run(now, start, end)
        self._push(ready, kind, text, start, end)

    def _run(self, now: float, start: float, end: float) -> tuple[tuple[float, float], float, str]:
        """Recognise on the first free simulated worker; returns the span, when it is ready, and the text."""
        worker = min(range(len(self._workers)), key=lambda i: self._workers[i])
        audio = self._window.slice(max(start - PAD_S, 0), end + PAD_S)
        began = time.perf_counter()
        text = self._asr.transcribe_sync(audio, self._language)
        ready = max(now, self._workers[worker]) + time.perf_counter() - began
        self._workers[worker] = ready
        return (start, end), ready, text

    def _push(self, ready: float, kind: str, text: str, start: float, end: float) -> None:
        self._seq += 1
        heapq.heappush(
            self._pending, _Pending(ready, self._seq, kind, {"text": text, "start": start, "end": end})
        )

    def _deliver(self, now: float) -> Iterator[dict[str, Any]]:
        while self._pending and self._pending[0].ready <= now:
            item = heapq.heappop(self._pending)
            d = item.data
            if item.kind == "partial":
                if d["text"]:
                    yield {
                        "type": "partial",
                        "t": round(item.ready, 3),
                        "text": d["text"],
                        "start": d["start"],
                    }
                    yield from (a.event() for a in self.agent.partial(d["text"], d["start"], item.ready))
                continue
            yield {
                "type": "final",
                "t": round(item.ready, 3),
                "text": d["text"],
                "start": round(d["start"], 3),
                "end": round(d["end"], 3),
            }
            began = time.perf_counter()
            actions = self.agent.final(d["text"], d["start"], d["end"], item.ready)
            actions += self.agent.tick(item.ready, sound=self._vad.sound)
            self.stats.decision_latency.append(time.perf_counter() - began)
            yield from (a.event() for a in actions)

    def _vad_events(
        self, now: float, events: list[SpeechStarted | SpeechPaused | SpeechEnded]
    ) -> Iterator[dict[str, Any]]:
        for e in events:
            if isinstance(e, SpeechPaused):
                self._speculative = self._run(now, e.start, e.end)
                continue
            if isinstance(e, SpeechStarted):
                self.agent.speech_started(e.t)
                self._open_start, self._last_partial = e.t, e.t
                yield {"type": "speech_start", "t": round(e.t, 3)}
            else:
                self.agent.speech_ended(e.start, e.end)
                self._open_start = None
                yield {"type": "speech_end", "t": round(e.end, 3), "detected_at": round(e.t, 3)}
                spec = self._speculative
                self._speculative = None
                if spec is not None and spec[0] == (e.start, e.end):
                    self._push(max(spec[1], now), "final", spec[2], e.start, e.end)
                else:
                    self._schedule(now, "final", e.start, e.end)

    def run(self, samples: np.ndarray, tail_s: float = 0.0) -> Iterator[dict[str, Any]]:
        """Yield JSON-ready events in audio-time order."""
        yield from (a.event() for a in self.agent.start(0.0))
        audio = np.concatenate([samples, np.zeros(int(tail_s * RATE), np.int16)])
        for i in range(0, len(audio) - CHUNK + 1, CHUNK):
            chunk = audio[i : i + CHUNK]
            now = (i + CHUNK) / RATE
            self._window.append(chunk)
            yield from self._vad_events(now, self._vad.push(chunk))
            if self._open_start is not None and now - self._last_partial >= self._partial_interval:
                self._last_partial = now
                self._schedule(now, "partial", self._open_start, now)
            for event in [*self._deliver(now), *self._tick(now)]:
                yield event
                if event["type"] in ("next_question", "finished") and event.get("index", 1) >= 1:
                    return  # the answer was decided: a replay covers one answer
        end = len(audio) / RATE
        yield from self._vad_events(end, self._vad.flush())
        yield from self._deliver(float("inf"))

    def _tick(self, now: float) -> Iterator[dict[str, Any]]:
        actions: list[Action] = self.agent.tick(now, sound=self._vad.sound)
        yield from (a.event() for a in actions)


NEXT = PlannedQuestion("next", "(next question)")


def single_question_plan(question: PlannedQuestion) -> InterviewPlan:
    """The question to replay, then a stand-in for whatever comes next."""
    return InterviewPlan([question, NEXT])
