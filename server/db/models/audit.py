"""Append-only audit trail: who did what to which interview, and when."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin


class AuditEvent(IdMixin, Base):
    """One audited action."""

    __tablename__ = "audit_event"

    interview_id: Mapped[str | None] = mapped_column(
        ForeignKey("interview.id", ondelete="SET NULL"), index=True
    )
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
