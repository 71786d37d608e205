"""Requests to whichever instance holds a call, answered over the bus.

Controls, consoles' watch offers and "release the call if it is dead" requests are published on the
interview's control channel; the live interview holding the call answers on a reply channel named in
the request. The sender subscribes to that channel before it publishes, so no answer is missed, and
waits a bounded time: no answer means no instance holds the call (or its holder just died).
"""

from __future__ import annotations

import asyncio
import secrets
from typing import Any

from server.bus import EventBus


def reply_channel() -> str:
    """A channel for one request's answer."""
    return f"reply.{secrets.token_hex(12)}"


async def request(
    bus: EventBus, channel: str, message: dict[str, Any], timeout_s: float
) -> dict[str, Any] | None:
    """Publish `message` with a reply channel and return the first answer, or None after `timeout_s`."""
    reply = reply_channel()
    async with bus.subscribe(reply) as answers:
        await bus.publish(channel, {**message, "reply": reply})
        try:
            async with asyncio.timeout(timeout_s):
                async for answer in answers:
                    return answer
        except TimeoutError:
            return None
    return None


async def answer(bus: EventBus, message: dict[str, Any], **reply: Any) -> None:
    """Answer a request, when it asked for an answer (`withdrawn` and `hang_up` do not)."""
    channel = message.get("reply")
    if isinstance(channel, str) and channel.startswith("reply."):
        await bus.publish(channel, reply)
