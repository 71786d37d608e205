"""The master key: where it comes from, and the id (a key check value) stored beside what it wraps.

The master key never encrypts data; it only wraps the per-interview data keys (AES-KW, RFC 3394), so
a new master key means re-wrapping a few bytes per interview, not re-encrypting recordings. Its id is
an HMAC of a constant under the key: stored with every wrapped data key, it tells at start-up whether
the configured key is the one the data was written with, without revealing anything about the key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pydantic import SecretStr

from server.settings import Settings

log = logging.getLogger(__name__)

GENERATE_HINT = "python -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())'"


class MasterKeyError(RuntimeError):
    """The master key is missing, malformed, or not the one the stored data keys were wrapped with."""


@dataclass(frozen=True)
class MasterKey:
    """32 bytes and where they came from (said in logs, never the bytes)."""

    key: bytes = field(repr=False)
    source: str

    def __post_init__(self) -> None:
        if len(self.key) != 32:
            raise MasterKeyError(f"the master key from {self.source} is not 32 bytes")

    @property
    def key_id(self) -> str:
        """Key check value: 16 hex digits of HMAC-SHA256(key, constant)."""
        return hmac.new(self.key, b"interview-master-key-check", hashlib.sha256).hexdigest()[:16]


@dataclass(frozen=True)
class MasterKeys:
    """The key new data keys are wrapped with, and during a rotation the one being replaced."""

    current: MasterKey
    previous: MasterKey | None = None


def _decode(text: str, source: str) -> bytes:
    try:
        raw = base64.b64decode(text.strip(), altchars=b"-_" if ("-" in text or "_" in text) else None)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise MasterKeyError(f"{source} must be base64 of 32 random bytes (make one with: {GENERATE_HINT})")
    return raw


def _from(value: SecretStr | None, file: Path | None, name: str) -> MasterKey | None:
    if value is not None and file is not None:
        raise MasterKeyError(f"set {name} or {name}_FILE, not both")
    if value is not None:
        return MasterKey(_decode(value.get_secret_value(), name), name)
    if file is None:
        return None
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise MasterKeyError(f"{name}_FILE {file} cannot be read: {exc.strerror}") from exc
    raw = data if len(data) == 32 else _decode(data.decode("ascii", "replace"), f"{name}_FILE {file}")
    return MasterKey(raw, f"{name}_FILE {file}")


def derived_from_secret(secret_key: str) -> MasterKey:
    """The development and test key: HKDF of the server's secret key (never used in production)."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"interview-server", info=b"master-key")
    return MasterKey(
        hkdf.derive(secret_key.encode()), "INTERVIEW_SECRET_KEY (derived; development/test only)"
    )


def load_master_keys(settings: Settings) -> MasterKeys:
    """The configured keys; in development and test, without one, a key derived from the secret key."""
    current = _from(settings.master_key, settings.master_key_file, "INTERVIEW_MASTER_KEY")
    previous = _from(
        settings.master_key_previous, settings.master_key_previous_file, "INTERVIEW_MASTER_KEY_PREVIOUS"
    )
    if current is None:
        if settings.environment == "production":
            raise MasterKeyError(
                f"INTERVIEW_MASTER_KEY or INTERVIEW_MASTER_KEY_FILE must be set in production "
                f"(make one with: {GENERATE_HINT})"
            )
        current = derived_from_secret(settings.secret_key)
    if previous is not None and previous.key_id == current.key_id:
        previous = None
    log.info("master key %s from %s", current.key_id, current.source)
    return MasterKeys(current, previous)
