"""A real TURN server for tests: Debian's coturn on loopback, with the TURN REST shared secret.

Listens and relays on 127.0.0.1 only, and allows loopback peers (everything in a test is on loopback).
Tests that use it skip, saying why, when the `turnserver` binary is missing (`scripts/setup.sh --dev`
installs it).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

TURN_SECRET = "turn-shared-secret-for-tests-only-0123456789"
REALM = "interview.test"


@dataclass(frozen=True)
class Turn:
    """A running coturn: its URL and the shared secret credentials are made with."""

    port: int
    secret: str
    log: Path

    @property
    def url(self) -> str:
        """The TURN URL over UDP."""
        return f"turn:127.0.0.1:{self.port}?transport=udp"


def _free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _listening(port: int) -> bool:
    # coturn answers a STUN binding request; until it does, it is not up.
    request = bytes.fromhex("0001000021122a442b7c9f1e2d3c4b5a69788796")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(0.2)
        try:
            s.sendto(request, ("127.0.0.1", port))
            return bool(s.recv(512))
        except OSError:
            return False


@pytest.fixture
def turn(tmp_path: Path) -> Iterator[Turn]:
    """coturn on a free loopback port, stopped at the end of the test."""
    binary = shutil.which("turnserver")
    if binary is None:
        pytest.skip("coturn's turnserver is not installed (scripts/setup.sh --dev installs it)")
    port = _free_udp_port()
    log = tmp_path / "turnserver.log"
    relay_low = 40000 + (port % 200) * 100  # a range of its own, so parallel tests do not collide
    args = [
        binary,
        "-n",  # no configuration file: everything is on this line
        "--listening-ip=127.0.0.1",
        "--relay-ip=127.0.0.1",
        f"--listening-port={port}",
        f"--min-port={relay_low}",
        f"--max-port={relay_low + 99}",
        "--use-auth-secret",
        f"--static-auth-secret={TURN_SECRET}",
        f"--realm={REALM}",
        "--allow-loopback-peers",
        "--fingerprint",
        "--no-cli",
        "--no-tls",
        "--no-dtls",
        "--verbose",  # sessions and allocations in the log (tests count them)
        f"--userdb={tmp_path / 'turndb'}",  # not the system's /var/lib/turn
        "--simple-log",
        f"--log-file={log}",
        "--no-stdout-log",
        f"--pidfile={tmp_path / 'turnserver.pid'}",
    ]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not _listening(port):
            if proc.poll() is not None or time.monotonic() > deadline:
                text = log.read_text() if log.exists() else ""
                raise RuntimeError(f"coturn did not start (exit {proc.poll()}):\n{text[-3000:]}")
            time.sleep(0.1)
        yield Turn(port, TURN_SECRET, log)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
