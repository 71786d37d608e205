"""What a channel sends and what it answers; the server's worker records the answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol


@dataclass(frozen=True)
class Attachment:
    """A file sent with an e-mail (a calendar invitation); channels without files leave it out."""

    filename: str
    content_type: str  # "text/calendar; method=REQUEST"
    text: str

    def __post_init__(self) -> None:
        if "/" not in self.content_type.split(";", 1)[0]:
            raise ValueError("an attachment needs a type/subtype content type")


@dataclass(frozen=True)
class Outgoing:
    """A rendered message; `id` is the idempotency key (Message-ID, Idempotency-Key, dedup window)."""

    id: str
    to: str
    subject: str
    text: str
    html: str = ""
    unsubscribe_url: str | None = None
    attachments: tuple[Attachment, ...] = ()

    def __post_init__(self) -> None:
        if not self.to.strip():
            raise ValueError("a message needs a recipient")


@dataclass(frozen=True)
class SendResult:
    """A channel's verdict on one attempt.

    `sent`: accepted. `retry`: try again later (network, 4xx SMTP, rate limits). `bounced`: the address
    or user does not exist (5xx at RCPT/DATA, an invalid user id): never retried, shown to HR.
    `failed`: refused for good for another reason (a misconfigured channel), shown to HR.
    """

    outcome: Literal["sent", "retry", "bounced", "failed"]
    error: str = ""
    retry_after_s: float | None = None


class Channel(Protocol):
    """Sends one message once."""

    async def send(self, message: Outgoing) -> SendResult:
        """Try to deliver `message`."""
        ...
