"""Live captions: partial transcripts of the open segment, stabilised by local agreement (committed
words never change), thinned out when the recogniser is busy, always followed by the final."""

from __future__ import annotations

import asyncio

from realtime.events import FinalTranscript, MediaEvent, PartialTranscript
from realtime.speech.agreement import LocalAgreement
from realtime.speech.pipeline import SpeechPipeline
from realtime.speech.pool import RecognitionPool
from realtime.speech.vad import SileroVAD
from tests.fakes.speech import ScriptedRecognizer
from tests.media import MEDIA, clip, read_wav, word_error_rate


def test_words_are_committed_once_two_hypotheses_agree_and_never_taken_back() -> None:
    a = LocalAgreement("en")
    assert a.update("Last year our") == ("", "Last year our")
    assert a.update("Last year our mobile app") == ("Last year our", "Last year our mobile app")
    # The recogniser changes its mind about a committed word: the caption keeps what was shown.
    stable, shown = a.update("Last yeah our mobile app released")
    assert stable == "Last year our" and shown.startswith("Last year our")
    stable, _ = a.update("Last yeah our mobile app released was")
    assert stable.startswith("Last year our"), "agreement after a changed word never rewrites committed words"


def test_chinese_is_agreed_character_by_character() -> None:
    a = LocalAgreement("zh")
    a.update("去年我们")
    stable, shown = a.update("去年我们的新产品")
    assert stable == "去年我们" and shown == "去年我们的新产品"


async def test_partials_arrive_while_speaking_and_the_final_follows(
    vad: SileroVAD, recognizer: RecognitionPool
) -> None:
    spoken = clip("en_leadership_star")
    samples, _ = read_wav(MEDIA / spoken["file"])
    first = spoken["segments"][1]  # "As the team lead, I was responsible ..." (4.8 s)
    audio = samples[: int((first["end"] + 1.0) * 16000)]
    events: list[MediaEvent] = []

    async def sink(event: MediaEvent) -> None:
        events.append(event)

    pipeline = SpeechPipeline(vad, recognizer, sink, language="en", partial_every_s=0.5)
    pipeline.start()
    for i in range(0, len(audio), 320):  # 20 ms chunks at twice real time
        await pipeline.push(audio[i : i + 320])
        await asyncio.sleep(0.01)
    await pipeline.close()

    partials = [e for e in events if isinstance(e, PartialTranscript) and e.start >= first["start"] - 0.5]
    final = next(e for e in events if isinstance(e, FinalTranscript) and e.start >= first["start"] - 0.5)
    assert len(partials) >= 2, "captions update while the candidate speaks"
    assert all(p.t <= final.end + 0.5 for p in partials)
    for earlier, later in zip(partials, partials[1:], strict=False):
        assert later.stable.startswith(earlier.stable), "a committed word was taken back"
    assert word_error_rate(first["text"], final.text) <= 0.3


class BusyRecognizer:
    """Takes 0.4 s per request and is busy while it works."""

    def __init__(self) -> None:
        self.in_flight = 0
        self.requests: list[float] = []

    async def transcribe(
        self, audio: object, language: str, prompt: str | None = None, draft: bool = False
    ) -> str:
        self.in_flight += 1
        self.requests.append(len(audio) / 16000)  # type: ignore[arg-type]
        try:
            await asyncio.sleep(0.4)
            return "words"
        finally:
            self.in_flight -= 1

    def may_start_partial(self, language: str, stream: int, due_since: float) -> bool:
        return self.in_flight == 0

    def forget_partial(self, language: str, stream: int) -> None:
        return None


async def test_under_load_partials_thin_out_and_every_final_still_comes(vad: SileroVAD) -> None:
    spoken = clip("en_leadership_star")
    samples, _ = read_wav(MEDIA / spoken["file"])
    audio = samples[: int(10.5 * 16000)]  # two sentences
    events: list[MediaEvent] = []

    async def sink(event: MediaEvent) -> None:
        events.append(event)

    recognizer = BusyRecognizer()
    pipeline = SpeechPipeline(vad, recognizer, sink, language="en", partial_every_s=0.5)
    pipeline.start()
    for i in range(0, len(audio), 320):  # ten times real time: far more partials due than can run
        await pipeline.push(audio[i : i + 320])
        await asyncio.sleep(0.002)
    await pipeline.close()
    finals = [e for e in events if isinstance(e, FinalTranscript)]
    assert len(finals) == 2, "finals are never dropped"
    assert pipeline.partials_skipped > 0
    due = 10.0 / 0.5
    assert len([e for e in events if isinstance(e, PartialTranscript)]) < due / 2


async def test_two_interviews_take_turns_for_partials(vad: SileroVAD, recognizer: RecognitionPool) -> None:
    """With one recogniser busy for both, neither interview's captions starve the other's."""
    spoken = clip("en_leadership_star")
    samples, _ = read_wav(MEDIA / spoken["file"])
    audio = samples[: int(10.0 * 16000)]
    counts: list[int] = [0, 0]
    finals: list[int] = [0, 0]

    def sink_for(i: int):  # type: ignore[no-untyped-def]
        async def sink(event: MediaEvent) -> None:
            if isinstance(event, PartialTranscript):
                counts[i] += 1
            elif isinstance(event, FinalTranscript):
                finals[i] += 1

        return sink

    pipelines = [
        SpeechPipeline(vad, recognizer, sink_for(i), language="en", partial_every_s=0.5) for i in range(2)
    ]

    async def feed(p: SpeechPipeline) -> None:
        p.start()
        for j in range(0, len(audio), 320):  # five times real time: the recogniser is the bottleneck
            await p.push(audio[j : j + 320])
            await asyncio.sleep(0.004)
        await p.close()

    await asyncio.gather(*(feed(p) for p in pipelines))
    assert finals[0] == finals[1] >= 2, "every final of both interviews arrives"
    assert min(counts) >= 2 and abs(counts[0] - counts[1]) <= 2, counts


def test_a_final_in_one_language_holds_partials_in_the_other() -> None:
    # Both models share the same CPUs: a Chinese final waiting or running comes before an English caption.
    both = RecognitionPool({"en": ScriptedRecognizer(), "zh": ScriptedRecognizer()})
    try:
        lanes = dict(both.lanes())
        lanes["zh"].in_flight = 1
        assert not both.may_start_partial("en", 1, 0.0)
        lanes["zh"].in_flight = 0
        assert both.may_start_partial("en", 1, 0.0)
    finally:
        both.close()
