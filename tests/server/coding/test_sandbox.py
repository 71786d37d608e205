"""The coding sandbox: real processes, real rlimits, a real network namespace where the machine allows it.

Each hostile program must be stopped and reported with a reason a reviewer understands, and leave no
process behind.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
from dataclasses import replace

import pytest

from server.services.coding.sandbox import Sandbox, SandboxLimits

ADD_TESTS = [
    {"name": "adds small numbers", "code": "assert add(1, 2) == 3"},
    {"name": "adds negatives", "code": "assert add(-1, -2) == -3, 'wrong sign'"},
]
ADD_CODE = "def add(a, b):\n    return a + b\n"
LIMITS = SandboxLimits(cpu_s=1, wall_s=6.0, memory_mb=200, processes=24, output_bytes=5000)


def leftovers(user: int) -> list[str]:
    """Processes still running as the sandbox's user (none may survive a run)."""
    out = subprocess.run(["ps", "-u", str(user), "-o", "pid="], capture_output=True, text=True, check=False)
    return out.stdout.split()


@pytest.fixture(params=["namespace", "audit_hook"])
def sandbox(request: pytest.FixtureRequest) -> Sandbox:
    """Both ways of keeping the network out (namespace mode only where `unshare` works)."""
    box = Sandbox(LIMITS, network_mode=request.param)
    if request.param == "namespace":
        from server.services.coding.sandbox import probe_namespace

        if probe_namespace(box.python) != "namespace":
            pytest.skip("unshare cannot make namespaces on this machine")
    return box


async def test_a_correct_solution_passes_and_a_wrong_one_says_which_test_failed(sandbox: Sandbox) -> None:
    good = await sandbox.run("def add(a, b):\n    print('adding')\n    return a + b\n", ADD_TESTS)
    assert good.status == "passed"
    assert [t.passed for t in good.tests] == [True, True]
    assert good.stdout.strip() == "adding\nadding"
    bad = await sandbox.run("def add(a, b):\n    return abs(a) + abs(b)\n", ADD_TESTS)
    assert bad.status == "failed"
    assert bad.tests[0].passed and not bad.tests[1].passed
    assert bad.tests[1].error == "AssertionError: wrong sign"
    broken = await sandbox.run("def add(a, b)\n    return a\n", ADD_TESTS)
    assert broken.status == "error" and broken.load_error and "SyntaxError" in broken.load_error


async def test_an_infinite_loop_is_stopped_at_the_cpu_limit(sandbox: Sandbox) -> None:
    result = await sandbox.run("while True:\n    pass\n", ADD_TESTS)
    assert result.status == "timeout"
    assert result.reason == "it used up its CPU time limit"  # not the wall clock (timings: bench/)


async def test_a_sleeping_program_is_killed_at_the_wall_clock_limit(sandbox: Sandbox) -> None:
    result = await sandbox.run("import time\ntime.sleep(60)\n", ADD_TESTS)
    assert result.status == "timeout"
    assert result.reason == "it ran past the 6 s time limit"
    assert result.duration_s < LIMITS.wall_s + 1


async def test_a_fork_bomb_is_contained_and_leaves_nothing_running(sandbox: Sandbox) -> None:
    # a uid of its own: other tests' runs (another xdist worker) are not counted as its leftovers
    alone = replace(LIMITS, user=LIMITS.user - 1000)
    sandbox = Sandbox(alone, network_mode=sandbox.network_mode)
    bomb = "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n"
    result = await sandbox.run(bomb, ADD_TESTS)
    assert result.status in ("timeout", "killed")
    assert result.reason
    if os.geteuid() == 0:  # the namespace's teardown (or the group kill) reaps them within moments
        for _ in range(30):
            if not leftovers(alone.user):
                break
            await asyncio.sleep(0.1)
        assert leftovers(alone.user) == []
    plain = await sandbox.run("import os\nwhile True:\n    os.fork()\n", ADD_TESTS)
    assert plain.status == "error" and plain.reason == "it hit the limit on processes"


async def test_a_network_call_is_refused(sandbox: Sandbox) -> None:
    code = "import socket\nsocket.create_connection(('1.1.1.1', 80), timeout=3)\n"
    result = await sandbox.run(code, ADD_TESTS)
    assert result.status == "error"
    assert result.network == sandbox.network_mode
    expected = "Network is unreachable" if sandbox.network_mode == "namespace" else "blocked in the sandbox"
    assert result.load_error and expected in result.load_error


async def test_a_memory_bomb_hits_the_memory_limit(sandbox: Sandbox) -> None:
    result = await sandbox.run("x = bytearray(1024 * 1024 * 1024)\n", ADD_TESTS)
    assert result.status == "memory"
    assert result.reason == "it ran out of its memory limit"


async def test_endless_output_is_cut_at_the_cap_and_the_program_killed(sandbox: Sandbox) -> None:
    result = await sandbox.run("while True:\n    print('x' * 1000)\n", ADD_TESTS)
    assert result.status == "output_limit"
    assert result.reason == "the output passed 5000 bytes"
    assert len(result.stdout) <= LIMITS.output_bytes
    assert result.duration_s < LIMITS.wall_s  # stopped at the cap, not left to the wall clock


async def test_runs_do_not_block_the_event_loop() -> None:
    """The loop keeps ticking while a run starts and runs, even in a large process (the server holds
    the speech models: forking it with a `preexec_fn` once blocked the loop for ~1.5 s)."""
    heap = bytearray(1024**3)  # a large, touched heap makes a fork of this process slow
    heap[::4096] = b"\x01" * len(range(0, len(heap), 4096))
    box = Sandbox(LIMITS, network_mode="audit_hook")
    gaps: list[float] = []

    async def ticker() -> None:
        last = time.monotonic()
        while True:
            await asyncio.sleep(0.01)
            now = time.monotonic()
            gaps.append(now - last)
            last = now

    task = asyncio.create_task(ticker())
    try:
        await box.run("import time\nt = time.time()\nwhile time.time() - t < 1.0:\n    pass\n", ADD_TESTS)
    finally:
        task.cancel()
    del heap
    assert len(gaps) >= 10  # the loop ran during the second the child ran
    assert max(gaps) < 0.5, f"the event loop stalled {max(gaps):.2f} s while the sandbox ran"


async def test_the_child_is_spawned_without_python_between_fork_and_exec(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """rlimits come from `prlimit` in the command, so the spawn can use vfork (no `preexec_fn`)."""
    seen: dict[str, object] = {}
    real = asyncio.create_subprocess_exec

    async def spy(*argv: str, **kw: object) -> asyncio.subprocess.Process:
        seen["argv"], seen["preexec_fn"] = argv, kw.get("preexec_fn")
        return await real(*argv, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(asyncio, "create_subprocess_exec", spy)
    result = await Sandbox(LIMITS, network_mode="audit_hook").run(ADD_CODE, ADD_TESTS)
    assert result.status == "passed"
    argv = seen["argv"]
    assert isinstance(argv, tuple) and argv[0] == "prlimit" and f"--nproc={LIMITS.processes}" in argv
    assert seen["preexec_fn"] is None


def test_limits_are_checked() -> None:
    with pytest.raises(ValueError, match="positive"):
        SandboxLimits(cpu_s=0)
