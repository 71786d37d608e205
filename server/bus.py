"""Fan-out of live events to console WebSockets: in-process by default, Redis pub/sub across processes.

Subscribers get bounded queues; a console too slow to keep up loses events (counted and logged) rather
than growing memory. It then reloads the snapshot on reconnect.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any, Protocol

log = logging.getLogger(__name__)
QUEUE_SIZE = 256


class EventBus(Protocol):
    """Publish JSON-able events on a channel; subscribe to a channel."""

    async def publish(self, channel: str, event: dict[str, Any]) -> None:
        """Deliver an event to every current subscriber of `channel`."""
        ...

    def subscribe(
        self, channel: str
    ) -> contextlib.AbstractAsyncContextManager[AsyncIterator[dict[str, Any]]]:
        """Listen to a channel for the lifetime of the context."""
        ...

    async def close(self) -> None:
        """Release connections."""
        ...


class InProcessBus:
    """The embedded default: asyncio queues in this process."""

    def __init__(self) -> None:
        self._subscribers: dict[str, set[asyncio.Queue[dict[str, Any]]]] = defaultdict(set)
        self.dropped = 0

    async def publish(self, channel: str, event: dict[str, Any]) -> None:
        """Put the event on every subscriber's queue, dropping it for full ones."""
        for queue in list(self._subscribers.get(channel, ())):
            try:
                queue.put_nowait(event)
            except asyncio.QueueFull:
                self.dropped += 1
                log.warning("slow subscriber on %s dropped an event (%d so far)", channel, self.dropped)

    @contextlib.asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[AsyncIterator[dict[str, Any]]]:
        """Yield an async iterator over the channel's events."""
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(maxsize=QUEUE_SIZE)
        self._subscribers[channel].add(queue)

        async def events() -> AsyncIterator[dict[str, Any]]:
            while True:
                yield await queue.get()

        try:
            yield events()
        finally:
            self._subscribers[channel].discard(queue)
            if not self._subscribers[channel]:
                del self._subscribers[channel]

    async def close(self) -> None:
        """Nothing to release."""
        self._subscribers.clear()


class RedisBus:
    """Redis pub/sub, so several server processes share live events."""

    def __init__(self, url: str, prefix: str = "interview:") -> None:
        from redis.asyncio import Redis

        self._redis = Redis.from_url(url)
        self._prefix = prefix

    async def publish(self, channel: str, event: dict[str, Any]) -> None:
        """Publish the event as JSON."""
        await self._redis.publish(self._prefix + channel, json.dumps(event, default=str))

    @contextlib.asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[AsyncIterator[dict[str, Any]]]:
        """Yield an async iterator over the channel's events; the subscription is live on entry."""
        pubsub = self._redis.pubsub()
        await pubsub.subscribe(self._prefix + channel)
        await pubsub.get_message(timeout=2.0)  # the subscribe confirmation: the channel is live now

        async def events() -> AsyncIterator[dict[str, Any]]:
            async for message in pubsub.listen():
                if message.get("type") == "message":
                    yield json.loads(message["data"])

        try:
            yield events()
        finally:
            await pubsub.unsubscribe()
            await pubsub.aclose()  # type: ignore[no-untyped-call]

    async def close(self) -> None:
        """Close the connection pool."""
        await self._redis.aclose()
