"""What a page needs to open a WebRTC connection: ICE servers (STUN, TURN with short-lived credentials)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class IceServer(BaseModel):
    """One entry of a page's `RTCConfiguration.iceServers` (the W3C field names)."""

    urls: list[str]
    username: str | None = None
    credential: str | None = None


class IceConfig(BaseModel):
    """What a page passes to `new RTCPeerConnection(...)`."""

    ice_servers: list[IceServer]
    ice_transport_policy: Literal["all", "relay"]  # "relay": media through TURN only
    expires_at: int | None = None  # unix time the TURN credentials stop working (None: no TURN)
