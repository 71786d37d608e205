"""`interview replay`: a recorded answer through the live call's own path, on a simulated clock.

Nothing here re-implements the call: the audio is pushed in 20 ms frames (as a browser sends them) into
the same `SpeechPipeline` (VAD, speculative and partial recognition, finals), scheduled by the same
`RecognitionPool` whose workers are simulated (`SimulatedCompute`: each recognition holds its worker for
the compute time it really took), and the same `Conductor` drives the agent and its 50 ms ticks. The
loop's clock is virtual (`VirtualTimeLoop`), so a minute of audio replays in seconds with the timing a
live call would have.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from agent.actions import Action, AskQuestion, Finished
from agent.interviewer import AgentSettings, InterviewAgent
from agent.plan import InterviewPlan, PlannedQuestion
from realtime.events import FinalTranscript, MediaEvent, PartialTranscript, SpeechEnded, SpeechStarted
from realtime.speech.pipeline import VAD, SpeechPipeline
from realtime.speech.pool import RecognitionPool, SimulatedCompute, Transcriber
from realtime.speech.turn_end import TurnEndModel
from scoring.rubric import DEFAULT_RUBRIC, Rubric
from scoring.scorer import Scorer
from server.replay.simloop import run_simulated
from server.services.live.conductor import Conductor

RATE = 16000
FRAME = 320  # 20 ms, the size of a browser's audio frames after resampling
EventSink = Callable[[dict[str, Any]], None]


@dataclass
class ReplayStats:
    """Compute-time figures of a replay (seconds)."""

    decision_latency: list[float] = field(default_factory=list)


class _JsonLines:
    """The replay's handler: every event and action as a JSON-ready dict, until the answer is decided."""

    def __init__(self, pipeline: SpeechPipeline, on_event: EventSink | None) -> None:
        self._pipeline = pipeline
        self._on_event = on_event
        self.events: list[dict[str, Any]] = []
        self.decided = asyncio.Event()
        self._asked = 0

    def _emit(self, event: dict[str, Any]) -> None:
        if self.decided.is_set():
            return
        self.events.append(event)
        if self._on_event is not None:
            self._on_event(event)

    async def heard(self, event: MediaEvent) -> None:
        now = round(self._pipeline.audio_time, 3)
        match event:
            case SpeechStarted():
                self._emit({"type": "speech_start", "t": round(event.t, 3)})
            case SpeechEnded():
                self._emit({"type": "speech_end", "t": round(event.end, 3), "detected_at": round(event.t, 3)})
            case PartialTranscript():
                self._emit({"type": "partial", "t": now, "text": event.text, "start": event.start})
            case FinalTranscript():
                final = {
                    "start": round(event.start, 3),
                    "end": round(event.end, 3),
                    "turn_end_p": event.turn_end_p,
                }
                self._emit({"type": "final", "t": now, "text": event.text, **final})

    async def carry_out(self, action: Action) -> None:
        self._emit(action.event())
        self._asked += isinstance(action, AskQuestion)
        if isinstance(action, Finished) or self._asked >= 2:
            self.decided.set()  # the answer was decided: a replay covers one answer

    async def before_tick(self, now: float) -> None:
        return None


class Replay:
    """One answer replayed through the live path on a simulated clock."""

    def __init__(
        self,
        vad: VAD,
        engines: Mapping[str, Transcriber],
        scorer: Scorer,
        plan: InterviewPlan,
        language: str,
        rubric: Rubric = DEFAULT_RUBRIC,
        settings: AgentSettings | None = None,
        partial_interval_s: float | None = 0.5,
        workers: int = 2,
        vocabulary: str | None = None,
        bias_with_question: bool = False,
        turn_model: TurnEndModel | None = None,
    ) -> None:
        self._vad = vad
        self._turn_model = turn_model
        self._engines = dict(engines)
        self._language = language
        self._partial_every = partial_interval_s
        self._workers = workers
        self._vocabulary = vocabulary
        self.agent = InterviewAgent(plan, language, scorer, rubric, settings)
        self.bias_with_question = bias_with_question
        self.stats = ReplayStats()

    def run(
        self, samples: np.ndarray, tail_s: float = 0.0, on_event: EventSink | None = None
    ) -> list[dict[str, Any]]:
        """Replay the audio; every event in order (each also passed to `on_event` as it happens)."""
        audio = np.concatenate([samples, np.zeros(int(tail_s * RATE), np.int16)])
        return run_simulated(self._run(audio, on_event))

    async def _run(self, audio: np.ndarray, on_event: EventSink | None) -> list[dict[str, Any]]:
        pool = RecognitionPool(self._engines, self._workers, SimulatedCompute, self._turn_model)
        conductor: Conductor | None = None

        async def to_conductor(event: MediaEvent) -> None:
            assert conductor is not None
            await conductor.on_media_event(event)

        pipeline = SpeechPipeline(
            self._vad,
            pool,
            to_conductor,
            language=self._language,
            prompt=self._vocabulary,
            partial_every_s=self._partial_every,
        )
        handler = _JsonLines(pipeline, on_event)
        context = pipeline.set_context if self.bias_with_question else None
        conductor = Conductor(self.agent, pipeline, handler, offload=False, on_context=context)
        pipeline.start()
        ticker = asyncio.create_task(conductor.run(), name="replay-agent")
        loop = asyncio.get_running_loop()
        began = loop.time()
        try:
            for i in range(0, len(audio), FRAME):
                chunk = audio[i : i + FRAME]
                await asyncio.sleep(max(0.0, began + (i + len(chunk)) / RATE - loop.time()))
                await pipeline.push(chunk)
                if handler.decided.is_set():
                    break
            await pipeline.close()
        finally:
            ticker.cancel()
            await asyncio.gather(ticker, return_exceptions=True)
            pool.close()
        self.stats.decision_latency = conductor.decision_latency
        return handler.events


NEXT = PlannedQuestion("next", "(next question)")


def single_question_plan(question: PlannedQuestion) -> InterviewPlan:
    """The question to replay, then a stand-in for whatever comes next."""
    return InterviewPlan([question, NEXT])
