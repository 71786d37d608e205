"""The e-mails staff accounts need: an invitation to a new account, and a password reset.

Both carry the same kind of link: a signed, time-limited token bound to the account's current
password hash, so it works once (setting a password changes the hash and ends every earlier link) and
not at all after a newer link was used. `send` queues the e-mail in the outbox (in the transaction that
made the account or asked for the reset); the admin page then says the e-mail went out. A self-hosted
server may have no mail server: without SMTP nothing is queued, and the link goes back to the admin
page, which shows it once for the admin to hand over.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.models import User
from server.errors import InviteExpired, InviteInvalid
from server.services import messages
from server.settings import Settings

Purpose = Literal["invite", "reset"]
LIFETIME = {"invite": timedelta(days=7), "reset": timedelta(hours=24)}
SALT = "staff-password-link"
TEMPLATES: dict[Purpose, str] = {"invite": "staff_invitation", "reset": "password_reset"}


@dataclass(frozen=True)
class AccountLink:
    """A link to set a password: where it leads, what it is for, until when it works."""

    url: str
    purpose: Purpose
    expires_at: datetime
    emailed: bool = False


@dataclass(frozen=True)
class LinkClaims:
    """What a valid password link says: whose account, and which password hash it was made against."""

    user_id: str
    fingerprint: str
    purpose: Purpose


def fingerprint(user: User) -> str:
    """A short digest of the account's password hash (the link works while the hash is unchanged)."""
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:24]


def make_link(secret_key: str, public_url: str, user: User, purpose: Purpose) -> AccountLink:
    """A password link for the account."""
    token = URLSafeTimedSerializer(secret_key, salt=SALT).dumps(
        {"u": user.id, "f": fingerprint(user), "p": purpose}
    )
    return AccountLink(
        f"{public_url.rstrip('/')}/password?token={token}", purpose, utcnow() + LIFETIME[purpose]
    )


def read_token(secret_key: str, token: str) -> LinkClaims:
    """The claims of a password link's token; InviteInvalid or InviteExpired (401) when it is not good."""
    serializer = URLSafeTimedSerializer(secret_key, salt=SALT)
    try:
        data, signed_at = serializer.loads(
            token, max_age=int(LIFETIME["invite"].total_seconds()), return_timestamp=True
        )
    except SignatureExpired as exc:
        raise InviteExpired("this link has expired; ask an administrator for a new one") from exc
    except BadSignature as exc:
        raise InviteInvalid("this link is not valid; check that you copied all of it") from exc
    if not isinstance(data, dict) or data.get("p") not in LIFETIME:
        raise InviteInvalid("this link is not valid; check that you copied all of it")
    purpose: Purpose = data["p"]
    if utcnow() - signed_at > LIFETIME[purpose]:
        raise InviteExpired("this link has expired; ask an administrator for a new one")
    return LinkClaims(str(data.get("u")), str(data.get("f")), purpose)


def mail_configured(settings: Settings) -> bool:
    """Whether this server can send e-mail (an SMTP host is set)."""
    return bool(settings.smtp_host)


async def send(
    session: AsyncSession, settings: Settings, user: User, purpose: Purpose, language: str
) -> AccountLink:
    """Queue an e-mail with a password link to the account's address, in the reader's language.

    Returns the link with `emailed` set when the e-mail was queued; without SMTP the caller hands the
    link over itself (it is never stored or logged then).
    """
    link = make_link(settings.secret_key, settings.public_url, user, purpose)
    if not mail_configured(settings):
        return link
    await messages.queue(
        session,
        channel="email",
        to=user.email,
        template=TEMPLATES[purpose],
        language=language,
        params={"link": link.url, "role": user.role, "name": user.name},
        kind="staff",
    )
    return AccountLink(link.url, link.purpose, link.expires_at, emailed=True)
