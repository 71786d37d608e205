"""The login page's "forgot password": a reset link by e-mail, with one answer for every address.

Whoever asks gets the same answer whether an account exists, is deactivated or not (no account
enumeration); the e-mail goes out only to an active account's own address. Requests are counted in
the login-failure table under their own keys: three per address and ten per client address within 15
minutes, after which further requests wait (429), for existing and unknown addresses alike, so nobody
floods a colleague's inbox and the limit says nothing about who has an account.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.repositories import audit as audit_repo
from server.db.repositories import sessions as session_repo
from server.db.repositories import users
from server.errors import TooManyAttempts
from server.services import account_mail
from server.settings import Settings

PER_ADDRESS = 3
PER_CLIENT = 10
WINDOW = timedelta(minutes=15)  # the login's window: older rows are dropped with old login failures
ANSWER = "if an active account uses this address, an e-mail with a link to set a new password is on its way"
NO_MAIL = "this server cannot send e-mail: ask an administrator to reset your password on the staff page"


def _key(kind: str, value: str) -> str:
    return hashlib.sha256(f"password-reset\n{kind}\n{value}".encode()).hexdigest()


async def request(session: AsyncSession, settings: Settings, email: str, client: str, language: str) -> str:
    """Queue a reset e-mail if the address is an active account's; the same answer in every case.

    A server without SMTP says so (to everyone alike: it is about the server, not the address).
    """
    address = email.strip().lower()
    by_address, by_client = _key("address", address), _key("client", client)
    since = utcnow() - WINDOW
    if (
        await session_repo.failures_since(session, by_address, since) >= PER_ADDRESS
        or await session_repo.failures_since(session, by_client, since) >= PER_CLIENT
    ):
        raise TooManyAttempts("too many password reset requests; wait 15 minutes and try again")
    await session_repo.add_failure(session, by_address)
    await session_repo.add_failure(session, by_client)
    if not account_mail.mail_configured(settings):
        return NO_MAIL
    user = await users.by_email(session, email.strip())
    if user is not None and user.active:
        await account_mail.send(session, settings, user, "reset", language)
        await audit_repo.audit(session, user.email, "staff.password_reset_requested", None)
    return ANSWER
