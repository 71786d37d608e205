"""The JSON error answers that ASGI middlewares send before any route runs (same shape as the API's)."""

from __future__ import annotations

import json

from starlette.types import Send


async def send_detail(
    send: Send, status: int, detail: str, *, websocket: bool = False, close: bool = False
) -> None:
    """`{"detail": ...}` with `status`; `websocket`: as the denial of a WebSocket handshake.

    `close`: ask the client to drop the connection (a body we refused may still be on its way).
    """
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    kind = "websocket.http.response" if websocket else "http.response"
    await send({"type": f"{kind}.start", "status": status, "headers": headers})
    await send({"type": f"{kind}.body", "body": body})
