"""Turn-taking figures over spoken clips, through the live call's path on a simulated clock (replay).

Prints cut-ins (end of answer declared inside a pause or before the answer ends), end-of-answer delay
after the true end p50/p95, follow-up decision accuracy, and decision latency (compute time from a final
transcript to the decision) p50/p95.

Run: .venv/bin/python -m bench.turns [--media tests/data/media] [--pipecat-python PYTHON]
(PYTHON: a venv with `pip install torch==2.13.0 && pip install "pipecat-ai[silero,whisper]==1.14.0"`;
its clips run in real time, about five minutes.)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from agent.plan import PlannedQuestion
from realtime.speech.asr import bundled_engines, default_asr_model_path
from realtime.speech.models import multilingual_base_model
from realtime.speech.vad import SileroVAD
from scoring.scorer import DefaultScorer
from server.replay import Replay, load_audio, single_question_plan

ROOT = Path(__file__).resolve().parents[1]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--media", default=str(ROOT / "tests" / "data" / "media"))
    parser.add_argument(
        "--pipecat-python",
        help="a Python with pipecat-ai[silero,whisper]==1.14.0: also run Pipecat's default turn stack",
    )
    args = parser.parse_args()
    media = Path(args.media)
    clips = json.loads((media / "manifest.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as cache:
        engines = bundled_engines(Path(cache))
        vad = SileroVAD()
        cut_ins, delays, correct, latencies = 0, [], 0, []
        print(f"{'clip':<28}{'end (s)':>9}{'delay':>8}  decision")
        for clip in clips:
            replay = Replay(
                vad,
                engines,
                DefaultScorer(),
                single_question_plan(PlannedQuestion("q1", clip["question"])),
                clip["language"],
            )
            events = list(replay.run(load_audio(media / clip["file"])))
            latencies += replay.stats.decision_latency
            ends = [e for e in events if e["type"] == "end_of_answer"]
            end = ends[0]["t"] if ends else float("inf")
            in_pause = (
                any(p["start"] <= end <= p["end"] + 0.05 for p in clip["pauses"]) or end < clip["answer_end"]
            )
            cut_ins += in_pause
            if not in_pause and ends:
                delays.append(end - clip["answer_end"])
            decision = next(
                (e for e in events if e["type"] in ("follow_up", "next_question") and e["t"] > 0), None
            )
            got = decision["reason"] if decision and decision["type"] == "follow_up" else None
            want = clip["expect"].get("follow_up_reason") if clip["expect"].get("follow_up") else None
            correct += got == want
            print(
                f"{clip['id']:<28}{end:>9.2f}{end - clip['answer_end']:>8.2f}  {got or 'next question'}"
                f"{'  (cut-in)' if in_pause else ''}{'' if got == want else f'  (expected {want})'}"
            )
    n = len(clips)
    print()
    print(
        f"clips {n}  cut-ins {cut_ins}  "
        f"end delay p50 {pct(delays, 0.5):.2f} s p95 {pct(delays, 0.95):.2f} s  "
        f"follow-up accuracy {correct}/{n}  decision latency p50 {pct(latencies, 0.5) * 1000:.1f} ms "
        f"p95 {pct(latencies, 0.95) * 1000:.1f} ms"
    )
    if args.pipecat_python:
        pipecat(args.pipecat_python, media, clips)


def pipecat(python: str, media: Path, clips: list[dict[str, Any]]) -> None:
    """Pipecat's default turn stack on the same clips in real time (its own venv), printed beside ours."""
    with tempfile.TemporaryDirectory() as cache:
        zh_model = multilingual_base_model(Path(cache))
        harness = str(ROOT / "bench" / "pipecat_turns.py")
        command = [python, harness, str(media), str(default_asr_model_path()), str(zh_model)]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    by_id = {c["id"]: c for c in clips}
    cut_ins, delays, waited = 0, [], []
    print(f"\n{'pipecat 1.14 (default turn stack)':<28}{'turn ends inside the answer':>30}{'delay':>8}")
    for line in out.splitlines():
        if not line.startswith("{"):
            continue
        r = json.loads(line)
        clip = by_id[r["id"]]
        inside = [t for t in r["turn_ends"] if t < clip["answer_end"]]
        after = [t - clip["answer_end"] for t in r["turn_ends"] if t >= clip["answer_end"]]
        cut_ins += len(inside)
        if after:
            delays.append(after[0])
        waited += [d for d in after[:1] if d > 2.0]
        delay = f"{after[0]:>8.2f}" if after else f"{'never':>8}"
        print(f"{r['id']:<28}{len(inside):>30}{delay}")
    print(
        f"pipecat: cut-ins {cut_ins} on {len(clips)} clips, end delay p50 {pct(delays, 0.5):.2f} s "
        f"p95 {pct(delays, 0.95):.2f} s, waited > 2 s after the end on {len(waited)}"
    )


if __name__ == "__main__":
    main()
