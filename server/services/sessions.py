"""Staff sessions on the server: opened at login (a new id each time), ended at logout or by an admin.

A signed cookie alone cannot be taken back: a copied cookie would work until it expired, logout or
not. The cookie therefore carries only a random session id; the session row decides whether it is
still open, and only its SHA-256 is stored.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.models import StaffSession, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import sessions as repo
from server.db.repositories import users
from server.errors import NotFound
from server.security import Signer


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


async def open_session(session: AsyncSession, signer: Signer, user: User, replacing: str | None) -> str:
    """A new session for `user`; the cookie value to set.

    The session the browser had is ended, so a session id fixed before login is worthless after it.
    """
    if replacing:
        await close_session(session, signer, replacing)
    await repo.forget_expired(session)  # the table holds live sessions, not a history of logins
    session_id = secrets.token_urlsafe(32)
    await repo.add(
        session,
        StaffSession(
            token_hash=_hash(session_id),
            user_id=user.id,
            expires_at=utcnow() + timedelta(seconds=signer.session_ttl),
        ),
    )
    return signer.session_cookie(session_id)


async def close_session(session: AsyncSession, signer: Signer, cookie: str | None) -> None:
    """End the session a cookie names (logout); an unknown or ended one is left as it is."""
    session_id = signer.read_session(cookie) if cookie else None
    if session_id:
        await repo.revoke(session, _hash(session_id))


async def user_from_cookie(session: AsyncSession, signer: Signer, cookie: str | None) -> User | None:
    """The active staff user whose open session the cookie names."""
    session_id = signer.read_session(cookie) if cookie else None
    row = await repo.active(session, _hash(session_id)) if session_id else None
    user = await users.get(session, row.user_id) if row else None
    return user if user is not None and user.active else None


async def revoke_all(session: AsyncSession, admin: User, email: str) -> int:
    """End every open session of the account with this email (audited); how many were open."""
    user = await users.by_email(session, email)
    if user is None:
        raise NotFound(f"there is no staff account for {email}")
    count = await repo.revoke_all_of(session, user.id)
    await audit_repo.audit(
        session, admin.email, "auth.sessions_revoked", None, user=user.email, sessions=count
    )
    return count
