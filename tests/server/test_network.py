"""ICE servers for a call: STUN/TURN from settings, TURN REST credentials that a real coturn accepts
(and refuses once expired or signed with another secret), the settings' refusals, and the pages' config."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import time
from pathlib import Path
from typing import Any

import pytest
from aioice.stun import TransactionFailed
from aioice.turn import create_turn_endpoint
from fastapi.testclient import TestClient
from sqlalchemy import select

from server.app import create_app
from server.db.models import User
from server.services.ice import ice_config, turn_credentials
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_api import Api
from tests.server.test_review import Review
from tests.turn import Turn, turn

__all__ = ["turn"]  # the fixture

SECRET = "a-turn-secret-of-at-least-32-characters-0123"


def settings(tmp_path: Path, **kw: Any) -> Settings:
    return Settings(environment="test", secret_key=TEST_SECRET, data_dir=tmp_path, **kw)


def test_turn_rest_credentials_follow_coturns_scheme() -> None:
    username, password = turn_credentials("s3cret", "interview-1", 600, now=1_800_000_000)
    assert username == "1800000600:interview-1"
    want = base64.b64encode(hmac.new(b"s3cret", username.encode(), hashlib.sha1).digest()).decode()
    assert password == want


def test_an_empty_secret_or_token_means_unset(tmp_path: Path) -> None:
    s = settings(tmp_path, metrics_token="", turn_secret=" ")
    assert s.metrics_token is None and s.turn_secret is None


def test_ice_config_from_settings(tmp_path: Path) -> None:
    assert ice_config(settings(tmp_path), "i1").ice_servers == []
    config = ice_config(
        settings(
            tmp_path,
            stun_urls="stun:turn.example.com:3478",
            turn_urls="turn:turn.example.com:3478?transport=udp, turns:turn.example.com:443?transport=tcp",
            turn_secret=SECRET,
            turn_ttl_s=900,
            ice_relay_only=True,
        ),
        "i1",
        now=1000,
    )
    stun, turn_server = config.ice_servers
    assert stun.urls == ["stun:turn.example.com:3478"] and stun.username is None
    assert turn_server.urls[1] == "turns:turn.example.com:443?transport=tcp"
    assert turn_server.username == "1900:i1" and config.expires_at == 1900
    assert config.ice_transport_policy == "relay"
    assert SECRET not in config.model_dump_json(), "the shared secret never leaves the server"


@pytest.mark.parametrize(
    ("kw", "words"),
    [
        ({"turn_urls": "turn:t.example.com:3478"}, "needs INTERVIEW_TURN_SECRET"),
        ({"turn_urls": "turn:t.example.com", "turn_secret": "short"}, "at least 32 characters"),
        ({"stun_urls": "https://t.example.com"}, "start with stun:, turn: or turns:"),
        ({"metrics_token": "short"}, "INTERVIEW_METRICS_TOKEN"),
        ({"log_format": "xml"}, "log_format"),
    ],
)
def test_bad_network_and_monitoring_settings_are_refused(
    tmp_path: Path, kw: dict[str, Any], words: str
) -> None:
    with pytest.raises(ValueError, match=words):
        settings(tmp_path, **kw)


def test_the_candidate_page_gets_turn_credentials_for_its_call(tmp_path: Path) -> None:
    s = settings(tmp_path, turn_urls="turn:127.0.0.1:3478", turn_secret=SECRET)
    with TestClient(create_app(s, runtime=fake_runtime())) as client:
        api = Api(client, s)
        seeded = api.seed()
        ice = client.get(f"/api/invite/{seeded['token']}").json()["ice"]
    (server,) = ice["ice_servers"]
    expiry, subject = server["username"].split(":")
    assert subject == seeded["id"] and 0 < int(expiry) - time.time() <= s.turn_ttl_s
    assert ice["ice_transport_policy"] == "all"


async def allocate(turn: Turn, username: str, password: str) -> tuple[str, int]:
    transport, _ = await create_turn_endpoint(
        asyncio.DatagramProtocol, ("127.0.0.1", turn.port), username, password, lifetime=60
    )
    try:
        relayed: tuple[str, int] = transport.get_extra_info("sockname")
        return relayed
    finally:
        transport.close()


async def test_coturn_accepts_our_credentials_and_refuses_expired_or_forged_ones(turn: Turn) -> None:
    username, password = turn_credentials(turn.secret, "interview-1", 600)
    host, port = await allocate(turn, username, password)
    assert host == "127.0.0.1" and port > 0, "a relay address was allocated"
    expired = turn_credentials(turn.secret, "interview-1", 600, now=time.time() - 3600)
    with pytest.raises(TransactionFailed):
        await allocate(turn, *expired)
    forged = turn_credentials("another-secret", "interview-1", 600)
    with pytest.raises(TransactionFailed):
        await allocate(turn, *forged)


def test_staff_consoles_get_turn_credentials_for_their_user(tmp_path: Path) -> None:
    s = settings(tmp_path, turn_urls="turn:127.0.0.1:3478", turn_secret=SECRET, ice_relay_only=True)
    with TestClient(create_app(s, runtime=fake_runtime())) as client:
        assert client.get("/api/ice").status_code == 401
        review = Review(client, s)
        review.staff("iv-ice@example.test", "interviewer", "Engineering")
        ice = client.get("/api/ice").json()
    (server,) = ice["ice_servers"]
    assert server["username"].endswith(":" + review_user_id(review, "iv-ice@example.test"))
    assert ice["ice_transport_policy"] == "relay"


def review_user_id(review: Review, email: str) -> str:
    async def read(sessions: Any) -> str:
        async with sessions() as s:
            return str((await s.execute(select(User.id).where(User.email == email))).scalar_one())

    result: str = review.run(read)
    return result
