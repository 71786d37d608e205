"""Turn-taking figures over spoken clips, through the real pipeline (`interview replay`'s code).

Prints cut-ins (end of answer declared inside a pause or before the answer ends), end-of-answer delay
after the true end p50/p95, follow-up decision accuracy, and decision latency (compute time from a final
transcript to the decision) p50/p95.

Run: .venv/bin/python -m bench.turns [--media tests/data/media]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from agent.plan import PlannedQuestion
from realtime.asr import bundled_recognizers
from realtime.vad import SileroVAD
from scoring.scorer import DefaultScorer
from server.replay import Replay, load_audio, single_question_plan

ROOT = Path(__file__).resolve().parents[1]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--media", default=str(ROOT / "tests" / "data" / "media"))
    args = parser.parse_args()
    media = Path(args.media)
    clips = json.loads((media / "manifest.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as cache:
        recognizers = bundled_recognizers(Path(cache))
        vad = SileroVAD()
        cut_ins, delays, correct, latencies = 0, [], 0, []
        print(f"{'clip':<28}{'end (s)':>9}{'delay':>8}  decision")
        for clip in clips:
            replay = Replay(
                vad,
                recognizers,
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
        recognizers.close()
    n = len(clips)
    print()
    print(
        f"clips {n}  cut-ins {cut_ins}  "
        f"end delay p50 {pct(delays, 0.5):.2f} s p95 {pct(delays, 0.95):.2f} s  "
        f"follow-up accuracy {correct}/{n}  decision latency p50 {pct(latencies, 0.5) * 1000:.1f} ms "
        f"p95 {pct(latencies, 0.95) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
