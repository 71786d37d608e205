"""Staff accounts and password login, slowed down for guessers.

Five failed logins for one email from one address within 15 minutes make further tries from there
wait (429), whether the account exists or not, so the answer says nothing about who has an account;
unknown accounts are checked against a dummy hash so they take as long as a wrong password.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.models import User
from server.db.models.user import ROLES
from server.db.repositories import audit as audit_repo
from server.db.repositories import sessions as session_repo
from server.db.repositories import users
from server.errors import Conflict, DomainError, TooManyAttempts, Unauthorized
from server.security import DUMMY_HASH, hash_password, verify_password

MIN_PASSWORD = 10
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)


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


def failure_key(email: str, client: str) -> str:
    """What failed logins are counted under: the email (any case) and the client's address, hashed."""
    return hashlib.sha256(f"{email.strip().lower()}\n{client}".encode()).hexdigest()


async def login(session: AsyncSession, email: str, password: str, client: str) -> User:
    """The active account with this email and password (audited); one message for every failure.

    A failure is committed at once: the request's own transaction rolls back with the error.
    """
    key = failure_key(email, client)
    now = utcnow()
    if await session_repo.failures_since(session, key, now - FAILURE_WINDOW) >= MAX_FAILURES:
        raise TooManyAttempts(
            "too many failed logins for this email from your address; wait 15 minutes and try again"
        )
    user = await users.by_email(session, email)
    # scrypt takes tens of milliseconds: off the event loop, and for unknown accounts too.
    ok = await asyncio.to_thread(verify_password, password, user.password_hash if user else DUMMY_HASH)
    if user is None or not user.active or not ok:
        await session_repo.add_failure(session, key)
        await session.commit()
        raise Unauthorized("wrong email or password")
    await session_repo.forget_failures(session, key, now - FAILURE_WINDOW)
    await audit_repo.audit(session, user.email, "auth.login")
    return user
