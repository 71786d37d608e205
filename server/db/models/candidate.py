"""Candidates: personal data, kept apart and referenced by id."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin


class Candidate(IdMixin, Base):
    """A person being interviewed."""

    __tablename__ = "candidate"

    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
