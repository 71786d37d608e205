"""Scoring speed: per-answer latency p50/p95 for ~300-word answers, and throughput on one core.

Run: .venv/bin/python -m bench.scoring [--answers N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from scoring.models import Answer
from scoring.scorer import DefaultScorer
from scoring.text import _zh_cut, warm_up

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "scoring" / "labelled_answers.jsonl"


def long_answers(language: str, words: int = 300) -> list[Answer]:
    """Answers of about `words` words (Chinese: 1.6 characters a word), built from the labelled set."""
    items = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [i for i in items if i["language"] == language]
    answers = []
    for start in range(len(items)):
        parts, size = [], 0
        k = start
        while size < words:
            text = items[k % len(items)]["answer"]
            parts.append(text)
            size += len(text) / 1.6 if language == "zh" else len(text.split())
            k += 1
        answers.append(
            Answer(items[start]["question"], ("" if language == "zh" else " ").join(parts), language)
        )
    return answers


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=200)
    args = parser.parse_args()
    warm_up()
    scorer = DefaultScorer()
    print(f"{'language':<9}{'answers':>8}{'words':>7}{'p50 ms':>9}{'p95 ms':>9}{'answers/s':>11}")
    for language in ("en", "zh"):
        pool = long_answers(language)
        batch = [pool[i % len(pool)] for i in range(args.answers)]
        # Vary the text so caches do not flatter the figures.
        batch = [Answer(a.question, f"{a.text} ({i})", a.language) for i, a in enumerate(batch)]
        timings = []
        started = time.perf_counter()
        for answer in batch:
            _zh_cut.cache_clear()  # cold: no sentence segmented before (live re-scoring reuses them)
            t0 = time.perf_counter()
            scorer.score(answer)
            timings.append((time.perf_counter() - t0) * 1000)
        elapsed = time.perf_counter() - started
        words = statistics.mean(len(a.text) / 1.6 if language == "zh" else len(a.text.split()) for a in batch)
        print(
            f"{language:<9}{len(batch):>8}{words:>7.0f}{percentile(timings, 0.5):>9.1f}"
            f"{percentile(timings, 0.95):>9.1f}{len(batch) / elapsed:>11.1f}"
        )


if __name__ == "__main__":
    main()
