"""The default scorer on the spoken test set, on manifest transcripts and on real ASR output."""

from __future__ import annotations

import asyncio

import pytest

from realtime.events import FinalTranscript, MediaEvent
from realtime.speech.asr import bundled_recognizers
from realtime.speech.pipeline import SpeechPipeline
from realtime.speech.vad import SileroVAD
from scoring.models import STAR_PARTS, Answer, TimedSegment, join_segments
from scoring.scorer import DefaultScorer
from tests.media import MEDIA, manifest, read_wav

SCORER = DefaultScorer()
STAR_CLIPS = [c for c in manifest() if "star" in c["expect"]]


@pytest.mark.parametrize("clip", STAR_CLIPS, ids=lambda c: c["id"])
def test_star_parts_match_the_manifest_on_transcripts(clip: dict) -> None:
    result = SCORER.score(Answer(clip["question"], clip["text"], clip["language"], clip["competency"]))
    assert {p: result.star[p].present for p in STAR_PARTS} == clip["expect"]["star"]
    for part, finding in result.star.items():
        for quote in finding.evidence:  # every quote is really in the transcript, at its offsets
            assert clip["text"][quote.start : quote.end] == quote.text, part


def _complete_beats_incomplete(texts: dict[str, str]) -> None:
    by_id = {c["id"]: c for c in manifest()}
    scores = {
        i: SCORER.score(Answer(by_id[i]["question"], t, by_id[i]["language"])).score_exact
        for i, t in texts.items()
    }
    complete = [
        s
        for i, s in scores.items()
        if by_id[i]["expect"].get("star") and all(by_id[i]["expect"]["star"].values())
    ]
    missing = [s for i, s in scores.items() if by_id[i]["expect"].get("follow_up_reason") == "missing_result"]
    assert complete and missing and min(complete) > max(missing), scores


def test_star_complete_answers_outscore_answers_without_a_result() -> None:
    _complete_beats_incomplete({c["id"]: c["text"] for c in STAR_CLIPS})


@pytest.fixture(scope="module")
def asr_transcripts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, list[TimedSegment]]]:
    """Every clip through the real VAD + Whisper pipeline (tiny.en, and multilingual base for Chinese)."""
    vad = SileroVAD()
    recognizer = bundled_recognizers(tmp_path_factory.mktemp("m"))
    out: dict[str, tuple[str, list[TimedSegment]]] = {}

    async def run(clip: dict) -> None:
        finals: list[FinalTranscript] = []

        async def sink(e: MediaEvent) -> None:
            if isinstance(e, FinalTranscript) and e.text:
                finals.append(e)

        pipeline = SpeechPipeline(vad, recognizer, sink, language=clip["language"])
        pipeline.start()
        samples, _ = read_wav(MEDIA / clip["file"])
        for i in range(0, len(samples), 320):
            await pipeline.push(samples[i : i + 320])
        await pipeline.close()
        segments = [TimedSegment(f.text, f.start, f.end) for f in finals]
        out[clip["id"]] = (join_segments(segments, clip["language"]), segments)

    for clip in manifest():
        asyncio.run(run(clip))
    recognizer.close()
    return out


def test_scores_hold_on_asr_output(asr_transcripts: dict[str, tuple[str, list[TimedSegment]]]) -> None:
    by_id = {c["id"]: c for c in manifest()}
    for clip_id, (text, segments) in asr_transcripts.items():
        clip = by_id[clip_id]
        result = SCORER.score(
            Answer(clip["question"], text, clip["language"], clip["competency"], segments=tuple(segments))
        )
        if "star" in clip["expect"]:
            assert {p: result.star[p].present for p in STAR_PARTS} == clip["expect"]["star"], (clip_id, text)
        # Evidence points into the audio: each quote's time lies inside the answer.
        for quote in result.evidence:
            assert quote.t_start is not None and 0 <= quote.t_start <= clip["answer_end"] + 0.5
    for language in ("en", "zh"):
        _complete_beats_incomplete(
            {i: t for i, (t, _) in asr_transcripts.items() if by_id[i]["language"] == language}
        )


def test_same_answer_same_score() -> None:
    clip = STAR_CLIPS[0]
    answer = Answer(clip["question"], clip["text"], clip["language"], clip["competency"])
    assert SCORER.score(answer) == SCORER.score(answer)
    assert SCORER.score(answer).as_dict() == DefaultScorer().score(answer).as_dict()


def test_provisional_scores_grow_with_the_answer() -> None:
    clip = next(c for c in manifest() if c["id"] == "en_leadership_star")
    texts = [s["text"] for s in clip["segments"]]
    scores = [
        SCORER.score(Answer(clip["question"], " ".join(texts[: n + 1]), "en"), provisional=True)
        for n in range(len(texts))
    ]
    assert all(s.provisional for s in scores)
    assert scores[0].score < scores[-1].score
    assert not scores[0].star["result"].present and scores[-1].star["result"].present


@pytest.mark.parametrize("clip_id", ["en_leadership_star", "zh_leadership_star"])
def test_each_evidence_quote_is_timed_inside_the_segment_that_says_it(clip_id: str) -> None:
    """Chinese segments join without spaces: a quote must not take the previous segment's time."""
    clip = next(c for c in manifest() if c["id"] == clip_id)
    segments = tuple(TimedSegment(s["text"], s["start"], s["end"]) for s in clip["segments"])
    answer = Answer(
        clip["question"],
        join_segments(segments, clip["language"]),
        clip["language"],
        clip["competency"],
        segments=segments,
    )
    result = SCORER.score(answer)
    assert result.evidence
    for quote in result.evidence:
        said = next(
            s for s in segments if quote.text.strip("。.") in s.text or s.text.strip("。.") in quote.text
        )
        assert said.start_s - 0.01 <= (quote.t_start or -1) < said.end_s, (quote, said)
