"""Turn-taking decided again from recorded traces: the live path once per set, then new decisions in seconds.

`record` replays each clip through the live call's path (VAD, recognisers, turn-end model) on the simulated
clock, as `bench/turns.py` does, but with an answer that never ends, and keeps every call the path makes on
the agent: start, speech start and end, each final transcript, each clock tick. `decide` gives those calls,
in order, to a new agent built from the current code with the given end-of-answer settings, and prints the
figures of `bench/turns.py` (cut-ins, end of complete answers p50/p95, right follow-ups). The recorded
inputs do not depend on the agent's decisions, so for a change to the turn policy (`agent/`) or the answer
analysis (`scoring/`) it gives what `bench/turns.py` would, in seconds instead of minutes a set; a change
under `realtime/` (VAD, recognition) needs a new recording.

Run: .venv/bin/python -m bench.turn_traces record --media tests/data/corpus_eighth --out traces/eighth.jsonl
     .venv/bin/python -m bench.turn_traces decide traces/*.jsonl [--set complete_wait_s=0.8] [--verbose]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from agent.actions import EndOfAnswer
from agent.endpointing import EndpointSettings
from agent.interviewer import AgentSettings, InterviewAgent
from agent.plan import PlannedQuestion
from bench.turns import TAIL_S, judge, load_clips, report, report_groups, transcript
from scoring.rubric import DEFAULT_RUBRIC
from scoring.scorer import DefaultScorer
from server.replay import single_question_plan

# What the live path tells the agent; everything it decides follows from these calls.
CALLS = ("start", "speech_started", "speech_ended", "final", "tick", "spoken_until")
# Waits so long that the answer never ends while it is recorded: every call up to the clip's end is kept.
NEVER_ENDS = EndpointSettings(
    complete_wait_s=900,
    base_wait_s=900,
    max_rhythm_wait_s=900,
    open_plan_wait_s=900,
    story_wait_s=950,
    incomplete_end_s=1000,
    prompt_after_s=950,
    give_up_after_s=2000,
    max_answer_s=10_000,
)


def _question(clip: dict[str, Any]) -> PlannedQuestion:
    return PlannedQuestion("q1", clip["question"], kind=clip.get("question_kind"))


def _recorded(agent: InterviewAgent, calls: list[list[Any]]) -> None:
    """Keep each call the live path makes on `agent` (name, positional and keyword arguments)."""
    for name in CALLS:
        method: Callable[..., Any] = getattr(agent, name)

        def kept(*args: Any, _method: Callable[..., Any] = method, _name: str = name, **kwargs: Any) -> Any:
            calls.append([_name, list(args), kwargs])
            return _method(*args, **kwargs)

        setattr(agent, name, kept)


def record(media: Path, out: Path, split: str, english: str, language: str | None = None) -> None:
    """One JSON line a clip: the clip's manifest entry, the agent's calls, the recognised finals."""
    from realtime.speech.asr import bundled_engines
    from realtime.speech.turn_end import SmartTurn, default_turn_model_path
    from realtime.speech.vad import SileroVAD
    from server.replay import Replay, load_audio

    # The turn-end model's P(complete) at each pause is kept too, so `decide --set mid_thought_p=…` works.
    model_path = default_turn_model_path()
    turn_model = SmartTurn(model_path) if model_path else None

    clips = [c for c in load_clips(media, split) if language in (None, c["language"])]
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as cache, out.open("w", encoding="utf-8") as sink:
        engines = bundled_engines(Path(cache), english=english)
        vad = SileroVAD()
        for n, clip in enumerate(clips, 1):
            replay = Replay(
                vad,
                engines,
                DefaultScorer(),
                single_question_plan(_question(clip)),
                clip["language"],
                settings=AgentSettings(endpoint=NEVER_ENDS),
                turn_model=turn_model,
            )
            calls: list[list[Any]] = []
            _recorded(replay.agent, calls)
            events = replay.run(load_audio(media / clip["file"]), tail_s=TAIL_S)
            finals = [e for e in events if e["type"] == "final"]
            trace = {"clip": clip, "calls": calls, "finals": finals, "turn_model": turn_model is not None}
            sink.write(json.dumps(trace, ensure_ascii=False) + "\n")
            print(f"[{n}/{len(clips)}] {clip['id']}: {len(calls)} calls", flush=True)
    print(f"recorded {len(clips)} clips to {out}")


def decided(trace: dict[str, Any], settings: EndpointSettings) -> list[dict[str, Any]]:
    """The events a new agent with `settings` gives on the recorded calls, up to what follows the end."""
    clip = trace["clip"]
    agent = InterviewAgent(
        single_question_plan(_question(clip)),
        clip["language"],
        DefaultScorer(),
        DEFAULT_RUBRIC,
        AgentSettings(endpoint=settings),
    )
    events: list[dict[str, Any]] = []
    for name, args, kwargs in trace["calls"]:
        actions = getattr(agent, name)(*args, **kwargs) or []
        if name == "start":
            continue  # the question itself, at t = 0
        events += [a.event() for a in actions]
        if any(isinstance(a, EndOfAnswer) for a in actions):
            break  # the end and what follows it come in one tick
    return events


def decide(paths: list[Path], settings: EndpointSettings, verbose: bool) -> None:
    """The figures of `bench/turns.py`, per trace file and, over all of them, per split and language."""
    rows: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for path in paths:
        ours = []
        for line in path.read_text(encoding="utf-8").splitlines():
            trace = json.loads(line)
            if settings.mid_thought_p > 0 and not trace.get("turn_model"):
                raise SystemExit(f"{path}: recorded without the turn-end model; mid_thought_p needs it")
            events = decided(trace, settings)
            clip = trace["clip"]
            ours.append((clip, {**judge(clip, events), **transcript(clip, trace["finals"])}))
            if verbose:
                _explain(trace, events, ours[-1][1])
        report(ours, path.stem[:14])
        rows += ours
    print()
    report_groups(rows)


def _explain(trace: dict[str, Any], events: list[dict[str, Any]], r: dict[str, Any]) -> None:
    clip = trace["clip"]
    end = next((e for e in events if e["type"] == "end_of_answer"), None)
    why = f"{end['reason']} (waited {end['wait_s']:.2f} s; gaps {end['pauses']})" if end else "never ended"
    cut = f"  cut-in: {r['cut_in_pause'] or 'before the end'}" if r["cut_in"] else ""
    wrong = "" if not r["scored"] or r["got"] == r["want"] else f"  (expected {r['want'] or 'none'})"
    print(f"{clip['id']:<28}{r['delay']:>8.2f}  {r['got'] or 'next question'}{cut}{wrong}  {why}")
    for final in trace["finals"]:
        print(f"    {final['t']:7.2f} {final['text']}")


def settings_from(pairs: list[str]) -> EndpointSettings:
    """`EndpointSettings` with `field=value` overrides."""
    names = {f.name for f in dataclasses.fields(EndpointSettings)}
    overrides: dict[str, float] = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        if name not in names:
            raise SystemExit(f"--set {pair}: no setting {name!r} (one of {', '.join(sorted(names))})")
        overrides[name] = float(value)
    try:
        return EndpointSettings(**overrides)
    except ValueError as e:
        raise SystemExit(f"--set: {e}") from None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record", help="replay a set through the live path and keep the agent's inputs")
    rec.add_argument("--media", required=True)
    rec.add_argument("--out", required=True)
    rec.add_argument("--split", choices=["tune", "heldout", "all"], default="all")
    rec.add_argument("--en-model", default="tiny.en")
    rec.add_argument("--language", choices=["en", "zh"], help="only this language's clips")
    dec = sub.add_parser("decide", help="decide again on recorded traces with the current code")
    dec.add_argument("traces", nargs="+")
    dec.add_argument("--set", action="append", default=[], help="an end-of-answer setting: field=value")
    dec.add_argument("--verbose", action="store_true", help="each clip's decision and finals")
    args = parser.parse_args()
    if args.command == "record":
        record(Path(args.media), Path(args.out), args.split, args.en_model, args.language)
    else:
        decide([Path(p) for p in args.traces], settings_from(args.set), args.verbose)


if __name__ == "__main__":
    main()
