"""A 10-minute stream costs the same per second at its end as at its start: nothing in the speech
path grows with the length of the interview (the audio window is a ring, each segment is recognised
on its own), so transcript lag stays flat."""

from __future__ import annotations

import asyncio
import time

import numpy as np

from realtime.events import FinalTranscript, MediaEvent, SpeechEnded
from realtime.speech.pipeline import SpeechPipeline
from realtime.speech.pool import RecognitionPool
from realtime.speech.vad import SileroVAD
from tests.media import MEDIA, manifest, read_wav


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def test_ten_minutes_of_answers_show_no_growth(vad: SileroVAD, recognizer: RecognitionPool) -> None:
    english = [read_wav(MEDIA / c["file"])[0] for c in manifest() if c["language"] == "en"]
    one_round = np.concatenate([np.concatenate([a, np.zeros(16000, np.int16)]) for a in english])
    rounds = int(np.ceil(600 * 16000 / len(one_round)))
    audio = np.concatenate([one_round] * rounds)
    closed: dict[float, float] = {}
    recognition: list[tuple[float, float]] = []  # (audio time, seconds from segment close to final)

    async def sink(event: MediaEvent) -> None:
        if isinstance(event, SpeechEnded):
            closed[event.start] = time.monotonic()
        elif isinstance(event, FinalTranscript) and event.start in closed:
            recognition.append((event.end, time.monotonic() - closed.pop(event.start)))

    pipeline = SpeechPipeline(vad, recognizer, sink, language="en")
    pipeline.start()
    push_cost: list[tuple[float, float]] = []
    for i in range(0, len(audio), 320):
        t0 = time.perf_counter()
        await pipeline.push(audio[i : i + 320])
        push_cost.append((i / 16000, time.perf_counter() - t0))
        while pipeline.pending_segments > 1:  # noqa: ASYNC110 - keep pace with recognition, as live
            await asyncio.sleep(0.01)
    await pipeline.close()

    minutes = len(audio) / 16000 / 60
    assert minutes >= 10
    early = [c for t, c in push_cost if t < 120]
    late = [c for t, c in push_cost if t > minutes * 60 - 120]
    print(
        f"push p95 first 2 min {pct(early, 0.95) * 1000:.2f} ms, last 2 min {pct(late, 0.95) * 1000:.2f} ms"
    )
    assert pct(late, 0.95) <= 1.5 * pct(early, 0.95) + 0.002
    first = [d for t, d in recognition if t < 120]
    last = [d for t, d in recognition if t > minutes * 60 - 120]
    print(f"final p95 first 2 min {pct(first, 0.95):.2f} s, last 2 min {pct(last, 0.95):.2f} s")
    assert len(recognition) >= 5 * rounds * 2
    assert pct(last, 0.95) <= 1.5 * pct(first, 0.95) + 0.1
