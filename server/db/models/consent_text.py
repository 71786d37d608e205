"""Versions of the notice candidates consent to, per language and jurisdiction.

A text is never edited: a change is a new version, and the consents given keep pointing at the words
the candidate actually read. One version per language and jurisdiction is active.
"""

from __future__ import annotations

from sqlalchemy import Boolean, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base, IdMixin


class ConsentText(IdMixin, Base):
    """One version of the candidate notice."""

    __tablename__ = "consent_text"
    __table_args__ = (UniqueConstraint("language", "jurisdiction", "version"),)

    language: Mapped[str] = mapped_column(String(10))
    jurisdiction: Mapped[str] = mapped_column(String(40))
    version: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(254))
