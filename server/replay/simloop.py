"""An asyncio event loop on a simulated clock, for replaying a call faster than real time.

`loop.time()` is simulated: whenever nothing is ready to run, the clock jumps to the next timer instead
of sleeping. Code that sleeps, waits with timeouts or reads `loop.time()` (the speech pipeline, the
agent's ticker, simulated recognition workers) runs unchanged and in the same order as it would live.
Blocking work done on the loop's thread takes no simulated time; `SimulatedCompute` charges what it
measured explicitly. With nothing scheduled (say, a thread is still busy) the loop waits in real time.
"""

from __future__ import annotations

import asyncio
import selectors
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


class _JumpingSelector(selectors.DefaultSelector):
    """Polls without blocking and advances the simulated clock by the time the loop would have slept."""

    def __init__(self) -> None:
        super().__init__()
        self.now = 0.0

    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        if timeout is None:
            return list(super().select(None))
        ready = list(super().select(0))
        if not ready and timeout > 0:
            self.now += timeout
        return ready


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    """A selector event loop whose clock only moves when everything is waiting."""

    def __init__(self) -> None:
        self._jumping = _JumpingSelector()
        super().__init__(self._jumping)

    def time(self) -> float:
        """Simulated seconds since the loop was made."""
        return self._jumping.now


def run_simulated(main: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion on a fresh virtual-time loop."""
    loop = VirtualTimeLoop()
    try:
        return loop.run_until_complete(main)
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
