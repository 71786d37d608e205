"""ICE servers for a call: STUN and TURN from settings, with short-lived TURN credentials.

Candidates behind UDP-blocking corporate or campus networks reach the server only through a TURN relay
(UDP 3478, or TLS on 443). A long-lived TURN password in a page would be a free relay for anyone who
reads it, so each page gets credentials of the TURN REST scheme that coturn checks with
`use-auth-secret`: the username is `<expiry unix time>:<call or user id>` and the password is
base64(HMAC-SHA1(shared secret, username)); coturn refuses them after the expiry, and the secret itself
never leaves the server.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time

from aiortc import RTCIceServer

from server.schemas import IceConfig, IceServer
from server.settings import Settings


def turn_credentials(secret: str, subject: str, ttl_s: int, now: float | None = None) -> tuple[str, str]:
    """A TURN REST username and password for `subject`, valid `ttl_s` from `now`."""
    expiry = int(now if now is not None else time.time()) + ttl_s
    username = f"{expiry}:{subject}"
    digest = hmac.new(secret.encode(), username.encode(), hashlib.sha1).digest()
    return username, base64.b64encode(digest).decode()


def ice_config(settings: Settings, subject: str, now: float | None = None) -> IceConfig:
    """The ICE servers for one call (`subject`: the interview id) or one staff user."""
    servers: list[IceServer] = []
    if settings.stun_urls:
        servers.append(IceServer(urls=list(settings.stun_urls)))
    expires_at = None
    if settings.turn_urls and settings.turn_secret is not None:
        secret = settings.turn_secret.get_secret_value()
        username, password = turn_credentials(secret, subject, settings.turn_ttl_s, now)
        servers.append(IceServer(urls=list(settings.turn_urls), username=username, credential=password))
        expires_at = int(username.split(":", 1)[0])
    return IceConfig(
        ice_servers=servers,
        ice_transport_policy="relay" if settings.ice_relay_only else "all",
        expires_at=expires_at,
    )


def server_ice_servers(settings: Settings, subject: str) -> list[RTCIceServer]:
    """The same servers for our own peer (aiortc).

    With TURN it offers relay candidates too, so a browser restricted to relayed media (or behind a
    firewall that drops everything else) finds a pair.
    """
    config = ice_config(settings, f"server-{subject}")
    return [RTCIceServer(s.urls, s.username, s.credential) for s in config.ice_servers]
