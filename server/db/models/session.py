"""Staff sessions kept on the server, so logging out (or an admin) can end them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin


class StaffSession(IdMixin, Base):
    """One login.

    The cookie carries a random session id; only its SHA-256 is stored here, so a copy of the database
    does not hand out live sessions.
    """

    __tablename__ = "staff_session"

    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LoginFailure(IdMixin, Base):
    """A failed login, counted per email and address to slow password guessing.

    `key` is a hash of the email and the client address: the rows say how often, not who typed what
    (people type passwords into the email field).
    """

    __tablename__ = "login_failure"

    key: Mapped[str] = mapped_column(String(64), index=True)
