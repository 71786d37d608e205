"""What the candidate's page may send on the data channel: small messages, not many of them.

The page sends a handful of signals a minute (the tab hidden or shown again). A page altered to flood
the channel once wrote hundreds of integrity flags a second; a megabyte message would be parsed on the
event loop every live call shares. The gate drops both, and counts what it dropped so the log says so.
Pure and clock-injected: `allow(size, now)` decides, the peer supplies the time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Verdict = Literal["ok", "too_large", "too_fast"]


@dataclass
class MessageGate:
    """A size cap and a token bucket (`burst` messages at once, `per_s` a second after that)."""

    max_bytes: int = 4096
    per_s: float = 5.0
    burst: int = 20
    dropped_large: int = 0
    dropped_fast: int = 0
    _tokens: float = field(init=False)
    _at: float | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.max_bytes < 1 or self.per_s <= 0 or self.burst < 1:
            raise ValueError("a message gate needs a positive size, rate and burst")
        self._tokens = float(self.burst)

    def allow(self, size: int, now: float) -> Verdict:
        """Whether a message of `size` bytes arriving at `now` (seconds, monotonic) may pass."""
        if size > self.max_bytes:
            self.dropped_large += 1
            return "too_large"
        if self._at is not None:
            self._tokens = min(float(self.burst), self._tokens + (now - self._at) * self.per_s)
        self._at = now
        if self._tokens < 1.0:
            self.dropped_fast += 1
            return "too_fast"
        self._tokens -= 1.0
        return "ok"
