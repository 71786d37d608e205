"""The data channel's gate: oversize and too frequent page messages are dropped and counted."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from realtime.webrtc.inbox import MessageGate
from realtime.webrtc.peer import CandidatePeer


def test_the_gate_drops_large_messages_and_floods_but_refills() -> None:
    gate = MessageGate(max_bytes=100, per_s=5.0, burst=3)
    assert gate.allow(101, 0.0) == "too_large"
    assert [gate.allow(10, 0.0) for _ in range(5)] == ["ok", "ok", "ok", "too_fast", "too_fast"]
    assert gate.allow(10, 0.1) == "too_fast"  # half a token back
    assert gate.allow(10, 0.2) == "ok"  # a whole one
    assert gate.allow(10, 100.0) == "ok"  # a quiet page gets its burst back
    assert (gate.dropped_large, gate.dropped_fast) == (1, 3)


class FakeChannel:
    def __init__(self) -> None:
        self.handlers: dict[str, Callable[..., Any]] = {}

    def on(self, event: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def register(fn: Callable[..., Any]) -> Callable[..., Any]:
            self.handlers[event] = fn
            return fn

        return register


class FakePipeline:
    def start(self) -> None: ...

    async def close(self) -> None: ...


async def test_the_peer_drops_oversize_and_flooding_messages() -> None:
    received: list[dict[str, Any]] = []

    async def on_message(message: dict[str, Any]) -> None:
        received.append(message)

    async def on_closed(_peer: CandidatePeer) -> None: ...

    peer = CandidatePeer(
        "p-inbox",
        FakePipeline(),  # type: ignore[arg-type]
        None,
        on_closed,
        on_message=on_message,
        gate=MessageGate(max_bytes=1000, per_s=1.0, burst=5),
    )
    channel = FakeChannel()
    peer._on_datachannel(channel)
    send = channel.handlers["message"]
    send(json.dumps({"type": "visibility", "pad": "x" * 5000}))
    for i in range(50):
        send(json.dumps({"type": "visibility", "hidden": i % 2 == 0}))
    await peer.close()  # runs what was let through, then stops
    assert len(received) <= 5 and all("pad" not in m for m in received)
    assert peer.gate.dropped_large == 1 and peer.gate.dropped_fast >= 45
