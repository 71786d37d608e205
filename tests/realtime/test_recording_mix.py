"""The recording carries both sides of the call: the agent's voice is mixed into the candidate's
audio at the moment it went out on the call."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from realtime.webrtc.recorder import Recorder


def candidate_frames(seconds: float) -> list[av.AudioFrame]:
    """Silent 20 ms frames as aiortc decodes them: s16 stereo 48 kHz, pts on the RTP clock."""
    frames = []
    for i in range(int(seconds * 50)):
        frame = av.AudioFrame.from_ndarray(np.zeros((1, 960 * 2), np.int16), format="s16", layout="stereo")
        frame.sample_rate, frame.pts, frame.time_base = 48000, 123_456 + i * 960, Fraction(1, 48000)
        frames.append(frame)
    return frames


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(samples)))) if len(samples) else 0.0


def test_the_agents_voice_is_mixed_in_at_its_time(tmp_path: Path) -> None:
    path = tmp_path / "call.mp4"
    recorder = Recorder(path)
    frames = candidate_frames(2.0)
    recorder.add_audio(frames[0])
    started = recorder._audio_started
    assert started is not None
    t = np.arange(int(0.4 * 48000)) / 48000
    voice = (12000 * np.sin(2 * np.pi * 300 * t)).astype(np.int16)
    for k in range(20):  # 0.4 s of the agent speaking, 0.8 s into the call, in 20 ms chunks
        recorder.add_agent_audio(voice[k * 960 : (k + 1) * 960], started + 0.8 + k * 0.02)
    for frame in frames[1:]:
        recorder.add_audio(frame)
    recorder.close()

    with av.open(str(path)) as container:
        audio = np.concatenate([f.to_ndarray().reshape(-1) for f in container.decode(audio=0)])
    rate = 48000
    assert rms(audio[: int(0.7 * rate)]) < 0.01, "silence before the agent spoke"
    assert rms(audio[int(0.85 * rate) : int(1.15 * rate)]) > 0.1, "the agent's voice is in the recording"
    assert rms(audio[int(1.3 * rate) : int(1.9 * rate)]) < 0.01, "and stops when the agent stopped"
