"""The transactional outbox.

Events are written in the same transaction as the change that causes them, with one delivery per
event and configured endpoint; and the endpoints themselves.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin, new_id, utcnow


class OutboxEvent(Base):
    """An event for the HR systems; `seq` orders events, `ordering_key` (the interview) groups them."""

    __tablename__ = "outbox_event"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(32), unique=True, default=new_id)
    type: Mapped[str] = mapped_column(String(60))
    ordering_key: Mapped[str] = mapped_column(String(64), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Endpoint(IdMixin, Base):
    """A connected HR system; the secret is stored encrypted and never echoed back."""

    __tablename__ = "endpoint"

    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(30))
    url: Mapped[str] = mapped_column(String(500))  # without its query string when that is sealed below
    url_query_sealed: Mapped[str] = mapped_column(Text, default="")  # robots' `?key=…`, sealed
    secret_encrypted: Mapped[str] = mapped_column(Text, default="")
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    disabled_reason: Mapped[str | None] = mapped_column(String(300))


class Delivery(IdMixin, Base):
    """One event to one endpoint; its id is the idempotency key the receiver sees."""

    __tablename__ = "delivery"

    event_seq: Mapped[int] = mapped_column(ForeignKey("outbox_event.seq", ondelete="CASCADE"), index=True)
    endpoint_id: Mapped[str] = mapped_column(ForeignKey("endpoint.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(
        String(20), default="pending", index=True
    )  # pending|delivered|dead|action_required
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    claim: Mapped[str | None] = mapped_column(String(32))
    last_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(String(500))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
