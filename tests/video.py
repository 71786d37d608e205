"""Camera frames for the presence tests, built from one real photo (`data/video/face.jpg`).

The photo is NASA's portrait of astronaut Eileen Collins (public domain; as shipped by scikit-image).
Scenes: an empty room, one candidate, two people, and the candidate turned to one side (the nose
moved towards one ear by a horizontal warp of the face).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import av
import numpy as np

FACE = Path(__file__).parent / "data" / "video" / "face.jpg"
WIDTH, HEIGHT = 640, 480
BACKGROUND = (70, 80, 90)


@cache
def face_rgb(size: int) -> np.ndarray:
    """The face photo, `size` pixels square, RGB."""
    with av.open(str(FACE)) as container:
        frame = next(container.decode(video=0))
    return frame.to_ndarray(format="rgb24", width=size, height=size)


def empty() -> np.ndarray:
    """The room with nobody in it."""
    canvas = np.empty((HEIGHT, WIDTH, 3), np.uint8)
    canvas[:] = BACKGROUND
    return canvas


def one_face(size: int = 300) -> np.ndarray:
    """The candidate facing the camera, centred."""
    canvas = empty()
    y, x = (HEIGHT - size) // 2, (WIDTH - size) // 2
    canvas[y : y + size, x : x + size] = face_rgb(size)
    return canvas


def two_faces(size: int = 240) -> np.ndarray:
    """The candidate and somebody else beside them."""
    canvas = empty()
    y = (HEIGHT - size) // 2
    canvas[y : y + size, 40 : 40 + size] = face_rgb(size)
    canvas[y : y + size, WIDTH - 40 - size : WIDTH - 40] = face_rgb(size)[:, ::-1]
    return canvas


def turned_face(size: int = 300, amount: float = 0.8) -> np.ndarray:
    """The candidate's head turned to one side: the nose pushed `amount` of the way to one ear."""
    face = face_rgb(size)
    # In the photo the ears sit at ~0.30 and ~0.65 of the width and the nose at ~0.48.
    nose, ear = 0.48, 0.65
    moved = nose + amount * (ear - 0.02 - nose)
    dst = np.array([0.0, 0.30, moved, ear, 1.0]) * (size - 1)
    src = np.array([0.0, 0.30, nose, ear, 1.0]) * (size - 1)
    columns = np.interp(np.arange(size), dst, src).round().astype(int)
    canvas = empty()
    y, x = (HEIGHT - size) // 2, (WIDTH - size) // 2
    canvas[y : y + size, x : x + size] = face[:, columns]
    return canvas


def to_frame(rgb: np.ndarray, pts: int = 0) -> av.VideoFrame:
    """An RGB picture as the decoded video frame a WebRTC track delivers (yuv420p, 90 kHz pts)."""
    frame = av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(format="yuv420p")
    frame.pts = pts
    return frame


def write_y4m(path: Path, scenes: list[tuple[np.ndarray, float]], fps: int = 5) -> Path:
    """A camera file for Chromium's `--use-file-for-fake-video-capture` (it loops): scenes, seconds each."""
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for rgb, seconds in scenes:
            planes = to_frame(rgb).to_ndarray().tobytes()  # yuv420p: Y, then U, then V
            for _ in range(round(seconds * fps)):
                out.write(b"FRAME\n" + planes)
    return path
