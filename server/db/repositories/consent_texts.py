"""Versions of the candidate notice (never edited: only the `active` flag moves to a newer version)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import ConsentText


async def add(session: AsyncSession, text: ConsentText) -> ConsentText:
    """Store a new version."""
    session.add(text)
    await session.flush()
    return text


async def active(session: AsyncSession, language: str, jurisdiction: str) -> ConsentText | None:
    """The version candidates see for this language and jurisdiction, if an admin published one."""
    result = await session.execute(
        select(ConsentText)
        .where(
            ConsentText.language == language,
            ConsentText.jurisdiction == jurisdiction,
            ConsentText.active.is_(True),
        )
        .order_by(ConsentText.created_at.desc())
        .limit(1)
    )
    return result.scalar_one_or_none()


async def find(session: AsyncSession, language: str, jurisdiction: str, version: str) -> ConsentText | None:
    """A version by its name."""
    result = await session.execute(
        select(ConsentText).where(
            ConsentText.language == language,
            ConsentText.jurisdiction == jurisdiction,
            ConsentText.version == version,
        )
    )
    return result.scalar_one_or_none()


async def retire(session: AsyncSession, language: str, jurisdiction: str) -> None:
    """Make no version active for this language and jurisdiction (a newer one follows at once)."""
    await session.execute(
        update(ConsentText)
        .where(ConsentText.language == language, ConsentText.jurisdiction == jurisdiction)
        .values(active=False)
    )


async def list_all(session: AsyncSession) -> Sequence[ConsentText]:
    """Every version, by language and jurisdiction, newest first."""
    result = await session.execute(
        select(ConsentText).order_by(
            ConsentText.language, ConsentText.jurisdiction, ConsentText.created_at.desc()
        )
    )
    return result.scalars().all()
