"""The message worker: sends due candidate messages (the reminder schedule is their due times).

One loop per server (or `interview worker`); several may run against one database, since a message is
claimed with a row lock before it is sent (`server/db/repositories/messages.py`). Each message is
prepared in one transaction (checked against its invitation: none after completion, cancellation or
unsubscribe), sent outside any transaction, and its outcome recorded in another. The clock is injected,
so tests move time instead of waiting. Logs name message ids, templates and outcomes, never addresses,
names or links.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ehr_sync.messaging.model import Attachment, Channel, Outgoing, SendResult
from server.db.base import utcnow
from server.db.models import CandidateMessage
from server.db.repositories import candidates as candidate_repo
from server.db.repositories import interviews as interview_repo
from server.db.repositories import jobs as job_repo
from server.db.repositories import messages as repo
from server.security import Signer
from server.services import message_templates
from server.services.invite_rules import aware, skip_reason
from server.services.invites import invite_link

log = logging.getLogger(__name__)
RETRY_S = (60.0, 300.0, 1800.0, 7200.0, 21600.0)  # then the message has failed (HR sees it)
INVITE_KINDS = ("invitation", "reminder", "schedule")  # to the candidate, with their link


class MessageWorker:
    """Claims due messages and sends them through their channel."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        channels: Mapping[str, Channel],
        signer: Signer,
        public_url: str,
        *,
        clock: Callable[[], datetime] = utcnow,
        timezone: str = "UTC",
        lease_s: float = 120.0,
        batch: int = 20,
        retry_s: tuple[float, ...] = RETRY_S,
        rng: random.Random | None = None,
        max_in_flight: int = 4,
    ) -> None:
        self._sessions = sessions
        self._channels = channels
        self._signer = signer
        self._public_url = public_url.rstrip("/")
        self._clock = clock
        self._zone = ZoneInfo(timezone)
        self._lease_s = lease_s
        self._batch = batch
        self._retry_s = retry_s
        self._rng = rng or random.Random()
        self.outcomes: dict[str, int] = {}
        self._in_flight = asyncio.Semaphore(max_in_flight)

    async def run_once(self) -> int:
        """Send what is due now; how many messages were handled."""
        ids = await repo.claim(self._sessions, self._clock(), self._batch, self._lease_s)
        await asyncio.gather(*(self._bounded(message_id) for message_id in ids))
        return len(ids)

    async def _bounded(self, message_id: str) -> None:
        async with self._in_flight:  # a few at once: SMTP round trips overlap, servers are not flooded
            await self._handle(message_id)

    async def _handle(self, message_id: str) -> None:
        async with self._sessions.begin() as session:
            message = await repo.get(session, message_id)
            if message is None:
                return
            outgoing, skip = await self._prepare(session, message)
            if skip:
                await repo.finish(session, message, "skipped", skip)
                self._count("skipped", message)
                return
        assert outgoing is not None
        channel = self._channels.get(message.channel)
        if channel is None:
            result = SendResult("failed", f"the {message.channel} channel is not configured on this server")
        else:
            try:
                result = await channel.send(outgoing)
            except Exception as exc:  # a channel bug must not stop the other messages
                log.exception("channel %s failed on message %s", message.channel, message_id)
                result = SendResult("retry", f"channel error: {type(exc).__name__}")
        await self._record(message_id, result)

    async def _prepare(self, session: AsyncSession, message: CandidateMessage) -> tuple[Outgoing | None, str]:
        params = dict(message.params or {})
        unsubscribe = None
        if message.kind in INVITE_KINDS and message.interview_id:
            interview = await interview_repo.get(session, message.interview_id)
            invitation = await repo.active_invitation(session, message.interview_id)
            if invitation is not None and invitation.id != message.invitation_id:
                return None, "the invitation was replaced"
            reason = skip_reason(message.kind, interview, invitation, self._clock())
            if not reason and message.kind == "reminder" and invitation is not None:
                reason = "the invitation bounced" if await repo.bounced(session, invitation.id) else ""
            if reason or interview is None:
                return None, reason
            job = await job_repo.get(session, interview.job_id)
            candidate = await candidate_repo.get(session, interview.candidate_id)
            # The link is made now from the interview's current nonce: it is never stored in the outbox.
            params["link"] = invite_link(self._signer, self._public_url, interview)
            params.setdefault("job_title", job.title if job else "")
            params.setdefault("candidate_name", candidate.name if candidate else "")
            if invitation is not None and invitation.deadline_at is not None:
                params["deadline"] = self._when(aware(invitation.deadline_at))
            if invitation is not None and invitation.slot_at is not None:
                params.setdefault("slot", self._when(aware(invitation.slot_at)))
            unsubscribe = f"{self._public_url}/unsubscribe/{self._signer.unsubscribe_token(interview.id)}"
            params["unsubscribe_url"] = unsubscribe
        elif message.kind == "staff_reminder":  # the interviewer's: only while the interview is ahead
            interview = await interview_repo.get(session, message.interview_id or "")
            reason = skip_reason(message.kind, interview, None, self._clock())
            if reason:
                return None, reason
        calendar = params.pop("ics", None)  # a calendar invitation or cancellation (booking.py)
        method = params.pop("ics_method", "REQUEST")
        files = (Attachment("invite.ics", f"text/calendar; method={method}", calendar),) if calendar else ()
        wording = await message_templates.wording(session, message.template, message.language)
        filled = message_templates.render(wording, params)
        return Outgoing(
            message.id, message.recipient, filled.subject, filled.text, filled.html, unsubscribe, files
        ), ""

    def _when(self, t: datetime) -> str:
        local = t.astimezone(self._zone)
        return f"{local:%Y-%m-%d %H:%M} ({self._zone.key})"

    async def _record(self, message_id: str, result: SendResult) -> None:
        async with self._sessions.begin() as session:
            message = await repo.get(session, message_id)
            if message is None:  # erased while it was being sent
                return
            if result.outcome == "retry":
                if message.attempts < len(self._retry_s):
                    base = self._retry_s[message.attempts]
                    delay = max(base * self._rng.uniform(0.9, 1.1), result.retry_after_s or 0.0)
                    await repo.retry(session, message, self._clock() + timedelta(seconds=delay), result.error)
                    self._count("retry", message)
                    return
                await repo.finish(session, message, "failed", f"gave up after retries: {result.error}")
                self._count("failed", message)
                return
            await repo.finish(session, message, result.outcome, result.error)
            self._count(result.outcome, message)

    def _count(self, outcome: str, message: CandidateMessage) -> None:
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1
        log.info(
            "message %s (%s, %s via %s): %s",
            message.id,
            message.kind,
            message.template,
            message.channel,
            outcome,
        )


async def run_messages(worker: MessageWorker, stop: asyncio.Event, poll_s: float = 5.0) -> None:
    """Run the worker until `stop` is set; a failing batch (database down) is logged and retried."""
    log.info("message worker started")
    while not stop.is_set():
        try:
            done = await worker.run_once()
        except Exception:
            log.exception("message worker batch failed; retrying")
            done = 0
        if not done:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), poll_s)
    log.info("message worker stopped")
