"""Call leases: one instance holds a call; another sees who, and may take it only once the lease lapses
(its holder died) or is released; a restart under the same instance id takes its calls back at once."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from server.owners import LocalOwners, Owner, RedisOwners, run_renewals
from tests.conftest import REDIS_URL

A = Owner("a", "http://a.internal:8000")
B = Owner("b", "http://b.internal:8000")


@pytest.mark.redis
async def test_a_lease_is_held_while_renewed_and_lapses_when_its_holder_stops() -> None:
    call = uuid.uuid4().hex
    a, b = RedisOwners(REDIS_URL, A, lease_s=1.0), RedisOwners(REDIS_URL, B, lease_s=1.0)
    stop = asyncio.Event()
    try:
        assert await a.claim(call) is None
        assert await b.claim(call) == A and await b.owner(call) == A
        renewing = asyncio.create_task(run_renewals(a, stop, 0.3))
        await asyncio.sleep(1.6)  # longer than the lease: renewals keep it
        assert await b.claim(call) == A
        stop.set()
        await renewing
        await asyncio.sleep(1.2)  # A stopped renewing (as if killed): the lease lapsed
        assert await b.owner(call) is None
        assert await b.claim(call) is None and await a.owner(call) == B
        await a.release(call)  # A's late release must not free B's call
        assert await a.owner(call) == B
        again = RedisOwners(REDIS_URL, B, lease_s=1.0)  # B restarted under the same id
        try:
            assert await again.claim(call) is None
        finally:
            await again.close()
    finally:
        await a.close()
        await b.close()


async def test_in_one_process_the_call_is_held_here_until_released() -> None:
    owners = LocalOwners(A)
    assert await owners.owner("x") is None
    assert await owners.claim("x") is None and await owners.owner("x") == A
    await owners.release("x")
    assert await owners.owner("x") is None
