"""What the dispatcher moves: deliveries of outbox events to endpoints, and connector verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol

EVENT_TYPES = (
    "interview.completed",
    "report.ready",
    "report.reviewed",
    "candidate.feedback",
    "candidate.deleted",
)


@dataclass(frozen=True)
class Delivery:
    """One event to one endpoint; `id` is the idempotency key the receiver sees (`webhook-id`)."""

    id: str
    event_type: str
    payload: dict[str, Any]
    endpoint_id: str
    attempts: int
    created_at: datetime


@dataclass(frozen=True)
class PushResult:
    """A connector's verdict on one attempt."""

    # throttled: not sent, not an attempt. action_required: the system cannot do it through its API (an
    # erasure Greenhouse offers partners no call for); `error` says what a person must do there.
    outcome: Literal["delivered", "retry", "gone", "throttled", "action_required"]
    status: int | None = None
    retry_after_s: float | None = None
    error: str = ""


@dataclass
class EndpointConfig:
    """A configured receiver."""

    id: str
    kind: str
    url: str
    secrets: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)


class Connector(Protocol):
    """Speaks one HR system's contract."""

    async def push(self, delivery: Delivery) -> PushResult:
        """Try to deliver once."""
        ...


class OutboxStore(Protocol):
    """The dispatcher's view of the outbox (the server implements it on its database)."""

    async def claim(self, limit: int, lease_s: float) -> list[Delivery]:
        """Lease due deliveries, oldest first, at most one in flight per endpoint and interview."""
        ...

    async def delivered(self, delivery: Delivery, status: int | None) -> None:
        """Record success."""
        ...

    async def retry_later(self, delivery: Delivery, delay_s: float, status: int | None, error: str) -> None:
        """Record a failed attempt and when to try again."""
        ...

    async def defer(self, delivery: Delivery, delay_s: float, reason: str) -> None:
        """Try again later without counting an attempt (nothing was sent: a rate limit)."""
        ...

    async def dead_letter(self, delivery: Delivery, status: int | None, error: str) -> None:
        """Give up on a delivery (it can be replayed by hand)."""
        ...

    async def action_required(self, delivery: Delivery, message: str) -> None:
        """Record that a person must do this in the other system (never shown as delivered)."""
        ...

    async def disable_endpoint(self, endpoint_id: str, reason: str) -> None:
        """Stop delivering to an endpoint (410 Gone)."""
        ...
