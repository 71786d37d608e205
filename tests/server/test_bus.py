"""Live event fan-out: the in-process default and Redis pub/sub."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest

from server.bus import QUEUE_SIZE, EventBus, InProcessBus, RedisBus
from tests.conftest import REDIS_URL


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.redis)])
async def bus(request: pytest.FixtureRequest) -> AsyncIterator[EventBus]:
    b: EventBus = InProcessBus() if request.param == "memory" else RedisBus(REDIS_URL)
    yield b
    await b.close()


async def test_every_subscriber_gets_events_in_order_and_only_its_channel(bus: EventBus) -> None:
    ch = f"interview.{uuid.uuid4().hex}"
    async with bus.subscribe(ch) as a, bus.subscribe(ch) as b:
        for i in range(5):
            await bus.publish(ch, {"type": "n", "i": i})
        await bus.publish(ch + "x", {"type": "other"})
        got_a = [(await asyncio.wait_for(anext(a), 2))["i"] for _ in range(5)]
        got_b = [(await asyncio.wait_for(anext(b), 2))["i"] for _ in range(5)]
    assert got_a == got_b == [0, 1, 2, 3, 4]


async def test_a_slow_subscriber_loses_events_instead_of_growing_memory() -> None:
    bus = InProcessBus()
    async with bus.subscribe("c") as events:
        for i in range(QUEUE_SIZE + 10):
            await bus.publish("c", {"i": i})
        assert bus.dropped == 10
        assert (await anext(events))["i"] == 0
