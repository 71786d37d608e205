"""When to try a delivery again: the Standard Webhooks retry schedule, with jitter and Retry-After."""

from __future__ import annotations

import random

# Immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h.
SCHEDULE_S = (0.0, 5.0, 300.0, 1800.0, 7200.0, 18000.0, 36000.0, 50400.0, 72000.0, 86400.0)
JITTER = 0.1


def next_delay(
    attempts: int,
    retry_after_s: float | None = None,
    rng: random.Random | None = None,
    schedule: tuple[float, ...] = SCHEDULE_S,
) -> float | None:
    """Seconds until attempt number `attempts + 1`, or None when the schedule is exhausted (dead letter).

    `attempts` counts the attempts made so far. A receiver's Retry-After wins when it asks for longer.
    """
    if attempts >= len(schedule):
        return None
    base = schedule[attempts]
    jitter = (rng or random).uniform(-JITTER, JITTER) * base
    delay = base + jitter
    if retry_after_s is not None:
        delay = max(delay, retry_after_s)
    return delay
