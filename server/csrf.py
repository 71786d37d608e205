"""Cross-site request forgery guard: an ASGI middleware in front of every route.

A page on another site can make the browser send a "simple" request (a form post, or `fetch` with
`text/plain`) with the staff member's cookie; SameSite=Lax alone was all that stood in its way. So:

| request                          | where from                           | body's Content-Type    | answer |
|----------------------------------|--------------------------------------|------------------------|--------|
| GET, HEAD, OPTIONS               | anywhere                             | any                    | passes |
| POST, PUT, PATCH, DELETE, and    | Origin other than the public URL's,  |                        | 403    |
| WebSocket handshakes             | or Sec-Fetch-Site not same-origin    |                        |        |
| POST, PUT, PATCH, DELETE         | this site, or no Origin and no       | JSON (CSV, Excel on    | passes |
|                                  | Sec-Fetch-Site (curl, Greenhouse)    | imports, YAML on jobs),|        |
|                                  |                                      | no body                |        |
|                                  |                                      | anything else          | 415    |

JSON, CSV, Excel and YAML are not types a cross-site form or a no-preflight `fetch` can send, so a
forged request needs the browser's CORS preflight, which this server never grants. The public URL is
the one origin pages are served from (`INTERVIEW_PUBLIC_URL`); a request without either header is
not from a browser.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.asgi_json import send_detail

UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
JSON_TYPES = ("application/json",)
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")
BODY_TYPES: Mapping[str, tuple[str, ...]] = {
    # jobs and candidates as CSV or Excel uploads (a workbook's type needs a preflight like JSON's)
    "/api/import/": ("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "/api/jobs": YAML_TYPES,  # a plan as YAML
    # A resume file as the body (its kind is sniffed from the bytes); never text/plain or a form's types,
    # which a cross-site form could send.
    "*/resume": (
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/octet-stream",
    ),
}
"""Content types a path prefix (or, starting with "*", a path ending) takes besides JSON."""


def origin_of(url: str) -> str:
    """`scheme://host[:port]` of a URL, lower case, without a default port."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port_number = parts.port
    except ValueError:  # a malformed port: matches nothing
        return "invalid"
    default = {"http": 80, "https": 443, "ws": 80, "wss": 443}.get(scheme)
    port = f":{port_number}" if port_number and port_number != default else ""
    return f"{scheme}://{host}{port}"


class CrossSiteGuard:
    """Refuses unsafe requests and WebSocket handshakes from other sites, and bodies forms could send."""

    def __init__(
        self, app: ASGIApp, public_url: str, body_types: Mapping[str, tuple[str, ...]] = BODY_TYPES
    ) -> None:
        self.app = app
        self.origin = origin_of(public_url)
        self.body_types = body_types

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, or answer it with 403/415 and a sentence."""
        if scope["type"] == "websocket":
            problem = self.cross_site(_headers(scope))
            if problem:
                await _deny_websocket(scope, receive, send, problem)
                return
        elif scope["type"] == "http" and scope["method"] in UNSAFE:
            headers = _headers(scope)
            problem = self.cross_site(headers)
            status = 403
            if problem is None:
                problem, status = self.wrong_body(scope["path"], headers), 415
            if problem:
                await send_detail(send, status, problem)
                return
        await self.app(scope, receive, send)

    def cross_site(self, headers: Mapping[str, str]) -> str | None:
        """Why the request is from another site, or None."""
        origin = headers.get("origin")
        if origin is not None:
            if origin_of(origin) == self.origin and origin != "null":
                return None
            return (
                f"this request came from {origin}, not from {self.origin} where this server's pages are; "
                "if that is this server's address, set INTERVIEW_PUBLIC_URL to it"
            )
        site = headers.get("sec-fetch-site")
        if site is None or site in ("same-origin", "none"):
            return None
        return f"this request came from another site (Sec-Fetch-Site: {site}) and was refused"

    def wrong_body(self, path: str, headers: Mapping[str, str]) -> str | None:
        """Why the body's content type is not accepted here, or None."""
        kind = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        has_body = headers.get("content-length", "0") not in ("", "0") or "transfer-encoding" in headers
        if not kind:
            return "send the body as JSON (Content-Type: application/json)" if has_body else None
        allowed = [
            *JSON_TYPES,
            *(t for prefix, ts in self.body_types.items() if _matches(path, prefix) for t in ts),
        ]
        if kind in allowed or (kind.startswith("application/") and kind.endswith("+json")):
            return None
        return f"this endpoint does not take {kind}; send {' or '.join(allowed)}"


def _matches(path: str, pattern: str) -> bool:
    return path.endswith(pattern[1:]) if pattern.startswith("*") else path.startswith(pattern)


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


async def _deny_websocket(scope: Scope, receive: Receive, send: Send, detail: str) -> None:
    """An HTTP 403 for the handshake where the server can send one, else a close with code 4403."""
    message: Message = await receive()
    if message["type"] != "websocket.connect":
        return
    if "websocket.http.response" in scope.get("extensions", {}):
        await send_detail(send, 403, detail, websocket=True)
    else:
        await send({"type": "websocket.close", "code": 4403, "reason": detail[:120]})
