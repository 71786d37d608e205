"""Recognition scheduling shared by every stream of a process, on whatever clock runs it.

One lane per language: a loaded model (`Transcriber`), a few workers, and the rules that keep a call's
captions flowing under load: finals first; a partial caption starts only when no recognition runs in any
language, and then for the stream that has waited longest; a final behind a backlog (more than a round
per worker) decodes greedily. How a job's compute takes time is `Compute`'s business: worker threads in
a live call (`ThreadCompute`), or workers simulated on the event loop's clock (`SimulatedCompute`), so
`interview replay` and the benches schedule exactly as a call does, faster than real time.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

import numpy as np

from realtime.errors import ModelNotFoundError
from realtime.speech.turn_end import TurnEndModel

T = TypeVar("T")


class Transcriber(Protocol):
    """A loaded speech model: blocking recognition of 16 kHz float32 audio."""

    def transcribe_sync(
        self, audio: np.ndarray, language: str, prompt: str | None = None, draft: bool = False
    ) -> str:
        """The text spoken in `audio` (`draft`: a partial caption, speed first)."""
        ...


class Compute(Protocol):
    """Where a recognition job spends its compute time."""

    async def run(self, job: Callable[[], T]) -> T:
        """Run `job` on a worker; a cancelled caller does not stop a job that has started."""
        ...

    def close(self) -> None:
        """Stop the workers."""
        ...


class ThreadCompute:
    """Real worker threads, off the event loop (a live call)."""

    def __init__(self, workers: int) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="asr")

    async def run(self, job: Callable[[], T]) -> T:
        """Run the job in the next free thread."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, job)

    def close(self) -> None:
        """Stop the threads (queued jobs are dropped)."""
        self._pool.shutdown(wait=True, cancel_futures=True)


class SimulatedCompute:
    """Workers simulated on the event loop's clock: replay and benches.

    A job runs at once on the loop's thread, then holds its worker for the compute time it took
    (or `cost_s`, for scripted recognisers), in loop time; on a virtual-time loop the whole call replays
    faster than real time with the live call's timing.
    """

    def __init__(self, workers: int, cost_s: float | None = None) -> None:
        self._slots = asyncio.Semaphore(workers)
        self._cost = cost_s
        self._running: set[asyncio.Task[object]] = set()

    async def run(self, job: Callable[[], T]) -> T:
        """Queue for a worker; a started job keeps its worker for its whole cost, as a thread would."""
        started = asyncio.Event()
        task = asyncio.ensure_future(self._work(job, started))
        self._running.add(task)
        task.add_done_callback(self._running.discard)
        try:
            return await asyncio.shield(task)
        except asyncio.CancelledError:
            if not started.is_set():  # still queued: it never runs, like a cancelled executor future
                task.cancel()
            raise

    async def _work(self, job: Callable[[], T], started: asyncio.Event) -> T:
        async with self._slots:
            started.set()
            began = time.perf_counter()
            result = job()
            await asyncio.sleep(self._cost if self._cost is not None else time.perf_counter() - began)
            return result

    def close(self) -> None:
        """Forget jobs still holding a worker."""
        for task in list(self._running):
            task.cancel()


@dataclass
class Lane:
    """One language's model, workers and counters."""

    engine: Transcriber
    compute: Compute
    workers: int
    in_flight: int = 0  # recognitions running or queued (all streams)
    greedy_finals: int = 0  # finals decoded greedily because others were waiting
    waiting: dict[int, float] = field(default_factory=dict)  # streams with a partial due, since when


class RecognitionPool:
    """The process's recognisers, one lane per language, shared by every interview."""

    def __init__(
        self,
        engines: dict[str, Transcriber],
        workers: int = 2,
        compute: Callable[[int], Compute] = ThreadCompute,
        turn_model: TurnEndModel | None = None,
    ) -> None:
        if not engines:
            raise ValueError("at least one language needs a recogniser")
        self._lanes = {lang: Lane(engine, compute(workers), workers) for lang, engine in engines.items()}
        self._lock = threading.Lock()
        self.turn_model = turn_model

    @property
    def languages(self) -> list[str]:
        """Languages that can be transcribed."""
        return sorted(self._lanes)

    def engine(self, language: str) -> Transcriber:
        """The language's model (batch tools call it directly)."""
        return self._lane(language).engine

    def _lane(self, language: str) -> Lane:
        try:
            return self._lanes[language]
        except KeyError:
            raise ModelNotFoundError(f"no speech model is configured for language {language!r}") from None

    async def transcribe(
        self, audio: np.ndarray, language: str, prompt: str | None = None, draft: bool = False
    ) -> str:
        """Recognise on the language's workers without blocking the event loop."""
        lane = self._lane(language)
        claim = _Claim()
        with self._lock:
            lane.in_flight += 1

        def job() -> str:
            if not claim.start(self._lock):
                return ""
            try:
                greedy = draft
                if not draft and lane.in_flight > 2 * lane.workers:
                    # A backlog behind this one: decode greedily so the lag stays flat under load;
                    # a moment's queueing still gets beam search.
                    greedy = True
                    lane.greedy_finals += 1
                return lane.engine.transcribe_sync(audio, language, prompt, greedy)
            finally:
                with self._lock:
                    lane.in_flight -= 1

        try:
            return await lane.compute.run(job)
        except asyncio.CancelledError:
            if claim.drop(self._lock):  # cancelled before a worker took it: it never runs
                with self._lock:
                    lane.in_flight -= 1
            raise

    async def turn_end(self, audio: np.ndarray, language: str) -> float | None:
        """P(turn complete) from the audio up to a pause, on the language's workers (None: no model)."""
        model = self.turn_model
        if model is None:
            return None
        return await self._lane(language).compute.run(lambda: model.probability(audio))

    def may_start_partial(self, language: str, stream: int, due_since: float) -> bool:
        """Fair turns for partial captions across interviews.

        Only when nothing runs in any language (finals first; the models share the CPUs), and then to
        the stream that has waited longest.
        """
        lane = self._lane(language)
        lane.waiting[stream] = due_since
        if any(other.in_flight for other in self._lanes.values()):
            return False
        if min(lane.waiting, key=lane.waiting.__getitem__) != stream:
            return False
        del lane.waiting[stream]
        return True

    def forget_partial(self, language: str, stream: int) -> None:
        """The stream's segment ended or it closed: it waits no longer."""
        self._lane(language).waiting.pop(stream, None)

    def queue_depth(self) -> dict[str, int]:
        """Recognitions running or waiting, per language."""
        return {lang: lane.in_flight for lang, lane in self._lanes.items()}

    def greedy_finals(self) -> dict[str, int]:
        """Finals decoded greedily under load (instead of with beam search), per language."""
        return {lang: lane.greedy_finals for lang, lane in self._lanes.items()}

    def close(self) -> None:
        """Stop every lane's workers."""
        for lane in self._lanes.values():
            lane.compute.close()

    def lanes(self) -> Iterable[tuple[str, Lane]]:
        """Each language's lane (metrics, tests)."""
        return self._lanes.items()


class _Claim:
    """Settles the race between a worker starting a job and its caller cancelling it."""

    def __init__(self) -> None:
        self.started = False
        self.dropped = False

    def start(self, lock: threading.Lock) -> bool:
        with lock:
            self.started = not self.dropped
            return self.started

    def drop(self, lock: threading.Lock) -> bool:
        with lock:
            self.dropped = not self.started
            return self.dropped
