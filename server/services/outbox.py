"""Connectors for the endpoints table, and the dispatcher loop (in the server or `interview worker`)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ehr_sync.connectors.registry import KINDS
from ehr_sync.dispatcher import Dispatcher
from ehr_sync.egress import EgressPolicy, GuardedTransport
from ehr_sync.model import Connector, EndpointConfig
from ehr_sync.schedule import SCHEDULE_S
from server.crypto import SecretBox
from server.db.repositories import endpoints as endpoint_repo
from server.db.repositories.outbox import SqlOutboxStore
from server.services.connector_urls import full_url
from server.settings import Settings

log = logging.getLogger(__name__)


def egress_policy(settings: Settings) -> EgressPolicy:
    """Where connectors may send: public addresses and the allow-list; plain http only in development."""
    return EgressPolicy(settings.egress_allow, allow_http=settings.development)


class EndpointConnectors:
    """Builds connectors for enabled endpoints; refreshed every few seconds so edits take effect.

    Each kind's registry entry builds its connector. The last connector built for an endpoint is kept
    (even while the endpoint is disabled) and handed to the next build, so what must outlive reloads
    does: a robot's rate window, a cached access token.
    """

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        box: SecretBox,
        client: httpx.AsyncClient,
        refresh_s: float = 5.0,
    ) -> None:
        self._sessions = sessions
        self._box = box
        self._client = client
        self._refresh_s = refresh_s
        self._loaded_at = 0.0
        self._connectors: dict[str, Connector] = {}
        self._built: dict[str, Connector] = {}  # every endpoint's latest, enabled or not

    async def refresh(self, force: bool = False) -> None:
        """Reload endpoints when stale."""
        if not force and time.monotonic() - self._loaded_at < self._refresh_s:
            return
        async with self._sessions() as session:
            rows = await endpoint_repo.enabled(session)
        connectors: dict[str, Connector] = {}
        for row in rows:
            entry = KINDS.get(row.kind)
            if entry is None:  # a kind this version does not know (a newer server wrote it)
                log.error("endpoint %s (%s) has an unknown kind %r", row.name, row.id, row.kind)
                continue
            try:
                opened = [self._box.open(s) for s in row.secret_encrypted.split("\n") if s]
                secrets = [s for s in opened if s]
                config = EndpointConfig(
                    row.id, row.kind, full_url(row, self._box), secrets, row.options or {}
                )
                connector = entry.build(config, self._client, self._built.get(row.id))
            except ValueError as exc:  # bad options or secrets (pydantic's errors are ValueErrors too)
                log.error("endpoint %s (%s) cannot be used: %s", row.name, row.id, exc)
                continue
            connectors[row.id] = self._built[row.id] = connector
        self._connectors = connectors
        self._loaded_at = time.monotonic()

    def get(self, endpoint_id: str) -> Connector | None:
        """The connector of an endpoint; an unknown id makes the next refresh happen at once."""
        connector = self._connectors.get(endpoint_id)
        if connector is None:
            self._loaded_at = 0.0
        return connector


class Outage:
    """Failed batches in a row: how long to wait, and what to log.

    While the database is down every batch fails. The first failure is logged with its traceback (it
    says why); later ones get one short line with the count, and the wait doubles from `first_s` up to
    `max_s`, so an outage of an hour is a few hundred lines, not 3,600 tracebacks. The recovery is
    logged once, with how many batches failed.
    """

    def __init__(self, first_s: float = 1.0, max_s: float = 30.0) -> None:
        self.first_s = first_s
        self.max_s = max_s
        self.failures = 0

    def failed(self, exc: Exception) -> float:
        """Log this failure; the seconds to wait before the next try."""
        self.failures += 1
        wait: float = min(self.first_s * 2.0 ** (self.failures - 1), self.max_s)
        if self.failures == 1:
            log.exception("outbox dispatcher batch failed; retrying in %.0f s", wait)
        else:
            reason = (str(exc).splitlines() or [""])[0][:160]
            log.warning(
                "outbox dispatcher still failing (%d batches in a row): %s: %s; retrying in %.0f s",
                self.failures,
                type(exc).__name__,
                reason,
                wait,
            )
        return wait

    def succeeded(self) -> None:
        """A batch went through: log the recovery once and start counting afresh."""
        if self.failures:
            log.info("outbox dispatcher recovered after %d failed batches", self.failures)
        self.failures = 0


async def run_dispatcher(
    sessions: async_sessionmaker[AsyncSession],
    secret_key: str,
    stop: asyncio.Event,
    timeout_s: float = 10.0,
    lease_s: float = 60.0,
    batch: int = 50,
    schedule: tuple[float, ...] = SCHEDULE_S,
    outage: Outage | None = None,
    egress: EgressPolicy | None = None,
) -> None:
    """Deliver the outbox until `stop` is set; wait longer and log less while batches keep failing.

    Every request goes through `egress` (default: public https destinations only), checked at the
    moment it is sent, whatever URL a connector or a partner's callback names.
    """
    outage = outage or Outage()
    transport = GuardedTransport(egress or EgressPolicy())
    async with httpx.AsyncClient(timeout=timeout_s, transport=transport) as client:
        connectors = EndpointConnectors(sessions, SecretBox(secret_key), client)
        dispatcher = Dispatcher(
            SqlOutboxStore(sessions), connectors.get, lease_s=lease_s, batch=batch, schedule=schedule
        )
        log.info("outbox dispatcher started")
        while not stop.is_set():
            wait = 0.2
            try:
                await connectors.refresh()
                done = await dispatcher.run_once()
                outage.succeeded()
            except Exception as exc:  # a database outage must not end deliveries for good
                done, wait = 0, outage.failed(exc)
            if not done:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), wait)
        log.info("outbox dispatcher stopped after %d deliveries", dispatcher.delivered)
