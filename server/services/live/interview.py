"""A live interview: wires a call to its conductor (the agent), voice, store and the consoles' controls.

The agent is pure; the conductor feeds it the call's speech events on the media clock and hands back its
actions, which this class carries out: store and publish, send questions, follow-ups and prompts to the
candidate's page, and speak them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any, Protocol

from agent.actions import Action, AskQuestion, Assessed, EndOfAnswer, Finished, FollowUp, Prompt, Scored
from agent.bargein import BargeInPolicy
from agent.controls import CONTROL_NAMES, ControlName, apply_control
from agent.interviewer import InterviewAgent
from agent.modules import SPOKEN_ENGLISH
from realtime.events import FinalTranscript, MediaEvent, PartialTranscript, SpeechEnded, SpeechStarted
from realtime.presence.presence import PresenceChange
from realtime.voice.tts import VoiceBook
from server.bus import EventBus
from server.events import AgentDecision, ControlApplied, QuestionAsked, SpeechActivity, UtterancePartial
from server.observability.metrics import Metrics
from server.services import relay
from server.services.live import remote
from server.services.live.conductor import CallClock, Conductor
from server.services.live.speaker import Speaker, Voice
from server.services.live.store import LiveStore, control_channel
from server.services.live.visibility import TabVisibility

log = logging.getLogger(__name__)
SIGNAL_CLOCK_MAX_S = 3.0  # audio held up longer than this: the call is in trouble; stop extrapolating

WITHDRAWN = "withdrawn"
"""A control-channel message from the candidate's withdrawal (not an interviewer's control)."""
CODE_SUBMITTED = "code_submitted"
"""A control-channel message: the candidate pressed Done at the coding task's editor."""


class Call(CallClock, Protocol):
    """What a live interview needs of the candidate's call (`CandidatePeer`): its clock, and these."""

    @property
    def connected(self) -> asyncio.Event:
        """Set once media flows."""
        ...

    @property
    def voice(self) -> Voice | None:
        """The agent's outbound voice track, if the call has one."""
        ...

    async def send(self, message: dict[str, Any]) -> bool:
        """A JSON message to the candidate's page; False when it cannot be sent."""
        ...

    def close_soon(self, delay_s: float) -> None:
        """Hang up after `delay_s`."""
        ...

    @property
    def idle_s(self) -> float:
        """Seconds since the candidate's media last arrived (a dead call's keeps growing)."""
        ...

    async def watch(self, watcher_id: str, sdp: str, kind: str, talk: bool = False) -> str:
        """Answer a console's offer: the candidate's media relayed, or (`talk`) the console heard."""
        ...


class LiveInterview:
    """Runs the agent for one connected candidate."""

    def __init__(
        self,
        agent: InterviewAgent,
        store: LiveStore,
        bus: EventBus,
        voices: VoiceBook | None = None,
        barge_in: BargeInPolicy | None = None,
        finish_grace_s: float = 5.0,
    ) -> None:
        self.interview_id = store.interview_id
        self.agent = agent
        self.store = store
        self._bus = bus
        self._voices = voices
        self._barge_in = barge_in
        self._finish_grace = finish_grace_s
        self.on_context: Callable[[str], None] | None = None  # told each question asked (recogniser context)
        self.on_language: Callable[[str], object] | None = None  # the recogniser's language per item
        self.call: Call | None = None
        self.conductor: Conductor | None = None
        self.speaker = Speaker(agent.language, None, voices, barge_in, store.interview_id)
        self._tasks: list[asyncio.Task[None]] = []
        self._tab = TabVisibility()
        self.metrics: Metrics | None = None  # the app's instruments: decision time, end-of-answer delay

    async def attach(self, call: Call) -> None:
        """Bind the call, listen for the consoles' controls, and start the agent's clock."""
        self.call = call
        observe = self.metrics.decision_latency.observe if self.metrics is not None else None
        self.conductor = Conductor(
            self.agent, call, self, on_context=self.on_context, observe_latency=observe
        )
        self.speaker = Speaker(
            self.agent.language, call.voice, self._voices, self._barge_in, self.interview_id
        )
        listening = asyncio.Event()
        self._tasks.append(
            asyncio.create_task(self._listen_controls(listening), name=f"controls:{self.interview_id}")
        )
        await listening.wait()
        self._tasks.append(asyncio.create_task(self._run(call), name=f"agent:{self.interview_id}"))

    async def _run(self, call: Call) -> None:
        await call.connected.wait()
        await self.store.status("live")  # consoles that opened before the candidate joined hear of it
        assert self.conductor is not None
        await self.conductor.run()

    def _now(self) -> float:
        return self.call.heard_time if self.call is not None else 0.0

    def _signal_time(self) -> float:
        """When a signal from the page happened, on the media clock.

        The audio heard so far plus the time since its newest frame arrived (capped): while frames are
        held up (a busy loop, a burst on the network) the heard clock stands still, and a candidate who
        left the tab for a second would be flagged for less, or more, than they were away.
        """
        if self.call is None:
            return 0.0
        return self.call.heard_time + min(max(self.call.idle_s, 0.0), SIGNAL_CLOCK_MAX_S)

    # Speech from the pipeline: the conductor passes each event here before the agent sees it.

    async def on_media_event(self, event: MediaEvent) -> None:
        """The speech pipeline's sink."""
        if self.conductor is not None:
            await self.conductor.on_media_event(event)

    async def heard(self, event: MediaEvent) -> None:
        """Tell the consoles and the page what was heard; store final transcripts."""
        match event:
            case SpeechStarted():
                self.speaker.speech_started(event.t)
                await self.store.publish(
                    SpeechActivity(interview_id=self.interview_id, type="speech.started", t=event.t)
                )
            case SpeechEnded():
                self.speaker.speech_ended()
                await self.store.publish(
                    SpeechActivity(interview_id=self.interview_id, type="speech.ended", t=event.end)
                )
            case PartialTranscript():
                await self.store.publish(
                    UtterancePartial(
                        interview_id=self.interview_id,
                        text=event.text,
                        stable=event.stable,
                        start_s=event.start,
                        t=event.t,
                    )
                )
                await self._send({"type": "caption", "text": event.text, "final": False})
            case FinalTranscript() if event.text:
                turn = self.agent.current
                await self.store.utterance(
                    "candidate", event.text, event.start, event.end, turn.index if turn else None
                )
                await self._send({"type": "caption", "text": event.text, "final": True})

    async def before_tick(self, now: float) -> None:
        """Barge-in: the candidate talking over the agent stops its voice."""
        found = self.speaker.check_barge_in(now)
        if found is None:
            return
        hit, cut = found
        await self.store.publish(
            AgentDecision(
                interview_id=self.interview_id,
                kind="barge_in",
                t=now,
                reason="candidate_spoke",
                detail={"overlap_s": hit.overlap_s, "cut_s": round(cut, 2)},
            )
        )

    # The agent's actions.

    async def carry_out(self, action: Action) -> None:
        """Carry out one of the agent's actions."""
        match action:
            case Scored():
                await self.store.score(action)
            case Assessed():
                await self.store.module_result(action)
            case AskQuestion():
                await self._ask(action)
            case FollowUp():
                await self._decision(action)
                speaker = "interviewer" if action.reason == "interviewer" else "agent"
                await self.store.utterance(speaker, action.text, action.t, action.t, action.question_index)
                await self._send_spoken({"type": "follow_up", "reason": action.reason}, action.text, action.t)
            case Prompt():
                await self._decision(action)
                await self._send_spoken({"type": "prompt", "kind": action.kind}, action.text, action.t)
            case EndOfAnswer():
                await self._decision(action)
            case Finished():
                await self._finish(action)

    async def _ask(self, action: AskQuestion) -> None:
        if self.on_language is not None:  # the spoken-English check is heard in English
            kind = (action.module or {}).get("kind")
            self.on_language("en" if kind in SPOKEN_ENGLISH else self.agent.language)
        await self.store.question_index(action.index)
        await self.store.utterance("agent", action.text, action.t, action.t, action.index)
        message: dict[str, Any] = {"type": "question", "index": action.index, "total": action.total}
        if action.module is not None:
            message["module"] = dict(action.module)
        await self._send_spoken(message, action.text, action.t)
        await self.store.publish(
            QuestionAsked(
                interview_id=self.interview_id, index=action.index, total=action.total, text=action.text
            )
        )
        log.info("interview %s: asked question %d/%d", self.interview_id, action.index + 1, action.total)

    async def _send_spoken(self, message: dict[str, Any], text: str, t: float) -> float:
        """Show a line on the page, then speak it; the agent listens after its voice stops."""
        await self._send({**message, "text": text, "spoken": self.speaker.can_speak})
        return await self._say(text, t)

    async def _say(self, text: str, t: float) -> float:
        until = await self.speaker.say(text)
        if until:
            self.agent.spoken_until(t + until)
        return until

    async def _decision(self, action: EndOfAnswer | FollowUp | Prompt) -> None:
        detail = action.payload()
        shown = {k: v for k, v in detail.items() if k != "text"}
        if isinstance(action, EndOfAnswer) and self.metrics is not None:
            self.metrics.end_of_answer_delay.observe(action.silence_s)
        log.info("interview %s: %s at %.2f s %s", self.interview_id, action.type, action.t, shown)
        reason = str(detail.get("reason", ""))
        await self.store.publish(
            AgentDecision(
                interview_id=self.interview_id, kind=action.type, t=action.t, reason=reason, detail=detail
            )
        )

    async def _finish(self, action: Finished) -> None:
        # Stored before the candidate hears goodbye: their page hangs up on it, which closes the call.
        await self.store.status("finished")
        spoken = self.speaker.can_speak
        speak_s = await self._say(action.text, action.t)
        await self._send({"type": "end", "text": action.text, "spoken": spoken, "speak_s": speak_s})
        log.info("interview %s finished", self.interview_id)
        if self.call is not None:
            self.call.close_soon(max(self._finish_grace, speak_s + 1.0))

    async def _send(self, message: dict[str, Any]) -> None:
        if self.call is not None:
            await self.call.send(message)

    # The consoles' controls and the page's signals.

    async def _listen_controls(self, listening: asyncio.Event) -> None:
        async with self._bus.subscribe(control_channel(self.interview_id)) as controls:
            listening.set()
            async for message in controls:
                if message.get("action") == "hang_up":  # HR cancelled the interview
                    await self._send({"type": "end", "text": "", "cancelled": True})
                    if self.call is not None:
                        self.call.close_soon(0.5)
                    continue
                if message.get("action") == WITHDRAWN:
                    await self.withdrawn()
                    continue
                if message.get("action") == CODE_SUBMITTED:
                    await self.code_submitted()
                    continue
                if self.call is not None and await remote.serve(self._bus, self.call, message):
                    continue  # a console's watch offer, or another instance asking for the call
                try:
                    await self.control(
                        str(message["action"]), str(message.get("by", "")), message.get("text")
                    )
                except Exception:
                    log.exception("interview %s: control %r failed", self.interview_id, message)
                    await relay.answer(self._bus, message, ok=False)
                else:
                    await relay.answer(self._bus, message, ok=True)

    async def code_submitted(self) -> None:
        """The candidate is done coding: the agent asks them to explain their approach."""
        if self.conductor is not None:
            now = self._now()
            await self.conductor.act(lambda: self.agent.code_submitted(now))

    async def withdrawn(self) -> None:
        """The candidate withdrew their consent: no more scoring, and the call ends now."""
        self.store.ai_scoring = False
        log.info("interview %s: the candidate withdrew; closing the call", self.interview_id)
        if self.call is not None:
            self.call.close_soon(0.0)

    async def control(self, action: str, by: str, text: str | None = None) -> None:
        """Carry out an interviewer's control and tell the consoles."""
        if action not in CONTROL_NAMES:
            raise ValueError(f"unknown control {action!r}")
        name: ControlName = action
        now = self._now()
        assert self.conductor is not None
        await self.conductor.act(lambda: apply_control(self.agent, name, now, by, text))
        log.info("interview %s: %s by %s; agent %s", self.interview_id, action, by, self.agent.state)
        await self.store.publish(
            ControlApplied(
                interview_id=self.interview_id,
                action=name,
                by=by,
                t=now,
                agent_state=self.agent.state,
                text=text,
            )
        )

    async def on_page_message(self, message: dict[str, Any]) -> None:
        """Signals from the candidate's page: leaving the interview tab raises a flag until they return."""
        if message.get("type") != "visibility":
            return
        now = self._signal_time()
        change = self._tab.signal(bool(message.get("hidden")), now)
        if change == "raise":
            await self.store.flag("tab_hidden", now, None, {})
        elif change == "end":
            await self.store.flag("tab_hidden", now, now, {})
        elif change == "resume":
            await self.store.reopen_flag("tab_hidden")

    async def on_presence(self, change: PresenceChange) -> None:
        """The video presence checks raised or ended a flag (no face, several faces, looking away)."""
        await self.store.flag(change.kind, change.t_start, change.t_end, dict(change.detail))

    async def stop(self) -> None:
        """Stop the agent's clock and the control listener (the call has closed).

        An action in progress (storing a score, finishing the interview) completes first.
        """
        lock = self.conductor.lock if self.conductor is not None else asyncio.Lock()
        async with lock:  # cancelled only between actions; one waiting for the lock just stops
            for task in self._tasks:
                if task is not asyncio.current_task():
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await task
        await self.store.status("interrupted")
