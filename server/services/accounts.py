"""Staff accounts."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import User
from server.db.models.user import ROLES
from server.db.repositories import users
from server.errors import Conflict, DomainError
from server.security import hash_password

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
