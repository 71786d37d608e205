"""Video presence flags: the rules on their own, then the real mediapipe detector on camera frames."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from realtime.presence.faces import Face, FaceDetector, FaceDetectorError, find_face_python
from realtime.presence.presence import (
    PresenceChange,
    PresenceRules,
    PresenceSampler,
    PresenceTracker,
    conditions,
)
from realtime.workers.process import WorkerError
from tests import video

EYES, MOUTH, EARS = ((0.45, 0.4), (0.55, 0.4)), (0.5, 0.5), ((0.4, 0.42), (0.6, 0.42))
FACING = Face(0.9, (0.4, 0.3, 0.2, 0.3), (*EYES, (0.5, 0.45), MOUTH, *EARS))
TURNED = Face(0.9, (0.4, 0.3, 0.2, 0.3), (*EYES, (0.58, 0.45), MOUTH, *EARS))


def feed(tracker: PresenceTracker, samples: list[tuple[float, list[Face]]]) -> list[PresenceChange]:
    changes = []
    for t, faces in samples:
        changes += tracker.observe(t, faces)
    return changes


def test_yaw_is_the_nose_offset_between_the_ears() -> None:
    assert FACING.yaw == pytest.approx(0.0)
    assert TURNED.yaw == pytest.approx(0.4)
    assert Face(0.9, (0, 0, 1, 1), ()).yaw is None


def test_a_short_absence_is_not_flagged() -> None:
    tracker = PresenceTracker(PresenceRules(no_face_s=3.0))
    samples = [(0.0, [FACING]), (1.0, []), (2.0, []), (3.0, [FACING]), (4.0, [FACING])]
    assert feed(tracker, samples) == []


def test_an_absence_is_flagged_from_its_start_until_the_face_returns() -> None:
    tracker = PresenceTracker(PresenceRules(no_face_s=3.0))
    changes = feed(tracker, [(float(t), [] if 2 <= t <= 7 else [FACING]) for t in range(10)])
    assert changes == [PresenceChange("no_face", 2.0, None), PresenceChange("no_face", 2.0, 8.0)]


def test_several_faces_and_looking_away_are_flagged_with_what_was_seen() -> None:
    tracker = PresenceTracker(PresenceRules(multiple_faces_s=1.0, looking_away_s=2.0))
    samples = [(0.0, [FACING]), (1.0, [FACING, FACING]), (2.0, [FACING, FACING, FACING]), (3.0, [FACING])]
    samples += [(4.0, [TURNED]), (5.0, [TURNED]), (6.0, [TURNED]), (7.0, [FACING])]
    changes = feed(tracker, samples)
    assert changes == [
        PresenceChange("multiple_faces", 1.0, None, {"faces": 3}),
        PresenceChange("multiple_faces", 1.0, 3.0, {"faces": 3}),
        PresenceChange("looking_away", 4.0, None),
        PresenceChange("looking_away", 4.0, 7.0),
    ]


def test_the_end_of_the_call_ends_open_flags() -> None:
    tracker = PresenceTracker(PresenceRules(no_face_s=1.0))
    feed(tracker, [(0.0, []), (1.0, []), (2.0, [])])
    assert tracker.finish(2.5) == [PresenceChange("no_face", 0.0, 2.5)]
    assert tracker.finish(3.0) == []


# --- the real detector (mediapipe in its own environment; scripts/setup.sh installs it) ---


@pytest.fixture(scope="module")
def detector() -> Iterator[FaceDetector]:
    python = find_face_python(None)
    assert python is not None, "no Python with mediapipe: run scripts/setup.sh --dev (it makes .venv-vision)"
    faces = FaceDetector(python)
    yield faces
    faces.close()


def sample(frame_rgb: np.ndarray) -> np.ndarray:
    """What the sampler sends: the decoded frame scaled to 320x240."""
    return video.to_frame(frame_rgb).to_ndarray(format="rgb24", width=320, height=240)


@pytest.mark.parametrize(
    ("scene", "expected"),
    [
        (video.empty(), {"no_face"}),
        (video.one_face(), set()),
        (video.one_face(200), set()),
        (video.two_faces(), {"multiple_faces"}),
        (video.turned_face(amount=1.0), {"looking_away"}),
    ],
    ids=["empty room", "candidate", "candidate further away", "two people", "head turned"],
)
def test_the_detector_sees_each_scene(detector: FaceDetector, scene: np.ndarray, expected: set[str]) -> None:
    faces = detector.detect(sample(scene))
    assert faces is not None
    assert conditions(faces, PresenceRules()) == expected, faces


def test_a_candidate_facing_the_camera_has_a_small_yaw(detector: FaceDetector) -> None:
    faces = detector.detect(sample(video.one_face()))
    assert faces and faces[0].yaw is not None and abs(faces[0].yaw) < 0.15
    assert faces[0].score > 0.7


def test_a_dead_worker_is_started_again(detector: FaceDetector) -> None:
    detector.worker.kill()
    faces = detector.detect(sample(video.one_face()))
    assert faces is not None and len(faces) == 1
    assert detector.worker.restarts >= 1


def test_a_bad_frame_is_answered_without_ending_the_worker(detector: FaceDetector) -> None:
    assert detector.detect(np.zeros((5, 5, 3), np.uint8)) == []
    faces = detector.detect(sample(video.one_face()))
    assert faces is not None and len(faces) == 1


@pytest.mark.models
def test_a_missing_interpreter_or_model_is_a_clear_startup_error(tmp_path: Path) -> None:
    with pytest.raises(FaceDetectorError, match="INTERVIEW_FACE_PYTHON=.*does not exist"):
        find_face_python(str(tmp_path / "no-python"))
    python = find_face_python(None)
    assert python is not None
    with pytest.raises(FaceDetectorError, match="neither 'full-range', 'short-range' nor a .tflite"):
        FaceDetector(python, model=str(tmp_path / "missing.tflite"))
    with pytest.raises(WorkerError, match="face detector did not start.*mediapipe"):
        FaceDetector(sys.executable if python != sys.executable else "/usr/bin/python3")


async def test_the_sampler_flags_an_empty_chair_on_the_media_clock(detector: FaceDetector) -> None:
    changes: list[PresenceChange] = []

    async def on_change(change: PresenceChange) -> None:
        changes.append(change)

    sampler = PresenceSampler(detector, on_change, PresenceRules(no_face_s=1.0), every_s=0.05)
    runner = asyncio.create_task(sampler.run())
    facing, empty = video.to_frame(video.one_face()), video.to_frame(video.empty())
    # 20 fps on the media clock, fed faster than real time: the candidate leaves at 1 s, returns at 3 s.
    for i in range(100):
        t = i * 0.05
        sampler.offer(facing if t < 1.0 or t >= 3.0 else empty, t)
        await asyncio.sleep(0.012)
        # A loaded machine (the worker yields the CPU) plays the clip no faster than it is sampled,
        # so flags stay where the media clock puts them.
        for _ in range(400):
            if not sampler.busy:
                break
            await asyncio.sleep(0.005)
    runner.cancel()
    await sampler.finish()
    kinds = [(c.kind, c.t_end is None) for c in changes]
    assert kinds == [("no_face", True), ("no_face", False)], changes
    assert 1.0 <= changes[0].t_start <= 1.4
    assert changes[1].t_end is not None and 3.0 <= changes[1].t_end <= 3.4
    assert sampler.samples >= 10


class _Seen:
    """A detector that keeps what it was shown (no model)."""

    def __init__(self) -> None:
        self.shown: list[np.ndarray] = []

    def detect(self, rgb: np.ndarray) -> list[Face]:
        self.shown.append(rgb.copy())
        return []


async def test_a_sample_is_taken_when_offered_and_does_not_hold_the_frame() -> None:
    # The recorder converts the same frame in its own thread right after: the sample must not be
    # converted (or read) from the frame later, in another thread, at the same time.
    seen = _Seen()

    async def on_change(change: PresenceChange) -> None:
        pass

    sampler = PresenceSampler(seen, on_change, every_s=0.05)  # type: ignore[arg-type]
    runner = asyncio.create_task(sampler.run())
    frame = video.to_frame(video.one_face())
    sampler.offer(frame, 0.0)
    for i, plane in enumerate(frame.planes):  # the frame is reused or freed once offer returns: black
        np.frombuffer(memoryview(plane), np.uint8)[:] = 16 if i == 0 else 128
    for _ in range(100):
        if seen.shown:
            break
        await asyncio.sleep(0.01)
    runner.cancel()
    assert len(seen.shown) == 1
    sample = seen.shown[0]
    assert sample.shape == (240, 320, 3)
    assert sample.mean() > 40, "the sample was read from the frame after it was offered (it is black)"
