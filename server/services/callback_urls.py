"""Which callback URLs a partner may give us: we send the partner's key there, so only to the partner.

Greenhouse's `send_test` names the URL we PATCH the result to, with the partner API key in HTTP Basic.
Any URL would let whoever holds a key (or a forged `send_test`) have the key and candidates' results
sent wherever they like, in clear text over http. So: https, to a host on the allowed list (an entry
`.example.com` allows its subdomains); plain http only to this machine, and only in development and
tests, where the partner is a local test server.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def host_allowed(host: str, allowed: Sequence[str]) -> bool:
    """Whether `host` is one of `allowed` (exact, or under an entry that starts with a dot)."""
    host = host.lower().rstrip(".")
    for entry in allowed:
        entry = entry.strip().lower()
        if entry.startswith(".") and (host.endswith(entry) or host == entry[1:]):
            return True
        if host == entry:
            return True
    return False


def callback_problem(url: str, allowed: Sequence[str], local_http: bool) -> str | None:
    """Why `url` may not receive results and the partner key, or None when it may."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        return "url is not a valid URL"
    if parts.username or parts.password:
        return "url must not carry credentials"
    if parts.scheme == "http" and local_http and host in LOCAL_HOSTS:
        return None
    if parts.scheme != "https":
        return "url must be https"
    if not host_allowed(host, allowed):
        return f"url must be on one of the partner's hosts ({', '.join(allowed)})"
    return None
