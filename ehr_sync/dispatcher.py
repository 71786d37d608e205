"""The dispatcher: claims due deliveries, pushes them through connectors, records the outcome.

At least once, with the delivery id as idempotency key; the Standard Webhooks retry schedule with
jitter; Retry-After honoured; 410 disables the endpoint; dead letter after the last attempt. Several
dispatchers may run against one database: the store's claim uses row locks with SKIP LOCKED and a
lease, so no delivery is pushed by two of them at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable

from ehr_sync.model import Connector, Delivery, OutboxStore, PushResult
from ehr_sync.schedule import SCHEDULE_S, next_delay

log = logging.getLogger(__name__)


class Dispatcher:
    """Delivers what the outbox holds."""

    def __init__(
        self,
        store: OutboxStore,
        connector_for: Callable[[str], Connector | None],
        *,
        batch: int = 50,
        lease_s: float = 60.0,
        idle_s: float = 0.2,
        schedule: tuple[float, ...] = SCHEDULE_S,
        rng: random.Random | None = None,
        max_in_flight: int = 8,
    ) -> None:
        self._store = store
        self._connector_for = connector_for
        self._batch = batch
        self._lease = lease_s
        self._idle = idle_s
        self._schedule = schedule
        self._rng = rng or random.Random()
        self.delivered = 0
        self._in_flight = asyncio.Semaphore(max_in_flight)  # receivers are not to be flooded

    async def run_once(self) -> int:
        """Claim one batch and push it (concurrently across endpoints/interviews); returns how many."""
        deliveries = await self._store.claim(self._batch, self._lease)
        await asyncio.gather(*(self._push(d) for d in deliveries))
        return len(deliveries)

    async def run(self, stop: asyncio.Event) -> None:
        """Loop until `stop` is set; idles briefly when nothing is due."""
        while not stop.is_set():
            try:
                done = await self.run_once()
            except Exception:
                log.exception("dispatcher batch failed; retrying")
                done = 0
            if not done:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self._idle)

    async def _push(self, delivery: Delivery) -> None:
        async with self._in_flight:
            await self._push_one(delivery)

    async def _push_one(self, delivery: Delivery) -> None:
        connector = self._connector_for(delivery.endpoint_id)
        if connector is None:  # e.g. an endpoint added a moment ago: connectors reload, try again soon
            await self._store.retry_later(delivery, 1.0, None, "endpoint not loaded yet")
            return
        try:
            result = await connector.push(delivery)
        except Exception as exc:  # a connector bug must not stop deliveries to others
            log.exception("connector failed on delivery %s", delivery.id)
            result = PushResult("retry", error=f"connector error: {exc}")
        await self._record(delivery, result)

    async def _record(self, delivery: Delivery, result: PushResult) -> None:
        if result.outcome == "throttled":
            await self._store.defer(delivery, result.retry_after_s or 1.0, result.error)
            return
        attempts = delivery.attempts + 1
        if result.outcome == "action_required":
            await self._store.action_required(delivery, result.error)
            log.warning(
                "delivery %s to %s needs a person: %s", delivery.id, delivery.endpoint_id, result.error
            )
            return
        if result.outcome == "delivered":
            self.delivered += 1
            await self._store.delivered(delivery, result.status)
            log.info(
                "delivered %s %s to %s (attempt %d)",
                delivery.event_type,
                delivery.id,
                delivery.endpoint_id,
                attempts,
            )
            return
        if result.outcome == "gone":
            await self._store.disable_endpoint(
                delivery.endpoint_id, f"receiver answered {result.status}: gone"
            )
            await self._store.dead_letter(delivery, result.status, "endpoint disabled (410 Gone)")
            log.warning("endpoint %s answered 410: disabled", delivery.endpoint_id)
            return
        delay = next_delay(attempts, result.retry_after_s, self._rng, self._schedule)
        if delay is None:
            await self._store.dead_letter(delivery, result.status, result.error)
            log.error(
                "dead letter %s to %s after %d attempts: %s",
                delivery.id,
                delivery.endpoint_id,
                attempts,
                result.error,
            )
        else:
            await self._store.retry_later(delivery, delay, result.status, result.error)
            log.info(
                "retry %s to %s in %.0f s (attempt %d failed: %s)",
                delivery.id,
                delivery.endpoint_id,
                delay,
                attempts,
                result.error or result.status,
            )
