"""Resampling, SDP checks and the recorder, on frames shaped like the ones aiortc delivers."""

from __future__ import annotations

import subprocess
import sys
import time
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from realtime.errors import InvalidOfferError, NoAudioTrackError
from realtime.webrtc.recorder import Recorder
from realtime.webrtc.resample import Resampler
from realtime.webrtc.sdp import check_offer


def browser_audio_frame(pts: int, freq: float = 440.0) -> av.AudioFrame:
    """A 20 ms stereo s16 48 kHz frame, as aiortc decodes Opus."""
    t = (np.arange(960) + pts) / 48000
    mono = (np.sin(2 * np.pi * freq * t) * 8000).astype(np.int16)
    frame = av.AudioFrame.from_ndarray(np.repeat(mono, 2).reshape(1, -1), format="s16", layout="stereo")
    frame.sample_rate, frame.pts, frame.time_base = 48000, pts, Fraction(1, 48000)
    return frame


def test_resampler_gives_a_third_of_the_samples_and_keeps_the_pitch() -> None:
    resampler = Resampler()
    out = np.concatenate(
        [resampler.resample(browser_audio_frame(i * 960)) for i in range(50)] + [resampler.flush()]
    )
    assert out.dtype == np.int16 and abs(len(out) - 16000) <= 32
    spectrum = np.abs(np.fft.rfft(out[2000:14000].astype(float)))
    peak_hz = np.argmax(spectrum) * 16000 / len(out[2000:14000])
    assert abs(peak_hz - 440) < 5


OFFER = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"


def test_sdp_checks() -> None:
    check_offer(OFFER + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv\r\n", "offer")
    with pytest.raises(NoAudioTrackError):
        check_offer(OFFER + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n", "offer")
    with pytest.raises(NoAudioTrackError):
        check_offer(OFFER + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=recvonly\r\n", "offer")
    with pytest.raises(InvalidOfferError, match="malformed"):
        check_offer("m=audio 9 x 1", "offer")


def video_frame(pts: int) -> av.VideoFrame:
    frame = av.VideoFrame.from_ndarray(np.full((240, 320, 3), pts % 255, np.uint8), format="rgb24")
    frame.pts, frame.time_base = pts, Fraction(1, 90000)
    return frame


def durations(path: Path) -> tuple[float, float]:
    with av.open(str(path)) as container:
        audio, video = container.streams.audio[0], container.streams.video[0]
        ends = {audio.index: 0, video.index: 0}
        for packet in container.demux(audio, video):
            if packet.pts is not None:
                ends[packet.stream.index] = max(ends[packet.stream.index], packet.pts + packet.duration)
        return float(ends[audio.index] * audio.time_base), float(ends[video.index] * video.time_base)


def test_recorder_writes_audio_and_video_with_matching_length(tmp_path: Path) -> None:
    path = tmp_path / "call.mp4"
    recorder = Recorder(path)
    rtp_start = 123456  # RTP clocks start anywhere: the recorder rebases them
    for i in range(250):  # 5 s of audio, 20 fps video
        recorder.add_audio(browser_audio_frame(rtp_start + i * 960))
        if i % 2 == 0:
            recorder.add_video(video_frame(999 + i * 1800), i * 0.02)
        time.sleep(0.004)  # roughly paced, as frames arrive from a call
    recorder.close()
    recorder.close()  # idempotent
    audio_s, video_s = durations(path)
    assert abs(audio_s - 5.0) < 0.1
    assert abs(video_s - 5.0) < 0.2


CRASH = """
import sys, os, time
sys.path.insert(0, {root!r})
from pathlib import Path
from tests.realtime.test_media_units import browser_audio_frame, video_frame
from realtime.webrtc.recorder import Recorder
r = Recorder(Path({path!r}), key={key!r})
for i in range(400):
    r.add_audio(browser_audio_frame(i * 960))
    if i % 2 == 0:
        r.add_video(video_frame(i * 1800), i * 0.02)
    time.sleep(0.004)
time.sleep(2)
os._exit(9)  # die without closing the file
"""


def crash_while_recording(path: Path, key: bytes | None = None) -> None:
    """A recorder process killed 8 s into a call (`key`: the recording is sealed)."""
    root = str(Path(__file__).resolve().parents[2])
    script = CRASH.format(root=root, path=str(path), key=key)
    subprocess.run([sys.executable, "-c", script], check=False, timeout=60)


def test_a_crash_leaves_a_playable_file(tmp_path: Path) -> None:
    path = tmp_path / "crashed.mp4"
    crash_while_recording(path)
    audio_s, _video_s = durations(path)
    assert audio_s >= 6.0  # 8 s were sent; every fragment but the one in flight survives


def test_the_audio_window_keeps_the_newest_audio_and_cuts_by_time() -> None:
    from realtime.speech.buffer import AudioWindow

    w = AudioWindow(rate=100, max_seconds=1.0)  # 100 samples kept
    for k in range(25):  # 2.5 s of audio in 10-sample pushes: the ring wraps twice
        w.append(np.arange(k * 10, k * 10 + 10, dtype=np.int16))
    assert w.end_time == 2.5
    got = (w.slice(1.6, 1.9) * 32768).round().astype(int)
    assert got.tolist() == list(range(160, 190))
    assert len(w.slice(0.0, 2.5)) == 100, "only the newest second is kept"
    assert (w.slice(1.45, 1.55) * 32768).round().astype(int).tolist() == list(range(150, 155))
    assert len(w.slice(2.4, 9.0)) == 10 and len(w.slice(3.0, 4.0)) == 0
    w.append(np.arange(1000, 1250, dtype=np.int16))  # more than the whole window at once
    assert (w.slice(4.9, 5.0) * 32768).round().astype(int).tolist() == list(range(1240, 1250))


def test_audio_lost_on_the_network_is_filled_so_times_stay_on_the_media_clock() -> None:
    from realtime.webrtc.clock import MediaClock

    clock = MediaClock()
    assert clock.gap(1000, 960) == 0  # the first frame sets the clock
    assert clock.gap(1960, 960) == 0  # on time
    assert clock.gap(1960 + 960 + 9600, 960) == 3200  # 200 ms missing at 48 kHz -> 3200 samples at 16 kHz
    assert clock.gap(1960 + 960 + 9600 + 960 + 100, 960) == 0  # jitter smaller than half a frame
    assert clock.gap(10_000_000, 960) == 0, "a jump of minutes is a restart, not loss"
    assert abs(clock.filled_s - 0.2) < 1e-9
