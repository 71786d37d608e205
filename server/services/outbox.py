"""Connectors from the endpoints table, and the dispatcher loop (in the server or `interview worker`)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ehr_sync.connectors.feishu import FeishuHireConnector, TenantToken
from ehr_sync.connectors.greenhouse import GreenhouseConnector
from ehr_sync.connectors.robots import DingTalkRobot, WeComRobot
from ehr_sync.connectors.webhook import WebhookConnector
from ehr_sync.dispatcher import Dispatcher
from ehr_sync.model import Connector, EndpointConfig
from ehr_sync.ratelimit import SlidingWindow
from ehr_sync.schedule import SCHEDULE_S
from server.crypto import SecretBox
from server.db.models import Endpoint
from server.db.repositories.outbox import SqlOutboxStore

log = logging.getLogger(__name__)
ROBOTS: dict[str, type[DingTalkRobot] | type[WeComRobot]] = {"dingtalk": DingTalkRobot, "wecom": WeComRobot}
KINDS = ("webhook", "dingtalk", "wecom", "feishu", "greenhouse")


class ConnectorRegistry:
    """Builds connectors for enabled endpoints; refreshed every few seconds so edits take effect."""

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
        self._limiters: dict[str, SlidingWindow] = {}  # outlive reloads: a robot's last minute counts
        self._tokens: dict[str, TenantToken] = {}  # and access tokens stay cached

    async def refresh(self, force: bool = False) -> None:
        """Reload endpoints when stale."""
        if not force and time.monotonic() - self._loaded_at < self._refresh_s:
            return
        async with self._sessions() as session:
            rows = (await session.execute(select(Endpoint).where(Endpoint.enabled))).scalars().all()
        connectors: dict[str, Connector] = {}
        for row in rows:
            try:
                opened = [self._box.open(s) for s in row.secret_encrypted.split("\n") if s]
                secrets = [s for s in opened if s]
                config = EndpointConfig(row.id, row.kind, row.url, secrets, row.options or {})
                if row.kind == "webhook":
                    connectors[row.id] = WebhookConnector(config, self._client)
                elif row.kind in ROBOTS:
                    limiter = self._limiters.get(row.id)
                    robot = ROBOTS[row.kind](config, self._client, limiter)
                    self._limiters[row.id] = robot.limiter
                    connectors[row.id] = robot
                elif row.kind == "greenhouse":
                    connectors[row.id] = GreenhouseConnector(config, self._client)
                elif row.kind == "feishu":
                    feishu = FeishuHireConnector(config, self._client, self._tokens.get(row.id))
                    self._tokens[row.id] = feishu.token
                    connectors[row.id] = feishu
            except ValueError as exc:
                log.error("endpoint %s (%s) cannot be used: %s", row.name, row.id, exc)
        self._connectors = connectors
        self._loaded_at = time.monotonic()

    def get(self, endpoint_id: str) -> Connector | None:
        """The connector of an endpoint; an unknown id makes the next refresh happen at once."""
        connector = self._connectors.get(endpoint_id)
        if connector is None:
            self._loaded_at = 0.0
        return connector


async def run_dispatcher(
    sessions: async_sessionmaker[AsyncSession],
    secret_key: str,
    stop: asyncio.Event,
    timeout_s: float = 10.0,
    lease_s: float = 60.0,
    batch: int = 50,
    schedule: tuple[float, ...] = SCHEDULE_S,
) -> None:
    """Deliver the outbox until `stop` is set."""
    async with httpx.AsyncClient(timeout=timeout_s) as client:
        registry = ConnectorRegistry(sessions, SecretBox(secret_key), client)
        dispatcher = Dispatcher(
            SqlOutboxStore(sessions), registry.get, lease_s=lease_s, batch=batch, schedule=schedule
        )
        log.info("outbox dispatcher started")
        while not stop.is_set():
            try:
                await registry.refresh()
                done = await dispatcher.run_once()
            except Exception:  # a database hiccup must not end deliveries for good
                log.exception("outbox dispatcher batch failed; retrying in a second")
                done = 0
                await asyncio.sleep(1.0)
            if not done:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), 0.2)
        log.info("outbox dispatcher stopped after %d deliveries", dispatcher.delivered)
