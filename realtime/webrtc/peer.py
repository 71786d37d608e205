"""One candidate's WebRTC connection, owning every task it starts.

Inbound audio goes to the speech pipeline and the recorder, video to the recorder, and a data channel
carries questions and captions. `close()` is idempotent.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import av
import numpy as np
from aiortc import RTCConfiguration, RTCIceServer, RTCPeerConnection
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from realtime.errors import InvalidOfferError
from realtime.presence.presence import PresenceSampler
from realtime.speech.pipeline import SpeechPipeline
from realtime.voice.voice import AgentVoice
from realtime.webrtc.clock import MediaClock, VideoClock
from realtime.webrtc.inbox import MessageGate
from realtime.webrtc.owned import OwnedTasks, answer_offer
from realtime.webrtc.recorder import Recorder
from realtime.webrtc.resample import Resampler
from realtime.webrtc.sdp import check_offer
from realtime.webrtc.taps import FrameTap, copy_frame
from realtime.webrtc.watcher import WatcherPeer

log = logging.getLogger(__name__)

RECV_TIMEOUT_S = 5.0
AUDIO_CHECK_S = 8.0  # connected this long without sound from the microphone: the page tells the candidate
SOUND_PEAK = 300  # int16 peak above which a frame is sound, not a muted or dead microphone


class CandidatePeer:
    """Server side of one candidate call."""

    def __init__(
        self,
        peer_id: str,
        pipeline: SpeechPipeline,
        recorder: Recorder | None,
        on_closed: Callable[[CandidatePeer], Awaitable[None]],
        on_message: Callable[[dict[str, Any]], Awaitable[None]] | None = None,
        disconnect_timeout_s: float = 10.0,
        voice: AgentVoice | None = None,
        presence: PresenceSampler | None = None,
        gate: MessageGate | None = None,
        ice_servers: list[RTCIceServer] | None = None,
    ) -> None:
        self.peer_id = peer_id
        self.pipeline = pipeline
        self.recorder = recorder
        self._on_closed = on_closed
        self._on_message = on_message
        self._disconnect_timeout = disconnect_timeout_s
        self.voice = voice
        self.presence = presence
        if voice is not None and recorder is not None:
            voice.on_audio = recorder.add_agent_audio  # the recording has both sides of the call
        self._taps: dict[str, set[FrameTap]] = {"audio": set(), "video": set()}
        self._watchers: set[WatcherPeer] = set()
        # TURN too (when configured): a browser allowed only relayed media pairs with our relay candidates.
        self._ice_servers = list(ice_servers or [])
        self._pc = RTCPeerConnection(RTCConfiguration(iceServers=self._ice_servers))
        self._tasks = OwnedTasks(peer_id)
        self._channel: Any = None
        # Why the call broke, if it did: ice_failed, never_connected or disconnected.
        self.failure: str | None = None
        self.gate = gate or MessageGate()
        self._channel_open = asyncio.Event()
        self._audio_started_at: float | None = None
        self._sound_heard = False
        self._media_at = time.monotonic()  # the last audio frame's arrival (or the call's start)
        self._closed = False
        self.connected = asyncio.Event()
        self.started_at = time.time()

    async def answer(self, sdp: str, kind: str) -> str:
        """Accept the browser's offer and return our SDP answer (ICE candidates included)."""
        check_offer(sdp, kind)
        pc = self._pc
        pc.on("track", self._on_track)
        pc.on("datachannel", self._on_datachannel)
        pc.on("connectionstatechange", self._on_state)
        answer = await answer_offer(pc, sdp, [self.voice] if self.voice is not None else [])
        self.pipeline.start()
        if self.presence is not None:
            self._spawn(self.presence.run(), "presence")
        self._spawn(self._watch_connect(), "connect-timeout")
        return answer

    def _spawn(self, coro: Awaitable[None], name: str) -> None:
        self._tasks.spawn(coro, name)

    def _on_track(self, track: MediaStreamTrack) -> None:
        if track.kind == "audio":
            self._spawn(self._read_audio(track), "audio")
        elif track.kind == "video":
            self._spawn(self._read_video(track), "video")

    def _on_datachannel(self, channel: Any) -> None:
        self._channel = channel
        self._channel_open.set()

        @channel.on("message")  # type: ignore[untyped-decorator]
        def on_message(message: str | bytes) -> None:
            if self._on_message is None or not isinstance(message, str):
                return
            if not self._admit(len(message.encode())):
                return
            try:
                data = json.loads(message)
            except ValueError:
                return
            if isinstance(data, dict):
                self._spawn(self._on_message(data), "message")

    def _admit(self, size: int) -> bool:
        """Let a page message through the gate; log the first drop of each kind, then every hundredth."""
        verdict = self.gate.allow(size, time.monotonic())
        if verdict == "ok":
            return True
        count = self.gate.dropped_large if verdict == "too_large" else self.gate.dropped_fast
        if count == 1 or count % 100 == 0:
            log.warning(
                "peer %s: dropped a data channel message (%s, %d bytes; %d dropped so far)",
                self.peer_id,
                verdict,
                size,
                count,
            )
        return False

    async def _on_state(self) -> None:
        state = self._pc.connectionState
        log.info("peer %s connection %s", self.peer_id, state)
        if state == "connected":
            if not self.connected.is_set():
                self._spawn(self._check_audio(), "audio-check")
            self.connected.set()
        elif state in ("failed", "closed"):
            if state == "failed" and not self._closed:
                self.failure = self.failure or "ice_failed"
            self._spawn(self.close(), "close")
        elif state == "disconnected":
            self._spawn(self._close_unless_reconnected(), "disconnect-timeout")

    async def _watch_connect(self) -> None:
        try:
            await asyncio.wait_for(self.connected.wait(), self._disconnect_timeout * 3)
        except TimeoutError:
            log.warning("peer %s never connected; closing", self.peer_id)
            self.failure = self.failure or "never_connected"
            self._spawn(self.close(), "close")

    async def _close_unless_reconnected(self) -> None:
        await asyncio.sleep(self._disconnect_timeout)
        if self._pc.connectionState != "connected":
            self.failure = self.failure or "disconnected"
            await self.close()

    async def _recv(self, track: MediaStreamTrack) -> object:
        """The track's next frame; TimeoutError after RECV_TIMEOUT_S without one once connected.

        Before the connection is up no media can come (a slow DTLS handshake on a loaded machine took
        over 5 s): waiting then is not a dead call, and the connect watchdog closes one that never
        connects. A reader that gave up then would leave the call deaf and unrecorded.
        """
        while True:
            try:
                return await asyncio.wait_for(track.recv(), RECV_TIMEOUT_S)
            except TimeoutError:
                if self.connected.is_set():
                    raise

    async def _read_audio(self, track: MediaStreamTrack) -> None:
        resampler = Resampler()
        clock = MediaClock(rate_in=48000, rate_out=resampler.rate)
        try:
            while True:
                frame = await self._recv(track)
                if not isinstance(frame, av.AudioFrame):
                    continue
                self._media_at = time.monotonic()
                if self._audio_started_at is None:
                    self._audio_started_at = self._media_at
                lost = clock.gap(frame.pts, frame.samples) if frame.sample_rate == 48000 else 0
                if lost:  # packets lost on the way: silence keeps later times on the media clock
                    await self.pipeline.push(np.zeros(lost, np.int16))
                samples = resampler.resample(frame)
                if not self._sound_heard and samples.size and int(np.abs(samples).max()) > SOUND_PEAK:
                    self._sound_heard = True  # the page stops warning about the microphone
                    self._spawn(self._report_audio(True), "audio-heard")
                self._offer_to_taps("audio", frame)
                if self.recorder is not None:
                    self.recorder.add_audio(frame)
                await self.pipeline.push(samples)
        except (MediaStreamError, TimeoutError):
            log.info("peer %s audio ended (%.1f s lost on the network, filled)", self.peer_id, clock.filled_s)
        await self.pipeline.push(resampler.flush())
        # No audio for RECV_TIMEOUT_S, or the track ended: the candidate is gone (a closed tab, a dead
        # network). Closing now stores what they said and frees the interview for their rejoin.
        if not self._closed:
            self._spawn(self.close(), "close")

    async def _check_audio(self) -> None:
        await asyncio.sleep(AUDIO_CHECK_S)
        if not self._sound_heard:
            log.warning(
                "peer %s: no sound from the microphone %.0f s after connecting", self.peer_id, AUDIO_CHECK_S
            )
            await self._report_audio(False)

    async def _report_audio(self, heard: bool) -> None:
        """Tell the page whether the candidate's microphone reaches us (it explains what to check)."""
        await self.send({"type": "audio", "heard": heard})

    async def _read_video(self, track: MediaStreamTrack) -> None:
        clock = VideoClock()
        try:
            while True:
                frame = await self._recv(track)
                if not isinstance(frame, av.VideoFrame):
                    continue
                self._offer_to_taps("video", frame)
                if self._audio_started_at is None or frame.pts is None:
                    continue  # the media clock starts with the candidate's audio
                t = clock.seconds(frame.pts, time.monotonic() - self._audio_started_at)
                if self.presence is not None:
                    self.presence.offer(frame, t)
                if self.recorder is not None:
                    self.recorder.add_video(frame, t)
        except (MediaStreamError, TimeoutError):
            log.info("peer %s video ended", self.peer_id)

    async def watch(self, watcher_id: str, sdp: str, kind: str, talk: bool = False) -> str:
        """Let a console see and hear the candidate, or (`talk`) speak to them.

        Watching relays the candidate's media (they upload once); talking mixes the console's microphone
        into the agent's outbound track.
        """
        if self._closed:
            raise InvalidOfferError("the candidate's call has ended")
        taps = [] if talk else [self._tap("audio"), self._tap("video")]
        feed = self.voice.feed_live if talk and self.voice is not None else None
        watcher = WatcherPeer(watcher_id, taps, feed, self._forget_watcher, self._ice_servers)
        self._watchers.add(watcher)
        try:
            return await watcher.answer(sdp, kind)
        except Exception:
            await watcher.close()
            raise

    @property
    def heard_time(self) -> float:
        """The media clock as VAD has heard it (turn-taking decides on it)."""
        return self.pipeline.heard_time

    @property
    def idle_s(self) -> float:
        """Seconds since the candidate's last audio frame (since the call started, before the first)."""
        return time.monotonic() - self._media_at

    @property
    def sound(self) -> bool:
        """Whether the candidate's newest audio is above the noise floor."""
        return self.pipeline.sound

    def metrics(self) -> dict[str, Any]:
        """What an operator needs to see of this call."""
        p = self.pipeline
        return {
            "audio_s": round(p.audio_time, 1),
            "final_lag_s": None if p.final_lag_s is None else round(p.final_lag_s, 3),
            "final_lag_max_s": round(p.final_lag_max_s, 3),
            "partials_skipped": p.partials_skipped,
            "agent_speaking": bool(self.voice is not None and self.voice.speaking),
            "watchers": len(self._watchers),
            "presence_samples": None if self.presence is None else self.presence.samples,
            "messages_dropped": self.gate.dropped_large + self.gate.dropped_fast,
        }

    @property
    def watchers(self) -> int:
        """Consoles connected to this call."""
        return len(self._watchers)

    def _offer_to_taps(self, kind: str, frame: av.AudioFrame | av.VideoFrame) -> None:
        taps = self._taps[kind]
        if taps:
            copy = copy_frame(frame)  # one copy for the viewers; the recorder keeps the original
            for tap in list(taps):
                tap.offer(copy)

    def _tap(self, kind: str) -> FrameTap:
        tap = FrameTap(kind)
        self._taps[kind].add(tap)
        return tap

    async def _forget_watcher(self, watcher: WatcherPeer) -> None:
        self._watchers.discard(watcher)
        for tap in watcher.taps:
            self._taps[tap.kind].discard(tap)

    async def send(self, message: dict[str, Any]) -> bool:
        """Send a JSON message on the data channel; False when it is not open (yet or any more)."""
        if self._closed:
            return False
        try:
            await asyncio.wait_for(self._channel_open.wait(), 5.0)
        except TimeoutError:
            return False
        if self._channel is None or self._channel.readyState != "open":
            return False
        self._channel.send(json.dumps(message, ensure_ascii=False))
        return True

    def close_soon(self, delay_s: float) -> None:
        """Close after `delay_s`, giving the page time to show the last message and hang up itself."""

        async def later() -> None:
            await asyncio.sleep(delay_s)
            await self.close()

        self._spawn(later(), "close-soon")

    @property
    def closed(self) -> bool:
        """Whether `close()` has been called."""
        return self._closed

    async def close(self) -> None:
        """Stop media, flush transcription and recording, and notify the owner. Idempotent."""
        if self._closed:
            return
        self._closed = True
        await self._pc.close()
        if self.voice is not None:
            self.voice.stop()
        await asyncio.gather(*(w.close() for w in list(self._watchers)), return_exceptions=True)
        await self._tasks.cancel_all()
        if self.presence is not None:
            await self.presence.finish()
        await self.pipeline.close()
        if self.recorder is not None:
            await asyncio.to_thread(self.recorder.close)
        await self._on_closed(self)
