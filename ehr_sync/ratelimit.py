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
