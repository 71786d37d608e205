"""The `interview` commands that need no database: score answers, replay audio, a bias audit from CSV.

Each reads files (or stdin) and prints JSON lines or a table; `replay` loads the speech models and runs
an answer through the same pipeline as a live call.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from server.settings import Settings


def score(_settings: Settings, args: argparse.Namespace) -> int:
    """`interview score`: score answers from JSON lines, one JSON result a line (progress on stderr)."""
    from scoring.batch import LineError, score_lines
    from scoring.rubric import DEFAULT_RUBRIC, load_rubric
    from scoring.text import warm_up

    rubric = load_rubric(Path(args.rubric)) if args.rubric else DEFAULT_RUBRIC
    warm_up()
    source = open(args.file, encoding="utf-8") if args.file != "-" else sys.stdin  # noqa: SIM115
    scored = failed = 0
    with source:
        for item in score_lines(source, rubric):
            if isinstance(item, LineError):
                failed += 1
                print(f"skipped {item}", file=sys.stderr)
            else:
                scored += 1
                print(json.dumps(item, ensure_ascii=False), flush=True)
                if scored % 100 == 0:
                    print(f"scored {scored} answers", file=sys.stderr)
    print(f"scored {scored} answers, skipped {failed} bad lines", file=sys.stderr)
    return 0 if scored or not failed else 1


def replay(settings: Settings, args: argparse.Namespace) -> int:
    """`interview replay`: an answer's audio through the live pipeline, one JSON event a line."""
    from agent.plan import PlannedQuestion
    from agent.plan_spec import load_plan_file
    from scoring.rubric import DEFAULT_RUBRIC
    from scoring.scorer import DefaultScorer
    from server.app import agent_settings
    from server.replay import Replay, load_audio, single_question_plan
    from server.runtime import load_speech

    rubric = DEFAULT_RUBRIC
    language = args.language
    if args.plan:
        spec = load_plan_file(Path(args.plan))
        questions = spec.planned()
        language = args.language or spec.language
        rubric = spec.rubric
        pick = [q for q in questions if args.question in (None, q.text, q.id)] or questions
        question = pick[0]
    elif args.question:
        question = PlannedQuestion("q1", args.question, args.competency, args.kind)
    else:
        print("error: give --question or --plan", file=sys.stderr)
        return 2
    language = language or "en"
    settings = settings.model_copy(update={"asr_languages": language})
    vad, engines = load_speech(settings)
    every = settings.asr_partial_every_s if args.partial_interval is None else args.partial_interval
    replay = Replay(
        vad,
        engines,
        DefaultScorer(),
        single_question_plan(question),
        language,
        rubric,
        settings=agent_settings(settings, None),  # the live call's patience and probing
        partial_interval_s=every or None,
        workers=settings.asr_workers,
        bias_with_question=settings.asr_bias_with_question,
    )
    audio = load_audio(Path(args.wav))
    replay.run(audio, args.tail, lambda e: print(json.dumps(e, ensure_ascii=False), flush=True))
    return 0


def bias_audit(_settings: Settings, args: argparse.Namespace) -> int:
    """`interview bias-audit`: selection rates and impact ratios per self-reported group."""
    import csv

    from scoring.fairness import bias_audit

    with open(args.decisions, encoding="utf-8") as f:
        decisions = {
            r["candidate"]: r["selected"].strip().lower() in ("1", "true", "yes") for r in csv.DictReader(f)
        }
    with open(args.labels, encoding="utf-8") as f:
        labels = {r["candidate"]: r[args.category] for r in csv.DictReader(f) if r.get(args.category)}
    print(f"{'group':<24}{'candidates':>11}{'selected':>10}{'rate':>8}{'impact':>8}")
    for g in bias_audit(decisions, labels):
        flag = "  below 4/5" if g.flagged else ""
        print(
            f"{g.group:<24}{g.candidates:>11}{g.selected:>10}{g.selection_rate:>8.2%}{g.impact_ratio:>8.2f}{flag}"
        )
    return 0
