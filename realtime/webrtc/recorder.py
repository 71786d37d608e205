"""Records a call's audio and video to one fragmented MP4, encoding in a thread of its own.

The agent's voice is mixed into the candidate's audio track, placed by the wall clock relative to
the first candidate frame (both run in real time; a late chunk is mixed where encoding has reached).

Fragmented MP4 (`empty_moov`, a fragment at least every second) stays playable if the process dies:
at most the fragment in flight is lost. Encoding H.264 on the event loop would stall live calls,
so frames cross a bounded queue to an encoder thread; when it falls behind, video frames are dropped
(and counted) before audio ever is.

Given a key, the MP4 is written through a `SealedWriter` (AES-256-GCM in 64 KiB chunks): nothing
reaches the disk in clear, and a crash still leaves a decryptable, playable prefix.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections import deque
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from realtime.webrtc.clock import MediaClock
from realtime.webrtc.scaler import FrameScaler
from realtime.webrtc.sealed_file import SealedWriter
from realtime.workers.priority import yield_to_live_work

log = logging.getLogger(__name__)

AUDIO_RATE = 48000
MAX_AGENT_CHUNKS = 3000  # 60 s of 20 ms chunks waiting to be mixed
VIDEO_CLOCK = 90000


def silence_like(frame: av.AudioFrame, samples: int, pts: int) -> av.AudioFrame:
    """`samples` of silence in the format, layout and rate of `frame`."""
    channels = len(frame.layout.channels)
    shape = (channels, samples) if frame.format.is_planar else (1, samples * channels)
    dtype = frame.to_ndarray().dtype
    out = av.AudioFrame.from_ndarray(
        np.zeros(shape, dtype), format=frame.format.name, layout=frame.layout.name
    )
    out.sample_rate, out.pts, out.time_base = frame.sample_rate, pts, frame.time_base
    return out


def private_dir(folder: Path) -> None:
    """Create `folder` and its missing parents readable by the server's user only (0700).

    Folders that already exist are left as they are (the data dir may be a mounted volume).
    """
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir(mode=0o700, exist_ok=True)
        os.chmod(made, 0o700)  # mkdir's mode is filtered by the umask


def private_file(path: Path) -> None:
    """Create `path` empty and 0600 (its folder 0700) before the encoder opens it.

    Recordings are candidates' faces and voices: other users of the machine must not read them. The
    encoder truncates the file it is given but keeps its mode, so the mode is set before a byte is
    written, whatever the process's umask.
    """
    private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


class Recorder:
    """Writes frames from aiortc tracks to `path`; `close()` flushes and finalises the file."""

    def __init__(
        self,
        path: Path,
        *,
        width: int = 640,
        height: int = 480,
        max_video_pending: int = 40,
        max_queue: int = 3000,
        key: bytes | None = None,
    ) -> None:
        self.path = path
        self._key = key  # 32 bytes: seal the file (see sealed_file.py); None writes a plain MP4
        self._width, self._height = width, height
        # One queue keeps audio and video in arrival order; video may hold at most 2 s of it.
        self._queue: queue.Queue[tuple[str, av.AudioFrame | av.VideoFrame] | None] = queue.Queue(
            maxsize=max_queue
        )
        self._max_video_pending = max_video_pending
        self._video_pending = 0
        self._audio_origin: int | None = None
        self._clock = MediaClock(rate_in=AUDIO_RATE, rate_out=AUDIO_RATE)
        self._last_video_pts = -1
        self.dropped_video = 0
        self.dropped_audio = 0
        self.audio_seconds = 0.0
        self._audio_started: float | None = None  # monotonic time of the first candidate audio frame
        self._agent: deque[tuple[int, np.ndarray]] = deque()  # (sample index, 48 kHz mono int16)
        self._agent_lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name=f"recorder-{path.stem}", daemon=True)
        self._closed = False
        private_file(path)
        self._thread.start()

    def add_audio(self, frame: av.AudioFrame) -> None:
        """Queue one decoded audio frame (pts on the RTP clock, 48 kHz)."""
        if self._closed or frame.pts is None:
            return
        if self._audio_origin is None:
            self._audio_origin = frame.pts
            self._audio_started = time.monotonic()
        frame.pts -= self._audio_origin
        lost = self._clock.gap(frame.pts, frame.samples)
        if lost:  # packets lost on the way: silence keeps the audio track as long as the call (no drift)
            self._put_audio(silence_like(frame, lost, frame.pts - lost))
        self._put_audio(frame)

    def _put_audio(self, frame: av.AudioFrame) -> None:
        try:
            self._queue.put_nowait(("a", frame))
        except queue.Full:
            self.dropped_audio += 1
            log.warning("recorder queue full: dropped an audio frame (%d so far)", self.dropped_audio)

    def add_video(self, frame: av.VideoFrame, t: float) -> None:
        """Queue one decoded video frame at media time `t` (seconds after the first audio frame)."""
        if self._closed or self._audio_origin is None:
            return
        pts = int(round(t * VIDEO_CLOCK))
        if pts <= self._last_video_pts:
            return
        self._last_video_pts = pts
        frame.pts = pts
        if self._video_pending >= self._max_video_pending:
            self.dropped_video += 1
            return
        try:
            self._queue.put_nowait(("v", frame))
            self._video_pending += 1
        except queue.Full:
            self.dropped_video += 1

    def add_agent_audio(self, samples: np.ndarray, at: float) -> None:
        """The agent's voice (48 kHz mono int16) that went out on the call at monotonic time `at`."""
        if self._closed or self._audio_started is None or not samples.any():
            return
        index = int((at - self._audio_started) * AUDIO_RATE)
        with self._agent_lock:
            if len(self._agent) < MAX_AGENT_CHUNKS:
                self._agent.append((max(index, 0), samples.astype(np.int16, copy=True)))

    def _mix_agent(self, out: av.AudioFrame, start: int) -> av.AudioFrame:
        """Add the agent's samples that fall in [start, start + out.samples) (or are overdue)."""
        end = start + out.samples
        with self._agent_lock:
            due = []
            while self._agent and self._agent[0][0] < end:
                due.append(self._agent.popleft())
        if not due:
            return out
        mixed = out.to_ndarray().reshape(-1).astype(np.float32).copy()
        for index, samples in due:
            at = max(index - start, 0)
            part = samples[: len(mixed) - at].astype(np.float32) / 32768.0
            mixed[at : at + len(part)] += part
            rest = samples[len(part) :]
            if len(rest):  # the chunk runs into the next frame
                with self._agent_lock:
                    self._agent.appendleft((end, rest))
        frame = av.AudioFrame.from_ndarray(
            np.clip(mixed, -1.0, 1.0).reshape(1, -1), format="fltp", layout="mono"
        )
        frame.sample_rate = out.sample_rate
        return frame

    def close(self, timeout: float = 10.0) -> None:
        """Flush the encoders and finalise the file. Idempotent; blocks up to `timeout` seconds."""
        if self._closed:
            return
        self._closed = True
        while True:
            try:
                self._queue.put(None, timeout=timeout)
                break
            except queue.Full:  # pragma: no cover - encoder wedged
                log.error("recorder for %s did not drain; file may be truncated", self.path)
                return
        self._thread.join(timeout)
        if self.dropped_video:
            log.info("recorder dropped %d video frames for %s", self.dropped_video, self.path.name)
        if self._clock.filled_s:
            log.info(
                "recorder filled %.2f s of lost audio with silence in %s",
                self._clock.filled_s,
                self.path.name,
            )

    @property
    def filled_s(self) -> float:
        """Seconds of lost candidate audio replaced by silence."""
        return self._clock.filled_s

    @property
    def backlog(self) -> int:
        """Frames waiting for the encoder thread."""
        return self._queue.qsize()

    def _run(self) -> None:
        yield_to_live_work()  # before the codec starts its threads: they inherit the priority
        try:
            self._encode_all()
        except Exception:
            log.exception("recording %s failed", self.path)
            while self._queue.get() is not None:
                pass

    def _encode_all(self) -> None:
        sealed = SealedWriter(self.path, self._key) if self._key is not None else None
        try:
            self._encode_into(sealed)
        finally:
            if sealed is not None:
                sealed.close()  # the final chunk marks the file complete

    def _encode_into(self, sealed: SealedWriter | None) -> None:
        container = av.open(
            sealed if sealed is not None else str(self.path),
            mode="w",
            format="mp4",
            # A fragment at least every second, flushed to disk as it is written.
            options={
                "movflags": "frag_keyframe+empty_moov+default_base_moof",
                "frag_duration": "1000000",
                "flush_packets": "1",
            },
        )
        audio = container.add_stream("aac", rate=AUDIO_RATE, layout="mono")
        video = container.add_stream(
            "libx264", rate=20, options={"preset": "ultrafast", "tune": "zerolatency"}
        )
        video.width, video.height, video.pix_fmt = self._width, self._height, "yuv420p"
        video.codec_context.time_base = Fraction(1, VIDEO_CLOCK)
        resampler = av.AudioResampler(format="fltp", layout="mono", rate=AUDIO_RATE)
        scaler = FrameScaler(self._width, self._height, "yuv420p")  # this thread's own (see scaler.py)
        try:
            while (item := self._queue.get()) is not None:
                kind, frame = item
                if isinstance(frame, av.AudioFrame):
                    self._encode_audio(container, audio, resampler, frame)
                else:
                    self._video_pending -= 1
                    out = scaler.frame(frame)
                    out.pts, out.time_base = frame.pts, Fraction(1, VIDEO_CLOCK)
                    container.mux(video.encode(out))
            container.mux(audio.encode(None))
            container.mux(video.encode(None))
        finally:
            container.close()

    def _encode_audio(
        self,
        container: av.container.OutputContainer,
        stream: av.AudioStream,
        resampler: av.AudioResampler,
        frame: av.AudioFrame,
    ) -> None:
        pts = frame.pts or 0
        for resampled in resampler.resample(frame):
            out = self._mix_agent(resampled, pts)
            out.pts, out.time_base = pts, Fraction(1, AUDIO_RATE)
            pts += out.samples
            self.audio_seconds = pts / AUDIO_RATE
            container.mux(stream.encode(out))
