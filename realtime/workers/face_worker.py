"""Face detection worker: a child process, run by an interpreter that has mediapipe installed.

mediapipe 0.10.21 (the last release that ships its face models) needs numpy<2 and protobuf<5, so it
usually lives in an environment of its own (`scripts/setup.sh` makes `.venv-vision`). This file
imports nothing from the project but `worker_protocol` (standard library only, found beside it): the
server starts it as `PYTHON face_worker.py MODEL MIN_CONFIDENCE`.

Requests (`worker_protocol` framing): `{"width", "height"}` and the RGB24 pixels. Replies:
`{"faces": [{"score", "box": [x, y, w, h], "keypoints": [[x, y] x 6]}]}` in coordinates relative to the
frame, or `{"error": "..."}`.
Keypoints: right eye, left eye, nose tip, mouth centre, right ear, left ear (as seen by the camera).
"""

from __future__ import annotations

import os
import sys
from typing import Any

try:  # the worker runs as a script beside worker_protocol.py, where `realtime` is not importable
    from realtime.workers.worker_protocol import read_message, worker_streams, write_message
except ImportError:  # pragma: no cover - the usual case in the worker's own environment
    from worker_protocol import read_message, worker_streams, write_message  # type: ignore[no-redef, import-not-found]

MODELS = {"full-range": 1, "short-range": 0}


class _Solutions:
    """mediapipe's bundled BlazeFace models through the legacy solutions API."""

    def __init__(self, mp: Any, selection: int, min_confidence: float) -> None:
        self._detector = mp.solutions.face_detection.FaceDetection(
            model_selection=selection, min_detection_confidence=min_confidence
        )

    def detect(self, rgb: Any) -> list[dict[str, Any]]:
        result = self._detector.process(rgb)
        faces = []
        for det in result.detections or []:
            box = det.location_data.relative_bounding_box
            faces.append(
                {
                    "score": round(float(det.score[0]), 3),
                    "box": [round(v, 4) for v in (box.xmin, box.ymin, box.width, box.height)],
                    "keypoints": [
                        [round(k.x, 4), round(k.y, 4)] for k in det.location_data.relative_keypoints
                    ],
                }
            )
        return faces


class _Task:
    """Any BlazeFace-style `.tflite` with metadata, through the Tasks API."""

    def __init__(self, mp: Any, path: str, min_confidence: float) -> None:
        from mediapipe.tasks.python import BaseOptions, vision

        self._mp = mp
        options = vision.FaceDetectorOptions(
            base_options=BaseOptions(model_asset_path=path), min_detection_confidence=min_confidence
        )
        self._detector = vision.FaceDetector.create_from_options(options)

    def detect(self, rgb: Any) -> list[dict[str, Any]]:
        height, width = rgb.shape[:2]
        image = self._mp.Image(image_format=self._mp.ImageFormat.SRGB, data=rgb)
        faces = []
        for det in self._detector.detect(image).detections:
            box = det.bounding_box
            faces.append(
                {
                    "score": round(float(det.categories[0].score), 3),
                    "box": [
                        round(box.origin_x / width, 4),
                        round(box.origin_y / height, 4),
                        round(box.width / width, 4),
                        round(box.height / height, 4),
                    ],
                    "keypoints": [[round(k.x, 4), round(k.y, 4)] for k in det.keypoints],
                }
            )
        return faces


def main(argv: list[str]) -> int:
    """Load the model, say ready, then answer frames until stdin closes."""
    requests, replies = worker_streams()
    model = argv[1] if len(argv) > 1 else "full-range"
    min_confidence = float(argv[2]) if len(argv) > 2 else 0.5
    try:
        import mediapipe as mp
        import numpy as np

        if model in MODELS:
            detector: Any = _Solutions(mp, MODELS[model], min_confidence)
        elif os.path.isfile(model):
            detector = _Task(mp, model, min_confidence)
        else:
            raise ValueError(f"face model {model!r} is neither 'full-range', 'short-range' nor a file")
        detector.detect(np.zeros((64, 64, 3), np.uint8))  # load the graph before saying ready
    except Exception as exc:  # noqa: BLE001 - reported to the server as a sentence
        write_message(replies, {"error": f"{type(exc).__name__}: {exc}"})
        return 2
    write_message(replies, {"ready": True, "model": model, "mediapipe": getattr(mp, "__version__", "?")})
    while (message := read_message(requests)) is not None:
        header, pixels = message
        try:
            width, height = int(header["width"]), int(header["height"])
            if len(pixels) != width * height * 3:
                raise ValueError(f"{len(pixels)} bytes is not a {width}x{height} RGB frame")
            rgb = np.frombuffer(pixels, np.uint8).reshape(height, width, 3)
            write_message(replies, {"faces": detector.detect(rgb)})
        except Exception as exc:  # noqa: BLE001 - one bad frame must not end the worker
            write_message(replies, {"error": f"{type(exc).__name__}: {exc}"})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
