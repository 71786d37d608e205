"""Lifecycle controls: HR revokes or reissues invite links and cancels interviews (a live call is hung up);
admins disable, enable and rotate connectors' secrets. Each needs its role and leaves an audit row."""

from __future__ import annotations

import base64
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from server.app import create_app
from server.db.models import AuditEvent, Interview
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_api import Api, browser_offer
from tests.server.test_review import Review


@pytest.fixture(scope="module")
def app_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Review, Api]]:
    data = tmp_path_factory.mktemp("lifecycle") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, outbox_in_server=False)
    app = create_app(settings, runtime=fake_runtime())
    with TestClient(app) as client:
        yield app, Review(client, settings), Api(client, settings)


def actions(review: Review, interview_id: str | None = None) -> list[str]:
    async def read(sessions: Any) -> list[str]:
        async with sessions() as s:
            query = select(AuditEvent.action).order_by(AuditEvent.created_at)
            if interview_id is not None:
                query = query.where(AuditEvent.interview_id == interview_id)
            return list((await s.execute(query)).scalars())

    return review.run(read)


def status_of(review: Review, interview_id: str) -> str:
    async def read(sessions: Any) -> str:
        async with sessions() as s:
            row = await s.get(Interview, interview_id)
            return str(row.status)

    return review.run(read)


def test_reissue_ends_old_links_and_revoke_ends_all(app_client: tuple[Any, Review, Api]) -> None:
    _app, review, api = app_client
    seeded = api.seed()
    review.staff("iv-life@example.test", "interviewer")
    assert review.client.post(f"/api/interviews/{seeded['id']}/invite/reissue").status_code == 403
    review.client.post("/api/auth/logout")
    review.staff("hr-life@example.test", "hr")
    try:
        r = review.client.post(f"/api/interviews/{seeded['id']}/invite/reissue")
        assert r.status_code == 200
        new = r.json()["invite_url"].rsplit("/", 1)[1]
        old = review.client.get(f"/api/invite/{seeded['token']}")
        assert old.status_code == 401 and "replaced by a newer one" in old.json()["detail"]
        assert review.client.get(f"/api/invite/{new}").status_code == 200
        assert review.client.post(f"/api/interviews/{seeded['id']}/invite/revoke").status_code == 200
        assert review.client.get(f"/api/invite/{new}").status_code == 401
        assert review.client.post("/api/interviews/nope/invite/revoke").status_code == 404
    finally:
        review.client.post("/api/auth/logout")
    assert actions(review, seeded["id"])[-2:] == ["invite.reissued", "invite.revoked"]


def test_cancelling_stops_new_calls_and_hangs_up_a_live_one(app_client: tuple[Any, Review, Api]) -> None:
    app, review, api = app_client
    waiting, live = api.seed(), api.seed()
    for seeded in (waiting, live):
        api.consent(seeded["token"])
    offer = api.client.post(
        f"/api/invite/{live['token']}/offer", json={"sdp": browser_offer(), "type": "offer"}
    )
    assert offer.status_code == 200 and app.state.peers.get(live["id"]) is not None
    review.staff("hr-cancel@example.test", "hr")
    try:
        for seeded in (waiting, live):
            r = review.client.post(f"/api/interviews/{seeded['id']}/cancel", json={"reason": "withdrew"})
            assert r.status_code == 200, r.text
        again = review.client.post(f"/api/interviews/{waiting['id']}/cancel", json={})
        assert again.status_code == 409 and "already cancelled" in again.json()["detail"]
    finally:
        review.client.post("/api/auth/logout")
    deadline = time.monotonic() + 10
    while app.state.peers.get(live["id"]) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert app.state.peers.get(live["id"]) is None, "the live call was hung up"
    time.sleep(0.3)  # the closed call stores its end; it must not turn the interview into "interrupted"
    assert status_of(review, live["id"]) == status_of(review, waiting["id"]) == "cancelled"
    assert "interview.cancelled" in actions(review, waiting["id"])
    api.client.cookies.clear()
    r = api.client.post(
        f"/api/invite/{waiting['token']}/offer", json={"sdp": browser_offer(), "type": "offer"}
    )
    assert r.status_code == 401  # the old link ended with the cancellation


def basic(key: str) -> dict[str, str]:
    return {"authorization": "Basic " + base64.b64encode(f"{key}:".encode()).decode()}


def test_connectors_are_disabled_enabled_and_their_secrets_rotated(
    app_client: tuple[Any, Review, Api],
) -> None:
    _app, review, _api = app_client
    review.staff("admin-life@example.test", "admin")
    try:
        made = review.client.post(
            "/api/admin/connectors",
            json={"name": "GH", "kind": "greenhouse", "url": "https://api.greenhouse.io"},
        ).json()
        cid, old_key = made["id"], made["secret"]
        assert review.client.get("/api/greenhouse/list_tests", headers=basic(old_key)).status_code == 200
        rotated = review.client.post(f"/api/admin/connectors/{cid}/rotate-secret", json={}).json()
        new_key = rotated["secret"]
        assert new_key != old_key
        assert review.client.get("/api/greenhouse/list_tests", headers=basic(old_key)).status_code == 401
        assert review.client.get("/api/greenhouse/list_tests", headers=basic(new_key)).status_code == 200
        assert all("secret" not in c for c in review.client.get("/api/admin/connectors").json())

        off = review.client.post(f"/api/admin/connectors/{cid}/disable")
        assert off.status_code == 200 and off.json()["enabled"] is False
        assert review.client.get("/api/greenhouse/list_tests", headers=basic(new_key)).status_code == 401
        on = review.client.post(f"/api/admin/connectors/{cid}/enable")
        assert on.status_code == 200 and on.json()["enabled"] is True

        robot = review.client.post(
            "/api/admin/connectors",
            json={
                "name": "robot",
                "kind": "dingtalk",
                "url": "https://oapi.dingtalk.com/robot/send?access_token=t",
            },
        ).json()
        r = review.client.post(f"/api/admin/connectors/{robot['id']}/rotate-secret", json={})
        assert r.status_code == 422 and "give the new one" in r.json()["detail"]
        r = review.client.post(
            f"/api/admin/connectors/{robot['id']}/rotate-secret", json={"secret": "SECnew"}
        )
        assert r.status_code == 200 and "secret" not in r.json()
        assert review.client.post("/api/admin/connectors/nope/disable").status_code == 404
    finally:
        review.client.post("/api/auth/logout")
    trail = actions(review)
    for action in ("connector.secret_rotated", "connector.disabled", "connector.enabled"):
        assert action in trail
