"""Queue a message to a person (candidate or staff) through the candidate-message outbox.

Any service sends with one call, in its own transaction (the message is stored with the change that
causes it, and the worker delivers it after the commit):

    await messages.queue(session, channel="email", to=address, template="password_reset",
                         language="zh", params={"link": url})
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.models import CandidateMessage
from server.db.models.invitation import CHANNELS
from server.db.repositories import messages as repo
from server.errors import Unprocessable
from server.services import message_templates

MAX_PARAMS_CHARS = 20_000


async def queue(
    session: AsyncSession,
    *,
    channel: str,
    to: str,
    template: str,
    language: str,
    params: dict[str, Any] | None = None,
    interview_id: str | None = None,
    invitation_id: str | None = None,
    kind: str = "staff",
    due_at: datetime | None = None,
    draft: bool = False,
) -> CandidateMessage:
    """Store a message for the worker to send at `due_at` (now by default); a draft waits for approval.

    Raises Unprocessable for an unknown channel, template or language, an empty recipient, or params
    too large to be a message.
    """
    if channel not in CHANNELS:
        raise Unprocessable(f"unknown channel {channel!r}; channels: {', '.join(CHANNELS)}")
    if not to.strip() or len(to) > 254:
        raise Unprocessable("a message needs a recipient (at most 254 characters)")
    lang = language if language in message_templates.LANGUAGES else "en"
    message_templates.check(template, lang)
    values = {str(k): str(v) for k, v in (params or {}).items()}
    if sum(len(k) + len(v) for k, v in values.items()) > MAX_PARAMS_CHARS:
        raise Unprocessable("the message's values are too long")
    return await repo.add(
        session,
        CandidateMessage(
            interview_id=interview_id,
            invitation_id=invitation_id,
            kind=kind,
            channel=channel,
            recipient=to.strip(),
            template=template,
            language=lang,
            params=values,
            status="draft" if draft else "pending",
            due_at=due_at or utcnow(),
            attempts=0,
        ),
    )
