"""Work a live call can wait for yields the CPU to work it cannot.

On a loaded machine a transcript that waits is a candidate the agent talks over; a recording frame
that waits is a frame dropped (the recorder already drops video first). Linux keeps a nice value per
thread, and the threads a thread starts (an encoder's own threads) inherit it, so the background
thread lowers its own priority before it starts its codec; a model worker process is lowered as a
whole. Recognition, turn-taking and the event loop keep the default priority. Raising a nice value
needs no privilege; where it is refused, or the platform has no per-thread nice, nothing changes.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

BACKGROUND_NICENESS = 10  # of 19: it still runs on an idle core at once, and yields on a busy one


def _lower(target: int, niceness: int) -> None:
    try:
        current = os.getpriority(os.PRIO_PROCESS, target)
        if niceness > current:
            os.setpriority(os.PRIO_PROCESS, target, niceness)
    except OSError as exc:  # pragma: no cover - a sandbox that refuses it
        log.debug("could not lower the priority of %d: %s", target, exc)


def yield_to_live_work(niceness: int = BACKGROUND_NICENESS) -> None:
    """Lower the calling thread's CPU priority (and that of the threads it starts after this)."""
    if sys.platform.startswith("linux"):  # elsewhere PRIO_PROCESS would lower the whole server
        _lower(threading.get_native_id(), niceness)


def lower_process(pid: int, niceness: int = BACKGROUND_NICENESS) -> None:
    """Lower a child process's CPU priority (its threads started after this inherit it)."""
    if hasattr(os, "setpriority"):
        _lower(pid, niceness)
