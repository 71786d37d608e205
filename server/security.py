"""Passwords, staff session cookies, candidate invite tokens and where a login may send the browser.

Invite tokens are signed and expiring, and bound to one interview through a nonce stored on the
interview: issuing a new link revokes the old one. A session cookie is a signed random session id; the
session itself lives on the server (`server/services/sessions.py`), so logging out ends it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from server.errors import InviteExpired, InviteInvalid

_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
DUMMY_HASH = "scrypt$XOqQzkwBwV8RQ3VXdf3m0w==$Lyee1EmuclyDzUMkGt1gQBbTBdpbaWGAokzA/IHrD0s="
"""The hash of a random password nobody knows: checked for unknown accounts, so a login for an email
without an account takes as long as one with a wrong password, and timing does not say who has one."""


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
        self._unsubscribe = URLSafeTimedSerializer(secret_key, salt="candidate-unsubscribe")
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
            raise InviteExpired(
                "this invite link has expired; you can ask for a new one on this page"
            ) from exc
        except BadSignature as exc:
            raise InviteInvalid("this invite link is not valid; check that you copied all of it") from exc
        return _invite_claims(data)

    def read_expired_invite(self, token: str) -> InviteClaims:
        """The claims of a genuine token whatever its age (to offer a new link); InviteInvalid if forged."""
        try:
            data = self._invites.loads(token)
        except BadSignature as exc:
            raise InviteInvalid("this invite link is not valid; check that you copied all of it") from exc
        return _invite_claims(data)

    def unsubscribe_token(self, interview_id: str) -> str:
        """The token of the unsubscribe link in a candidate's messages (it does not expire)."""
        return str(self._unsubscribe.dumps({"u": interview_id}))

    def read_unsubscribe(self, token: str) -> str:
        """The interview an unsubscribe token names; InviteInvalid if forged."""
        try:
            data = self._unsubscribe.loads(token)
        except BadSignature as exc:
            raise InviteInvalid(
                "this unsubscribe link is not valid; check that you copied all of it"
            ) from exc
        if not isinstance(data, dict) or not isinstance(data.get("u"), str):
            raise InviteInvalid("this unsubscribe link is not valid; check that you copied all of it")
        return str(data["u"])

    def session_cookie(self, session_id: str) -> str:
        """The value of a logged-in staff member's cookie: the server-side session's id, signed."""
        return str(self._sessions.dumps({"s": session_id}))

    def read_session(self, cookie: str) -> str | None:
        """The session id in a validly signed, unexpired cookie.

        Whether that session is still open is the server's to say.
        """
        try:
            data = self._sessions.loads(cookie, max_age=int(self.session_ttl))
        except BadSignature:
            return None
        session_id = data.get("s") if isinstance(data, dict) else None
        return session_id if isinstance(session_id, str) else None


def safe_next_path(target: str | None, default: str = "/console") -> str:
    r"""Where to go after login: `target` when it is a path on this site, else `default`.

    Refused, because a browser would leave the site: `//evil`, `https://evil`, `/\evil` (browsers read
    a backslash as a slash), the same percent-encoded (`/%5Cevil`, `/%2F%2Fevil`; the page decodes the
    query once), and control characters or whitespace (browsers drop tabs and newlines: `/\t/evil`).
    """
    if not target:
        return default
    for form in (target, unquote(target)):
        if not form.startswith("/") or form.startswith("//") or "\\" in form:
            return default
        if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in form):
            return default
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else default


def _invite_claims(data: object) -> InviteClaims:
    """The claims a genuine invite token carries; InviteInvalid if it carries something else."""
    if not isinstance(data, dict) or not isinstance(data.get("i"), str) or not isinstance(data.get("n"), str):
        raise InviteInvalid("this invite link is not valid; check that you copied all of it")
    return InviteClaims(interview_id=data["i"], nonce=data["n"])
