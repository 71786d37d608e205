"""The calls live on this process, with their limit.

A registry of candidate peers, and slots held while a call starts (so concurrent starts cannot
overshoot the limit or take the same interview twice).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from realtime.errors import CallCapacityReached, CallSlotTaken

if TYPE_CHECKING:
    from realtime.webrtc.peer import CandidatePeer


class Reservation:
    """A slot held for a call while it starts: counted at once, filled by its peer, or released.

    Taken synchronously, before the first `await` of the start, so concurrent starts cannot all pass
    the checks and all open calls (six offers against a limit of two once did; five offers on one
    invite made five recordings, four of them never counted or closed).
    """

    def __init__(self, registry: PeerRegistry, key: str) -> None:
        self._registry = registry
        self.key = key
        self._done = False

    def fill(self, peer: CandidatePeer) -> None:
        """The call started: the slot now holds its peer."""
        if self._done:
            raise RuntimeError("this reservation was already filled or released")
        self._done = True
        self._registry._fill(self.key, peer)

    def release(self) -> None:
        """The call did not start: free the slot. Idempotent, and a no-op once filled."""
        if not self._done:
            self._done = True
            self._registry._release(self.key)

    def __enter__(self) -> Reservation:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


class PeerRegistry:
    """The live peers of this process; the app's lifespan closes whatever is left at shutdown."""

    def __init__(self) -> None:
        self._peers: dict[str, CandidatePeer] = {}
        self._reserved: set[str] = set()

    def reserve(self, key: str, limit: int) -> Reservation:
        """Hold a slot for a call under `key`; no await, so check and hold happen as one step.

        Raises CallSlotTaken when the key has a live or starting call, CallCapacityReached when `limit`
        calls are live or starting.
        """
        if key in self._reserved or self.get(key) is not None:
            raise CallSlotTaken(key)
        if len(self) + len(self._reserved) >= limit:
            raise CallCapacityReached(key)
        self._reserved.add(key)
        return Reservation(self, key)

    def _fill(self, key: str, peer: CandidatePeer) -> None:
        self._reserved.discard(key)
        self._peers[key] = peer

    def _release(self, key: str) -> None:
        self._reserved.discard(key)

    def get(self, key: str) -> CandidatePeer | None:
        """The live peer for a key, if any."""
        peer = self._peers.get(key)
        return peer if peer is not None and not peer.closed else None

    def remove(self, key: str, peer: CandidatePeer) -> None:
        """Forget a peer once it has closed."""
        if self._peers.get(key) is peer:
            del self._peers[key]

    def __len__(self) -> int:
        """Live peers (a closed one that has not yet been removed does not count)."""
        return sum(1 for peer in self._peers.values() if not peer.closed)

    @property
    def starting(self) -> int:
        """Calls reserved but not yet started."""
        return len(self._reserved)

    def metrics(self) -> dict[str, dict[str, Any]]:
        """Per live interview."""
        return {key: peer.metrics() for key, peer in self._peers.items() if not peer.closed}

    async def close_all(self) -> None:
        """Close every live peer."""
        await asyncio.gather(*(p.close() for p in list(self._peers.values())), return_exceptions=True)
        self._peers.clear()
