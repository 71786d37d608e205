"""Scoring speed: per-answer latency p50/p95 for ~300-word answers, and throughput on one core.

Rows: English and Chinese answers as written, and the same answers with their punctuation stripped
("-raw", as a transcript without punctuation: the clause segmenter does all the work). With
`--encoder bundled` (or a model folder) the sentence encoder's time is included.

Two columns of latency: "cold" scores each answer with nothing cached, as a batch re-score would;
"live" is the score at the end of the answer in a call, where the answer arrived as final transcripts
(about 20 words each) and was scored provisionally after each, as the agent does, so only the last
segment's clauses are new (those provisional scores are not timed).

Run: .venv/bin/python -m bench.scoring [--answers N] [--encoder none|bundled|PATH] [--communication]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from pathlib import Path

from scoring.models import Answer
from scoring.scorer import DefaultScorer, load_encoder
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


def segments(answer: Answer, words: int = 20) -> list[str]:
    """The answer as a call's final transcripts arrive: cumulative texts, about `words` words apart."""
    if answer.language == "zh":
        step = int(words * 1.6)
        cuts = range(step, len(answer.text) + step, step)
        return [answer.text[:c] for c in cuts]
    tokens = answer.text.split()
    return [" ".join(tokens[:c]) for c in range(words, len(tokens) + words, words)]


def live_final_ms(scorer: DefaultScorer, answer: Answer) -> float:
    """The end-of-answer score's time after provisional scores of each segment so far (untimed)."""
    scorer.forget()
    _zh_cut.cache_clear()
    parts = segments(answer)
    for text in parts[:-1]:
        scorer.score(Answer(answer.question, text, answer.language), provisional=True)
    t0 = time.perf_counter()
    scorer.score(answer)
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--encoder", default="none", help="none, bundled, or a model folder")
    parser.add_argument("--communication", action="store_true")
    args = parser.parse_args()
    warm_up()
    encoder = load_encoder(None if args.encoder == "none" else args.encoder)
    scorer = DefaultScorer(encoder, communication=args.communication)
    if encoder is not None:
        scorer.score(Answer("Warm up?", "I warmed the encoder up.", "en"))
    print(f"encoder: {encoder.name if encoder is not None else 'none'}")
    print(
        f"{'language':<9}{'answers':>8}{'words':>7}{'cold p50':>10}{'cold p95':>10}{'answers/s':>11}"
        f"{'live p50':>10}{'live p95':>10}"
    )
    for language in ("en", "zh", "en-raw", "zh-raw"):
        lang = language[:2]
        pool = long_answers(lang)
        batch = [pool[i % len(pool)] for i in range(args.answers)]
        # Vary the text so caches do not flatter the figures.
        batch = [Answer(a.question, f"{a.text} ({i})", a.language) for i, a in enumerate(batch)]
        if language.endswith("-raw"):
            batch = [Answer(a.question, re.sub(r"[.,!?;。，！？；]", " ", a.text), lang) for a in batch]
        timings = []
        started = time.perf_counter()
        for answer in batch:
            _zh_cut.cache_clear()  # cold: no sentence segmented before (live re-scoring reuses them)
            scorer.forget()
            t0 = time.perf_counter()
            scorer.score(answer)
            timings.append((time.perf_counter() - t0) * 1000)
        elapsed = time.perf_counter() - started
        live = [live_final_ms(scorer, a) for a in batch[: max(1, len(batch) // 4)]]
        words = statistics.mean(len(a.text) / 1.6 if lang == "zh" else len(a.text.split()) for a in batch)
        print(
            f"{language:<9}{len(batch):>8}{words:>7.0f}{percentile(timings, 0.5):>10.1f}"
            f"{percentile(timings, 0.95):>10.1f}{len(batch) / elapsed:>11.1f}"
            f"{percentile(live, 0.5):>10.1f}{percentile(live, 0.95):>10.1f}"
        )


if __name__ == "__main__":
    main()
