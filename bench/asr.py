"""Concurrent real-time speech streams through the real pipeline (VAD, shared recognisers, partial
captions, finals-first scheduling), as the server runs them.

For each N, N streams (half English, half Chinese; each its language's clips back to back) are fed in real
time, 20 ms at a time, all at once. Prints: final transcript latency after the end of speech p50/p95
per language, partial caption lag p95, partials skipped under load, recogniser real-time factor,
pooled WER (en) and CER (zh, simplified) against the manifest, utterances lost, CPU and peak memory.

With `--pipecat-python`, the same streams also go through Pipecat 1.14 (bench/pipecat_asr.py, in its
own venv, same model files, fed in real time), and both are judged by the same yardstick, row by row.

Run: .venv/bin/python -m bench.asr [--streams 1,2,4,8,16] [--clips-per-stream 0] [--media DIR]
     [--split tune|heldout|all]  (DIR: tests/data/media, or a corpus: tests/data/corpus, corpus_fresh)
     [--pipecat-python /path/to/pipecat-venv/bin/python]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import resource
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jiwer
import numpy as np

from bench.turns import load_clips, wav_copies
from realtime.events import FinalTranscript, MediaEvent, PartialTranscript
from realtime.speech.asr import bundled_recognizers, english_model_path
from realtime.speech.models import multilingual_base_model
from realtime.speech.pipeline import SpeechPipeline
from realtime.speech.pool import RecognitionPool
from realtime.speech.vad import SileroVAD
from tests.media import normalise_words, read_wav

ROOT = Path(__file__).resolve().parents[1]
CHUNK = 320  # 20 ms at 16 kHz
GAP_S = 1.0  # silence between clips
NAN = float("nan")


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
    arrivals: list[tuple[float, str]] = field(default_factory=list)  # (seconds after start, final text)
    partial_lag: list[float] = field(default_factory=list)
    started: float = 0.0

    @property
    def offsets(self) -> list[float]:
        """Where each clip starts in the stream."""
        out, t = [], 0.0
        for clip in self.clips:
            out.append(t)
            t += clip["duration"] + GAP_S
        return out

    def spec(self) -> dict[str, Any]:
        """The stream as `bench/pipecat_asr.py` takes it."""
        return {"language": self.language, "clips": [c["id"] for c in self.clips]}


def speech_ends(clip: dict[str, Any], media: Path) -> list[float]:
    """Where each segment's speech really stops: the last 10 ms above -40 dB of the clip's peak.

    The manifest's segment ends include the synthesiser's trailing silence (~0.35 s for espeak-ng), so
    latency "after the end of speech" is measured from the audio itself, the same for every system.
    """
    samples, rate = read_wav(media / clip["file"])
    frame = rate // 100
    audio = samples[: len(samples) // frame * frame].astype(np.float32) / 32768
    rms = np.sqrt(np.mean(audio.reshape(-1, frame) ** 2, axis=1))
    loud = rms > rms.max() * 10 ** (-40 / 20)
    ends = []
    for seg in clip["segments"]:
        first, last = int(seg["start"] * 100), min(int(seg["end"] * 100) + 5, len(loud))
        voiced = np.flatnonzero(loud[first:last])
        ends.append((first + voiced[-1] + 1) / 100 if len(voiced) else seg["end"])
    return ends


def segment_ends(stream: Stream) -> list[tuple[float, int, dict[str, Any]]]:
    """(end of speech in the stream, clip index, segment) for every manifest segment, in time order."""
    return [
        (offset + end, k, seg)
        for k, (clip, offset) in enumerate(zip(stream.clips, stream.offsets, strict=True))
        for seg, end in zip(clip["segments"], clip["speech_ends"], strict=True)
    ]


def words(text: str, language: str) -> list[str]:
    return list(zh_chars(text)) if language == "zh" else normalise_words(text).split()


def judge(streams: list[Stream], language: str) -> dict[str, Any]:
    """The same yardstick for any system: each final belongs to the last segment that ended before it
    arrived; latency is its arrival after that end of speech (first final per segment); a segment is
    lost when under half of its words appear in its clip's transcript; WER/CER per clip, pooled."""
    latency: list[float] = []
    refs, hyps, lost = [], [], 0
    for stream in streams:
        ends = segment_ends(stream)
        per_clip: list[list[str]] = [[] for _ in stream.clips]
        seen: set[int] = set()
        for arrival, text in stream.arrivals:
            before = [i for i, (end, _, _) in enumerate(ends) if end <= arrival]
            if not before:
                continue
            index = before[-1]
            per_clip[ends[index][1]].append(text)
            if index not in seen:
                seen.add(index)
                latency.append(arrival - ends[index][0])
        joiner = "" if language == "zh" else " "
        for clip, texts in zip(stream.clips, per_clip, strict=True):
            hypothesis = joiner.join(texts)
            refs.append(clip.get("text") or joiner.join(seg["text"] for seg in clip["segments"]))
            hyps.append(hypothesis)
            heard = set(words(hypothesis, language))
            for seg in clip["segments"]:
                expected = words(seg["text"], language)
                if expected and sum(w in heard for w in expected) < len(expected) / 2:
                    lost += 1
    if not refs:
        error = NAN
    elif language == "zh":
        error = jiwer.cer([zh_chars(r) for r in refs], [zh_chars(h) for h in hyps])
    else:
        error = jiwer.wer([normalise_words(r) for r in refs], [normalise_words(h) for h in hyps])
    return {"p50": pct(latency, 0.5), "p95": pct(latency, 0.95), "error": error, "lost": lost}


async def run_stream(stream: Stream, vad: SileroVAD, recognizers: RecognitionPool, media: Path) -> int:
    gap = np.zeros(int(16000 * GAP_S), np.int16)
    parts: list[np.ndarray] = []
    for clip in stream.clips:
        samples, _ = read_wav(media / clip["file"])
        parts += [samples, gap]
    audio = np.concatenate(parts)

    async def sink(event: MediaEvent) -> None:
        now = time.monotonic()
        if isinstance(event, FinalTranscript) and event.text.strip():
            stream.arrivals.append((now - stream.started, event.text))
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


def make_streams(n: int, languages: list[str], clips: list[dict[str, Any]], per_stream: int) -> list[Stream]:
    """N streams alternating between `languages`, each starting at a different clip."""
    by_lang = {lang: [c for c in clips if c["language"] == lang] for lang in languages}
    streams = []
    for i in range(n):
        lang = languages[i % len(languages)]
        pool = by_lang[lang]
        count = per_stream or len(pool)
        streams.append(Stream([pool[(i // len(languages) + k) % len(pool)] for k in range(count)], lang))
    return streams


def summarise(streams: list[Stream], cpu_s: float, wall_s: float, peak_mb: float) -> dict[str, Any]:
    audio_s = sum(c["duration"] + GAP_S for s in streams for c in s.clips)
    out: dict[str, Any] = {"cores": cpu_s / wall_s, "rtf": cpu_s / audio_s, "peak_mb": peak_mb, "lost": 0}
    for lang in ("en", "zh"):
        mine = [s for s in streams if s.language == lang]
        verdict = judge(mine, lang) if mine else {"p50": NAN, "p95": NAN, "error": NAN, "lost": 0}
        out[f"{lang}_p50"], out[f"{lang}_p95"], out[lang] = verdict["p50"], verdict["p95"], verdict["error"]
        out["lost"] += verdict["lost"]
    lags = [x for s in streams for x in s.partial_lag]
    out["partial_p95"] = pct(lags, 0.95) if lags else NAN
    return out


async def run_ours(
    streams: list[Stream], vad: SileroVAD, recognizers: RecognitionPool, media: Path
) -> dict[str, Any]:
    usage0 = resource.getrusage(resource.RUSAGE_SELF)
    wall0 = time.monotonic()
    skipped = await asyncio.gather(*(run_stream(s, vad, recognizers, media) for s in streams))
    wall = time.monotonic() - wall0
    usage1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (usage1.ru_utime - usage0.ru_utime) + (usage1.ru_stime - usage0.ru_stime)
    out = summarise(streams, cpu, wall, usage1.ru_maxrss / 1024)
    out["skipped"] = sum(skipped)
    return out


def run_pipecat(
    python: str, streams: list[Stream], media: Path, en_model: Path, zh_model: Path
) -> dict[str, Any]:
    """The same streams through Pipecat in its own process (its venv), fed in real time."""
    wall0 = time.monotonic()
    result = subprocess.run(
        [
            python,
            str(ROOT / "bench" / "pipecat_asr.py"),
            str(media),
            str(en_model),
            str(zh_model),
            json.dumps([s.spec() for s in streams]),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.monotonic() - wall0
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"pipecat run failed:\n{result.stderr[-3000:]}")
    data = json.loads(lines[-1])
    for stream, finals in zip(streams, data["finals"], strict=True):
        stream.arrivals = [(float(t), str(text)) for t, text in finals if str(text).strip()]
    out = summarise(streams, data["cpu_s"], wall, data["peak_rss_mb"])
    out["skipped"] = "-"
    return out


HEADER = (
    f"{'N':>5} {'system':>8} {'en p50':>7} {'en p95':>7} {'zh p50':>7} {'zh p95':>7} {'partial p95':>11} "
    f"{'skipped':>7} {'WER en':>7} {'CER zh':>7} {'lost':>5} {'RTF':>5} {'cores':>5} {'peak MB':>8}"
)


def row(label: str, system: str, r: dict[str, Any]) -> str:
    return (
        f"{label:>5} {system:>8} {r['en_p50']:>7.2f} {r['en_p95']:>7.2f} "
        f"{r['zh_p50']:>7.2f} {r['zh_p95']:>7.2f} "
        f"{r['partial_p95']:>11.2f} {r['skipped']:>7} {r['en']:>7.1%} {r['zh']:>7.1%} "
        f"{r['lost']:>5} {r['rtf']:>5.2f} {r['cores']:>5.2f} {r['peak_mb']:>8.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--streams", default="1,2,4,8,16")
    parser.add_argument("--media", default=str(ROOT / "tests" / "data" / "media"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clips-per-stream", type=int, default=0, help="0: all of its language")
    parser.add_argument(
        "--ends",
        choices=("speech", "manifest"),
        default="speech",
        help="latency from where speech stops in the audio, or from the manifest's segment ends "
        "(which include ~0.35 s of the synthesiser's trailing silence in the English clips)",
    )
    parser.add_argument("--pipecat-python", help="a Python with pipecat-ai[silero,whisper]==1.14.0: compare")
    parser.add_argument("--split", choices=["tune", "heldout", "all"], default="all", help="a corpus half")
    parser.add_argument(
        "--en-model", default="tiny.en", help="English recogniser: tiny.en, base (bundled) or a model folder"
    )
    args = parser.parse_args()
    media = Path(args.media)
    clips = load_clips(media, args.split)
    with tempfile.TemporaryDirectory() as cache:
        if any(not c["file"].endswith(".wav") for c in clips):  # a FLAC corpus: WAV copies for both systems
            media = Path(cache) / "clips"
            clips = wav_copies(Path(args.media), clips, media)
            (media / "manifest.json").write_text(json.dumps(clips, ensure_ascii=False), encoding="utf-8")
        for clip in clips:
            manifest_ends = [seg["end"] for seg in clip["segments"]]
            clip["speech_ends"] = speech_ends(clip, media) if args.ends == "speech" else manifest_ends
        recognizers = bundled_recognizers(Path(cache), workers=args.workers, english=args.en_model)
        en_model, zh_model = (
            english_model_path(args.en_model, Path(cache)),
            multilingual_base_model(Path(cache)),
        )
        vad = SileroVAD()
        print(HEADER, flush=True)
        for n in (int(x) for x in args.streams.split(",")):
            # One stream: English and Chinese each on their own; more: half and half, all at once.
            runs = [("en", ["en"]), ("zh", ["zh"])] if n == 1 else [(str(n), ["en", "zh"])]
            for label, languages in runs:
                label = f"1 {label}" if n == 1 else label
                streams = make_streams(n, languages, clips, args.clips_per_stream)
                print(row(label, "ours", asyncio.run(run_ours(streams, vad, recognizers, media))), flush=True)
                if args.pipecat_python:
                    streams = make_streams(n, languages, clips, args.clips_per_stream)
                    result = run_pipecat(args.pipecat_python, streams, media, en_model, zh_model)
                    print(row(label, "pipecat", result), flush=True)
        recognizers.close()


if __name__ == "__main__":
    main()
