"""The one path from a call's speech events to the agent and back, for live calls and replay alike.

The conductor hands VAD and transcript events to the agent, ticks it on the call's media clock, and
passes each action it returns to a handler: the live interview (store, publish, speak) or a replay
(JSON lines). Time comes from the call (`heard_time`: the audio VAD has heard) and the event loop, so
a replay on a virtual-time loop makes the same decisions as the live call, faster than real time.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Protocol

from agent.actions import Action, AskQuestion, FollowUp
from agent.interviewer import InterviewAgent
from realtime.events import FinalTranscript, MediaEvent, PartialTranscript, SpeechEnded, SpeechStarted

TICK_S = 0.05
# A provisional score from a partial caption (the console's live view) at most this often, in media
# seconds. Scoring is CPU work under the GIL that grows with the answer: done on every caption of every
# call, it slowed recognition for all of them; it never changes a decision (finals do).
PARTIAL_SCORE_EVERY_S = 1.0


class CallClock(Protocol):
    """What the conductor reads of the call: the media clock and whether there is sound now."""

    @property
    def heard_time(self) -> float:
        """Seconds of the candidate's audio that VAD has listened to (the media clock)."""
        ...

    @property
    def sound(self) -> bool:
        """Whether the newest audio is above the noise floor."""
        ...


class Handler(Protocol):
    """Who carries out what the agent decides."""

    async def heard(self, event: MediaEvent) -> None:
        """A speech or transcript event, before the agent sees it."""
        ...

    async def carry_out(self, action: Action) -> None:
        """One of the agent's actions, in order."""
        ...

    async def before_tick(self, now: float) -> None:
        """Called on every tick before the agent's (barge-in checks)."""
        ...


class Conductor:
    """Feeds one call's speech events to its agent and carries out the agent's actions in order."""

    def __init__(
        self,
        agent: InterviewAgent,
        call: CallClock,
        handler: Handler,
        *,
        offload: bool = True,
        tick_s: float = TICK_S,
        on_context: Callable[[str], None] | None = None,
        observe_latency: Callable[[float], None] | None = None,
    ) -> None:
        self.agent = agent
        self._call = call
        self._handler = handler
        self._offload = offload  # decide in a thread (it scores text) so the loop keeps moving frames
        self._tick_s = tick_s
        self._on_context = on_context  # tells the recogniser what was just asked
        self._lock = asyncio.Lock()
        self.decision_latency: list[float] = []  # compute time of each step after a final transcript
        self._observe_latency = observe_latency  # the same figure, for the metrics
        self._partial_scored_at = -PARTIAL_SCORE_EVERY_S

    @property
    def lock(self) -> asyncio.Lock:
        """Held while a step's actions are carried out (stop between steps, never inside one)."""
        return self._lock

    @property
    def now(self) -> float:
        """The call's media clock."""
        return self._call.heard_time

    async def on_media_event(self, event: MediaEvent) -> None:
        """React to VAD and ASR events from the speech pipeline."""
        await self._handler.heard(event)
        agent = self.agent
        match event:
            case SpeechStarted():
                agent.speech_started(event.t)
            case SpeechEnded():
                agent.speech_ended(event.start, event.end)
            case PartialTranscript():
                if self._score_partial():
                    await self.act(lambda: agent.partial(event.text, event.start, self.now))
            case FinalTranscript():
                await self.act(
                    lambda: agent.final(event.text, event.start, event.end, self.now, event.turn_end_p),
                    timed=True,
                )

    def _score_partial(self) -> bool:
        """Whether this partial caption gets a provisional score.

        Not while a step is running (a newer caption or the final follows), nor within
        `PARTIAL_SCORE_EVERY_S` of the last one.
        """
        if self._lock.locked() or self.now - self._partial_scored_at < PARTIAL_SCORE_EVERY_S - 1e-6:
            return False
        self._partial_scored_at = self.now
        return True

    async def act(self, decide: Callable[[], list[Action]], timed: bool = False) -> None:
        """Run an agent step and carry out its actions in order, one step at a time."""
        async with self._lock:
            began = time.perf_counter()
            actions = await asyncio.to_thread(decide) if self._offload else decide()
            if timed:
                self.decision_latency.append(time.perf_counter() - began)
                if self._observe_latency is not None:
                    self._observe_latency(self.decision_latency[-1])
            for action in actions:
                if self._on_context is not None and isinstance(action, AskQuestion | FollowUp):
                    self._on_context(action.text)
                await self._handler.carry_out(action)

    async def run(self) -> None:
        """Ask the first (or resumed) question, then tick until the interview is finished."""
        agent = self.agent
        await self.act(lambda: agent.start(self.now, self.now))
        while not agent.finished:
            await asyncio.sleep(self._tick_s)
            now = self.now
            await self._handler.before_tick(now)
            await self.act(lambda now=now: agent.tick(now, now, sound=self._call.sound))  # type: ignore[misc]
