"""Staff accounts for people signed on by OpenID Connect: claims mapped to role and department.

The IdP is the source of truth for what the mapping covers: a matching group (or other role claim)
sets the role at every sign-on, a department claim sets the department. What the mapping does not
cover stays as the admin page set it. A person with no account gets one only when the mapping (or the
default role) gives them a role; a deactivated account is never reopened by a sign-on.
"""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import User
from server.db.repositories import audit as audit_repo
from server.db.repositories import users
from server.errors import Forbidden, Unauthorized
from server.services.oidc import Identity
from server.settings import Settings

RANK = ("admin", "hr", "interviewer")  # several groups map: the most trusted role wins


def mapped_role(settings: Settings, claims: dict[str, Any]) -> str | None:
    """The role the claims map to (settings' role map, else the default role), or None."""
    value = claims.get(settings.oidc_role_claim)
    values = [value] if isinstance(value, str) else [v for v in value or () if isinstance(v, str)]
    roles = {settings.oidc_role_map[v] for v in values if v in settings.oidc_role_map}
    for role in RANK:
        if role in roles:
            return role
    return settings.oidc_default_role


def mapped_department(settings: Settings, claims: dict[str, Any]) -> str | None:
    """The department claim's value, if the settings name one and the token carries it."""
    if not settings.oidc_department_claim:
        return None
    value = claims.get(settings.oidc_department_claim)
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if not isinstance(value, str):
        return None
    return value.strip()[:100] or None


async def account_for(session: AsyncSession, settings: Settings, who: Identity) -> User:
    """The staff account of a signed-on person: found by e-mail, made or updated from the claims."""
    role = mapped_role(settings, who.claims)
    department = mapped_department(settings, who.claims)
    user = await users.by_email(session, who.email)
    if user is None:
        if role is None:
            raise Forbidden("your sign-on account has no role here; ask an administrator for access")
        user = await users.add(
            session,
            User(
                email=who.email,
                name=who.name[:200],
                role=role,
                department=department,
                password_hash=f"!sso:{secrets.token_hex(8)}",  # no password: signs on through the IdP
            ),
        )
        await audit_repo.audit(session, user.email, "auth.sso_account_created", None, role=role)
    elif not user.active:
        raise Unauthorized("this account is deactivated")
    else:
        user.role = role or user.role
        user.department = department if department is not None else user.department
    await audit_repo.audit(session, user.email, "auth.sso_login", None, role=user.role)
    return user
