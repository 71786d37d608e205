"""A cap on request bodies, enforced before any route (and so before authentication) reads one.

Without it, `await request.body()` or JSON parsing buffers whatever a client sends: a 300 MiB body to
the login route grew the server by a gigabyte, before anyone had logged in. The cap is checked twice:
against `Content-Length` (refused before a byte is read) and against the bytes actually streamed (a
chunked body has no length, and a length can lie). Most routes take small JSON; only the import routes
take uploads, so they get a larger cap of their own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.asgi_json import send_detail


class BodyTooLarge(Exception):
    """The streamed body passed the cap (raised from `receive`, turned into a 413 by the middleware)."""


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):g} MiB" if n >= 1024 * 1024 else f"{n / 1024:g} KiB"


class BodyLimitMiddleware:
    """Answers 413 with a sentence when a request body is larger than its route allows."""

    def __init__(
        self,
        app: ASGIApp,
        default_bytes: int,
        large_bytes: int,
        large_prefixes: Sequence[str] = (),
        suffix_limits: Mapping[str, int] | None = None,
    ) -> None:
        self.app = app
        self._default = default_bytes
        self._large = large_bytes
        self._large_prefixes = tuple(large_prefixes)
        self._suffixes = dict(suffix_limits or {})

    def limit_for(self, path: str) -> int:
        """The cap of a route: the large one for upload routes, the default for every other.

        `suffix_limits` caps upload routes under an id (`/api/interviews/{id}/resume`) by their end.
        """
        for suffix, limit in self._suffixes.items():
            if path.endswith(suffix):
                return limit
        return self._large if path.startswith(self._large_prefixes) else self._default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse by the declared length at once; count streamed bytes and refuse past the cap."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _too_large(send, limit)
            return
        received = 0
        over = started = False

        async def counting_receive() -> Message:
            nonlocal received, over
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if over and not started:
                return  # the app's answer to a body it could not read (FastAPI: a 400) becomes our 413
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except BodyTooLarge:
            if started:  # a response already under way cannot become a 413: drop the connection
                raise
        if over and not started:
            await _too_large(send, limit)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _too_large(send: Send, limit: int) -> None:
    detail = f"the request body is larger than this address accepts ({_mib(limit)} at most)"
    await send_detail(send, 413, detail, close=True)
