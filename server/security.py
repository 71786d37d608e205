"""Passwords, staff session cookies and candidate invite tokens.

Invite tokens are signed and expiring, and bound to one interview through a nonce stored on the
interview: issuing a new link revokes the old one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from server.errors import InviteExpired, InviteInvalid

_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


def hash_password(password: str) -> str:
    """Salted scrypt hash in a self-describing string."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)
    return "scrypt$" + base64.b64encode(salt).decode() + "$" + base64.b64encode(digest).decode()


def verify_password(password: str, stored: str) -> bool:
    """Constant-time check of a password against `hash_password` output."""
    try:
        scheme, salt_b64, digest_b64 = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt_b64), **_SCRYPT)
    return hmac.compare_digest(digest, base64.b64decode(digest_b64))


@dataclass(frozen=True)
class InviteClaims:
    """What a valid invite token says."""

    interview_id: str
    nonce: str


class Signer:
    """Signs and checks invite tokens and session cookies with the server's secret key."""

    def __init__(self, secret_key: str, invite_ttl_s: float, session_ttl_s: float) -> None:
        self._invites = URLSafeTimedSerializer(secret_key, salt="interview-invite")
        self._sessions = URLSafeTimedSerializer(secret_key, salt="staff-session")
        self._invite_ttl = invite_ttl_s
        self.session_ttl = session_ttl_s

    def invite_token(self, interview_id: str, nonce: str) -> str:
        """A token for the candidate's invite link."""
        return str(self._invites.dumps({"i": interview_id, "n": nonce}))

    def read_invite(self, token: str) -> InviteClaims:
        """Check signature and age; raise InviteInvalid or InviteExpired."""
        try:
            data = self._invites.loads(token, max_age=int(self._invite_ttl))
        except SignatureExpired as exc:
            raise InviteExpired("this invite link has expired; ask the recruiter for a new one") from exc
        except BadSignature as exc:
            raise InviteInvalid("this invite link is not valid; check that you copied all of it") from exc
        if (
            not isinstance(data, dict)
            or not isinstance(data.get("i"), str)
            or not isinstance(data.get("n"), str)
        ):
            raise InviteInvalid("this invite link is not valid; check that you copied all of it")
        return InviteClaims(interview_id=data["i"], nonce=data["n"])

    def session_cookie(self, user_id: str) -> str:
        """The value of a logged-in staff member's cookie."""
        return str(self._sessions.dumps({"u": user_id}))

    def read_session(self, cookie: str) -> str | None:
        """The user id in a valid, unexpired session cookie."""
        try:
            data = self._sessions.loads(cookie, max_age=int(self.session_ttl))
        except BadSignature:
            return None
        user_id = data.get("u") if isinstance(data, dict) else None
        return user_id if isinstance(user_id, str) else None
