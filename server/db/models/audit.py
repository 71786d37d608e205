"""Append-only, hash-chained audit trail: who did what to which interview, and when.

Each row's `hash` covers its own fields (the detail through `detail_hash`) and the previous row's
hash, so an edited, deleted or reordered row breaks the chain. Erasure may replace a row's detail
with a redaction marker; `detail_hash` stays, so the chain still verifies without the erased words.
`interview_id` is a plain column, not a foreign key: deleting an interview must not rewrite its audit.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin


class AuditEvent(IdMixin, Base):
    """One audited action, a link of the chain."""

    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(Integer, unique=True)
    interview_id: Mapped[str | None] = mapped_column(String(32), index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    detail_hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    redacted: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditHead(Base):
    """The chain's head: one row, locked by each append so two writers never fork the chain."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64))
