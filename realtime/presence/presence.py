"""Video presence checks: whether the candidate is in view, alone, and facing the screen.

The candidate's video is sampled about once a second (faces are found off the event loop), and each
sample's faces go to a `PresenceTracker`, which raises a flag once a condition has lasted long enough
(a glance away is not a flag) and ends it when the condition is gone. Flags carry times on the
interview's media clock. They are signals for a person to look at: never part of a score, and nothing
here reads expressions or emotions.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import av
import numpy as np

from realtime.presence.faces import Face, FaceDetector
from realtime.webrtc.scaler import FrameScaler

log = logging.getLogger(__name__)
SAMPLE_WIDTH, SAMPLE_HEIGHT = 320, 240  # enough for BlazeFace (its input is 128 or 192 pixels)


@dataclass(frozen=True)
class PresenceRules:
    """How long a condition must last before it is flagged, and what counts as looking away."""

    no_face_s: float = 3.0
    multiple_faces_s: float = 2.0
    looking_away_s: float = 5.0
    yaw_limit: float = 0.3  # nose offset from the middle of the ears, in ear widths (~40 degrees)


@dataclass(frozen=True)
class PresenceChange:
    """A flag raised (`t_end` None) or ended, on the media clock."""

    kind: str
    t_start: float
    t_end: float | None = None
    detail: dict[str, float | int] = field(default_factory=dict)


def conditions(faces: list[Face], rules: PresenceRules) -> set[str]:
    """Which flag conditions hold in one sample."""
    if not faces:
        return {"no_face"}
    if len(faces) > 1:
        return {"multiple_faces"}
    yaw = faces[0].yaw
    return {"looking_away"} if yaw is not None and abs(yaw) > rules.yaw_limit else set()


class PresenceTracker:
    """Turns samples into flags: raised after a condition lasts, ended at the first sample without it."""

    def __init__(self, rules: PresenceRules | None = None) -> None:
        self.rules = rules or PresenceRules()
        self._since: dict[str, float] = {}  # condition -> first sample time it held
        self._raised: set[str] = set()
        self._most_faces: dict[str, int] = {}

    def _limit(self, kind: str) -> float:
        return float(getattr(self.rules, f"{kind}_s"))

    def observe(self, t: float, faces: list[Face]) -> list[PresenceChange]:
        """One sample at media time `t`; returns the flags this sample raises or ends."""
        now = conditions(faces, self.rules)
        changes = []
        for kind in sorted(set(self._since) - now):
            start = self._since.pop(kind)
            if kind in self._raised:
                self._raised.discard(kind)
                changes.append(PresenceChange(kind, start, t, self._detail(kind, ended=True)))
        for kind in sorted(now):
            start = self._since.setdefault(kind, t)
            if kind == "multiple_faces":
                self._most_faces[kind] = max(self._most_faces.get(kind, 0), len(faces))
            if kind not in self._raised and t - start >= self._limit(kind):
                self._raised.add(kind)
                changes.append(PresenceChange(kind, start, None, self._detail(kind, ended=False)))
        return changes

    def _detail(self, kind: str, ended: bool) -> dict[str, float | int]:
        if kind not in self._most_faces:
            return {}
        return {"faces": self._most_faces.pop(kind) if ended else self._most_faces[kind]}

    def finish(self, t: float) -> list[PresenceChange]:
        """The call ended: end every raised flag at `t`."""
        changes = [
            PresenceChange(kind, self._since[kind], t, self._detail(kind, ended=True))
            for kind in sorted(self._raised)
        ]
        self._raised.clear()
        self._since.clear()
        return changes


OnChange = Callable[[PresenceChange], Awaitable[None]]


class PresenceSampler:
    """Samples one candidate's video for the shared detector and reports flag changes."""

    def __init__(
        self,
        detector: FaceDetector,
        on_change: OnChange,
        rules: PresenceRules | None = None,
        every_s: float = 1.0,
    ) -> None:
        self._detector = detector
        self._on_change = on_change
        self.tracker = PresenceTracker(rules)
        self._every = every_s
        self._latest: tuple[np.ndarray, float] | None = None  # a sample's pixels and media time
        self._scaler = FrameScaler(SAMPLE_WIDTH, SAMPLE_HEIGHT, "rgb24")
        self._due = 0.0
        self._busy = False
        self._ready = asyncio.Event()
        self._last_t = 0.0
        self.samples = 0
        self.skipped = 0

    @property
    def busy(self) -> bool:
        """A sample is being analysed (offered frames are passed over meanwhile)."""
        return self._busy

    def offer(self, frame: av.VideoFrame, t: float) -> None:
        """A decoded frame at media time `t`; sampled when due and no sample is waiting or analysed.

        The sample is scaled here, on the caller's thread, while nothing else converts the frame (the
        recorder gets it after; see realtime/webrtc/scaler.py).
        """
        if self._busy or self._latest is not None or time.monotonic() < self._due:
            return
        self._latest = (self._scaler.array(frame), t)
        self._ready.set()

    async def run(self) -> None:
        """Analyse samples as they come, one at a time, until cancelled (the peer owns this task)."""
        while True:
            await self._ready.wait()
            self._ready.clear()
            if self._latest is None:
                continue
            rgb, t = self._latest
            self._latest = None
            self._busy = True
            self._due = time.monotonic() + self._every
            try:
                await self._analyse(rgb, t)
            finally:
                self._busy = False

    async def _analyse(self, rgb: np.ndarray, t: float) -> None:
        try:
            faces = await asyncio.to_thread(self._detector.detect, rgb)
        except Exception:
            log.exception("presence check failed at %.1f s", t)
            return
        if faces is None:
            self.skipped += 1
            return
        self.samples += 1
        self._last_t = t
        for change in self.tracker.observe(t, faces):
            await self._report(change)

    async def _report(self, change: PresenceChange) -> None:
        state = "ended" if change.t_end is not None else "raised"
        log.info("presence: %s %s at %.1f s", change.kind, state, change.t_end or change.t_start)
        await self._on_change(change)

    async def finish(self) -> None:
        """The call ended (after `run` was cancelled): end open flags at the last sample's time."""
        for change in self.tracker.finish(self._last_t):
            await self._report(change)
