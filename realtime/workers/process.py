"""A model worker process seen from the server: started once, asked one thing at a time.

It is restarted if it dies. `worker_protocol` has the framing; `faces` and `tts` use it for their workers.
"""

from __future__ import annotations

import logging
import os
import subprocess
import threading
from pathlib import Path
from typing import Any

from realtime.errors import ModelNotFoundError
from realtime.workers.priority import lower_process
from realtime.workers.worker_protocol import read_message, write_message

log = logging.getLogger(__name__)
READY_TIMEOUT_S = 120.0
QUIET = {"GLOG_minloglevel": "2", "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONUNBUFFERED": "1"}


PROJECT_DIR = Path(__file__).resolve().parents[2]


def venv_python(name: str) -> str | None:
    """The interpreter of a model environment `scripts/setup.sh` made beside the project, if it is there."""
    candidate = PROJECT_DIR / name / "bin" / "python"
    return str(candidate) if candidate.is_file() else None


class WorkerError(ModelNotFoundError):
    """A model worker could not start, or keeps failing."""


class WorkerProcess:
    """`python script args...`, speaking `worker_protocol` on its stdin/stdout."""

    def __init__(
        self, python: str, script: Path, args: list[str], name: str, hint: str, background: bool = False
    ) -> None:
        self._command = [python, str(script), *args]
        self._background = background  # work a call can wait for: runs below recognition's priority
        self.name, self._hint = name, hint
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self.restarts = 0
        self.info: dict[str, Any] = {}
        self._start()

    def _start(self) -> None:
        proc = subprocess.Popen(
            self._command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **QUIET},
        )
        if self._background:
            lower_process(proc.pid)
        assert proc.stdout is not None
        timer = threading.Timer(READY_TIMEOUT_S, proc.kill)
        timer.start()
        try:
            message = read_message(proc.stdout)  # type: ignore[arg-type]
        except ValueError:
            message = None
        finally:
            timer.cancel()
        header = message[0] if message else {"error": "it exited without a word"}
        if not header.get("ready"):
            proc.kill()
            proc.wait()
            raise WorkerError(
                f"the {self.name} did not start with {self._command[0]} ({header.get('error')}); {self._hint}"
            )
        self._proc = proc
        self.info = header
        log.info("%s ready: %s", self.name, {k: v for k, v in header.items() if k != "ready"})

    def ask(
        self, header: dict[str, Any], body: bytes = b"", wait: bool = True
    ) -> tuple[dict[str, Any], bytes] | None:
        """Send one request and return the reply; None when `wait` is False and the worker is busy.

        A worker that died is started again once; a reply `{"error": ...}` is returned as it is.
        """
        if not self._lock.acquire(blocking=wait):
            return None
        try:
            for attempt in range(2):
                proc = self._proc
                try:
                    if proc is None or proc.poll() is not None:
                        raise BrokenPipeError("not running")
                    assert proc.stdin is not None and proc.stdout is not None
                    write_message(proc.stdin, header, body)  # type: ignore[arg-type]
                    reply = read_message(proc.stdout)  # type: ignore[arg-type]
                    if reply is None:
                        raise BrokenPipeError("it closed its output")
                    return reply
                except (BrokenPipeError, OSError) as exc:
                    if attempt:
                        raise WorkerError(f"the {self.name} keeps failing: {exc}") from exc
                    log.warning("%s died (%s); starting it again", self.name, exc)
                    self.restarts += 1
                    self._kill()
                    self._start()
            raise AssertionError("unreachable")  # pragma: no cover
        finally:
            self._lock.release()

    @property
    def pid(self) -> int | None:
        """The running worker's process id (None between a death and its restart)."""
        return self._proc.pid if self._proc is not None else None

    def kill(self) -> None:
        """End the process abruptly (tests use it to check the restart)."""
        self._kill()

    def _kill(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait()
            self._proc = None

    def close(self) -> None:
        """Let the worker finish and stop it."""
        with self._lock:
            proc = self._proc
            if proc is not None and proc.stdin is not None:
                try:
                    proc.stdin.close()
                    proc.wait(timeout=5)
                except (OSError, subprocess.TimeoutExpired):
                    pass
            self._kill()
