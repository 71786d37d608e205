"""What every server-side WebRTC connection of ours shares: tasks it owns and the SDP answer."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Iterable

from aiortc import RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamTrack

from realtime.errors import InvalidOfferError


class OwnedTasks:
    """Tasks one connection starts: named after it, tracked, and cancelled together when it closes."""

    def __init__(self, owner: str) -> None:
        self._owner = owner
        self._tasks: set[asyncio.Task[None]] = set()

    def spawn(self, coro: Awaitable[None], name: str) -> None:
        """Run `coro` as a task this owner will stop."""
        task = asyncio.ensure_future(coro)
        task.set_name(f"{self._owner}:{name}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def cancel_all(self) -> None:
        """Cancel every task but the calling one, and wait for them to end."""
        current = asyncio.current_task()
        pending = [t for t in self._tasks if t is not current]
        for task in pending:
            task.cancel()
        for task in pending:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


async def answer_offer(pc: RTCPeerConnection, sdp: str, outbound: Iterable[MediaStreamTrack]) -> str:
    """Apply a browser's offer, add our outbound tracks to its transceivers, and return our answer."""
    try:
        await pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="offer"))
        for track in outbound:
            pc.addTrack(track)
        await pc.setLocalDescription(await pc.createAnswer())
    except (ValueError, KeyError, IndexError) as exc:
        raise InvalidOfferError(f"the SDP offer could not be used: {exc}") from exc
    return str(pc.localDescription.sdp)
