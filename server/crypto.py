"""Encryption of connector secrets at rest, with a key derived from the server's secret key."""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


class SecretBox:
    """Fernet (AES-128-CBC + HMAC) keyed by HKDF(server secret key)."""

    def __init__(self, secret_key: str) -> None:
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"interview-server", info=b"connector-secrets")
        self._fernet = Fernet(base64.urlsafe_b64encode(key.derive(secret_key.encode())))

    def seal(self, plaintext: str) -> str:
        """Encrypt."""
        return self._fernet.encrypt(plaintext.encode()).decode()

    def open(self, token: str) -> str:
        """Decrypt; ValueError when the server's secret key changed."""
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken as exc:
            raise ValueError(
                "a connector secret cannot be decrypted: was INTERVIEW_SECRET_KEY changed?"
            ) from exc
