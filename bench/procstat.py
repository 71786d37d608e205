"""CPU time and peak memory of a server process, from /proc (Linux), for the load bench."""

from __future__ import annotations

import os
import time
from pathlib import Path


class ProcStat:
    """Reads a process's CPU ticks at `start()` and at each reading, and its peak resident memory."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self._ticks0 = 0
        self._t0 = time.monotonic()

    def _ticks(self) -> int:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of the whole line)

    def start(self) -> None:
        """Begin the CPU measurement now (after the models have loaded)."""
        self._ticks0, self._t0 = self._ticks(), time.monotonic()

    def cpu_percent(self) -> float:
        """CPU since `start()`, in % of one core."""
        seconds = (self._ticks() - self._ticks0) / os.sysconf("SC_CLK_TCK")
        return 100.0 * seconds / max(time.monotonic() - self._t0, 1e-6)

    def peak_rss_mb(self) -> float:
        """The process's peak resident memory (VmHWM) in MiB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")
