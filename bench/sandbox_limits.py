"""The coding sandbox's limits, measured: time to stop a loop, memory cap, fork bomb, network, output.

Run: `python -m bench.sandbox_limits` (as root for the namespace and the unprivileged user).
"""

from __future__ import annotations

import asyncio
import time

from server.services.coding.sandbox import Sandbox, SandboxLimits

TESTS = [{"name": "adds", "code": "assert add(1, 2) == 3"}]
CASES = {
    "correct solution": "def add(a, b):\n    return a + b\n",
    "infinite loop": "while True:\n    pass\n",
    "sleep past the wall clock": "import time\ntime.sleep(60)\n",
    "fork bomb": "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n",
    "network call": "import socket\nsocket.create_connection(('1.1.1.1', 80), timeout=3)\n",
    "memory bomb (1 GiB)": "x = bytearray(1024 * 1024 * 1024)\n",
    "endless output": "while True:\n    print('x' * 1000)\n",
}


async def main() -> None:
    """Print one line per hostile program: status, reason, seconds until it was stopped."""
    limits = SandboxLimits()
    box = Sandbox(limits)
    print(f"limits: {limits}")
    for name, code in CASES.items():
        began = time.monotonic()
        result = await box.run(code, TESTS)
        took = time.monotonic() - began
        detail = result.reason or result.load_error or ""
        print(f"{name:28s} {result.status:13s} {took:6.2f} s  network={result.network}  {detail}")


if __name__ == "__main__":
    asyncio.run(main())
