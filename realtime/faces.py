"""One face detector per server process, shared by every interview, in a child process.

mediapipe cannot share our environment (it pins numpy<2 and protobuf<5), and face detection must not
run on the event loop, so detection runs in `face_worker.py` under an interpreter that has mediapipe.
Interviews take turns: a sample that finds the worker busy is skipped (the next one is a second
later), so many interviews thin out their sampling instead of queueing. A worker that dies is started
again on the next sample.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import struct
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from realtime.errors import ModelNotFoundError

log = logging.getLogger(__name__)
WORKER = Path(__file__).with_name("face_worker.py")
VISION_VENV = Path(__file__).resolve().parent.parent / ".venv-vision"
HEADER = struct.Struct("<III")  # width, height, payload bytes
READY_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class Face:
    """One detected face, in coordinates relative to the frame (0..1)."""

    score: float
    box: tuple[float, float, float, float]  # x, y, width, height
    keypoints: tuple[tuple[float, float], ...]  # right eye, left eye, nose, mouth, right ear, left ear

    @property
    def yaw(self) -> float | None:
        """How far the head is turned: the nose's offset from the middle of the ears, in ear widths.

        About 0 facing the camera; beyond ±0.3 the candidate looks well to one side. None when the
        detector gave no ears.
        """
        if len(self.keypoints) < 6:
            return None
        nose_x = self.keypoints[2][0]
        right, left = self.keypoints[4][0], self.keypoints[5][0]
        span = abs(left - right)
        if span < 1e-3:
            return None
        return (nose_x - (left + right) / 2) / span


class FaceDetectorError(ModelNotFoundError):
    """The face detector could not start (no mediapipe, a bad model path)."""


def find_face_python(configured: str | None) -> str | None:
    """The interpreter that runs the worker: the setting, this one if it has mediapipe, or `.venv-vision`."""
    if configured:
        if not Path(configured).is_file():
            raise FaceDetectorError(
                f"INTERVIEW_FACE_PYTHON={configured} does not exist; point it at a Python with "
                "mediapipe 0.10.21 (scripts/setup.sh makes .venv-vision), or turn presence checks off "
                "with INTERVIEW_PRESENCE_CHECKS=false"
            )
        return configured
    if importlib.util.find_spec("mediapipe") is not None:
        return sys.executable
    candidate = VISION_VENV / "bin" / "python"
    return str(candidate) if candidate.is_file() else None


class FaceDetector:
    """Talks to the worker process; `detect` blocks, so callers run it in a thread."""

    def __init__(self, python: str, model: str = "full-range", min_confidence: float = 0.5) -> None:
        if model not in ("full-range", "short-range") and not Path(model).is_file():
            raise FaceDetectorError(
                f"INTERVIEW_FACE_MODEL={model} is neither 'full-range', 'short-range' nor a .tflite file"
            )
        self.python, self.model, self.min_confidence = python, model, min_confidence
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self.frames = 0
        self.skipped = 0
        self.restarts = 0
        self.info: dict[str, object] = {}
        self._start()

    def _start(self) -> None:
        env = dict(os.environ, GLOG_minloglevel="2", TF_CPP_MIN_LOG_LEVEL="2")
        proc = subprocess.Popen(
            [self.python, str(WORKER), self.model, str(self.min_confidence)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert proc.stdout is not None
        timer = threading.Timer(READY_TIMEOUT_S, proc.kill)
        timer.start()
        try:
            line = proc.stdout.readline()
        finally:
            timer.cancel()
        message = json.loads(line) if line.strip() else {"error": "the worker exited without a word"}
        if not message.get("ready"):
            proc.kill()
            raise FaceDetectorError(
                f"the face detector did not start with {self.python} ({message.get('error')}); "
                "install mediapipe==0.10.21 there (scripts/setup.sh makes .venv-vision)"
            )
        self._proc = proc
        self.info = message
        log.info("face detector ready: %s, mediapipe %s", self.model, message.get("mediapipe"))

    def detect(self, rgb: np.ndarray) -> list[Face] | None:
        """Faces in one RGB frame; None when another interview is using the worker (skip this sample)."""
        if not self._lock.acquire(blocking=False):
            self.skipped += 1
            return None
        try:
            return self._ask(np.ascontiguousarray(rgb, dtype=np.uint8))
        finally:
            self._lock.release()

    def _ask(self, rgb: np.ndarray) -> list[Face]:
        height, width = rgb.shape[:2]
        payload = rgb.tobytes()
        for attempt in range(2):
            proc = self._proc
            try:
                if proc is None or proc.poll() is not None:
                    raise BrokenPipeError("worker not running")
                assert proc.stdin is not None and proc.stdout is not None
                proc.stdin.write(HEADER.pack(width, height, len(payload)) + payload)
                proc.stdin.flush()
                line = proc.stdout.readline()
                if not line:
                    raise BrokenPipeError("worker closed its output")
            except (BrokenPipeError, OSError) as exc:
                if attempt:
                    raise FaceDetectorError(f"the face detector keeps failing: {exc}") from exc
                log.warning("face detector worker died (%s); starting it again", exc)
                self.restarts += 1
                self._kill()
                self._start()
                continue
            message = json.loads(line)
            if "error" in message:
                log.warning("face detector: %s", message["error"])
                return []
            self.frames += 1
            return [
                Face(
                    float(f["score"]),
                    (f["box"][0], f["box"][1], f["box"][2], f["box"][3]),
                    tuple((float(k[0]), float(k[1])) for k in f["keypoints"]),
                )
                for f in message["faces"]
            ]
        return []  # pragma: no cover - the loop returns or raises

    def metrics(self) -> dict[str, object]:
        """Frames analysed, samples skipped because the worker was busy, restarts."""
        return {"frames": self.frames, "skipped": self.skipped, "restarts": self.restarts}

    def _kill(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait()
            self._proc = None

    def close(self) -> None:
        """Stop the worker."""
        with self._lock:
            if self._proc is not None and self._proc.stdin is not None:
                try:
                    self._proc.stdin.close()
                    self._proc.wait(timeout=5)
                except (OSError, subprocess.TimeoutExpired):
                    pass
            self._kill()
