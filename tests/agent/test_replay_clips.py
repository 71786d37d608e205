"""`interview replay` on the spoken test set and on clips made here: no cut-ins at thinking or
between-sentence pauses, the end of the answer found within 1.0 s (a plan left open: within its
`open_plan_wait_s`), and the expected follow-up."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from agent.endpointing import EndpointSettings
from agent.plan import PlannedQuestion
from realtime.speech.asr import WhisperRecognizer, bundled_engines
from realtime.speech.vad import SileroVAD
from scoring.scorer import DefaultScorer
from server.replay import Replay, single_question_plan
from tests.media import MEDIA, manifest, read_wav, write_wav

pytestmark = pytest.mark.models
KNOWN: dict[str, str] = {}  # clips the policy is known to get wrong (strict xfail), with why
Models = tuple[SileroVAD, dict[str, WhisperRecognizer]]
TAIL_S = 6.0
INCOMPLETE_END_S = EndpointSettings().incomplete_end_s


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Models]:
    yield SileroVAD(), bundled_engines(tmp_path_factory.mktemp("models"))


def replay(models: Models, samples: np.ndarray, question: str, language: str) -> list[dict[str, Any]]:
    vad, recognizers = models
    plan = single_question_plan(PlannedQuestion("q1", question))
    # Silence after the answer long enough for an unfinished one to be prompted and followed up.
    return list(Replay(vad, recognizers, DefaultScorer(), plan, language).run(samples, tail_s=TAIL_S))


def check(events: list[dict[str, Any]], clip: dict[str, Any]) -> None:
    ends = [e for e in events if e["type"] == "end_of_answer"]
    assert ends, "the end of the answer was never found"
    first = ends[0]
    for pause in clip["pauses"]:
        assert not pause["start"] <= first["t"] <= pause["end"] + 0.05, (
            f"cut in during a {pause['kind']} pause"
        )
    assert first["t"] >= clip["answer_end"], "ended before the answer was over"
    delay = first["t"] - clip["answer_end"]
    if clip["expect"].get("follow_up") and first["reason"] == "unfinished_answer":
        # Unfinished: waited through a thinking pause, prompted gently, then asked for what is missing.
        prompts = [e for e in events if e["type"] == "prompt" and clip["answer_end"] <= e["t"] < first["t"]]
        assert prompts and prompts[0]["kind"] == "take_your_time", "no gentle prompt before the follow-up"
        assert delay <= INCOMPLETE_END_S + 0.5, f"ended {delay:.2f} s after the answer"
    elif first["reason"] == "open_plan":  # a plan whose last step may be followed by another
        assert delay <= EndpointSettings().open_plan_wait_s + 0.3, f"ended {delay:.2f} s after the answer"
    else:  # a complete story or plan, or a short answer to a general question
        assert delay <= 1.0, f"the answer ended {delay:.2f} s after it did"
    decision = next(e for e in events if e["type"] in ("follow_up", "next_question") and e["t"] >= first["t"])
    expect = clip["expect"]
    if expect.get("follow_up"):
        assert decision["type"] == "follow_up" and decision["reason"] == expect["follow_up_reason"], decision
    else:
        assert decision["type"] == "next_question", decision


@pytest.mark.parametrize(
    "clip",
    [
        pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN[c["id"]], strict=True))
        if c["id"] in KNOWN
        else c
        for c in manifest()
    ],
    ids=lambda c: c["id"],
)
def test_replay_on_the_shared_clips(models: Models, clip: dict[str, Any]) -> None:
    samples, _ = read_wav(MEDIA / clip["file"])
    check(replay(models, samples, clip["question"], clip["language"]), clip)


# Clips made here, with other wordings and pause lengths than the shared set.
OWN_EN = [
    {
        "id": "own_en_quick_star",
        "question": "Tell me about a time you improved a process at work.",
        "parts": [
            ("At my last job our weekly report took a full day to prepare.", 0.6),
            ("I was asked to make it faster.", 0.5),
            ("I wrote a script that pulled the numbers from the database, and, um,", 3.0, "thinking"),
            ("I scheduled it to run every Monday morning.", 0.6),
            ("Now the report takes ten minutes, and my manager uses it in every meeting.", None),
        ],
        "expect": {"follow_up": False},
    },
    {
        "id": "own_en_would",
        "question": "Tell me about a time you handled an angry customer.",
        "parts": [
            ("If a customer was angry, I would listen to them first.", 0.7),
            ("Then I would apologise and I would try to find a solution quickly.", None),
        ],
        "expect": {"follow_up": True, "follow_up_reason": "hypothetical_not_past"},
    },
]


def speak_en(text: str, out: Path) -> np.ndarray:
    raw = out.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(raw), text], check=True)
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(out)], check=True)
    samples, _ = read_wav(out)
    return samples


def build(
    parts: list[tuple[Any, ...]], pieces: list[np.ndarray], lead: float = 0.5
) -> tuple[np.ndarray, dict[str, Any]]:
    audio = [np.zeros(int(16000 * lead), np.int16)]
    pauses, t = [], lead
    for part, samples in zip(parts, pieces, strict=True):
        audio.append(samples)
        t += len(samples) / 16000
        if part[1]:
            pauses.append(
                {"start": t, "end": t + part[1], "kind": part[2] if len(part) > 2 else "between_sentences"}
            )
            audio.append(np.zeros(int(16000 * part[1]), np.int16))
            t += part[1]
    answer_end = t
    audio.append(np.zeros(16000 * 3, np.int16))
    return np.concatenate(audio), {"pauses": pauses, "answer_end": answer_end}


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng (scripts/setup.sh --dev)")
@pytest.mark.parametrize("spec", OWN_EN, ids=lambda s: s["id"])
def test_replay_on_english_clips_made_here(models: Models, spec: dict[str, Any], tmp_path: Path) -> None:
    pieces = [speak_en(p[0], tmp_path / f"{i}.wav") for i, p in enumerate(spec["parts"])]
    # espeak-ng ends each clause with ~0.3 s of silence: count it as part of the pause, not the speech.
    trimmed = [
        p[: max(len(p) - int(0.3 * 16000), 1)] if np.abs(p[-int(0.3 * 16000) :]).max() < 50 else p
        for p in pieces
    ]
    samples, timing = build(spec["parts"], trimmed)
    write_wav(tmp_path / f"{spec['id']}.wav", samples, 16000)
    check(replay(models, samples, spec["question"], "en"), {**timing, "expect": spec["expect"]})


def test_replay_on_chinese_clips_respliced_with_other_pauses(
    models: Models,
) -> None:
    """The Mandarin sentences of one clip, cut at their manifest times, rejoined with 0.5 s pauses and a
    3 s thinking pause, and without the thinking filler."""
    clip = next(c for c in manifest() if c["id"] == "zh_leadership_star")
    samples, _ = read_wav(MEDIA / clip["file"])
    segs = clip["segments"]
    cut = [samples[int(s["start"] * 16000) : int(s["end"] * 16000)] for s in segs]
    parts = [("", 0.5), ("", 3.0, "thinking"), ("", 0.5), ("", None)]
    # sentence 1 + 2 joined by 0.5 s, then "然后，嗯，" with a 3 s think, then action and result
    pieces = [np.concatenate([cut[0], np.zeros(8000, np.int16), cut[1]]), cut[2], cut[3], cut[4]]
    rebuilt, timing = build(parts, pieces)
    check(replay(models, rebuilt, clip["question"], "zh"), {**timing, "expect": clip["expect"]})


def test_the_replay_command_prints_one_json_event_a_line() -> None:
    clip = next(c for c in manifest() if c["id"] == "en_motivation_short")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "server.cli",
            "replay",
            str(MEDIA / clip["file"]),
            "--question",
            clip["question"],
            "--language",
            "en",
            "--tail",
            "6",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    events = [json.loads(line) for line in out.stdout.splitlines()]
    types = [e["type"] for e in events]
    for needed in ("speech_start", "speech_end", "final", "end_of_answer", "follow_up", "score"):
        assert needed in types, needed
    assert all(isinstance(e["t"], float | int) for e in events)
    assert next(e for e in events if e["type"] == "follow_up")["reason"] == "too_short"
