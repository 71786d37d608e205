"""Candidates: personal data, kept apart and referenced by id."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin


class Candidate(IdMixin, Base):
    """A person being interviewed."""

    __tablename__ = "candidate"

    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    # The candidate in the HR systems, e.g. {"feishu_application": "6960663240925956437"} (from an import).
    external_refs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
