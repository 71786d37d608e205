"""Per-endpoint send limits.

DingTalk and WeCom robots take 20 messages a minute, and DingTalk blocks a robot for 10 minutes when
that is exceeded: the limit is kept on our side, before sending.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class SlidingWindow:
    """At most `count` sends in any `per_s` seconds."""

    count: int
    per_s: float
    clock: Callable[[], float] = time.monotonic
    _sent: deque[float] = field(default_factory=deque)

    def __post_init__(self) -> None:
        if self.count < 1 or self.per_s <= 0:
            raise ValueError("a rate limit needs count >= 1 and per_s > 0")

    def acquire(self) -> float:
        """Take a slot now and return 0, or return the seconds until one frees up (nothing taken)."""
        now = self.clock()
        while self._sent and now - self._sent[0] >= self.per_s:
            self._sent.popleft()
        if len(self._sent) < self.count:
            self._sent.append(now)
            return 0.0
        return self._sent[0] + self.per_s - now

    @property
    def newest(self) -> float | None:
        """When the latest slot was taken (the one `acquire` just gave)."""
        return self._sent[-1] if self._sent else None

    def sent(self, taken_at: float | None) -> None:
        """The send of the slot taken at `taken_at` has finished: count it from now.

        The receiver counted it somewhere between the two; counting from the later time keeps a slow
        request from letting the next one in inside the receiver's window.
        """
        if taken_at is None or taken_at not in self._sent:
            return
        self._sent.remove(taken_at)
        now = self.clock()
        i = len(self._sent)
        while i and self._sent[i - 1] > now:
            i -= 1
        self._sent.insert(i, now)
