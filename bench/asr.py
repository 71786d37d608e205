"""Concurrent real-time speech streams through the real pipeline (VAD, shared recognisers, partial
captions, finals-first scheduling), as the server runs them.

For each N, N streams (half English, half Chinese; each a few clips back to back) are fed in real
time, 20 ms at a time, all at once. Prints: final transcript latency after the end of speech p50/p95
per language, partial caption lag p95, partials skipped under load, recogniser real-time factor,
pooled WER (en) and CER (zh, simplified) against the manifest, utterances lost, CPU and peak memory.

Run: .venv/bin/python -m bench.asr [--streams 1,2,4,8,16] [--clips-per-stream 3] [--media DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import resource
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jiwer
import numpy as np

from realtime.asr import (
    LanguageRecognizers,
    bundled_recognizers,
)
from realtime.events import FinalTranscript, MediaEvent, PartialTranscript
from realtime.pipeline import SpeechPipeline
from realtime.vad import SileroVAD
from tests.media import normalise_words, read_wav

ROOT = Path(__file__).resolve().parents[1]
CHUNK = 320  # 20 ms at 16 kHz


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def zh_chars(text: str) -> str:
    return re.sub(r"[^\u3400-\u9fff0-9a-zA-Z]", "", text)


@dataclass
class Stream:
    """One candidate: several clips back to back, a second of silence between them."""

    clips: list[dict[str, Any]]
    language: str
    finals: list[FinalTranscript] = field(default_factory=list)
    final_latency: list[float] = field(default_factory=list)
    partial_lag: list[float] = field(default_factory=list)
    offsets: list[float] = field(default_factory=list)
    started: float = 0.0

    def texts(self) -> list[tuple[str, str]]:
        """(reference, hypothesis) per clip: the finals that began within the clip's span."""
        out = []
        for clip, start in zip(self.clips, self.offsets, strict=True):
            end = start + clip["duration"]
            mine = [f.text for f in self.finals if start - 0.3 <= f.start < end]
            out.append((clip["text"], ("" if self.language == "zh" else " ").join(mine)))
        return out


async def run_stream(stream: Stream, vad: SileroVAD, recognizers: LanguageRecognizers, media: Path) -> int:
    gap = np.zeros(16000, np.int16)
    parts: list[np.ndarray] = []
    t = 0.0
    for clip in stream.clips:
        samples, _ = read_wav(media / clip["file"])
        stream.offsets.append(t)
        parts += [samples, gap]
        t += len(samples) / 16000 + 1.0
    audio = np.concatenate(parts)

    async def sink(event: MediaEvent) -> None:
        now = time.monotonic()
        if isinstance(event, FinalTranscript) and event.text.strip():
            stream.finals.append(event)
            stream.final_latency.append(now - (stream.started + event.end))
        elif isinstance(event, PartialTranscript):
            stream.partial_lag.append(now - (stream.started + event.t))

    pipeline = SpeechPipeline(vad, recognizers, sink, language=stream.language, partial_every_s=0.5)
    pipeline.start()
    stream.started = time.monotonic()
    for i in range(0, len(audio), CHUNK):
        delay = stream.started + i / 16000 - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        await pipeline.push(audio[i : i + CHUNK])
    await pipeline.close()
    return pipeline.partials_skipped


async def run(
    n: int,
    per_stream: int,
    clips: list[dict[str, Any]],
    vad: SileroVAD,
    recognizers: LanguageRecognizers,
    media: Path,
) -> dict[str, Any]:
    by_lang = {lang: [c for c in clips if c["language"] == lang] for lang in ("en", "zh")}
    streams = []
    for i in range(n):
        lang = "en" if i % 2 == 0 else "zh"
        pool = by_lang[lang]
        streams.append(Stream([pool[(i // 2 + k) % len(pool)] for k in range(per_stream)], lang))
    usage0 = resource.getrusage(resource.RUSAGE_SELF)
    wall0 = time.monotonic()
    skipped = await asyncio.gather(*(run_stream(s, vad, recognizers, media) for s in streams))
    wall = time.monotonic() - wall0
    usage1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (usage1.ru_utime - usage0.ru_utime) + (usage1.ru_stime - usage0.ru_stime)
    audio_s = sum(c["duration"] + 1.0 for s in streams for c in s.clips)
    out: dict[str, Any] = {"n": n, "cpu_cores": cpu / wall, "rtf": cpu / audio_s, "skipped": sum(skipped)}
    for lang in ("en", "zh"):
        mine = [s for s in streams if s.language == lang]
        latency = [x for s in mine for x in s.final_latency]
        out[f"{lang}_p50"], out[f"{lang}_p95"] = pct(latency, 0.5), pct(latency, 0.95)
        pairs = [p for s in mine for p in s.texts()]
        out[f"{lang}_lost"] = sum(1 for _, h in pairs if not h.strip())
        if lang == "en":
            refs, hyps = [normalise_words(r) for r, _ in pairs], [normalise_words(h) for _, h in pairs]
            out["wer"] = jiwer.wer(refs, hyps) if pairs else float("nan")
        else:
            refs, hyps = [zh_chars(r) for r, _ in pairs], [zh_chars(h) for _, h in pairs]
            out["cer"] = jiwer.cer(refs, hyps) if pairs else float("nan")
    out["partial_p95"] = pct([x for s in streams for x in s.partial_lag], 0.95)
    out["peak_rss_mb"] = usage1.ru_maxrss / 1024
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--streams", default="1,2,4,8,16")
    parser.add_argument("--media", default=str(ROOT / "tests" / "data" / "media"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clips-per-stream", type=int, default=3)
    args = parser.parse_args()
    media = Path(args.media)
    clips = json.loads((media / "manifest.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as cache:
        recognizers = bundled_recognizers(Path(cache), workers=args.workers)
        vad = SileroVAD()
        print(
            f"{'N':>3} {'en p50':>7} {'en p95':>7} {'zh p50':>7} {'zh p95':>7} {'partial p95':>11} "
            f"{'skipped':>7} {'WER en':>7} {'CER zh':>7} {'lost':>5} {'RTF':>5} {'cores':>5} {'peak MB':>8}"
        )
        for n in (int(x) for x in args.streams.split(",")):
            r = asyncio.run(run(n, args.clips_per_stream, clips, vad, recognizers, media))
            print(
                f"{n:>3} {r['en_p50']:>7.2f} {r['en_p95']:>7.2f} {r['zh_p50']:>7.2f} {r['zh_p95']:>7.2f} "
                f"{r['partial_p95']:>11.2f} {r['skipped']:>7} {r['wer']:>7.1%} {r['cer']:>7.1%} "
                f"{r['en_lost'] + r['zh_lost']:>5} {r['rtf']:>5.2f} {r['cpu_cores']:>5.2f} "
                f"{r['peak_rss_mb']:>8.0f}",
                flush=True,
            )
        recognizers.close()


if __name__ == "__main__":
    main()
