"""A live interview: the candidate's peer, the interviewing agent, storage and the console bus.

The agent is pure; this class feeds it the pipeline's events and the audio clock, and carries out
its actions: store and publish, and send questions, follow-ups and prompts to the candidate's page.
Each transcript is committed in its own short transaction as it arrives, so a crash loses at most the
segment in flight.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from agent.bargein import BargeInPolicy
from agent.interviewer import Action, InterviewAgent
from realtime.events import FinalTranscript, MediaEvent, PartialTranscript, SpeechEnded, SpeechStarted
from realtime.presence.presence import PresenceChange
from realtime.voice.tts import TTSError, VoiceBook
from realtime.webrtc.peer import CandidatePeer
from server.bus import EventBus
from server.db.base import utcnow
from server.db.models import AnswerScoreRow, IntegrityFlag, Utterance
from server.db.repositories import audit as audit_repo
from server.db.repositories import integrity as integrity_repo
from server.db.repositories import interviews as repo
from server.events import (
    AgentDecision,
    AnswerScored,
    ControlApplied,
    IntegrityFlagged,
    InterviewStatus,
    QuestionAsked,
    SpeechActivity,
    UtteranceFinal,
    UtterancePartial,
)
from server.services.reports import interview_completed

log = logging.getLogger(__name__)
TICK_S = 0.05


def channel(interview_id: str) -> str:
    """The bus channel of one interview."""
    return f"interview.{interview_id}"


def control_channel(interview_id: str) -> str:
    """Where consoles send an interview's controls, to whichever process holds its call."""
    return f"control.{interview_id}"


CONTROLS = ("inject", "skip", "pause", "resume", "take_over", "hand_back", "end")


class LiveInterview:
    """Runs the agent for one connected candidate."""

    def __init__(
        self,
        interview_id: str,
        agent: InterviewAgent,
        sessions: async_sessionmaker[AsyncSession],
        bus: EventBus,
        finish_grace_s: float = 5.0,
        public_url: str = "",
        voices: VoiceBook | None = None,
        barge_in: BargeInPolicy | None = None,
    ) -> None:
        self.interview_id = interview_id
        self.agent = agent
        self._sessions = sessions
        self._bus = bus
        self._finish_grace = finish_grace_s
        self._public_url = public_url
        self._voices = voices
        self._barge = barge_in or BargeInPolicy()
        self._speaking = False
        self.recording_id: str | None = None
        self.peer: CandidatePeer | None = None
        self._ticker: asyncio.Task[None] | None = None
        self._controls: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    async def attach(self, peer: CandidatePeer) -> None:
        """Bind the peer, listen for the consoles' controls, and start the agent's clock."""
        self.peer = peer
        listening = asyncio.Event()
        self._controls = asyncio.create_task(
            self._listen_controls(listening), name=f"controls:{self.interview_id}"
        )
        await listening.wait()
        self._ticker = asyncio.create_task(self._run(), name=f"agent:{self.interview_id}")

    async def _listen_controls(self, listening: asyncio.Event) -> None:
        async with self._bus.subscribe(control_channel(self.interview_id)) as controls:
            listening.set()
            async for message in controls:
                try:
                    await self.control(
                        str(message["action"]), str(message.get("by", "")), message.get("text")
                    )
                except Exception:
                    log.exception("interview %s: control %r failed", self.interview_id, message)

    async def control(self, action: str, by: str, text: str | None = None) -> None:
        """Carry out an interviewer's control and tell the consoles."""
        now = self._now()
        agent = self.agent
        steps: dict[str, Callable[[], list[Action]]] = {
            "inject": lambda: agent.inject(text or "", now, by),
            "skip": lambda: agent.skip(now, now),
            "pause": agent.pause,
            "resume": lambda: agent.resume(now, now),
            "take_over": agent.take_over,
            "hand_back": lambda: agent.hand_back(now, now),
            "end": lambda: agent.end(now),
        }
        if action not in steps:
            raise ValueError(f"unknown control {action!r}")
        await self._act(steps[action])
        log.info("interview %s: %s by %s; agent %s", self.interview_id, action, by, agent.state)
        await self._publish(
            ControlApplied(
                interview_id=self.interview_id,
                action=action,
                by=by,
                t=now,
                agent_state=agent.state,  # type: ignore[arg-type]
                text=text,
            )
        )

    def _now(self) -> float:
        return self.peer.pipeline.audio_time if self.peer is not None else 0.0

    async def _publish(self, event: Any) -> None:
        await self._bus.publish(channel(self.interview_id), event.model_dump(mode="json"))

    async def on_media_event(self, event: MediaEvent) -> None:
        """React to VAD and ASR events from the speech pipeline."""
        if isinstance(event, SpeechStarted):
            self._barge.speech_started(event.t)
            self.agent.speech_started(event.t)
            await self._publish(
                SpeechActivity(interview_id=self.interview_id, type="speech.started", t=event.t)
            )
        elif isinstance(event, SpeechEnded):
            self._barge.speech_ended()
            self.agent.speech_ended(event.start, event.end)
            await self._publish(
                SpeechActivity(interview_id=self.interview_id, type="speech.ended", t=event.end)
            )
        elif isinstance(event, PartialTranscript):
            await self._publish(
                UtterancePartial(
                    interview_id=self.interview_id,
                    text=event.text,
                    stable=event.stable,
                    start_s=event.start,
                    t=event.t,
                )
            )
            if self.peer is not None:
                await self.peer.send({"type": "caption", "text": event.text, "final": False})
            await self._act(lambda: self.agent.partial(event.text, event.start, self._now()))
        elif isinstance(event, FinalTranscript):
            if event.text:
                await self._store("candidate", event.text, event.start, event.end)
                if self.peer is not None:
                    await self.peer.send({"type": "caption", "text": event.text, "final": True})
            await self._act(lambda: self.agent.final(event.text, event.start, event.end, self._now()))

    async def on_page_message(self, message: dict[str, Any]) -> None:
        """Signals from the candidate's page: leaving the interview tab raises a flag until they return."""
        if message.get("type") != "visibility":
            return
        now = self._now()
        await self._flag("tab_hidden", now, None if message.get("hidden") else now, {})

    async def on_presence(self, change: PresenceChange) -> None:
        """The video presence checks raised or ended a flag (no face, several faces, looking away)."""
        await self._flag(change.kind, change.t_start, change.t_end, dict(change.detail))

    async def _flag(self, kind: str, t_start: float, t_end: float | None, detail: dict[str, Any]) -> None:
        """Raise a flag (`t_end` None) or end the open one of that kind; store it and tell the consoles."""
        async with self._sessions.begin() as session:
            if t_end is None:
                flag: IntegrityFlag | None = await integrity_repo.add(
                    session,
                    IntegrityFlag(
                        interview_id=self.interview_id,
                        kind=kind,
                        t_start=t_start,
                        detail={"recording_id": self.recording_id, **detail},
                    ),
                )
            else:
                flag = await integrity_repo.close_open(session, self.interview_id, kind, t_end)
                if flag is not None and detail:
                    flag.detail = {**flag.detail, **detail}
            if flag is None:
                return
            event = IntegrityFlagged(
                interview_id=self.interview_id,
                id=flag.id,
                kind=flag.kind,
                t_start=flag.t_start,
                t_end=flag.t_end,
                detail=flag.detail,
            )
        state = "raised" if t_end is None else "ended"
        at = t_start if t_end is None else t_end
        log.info("interview %s: integrity flag %s %s at %.1f s", self.interview_id, kind, state, at)
        await self._publish(event)

    async def _act(self, decide: Callable[[], list[Action]]) -> None:
        """Run an agent step off the event loop (it scores text) and carry out its actions in order."""
        async with self._lock:
            actions = await asyncio.to_thread(decide)
            for action in actions:
                await self._carry_out(action)

    async def _store(self, speaker: str, text: str, start: float, end: float) -> None:
        turn = self.agent.current
        index = turn.index if turn else None
        async with self._sessions.begin() as session:
            row = await repo.add_utterance(
                session,
                Utterance(
                    interview_id=self.interview_id,
                    speaker=speaker,
                    text=text,
                    start_s=start,
                    end_s=end,
                    question_index=index,
                ),
            )
        await self._publish(
            UtteranceFinal(
                interview_id=self.interview_id,
                id=row.id,
                speaker=speaker,  # type: ignore[arg-type]
                text=text,
                start_s=start,
                end_s=end,
                question_index=index,
            )
        )

    async def _run(self) -> None:
        peer = self.peer
        assert peer is not None
        await peer.connected.wait()
        await self.set_status("live")  # consoles that opened before the candidate joined hear of it
        await self._act(lambda: self.agent.start(self._now(), self._now()))
        while not self.agent.finished:
            await asyncio.sleep(TICK_S)
            now = self._now()
            await self._check_barge_in(now)
            await self._act(lambda now=now: self.agent.tick(now, now, sound=peer.pipeline.sound))  # type: ignore[misc]

    def _can_speak(self) -> bool:
        peer = self.peer
        return (
            peer is not None
            and peer.voice is not None
            and self._voices is not None
            and self._voices.speaks(self.agent.language)
        )

    async def _say(self, text: str, now: float) -> float:
        """Speak on the call; returns the seconds until the agent will have said it (0: not spoken)."""
        if not self._can_speak():
            return 0.0
        assert self.peer is not None and self.peer.voice is not None and self._voices is not None
        try:
            speech = await asyncio.to_thread(self._voices.synthesize, text, self.agent.language)
        except TTSError as exc:
            log.warning("interview %s: could not speak (%s); the page shows the text", self.interview_id, exc)
            return 0.0
        until = self.peer.voice.say(speech)
        self.agent.spoken_until(now + until)
        self._speaking = True
        self._barge.agent_started()
        return until

    async def _check_barge_in(self, now: float) -> None:
        """The candidate talking over the agent (not a cough) stops the agent's voice at once."""
        voice = self.peer.voice if self.peer is not None else None
        if voice is None or not self._speaking:
            return
        if not voice.speaking:
            self._speaking = False
            self._barge.agent_stopped()
            return
        hit = self._barge.check(now)
        if hit is None:
            return
        cut = voice.interrupt()
        self._speaking = False
        self._barge.agent_stopped()
        log.info("interview %s: barge-in at %.2f s; %.1f s of speech cut", self.interview_id, now, cut)
        await self._publish(
            AgentDecision(
                interview_id=self.interview_id,
                kind="barge_in",
                t=now,
                reason="candidate_spoke",
                detail={"overlap_s": hit.overlap_s, "cut_s": round(cut, 2)},
            )
        )

    async def _carry_out(self, action: Action) -> None:
        handlers = {
            "score": self._on_score,
            "next_question": self._on_question,
            "follow_up": self._on_follow_up,
            "prompt": self._on_prompt,
            "end_of_answer": self._on_decision,
            "finished": self._on_finished,
        }
        await handlers[action.type](action)

    async def _send(self, message: dict[str, Any]) -> None:
        if self.peer is not None:
            await self.peer.send(message)

    async def _on_score(self, action: Action) -> None:
        d = action.data
        if not d["provisional"]:
            async with self._sessions.begin() as session:
                await repo.add_score(
                    session,
                    AnswerScoreRow(
                        interview_id=self.interview_id,
                        question_index=d["question_index"],
                        competency=d["competency"],
                        score=d["score"],
                        score_exact=d["score_exact"],
                        confidence=d["confidence"],
                        scorer=d["scorer"],
                        detail=d,
                    ),
                )
            log.info(
                "interview %s: answer %d scored %d", self.interview_id, d["question_index"] + 1, d["score"]
            )
        await self._publish(
            AnswerScored(
                interview_id=self.interview_id,
                question_index=d["question_index"],
                competency=d["competency"],
                provisional=d["provisional"],
                score=d["score"],
                score_exact=d["score_exact"],
                confidence=d["confidence"],
                reasons=d["reasons"],
                star=d["star"],
                evidence=d["evidence"],
                follow_up_reasons=d["follow_up_reasons"],
                suggestions=d.get("suggestions", []),
            )
        )

    async def _on_question(self, action: Action) -> None:
        d = action.data
        async with self._sessions.begin() as session:
            interview = await repo.get(session, self.interview_id)
            if interview is not None:
                interview.question_index = d["index"]
        await self._store("agent", d["text"], action.t, action.t)
        spoken = self._can_speak()
        await self._send(
            {
                "type": "question",
                "index": d["index"],
                "total": d["total"],
                "text": d["text"],
                "spoken": spoken,
            }
        )
        await self._say(d["text"], action.t)
        await self._publish(
            QuestionAsked(interview_id=self.interview_id, index=d["index"], total=d["total"], text=d["text"])
        )
        log.info("interview %s: asked question %d/%d", self.interview_id, d["index"] + 1, d["total"])

    async def _on_follow_up(self, action: Action) -> None:
        d = action.data
        await self._on_decision(action)
        speaker = "interviewer" if d["reason"] == "interviewer" else "agent"
        await self._store(speaker, d["text"], action.t, action.t)
        await self._send(
            {"type": "follow_up", "reason": d["reason"], "text": d["text"], "spoken": self._can_speak()}
        )
        await self._say(d["text"], action.t)

    async def _on_prompt(self, action: Action) -> None:
        await self._on_decision(action)
        text = action.data["text"]
        await self._send(
            {"type": "prompt", "kind": action.data["kind"], "text": text, "spoken": self._can_speak()}
        )
        await self._say(text, action.t)

    async def _on_decision(self, action: Action) -> None:
        detail = {k: v for k, v in action.data.items() if k != "text"}
        log.info("interview %s: %s at %.2f s %s", self.interview_id, action.type, action.t, detail)
        await self._publish(
            AgentDecision(
                interview_id=self.interview_id,
                kind=action.type,
                t=action.t,
                reason=str(action.data.get("reason", "")),
                detail=action.data,
            )
        )

    async def _on_finished(self, action: Action) -> None:
        # Stored before the candidate hears goodbye: their page hangs up on it, which closes the call.
        await self.set_status("finished")
        spoken = self._can_speak()
        speak_s = await self._say(action.data["text"], action.t)
        await self._send({"type": "end", "text": action.data["text"], "spoken": spoken, "speak_s": speak_s})
        log.info("interview %s finished", self.interview_id)
        if self.peer is not None:
            self.peer.close_soon(max(self._finish_grace, speak_s + 1.0))

    async def set_status(self, status: str) -> None:
        """Store and publish a status change."""
        async with self._sessions.begin() as session:
            interview = await repo.get(session, self.interview_id)
            if interview is None or (interview.status == "finished" and status != "finished"):
                return
            interview.status = status
            if status == "live" and interview.started_at is None:
                interview.started_at = utcnow()
            if status in ("finished", "interrupted"):
                interview.ended_at = utcnow()
            await audit_repo.audit(session, "agent", f"interview.{status}", self.interview_id)
            if status == "finished":  # the HR systems hear of it in the same transaction
                await interview_completed(session, interview, self._public_url)
        await self._publish(InterviewStatus(interview_id=self.interview_id, status=status))

    async def stop(self) -> None:
        """Stop the agent's clock and the control listener (the peer has closed).

        An action in progress (storing a score, finishing the interview) completes first.
        """
        async with self._lock:  # cancelled only between actions; one waiting for the lock just stops
            for task in (self._ticker, self._controls):
                if task is not None and task is not asyncio.current_task():
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await task
        await self.set_status("interrupted")
