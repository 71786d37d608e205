"""Whether this instance should take new calls.

A load balancer sends new candidates to instances whose `/readyz` answers 200. An instance whose
recognisers are behind (the time from the end of a sentence to its final transcript) cannot keep up
with one more call: turn-taking waits on those transcripts, so every call on it would slow down. It
says "not ready" and refuses new calls (503) until the lag comes back under the limit; calls already
running continue. Shutting down (`begin_shutdown`, for the graceful shutdown) does the same.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field


def p95(values: Iterable[float]) -> float | None:
    """The 95th percentile (nearest rank) of `values`; None when there are none."""
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


@dataclass(frozen=True)
class ReadyState:
    """The verdict and, when not ready, why (short phrases for people and probes)."""

    ready: bool
    reasons: tuple[str, ...]
    lag_p95_s: float | None
    queue_depth: int


@dataclass
class Readiness:
    """The limits, and the shutdown flag another part of the server may set."""

    max_lag_s: float
    max_queue: int
    shutting_down: bool = field(default=False)

    def begin_shutdown(self) -> None:
        """From now on: not ready (calls running are left to finish)."""
        self.shutting_down = True

    def check(self, lags_s: Iterable[float], queue_depth: int) -> ReadyState:
        """Judge the live calls' latest recognition lags and the recognisers' queue."""
        lag = p95(lags_s)
        reasons = []
        if self.shutting_down:
            reasons.append("shutting down")
        if lag is not None and lag > self.max_lag_s:
            reasons.append(f"recognition lag p95 {lag:.1f} s is over {self.max_lag_s:.1f} s")
        if queue_depth > self.max_queue:
            reasons.append(f"recognition queue {queue_depth} is over {self.max_queue}")
        return ReadyState(not reasons, tuple(reasons), lag, queue_depth)
