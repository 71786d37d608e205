"""Pipecat's speech-to-text on N concurrent streams, for `bench/asr.py --pipecat-python`.

Runs under a Python that has `pipecat-ai[silero,whisper]==1.14.0` (its own venv). Each stream is one
Pipecat call as a Pipecat server runs it: its own pipeline, input transport fed 20 ms frames in real
time, `WhisperSTTService` (the same local model folders, cpu, int8; one model per call, as Pipecat
loads it) and the user aggregator with Silero VAD and its default turn strategies. All N run at once
in one process. Prints one JSON line: per stream `finals` as [seconds since the stream started, text],
then the process's CPU seconds and peak memory.

Usage: PYTHON bench/pipecat_asr.py MEDIA_DIR EN_MODEL_DIR ZH_MODEL_DIR STREAMS_JSON
(STREAMS_JSON: [{"language": "en", "clips": ["en_leadership_star", ...]}, ...])
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import wave
from pathlib import Path
from typing import Any

from pipecat_turns import RATE, run_pcm

GAP_S = 1.0  # silence between clips, as bench/asr.py feeds our pipeline


def stream_pcm(media: Path, clips: list[dict[str, Any]]) -> bytes:
    parts = []
    for clip in clips:
        with wave.open(str(media / clip["file"])) as w:
            parts.append(w.readframes(w.getnframes()) + b"\0" * int(RATE * 2 * GAP_S))
    return b"".join(parts) + b"\0" * (RATE * 2 * 3)


async def run_stream(pcm: bytes, language: str, model: str) -> list[list[Any]]:
    return (await run_pcm(pcm, language, model))["finals"]


async def run_all(media: Path, en_model: str, zh_model: str, streams: list[dict[str, Any]]) -> list[Any]:
    clips = {c["id"]: c for c in json.loads((media / "manifest.json").read_text(encoding="utf-8"))}
    jobs = []
    for stream in streams:
        pcm = stream_pcm(media, [clips[i] for i in stream["clips"]])
        model = zh_model if stream["language"] == "zh" else en_model
        jobs.append(run_stream(pcm, stream["language"], model))
    return list(await asyncio.gather(*jobs))


def main() -> None:
    media, en_model, zh_model = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    streams = json.loads(sys.argv[4])
    finals = asyncio.run(run_all(media, en_model, zh_model, streams))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "finals": finals,
                "cpu_s": usage.ru_utime + usage.ru_stime,
                "peak_rss_mb": usage.ru_maxrss / 1024,
            },
            ensure_ascii=False,
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
