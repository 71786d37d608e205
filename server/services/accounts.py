"""Staff accounts."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import User
from server.db.models.user import ROLES
from server.db.repositories import audit as audit_repo
from server.db.repositories import users
from server.errors import Conflict, DomainError, Unauthorized
from server.security import Signer, hash_password, verify_password

MIN_PASSWORD = 10


async def create_user(
    session: AsyncSession, email: str, name: str, role: str, password: str, department: str | None = None
) -> User:
    """Create a staff account; refuse weak passwords, unknown roles and duplicate emails."""
    if role not in ROLES:
        raise DomainError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise DomainError(f"the password needs at least {MIN_PASSWORD} characters")
    if "@" not in email:
        raise DomainError("the email address is not valid")
    if await users.by_email(session, email) is not None:
        raise Conflict(f"an account for {email} already exists")
    return await users.add(
        session,
        User(email=email, name=name, role=role, department=department, password_hash=hash_password(password)),
    )


async def login(session: AsyncSession, email: str, password: str) -> User:
    """The active account with this email and password (audited); one message for every failure."""
    user = await users.by_email(session, email)
    if user is None or not user.active or not verify_password(password, user.password_hash):
        raise Unauthorized("wrong email or password")
    await audit_repo.audit(session, user.email, "auth.login")
    return user


async def user_from_cookie(session: AsyncSession, signer: Signer, cookie: str | None) -> User | None:
    """The active staff user a session cookie belongs to."""
    user_id = signer.read_session(cookie) if cookie else None
    user = await users.get(session, user_id) if user_id else None
    return user if user is not None and user.active else None
