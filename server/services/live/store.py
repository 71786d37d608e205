"""What a live interview writes and tells: utterances, scores, questions, status and flags.

Each write is its own short transaction as the event arrives, so a crash loses at most the segment in
flight; every write is then published on the interview's bus channel for the consoles.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from agent.actions import Assessed, Scored
from server.bus import EventBus
from server.db.base import utcnow
from server.db.models import IntegrityFlag, ModuleResult, Utterance
from server.db.repositories import audit as audit_repo
from server.db.repositories import integrity as integrity_repo
from server.db.repositories import interviews as repo
from server.db.repositories import modules as modules_repo
from server.events import IntegrityFlagged, InterviewStatus, ModuleAssessed, UtteranceFinal
from server.services.reports import interview_completed
from server.services.scores import score_event, score_row

log = logging.getLogger(__name__)


def channel(interview_id: str) -> str:
    """The bus channel of one interview."""
    return f"interview.{interview_id}"


def control_channel(interview_id: str) -> str:
    """Where consoles send an interview's controls, to whichever process holds its call."""
    return f"control.{interview_id}"


class LiveStore:
    """Storage and console fan-out for one live interview."""

    def __init__(
        self,
        interview_id: str,
        sessions: async_sessionmaker[AsyncSession],
        bus: EventBus,
        public_url: str = "",
        recording_id: str | None = None,
        ai_scoring: bool = True,
    ) -> None:
        self.interview_id = interview_id
        # False when the candidate asked for a human-only evaluation or withdrew: nothing AI-scored is
        # stored or published from then on (this is the one gate; reports read what is stored).
        self.ai_scoring = ai_scoring
        self._sessions = sessions
        self._bus = bus
        self._public_url = public_url
        self.recording_id = recording_id

    async def publish(self, event: BaseModel) -> None:
        """Tell the consoles."""
        await self._bus.publish(channel(self.interview_id), event.model_dump(mode="json"))

    async def utterance(
        self, speaker: str, text: str, start: float, end: float, question_index: int | None
    ) -> None:
        """Store a transcript line or the agent's words, then publish it."""
        async with self._sessions.begin() as session:
            row = await repo.add_utterance(
                session,
                Utterance(
                    interview_id=self.interview_id,
                    speaker=speaker,
                    text=text,
                    start_s=start,
                    end_s=end,
                    question_index=question_index,
                ),
            )
        await self.publish(
            UtteranceFinal(
                interview_id=self.interview_id,
                id=row.id,
                speaker=speaker,  # type: ignore[arg-type]
                text=text,
                start_s=start,
                end_s=end,
                question_index=question_index,
            )
        )

    async def score(self, scored: Scored) -> None:
        """Store a final score (provisional ones are only published), then publish it.

        Nothing at all without AI-evaluation consent: no row, no console event, no suggestions.
        """
        if not self.ai_scoring:
            return
        if not scored.score.provisional:
            async with self._sessions.begin() as session:
                await repo.add_score(session, score_row(self.interview_id, scored))
            log.info(
                "interview %s: answer %d scored %d",
                self.interview_id,
                scored.question_index + 1,
                scored.score.score,
            )
        await self.publish(score_event(self.interview_id, scored))

    async def module_result(self, assessed: Assessed) -> None:
        """Store a module's figures (the spoken-English check), then publish them.

        An automated assessment like a score: nothing without AI-evaluation consent.
        """
        if not self.ai_scoring:
            return
        row = ModuleResult(
            interview_id=self.interview_id,
            question_index=assessed.question_index,
            module=assessed.module,
            t=assessed.t,
            figures=dict(assessed.figures),
        )
        async with self._sessions.begin() as session:
            await modules_repo.add(session, row)
        log.info("interview %s: module %s assessed", self.interview_id, assessed.module)
        await self.publish(
            ModuleAssessed(
                interview_id=self.interview_id,
                question_index=assessed.question_index,
                module=assessed.module,
                t=assessed.t,
                figures=dict(assessed.figures),
            )
        )

    async def question_index(self, index: int) -> None:
        """Remember the question in progress (a candidate who drops resumes there)."""
        async with self._sessions.begin() as session:
            interview = await repo.get(session, self.interview_id)
            if interview is not None:
                interview.question_index = index

    async def status(self, status: str) -> None:
        """Store and publish a status change; `finished` tells the HR systems in the same transaction."""
        async with self._sessions.begin() as session:
            interview = await repo.get(session, self.interview_id)
            if interview is None or (
                interview.status in ("finished", "cancelled") and status != interview.status
            ):
                return  # over: a call closing afterwards does not make it "interrupted"
            interview.status = status
            if status == "live" and interview.started_at is None:
                interview.started_at = utcnow()
            if status in ("finished", "interrupted"):
                interview.ended_at = utcnow()
            await audit_repo.audit(session, "agent", f"interview.{status}", self.interview_id)
            if status == "finished":
                await interview_completed(session, interview, self._public_url)
        await self.publish(InterviewStatus(interview_id=self.interview_id, status=status))

    async def flag(self, kind: str, t_start: float, t_end: float | None, detail: dict[str, Any]) -> None:
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
            event = _flagged(flag)
        state = "raised" if t_end is None else "ended"
        at = t_start if t_end is None else t_end
        log.info("interview %s: integrity flag %s %s at %.1f s", self.interview_id, kind, state, at)
        await self.publish(event)

    async def reopen_flag(self, kind: str) -> None:
        """The condition came back at once: the flag just ended is open again (no second row)."""
        async with self._sessions.begin() as session:
            flag = await integrity_repo.reopen_latest(session, self.interview_id, kind)
            if flag is None:
                return
            event = _flagged(flag)
        log.info("interview %s: integrity flag %s resumed", self.interview_id, kind)
        await self.publish(event)


def _flagged(flag: IntegrityFlag) -> IntegrityFlagged:
    return IntegrityFlagged(
        interview_id=flag.interview_id,
        id=flag.id,
        kind=flag.kind,
        t_start=flag.t_start,
        t_end=flag.t_end,
        detail=flag.detail,
    )
