"""A local HTTP server implementing the Standard Webhooks receiver contract, with fault injection.

It verifies every signature (401 otherwise), processes each webhook-id once (a duplicate is
acknowledged, not processed again) and records what it processed, in order.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from ehr_sync.signing import SignatureError, verify


class Receiver:
    """Run with `start()`; `fault` decides each request's fate: None, ("status", code[, retry_after]) or
    ("sleep", seconds)."""

    def __init__(self, secret: str) -> None:
        self.secret = secret
        self.processed: list[dict[str, Any]] = []
        self.requests: list[str] = []
        self.rejected = 0
        self.fault: Callable[[int], tuple[Any, ...] | None] = lambda n: None
        self._lock = threading.Lock()
        self._seen: set[str] = set()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                with receiver._lock:
                    n = len(receiver.requests)
                    receiver.requests.append(self.headers.get("webhook-id", ""))
                fault = receiver.fault(n)
                if fault and fault[0] == "sleep":
                    time.sleep(fault[1])
                elif fault:
                    self.send_response(fault[1])
                    if len(fault) > 2:
                        self.send_header("Retry-After", str(fault[2]))
                    self.end_headers()
                    return
                try:
                    verify(
                        receiver.secret,
                        self.headers["webhook-id"],
                        self.headers["webhook-timestamp"],
                        body,
                        self.headers["webhook-signature"],
                    )
                except (SignatureError, KeyError):
                    receiver.rejected += 1
                    self.send_response(401)
                    self.end_headers()
                    return
                with receiver._lock:
                    if self.headers["webhook-id"] not in receiver._seen:
                        receiver._seen.add(self.headers["webhook-id"])
                        receiver.processed.append(
                            {"id": self.headers["webhook-id"], "received_at": time.time(), **json.loads(body)}
                        )
                self.send_response(204)
                self.end_headers()

        ThreadingHTTPServer.request_queue_size = 128
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/hooks"

    def start(self) -> Receiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
