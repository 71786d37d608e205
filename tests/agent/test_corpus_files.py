"""The speech corpora's manifests hold what the benches read: every file there, times in order, the
splits as declared (the fresh, third, fourth, fifth, sixth, seventh, eighth and ninth sets are held
out entirely), Mandarin in simplified characters."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import opencc
import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


def clips(name: str) -> list[dict[str, Any]]:
    return list(json.loads((DATA / name / "manifest.json").read_text(encoding="utf-8"))["clips"])


# In the order they were written.
HELD_OUT_SETS = [
    "corpus_fresh",
    "corpus_third",
    "corpus_fourth",
    "corpus_fifth",
    "corpus_sixth",
    "corpus_seventh",
    "corpus_eighth",
    "corpus_ninth",
]


@pytest.mark.parametrize("name", ["corpus", *HELD_OUT_SETS])
def test_each_clip_is_there_with_its_segments_and_pauses_in_order(name: str) -> None:
    t2s = opencc.OpenCC("t2s").convert
    for clip in clips(name):
        assert (DATA / name / clip["file"]).is_file(), clip["id"]
        times = [t for s in clip["segments"] for t in (s["start"], s["end"])]
        assert times == sorted(times) and times[-1] <= clip["answer_end"] + 1e-6 <= clip["duration"] + 1e-6
        for pause in clip["pauses"]:
            assert pause["start"] < pause["end"], clip["id"]
        if clip["language"] == "zh":
            text = "".join(s["text"] for s in clip["segments"])
            assert t2s(text) == text, f"{clip['id']} has traditional characters"


@pytest.mark.parametrize("name", HELD_OUT_SETS)
def test_each_later_set_is_all_held_out_and_shares_no_sentence_with_the_tuning_half_or_an_earlier_set(
    name: str,
) -> None:
    held_out = clips(name)
    assert {c["split"] for c in held_out} == {"heldout"}
    assert {c["language"] for c in held_out} == {"en", "zh"}
    prefix = name.removeprefix("corpus_") + "_"
    assert all(c["id"].startswith(prefix) for c in held_out)
    seen = {s["text"].strip() for c in clips("corpus") if c["split"] == "tune" for s in c["segments"]}
    for earlier in HELD_OUT_SETS[: HELD_OUT_SETS.index(name)]:
        seen |= {s["text"].strip() for c in clips(earlier) for s in c["segments"]}
    shared = [s["text"] for c in held_out for s in c["segments"] if s["text"].strip() in seen]
    assert not shared, shared
