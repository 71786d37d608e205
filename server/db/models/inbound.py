"""Messages an HR system pushed to us (candidates by webhook), kept so a retry is answered, not redone."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin


class InboundMessage(IdMixin, Base):
    """One processed webhook message: its `webhook-id` per connector, and the answer it got."""

    __tablename__ = "inbound_message"
    __table_args__ = (UniqueConstraint("endpoint_id", "message_id"),)

    endpoint_id: Mapped[str] = mapped_column(ForeignKey("endpoint.id", ondelete="CASCADE"), index=True)
    message_id: Mapped[str] = mapped_column(String(200))
    # The ids and invite links it created (no names): a retry gets the same answer.
    response: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
