"""Turn-taking figures over spoken clips, through the live call's path on a simulated clock (replay).

Prints cut-ins (end of answer declared inside a pause or before the answer ends), end-of-answer delay
after the true end p50/p95, follow-up decision accuracy, and decision latency (compute time from a final
transcript to the decision) p50/p95.

Run: .venv/bin/python -m bench.turns [--media tests/data/media | tests/data/corpus] [--split tune|heldout|all]
     [--pipecat-python PYTHON]
(PYTHON: a venv with `pip install torch==2.13.0 && pip install "pipecat-ai[silero,whisper]==1.14.0"`;
its clips run in real time, about five minutes.)
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tempfile
import wave
from pathlib import Path
from typing import Any

from agent.endpointing import EndpointSettings
from agent.interviewer import AgentSettings
from agent.plan import PlannedQuestion
from realtime.speech.asr import bundled_engines, english_model_path
from realtime.speech.models import multilingual_base_model
from realtime.speech.turn_end import SmartTurn, default_turn_model_path
from realtime.speech.vad import SileroVAD
from scoring.scorer import DefaultScorer
from server.replay import Replay, load_audio, single_question_plan
from tests.media import normalise_words

ROOT = Path(__file__).resolve().parents[1]


TAIL_S = 6.0  # silence after each clip: an unfinished answer is prompted at 4 s and followed up at 7 s
COMPLETE = ("complete", "plan")  # answers that should end quickly (the 1.2 s target)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def load_clips(media: Path, split: str) -> list[dict[str, Any]]:
    """A manifest's clips: the shared set (a list) or the corpus (`{"clips": [...]}` with splits)."""
    data = json.loads((media / "manifest.json").read_text(encoding="utf-8"))
    clips: list[dict[str, Any]] = data["clips"] if isinstance(data, dict) else data
    return [c for c in clips if split == "all" or c.get("split", "tune") == split]


def wav_copies(media: Path, clips: list[dict[str, Any]], folder: Path) -> list[dict[str, Any]]:
    """The clips decoded to 16 kHz mono WAV files in `folder` (corpora are FLAC; some readers take WAV)."""
    folder.mkdir(parents=True, exist_ok=True)
    copies = []
    for clip in clips:
        wav = folder / f"{clip['id']}.wav"
        with wave.open(str(wav), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(16000)
            w.writeframes(load_audio(media / clip["file"]).tobytes())
        copies.append({**clip, "file": wav.name})
    return copies


def judge(clip: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    """Cut-in, end-of-answer delay and follow-up decision of one replayed answer."""
    ends = [e for e in events if e["type"] == "end_of_answer"]
    end = ends[0]["t"] if ends else float("inf")
    pause = next((p for p in clip["pauses"] if p["start"] <= end <= p["end"] + 0.05), None)
    cut_in = pause is not None or end < clip["answer_end"]
    decision = next((e for e in events if e["type"] in ("follow_up", "next_question") and e["t"] > 0), None)
    got = decision["reason"] if decision and decision["type"] == "follow_up" else None
    expect = clip["expect"]
    want = expect.get("follow_up_reason") if expect.get("follow_up") else None
    scored = expect.get("follow_up") is not None  # read passages have no expected follow-up
    return {
        "end": end,
        "delay": end - clip["answer_end"],
        "cut_in": cut_in,
        "cut_in_pause": pause["kind"] if pause else None,
        "got": got,
        "want": want,
        "scored": scored,
        "found": bool(ends),
    }


def transcript(clip: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    """What was said against what was recognised (the finals of the answer)."""
    joiner = "" if clip["language"] == "zh" else " "
    said = joiner.join(s["text"] for s in clip["segments"])
    heard = joiner.join(e["text"] for e in events if e["type"] == "final" and e["text"])
    return {"said": said, "heard": heard}


def error_rate(rows: list[tuple[dict[str, Any], dict[str, Any]]], language: str) -> str:
    """Pooled WER (English) or CER (Chinese) over the rows, and traditional characters seen."""
    import jiwer
    import opencc

    said = [r["said"] for _, r in rows]
    heard = [r["heard"] for _, r in rows]
    if language == "zh":
        keep = [re.sub(r"[^\u3400-\u9fff0-9a-zA-Z]", "", x) for x in said]
        got = [re.sub(r"[^\u3400-\u9fff0-9a-zA-Z]", "", x) for x in heard]
        t2s = opencc.OpenCC("t2s").convert
        traditional = sum(ch != t2s(ch) for text in heard for ch in text)
        return f"CER {jiwer.cer(keep, got):.1%} traditional chars {traditional}"
    return f"WER {jiwer.wer([normalise_words(x) for x in said], [normalise_words(x) for x in heard]):.1%}"


def report(rows: list[tuple[dict[str, Any], dict[str, Any]]], label: str) -> None:
    """Figures for a set of judged clips."""
    if not rows:
        return
    delays = [
        r["delay"] for c, r in rows if not r["cut_in"] and r["found"] and c.get("kind_of_answer") in COMPLETE
    ]
    waits = [
        r["delay"]
        for c, r in rows
        if not r["cut_in"] and r["found"] and c.get("kind_of_answer") not in COMPLETE
    ]
    scored = [r for _, r in rows if r["scored"]]
    right = sum(r["got"] == r["want"] for r in scored)
    cut_ins = sum(r["cut_in"] for _, r in rows)
    missed = sum(not r["found"] for _, r in rows)
    print(
        f"{label:<14} clips {len(rows):>3}  cut-ins {cut_ins}  never ended {missed}  "
        f"complete answers end after p50 {pct(delays, 0.5):.2f} s p95 {pct(delays, 0.95):.2f} s, "
        f"others p50 {pct(waits, 0.5):.2f} s  "
        f"follow-up right {right}/{len(scored)} ({right / max(len(scored), 1):.0%})"
    )
    languages = {c["language"] for c, _ in rows}
    if len(languages) == 1:
        print(f"{'':<14} recognition {error_rate(rows, languages.pop())}")


def report_groups(rows: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    """Figures per split and language, then over all clips."""
    for split in ("tune", "heldout"):
        for language in ("en", "zh"):
            report(
                [x for x in rows if x[0].get("split", "tune") == split and x[0]["language"] == language],
                f"{split} {language}",
            )
    report(rows, "all")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--media", default=str(ROOT / "tests" / "data" / "media"))
    parser.add_argument("--split", choices=["tune", "heldout", "all"], default="all")
    parser.add_argument(
        "--question-bias", action="store_true", help="give the recogniser the question as context"
    )
    parser.add_argument(
        "--pipecat-python",
        help="a Python with pipecat-ai[silero,whisper]==1.14.0: also run Pipecat's default turn stack",
    )
    parser.add_argument(
        "--mid-thought-p",
        type=float,
        default=0.0,
        help="use the turn-end model (models/smart-turn-v3.2-cpu.onnx): below this P(complete), mid-thought",
    )
    parser.add_argument(
        "--en-model", default="tiny.en", help="English recogniser: tiny.en, base (bundled) or a model folder"
    )
    parser.add_argument("--clips", default="", help="only these clips (comma-separated ids)")
    parser.add_argument("--verbose", action="store_true", help="print each clip's finals and decisions")
    args = parser.parse_args()
    turn_model = SmartTurn(default_turn_model_path() or "") if args.mid_thought_p > 0 else None
    agent_settings = AgentSettings(endpoint=EndpointSettings(mid_thought_p=args.mid_thought_p))
    media = Path(args.media)
    clips = load_clips(media, args.split)
    if args.clips:
        clips = [c for c in clips if c["id"] in args.clips.split(",")]
    rows: list[tuple[dict[str, Any], dict[str, Any]]] = []
    latencies: list[float] = []
    with tempfile.TemporaryDirectory() as cache:
        engines = bundled_engines(Path(cache), english=args.en_model)
        vad = SileroVAD()
        print(f"{'clip':<28}{'split':>8}{'end (s)':>9}{'delay':>8}  decision")
        for clip in clips:
            replay = Replay(
                vad,
                engines,
                DefaultScorer(),
                single_question_plan(PlannedQuestion("q1", clip["question"], kind=clip.get("question_kind"))),
                clip["language"],
                settings=agent_settings,
                bias_with_question=args.question_bias,
                turn_model=turn_model,
            )
            events = replay.run(load_audio(media / clip["file"]), tail_s=TAIL_S)
            latencies += replay.stats.decision_latency
            if args.verbose:
                for e in events:
                    if e["type"] in ("final", "end_of_answer", "follow_up", "next_question", "prompt"):
                        said = e.get("text") or e.get("reason") or ""
                        if e["type"] == "end_of_answer":
                            said += f" (waited {e['wait_s']:.2f} s; gaps {e['pauses']})"
                        print(f"    {e['t']:7.2f} {e['type']:<14} {said}")
            r = {**judge(clip, events), **transcript(clip, events)}
            rows.append((clip, r))
            wrong = "" if not r["scored"] or r["got"] == r["want"] else f"  (expected {r['want'] or 'none'})"
            cut = f"  (cut-in: {r['cut_in_pause'] or 'before the end'})" if r["cut_in"] else ""
            print(
                f"{clip['id']:<28}{clip.get('split', '-'):>8}{r['end']:>9.2f}{r['delay']:>8.2f}  "
                f"{r['got'] or 'next question'}{cut}{wrong}",
                flush=True,
            )
    print()
    report_groups(rows)
    print(
        f"decision latency p50 {pct(latencies, 0.5) * 1000:.1f} ms p95 {pct(latencies, 0.95) * 1000:.1f} ms"
    )
    if args.pipecat_python:
        pipecat(args.pipecat_python, media, clips, args.en_model)


def pipecat(python: str, media: Path, clips: list[dict[str, Any]], english: str) -> None:
    """Pipecat's default turn stack on the same clips in real time (its own venv), printed beside ours."""
    with tempfile.TemporaryDirectory() as cache:
        zh_model = multilingual_base_model(Path(cache))
        # The harness reads a list manifest of WAV files: the chosen clips, decoded here (FLAC corpora).
        folder = Path(cache) / "clips"
        listed = wav_copies(media, clips, folder)
        (folder / "manifest.json").write_text(json.dumps(listed, ensure_ascii=False), encoding="utf-8")
        harness = str(ROOT / "bench" / "pipecat_turns.py")
        en_model = english_model_path(english, Path(cache))  # the same recogniser as ours
        command = [python, harness, str(folder), str(en_model), str(zh_model)]
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
