"""How well the turn-end model separates the end of an answer from pauses inside it.

For every clip of a corpus with known pauses (tests/data/corpus, tests/data/media), the model reads the
audio up to each pause (plus the 0.2 s of silence a VAD needs to call the pause) and up to the answer's
end, and the bench prints P(complete) by pause kind, the ROC AUC of ends against inner pauses, and what a
threshold would do: the share of inner pauses it would call an end (cut-ins) and of ends it would miss.

Run: .venv/bin/python -m bench.turn_model [--media tests/data/corpus] [--split tune|heldout|all]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from realtime.speech.turn_end import RATE, SmartTurn
from server.replay.audio import load_audio

ROOT = Path(__file__).resolve().parents[1]
VAD_STOP_S = 0.2


def auc(ends: list[float], inner: list[float]) -> float:
    """P(a random end scores above a random inner pause); ties count half."""
    if not ends or not inner:
        return float("nan")
    wins = sum((e > i) + 0.5 * (e == i) for e in ends for i in inner)
    return wins / (len(ends) * len(inner))


def points(clip: dict[str, Any]) -> list[tuple[str, float]]:
    """(kind, time) of each inner pause start and of the answer's end."""
    out = [(p["kind"], float(p["start"])) for p in clip.get("pauses", [])]
    end = clip.get("answer_end")
    if end is None and clip.get("segments"):
        end = clip["segments"][-1]["end"]
    if end is not None:
        out.append(("END", float(end)))
    return out


def measure(media: Path, split: str, model: SmartTurn) -> dict[str, dict[str, list[float]]]:
    """P(complete) per language and point kind."""
    manifest = json.loads((media / "manifest.json").read_text(encoding="utf-8"))
    clips = manifest["clips"] if isinstance(manifest, dict) else manifest
    by: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    costs = []
    for clip in clips:
        if split != "all" and clip.get("split", "tune") != split:
            continue
        audio = load_audio(media / clip["file"]).astype(np.float32) / 32768.0
        for kind, t in points(clip):
            upto = audio[: int((t + VAD_STOP_S) * RATE)]
            began = time.perf_counter()
            p = model.probability(upto)
            costs.append(time.perf_counter() - began)
            by[clip["language"]][kind].append(p)
    if costs:
        print(f"inference: p50 {statistics.median(costs) * 1000:.0f} ms over {len(costs)} points")
    return by


def report(by: dict[str, dict[str, list[float]]], label: str) -> None:
    """Print the table for one corpus and split."""
    for lang, kinds in sorted(by.items()):
        ends = kinds.get("END", [])
        inner = [p for k, v in kinds.items() if k != "END" for p in v]
        print(f"\n{label} [{lang}] AUC(end vs inner pauses) = {auc(ends, inner):.2f}")
        for kind, ps in sorted(kinds.items()):
            median = statistics.median(ps)
            print(f"  {kind:22s} n={len(ps):3d} p50 {median:.2f} min {min(ps):.2f} max {max(ps):.2f}")
        for thr in (0.3, 0.5, 0.7, 0.9):
            cut = sum(p >= thr for p in inner) / max(len(inner), 1)
            miss = sum(p < thr for p in ends) / max(len(ends), 1)
            print(f"  threshold {thr:.1f}: inner pauses called ends {cut:5.0%}, ends missed {miss:5.0%}")


def main() -> None:
    """Measure the model on the chosen corpus and split."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--media", default=str(ROOT / "tests" / "data" / "corpus"))
    parser.add_argument("--split", default="all", choices=["tune", "heldout", "all"])
    parser.add_argument("--model", default=str(ROOT / "models" / "smart-turn-v3.2-cpu.onnx"))
    args = parser.parse_args()
    model = SmartTurn(args.model)
    media = Path(args.media)
    report(measure(media, args.split, model), f"{media.name} {args.split}")


if __name__ == "__main__":
    main()
