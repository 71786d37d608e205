"""The e-mails staff accounts need: an invitation to a new account, and a password reset.

Both carry the same kind of link: a signed, time-limited token bound to the account's current
password hash, so it works once (setting a password changes the hash and ends every earlier link) and
not at all after a newer link was used. Until the messaging service (the candidate outbox with its
e-mail channel) and this module meet in one tree, `send` gives the link back to the admin page, which
shows it once for the admin to hand over; the lead wires `send` to `messages.queue(..., channel="email")`
when both land, and the page then says the e-mail went out instead.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from server.db.base import utcnow
from server.db.models import User
from server.errors import InviteExpired, InviteInvalid

Purpose = Literal["invite", "reset"]
LIFETIME = {"invite": timedelta(days=7), "reset": timedelta(hours=24)}
SALT = "staff-password-link"


@dataclass(frozen=True)
class AccountLink:
    """A link to set a password: where it leads, what it is for, until when it works."""

    url: str
    purpose: Purpose
    expires_at: datetime


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


async def send(secret_key: str, public_url: str, user: User, purpose: Purpose) -> AccountLink:
    """Deliver a password link to the account's e-mail address; returns the link for the admin page.

    Today the admin hands the returned link over (it is shown once, never stored or logged). The
    messaging service will take the e-mail from here, with the same link, in the user's language.
    """
    return make_link(secret_key, public_url, user, purpose)
