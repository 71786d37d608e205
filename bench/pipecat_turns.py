"""Pipecat's default turn stack on the same clips, fed in real time, for `bench/turns.py --pipecat`.

Runs under a Python that has `pipecat-ai[silero,whisper]==1.14.0` (its own venv: it pins packages our
server does not use). As a live call would drive it: an input transport pushing 20 ms audio frames paced
by the clock -> local Whisper (the same tiny.en / base model folders, cpu, int8) -> the user side of
`LLMContextAggregatorPair` with Silero VAD and its default turn strategies (smart-turn v3, fallback).
A turn ends when `UserStoppedSpeakingFrame` leaves the aggregator. Prints one JSON line per clip:
`{"id", "turn_ends": [seconds into the clip], "finals": [[seconds, text]]}`.

Usage: PYTHON bench/pipecat_turns.py MANIFEST_DIR EN_MODEL_DIR ZH_MODEL_DIR
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
import wave
from pathlib import Path
from typing import Any

from pipecat.audio.vad.silero import SileroVADAnalyzer
from pipecat.frames.frames import (
    EndFrame,
    Frame,
    InputAudioRawFrame,
    StartFrame,
    TranscriptionFrame,
    UserStoppedSpeakingFrame,
)
from pipecat.pipeline.pipeline import Pipeline
from pipecat.pipeline.runner import PipelineRunner
from pipecat.pipeline.task import PipelineParams, PipelineTask
from pipecat.processors.aggregators.llm_context import LLMContext
from pipecat.processors.aggregators.llm_response_universal import (
    LLMContextAggregatorPair,
    LLMUserAggregatorParams,
)
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor
from pipecat.services.whisper.stt import WhisperSTTService
from pipecat.transcriptions.language import Language
from pipecat.transports.base_input import BaseInputTransport
from pipecat.transports.base_transport import TransportParams

RATE = 16000
FRAME = 320  # 20 ms


class ClipInput(BaseInputTransport):
    """Plays one clip (plus trailing silence) into the pipeline in real time."""

    def __init__(self, pcm: bytes, clock: dict[str, float]) -> None:
        super().__init__(TransportParams(audio_in_enabled=True, audio_in_sample_rate=RATE))
        self._pcm, self._clock = pcm, clock
        self._feeder: Any = None

    async def start(self, frame: StartFrame) -> None:
        await super().start(frame)
        await self.set_transport_ready(frame)
        self._feeder = self.create_task(self._feed())

    async def _feed(self) -> None:
        started = time.monotonic()
        self._clock["t0"] = started
        step = FRAME * 2
        for i in range(0, len(self._pcm), step):
            delay = started + (i // 2) / RATE - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            chunk = self._pcm[i : i + step].ljust(step, b"\0")
            await self.push_audio_frame(InputAudioRawFrame(audio=chunk, sample_rate=RATE, num_channels=1))
        self._clock["done"] = time.monotonic()


class Watch(FrameProcessor):
    """Notes when turns end (`what="turn_ends"`) or transcripts arrive (`"finals"`), since the start."""

    def __init__(self, clock: dict[str, float], out: dict[str, list[Any]], what: str) -> None:
        super().__init__()
        self._clock, self._out, self._what = clock, out, what

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        await super().process_frame(frame, direction)
        t = time.monotonic() - self._clock.get("t0", time.monotonic())
        if self._what == "turn_ends" and isinstance(frame, UserStoppedSpeakingFrame):
            self._out["turn_ends"].append(round(t, 3))
        elif self._what == "finals" and isinstance(frame, TranscriptionFrame):
            self._out["finals"].append([round(t, 3), frame.text])
        await self.push_frame(frame, direction)


async def run_pcm(pcm: bytes, language: str, model: str) -> dict[str, list[Any]]:
    """One Pipecat call fed `pcm` (16 kHz mono s16) in real time; its turn ends and transcripts."""
    clock: dict[str, float] = {}
    out: dict[str, list[Any]] = {"turn_ends": [], "finals": []}
    spoken = Language.ZH if language == "zh" else Language.EN
    stt = WhisperSTTService(model=model, device="cpu", compute_type="int8", language=spoken)
    aggregators = LLMContextAggregatorPair(
        LLMContext(), user_params=LLMUserAggregatorParams(vad_analyzer=SileroVADAnalyzer())
    )
    # Transcripts are watched before the user aggregator (which consumes them), turn ends after it.
    pipeline = Pipeline(
        [
            ClipInput(pcm, clock),
            stt,
            Watch(clock, out, "finals"),
            aggregators.user(),
            Watch(clock, out, "turn_ends"),
        ]
    )
    task = PipelineTask(pipeline, params=PipelineParams())
    runner = PipelineRunner(handle_sigint=False)

    async def stop_when_done() -> None:
        while "done" not in clock:  # noqa: ASYNC110 - the feeder runs inside the pipeline
            await asyncio.sleep(0.1)
        await asyncio.sleep(1.0)
        await task.queue_frame(EndFrame())

    await asyncio.gather(runner.run(task), stop_when_done())
    return out


async def run_clip(clip: dict[str, Any], media: Path, model: str) -> dict[str, Any]:
    with wave.open(str(media / clip["file"])) as w:
        pcm = w.readframes(w.getnframes()) + b"\0" * (RATE * 2 * 5)  # 5 s of silence after the answer
    return {"id": clip["id"], **await run_pcm(pcm, clip["language"], model)}


def main() -> None:
    media, en_model, zh_model = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    clips = json.loads((media / "manifest.json").read_text(encoding="utf-8"))
    for clip in clips:
        model = en_model if clip["language"] == "en" else zh_model
        print(json.dumps(asyncio.run(run_clip(clip, media, model)), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
