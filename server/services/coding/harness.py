"""Runs inside the sandbox (a fresh `python -I -S`): the candidate's code, then each test, as JSON.

Standard library only: the sandbox interpreter has no site-packages. Invoked as
`python -I -S harness.py MARKER [audit]` in a directory holding `solution.py` and `tests.json`; prints
the results as one line starting with MARKER after whatever the candidate's code printed. The marker is
not secret (the candidate's code could print a forged line); the reviewer sees the code and the output,
so a forged result is visible, and the sandbox is about containing the code, not trusting its output.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import traceback
from typing import Any

BLOCKED = ("socket.", "subprocess.", "os.exec", "os.posix_spawn", "os.spawn", "os.system", "ctypes.")


def _no_network(event: str, _args: tuple[Any, ...]) -> None:
    """The fallback where no network namespace is available: refuse sockets and ways around the hook."""
    if event.startswith(BLOCKED) and event != "socket.gethostname":
        raise PermissionError(f"blocked in the sandbox: {event}")


def _out_of_cpu(_signum: int, _frame: Any) -> None:
    """SIGXCPU, the soft CPU limit: say so before the hard limit's SIGKILL."""
    os.write(2, b"\nsandbox: CPU time limit reached\n")
    os._exit(152)


def _error(exc: BaseException) -> str:
    lines = traceback.format_exception_only(type(exc), exc)
    return "".join(lines).strip()[-500:]


def main() -> None:
    """Load the solution, run the tests, print the marker line."""
    marker = sys.argv[1]
    if len(sys.argv) > 2 and sys.argv[2] == "audit":
        sys.addaudithook(_no_network)
    signal.signal(signal.SIGXCPU, _out_of_cpu)
    root = os.getpid()
    out = sys.stdout
    with open("tests.json", encoding="utf-8") as f:
        tests = json.load(f)
    with open("solution.py", encoding="utf-8") as f:
        source = f.read()
    report: dict[str, Any] = {"loaded": True, "error": None, "tests": []}
    namespace: dict[str, Any] = {"__name__": "solution"}
    try:
        try:
            exec(compile(source, "solution.py", "exec"), namespace)
        except BaseException as exc:
            report["loaded"] = False
            report["error"] = _error(exc)
        if report["loaded"]:
            for test in tests:
                entry = {"name": test["name"], "passed": False, "error": None}
                try:
                    exec(compile(test["code"], f"test {test['name']}", "exec"), dict(namespace))
                    entry["passed"] = True
                except BaseException as exc:
                    entry["error"] = _error(exc)
                report["tests"].append(entry)
    finally:
        if os.getpid() != root:  # a process the candidate's code forked: only the first one reports
            os._exit(1)
    out.flush()
    sys.stderr.flush()
    out.write("\n" + marker + json.dumps(report) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
