"""A real TURN server for tests: Debian's coturn on loopback, with the TURN REST shared secret.

Listens and relays on 127.0.0.1 only, and allows loopback peers (everything in a test is on loopback).
`turn` listens on UDP; `turn_tls` listens on TLS over TCP only (what a UDP-blocking network leaves:
TURN over TLS, port 443 in production), with a self-signed certificate the test trusts.
Tests that use it skip, saying why, when the `turnserver` binary is missing (`scripts/setup.sh --dev`
installs it).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.certs import self_signed, spki_sha256
from tests.net import free_port

TURN_SECRET = "turn-shared-secret-for-tests-only-0123456789"
REALM = "interview.test"


@dataclass(frozen=True)
class Turn:
    """A running coturn: its URL and the shared secret credentials are made with."""

    port: int
    secret: str
    log: Path
    ca: Path | None = None  # its TLS certificate (self-signed: its own authority); None: UDP only
    spki: str = ""  # base64 SHA-256 of its certificate's public key (what Chromium may be told to trust)

    @property
    def url(self) -> str:
        """The TURN URL: over UDP, or over TLS (TCP) for a server with a certificate."""
        if self.ca is not None:
            return f"turns:localhost:{self.port}?transport=tcp"
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


@contextmanager
def _coturn(folder: Path, tls: bool) -> Iterator[Turn]:
    binary = shutil.which("turnserver")
    if binary is None:
        pytest.skip("coturn's turnserver is not installed (scripts/setup.sh --dev installs it)")
    port = _free_udp_port()
    log = folder / "turnserver.log"
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
        "--no-dtls",
        "--verbose",  # sessions and allocations in the log (tests count them)
        f"--userdb={folder / 'turndb'}",  # not the system's /var/lib/turn
        "--simple-log",
        f"--log-file={log}",
        "--no-stdout-log",
        f"--pidfile={folder / 'turnserver.pid'}",
    ]
    ca, spki = None, ""
    tls_port = 0
    if tls:
        cert, key = self_signed(folder)
        ca, spki = cert, spki_sha256(cert)
        tls_port = free_port()
        args += [f"--tls-listening-port={tls_port}", f"--cert={cert}", f"--pkey={key}"]
        args += ["--no-udp", "--no-tcp"]  # TLS only
    else:
        args.append("--no-tls")
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not (_tls_listening(tls_port) if tls else _listening(port)):
            if proc.poll() is not None or time.monotonic() > deadline:
                text = log.read_text() if log.exists() else ""
                raise RuntimeError(f"coturn did not start (exit {proc.poll()}):\n{text[-3000:]}")
            time.sleep(0.1)
        yield Turn(tls_port if tls else port, TURN_SECRET, log, ca, spki)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _tls_listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


@pytest.fixture
def turn(tmp_path: Path) -> Iterator[Turn]:
    """coturn on a free loopback UDP port, stopped at the end of the test."""
    with _coturn(tmp_path, tls=False) as running:
        yield running


@pytest.fixture
def turn_tls(tmp_path: Path) -> Iterator[Turn]:
    """coturn taking TURN over TLS only (no plain UDP or TCP listener), stopped at the end of the test."""
    with _coturn(tmp_path, tls=True) as running:
        yield running
