"""Recordings are the candidate's face and voice: files 0600 and new folders 0700, whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from realtime.webrtc.recorder import Recorder


def test_recordings_and_their_folders_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "recordings" / "interview-1" / "rec.mp4"
        recorder = Recorder(path)
        recorder.close()
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "recordings").stat().st_mode) == 0o700
