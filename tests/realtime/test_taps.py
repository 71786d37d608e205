"""Copies of the candidate's media for consoles: independent frames, a bounded backlog, a clean end."""

from __future__ import annotations

import av
import numpy as np
import pytest
from aiortc.mediastreams import MediaStreamError

from realtime.webrtc.taps import AUDIO_BACKLOG, FrameTap, copy_frame


def audio_frame(pts: int) -> av.AudioFrame:
    frame = av.AudioFrame.from_ndarray(
        np.full((1, 960 * 2), pts % 100, np.int16), format="s16", layout="stereo"
    )
    frame.sample_rate, frame.pts = 48000, pts
    return frame


def test_a_copy_does_not_change_when_the_recorder_rebases_the_original() -> None:
    original = audio_frame(960)
    copy = copy_frame(original)
    original.pts = 0
    assert copy.pts == 960 and copy.sample_rate == 48000
    video = av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8), format="rgb24")
    video.pts = 90
    vcopy = copy_frame(video)
    video.pts = 1
    assert vcopy.pts == 90 and (vcopy.width, vcopy.height) == (64, 48)


async def test_a_slow_viewer_drops_its_oldest_frames_and_the_video_keeps_only_the_newest() -> None:
    audio = FrameTap("audio")
    for i in range(AUDIO_BACKLOG + 10):
        audio.offer(audio_frame(i * 960))
    assert audio.dropped == 10
    assert (await audio.recv()).pts == 10 * 960, "the oldest frames were dropped, not the newest"
    video = FrameTap("video")
    for i in range(5):
        frame = av.VideoFrame.from_ndarray(np.zeros((8, 8, 3), np.uint8), format="rgb24")
        frame.pts = i
        video.offer(frame)
    assert (await video.recv()).pts == 4


async def test_a_stopped_tap_ends_the_viewers_track() -> None:
    tap = FrameTap("audio")
    tap.stop()
    with pytest.raises(MediaStreamError):
        await tap.recv()
