"""Audio/video sync of a recording, measured: a simulated call with markers, and a detector for them.

The simulated camera shows a bright frame and the microphone beeps (1 kHz) at the same instant every
few seconds, stamped the way aiortc delivers them (48 kHz and 90 kHz RTP clocks starting anywhere),
with packets lost on the way. Reading the file back, the audio is taken sample by sample (as a player
plays it) and the video by its timestamps; each marker's offset is video onset minus audio onset.
Drift is how far the offset moves from the first marker to the last.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from realtime.webrtc.clock import VideoClock
from realtime.webrtc.recorder import Recorder

RATE = 48000
FRAME = 960  # 20 ms
FPS = 20
BEEP_S = 0.1


@dataclass
class SyncResult:
    markers: int
    first_offset_ms: float
    drift_ms: float  # largest change of the offset from the first marker
    audio_s: float
    video_s: float


def _audio_frame(pts: int, beep: bool) -> av.AudioFrame:
    if beep:
        t = np.arange(FRAME) / RATE
        mono = (np.sin(2 * np.pi * 1000 * t) * 12000).astype(np.int16)
    else:
        mono = np.zeros(FRAME, np.int16)
    frame = av.AudioFrame.from_ndarray(np.repeat(mono, 2).reshape(1, -1), format="s16", layout="stereo")
    frame.sample_rate, frame.pts, frame.time_base = RATE, pts, Fraction(1, RATE)
    return frame


def _video_frame(pts: int, bright: bool, width: int, height: int) -> av.VideoFrame:
    level = 235 if bright else 30
    frame = av.VideoFrame.from_ndarray(np.full((height, width, 3), level, np.uint8), format="rgb24")
    frame.pts, frame.time_base = pts, Fraction(1, 90000)
    return frame


def simulate_call(
    path: Path,
    seconds: float,
    *,
    marker_every_s: float = 10.0,
    audio_loss: float = 0.02,
    video_start_s: float = 0.35,
    width: int = 160,
    height: int = 120,
    seed: int = 7,
    key: bytes | None = None,
) -> Recorder:
    """Feed a recorder a call of `seconds` with sync markers; returns the closed recorder (sealed with
    `key` when given)."""
    rng = random.Random(seed)
    recorder = Recorder(path, width=width, height=height, key=key)
    audio_rtp, video_rtp = rng.randrange(2**31), rng.randrange(2**31)
    video_clock = VideoClock()
    audio_frames = int(seconds * RATE / FRAME)
    video_every = 1 / FPS
    next_video = video_start_s
    burst = 0
    for i in range(audio_frames):
        t = i * FRAME / RATE
        since_marker = (round(t * 1000) % round(marker_every_s * 1000)) / 1000
        beep = since_marker < BEEP_S
        near_marker = since_marker < BEEP_S + 0.1 or since_marker > marker_every_s - 0.1
        if burst == 0 and rng.random() < audio_loss / 3:
            burst = rng.randint(1, 5)  # losses come in bursts of 20-100 ms
        if burst and not near_marker:
            burst -= 1
        else:
            recorder.add_audio(_audio_frame(audio_rtp + i * FRAME, beep))
        while next_video < t + FRAME / RATE:  # the camera's frames that fall in this 20 ms
            pts = video_rtp + round((next_video - video_start_s) * 90000)
            bright = round(next_video * 1000) % round(marker_every_s * 1000) < BEEP_S * 1000
            media_t = video_clock.seconds(pts, video_start_s)
            recorder.add_video(_video_frame(pts, bright, width, height), media_t)
            next_video += video_every
        while recorder.backlog > 20:  # faster than real time, but never faster than the encoder
            time.sleep(0.0005)
    recorder.close(timeout=120)
    return recorder


def _onsets(times: np.ndarray, active: np.ndarray, min_gap_s: float) -> list[float]:
    out: list[float] = []
    previous = False
    for t, on in zip(times, active, strict=True):
        if on and not previous and (not out or t - out[-1] >= min_gap_s):
            out.append(float(t))
        previous = bool(on)
    return out


def measure(path: Path, marker_every_s: float = 10.0) -> SyncResult:
    """Find the markers in a recording and return their A/V offsets."""
    with av.open(str(path)) as container:
        chunks = [f.to_ndarray().reshape(-1) for f in container.decode(audio=0)]
    audio = np.concatenate(chunks).astype(np.float32)
    window = RATE // 200  # 5 ms
    energy = np.sqrt(np.mean(audio[: len(audio) // window * window].reshape(-1, window) ** 2, axis=1))
    audio_on = _onsets(np.arange(len(energy)) * window / RATE, energy > 0.05, marker_every_s / 2)
    times, levels = [], []
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        for frame in container.decode(stream):
            times.append(float(frame.pts * stream.time_base))
            levels.append(frame.to_ndarray(format="gray").mean())
    video_on = _onsets(np.array(times), np.array(levels) > 130, marker_every_s / 2)
    offsets = []
    for heard in audio_on:  # each beep with the flash nearest to it (the camera may start later)
        seen = min(video_on, key=lambda v: abs(v - heard), default=None)
        if seen is not None and abs(seen - heard) < marker_every_s / 2:
            offsets.append((seen - heard) * 1000)
    return SyncResult(
        markers=len(offsets),
        first_offset_ms=offsets[0] if offsets else float("nan"),
        drift_ms=max((abs(o - offsets[0]) for o in offsets), default=float("nan")),
        audio_s=len(audio) / RATE,
        video_s=times[-1] if times else 0.0,
    )
