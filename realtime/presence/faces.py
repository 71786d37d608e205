"""One face detector per server process, shared by every interview, in a child process.

mediapipe cannot share our environment (it pins numpy<2 and protobuf<5), and face detection must not
run on the event loop, so detection runs in `face_worker.py` under an interpreter that has mediapipe.
Interviews take turns: a sample that finds the worker busy is skipped (the next one is a second
later), so many interviews thin out their sampling instead of queueing. A worker that dies is started
again on the next sample.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from realtime.errors import ModelNotFoundError
from realtime.workers.process import WorkerProcess, venv_python

log = logging.getLogger(__name__)
WORKER = Path(__file__).resolve().parent.parent / "workers" / "face_worker.py"


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
    """The face detector is misconfigured (no such interpreter or model)."""


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
    return venv_python(".venv-vision")


class FaceDetector:
    """Asks the worker process; `detect` blocks, so callers run it in a thread."""

    def __init__(self, python: str, model: str = "full-range", min_confidence: float = 0.5) -> None:
        if model not in ("full-range", "short-range") and not Path(model).is_file():
            raise FaceDetectorError(
                f"INTERVIEW_FACE_MODEL={model} is neither 'full-range', 'short-range' nor a .tflite file"
            )
        self.model = model
        self.worker = WorkerProcess(
            python,
            WORKER,
            [model, str(min_confidence)],
            name="face detector",
            hint="install mediapipe==0.10.21 there (scripts/setup.sh makes .venv-vision)",
            background=True,  # a sample a second, skipped when busy: never ahead of recognition
        )
        self.frames = 0
        self.skipped = 0

    def detect(self, rgb: np.ndarray) -> list[Face] | None:
        """Faces in one RGB frame; None when another interview is using the worker (skip this sample)."""
        rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
        height, width = rgb.shape[:2]
        reply = self.worker.ask({"width": width, "height": height}, rgb.tobytes(), wait=False)
        if reply is None:
            self.skipped += 1
            return None
        header, _ = reply
        if "error" in header:
            log.warning("face detector: %s", header["error"])
            return []
        self.frames += 1
        return [
            Face(
                float(f["score"]),
                (f["box"][0], f["box"][1], f["box"][2], f["box"][3]),
                tuple((float(k[0]), float(k[1])) for k in f["keypoints"]),
            )
            for f in header["faces"]
        ]

    def metrics(self) -> dict[str, object]:
        """Frames analysed, samples skipped because the worker was busy, restarts."""
        return {"frames": self.frames, "skipped": self.skipped, "restarts": self.worker.restarts}

    def close(self) -> None:
        """Stop the worker."""
        self.worker.close()
