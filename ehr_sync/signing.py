"""Standard Webhooks signatures: `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>`.

The signed content is `{id}.{timestamp}.{body}`, HMAC-SHA256 with the secret's bytes (the base64 part of
a `whsec_...` secret). During rotation a message carries one signature per active secret, space-separated.

Receiver side (also in the README):

    from ehr_sync.signing import verify
    verify(secret, headers["webhook-id"], headers["webhook-timestamp"], raw_body,
           headers["webhook-signature"])
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time

PREFIX = "whsec_"
TOLERANCE_S = 300


class SignatureError(ValueError):
    """The signature, timestamp or secret does not check out."""


def new_secret() -> str:
    """A fresh `whsec_` secret (24 random bytes)."""
    return PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def key_bytes(secret: str) -> bytes:
    """The HMAC key of a `whsec_` secret; SignatureError when it is malformed."""
    return _key(secret)


def _key(secret: str) -> bytes:
    raw = secret[len(PREFIX) :] if secret.startswith(PREFIX) else secret
    try:
        return base64.b64decode(raw, validate=True)
    except ValueError as exc:
        raise SignatureError("webhook secrets look like whsec_<base64>") from exc


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """One `v1,<base64>` signature."""
    content = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(_key(secret), content, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def headers(secrets_: list[str], msg_id: str, body: bytes, timestamp: int | None = None) -> dict[str, str]:
    """The three headers, signed with every active secret (rotation)."""
    ts = int(time.time()) if timestamp is None else timestamp
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(ts),
        "webhook-signature": " ".join(sign(s, msg_id, ts, body) for s in secrets_),
    }


def verify(
    secret: str,
    msg_id: str,
    timestamp: str,
    body: bytes,
    signature_header: str,
    now: float | None = None,
    tolerance_s: int = TOLERANCE_S,
) -> None:
    """Raise SignatureError unless one of the signatures matches and the timestamp is recent."""
    try:
        ts = int(timestamp)
    except ValueError as exc:
        raise SignatureError("webhook-timestamp is not an integer") from exc
    if abs((now if now is not None else time.time()) - ts) > tolerance_s:
        raise SignatureError("webhook-timestamp is outside the tolerance window")
    expected = sign(secret, msg_id, ts, body).split(",", 1)[1]
    for candidate in signature_header.split():
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return
    raise SignatureError("no matching signature")
