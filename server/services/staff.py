"""Staff accounts on the admin page: invite by e-mail, roles, departments, deactivate, password links.

An invited account exists at once (so it can be given a role and department) but has no usable
password until its owner sets one from the link. Deactivating ends every open session of the account
in the same transaction, so a person who leaves is logged out everywhere at once.
"""

from __future__ import annotations

import asyncio
import secrets

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import User
from server.db.repositories import audit as audit_repo
from server.db.repositories import jobs as job_repo
from server.db.repositories import sessions as session_repo
from server.db.repositories import users
from server.errors import Conflict, DomainError, NotFound
from server.schemas import AccountLinkOut, StaffChangeIn, StaffInviteIn, StaffOut
from server.security import hash_password
from server.services import account_mail
from server.services.accounts import EMAIL_PATTERN, MIN_PASSWORD
from server.settings import Settings

UNUSABLE = "!invited"  # no scrypt hash: no password matches until one is set from the link


async def list_all(session: AsyncSession) -> list[StaffOut]:
    """Every staff account, by e-mail."""
    return [StaffOut.model_validate(u) for u in await users.list_all(session)]


async def departments(session: AsyncSession) -> list[str]:
    """Departments in use by accounts or jobs (the admin page offers them when assigning)."""
    found = {u.department for u in await users.list_all(session)} | {
        j.department for j in await job_repo.list_all(session)
    }
    return sorted(d for d in found if d)


def _out(user: User, link: account_mail.AccountLink) -> AccountLinkOut:
    return AccountLinkOut(
        user=StaffOut.model_validate(user),
        purpose=link.purpose,
        emailed=link.emailed,
        link=None if link.emailed else link.url,  # e-mailed links never go to the admin's screen
        expires_at=link.expires_at,
    )


async def invite(
    session: AsyncSession, admin: User, body: StaffInviteIn, settings: Settings
) -> AccountLinkOut:
    """Create the account and send its owner a link to set a password."""
    email = body.email.strip()
    if not EMAIL_PATTERN.match(email):
        raise DomainError("the email address is not valid")
    if await users.by_email(session, email) is not None:
        raise Conflict(f"an account for {email} already exists")
    user = await users.add(
        session,
        User(
            email=email,
            name=body.name.strip(),
            role=body.role,
            department=(body.department or "").strip() or None,
            password_hash=f"{UNUSABLE}:{secrets.token_hex(8)}",
        ),
    )
    await audit_repo.audit(session, admin.email, "staff.invited", None, user=user.email, role=user.role)
    return _out(user, await account_mail.send(session, settings, user, "invite", body.language))


async def _get(session: AsyncSession, user_id: str) -> User:
    user = await users.get(session, user_id)
    if user is None:
        raise NotFound("there is no such staff account")
    return user


async def change(session: AsyncSession, admin: User, user_id: str, body: StaffChangeIn) -> StaffOut:
    """Change role, department or active; deactivating ends the account's sessions at once."""
    user = await _get(session, user_id)
    if user.id == admin.id and (body.active is False or (body.role and body.role != "admin")):
        raise Conflict("you cannot deactivate your own account or take away your own admin role")
    if body.role:
        user.role = body.role
    if body.clear_department:
        user.department = None
    elif body.department is not None:
        user.department = body.department.strip() or None
    ended = 0
    if body.active is not None:
        user.active = body.active
        if not body.active:
            ended = await session_repo.revoke_all_of(session, user.id)
    await audit_repo.audit(
        session,
        admin.email,
        "staff.changed",
        None,
        user=user.email,
        role=user.role,
        department=user.department,
        active=user.active,
        sessions_ended=ended,
    )
    return StaffOut.model_validate(user)


async def reset_link(
    session: AsyncSession, admin: User, user_id: str, settings: Settings, language: str
) -> AccountLinkOut:
    """Send the account's owner a link to set a new password (the old one works until then)."""
    user = await _get(session, user_id)
    if not user.active:
        raise Conflict("the account is deactivated; activate it before resetting its password")
    await audit_repo.audit(session, admin.email, "staff.password_reset_sent", None, user=user.email)
    return _out(user, await account_mail.send(session, settings, user, "reset", language))


async def set_password(session: AsyncSession, secret_key: str, token: str, password: str) -> None:
    """Set the password from a link; the link (and every earlier one) stops working."""
    claims = account_mail.read_token(secret_key, token)
    user = await users.get(session, claims.user_id)
    if user is None or not user.active or account_mail.fingerprint(user) != claims.fingerprint:
        raise Conflict(
            "this link was already used or replaced by a newer one; ask an administrator for a new one"
        )
    if len(password) < MIN_PASSWORD:
        raise DomainError(f"the password needs at least {MIN_PASSWORD} characters")
    user.password_hash = await asyncio.to_thread(hash_password, password)
    await session_repo.revoke_all_of(session, user.id)  # a reset also ends sessions opened before it
    await audit_repo.audit(session, user.email, f"staff.password_set_{claims.purpose}", None)
