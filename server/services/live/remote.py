"""Requests other instances send to the one holding a call: a console's watch offer, "release it".

A console on any instance watches a call by publishing its WebRTC offer on the interview's control
channel; the holder answers with its SDP, and media then flows straight from the holder to the console.
A candidate rejoining on another instance asks the holder to give the call up; it does when the call's
media has stopped (a reload or a dead network), and refuses while the candidate is still there (a
second browser window).
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from realtime.errors import InvalidOfferError
from server.bus import EventBus
from server.services import relay

log = logging.getLogger(__name__)

WATCH = "watch"
RELEASE = "release"


class HeldCall(Protocol):
    """What these requests need of the call held here (`CandidatePeer`)."""

    @property
    def idle_s(self) -> float:
        """Seconds since media last arrived."""
        ...

    async def watch(self, watcher_id: str, sdp: str, kind: str, talk: bool = False) -> str:
        """Answer a console's offer."""
        ...

    def close_soon(self, delay_s: float) -> None:
        """Hang up after `delay_s`."""
        ...


async def serve(bus: EventBus, call: HeldCall, message: dict[str, Any]) -> bool:
    """Answer a watch or release request about `call`; False for any other message (a control)."""
    action = message.get("action")
    if action == WATCH:
        await _watch(bus, call, message)
    elif action == RELEASE:
        stale_s = float(message.get("stale_s", 2.0))
        released = call.idle_s >= stale_s
        await relay.answer(bus, message, released=released)
        if released:
            log.info("a new call for this interview replaces one without media for %.1f s", call.idle_s)
            call.close_soon(0.0)
    else:
        return False
    return True


async def _watch(bus: EventBus, call: HeldCall, message: dict[str, Any]) -> None:
    try:
        sdp = await call.watch(
            str(message["watcher"]), str(message["sdp"]), str(message["type"]), bool(message.get("talk"))
        )
    except (InvalidOfferError, KeyError, ValueError) as exc:
        await relay.answer(bus, message, error=str(exc) or type(exc).__name__)
        return
    await relay.answer(bus, message, sdp=sdp)
