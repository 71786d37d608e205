"""Which server instance holds each live call: a lease in Redis when several instances serve.

A call lives in one process (its WebRTC peer, recorder and agent cannot move), so every other instance
must know where it is: to refuse a second call for the same interview, and to send the call's controls
and consoles' watch offers there. The owner's record is a Redis key with a time-to-live that the owner
renews while the call lives; an instance that is killed stops renewing, and its calls become free to
rejoin anywhere within `lease_s`. The embedded default (one process) keeps the same record in memory.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from dataclasses import dataclass
from typing import Protocol

log = logging.getLogger(__name__)

# Renew or release a key only while it still holds our record (an expired lease may have been taken).
_RENEW = (
    "if redis.call('get', KEYS[1]) == ARGV[1] then "
    "return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0"
)
_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"


@dataclass(frozen=True)
class Owner:
    """An instance holding a call: its id, and the URL it advertises (for operators and redirects)."""

    instance: str
    url: str

    def encode(self) -> str:
        """The stored form."""
        return json.dumps({"instance": self.instance, "url": self.url}, sort_keys=True)

    @classmethod
    def decode(cls, raw: str | bytes) -> Owner:
        """Read a stored record."""
        data = json.loads(raw)
        return cls(str(data["instance"]), str(data["url"]))


class CallOwners(Protocol):
    """Claim, look up, renew and release the calls this instance holds."""

    me: Owner

    async def claim(self, interview_id: str) -> Owner | None:
        """Record this instance as the call's owner; the other owner instead, when one holds it."""
        ...

    async def owner(self, interview_id: str) -> Owner | None:
        """Who holds the call now, if anyone."""
        ...

    async def release(self, interview_id: str) -> None:
        """The call closed here: forget it (only if the record is still ours)."""
        ...

    async def renew(self) -> None:
        """Extend the leases of every call this instance holds."""
        ...

    async def close(self) -> None:
        """Release every lease and the connection."""
        ...


class LocalOwners:
    """One process: the record lives in memory and never expires (the process holding it is this one)."""

    def __init__(self, me: Owner) -> None:
        self.me = me
        self._held: set[str] = set()

    async def claim(self, interview_id: str) -> Owner | None:
        """Always this instance: the peer registry already refuses a second call in this process."""
        self._held.add(interview_id)
        return None

    async def owner(self, interview_id: str) -> Owner | None:
        """Ourselves, while we hold the call."""
        return self.me if interview_id in self._held else None

    async def release(self, interview_id: str) -> None:
        """Forget the call."""
        self._held.discard(interview_id)

    async def renew(self) -> None:
        """Nothing expires."""

    async def close(self) -> None:
        """Forget everything."""
        self._held.clear()


class RedisOwners:
    """Leases in Redis (`SET NX PX`), renewed by `run_renewals` every third of the lease."""

    def __init__(self, url: str, me: Owner, lease_s: float, prefix: str = "interview:owner:") -> None:
        from redis.asyncio import Redis

        self.me = me
        self.lease_ms = int(lease_s * 1000)
        self._redis = Redis.from_url(url)
        self._prefix = prefix
        self._held: set[str] = set()
        self._record = me.encode()

    async def claim(self, interview_id: str) -> Owner | None:
        """Take the lease, or take it back from ourselves (a restart under the same instance id)."""
        key = self._prefix + interview_id
        if await self._redis.set(key, self._record, nx=True, px=self.lease_ms):
            self._held.add(interview_id)
            return None
        raw = await self._redis.get(key)
        if raw is None:  # expired between the two calls
            return await self.claim(interview_id)
        holder = Owner.decode(raw)
        if holder.instance == self.me.instance:
            await self._redis.set(key, self._record, px=self.lease_ms)
            self._held.add(interview_id)
            return None
        return holder

    async def owner(self, interview_id: str) -> Owner | None:
        """The holder's record, while its lease runs."""
        raw = await self._redis.get(self._prefix + interview_id)
        return None if raw is None else Owner.decode(raw)

    async def release(self, interview_id: str) -> None:
        """Delete the key if it is still ours."""
        self._held.discard(interview_id)
        await self._redis.eval(_RELEASE, 1, self._prefix + interview_id, self._record)

    async def renew(self) -> None:
        """Extend each held lease; one taken by another instance meanwhile is dropped (and logged)."""
        for interview_id in list(self._held):
            key = self._prefix + interview_id
            kept = await self._redis.eval(_RENEW, 1, key, self._record, self.lease_ms)
            if not kept:
                log.warning("interview %s: this instance's lease on the call lapsed", interview_id)

    async def close(self) -> None:
        """Release what is still held and close the pool."""
        for interview_id in list(self._held):
            await self.release(interview_id)
        await self._redis.aclose()


async def run_renewals(owners: CallOwners, stop: asyncio.Event, every_s: float) -> None:
    """Renew this instance's leases until `stop`; a Redis outage is logged and retried, not fatal."""
    while not stop.is_set():
        try:
            await owners.renew()
        except Exception as exc:  # redis.exceptions.* do not all derive from OSError
            log.warning("could not renew call leases (%s); retrying", type(exc).__name__)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every_s)


async def wait_released(owners: CallOwners, interview_id: str, timeout_s: float) -> bool:
    """Wait until no instance holds the call (its holder closed it, last rows written); False on time-out."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while await owners.owner(interview_id) is not None:
        if loop.time() > deadline:
            return False
        await asyncio.sleep(0.1)
    return True
