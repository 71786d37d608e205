"""Per-interview data keys, stored wrapped by the master key (see server/keys)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, utcnow


class DataKey(Base):
    """The AES-256 key that seals one interview's recordings and words, wrapped (AES-KW) by a master key.

    `scope` is the interview id (or, for an outbox event about no interview, its ordering key). Deleting
    the row destroys the key: whatever it sealed, in backups too, can no longer be read.
    """

    __tablename__ = "data_key"

    scope: Mapped[str] = mapped_column(String(64), primary_key=True)
    wrapped: Mapped[bytes] = mapped_column(LargeBinary)
    master_key_id: Mapped[str] = mapped_column(String(16), index=True)  # the wrapping key's check value
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    rewrapped_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
