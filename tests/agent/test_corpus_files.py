"""The speech corpora's manifests hold what the benches read: every file there, times in order, the
splits as declared (the fresh, third and fourth sets are held out entirely), Mandarin in simplified
characters."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import opencc
import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


def clips(name: str) -> list[dict[str, Any]]:
    return list(json.loads((DATA / name / "manifest.json").read_text(encoding="utf-8"))["clips"])


@pytest.mark.parametrize("name", ["corpus", "corpus_fresh", "corpus_third", "corpus_fourth"])
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


def test_the_fresh_set_is_all_held_out_and_shares_no_sentence_with_the_tuning_half() -> None:
    fresh = clips("corpus_fresh")
    assert {c["split"] for c in fresh} == {"heldout"}
    assert {c["language"] for c in fresh} == {"en", "zh"}
    tuning = {s["text"].strip() for c in clips("corpus") if c["split"] == "tune" for s in c["segments"]}
    shared = [s["text"] for c in fresh for s in c["segments"] if s["text"].strip() in tuning]
    assert not shared, shared


def test_the_third_set_is_all_held_out_and_shares_no_sentence_with_the_tuning_half_or_the_fresh_set() -> None:
    third = clips("corpus_third")
    assert {c["split"] for c in third} == {"heldout"}
    assert {c["language"] for c in third} == {"en", "zh"}
    assert all(c["id"].startswith("third_") for c in third)
    tuning = {s["text"].strip() for c in clips("corpus") if c["split"] == "tune" for s in c["segments"]}
    fresh = {s["text"].strip() for c in clips("corpus_fresh") for s in c["segments"]}
    shared = [s["text"] for c in third for s in c["segments"] if s["text"].strip() in tuning | fresh]
    assert not shared, shared


def test_the_fourth_set_is_all_held_out_and_shares_no_sentence_with_the_tuning_half_or_other_sets() -> None:
    fourth = clips("corpus_fourth")
    assert {c["split"] for c in fourth} == {"heldout"}
    assert {c["language"] for c in fourth} == {"en", "zh"}
    assert all(c["id"].startswith("fourth_") for c in fourth)
    tuning = {s["text"].strip() for c in clips("corpus") if c["split"] == "tune" for s in c["segments"]}
    others = {
        s["text"].strip()
        for name in ("corpus_fresh", "corpus_third")
        for c in clips(name)
        for s in c["segments"]
    }
    shared = [s["text"] for c in fourth for s in c["segments"] if s["text"].strip() in tuning | others]
    assert not shared, shared
