"""Work a call can wait for (encoding the recording, face samples) runs below recognition's CPU priority,
so on a loaded machine transcripts do not queue behind video frames."""

from __future__ import annotations

import os
import threading
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from realtime.presence.faces import FaceDetector, find_face_python
from realtime.webrtc.recorder import Recorder
from realtime.workers.priority import BACKGROUND_NICENESS

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="per-thread nice is Linux's")


def niceness(tid: int) -> int:
    fields = Path(f"/proc/self/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[16])  # field 19 of stat; the first two (pid, comm) are before ")"


def threads() -> set[int]:
    return {int(t) for t in os.listdir("/proc/self/task")}


def test_the_recording_encoder_and_its_codec_threads_yield_to_recognition(tmp_path: Path) -> None:
    before = threads()
    recorder = Recorder(tmp_path / "rec.mp4", width=320, height=240)
    try:
        audio = av.AudioFrame.from_ndarray(np.zeros((1, 960), np.int16), format="s16", layout="mono")
        audio.sample_rate, audio.pts, audio.time_base = 48000, 0, Fraction(1, 48000)
        recorder.add_audio(audio)
        for i in range(10):
            video = av.VideoFrame.from_ndarray(np.zeros((240, 320, 3), np.uint8), format="rgb24")
            recorder.add_video(video, i * 0.05)
        lowered: set[int] = set()
        for _ in range(300):  # until the codec has started its threads
            lowered = {t for t in threads() - before if niceness(t) == BACKGROUND_NICENESS}
            if len(lowered) > 1:
                break
            threading.Event().wait(0.01)
        assert recorder._thread.native_id in lowered, "the encoder thread runs at the default priority"
        assert len(lowered) > 1, "the codec's own threads did not inherit the encoder thread's priority"
        assert niceness(threading.get_native_id()) < BACKGROUND_NICENESS, "the caller itself was lowered"
    finally:
        recorder.close()


@pytest.mark.models
def test_the_face_worker_process_runs_below_the_server() -> None:
    python = find_face_python(None)
    assert python is not None, "no Python with mediapipe: run scripts/setup.sh --dev (it makes .venv-vision)"
    faces = FaceDetector(python)
    try:
        pid = faces.worker.pid
        assert pid is not None
        assert os.getpriority(os.PRIO_PROCESS, pid) == BACKGROUND_NICENESS
        assert os.getpriority(os.PRIO_PROCESS, 0) < BACKGROUND_NICENESS
    finally:
        faces.close()
