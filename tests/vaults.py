"""The vault a test server would open, for tests that read or seed its database directly."""

from __future__ import annotations

from server.keys.master import load_master_keys
from server.keys.vault import Vault
from server.settings import Settings


def vault_for(settings: Settings) -> Vault:
    """A vault with the server's master key (in tests: derived from the secret key)."""
    return Vault(load_master_keys(settings))
