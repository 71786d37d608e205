"""An interviewer's console connected to a live call.

It receives copies of the candidate's audio and video (taps on the candidate's peer: the candidate
uploads once), and when the interviewer takes over it sends their microphone, which the candidate's
peer mixes into the agent's outbound track. `close()` is idempotent; the candidate's peer closes its
watchers when the call ends.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

import av
import numpy as np
from aiortc import RTCConfiguration, RTCIceServer, RTCPeerConnection
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from realtime.webrtc.owned import OwnedTasks, answer_offer
from realtime.webrtc.resample import Resampler
from realtime.webrtc.sdp import check_offer
from realtime.webrtc.taps import FrameTap

log = logging.getLogger(__name__)
RECV_TIMEOUT_S = 5.0
CONNECT_TIMEOUT_S = 30.0


class WatcherPeer:
    """Server side of one console's media connection."""

    def __init__(
        self,
        peer_id: str,
        taps: list[FrameTap],
        feed: Callable[[np.ndarray], None] | None,
        on_closed: Callable[[WatcherPeer], Awaitable[None]],
        ice_servers: list[RTCIceServer] | None = None,
    ) -> None:
        self.peer_id = peer_id
        self.taps = taps
        self._feed = feed
        self._on_closed = on_closed
        self._pc = RTCPeerConnection(RTCConfiguration(iceServers=list(ice_servers or [])))
        self._tasks = OwnedTasks(peer_id)
        self._connected = asyncio.Event()
        self._closed = False

    async def answer(self, sdp: str, kind: str) -> str:
        """Accept the console's offer: receive-only to watch, with a microphone to talk."""
        check_offer(sdp, kind, need_microphone=self._feed is not None)
        pc = self._pc
        pc.on("track", self._on_track)
        pc.on("connectionstatechange", self._on_state)
        answer = await answer_offer(pc, sdp, self.taps)
        self._spawn(self._watch_connect(), "connect-timeout")
        return answer

    def _spawn(self, coro: Awaitable[None], name: str) -> None:
        self._tasks.spawn(coro, name)

    def _on_track(self, track: MediaStreamTrack) -> None:
        if track.kind == "audio" and self._feed is not None:
            self._spawn(self._read_microphone(track), "microphone")

    async def _read_microphone(self, track: MediaStreamTrack) -> None:
        assert self._feed is not None
        resampler = Resampler(rate=48000)
        try:
            while True:
                frame = await asyncio.wait_for(track.recv(), RECV_TIMEOUT_S)
                if isinstance(frame, av.AudioFrame):
                    self._feed(resampler.resample(frame))
        except (MediaStreamError, TimeoutError):
            log.info("watcher %s microphone ended", self.peer_id)

    async def _on_state(self) -> None:
        state = self._pc.connectionState
        log.info("watcher %s connection %s", self.peer_id, state)
        if state == "connected":
            self._connected.set()
        elif state in ("failed", "closed", "disconnected"):
            self._spawn(self.close(), "close")

    async def _watch_connect(self) -> None:
        try:
            await asyncio.wait_for(self._connected.wait(), CONNECT_TIMEOUT_S)
        except TimeoutError:
            log.warning("watcher %s never connected; closing", self.peer_id)
            self._spawn(self.close(), "close")

    async def close(self) -> None:
        """Stop the copies and the connection. Idempotent."""
        if self._closed:
            return
        self._closed = True
        for tap in self.taps:
            tap.stop()
        await self._pc.close()
        await self._tasks.cancel_all()
        await self._on_closed(self)
