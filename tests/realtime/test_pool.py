"""Recognition scheduling on simulated workers: no model, a virtual clock, exact times."""

from __future__ import annotations

import asyncio

import numpy as np

from realtime.speech.pool import RecognitionPool, SimulatedCompute
from server.replay.simloop import run_simulated
from tests.fakes.speech import Said, ScriptedRecognizer, scripted_audio

SCRIPT = [Said(0.0, 1.0, "one two three four")]
AUDIO = scripted_audio(SCRIPT, 1.0).astype(np.float32) / 32768.0


def pool(workers: int = 2, cost_s: float = 1.0) -> tuple[RecognitionPool, ScriptedRecognizer]:
    engine = ScriptedRecognizer(SCRIPT)
    return RecognitionPool({"en": engine}, workers, lambda n: SimulatedCompute(n, cost_s)), engine


def test_the_virtual_clock_jumps_to_the_next_timer() -> None:
    async def main() -> tuple[float, float]:
        loop = asyncio.get_running_loop()
        await asyncio.gather(asyncio.sleep(30.0), asyncio.sleep(10.0))
        return loop.time(), await asyncio.wait_for(asyncio.sleep(5.0, result=loop.time()), 6.0)

    assert run_simulated(main()) == (30.0, 30.0)


def test_jobs_queue_for_the_workers_and_hold_them_for_their_cost() -> None:
    recognizers, _ = pool(workers=2, cost_s=1.0)

    async def main() -> list[float]:
        loop = asyncio.get_running_loop()
        done: list[float] = []

        async def one() -> None:
            assert await recognizers.transcribe(AUDIO, "en") == "one two three four"
            done.append(loop.time())

        await asyncio.gather(one(), one(), one())
        return done

    assert run_simulated(main()) == [1.0, 1.0, 2.0]


def test_a_cancelled_job_keeps_its_worker_and_a_queued_one_never_runs() -> None:
    recognizers, engine = pool(workers=1, cost_s=1.0)

    async def main() -> tuple[float, dict[str, int]]:
        loop = asyncio.get_running_loop()
        started = asyncio.ensure_future(recognizers.transcribe(AUDIO, "en"))
        queued = asyncio.ensure_future(recognizers.transcribe(AUDIO, "en"))
        await asyncio.sleep(0.5)
        started.cancel()  # like a live thread, the worker finishes what it began
        queued.cancel()  # never started: it is dropped and not counted any more
        await asyncio.gather(started, queued, return_exceptions=True)
        await recognizers.transcribe(AUDIO, "en")
        return loop.time(), recognizers.queue_depth()

    finished, depth = run_simulated(main())
    assert finished == 2.0 and depth == {"en": 0}
    assert len(engine.calls) == 2


def test_finals_behind_a_backlog_decode_greedily() -> None:
    recognizers, engine = pool(workers=2, cost_s=0.3)

    async def main() -> None:
        await asyncio.gather(*(recognizers.transcribe(AUDIO, "en") for _ in range(8)))

    run_simulated(main())
    greedy = [draft for _, draft in engine.calls]
    assert recognizers.greedy_finals()["en"] == sum(greedy) >= 2
    assert not greedy[-1], "once the backlog has drained, finals get beam search again"


def test_partials_wait_for_every_final_and_take_turns_by_waiting_time() -> None:
    recognizers = RecognitionPool({"en": ScriptedRecognizer(), "zh": ScriptedRecognizer()})
    try:
        lanes = dict(recognizers.lanes())
        lanes["zh"].in_flight = 1
        assert not recognizers.may_start_partial("en", 1, due_since=5.0)
        assert not recognizers.may_start_partial("en", 2, due_since=3.0)
        lanes["zh"].in_flight = 0
        assert not recognizers.may_start_partial("en", 1, due_since=5.0), "stream 2 has waited longer"
        assert recognizers.may_start_partial("en", 2, due_since=3.0)
        assert recognizers.may_start_partial("en", 1, due_since=5.0)
    finally:
        recognizers.close()
