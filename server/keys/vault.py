"""The key hierarchy at work: data keys made, wrapped, unwrapped and cached; values sealed and opened.

    master key (settings or file) --AES-KW--> data key (one per interview, table `data_key`)
                                                 |--AES-256-GCM--> transcript, answers, scores' evidence,
                                                 |                 notes, comments, letters, outbox payloads
                                                 '--AES-256-GCM, 64 KiB chunks--> recording files

Unwrapped data keys are cached (bounded, least recently used first out): a live interview seals a row
per utterance, and unwrapping each time would cost a query. A key made in a transaction is cached only
when that transaction commits: one that rolled back must not go on sealing data under a key that was
never stored. Erasure drops a key from the cache when it destroys it.
"""

from __future__ import annotations

import base64
import os
from collections import OrderedDict

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.keywrap import InvalidUnwrap, aes_key_unwrap, aes_key_wrap
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.orm import Session

from server.db.repositories import data_keys
from server.keys.master import MasterKey, MasterKeyError, MasterKeys

TOKEN_PREFIX = "sealed:v1:"
CACHE_SIZE = 4096  # 32 bytes each: well under a megabyte
UNCOMMITTED = "uncommitted_data_keys"  # session.info: keys made in the session's open transaction


class SealedDataError(RuntimeError):
    """A sealed value failed authentication, or its data key is gone (erased) or unknown."""


class Vault:
    """Data keys for scopes (interview ids) under the current master key; values sealed with them."""

    def __init__(self, keys: MasterKeys, cache_size: int = CACHE_SIZE) -> None:
        self.keys = keys
        self._by_id = {k.key_id: k for k in (keys.current, keys.previous) if k is not None}
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._cache_size = cache_size

    @property
    def master_key_id(self) -> str:
        """The id of the key new data keys are wrapped with."""
        return self.keys.current.key_id

    def knows(self, key_id: str) -> bool:
        """Whether this server holds the master key with this id."""
        return key_id in self._by_id

    def _master(self, key_id: str) -> MasterKey:
        master = self._by_id.get(key_id)
        if master is None:
            raise MasterKeyError(
                f"a data key is wrapped by master key {key_id}, which this server was not given "
                f"(it has {', '.join(self._by_id)}): set INTERVIEW_MASTER_KEY to the key the data was "
                "written with, or INTERVIEW_MASTER_KEY_PREVIOUS while a rotation is under way"
            )
        return master

    def wrap(self, data_key: bytes) -> bytes:
        """`data_key` wrapped by the current master key."""
        return aes_key_wrap(self.keys.current.key, data_key)

    def unwrap(self, wrapped: bytes, key_id: str) -> bytes:
        """A data key, unwrapped by the master key whose id it was stored with."""
        try:
            return aes_key_unwrap(self._master(key_id).key, wrapped)
        except InvalidUnwrap as exc:
            raise MasterKeyError(
                f"master key {key_id} does not unwrap a data key stored under its id: the key table was "
                "changed or damaged"
            ) from exc

    def data_key(self, session: Session, scope: str, create: bool = True) -> bytes | None:
        """The scope's data key (made and stored on first use when `create`), from the cache if there."""
        key = self._cache.get(scope)
        if key is not None:
            self._cache.move_to_end(scope)
            return key
        uncommitted: dict[str, bytes] = session.info.setdefault(UNCOMMITTED, {})
        if scope in uncommitted:
            return uncommitted[scope]
        found = data_keys.find(session, scope)
        mine = None
        if found is None:
            if not create:
                return None
            mine = self.wrap(os.urandom(32))
            data_keys.insert_if_absent(session, scope, mine, self.master_key_id)
            found = data_keys.find(session, scope)
            assert found is not None
        key = self.unwrap(*found)
        if found[0] == mine:  # made by this transaction: cached only once it commits (see `adopt`)
            uncommitted[scope] = key
        else:
            self._remember(scope, key)
        return key

    def _remember(self, scope: str, key: bytes) -> None:
        self._cache[scope] = key
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def adopt(self, session: Session) -> None:
        """Cache the keys a transaction made, now that it committed (a rolled-back key never existed)."""
        for scope, key in session.info.pop(UNCOMMITTED, {}).items():
            self._remember(scope, key)

    async def data_key_async(self, session: AsyncSession, scope: str) -> bytes:
        """`data_key` from async code (e.g. to hand a new call's recorder its key)."""
        key = await session.run_sync(self.data_key, scope)
        assert key is not None
        return key

    async def stored_key(self, session: AsyncSession, scope: str) -> bytes | None:
        """The scope's existing data key, or None when it has none (never made, or destroyed)."""
        return await session.run_sync(self.data_key, scope, False)

    def forget(self, scopes: list[str]) -> None:
        """Drop destroyed keys from the cache."""
        for scope in scopes:
            self._cache.pop(scope, None)

    @staticmethod
    def seal(key: bytes, plaintext: bytes, aad: bytes) -> str:
        """AES-256-GCM with a random 96-bit nonce, as text that fits a Text or JSON column."""
        nonce = os.urandom(12)
        sealed = AESGCM(key).encrypt(nonce, plaintext, aad)
        return TOKEN_PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii")

    @staticmethod
    def open(key: bytes, token: str, aad: bytes) -> bytes:
        """The plaintext of a sealed token; `SealedDataError` when it was changed or moved."""
        raw = base64.urlsafe_b64decode(token.removeprefix(TOKEN_PREFIX))
        try:
            return AESGCM(key).decrypt(raw[:12], raw[12:], aad)
        except InvalidTag:
            raise SealedDataError(
                "a sealed value failed authentication (changed, or moved between rows)"
            ) from None


def is_token(value: object) -> bool:
    """Whether a stored value is sealed (rows written before encryption are not)."""
    return isinstance(value, str) and value.startswith(TOKEN_PREFIX)


async def verify(vault: Vault, engine: AsyncEngine) -> dict[str, int]:
    """Refuse a master key that cannot unwrap the stored data keys; returns keys per master key id.

    Every stored key names its master key's check value, so a wrong key is found without trying it on
    each row; one key per master key is also unwrapped, which AES-KW authenticates.
    """
    async with AsyncSession(engine) as session:
        return await _verify(vault, session)


async def _verify(vault: Vault, session: AsyncSession) -> dict[str, int]:
    counts = await data_keys.count_by_master_key(session)
    for key_id in counts:
        if not vault.knows(key_id):
            raise MasterKeyError(
                f"the master key does not match the stored data: {counts[key_id]} data keys are wrapped by "
                f"master key {key_id}, but this server's key is {vault.master_key_id}. Set "
                "INTERVIEW_MASTER_KEY (or _FILE) to the key the data was written with (during a rotation, "
                "the old one as INTERVIEW_MASTER_KEY_PREVIOUS)"
            )
        sample = await data_keys.sample(session, key_id)
        if sample is not None:
            vault.unwrap(sample, key_id)
    return counts
