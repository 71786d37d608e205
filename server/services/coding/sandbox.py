"""Run untrusted Python in a separate, limited process: the coding module's sandbox.

Each run gets a fresh `python -I -S` interpreter in its own temporary directory, with rlimits (CPU
seconds, address space, processes, file size, open files), a wall-clock timeout that kills the whole
process group, capped output, and no network. Where `unshare` can make namespaces (as root, or with user
namespaces), the code runs in a new network and PID namespace as an unprivileged user: no interface but
a downed loopback, and killing the group tears down every process it forked. Elsewhere an audit hook in
the interpreter refuses sockets and subprocesses (weaker: documented in `network_mode`).

The limits are set by `prlimit` in front of the command, not by a `preexec_fn`: a child with a
`preexec_fn` must be forked (not vfork/posix_spawn) and run Python before it execs, and in a server that
holds the speech models that fork blocks the event loop for more than a second. The process is awaited
with asyncio, so a run never blocks the event loop; a semaphore bounds how many run at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

HARNESS = Path(__file__).with_name("harness.py")
CPU_MARK = "sandbox: CPU time limit reached"  # printed by the harness on SIGXCPU
NetworkMode = Literal["namespace", "audit_hook"]
Status = Literal["passed", "failed", "error", "timeout", "memory", "output_limit", "killed"]


@dataclass(frozen=True)
class SandboxLimits:
    """How much one run may use (settings `sandbox_*`)."""

    cpu_s: int = 5
    wall_s: float = 10.0
    memory_mb: int = 256
    processes: int = 32
    file_mb: int = 2
    open_files: int = 64
    output_bytes: int = 32_000
    concurrent: int = 2
    user: int = 65534  # the uid (and gid) runs drop to when the server runs as root

    def __post_init__(self) -> None:
        if min(self.cpu_s, self.wall_s, self.memory_mb, self.processes, self.file_mb) <= 0:
            raise ValueError("sandbox limits must be positive")
        if self.open_files < 16 or self.output_bytes < 1000 or self.concurrent < 1:
            raise ValueError("the sandbox needs at least 16 open files and 1000 bytes of output")


@dataclass(frozen=True)
class TestOutcome:
    """One test of the task."""

    name: str
    passed: bool
    error: str | None = None


@dataclass(frozen=True)
class RunResult:
    """What a run did: the status the candidate and the reviewer see, and why."""

    status: Status
    tests: tuple[TestOutcome, ...]
    stdout: str
    stderr: str
    duration_s: float
    exit_code: int | None
    reason: str | None = None  # why it was stopped, in words
    network: NetworkMode = "namespace"
    load_error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (stored with the run, sent to the page)."""
        return {
            "status": self.status,
            "tests": [t.__dict__ for t in self.tests],
            "stdout": self.stdout,
            "stderr": self.stderr,
            "duration_s": round(self.duration_s, 3),
            "exit_code": self.exit_code,
            "reason": self.reason,
            "network": self.network,
            "load_error": self.load_error,
        }


@dataclass
class Sandbox:
    """Runs code under `limits`; one per server (it holds the concurrency bound)."""

    limits: SandboxLimits = field(default_factory=SandboxLimits)
    python: str = sys.executable
    network_mode: NetworkMode | None = None  # None: probe on first use
    _slots: asyncio.Semaphore | None = field(default=None, init=False)

    async def run(self, code: str, tests: list[dict[str, str]]) -> RunResult:
        """Run `code`, then each test (`{"name", "code"}`: Python that raises when it fails)."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.limits.concurrent)
        mode: NetworkMode
        if self.network_mode is not None:
            mode = self.network_mode
        else:
            mode = await asyncio.to_thread(probe_namespace, self.python, self.limits.user)
            self.network_mode = mode
        async with self._slots:
            return await self._run(code, tests, mode)

    async def _run(self, code: str, tests: list[dict[str, str]], mode: NetworkMode) -> RunResult:
        workdir = Path(tempfile.mkdtemp(prefix="sandbox-"))
        try:
            (workdir / "solution.py").write_text(code, encoding="utf-8")
            (workdir / "tests.json").write_text(json.dumps(tests), encoding="utf-8")
            shutil.copy(HARNESS, workdir / "harness.py")
            drop = os.geteuid() == 0
            if drop:
                os.chown(workdir, self.limits.user, self.limits.user)
            marker = "@@result-" + secrets.token_hex(8) + "@@"
            argv = [self.python, "-I", "-S", "harness.py", marker]
            if mode == "namespace":
                argv = [*namespace_prefix(drop, self.limits.user), *argv]
            else:
                argv = [*(_drop_to(self.limits.user) if drop else []), *argv, "audit"]
            return await self._execute(argv, workdir, marker, mode)
        finally:
            await asyncio.to_thread(shutil.rmtree, workdir, True)

    async def _execute(self, argv: list[str], workdir: Path, marker: str, mode: NetworkMode) -> RunResult:
        began = time.monotonic()
        prefix = limits_prefix(self.limits)
        proc = await asyncio.create_subprocess_exec(
            *prefix,
            *argv,
            cwd=workdir,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"},
            start_new_session=True,  # its own process group, killed as a whole
            preexec_fn=None if prefix else _limiter(self.limits),  # no prlimit: slower, still limited
        )
        cap = self.limits.output_bytes
        assert proc.stdout is not None and proc.stderr is not None
        over = asyncio.Event()
        reads = [
            asyncio.create_task(_read_capped(proc.stdout, cap + len(marker) + 64_000, over)),
            asyncio.create_task(_read_capped(proc.stderr, cap, over)),
        ]
        stop = asyncio.create_task(over.wait())
        reason: str | None = None
        done, _ = await asyncio.wait(
            [*reads, stop], timeout=self.limits.wall_s, return_when="FIRST_COMPLETED"
        )
        if stop in done or over.is_set():  # the reader may finish in the same turn it sets `over`
            reason = f"the output passed {cap} bytes"
        elif not done:
            reason = f"it ran past the {self.limits.wall_s:g} s time limit"
        else:  # one stream closed: the process is ending; give the other the rest of the time
            left = self.limits.wall_s - (time.monotonic() - began)
            _, pending = await asyncio.wait(reads, timeout=max(left, 0.1))
            if over.is_set():
                reason = f"the output passed {cap} bytes"
            elif pending:
                reason = f"it ran past the {self.limits.wall_s:g} s time limit"
        _kill_group(proc.pid)  # whatever is left of it, forks included
        stop.cancel()
        (out, _), (err, _) = await asyncio.gather(*reads)  # EOF follows the kill
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(proc.wait(), 5.0)
        duration = time.monotonic() - began
        return _result(out, err, proc.returncode, duration, reason, marker, mode, cap)


async def _read_capped(stream: asyncio.StreamReader, cap: int, over: asyncio.Event) -> tuple[bytes, bool]:
    """Up to `cap` bytes, reading on to the end; past `cap`, sets `over` (the process is then killed)."""
    data = b""
    while chunk := await stream.read(65536):
        if len(data) < cap:
            data += chunk
        if len(data) >= cap and not over.is_set():
            over.set()
    return data[:cap], over.is_set()


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def limits_prefix(limits: SandboxLimits) -> list[str]:
    """`prlimit` setting the child's rlimits before it execs (inherited by everything it starts)."""
    if shutil.which("prlimit") is None:
        return []
    mb = 1024 * 1024
    return [
        "prlimit",
        f"--cpu={limits.cpu_s}:{limits.cpu_s + 1}",
        f"--as={limits.memory_mb * mb}",
        f"--fsize={limits.file_mb * mb}",
        f"--nofile={limits.open_files}",
        f"--nproc={limits.processes}",
        "--core=0",
        "--",
    ]


def _limiter(limits: SandboxLimits) -> Any:
    """The same rlimits set between fork and exec, where `prlimit` is missing (the fork is slower)."""

    def apply() -> None:
        mb = 1024 * 1024
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_s, limits.cpu_s + 1))
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_mb * mb, limits.memory_mb * mb))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_mb * mb, limits.file_mb * mb))
        resource.setrlimit(resource.RLIMIT_NOFILE, (limits.open_files, limits.open_files))
        resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    return apply


def namespace_prefix(drop: bool, user: int) -> list[str]:
    """`unshare` into new network and PID namespaces; as root, then drop to `user` (NPROC counts it)."""
    prefix = ["unshare", "--net", "--pid", "--fork", "--kill-child"]
    if not drop:
        return ["unshare", "--map-root-user", *prefix[1:]]
    return [*prefix, *_drop_to(user)]


def _drop_to(user: int) -> list[str]:
    return ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", "--no-new-privs"]


def probe_namespace(python: str, user: int = 65534) -> NetworkMode:
    """Whether this machine lets `unshare` make the namespaces (measured once per server)."""
    if shutil.which("unshare") is None or (os.geteuid() == 0 and shutil.which("setpriv") is None):
        return "audit_hook"
    argv = [*namespace_prefix(os.geteuid() == 0, user), python, "-I", "-S", "-c", "pass"]
    try:
        done = subprocess.run(argv, capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "audit_hook"
    return "namespace" if done.returncode == 0 else "audit_hook"


def _result(
    out: bytes,
    err: bytes,
    code: int | None,
    duration: float,
    reason: str | None,
    marker: str,
    mode: NetworkMode,
    cap: int,
) -> RunResult:
    text = out.decode("utf-8", "replace")
    stdout, _, tail = text.partition("\n" + marker)
    report: dict[str, Any] | None = None
    if tail:
        with contextlib.suppress(ValueError):
            report = json.loads(tail.splitlines()[0])
    stderr = err.decode("utf-8", "replace")[-cap:]
    stdout = stdout[:cap]
    tests = tuple(
        TestOutcome(str(t["name"]), bool(t["passed"]), t.get("error"))
        for t in (report or {}).get("tests", [])
    )
    load_error = (report or {}).get("error")
    status: Status
    if reason and "time limit" in reason:
        status = "timeout"
    elif reason:
        status = "output_limit"
    elif report is None:
        status, reason = _why_killed(code, stderr)
    elif "MemoryError" in (load_error or "") or any("MemoryError" in (t.error or "") for t in tests):
        status, reason = "memory", "it ran out of its memory limit"
    elif load_error:
        status = "error"
        if "Resource temporarily unavailable" in load_error:
            reason = "it hit the limit on processes"
    else:
        status = "passed" if tests and all(t.passed for t in tests) else "failed"
    return RunResult(status, tests, stdout, stderr, duration, code, reason, mode, load_error)


def _why_killed(code: int | None, stderr: str) -> tuple[Status, str]:
    if CPU_MARK in stderr or code in (-signal.SIGXCPU, 128 + signal.SIGXCPU):
        return "timeout", "it used up its CPU time limit"
    if "MemoryError" in stderr:
        return "memory", "it ran out of its memory limit"
    return "killed", f"it stopped without a result (exit code {code})"
