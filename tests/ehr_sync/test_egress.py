"""Connectors reach public addresses only (SSRF): loopback, private, link-local and metadata addresses
are refused when a connector is added and again at every send, unless the operator allowed them."""

from __future__ import annotations

import base64
import ipaddress
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from ehr_sync.egress import EgressPolicy, EgressRefused, GuardedTransport
from ehr_sync.signing import new_secret
from server.app import create_app
from server.db.engine import make_sessionmaker
from server.db.models import Delivery
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.ehr_sync.jsonserver import JsonServer
from tests.ehr_sync.receiver import Receiver
from tests.ehr_sync.test_delivery import add_endpoint, add_events, deliver
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review

MASTER_KEY = base64.b64encode(bytes(range(32))).decode()  # production needs one


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.5", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1"]
    + ["::ffff:127.0.0.1", "fe80::1", "fd00::1", "224.0.0.1"],
)
def test_internal_addresses_are_refused_by_default(address: str) -> None:
    assert EgressPolicy().address_problem(ipaddress.ip_address(address)) is not None


def test_public_addresses_pass_and_the_allow_list_opens_internal_ones() -> None:
    assert EgressPolicy().address_problem(ipaddress.ip_address("93.184.216.34")) is None
    policy = EgressPolicy(["10.1.0.0/16", "hr.corp.example", ".intranet.example"])
    assert policy.address_problem(ipaddress.ip_address("10.1.9.9")) is None
    assert policy.address_problem(ipaddress.ip_address("10.2.0.1")) is not None
    assert policy.host_allowed("hr.corp.example") and policy.host_allowed("a.intranet.example")
    assert not policy.host_allowed("corp.example") and not policy.host_allowed("evilintranet.example")
    assert EgressPolicy().scheme_problem("http") is not None
    assert EgressPolicy(allow_http=True).scheme_problem("http") is None


class Echo(JsonServer):
    def __init__(self) -> None:
        self.hosts: list[str] = []
        super().__init__()

    def respond(
        self, method: str, path: str, query: dict[str, str], body: Any, headers: dict[str, str]
    ) -> tuple[int, dict[str, Any] | None]:
        self.hosts.append(headers.get("host", ""))
        return 200, {"ok": True}


async def test_the_transport_refuses_before_connecting_and_connects_to_the_checked_address() -> None:
    echo = Echo().start()
    port = httpx.URL(echo.base).port
    try:
        strict = httpx.AsyncClient(transport=GuardedTransport(EgressPolicy(allow_http=True)))
        async with strict:
            for url in (echo.base, f"http://localhost:{port}/", f"http://[::ffff:127.0.0.1]:{port}/"):
                with pytest.raises(EgressRefused, match="loopback"):
                    await strict.post(url, json={})
        assert echo.hosts == [], "nothing reached the refused address"
        named = httpx.AsyncClient(transport=GuardedTransport(EgressPolicy(["localhost"], allow_http=True)))
        async with named:
            r = await named.post(f"http://localhost:{port}/", json={})
        assert r.status_code == 200 and echo.hosts == [f"localhost:{port}"]  # the name kept for Host
    finally:
        echo.stop()


async def test_a_stored_internal_endpoint_gets_nothing_at_send_time(engine: AsyncEngine) -> None:
    receiver = Receiver(new_secret()).start()
    sessions = make_sessionmaker(engine)
    await add_endpoint(sessions, receiver)  # written straight to the table, as an old row would be
    await add_events(sessions, 2, keys=1)
    try:
        await deliver(sessions, lambda: False, within_s=1.0, egress=EgressPolicy(allow_http=True))
    finally:
        receiver.stop()
    assert receiver.requests == []
    async with sessions() as s:
        errors = (await s.execute(select(Delivery.last_error))).scalars().all()
    assert any("loopback" in (e or "") for e in errors)


def test_the_admin_api_refuses_internal_connector_urls(tmp_path: Path) -> None:
    settings = Settings(
        environment="production", secret_key=TEST_SECRET, data_dir=tmp_path / "data", master_key=MASTER_KEY
    )
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        review = Review(client, settings)
        review.staff("admin-ssrf@example.test", "admin")
        for url, words in [
            ("https://127.0.0.1:6379/", "loopback"),
            ("https://169.254.169.254/latest/meta-data/", "link-local"),
            ("https://10.0.0.7/hook", "private"),
            ("https://[::1]/hook", "loopback"),
            ("http://93.184.216.34/hook", "https only"),
        ]:
            r = client.post("/api/admin/connectors", json={"name": "x", "kind": "webhook", "url": url})
            assert r.status_code == 422 and words in r.json()["detail"], (url, r.text)
        ok = client.post(
            "/api/admin/connectors", json={"name": "ok", "kind": "webhook", "url": "https://93.184.216.34/h"}
        )
        assert ok.status_code == 201, ok.text
