"""Candidates (the people interviewed; erasure removes them)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import Candidate


async def add(session: AsyncSession, candidate: Candidate) -> Candidate:
    """Insert a candidate (its id is set on return, for the interview that follows)."""
    session.add(candidate)
    await session.flush()
    return candidate


async def get(session: AsyncSession, candidate_id: str) -> Candidate | None:
    """The candidate with this id."""
    return await session.get(Candidate, candidate_id)


async def delete(session: AsyncSession, candidate: Candidate) -> None:
    """Remove a candidate row (their interviews must be gone first)."""
    await session.delete(candidate)
    await session.flush()
