"""A live interview: wires the candidate's peer, the agent's plan and turn policy, storage and the bus.

Each transcript is committed in its own short transaction as it arrives, so a crash loses at most the
segment in flight.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from agent.plan import InterviewPlan, PlannedQuestion
from agent.turns import SilenceTurnPolicy
from realtime.events import FinalTranscript, MediaEvent, SpeechEnded, SpeechStarted
from realtime.peer import CandidatePeer
from scoring.models import Answer, AnswerScore, TimedSegment
from scoring.rubric import Rubric
from scoring.scorer import Scorer
from server.bus import EventBus
from server.db.base import utcnow
from server.db.models import AnswerScoreRow, Utterance
from server.db.repositories import interviews as repo
from server.events import AnswerScored, InterviewStatus, QuestionAsked, SpeechActivity, UtteranceFinal

log = logging.getLogger(__name__)
TICK_S = 0.05

CLOSING = {
    "en": "That was the last question. Thank you for your time; the team will be in touch.",
    "zh": "这是最后一个问题。感谢您抽出时间，我们会尽快与您联系。",
}


def channel(interview_id: str) -> str:
    """The bus channel of one interview."""
    return f"interview.{interview_id}"


class LiveInterview:
    """Runs the agent for one connected candidate."""

    def __init__(
        self,
        interview_id: str,
        plan: InterviewPlan,
        language: str,
        sessions: async_sessionmaker[AsyncSession],
        bus: EventBus,
        policy: SilenceTurnPolicy,
        scorer: Scorer,
        rubric: Rubric,
        finish_grace_s: float = 5.0,
    ) -> None:
        self.interview_id = interview_id
        self.plan = plan
        self.language = language
        self._sessions = sessions
        self._bus = bus
        self._policy = policy
        self._finish_grace = finish_grace_s
        self._scorer = scorer
        self._rubric = rubric
        self._answer: list[TimedSegment] = []
        self.peer: CandidatePeer | None = None
        self._ticker: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    def attach(self, peer: CandidatePeer) -> None:
        """Bind the peer and start the agent's clock."""
        self.peer = peer
        self._ticker = asyncio.create_task(self._run(), name=f"agent:{self.interview_id}")

    async def _publish(self, event: Any) -> None:
        await self._bus.publish(channel(self.interview_id), event.model_dump(mode="json"))

    async def on_media_event(self, event: MediaEvent) -> None:
        """React to VAD and ASR events from the speech pipeline."""
        if isinstance(event, SpeechStarted):
            self._policy.speech_started(event.t)
            await self._publish(
                SpeechActivity(interview_id=self.interview_id, type="speech.started", t=event.t)
            )
        elif isinstance(event, SpeechEnded):
            self._policy.speech_ended(event.end)
            await self._publish(
                SpeechActivity(interview_id=self.interview_id, type="speech.ended", t=event.end)
            )
        elif isinstance(event, FinalTranscript):
            self._policy.transcribed()
            if event.text:
                await self._store("candidate", event.text, event.start, event.end)
                if self.peer is not None:
                    await self.peer.send({"type": "caption", "text": event.text, "final": True})
                if self.plan.current is not None:
                    self._answer.append(TimedSegment(event.text, event.start, event.end))
                    await self.score_answer(provisional=True)

    async def _store(self, speaker: str, text: str, start: float, end: float) -> None:
        index = self.plan.index if self.plan.current else None
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
        await self._ask(self.plan.current or self.plan.advance())
        while not self.plan.finished:
            await asyncio.sleep(TICK_S)
            if self._policy.due(peer.pipeline.audio_time):
                await self.score_answer(provisional=False)
                await self._ask(self.plan.advance())

    async def score_answer(self, provisional: bool) -> AnswerScore | None:
        """Score the answer so far (provisional) or as finished (final: stored). Runs off the event loop."""
        question = self.plan.current
        if question is None or not self._answer:
            return None
        joiner = "" if self.language == "zh" else " "
        answer = Answer(
            question=question.text,
            text=joiner.join(s.text for s in self._answer),
            language=self.language,
            competency=question.competency,
            segments=tuple(self._answer),
        )
        started = time.perf_counter()
        result = await asyncio.to_thread(
            self._scorer.score, answer, self._rubric.get(question.competency), provisional
        )
        index = self.plan.index
        if not provisional:
            async with self._sessions.begin() as session:
                await repo.add_score(
                    session,
                    AnswerScoreRow(
                        interview_id=self.interview_id,
                        question_index=index,
                        competency=result.competency,
                        score=result.score,
                        score_exact=result.score_exact,
                        confidence=result.confidence,
                        scorer=result.scorer,
                        detail={"question": question.text, "answer": answer.text, **result.as_dict()},
                    ),
                )
            log.info(
                "interview %s: answer %d scored %d in %.0f ms",
                self.interview_id,
                index + 1,
                result.score,
                (time.perf_counter() - started) * 1000,
            )
        detail = result.as_dict()
        await self._publish(
            AnswerScored(
                interview_id=self.interview_id,
                question_index=index,
                competency=result.competency,
                provisional=provisional,
                score=result.score,
                score_exact=result.score_exact,
                confidence=result.confidence,
                reasons=list(result.reasons),
                star=detail["star"],
                evidence=detail["evidence"],
                follow_up_reasons=list(result.follow_up_reasons),
            )
        )
        return result

    async def _ask(self, question: PlannedQuestion | None) -> None:
        async with self._lock:
            peer = self.peer
            assert peer is not None
            now = peer.pipeline.audio_time
            self._policy.question_asked()
            self._answer = []
            if question is None:
                await self._finish()
                return
            total = len(self.plan.questions)
            async with self._sessions.begin() as session:
                interview = await repo.get(session, self.interview_id)
                if interview is not None:
                    interview.question_index = self.plan.index
            await self._store("agent", question.text, now, now)
            await peer.send(
                {"type": "question", "index": self.plan.index, "total": total, "text": question.text}
            )
            await self._publish(
                QuestionAsked(
                    interview_id=self.interview_id, index=self.plan.index, total=total, text=question.text
                )
            )
            log.info("interview %s: asked question %d/%d", self.interview_id, self.plan.index + 1, total)

    async def _finish(self) -> None:
        peer = self.peer
        assert peer is not None
        closing = CLOSING.get(self.language, CLOSING["en"])
        await peer.send({"type": "end", "text": closing})
        await self.set_status("finished")
        log.info("interview %s finished", self.interview_id)
        peer.close_soon(self._finish_grace)

    async def set_status(self, status: str) -> None:
        """Store and publish a status change."""
        async with self._sessions.begin() as session:
            interview = await repo.get(session, self.interview_id)
            if interview is None:
                return
            if interview.status == "finished" and status != "finished":
                return
            interview.status = status
            if status == "live" and interview.started_at is None:
                interview.started_at = utcnow()
            if status in ("finished", "interrupted"):
                interview.ended_at = utcnow()
            await repo.audit(session, "agent", f"interview.{status}", self.interview_id)
        await self._publish(InterviewStatus(interview_id=self.interview_id, status=status))

    async def stop(self) -> None:
        """Stop the agent's clock (the peer has closed)."""
        if self._ticker is not None and self._ticker is not asyncio.current_task():
            self._ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ticker
        await self.set_status("interrupted")
