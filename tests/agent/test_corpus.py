"""The corpus's tuning half through `interview replay`'s path (real models): no cut-in inside a pause, the
expected follow-up, and Chinese transcripts in simplified characters. The held-out half is only measured
(`bench/turns.py --media tests/data/corpus --split heldout`), never tested or tuned on.

Clips the policy still gets wrong are listed in KNOWN with why (strict xfail: a fix makes them fail
loudly so the list shrinks).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import opencc
import pytest

from agent.plan import PlannedQuestion
from realtime.speech.asr import WhisperRecognizer, bundled_engines
from realtime.speech.vad import SileroVAD
from scoring.scorer import DefaultScorer
from server.replay import Replay, load_audio, single_question_plan

pytestmark = pytest.mark.models
CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
TAIL_S = 6.0
MISSED_RESULT = (
    "the recogniser garbles the result sentence: the story is taken as unfinished (asked for a result)"
)
KNOWN: dict[str, str] = {
    "en_complete_3": MISSED_RESULT,
    "zh_complete_1": MISSED_RESULT,
}
CLIPS = [
    c
    for c in json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))["clips"]
    if c["split"] == "tune"
]
Models = tuple[SileroVAD, dict[str, WhisperRecognizer]]


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Models]:
    yield SileroVAD(), bundled_engines(tmp_path_factory.mktemp("models"))


def cases() -> list[Any]:
    known = {k: pytest.mark.xfail(reason=why, strict=True) for k, why in KNOWN.items()}
    return [pytest.param(c, marks=known[c["id"]]) if c["id"] in known else c for c in CLIPS]


@pytest.mark.parametrize("clip", cases(), ids=lambda c: c["id"])
def test_the_tuning_half(models: Models, clip: dict[str, Any]) -> None:
    vad, engines = models
    question = PlannedQuestion("q1", clip["question"], kind=clip["question_kind"])
    replay = Replay(vad, engines, DefaultScorer(), single_question_plan(question), clip["language"])
    events = replay.run(load_audio(CORPUS / clip["file"]), tail_s=TAIL_S)
    ends = [e for e in events if e["type"] == "end_of_answer"]
    if clip["kind_of_answer"] != "read":
        assert ends, "the end of the answer was never found"
    for end in ends[:1]:
        for pause in clip["pauses"]:
            assert not pause["start"] <= end["t"] <= pause["end"] + 0.05, (
                f"cut in during a {pause['kind']} pause"
            )
        assert end["t"] >= clip["answer_end"], "ended before the answer was over"
    if clip["expect"]["follow_up"] is not None:
        decision = next(e for e in events if e["type"] in ("follow_up", "next_question") and e["t"] > 0)
        got = decision["reason"] if decision["type"] == "follow_up" else None
        assert got == clip["expect"]["follow_up_reason"], decision
    if clip["language"] == "zh":
        t2s = opencc.OpenCC("t2s").convert
        text = "".join(e["text"] for e in events if e["type"] in ("final", "partial"))
        assert text == t2s(text), "a traditional character in the transcript"
